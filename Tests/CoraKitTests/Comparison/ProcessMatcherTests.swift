import Testing
@testable import CoraKit

@Suite("Pairing two models' processes: pins, ids, codes, names, similarity; ambiguity reported")
struct ProcessMatcherTests {
    static func process(_ id: String, _ code: String, _ name: String, level: ProcessLevel = .businessProcess, parent: String = "") -> CoraProcess {
        CoraProcess(id: id, code: code, name: name, level: level, category: .primary, parent: parent)
    }

    /// The pairs as `old id → new id (method score)`.
    static func described(_ match: ModelMatch, _ old: ProcessModel, _ new: ProcessModel) -> [String] {
        match.pairs.map { "\(old.processes[$0.old].id) → \(new.processes[$0.new].id) (\($0.method.rawValue) \($0.score))" }
    }

    @Test("by id first, then by code, then by name: each pair says how it was made")
    func exactMethods() {
        let old = ProcessModel(processes: [
            Self.process("a", "P01", "Inschrijven woningzoekenden"),
            Self.process("b", "P02", "Verhuren eenheden"),
            Self.process("c", "", "BP Incasso huurachterstanden"),
            Self.process("d", "P09", "Vervallen proces"),
        ])
        let new = ProcessModel(processes: [
            Self.process("x-c", "", "Incasseren huurachterstand"),
            Self.process("x-b", "P02", "Verhuur van eenheden"),
            Self.process("a", "P01", "Inschrijven woningzoekenden"),
            Self.process("x-e", "P10", "Nieuw proces"),
        ])
        let match = ProcessMatcher().match(old, new)
        #expect(Self.described(match, old, new) == ["a → a (id 1.0)", "b → x-b (code 1.0)", "c → x-c (name 1.0)"])
        #expect(match.ambiguities.isEmpty)
        #expect(match.unmatchedOld == [3] && match.unmatchedNew == [3])
    }

    @Test("a code or a name that two processes of a side share pairs neither by it, and is reported")
    func ambiguousKeys() {
        let old = ProcessModel(processes: [Self.process("a", "P03", "Verhuren eenheden"), Self.process("b", "P04", "Innen huur")])
        let new = ProcessModel(processes: [
            Self.process("x", "P03", "Toewijzen woningen"), Self.process("y", "P03", "Contracteren huurders"),
            Self.process("z", "", "Innen huur"), Self.process("w", "", "innen  HUUR"),
        ])
        let match = ProcessMatcher().match(old, new)
        #expect(match.pairs.isEmpty, "\(Self.described(match, old, new))")
        #expect(match.ambiguities == [MatchAmbiguity(method: .code, old: [0], new: [0, 1]), MatchAmbiguity(method: .name, old: [1], new: [2, 3])])
    }

    @Test("similar names in the same place pair with their score; others do not; a tie is ambiguous")
    func similarity() {
        let old = ProcessModel(processes: [
            Self.process("bp", "", "Verhuren eenheden"),
            Self.process("w1", "", "Opstellen huurcontract voor nieuwe huurder", level: .workProcess, parent: "bp"),
            Self.process("w2", "", "Bezichtigen woning", level: .workProcess, parent: "bp"),
            Self.process("w3", "", "Archiveren dossier", level: .workProcess, parent: "bp"),
            Self.process("w4", "", "Innen huur", level: .workProcess, parent: "bp"),
            Self.process("w5", "", "Klantbediening", level: .workProcess, parent: "bp"),
        ])
        let new = ProcessModel(processes: [
            Self.process("bp", "", "Verhuren eenheden"),
            Self.process("n1", "", "Opstellen huurcontract nieuwe huurder", level: .workProcess, parent: "bp"),
            Self.process("n2", "", "Plannen bezichtiging woning", level: .workProcess, parent: "bp"),
            Self.process("n3", "", "Archiveren dossier digitaal", level: .workProcess, parent: "bp"),
            Self.process("n4", "", "Archiveren dossier papier", level: .workProcess, parent: "bp"),
            Self.process("n5", "", "Afhandelen klachten", level: .workProcess, parent: "bp"),
            Self.process("n6", "", "Bediening klant", level: .workProcess, parent: "bp"),
        ])
        let match = ProcessMatcher().match(old, new)
        // w1 and n1: 4 words in common of 5 and 4 (Dice 0.889 × 0.8), parents paired, same level.
        // w2 and n2: "bezichtigen" and "bezichtiging" have one stem, so 2 of 2 and 3 words in
        // common (Dice 0.8 × 0.8 + 0.2).
        #expect(Array(Self.described(match, old, new).prefix(3)) == ["bp → bp (id 1.0)", "w1 → n1 (similarity 0.911)", "w2 → n2 (similarity 0.84)"])
        // w5 and n6 share no word but a compound's letters: by letter triples.
        #expect(match.pairs.last.map { "\(old.processes[$0.old].id) → \(new.processes[$0.new].id) \($0.method)" } == "w5 → n6 similarity")
        // w4 and n5 have nothing in common but their place.
        #expect(match.unmatchedOld == [3, 4] && match.unmatchedNew == [3, 4, 5])
        #expect(match.ambiguities == [MatchAmbiguity(method: .similarity, old: [3], new: [3, 4])])
    }

    @Test("a pin made by hand comes first and is not undone by an id")
    func pinned() {
        let old = ProcessModel(processes: [Self.process("a", "P01", "Verhuren"), Self.process("b", "P02", "Innen")])
        let new = ProcessModel(processes: [Self.process("a", "P01", "Innen"), Self.process("b", "P02", "Verhuren")])
        let match = ProcessMatcher().match(old, new, pinned: [PinnedPair(old: "a", new: "b"), PinnedPair(old: "zz", new: "a")])
        // b's id and code name processes already paired; its name pairs it with a.
        #expect(Self.described(match, old, new) == ["a → b (pinned 1.0)", "b → a (name 1.0)"])
        #expect(match.pairs.first == ProcessPair(old: 0, new: 1, method: .pinned, score: 1))
    }

    @Test("10,000 processes against 10,000 with one word in every name: candidates come from the index, not from all pairs")
    func scale() {
        let old = ProcessModel(processes: (0..<10_000).map { Self.process("o\($0)", "", "Beheren onderdeel \($0) blok\($0 % 97)") })
        let new = ProcessModel(processes: (0..<10_000).map { Self.process("n\($0)", "", "Beheren onderdeel \($0) blok\($0 % 97) extra") })
        let match = ProcessMatcher().match(old, new)
        #expect(match.pairs.count == 10_000)
        #expect(match.pairs.allSatisfy { $0.method == .similarity && old.processes[$0.old].name.split(separator: " ")[2] == new.processes[$0.new].name.split(separator: " ")[2] })
    }

    @Test("a name is compared on its first 2,000 characters: two names of a megabyte alike that far pair by name, without comparing the rest")
    func longNames() {
        let start = String(repeating: "Verhuren eenheden ", count: 112)
        let old = ProcessModel(processes: [Self.process("a", "", start + String(repeating: "x", count: 1_000_000))])
        let new = ProcessModel(processes: [Self.process("b", "", start + String(repeating: "y", count: 1_000_000))])
        #expect(Self.described(ProcessMatcher().match(old, new), old, new).count == 1)
        #expect(ProcessMatcher().match(old, new).pairs.map(\.method) == [.name])
    }
}
