import Testing
@testable import CoraKit

/// The pairs file of `cora diff` and `cora coverage`: what cora writes reads back as the same
/// pairs; what is wrong is refused with its line.
@Suite("The pairs file")
struct PairsFileTests {
    static let old = ProcessModel(processes: [
        ModelDiffTests.process("a", "", "Verhuren eenheden garages", level: .businessProcess),
        ModelDiffTests.process("b\n# x: y", "", "Innen huur: \"nu\"\n- old: evil", level: .businessProcess),
        ModelDiffTests.process("c", "", "Marketing\u{2028}pairs:"),
    ])
    static let new = ProcessModel(processes: [
        ModelDiffTests.process("A\n- new: evil", "", "Verhuren eenheid nu", level: .businessProcess),
        ModelDiffTests.process("b\n# x: y", "", "Innen huur", level: .businessProcess),
        ModelDiffTests.process("D", "", "Beheren vastgoed"),
    ])

    static func failure(_ text: String) -> Diagnostic? {
        do {
            _ = try PairsFile.parse(text, file: "p.yaml")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test("the pairs cora proposes read back as exactly those pairs, whatever the ids and names hold; the rest are comments")
    func roundTrip() throws {
        let match = ProcessMatcher().match(Self.old, Self.new)
        let text = PairsFile.render(match, old: Self.old, new: Self.new)
        #expect(text.hasSuffix("""
            pairs:
              - old: a    # similarity 0.733: "Verhuren eenheden garages" (bedrijfsproces)
                new: "A\\n- new: evil"    # "Verhuren eenheid nu" (bedrijfsproces)

            # Paired by the same id, code or name: cora pairs these again by itself. Where one is wrong,
            # say that a process has no partner (- old: ID and new: ~) or pin its right partner above.
            #  - old: "b\\n# x: y"    # same id: "Innen huur: "nu" - old: evil" (bedrijfsproces)
            #    new: "b\\n# x: y"    # "Innen huur" (bedrijfsproces)

            # Not paired in the old model:
            #   old: c    # "Marketing pairs:" (werkproces)

            # Not paired in the new model:
            #   new: D    # "Beheren vastgoed" (werkproces)

            """), "\(text)")
        let pairs = try PairsFile.parse(text, file: "p.yaml")
        #expect(pairs == [PinnedPair(old: "a", new: "A\n- new: evil", line: 6)])
        try PairsFile.check(pairs, old: Self.old, new: Self.new, file: "p.yaml")
        let coverage = PairsFile.render(match, old: Self.old, new: Self.new, sides: .coverage)
        #expect(coverage.contains("  - inventory: a    # similarity 0.733") && coverage.contains("    reference: \"A\\n- new: evil\"    #"))
        #expect(try PairsFile.parse(coverage, file: "p.yaml").map(\.old) == ["a"])
    }

    @Test("refused with the line: not YAML, not a list, an unknown key, a missing side, two old ids, an empty id")
    func refused() throws {
        #expect(Self.failure("pairs: [\n  - old: a\n")?.code == .invalidPairs)
        #expect(Self.failure("pairs:\n  old: a\n")?.message == "pairs must be a list")
        #expect(Self.failure("pairs:\n  - old: a\n    new: b\n  - old: c\n    nieuw: d\n").map { "\($0.line ?? 0) \($0.message)" }
            == "5 unknown key \"nieuw\" in a pair; use old and new (or inventory and reference)")
        #expect(Self.failure("pairs:\n  - old: a\n").map { "\($0.line ?? 0) \($0.message)" } == "2 the pair lacks new (or reference); write ~ for a process that has no partner")
        #expect(Self.failure("pairs:\n  - old: a\n    inventory: b\n    new: c\n").map { "\($0.line ?? 0) \($0.message)" }
            == "3 the pair has two old ids (old and inventory)")
        #expect(Self.failure("pairs:\n  - old: \"\"\n    new: c\n")?.message == "the value of old must be a process id, or ~ for none")
        #expect(Self.failure("pairs:\n  - old: ~\n    new: null\n").map { "\($0.line ?? 0) \($0.message)" } == "2 the pair has neither an old nor a new id")
        #expect(Self.failure("paren:\n  - old: a\n    new: b\n")?.message == "unknown key \"paren\"; the pairs file has one key, pairs")
        #expect(Self.failure("- old: a\n")?.message == "the pairs file must be a mapping with the key pairs")
        #expect(try PairsFile.parse("", file: "p.yaml") == [])
        #expect(try PairsFile.parse("pairs:\n", file: "p.yaml") == [])
    }

    @Test("an alias bomb (2^24 pairs by reference) is refused at its first entry, never expanded; aliases of one pair count once each")
    func aliasBomb() throws {
        var text = "pairs:\n  - &l0 [{old: x, new: y}, {old: x, new: y}]\n"
        for level in 1..<24 { text += "  - &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        let diagnostic = Self.failure(text)
        #expect(diagnostic.map { "\($0.line ?? 0) \($0.message)" } == "2 each pair must be a mapping of old: ID and new: ID")
        // The only shape that reads is a flat list, so an alias adds one pair, not a tree of them.
        let aliases = "pairs:\n  - &p {old: a, new: A}\n" + String(repeating: "  - *p\n", count: 3)
        #expect(try PairsFile.parse(aliases, file: "p.yaml").count == 4)
    }

    @Test("~ says a process has no partner: the matcher leaves it unpaired whatever its id, code or name; a quoted \"~\" is an id")
    func noPartner() throws {
        let pairs = try PairsFile.parse("pairs:\n  - old: \"b\\n# x: y\"\n    new: ~\n  - old: null\n    new: D\n  - old: \"~\"\n    new: A\n", file: "p.yaml")
        #expect(pairs == [PinnedPair(old: "b\n# x: y", new: nil, line: 2), PinnedPair(old: nil, new: "D", line: 4), PinnedPair(old: "~", new: "A", line: 6)])
        let match = ProcessMatcher().match(Self.old, Self.new, pinned: Array(pairs.prefix(2)))
        // b would pair by id; it has no partner now, and neither has its namesake on the new side.
        #expect(!match.pairs.contains { Self.old.processes[$0.old].id == "b\n# x: y" })
        #expect(match.unmatchedOld.contains(1) && match.unmatchedNew.contains(1) && match.unmatchedNew.contains(2))
        #expect(match.pairs.map { "\($0.old)-\($0.new) \($0.method.rawValue)" } == ["0-0 similarity"])
    }

    @Test("checked against the models: an id neither has, a process paired twice")
    func checked() {
        func check(_ pairs: [PinnedPair], sides: PairsFile.Sides = .versions) -> String? {
            do {
                try PairsFile.check(pairs, old: Self.old, new: Self.new, file: "p.yaml", sides: sides)
                return nil
            } catch {
                return error.diagnostics.first.map { "\($0.line ?? 0) \($0.message)" }
            }
        }
        #expect(check([PinnedPair(old: "z", new: "D", line: 3)]) == "3 the old model has no process with the id \"z\"")
        #expect(check([PinnedPair(old: "a", new: "Z", line: 3)]) == "3 the new model has no process with the id \"Z\"")
        #expect(check([PinnedPair(old: "a", new: "D", line: 2), PinnedPair(old: "a", new: "b\n# x: y", line: 4)])
            == "4 the old process \"a\" is paired twice (also on line 2)")
        #expect(check([PinnedPair(old: "a", new: "D", line: 2), PinnedPair(old: "c", new: "D", line: 4)])
            == "4 the new process \"D\" is paired twice (also on line 2)")
        // For coverage several inventory processes may cover one reference process.
        #expect(check([PinnedPair(old: "a", new: "D", line: 2), PinnedPair(old: "c", new: "D", line: 4)], sides: .coverage) == nil)
        #expect(check([PinnedPair(old: "z", new: "D", line: 3)], sides: .coverage) == "3 the inventory model has no process with the id \"z\"")
        // A reference process without a partner takes no inventory process either.
        #expect(check([PinnedPair(old: nil, new: "D", line: 2), PinnedPair(old: "c", new: "D", line: 4)], sides: .coverage)
            == "4 the reference process \"D\" is paired twice (also on line 2)")
    }
}
