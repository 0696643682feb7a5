import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``PDCAIncompleteRule``: each case on a small canonical input (layout 2) with the exact code, line
/// and column expected, and the inputs that must pass.
@Suite("pdca-incomplete: phases given, but no check or no act")
struct PDCAIncompleteRuleTests {
    @Test("pdca-incomplete: one warning per missing phase, at the first process with a phase")
    func missingCheckAndAct() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s2"),
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1", pdcaPhase: "Plan"),
            canonicalRow("s2", "Begroten", level: "business-process", category: "steering", pdcaPhase: "uitvoeren")))
        #expect(result.diagnostics.map(summary) == ["pdca-incomplete@3:19", "pdca-incomplete@3:19"])
        #expect(result.diagnostics.map(\.message) == [
            "the PDCA cycle has no check phase (controleren): the phases given are plan, do",
            "the PDCA cycle has no act phase (bijsturen): the phases given are plan, do",
        ])
        #expect(result.diagnostics.map(\.value) == ["plan", "plan"])
        #expect(result.model.processes.map(\.pdcaPhase) == [nil, .plan, .do])
    }

    @Test("pdca-incomplete: the four phases, in any words, pass")
    func complete() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1", pdcaPhase: "P"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s2"),
            canonicalRow("s2", "Monitoren prestaties", level: "business-process", category: "steering", pdcaPhase: "controleren"),
            canonicalRow("s3", "Bijsturen beleid", level: "business-process", category: "steering", steers: "bp1", pdcaPhase: "Act")))
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.processes.map(\.pdcaPhase) == [.plan, nil, .check, .act])
    }

    @Test("an unknown phase is unknown-pdca-phase, a warning at its cell with the accepted words; the phase stays empty, the value a property")
    func unknownPhase() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", pdcaPhase: "Chek")))
        #expect(result.diagnostics.map(summary) == ["unknown-pdca-phase@2:19"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message == "unknown pdca-phase \"Chek\"")
        #expect(diagnostic.hint?.hasPrefix("did you mean \"check\"? accepted: plan, do, check, act and their Dutch names (plannen, uitvoeren, controleren, bijsturen)") == true)
        #expect(result.model.processes.map(\.pdcaPhase) == [nil])
        #expect(result.model.processes.first?.properties == [Property(name: "pdca-phase (original)", value: "Chek")])
    }
}
