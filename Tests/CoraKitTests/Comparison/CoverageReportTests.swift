import Foundation
import Testing
@testable import CoraKit

/// `cora coverage`'s library part: several inventory processes for one reference process, the
/// status of each reference process, the unmatched inventory processes, ambiguities and totals.
@Suite("Coverage of an inventory against a reference model")
struct CoverageReportTests {
    static func process(_ id: String, _ name: String, level: ProcessLevel? = .businessProcess, category: ProcessCategory? = .primary,
                        parent: String = "") -> CoraProcess {
        CoraProcess(id: id, name: name, level: level, category: category, parent: parent)
    }

    /// The fixture reference (`Golden/Coverage/reference.csv`) against the sample inventory.
    static func fixtureReport() throws -> CoverageReport {
        let reference = try convertSample("Tests/CoraKitTests/Golden/Coverage/reference.csv", mapping: "canonical")
        #expect(reference.diagnostics.isEmpty, "\(reference.diagnostics)")
        let inventory = try convertSample("Samples/woonstad-waterland.csv", mapping: "canonical")
        return CoverageReport(reference: reference.model, inventory: inventory.model)
    }

    /// An entry as `id status: inventory-id method score, …`.
    static func described(_ report: CoverageReport) -> [String] {
        report.entries.map { entry in
            "\(report.reference.processes[entry.reference].id) \(entry.status.rawValue):"
                + entry.matches.map { " \(report.inventory.processes[$0.inventory].id) \($0.method.rawValue) \($0.score)" }.joined(separator: ",")
        }
    }

    @Test("one to one by default: two old processes with one name key are an ambiguity; with oneNewForManyOld both pair")
    func manyOldForOneNew() {
        let old = ProcessModel(processes: [Self.process("a", "Verhuren eenheden"), Self.process("b", "Verhuren eenheid"), Self.process("c", "Innen huur")])
        let new = ProcessModel(processes: [Self.process("x", "BP Verhuren Eenheden"), Self.process("y", "Innen huur")])
        let oneToOne = ProcessMatcher().match(old, new)
        #expect(ProcessMatcherTests.described(oneToOne, old, new) == ["c → y (name 1.0)"])
        #expect(oneToOne.ambiguities == [MatchAmbiguity(method: .name, old: [0, 1], new: [0])])
        let many = ProcessMatcher(oneNewForManyOld: true).match(old, new)
        #expect(ProcessMatcherTests.described(many, old, new) == ["a → x (name 1.0)", "b → x (name 1.0)", "c → y (name 1.0)"])
        #expect(many.ambiguities.isEmpty && many.unmatchedOld.isEmpty && many.unmatchedNew.isEmpty)
    }

