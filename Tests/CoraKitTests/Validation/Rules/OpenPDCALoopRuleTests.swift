import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``OpenPDCALoopRule``: each case on a small canonical input (layout 2) with the exact code, line
/// and column expected, and the inputs that must pass.
@Suite("open-pdca-loop: a steered process that reports to no steering process")
struct OpenPDCALoopRuleTests {
    @Test("open-pdca-loop: a warning at the reports-to column; reporting itself or through a work process passes")
    func openLoop() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1|bp2|bp3"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s1"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "primary"),
            canonicalRow("bp3", "Uitvoeren onderhoud", level: "business-process", category: "primary"),
            canonicalRow("wp3", "Rapporteren onderhoud", level: "work-process", category: "primary", parent: "bp3", reportsTo: "s1")))
        #expect(result.diagnostics.map(summary) == ["open-pdca-loop@4:18"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message
                == "\"Innen huur\" is steered by \"Bepalen beleid\" but reports to no steering process: the Plan-Do-Check-Act cycle is not closed")
        #expect(diagnostic.hint == "name the steering process that receives its accountability information in its reports-to column")
    }

    @Test("open-pdca-loop with strict: an error that fails the run; the process stays, and so does the relation")
    func strict() throws {
        let result = try convertStrict(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp2"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "primary")))
        #expect(result.diagnostics.map(summary) == ["open-pdca-loop@3:18"])
        #expect(result.diagnostics.map(\.severity) == [.error])
        #expect(result.model.processes.map(\.id) == ["s1", "bp2"])
        #expect(result.model.processes[0].steers == ["bp2"])
    }

    @Test("a reference to a process left out for its errors says so, with the line, and is kept as written")
    func referenceToRejected() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp2"),
            canonicalRow("bp2", "Innen huur", level: "bedrijfsprocess", category: "primary", reportsTo: "s1")))
        #expect(result.diagnostics.map(summary) == ["unknown-pdca-reference@2:17", "steers-nothing@2:17", "unknown-level@3:4"])
        #expect(result.diagnostics[0].message == "the steered process \"bp2\" (line 3) is left out of the model for its errors; kept as written")
        #expect(result.diagnostics[0].hint == "the findings on line 3 say why")
        #expect(result.model.processes.map(\.steers) == [["bp2"]])
    }
}
