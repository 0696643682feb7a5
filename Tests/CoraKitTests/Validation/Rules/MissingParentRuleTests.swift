import CoraCSV
import CoraKit
import Testing

/// ``MissingParentRule``: a work process or process step at the top of the model.
@Suite("missing-parent: a work process or step at the top")
struct MissingParentRuleTests {
    @Test("a work process at the top: a warning at the parent column; the process stays; strict makes it an error")
    func workProcessAtTheTop() throws {
        let text = canonicalCSV(canonicalRow("wp", "Toewijzen woning", level: "work-process"))
        let result = try convert(text)
        #expect(result.diagnostics.map(summary) == ["missing-parent@2:6"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.model.processes.map(\.id) == ["wp"])
        let strict = try convertStrict(text)
        #expect(strict.diagnostics.first?.severity == .error)
        #expect(strict.model.processes.isEmpty)
    }

    @Test("no finding: business processes, chains, scenarios and processes without a level at the top, and a work process under a business process")
    func noFinding() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process"),
            canonicalRow("pc", "Verhuren en beheren", level: "process-chain"),
            canonicalRow("ss", "Sturen op betaalbaarheid", level: "steering-scenario"),
            canonicalRow("x", "Iets"),
            canonicalRow("wp", "Toewijzen woning", level: "work-process", parent: "bp")))
        #expect(!result.diagnostics.contains { $0.code == .missingParent }, "\(result.diagnostics)")
    }

    @Test("the rule runs on the model of each run, not again on a merged one")
    func scope() {
        #expect(MissingParentRule().scope == .run)
    }
}
