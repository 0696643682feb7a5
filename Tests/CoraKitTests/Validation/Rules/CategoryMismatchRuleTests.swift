import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``CategoryMismatchRule``: each case on a small canonical input with the exact code, line and column
/// expected, and the inputs that must pass.
@Suite("category-mismatch: a category other than the parent's")
struct CategoryMismatchRuleTests {
    @Test("category-mismatch: a warning at the category column with the value as written; the row stays")
    func categoryMismatch() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process", category: "primary"),
            canonicalRow("wp", "Leveren ICT middelen", level: "work-process", category: "ondersteunend", parent: "bp")))
        #expect(result.diagnostics.map(summary) == ["category-mismatch@3:5"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == "ondersteunend")
        #expect(diagnostic.message == "the category supporting differs from primary, the category of the parent \"Verhuren eenheden\" (line 2)")
        #expect(result.model.processes.map(\.id) == ["bp", "wp"])
    }

    @Test("no category-mismatch under a steering scenario or process chain, or without a category")
    func categoryPasses() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("sc", "Planmatig onderhoud", level: "steering-scenario", category: "steering"),
            canonicalRow("bp", "Uitvoeren planmatig onderhoud", level: "business-process", category: "primary", parent: "sc"),
            canonicalRow("k", "Reparatieonderhoud", level: "process-chain", category: "primary"),
            canonicalRow("bp2", "Inkopen producten en diensten", level: "business-process", category: "supporting", parent: "k"),
            canonicalRow("wp", "Inkopen service", level: "work-process", parent: "bp2", function: "Inkoop")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}
