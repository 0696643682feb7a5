import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``InvalidNestingRule``: each case on a small canonical input with the exact code, line and column
/// expected, and the inputs that must pass.
@Suite("invalid-nesting: a parent of a level that may not hold the process")
struct InvalidNestingRuleTests {
    @Test("invalid-nesting: a work process under a work process is an error at the parent column; the row is left out")
    func workProcessUnderWorkProcess() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process"),
            canonicalRow("wp1", "Verhuren eenheid", level: "work-process", parent: "bp"),
            canonicalRow("wp2", "Opleveren eenheid", level: "werkproces", parent: "wp1")))
        #expect(result.diagnostics.map(summary) == ["invalid-nesting@4:6"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.value == "wp1")
        #expect(diagnostic.message == "a werkproces cannot be part of the werkproces \"Verhuren eenheid\" (line 3)")
        #expect(diagnostic.hint?.hasPrefix("a werkproces is part of a bedrijfsproces") == true)
        #expect(result.model.processes.map(\.id) == ["bp", "wp1"])
        #expect(result.rejectedRecords.map(\.line) == [4])
    }

    @Test("invalid-nesting: a step directly under a business process, a scenario under anything; children go with them")
    func stepUnderBusinessProcess() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process"),
            canonicalRow("st", "Aanmaken klant", level: "process-step", parent: "bp"),
            canonicalRow("sc", "Verhuurmutatie", level: "steering-scenario", parent: "Verhuren eenheden"),
            canonicalRow("k", "Verhuren eenheid", level: "process-chain", parent: "sc")))
        #expect(result.diagnostics.map(summary) == ["invalid-nesting@3:6", "invalid-nesting@4:6", "unknown-parent@5:6"])
        #expect(result.diagnostics[1].value == "Verhuren eenheden")
        #expect(result.diagnostics[1].hint?.contains("stands at the top") == true)
        #expect(result.model.processes.map(\.id) == ["bp"])
    }

    @Test("no invalid-nesting: every allowed parent, a work process at the top, and unknown levels")
    func validNesting() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("sc", "Verhuurmutatie", level: "steering-scenario"),
            canonicalRow("k", "Verhuren eenheid", level: "process-chain", parent: "sc"),
            canonicalRow("bp", "Verhuren eenheden", level: "business-process", parent: "k"),
            canonicalRow("bp2", "Werven en selecteren kandidaten", level: "business-process", parent: "sc"),
            canonicalRow("wp", "Verhuren eenheid", level: "work-process", parent: "bp", function: "Contracteren"),
            canonicalRow("st", "Aanmaken klant", level: "process-step", parent: "wp"),
            canonicalRow("wp2", "Opleveren eenheid", level: "work-process", function: "Vastgoedverhuur"),
            canonicalRow("x", "Iets zonder niveau", parent: "st"),
            canonicalRow("y", "Nog een stap", level: "", parent: "x")))
        // The work process at the top is no invalid-nesting; it is a missing-parent warning.
        #expect(result.diagnostics.map(summary) == ["missing-parent@8:6"], "\(result.diagnostics)")
        #expect(result.model.processes.count == 9)
    }
}
