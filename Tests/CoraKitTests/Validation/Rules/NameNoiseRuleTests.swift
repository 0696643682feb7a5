import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``NameNoiseRule``: each case on a small canonical input with the exact code, line and column
/// expected, and the inputs that must pass.
@Suite("name-noise: whitespace, prefixes and suffixes in names")
struct NameNoiseRuleTests {
    @Test("name-noise: a warning naming what is wrong and the mapping setting that cleans it; the row stays",
          arguments: [
              (" Verhuren eenheid ", "leading and trailing whitespace", "trim: true"),
              ("Verhuren  eenheid", "several spaces in a row", "collapse-whitespace: true"),
              ("WP Verhuren eenheid", "the prefix \"WP \"", "strip-prefixes: [\"WP \"]"),
              ("BP Verhuren eenheden", "the prefix \"BP \"", "strip-prefixes: [\"BP \"]"),
              ("Verhuren eenheid (werkproces)", "the suffix \"(werkproces)\"", "strip-suffixes: [\"(werkproces)\"]"),
              ("Verhuren eenheden (Bedrijfsproces)", "the suffix \"(Bedrijfsproces)\"", "strip-suffixes: [\"(bedrijfsproces)\"]"),
          ])
    func nameNoise(name: String, problem: String, setting: String) throws {
        let result = try convert(canonicalCSV(canonicalRow("a", name, level: "work-process")))
        // A work process alone at the top is a missing-parent warning besides.
        #expect(result.diagnostics.filter { $0.code != .missingParent }.map(summary) == ["name-noise@2:3"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == name)
        #expect(diagnostic.message == "the name \"\(name)\" has \(problem)")
        #expect(diagnostic.hint?.contains(setting) == true)
        #expect(result.model.processes.map(\.name) == [name])
    }

    @Test("name-noise: several problems in one warning")
    func nameNoiseCombined() throws {
        let result = try convert(canonicalCSV(canonicalRow("a", "WP  Verhuren eenheid (werkproces) ")))
        #expect(result.diagnostics.map(summary) == ["name-noise@2:3"])
        #expect(result.diagnostics.first?.message
                == "the name \"WP  Verhuren eenheid (werkproces) \" has trailing whitespace, several spaces in a row, the prefix \"WP \" and the suffix \"(werkproces)\"")
    }

    @Test("no name-noise when the mapping strips and collapses")
    func mappingCleansNames() throws {
        let mapping = try MappingParser.parse("""
            collapse-whitespace: true
            fields:
              name: {columns: [Naam], strip-prefixes: ["WP ", "BP "], strip-suffixes: ["(werkproces)"]}
              level: Niveau
            """, file: "m.yaml")
        let result = try Pipeline.convert(
            MemoryByteSource(text: "Naam;Niveau\n WP Verhuren   eenheid (werkproces);werkproces\n"), file: "in.csv", mapping: mapping)
        #expect(result.diagnostics.map(\.code) == [.missingParent], "\(result.diagnostics)")
        #expect(result.model.processes.map(\.name) == ["Verhuren eenheid"])
    }
}
