import Testing
@testable import CoraCSV

/// The limit on records per input (`CSVReadOptions.maxRecords`, `--max-rows`): the records up to the
/// limit are handed out, then `too-many-rows` names the first record over it; the read stays ended.
@Suite("Record limit")
struct RecordLimitTests {
    @Test("the records up to the limit, then too-many-rows on the line of the next one", arguments: [16, 64, 1 << 16])
    func limit(chunkSize: Int) throws {
        let text = "id,naam\n1,\"twee\nregels\"\n\n2,b\n3,c\n4,d\n"
        let outcome = try readAll(text: text, CSVReadOptions(chunkSize: chunkSize, maxRecords: 3))
        #expect(outcome.rows == [Row(1, 1, ["id", "naam"]), Row(2, 2, ["1", "twee\nregels"]), Row(5, 3, ["2", "b"])])
        #expect(outcome.issue?.kind == .tooManyRecords)
        #expect(outcome.issue?.line == 6)
        #expect(outcome.issue?.record == 4)
        #expect(outcome.issue?.isFatal == true)
    }

    @Test("exactly the limit is accepted, and next() keeps throwing once the limit is passed")
    func exactlyAndAfter() throws {
        let exact = try readAll(text: "a\nb\nc\n", CSVReadOptions(maxRecords: 3))
        #expect(exact.rows.count == 3)
        #expect(exact.issue == nil)
        let reader = try CSVReader(source: MemoryByteSource(text: "a\nb\nc\n"), options: CSVReadOptions(maxRecords: 1))
        #expect(try reader.next()?.fields == ["a"])
        for _ in 0..<2 {
            #expect(throws: CSVIssue.self) { try reader.next() }
        }
    }

    @Test("the default is 10,000,000")
    func defaultLimit() {
        #expect(CSVReadOptions().maxRecords == 10_000_000)
        #expect(CSVReadOptions.defaultMaxRecords == 10_000_000)
    }
}
