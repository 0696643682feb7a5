import CoraCSV
import CoraKit
import Testing

/// Cycles in the builder: a cycle of rows' parent cells, and one of Archi relations.
@Suite("Building: cycles")
struct ModelBuilderCycleTests {
    @Test("a cycle of relations is cut at its last relation; the message names at most ten processes")
    func longRelationCycle() throws {
        let count = 15
        let elements = ArchiImportTests.elements(((1...count).map { ["p\($0)", "BusinessProcess", "Verhuren \($0)"] }))
        let relations = ArchiImportTests.relations(((1...count).map { ["r\($0)", "AggregationRelationship", "p\($0)", "p\($0 % count + 1)"] }))
        let result = try importArchiSet(elements: elements, relations: relations)
        let cycle = try #require(result.diagnostics.first { $0.code == .parentCycle })
        #expect(cycle.line == count + 1)
        #expect(cycle.message.hasSuffix("→ … (5 more) are each other's ancestors; this relation is left out"), "\(cycle.message)")
        // p1 at the top, p2 and p3 below it; p4, a step under a step, is invalid nesting and goes with the rest.
        #expect(result.model.processes.map(\.id) == ["p1", "p2", "p3"])
    }
}

extension ArchiImportTests {
    /// Rows of elements from an array.
    static func elements(_ rows: [[String]]) -> String { Self.rows(header, rows.map { $0 + ["", "", ""].prefix(max(0, 5 - $0.count)) }) }
    /// Rows of relations from an array.
    static func relations(_ rows: [[String]]) -> String { Self.rows(relationsHeader, rows.map { [$0[0], $0[1], "", "", $0[2], $0[3], ""] }) }
}
