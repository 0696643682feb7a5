import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``UnsteeredProcessRule``: each case on a small canonical input (layout 2) with the exact code,
/// line and column expected, and the inputs that must pass.
@Suite("unsteered-process: a primary business process that no steering process steers")
struct UnsteeredProcessRuleTests {
    @Test("unsteered-process: a warning at the name; steered itself or through its chain passes; the row stays")
    func unsteered() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1|ch1"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s1"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "primary"),
            canonicalRow("ch1", "Onderhoud", level: "process-chain", category: "primary", reportsTo: "s1"),
            canonicalRow("bp3", "Uitvoeren onderhoud", level: "business-process", category: "primary", parent: "ch1"),
            canonicalRow("bp4", "Beheren personeel", level: "business-process", category: "supporting")))
        #expect(result.diagnostics.map(summary) == ["unsteered-process@4:3"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == "Innen huur")
        #expect(diagnostic.message == "the primary business process \"Innen huur\" is steered by no steering process")
        #expect(diagnostic.hint?.hasPrefix("name it (by id, code or name) in the steers column of the steering process") == true)
        #expect(result.model.processes.map(\.id) == ["s1", "bp1", "bp2", "ch1", "bp3", "bp4"])
    }

    @Test("unsteered-process with strict: an error that fails the run; the process stays in the model")
    func strict() throws {
        let result = try convertStrict(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s1"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "primary")))
        #expect(result.diagnostics.map(summary) == ["unsteered-process@4:3"])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.model.processes.map(\.id) == ["s1", "bp1", "bp2"])
        #expect(result.rejectedRecords.isEmpty)
    }

    @Test("unsteered-process: quiet when the model has no PDCA relation or phase at all")
    func quietWithoutPDCA() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", requirements: "verantwoording"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary")))
        #expect(result.diagnostics.isEmpty)
        #expect(try convert(canonicalCSV(canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary")))
            .diagnostics.isEmpty)
    }
}
