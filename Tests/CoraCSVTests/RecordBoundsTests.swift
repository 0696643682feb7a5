import CoraCSV
import Testing

/// A field asked for outside a record (a short row, a column of the header the row lacks) reads
/// as empty through every accessor, never outside the record's storage and never a stop.
@Suite("Fields outside a record")
struct RecordBoundsTests {
    @Test("an index before the first or beyond the last field reads as an empty field")
    func outside() throws {
        let reader = try CSVReader(source: MemoryByteSource(Array("a,b,c\nx\n".utf8)), options: CSVReadOptions())
        _ = try reader.next()
        let short = try #require(try reader.next())
        #expect(short.count == 1 && short[0] == "x")
        for index in [-1, 1, 2, 1_000] {
            #expect(short[index] == "" && short.field(at: index) == nil && short.byteCount(at: index) == 0 && short.isEmpty(at: index))
            #expect(short.withFieldBytes(at: index) { $0.count } == 0)
        }
    }
}
