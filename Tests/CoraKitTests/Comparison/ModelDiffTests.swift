import Testing
@testable import CoraKit

@Suite("Differences between two models, pair by pair")
struct ModelDiffTests {
    static func process(_ id: String, _ code: String, _ name: String, level: ProcessLevel = .workProcess, category: ProcessCategory? = .primary,
                        parent: String = "", owner: String = "", next: [String] = [], properties: [Property] = []) -> CoraProcess {
        var process = CoraProcess(id: id, code: code, name: name, level: level, category: category, parent: parent)
        process.owner = owner
        process.next = next
        process.properties = properties
        return process
    }

    /// `kind old→new field: old ⇒ new (method)`, one line per change.
    static func lines(_ changes: [ProcessChange]) -> [String] {
        changes.map { change in
            var line = "\(change.kind.rawValue) \(change.old ?? "-")→\(change.new ?? "-")"
            if let field = change.field { line += " \(field): \(change.oldValue ?? "") ⇒ \(change.newValue ?? "")" }
            if let match = change.match { line += " (\(match.rawValue))" }
            return line
        }
    }

    @Test("removed, then per pair renamed, moved, relevelled, recategorised and changed fields and properties, then added")
    func kinds() {
        let old = ProcessModel(processes: [
            Self.process("bp1", "P01", "Verhuren eenheden", level: .businessProcess),
            Self.process("bp2", "P02", "Innen huur", level: .businessProcess),
            Self.process("w1", "P01.1", "Toewijzen woning", parent: "bp1", owner: "Team Verhuur", next: ["w2"],
                         properties: [Property(name: "Afdeling", value: "Wonen")]),
            Self.process("w2", "P01.2", "Opstellen contract", parent: "bp1"),
            Self.process("w3", "P01.3", "Archiveren", parent: "bp1"),
        ])
        let new = ProcessModel(processes: [
            Self.process("n-bp1", "P01", "Verhuren eenheden", level: .businessProcess),
            Self.process("n-bp2", "P02", "Innen huur", level: .businessProcess, category: .supporting),
            Self.process("n-w1", "P01.1", "Toewijzen woningen", parent: "n-bp1", owner: "Team Wonen", next: ["n-w2"],
                         properties: [Property(name: "Afdeling", value: "Wonen"), Property(name: "Risico", value: "hoog")]),
            Self.process("n-w2", "P01.2", "Opstellen contract", level: .processStep, parent: "n-bp2"),
            Self.process("n-w4", "P01.4", "Evalueren", parent: "n-bp1"),
        ])
        let match = ProcessMatcher().match(old, new)
        #expect(Self.lines(ModelDiff.changes(from: old, to: new, match: match)) == [
            "removed w3→-",
            "recategorised bp2→n-bp2 category: primary ⇒ supporting (code)",
            "renamed w1→n-w1 name: Toewijzen woning ⇒ Toewijzen woningen (code)",
            "changed w1→n-w1 owner: Team Verhuur ⇒ Team Wonen (code)",
            "changed w1→n-w1 property:Risico:  ⇒ hoog (code)",
            "moved w2→n-w2 parent: bp1 ⇒ n-bp2 (code)",
            "relevelled w2→n-w2 level: work-process ⇒ process-step (code)",
            "added -→n-w4",
        ])
        // `next` names w2, which became n-w2: no change. Ignored fields are not compared.
        #expect(Self.lines(ModelDiff.changes(from: old, to: new, match: match, ignoring: ["owner", "properties", "name"])) == [
            "removed w3→-",
            "recategorised bp2→n-bp2 category: primary ⇒ supporting (code)",
            "moved w2→n-w2 parent: bp1 ⇒ n-bp2 (code)",
            "relevelled w2→n-w2 level: work-process ⇒ process-step (code)",
            "added -→n-w4",
        ])
    }

    @Test("the same model against itself: no change")
    func same() {
        let model = ProcessModel(processes: [Self.process("a", "A", "Verhuren", level: .businessProcess), Self.process("b", "B", "Toewijzen", parent: "a", next: ["a"])])
        #expect(ModelDiff.changes(from: model, to: model, match: ProcessMatcher().match(model, model)).isEmpty)
    }

    @Test("a reference to a process that was removed is a change of next")
    func referenceToRemoved() {
        let old = ProcessModel(processes: [Self.process("a", "A", "Verhuren", next: ["b"]), Self.process("b", "B", "Toewijzen")])
        let new = ProcessModel(processes: [Self.process("a", "A", "Verhuren")])
        #expect(Self.lines(ModelDiff.changes(from: old, to: new, match: ProcessMatcher().match(old, new))) == [
            "removed b→-", "changed a→a next: b ⇒  (id)",
        ])
    }

    @Test("a next list compares as the set of what its targets became: order and a target named twice are no change, another target is")
    func nextAsSet() {
        let old = ProcessModel(processes: [
            Self.process("a", "", "Intake", next: ["b", "c", "b"]), Self.process("b", "", "Toewijzen"), Self.process("c", "", "Opleveren"),
        ])
        let same = ProcessModel(processes: [
            Self.process("a", "", "Intake", next: ["c", "b"]), Self.process("b", "", "Toewijzen"), Self.process("c", "", "Opleveren"),
        ])
        #expect(ModelDiff.changes(from: old, to: same, match: ProcessMatcher().match(old, same)).isEmpty)
        let other = ProcessModel(processes: [
            Self.process("a", "", "Intake", next: ["c"]), Self.process("b", "", "Toewijzen"), Self.process("c", "", "Opleveren"),
        ])
        #expect(Self.lines(ModelDiff.changes(from: old, to: other, match: ProcessMatcher().match(old, other))) == ["changed a→a next: b|c|b ⇒ c (id)"])
    }
}
