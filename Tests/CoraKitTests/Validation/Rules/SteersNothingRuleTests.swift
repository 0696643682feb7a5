import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``SteersNothingRule``: each case on a small canonical input (layout 2) with the exact code, line
/// and column expected, and the inputs that must pass.
@Suite("steers-nothing: a steering process outside every PDCA relation")
struct SteersNothingRuleTests {
    @Test("steers-nothing: a warning at the steers column; steering, receiving reports or a work process that steers all pass")
    func steersNothing() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1"),
            canonicalRow("s2", "Monitoren prestaties", level: "business-process", category: "steering"),
            canonicalRow("s3", "Beheren risico's", level: "business-process", category: "steering"),
            canonicalRow("s3.1", "Opstellen risicoprofiel", level: "work-process", category: "steering", parent: "s3"),
            canonicalRow("s4", "Sturen op kwaliteit", level: "business-process", category: "steering"),
            canonicalRow("s4.1", "Uitvoeren audits", level: "work-process", category: "steering", parent: "s4", steers: "bp1"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s2")))
        #expect(result.diagnostics.map(summary) == ["steers-nothing@4:17"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == "")
        #expect(diagnostic.message == "the steering process \"Beheren risico's\" steers no process and receives no accountability information")
        #expect(result.model.processes.count == 7)
    }

    @Test("steers-nothing with strict: an error; the process stays, its work process without a function is left out (missing-function)")
    func strict() throws {
        let result = try convertStrict(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1"),
            canonicalRow("s3", "Beheren risico's", level: "business-process", category: "steering"),
            canonicalRow("s3.1", "Opstellen risicoprofiel", level: "work-process", category: "steering", parent: "s3"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s1")))
        #expect(result.diagnostics.map(summary) == ["steers-nothing@3:17", "missing-function@4:9"])
        #expect(result.diagnostics.map(\.severity) == [.error, .error])
        #expect(result.model.processes.map(\.id) == ["s1", "s3", "bp1"])
        #expect(result.rejectedRecords.map(\.line) == [4])
    }

    @Test("steers-nothing: quiet when the model has no PDCA relation or phase at all")
    func quietWithoutPDCA() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering")))
        #expect(result.diagnostics.isEmpty)
    }
}
