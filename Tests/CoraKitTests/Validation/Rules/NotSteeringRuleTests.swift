import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``NotSteeringRule``: each case on a small canonical input (layout 2) with the exact code, line
/// and column expected, and the inputs that must pass.
@Suite("not-steering: steers from, or reports to, a process that is not steering")
struct NotSteeringRuleTests {
    @Test("not-steering: steers on a primary process (at steers), reports-to naming a primary one (at reports-to)")
    func notSteering() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", steers: "bp2", reportsTo: "s1"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "primary", reportsTo: "Verhuren eenheden"),
            canonicalRow("x1", "Plannen werk", level: "business-process", steers: "bp2", reportsTo: "s1")))
        #expect(result.diagnostics.map(summary) == ["not-steering@3:17", "not-steering@4:18"])
        #expect(result.diagnostics.map(\.message) == [
            "the primair process \"Verhuren eenheden\" steers other processes; only a steering process steers",
            "\"Innen huur\" reports to \"Verhuren eenheden\", which is a primair process, not a steering one",
        ])
        #expect(result.diagnostics.map(\.value) == ["bp2", "Verhuren eenheden"])
        // References are resolved by id, code or name and written as ids.
        #expect(result.model.processes.map(\.reportsTo) == [[], ["s1"], ["bp1"], ["s1"]])
    }

    @Test("not-steering with strict: an error, and the row is left out (with what steers it, unknown-pdca-reference)")
    func strict() throws {
        let result = try convertStrict(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "bp1"),
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "s1|bp2"),
            canonicalRow("bp2", "Innen huur", level: "business-process", category: "supporting", steers: "bp1", reportsTo: "s1")))
        #expect(result.diagnostics.map(summary) == ["unknown-pdca-reference@2:17", "not-steering@3:18", "not-steering@4:17"])
        #expect(result.diagnostics[0].message == "the steered process \"bp1\" is left out of the model for its errors; kept as written (an error with --strict)")
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        #expect(result.model.processes.map(\.id) == ["s1"])
    }
}