    @Test("with oneNewForManyOld, a name of two new processes and a tie for an old process's best stay ambiguous")
    func manyOldAmbiguities() {
        let old = ProcessModel(processes: [Self.process("a", "Afhandelen klacht"), Self.process("b", "Opstellen jaarverslag", level: .workProcess)])
        let new = ProcessModel(processes: [
            Self.process("x", "Afhandelen klachten"), Self.process("y", "Afhandelen klacht"),
            Self.process("p", "Opstellen jaarverslag en begroting"), Self.process("q", "Opstellen jaarverslag en rekening"),
        ])
        let match = ProcessMatcher(oneNewForManyOld: true).match(old, new)
        #expect(match.pairs.isEmpty, "\(ProcessMatcherTests.described(match, old, new))")
        #expect(match.ambiguities == [
            MatchAmbiguity(method: .name, old: [0], new: [0, 1]), MatchAmbiguity(method: .similarity, old: [1], new: [2, 3]),
        ])
    }

    @Test("with oneNewForManyOld, several old processes pair with one new by similarity, but not with one paired by name")
    func manyOldBySimilarity() {
        let old = ProcessModel(processes: [
            Self.process("a", "Opstellen jaarverslag", level: .workProcess), Self.process("b", "Opstellen jaarrekening", level: .workProcess),
            Self.process("c", "Leveren financiële diensten"), Self.process("d", "Leveren ICT-diensten"),
        ])
        let new = ProcessModel(processes: [
            Self.process("x", "Opstellen jaarverslag en jaarrekening", level: .workProcess), Self.process("y", "Leveren financiële diensten"),
        ])
        let match = ProcessMatcher(oneNewForManyOld: true).match(old, new)
        // "Leveren ICT-diensten" would score 0.733 with y, but y has its own name already.
        #expect(ProcessMatcherTests.described(match, old, new) == ["c → y (name 1.0)", "a → x (similarity 0.733)", "b → x (similarity 0.733)"])
        #expect(match.unmatchedOld == [3] && match.ambiguities.isEmpty)
    }

    @Test("the fixture against the sample: each reference process's status and matches, in the reference's tree order")
    func fixtureStatuses() throws {
        let report = try Self.fixtureReport()
        #expect(Self.described(report) == [
            "r-s2 covered: ww-s02 name 1.0",
            "r-s4 partial: ww-s04 name 1.0",
            "r-s4-1 covered: ww-s04-01 similarity 0.733, ww-s04-02 similarity 0.733",
            "r-s4-2 missing:",
            "r-k1 partial:",
            "r-p3 covered: ww-k01 name 1.0, ww-p03 name 1.0, ww-p03-01 name 1.0",
            "r-p1 partial: ww-p01-01 name 1.0",
            "r-p2 covered: ww-p07 name 1.0",
            "r-p2-1 covered: ww-p07-03 name 1.0",
            "r-p2-2 covered: ww-p07-04 name 1.0",
            "r-p4 missing:",
            "r-p4-1 missing:",
            "r-p5 covered: ww-p08 name 1.0",
            "r-p5-1 covered: ww-p08-02 name 1.0",
            "r-p6 missing:",
            "r-p6-1 missing:",
            "r-o1 covered: ww-o03 name 1.0",
            "r-o2 covered: ww-o05 similarity 0.84",
            "r-x missing:",
            "r-p7 missing:",
            "r-o3 missing:",
        ])
        #expect(report.entries.map(\.depth) == [0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0])
        let inventory = report.inventory.processes
        #expect(report.unmatched.count == 58 && report.unmatched.prefix(3).map { inventory[$0].id } == ["ww-s01", "ww-s01-01", "ww-s01-02"])
        #expect(report.unmatched.contains { inventory[$0].id == "ww-p09" })
        // "Managen klantwaardering" fits two reference processes equally: reported, not matched.
        let ambiguity = try #require(report.ambiguities.first)
        #expect(report.ambiguities.count == 1)
        #expect(ambiguity.method == .name && ambiguity.old.map { inventory[$0].id } == ["ww-p09"]
                && ambiguity.new.map { report.reference.processes[$0].id } == ["r-p7", "r-o3"])
    }

    @Test("totals per category and level: reference processes under theirs, unmatched inventory processes under theirs, none under nil")
    func fixtureTotals() throws {
        let totals = try Self.fixtureReport().totals
        #expect(totals.all == CoverageCounts(covered: 10, partial: 3, missing: 8, unmatched: 58))
        #expect(totals.categories.map(\.category) == [.steering, .primary, .supporting, nil])
        #expect(totals.categories.map(\.counts) == [
            CoverageCounts(covered: 2, partial: 1, missing: 1, unmatched: 13), CoverageCounts(covered: 6, partial: 2, missing: 5, unmatched: 33),
            CoverageCounts(covered: 2, partial: 0, missing: 1, unmatched: 12), CoverageCounts(covered: 0, partial: 0, missing: 1, unmatched: 0),
        ])
        #expect(totals.levels.map(\.level) == [.processChain, .businessProcess, .workProcess, .processStep, nil])
        #expect(totals.levels.map(\.counts) == [
            CoverageCounts(partial: 1), CoverageCounts(covered: 6, partial: 2, missing: 4, unmatched: 11),
            CoverageCounts(covered: 4, missing: 3, unmatched: 36), CoverageCounts(unmatched: 11), CoverageCounts(missing: 1),
        ])
    }

    @Test("covered, partial and missing from the tree: another level, a missing child, a matched descendant; no level compares with any")
    func statusRules() {
        let reference = ProcessModel(processes: [
            Self.process("chain", "Verhuur", level: .processChain),
            Self.process("bp", "Toewijzen woning", parent: "chain"),
            Self.process("wp1", "Bezichtigen woning", level: .workProcess, parent: "bp"),
            Self.process("wp2", "Tekenen contract", level: .workProcess, parent: "bp"),
            Self.process("top", "Innen huur"),
            Self.process("free", "Meten tevredenheid", level: nil),
        ])
        let inventory = ProcessModel(processes: [
            Self.process("i1", "Bezichtigen woning", level: .workProcess),
            Self.process("i2", "Innen huur", level: .workProcess),
            Self.process("i3", "Meten tevredenheid", level: .processStep),
            Self.process("i4", "Tekenen contract", level: nil),
        ])
        let report = CoverageReport(reference: reference, inventory: inventory)
        #expect(Self.described(report) == [
            "chain partial:", "bp partial:", "wp1 covered: i1 name 1.0", "wp2 covered: i4 name 1.0", "top partial: i2 name 1.0", "free covered: i3 name 1.0",
        ])
        // Once bp's own process is in the inventory it is covered, its children being covered.
        let more = ProcessModel(processes: inventory.processes + [Self.process("i5", "Toewijzen woningen")])
        #expect(Self.described(CoverageReport(reference: reference, inventory: more)).prefix(2) == ["chain partial:", "bp covered: i5 name 1.0"])
    }

    @Test("a pinned pair comes first and is kept; the same reference process may still be matched by name")
    func pinned() {
        let reference = ProcessModel(processes: [Self.process("r1", "Verhuren eenheden"), Self.process("r2", "Verkopen eenheden")])
        let inventory = ProcessModel(processes: [Self.process("a", "Toewijzen woningen"), Self.process("b", "Verhuren eenheden")])
        let report = CoverageReport(reference: reference, inventory: inventory, pinned: [PinnedPair(old: "a", new: "r1")])
        #expect(Self.described(report) == ["r1 covered: a pinned 1.0, b name 1.0", "r2 missing:"])
        #expect(report.unmatched.isEmpty)
    }

    @Test("a reference whose parents form a cycle (which the builder rejects) still gets a status for every process: the first is taken as a top")
    func parentCycle() {
        let reference = ProcessModel(processes: [Self.process("a", "Innen huur", parent: "b"), Self.process("b", "Verhuren eenheden", parent: "a")])
        let inventory = ProcessModel(processes: [Self.process("i", "Innen huur")])
        #expect(Self.described(CoverageReport(reference: reference, inventory: inventory)) == ["a partial: i name 1.0", "b missing:"])
    }
}
