import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``MissingFunctionRule``: each case on a small canonical input with the exact code, line and column
/// expected, and the inputs that must pass.
@Suite("missing-function: a work process without a business function")
struct MissingFunctionRuleTests {
    @Test("missing-function: a warning at the function column; the row stays")
    func missingFunction() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process"),
            canonicalRow("wp1", "Verhuren eenheid", level: "work-process", parent: "bp", function: "Contracteren"),
            canonicalRow("wp2", "Opleveren eenheid", level: "work-process", parent: "bp")))
        #expect(result.diagnostics.map(summary) == ["missing-function@4:9"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == "")
        #expect(diagnostic.message == "the work process \"Opleveren eenheid\" has no responsible business function")
        #expect(result.model.processes.map(\.id) == ["bp", "wp1", "wp2"])
    }

    @Test("missing-function with strict: an error, and the row is left out")
    func missingFunctionStrict() throws {
        let result = try convertStrict(canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process"),
            canonicalRow("wp1", "Verhuren eenheid", level: "work-process", parent: "bp", function: "Contracteren"),
            canonicalRow("wp2", "Opleveren eenheid", level: "work-process", parent: "bp")))
        #expect(result.diagnostics.map(summary) == ["missing-function@4:9"])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.model.processes.map(\.id) == ["bp", "wp1"])
        #expect(result.rejectedRecords.map(\.line) == [4])
    }

    @Test("missing-function: not reported when the inventory records no functions at all, unless strict")
    func noFunctionsAtAll() throws {
        let text = canonicalCSV(canonicalRow("bp", "Verhuren eenheden", level: "business-process"),
                                canonicalRow("wp", "Verhuren eenheid", level: "work-process", parent: "bp"))
        #expect(try convert(text).diagnostics.isEmpty)
        #expect(try convertStrict(text).diagnostics.map(summary) == ["missing-function@3:9"])
    }

    @Test("missing-function on a work process made from a per-level layout: the line that named it, no column")
    func missingFunctionWithoutRow() throws {
        let mapping = try MappingParser.parse("""
            fields:
              function: Functie
            hierarchy:
              levels:
                - {column: Niveau 1, level: business-process}
                - {column: Niveau 2, level: work-process}
                - {column: Niveau 3, level: process-step}
            """, file: "m.yaml")
        let csv = """
            Niveau 1;Niveau 2;Niveau 3;Functie
            Verhuren eenheden;Verhuren eenheid;;Contracteren
            ;Opleveren eenheid;Overhandigen sleutels;

            """
        let result = try Pipeline.convert(MemoryByteSource(text: csv), file: "in.csv", mapping: mapping)
        #expect(result.diagnostics.map(summary) == ["missing-function@3"])
        #expect(result.diagnostics.first?.file == "in.csv")
        #expect(result.diagnostics.first?.column == nil)
        #expect(result.diagnostics.first?.message == "the work process \"Opleveren eenheid\" has no responsible business function")
    }
}
