import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``NotSteeringRule``: each case on a small canonical input (layout 2) with the exact code, line
/// and column expected, and the inputs that must pass.
@Suite("not-steering: steers from, or reports to, a process that is not steering")
struct NotSteeringRuleTests {
    @Test("not-steering: steers on a primary process or one without a category (at steers), reports-to naming a primary one (at reports-to)")
    func notSteering() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", steers: "bp2", reportsTo: "s1"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "primary", reportsTo: "Verhuren eenheden"),
            canonicalRow("x1", "Plannen werk", level: "business-process", steers: "bp2", reportsTo: "s1")))
        #expect(result.diagnostics.map(summary) == ["not-steering@3:17", "not-steering@4:18", "not-steering@5:17"])
        #expect(result.diagnostics.map(\.message) == [
            "\"Verhuren eenheden\" (primary (primair)) steers other processes; only a steering process steers",
            "\"Innen huur\" reports to \"Verhuren eenheden\", which is a primary (primair) process, not a steering one",
            "\"Plannen werk\" (no category) steers other processes; only a steering process steers",
        ])
        #expect(result.diagnostics.map(\.value) == ["bp2", "Verhuren eenheden", "bp2"])
        #expect(result.diagnostics[0].hint == "give it the category steering (sturend), or move the relations to the steering process meant")
        // References are resolved by id, code or name and written as ids.
        #expect(result.model.processes.map(\.reportsTo) == [[], ["s1"], ["bp1"], ["s1"]])
    }

    @Test("not-steering: a phase on a process that is not steering (at pdca-phase); do is the primary processes' own")
    func phase() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1|bp2", pdcaPhase: "plan"),
            canonicalRow("s2", "Monitoren", level: "business-process", category: "steering", pdcaPhase: "check"),
            canonicalRow("s3", "Bijsturen", level: "business-process", category: "steering", steers: "bp1", pdcaPhase: "act"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s2", pdcaPhase: "do"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "primary", reportsTo: "s2", pdcaPhase: "controleren")))
        #expect(result.diagnostics.map(summary) == ["not-steering@6:19"])
        #expect(result.diagnostics.first?.message == "\"Innen huur\" (primary (primair)) has the PDCA phase check; only a steering process has one")
    }

    @Test("not-steering with strict: errors that fail the run; every process stays")
    func strict() throws {
        let result = try convertStrict(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s1|bp2"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "supporting", steers: "bp1", reportsTo: "s1")))
        #expect(result.diagnostics.map(summary) == ["not-steering@3:18", "not-steering@4:17"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        #expect(result.model.processes.map(\.id) == ["s1", "bp1", "bp2"])
        #expect(result.rejectedRecords.isEmpty)
    }
}
