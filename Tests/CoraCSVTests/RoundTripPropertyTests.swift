import Testing
@testable import CoraCSV

/// Property: any table written by `CSVWriter` and read back by `CSVReader` with the same delimiter is
/// the same table, with every record on the line where the writer put it.
///
/// Tables come from a seeded SplitMix64, so a failure names a seed that replays it. Fields are drawn
/// from an alphabet of everything that needs care: quotes, the four delimiters, CR, LF, CRLF, spaces
/// and tabs at the start or end, multi-byte UTF-8 (é, €, an emoji) and empty strings.
///
/// What CSV cannot hold, and so is not generated:
/// - a record with no fields: it is written as an empty line, and a blank line is not a record
///   (see `WriterTests.recordWithoutFields`). Rows here have at least one column. A row of one
///   *empty* field does round-trip: the writer writes it as `""` (see `WriterTests.loneEmptyField`);
///   before that fix, a one-column table lost every such row.
/// - a first cell that is exactly `sep=X` in a one-column first row (the reader takes it for
///   Excel's separator line), or text starting with U+FEFF (taken for a byte order mark).
@Suite("Round trip property")
struct RoundTripPropertyTests {
    static let alphabet = [
        "a", "Z", "7", " ", "\t", "\"", "\"\"", ",", ";", "|", "\r", "\n", "\r\n",
        "é", "€", "😀", "'", "=", "-", "x y",
    ]
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
    static let lineEndings: [CSVWriteOptions.LineEnding] = [.lf, .crlf]

    static func randomField(_ rng: inout SplitMix64) -> String {
        if rng.chance(oneIn: 6) { return "" }
        var field = (0..<rng.within(1...6)).map { _ in rng.pick(alphabet) }.joined()
        if rng.chance(oneIn: 6) { field = " " + field }
        if rng.chance(oneIn: 6) { field += rng.pick([" ", "\t"]) }
        return field
    }

    /// A table of 1-6 rows of equal length (1-5 columns). One table in eight is a single column
    /// with many empty fields, the case a writer most easily gets wrong.
    static func randomTable(_ rng: inout SplitMix64) -> [[String]] {
        if rng.chance(oneIn: 8) {
            return (0..<rng.within(1...6)).map { _ in [rng.chance(oneIn: 2) ? "" : randomField(&rng)] }
        }
        let columns = rng.within(1...5)
        return (0..<rng.within(1...6)).map { _ in (0..<columns).map { _ in randomField(&rng) } }
    }

    /// Writes `table` and returns the bytes with the line each record starts on: one more than the
    /// LF bytes before it (CR alone is not a line break in a file with LF or CRLF line endings).
    static func write(_ table: [[String]], _ options: CSVWriteOptions) -> (bytes: [UInt8], lines: [Int]) {
        var writer = CSVWriter(options: options)
        var bytes: [UInt8] = []
        var lines: [Int] = []
        var line = 1
        for row in table {
            writer.write(row)
            let chunk = writer.takeOutput()
            lines.append(line)
            line += chunk.filter { $0 == 0x0A }.count
            bytes += chunk
        }
        return (bytes, lines)
    }

    static func expectedRows(_ table: [[String]], lines: [Int]) -> [Row] {
        table.enumerated().map { Row(lines[$0.offset], $0.offset + 1, $0.element) }
    }

    @Test("300 random tables × 4 delimiters × 2 line endings round-trip exactly")
    func randomTables() throws {
        var failures = 0
        for seed in UInt64(1)...300 {
            var rng = SplitMix64(seed: seed)
            let table = Self.randomTable(&rng)
            for delimiter in Self.delimiters {
                for lineEnding in Self.lineEndings {
                    let options = CSVWriteOptions(
                        delimiter: delimiter, lineEnding: lineEnding, byteOrderMark: rng.chance(oneIn: 4),
                        quoting: rng.chance(oneIn: 3) ? .all : .minimal)
                    let (bytes, lines) = Self.write(table, options)
                    let outcome = try readAll(bytes, CSVReadOptions(delimiter: delimiter))
                    let expected = Self.expectedRows(table, lines: lines)
                    if outcome.rows != expected || outcome.issue != nil {
                        failures += 1
                        Issue.record("""
                            seed \(seed), delimiter \(CSVDialect.name(ofDelimiter: delimiter)), \(lineEnding), \
                            quoting \(options.quoting), BOM \(options.byteOrderMark)
                            table:    \(table.debugDescription)
                            written:  \(String(decoding: bytes, as: UTF8.self).debugDescription)
                            expected: \(expected)
                            read:     \(outcome.rows) \(outcome.issue.map { "\($0)" } ?? "")
                            """)
                    }
                    #expect(outcome.dialect.hasByteOrderMark == options.byteOrderMark)
                    if failures >= 5 { return }
                }
            }
        }
    }

    @Test("the generator covers what it claims to")
    func generatorCoverage() {
        var rng = SplitMix64(seed: 1)
        var fields: [String] = []
        var singleColumnWithEmpty = 0
        for _ in 1...300 {
            let table = Self.randomTable(&rng)
            #expect(!table.isEmpty && table.allSatisfy { $0.count == table[0].count && !$0.isEmpty })
            if table[0].count == 1 && table.contains([""]) { singleColumnWithEmpty += 1 }
            fields += table.joined()
        }
        for needle in ["\"", ",", ";", "\t", "|", "\r\n", "é", "€", "😀"] {
            #expect(fields.contains { $0.contains(needle) }, "\(needle.debugDescription)")
        }
        #expect(fields.contains { $0.utf8.contains(0x0D) && !$0.contains("\r\n") }, "a lone CR")
        #expect(fields.contains { $0.utf8.contains(0x0A) && !$0.contains("\r\n") }, "a lone LF")
        #expect(fields.contains(""))
        #expect(fields.contains { $0.hasPrefix(" ") })
        #expect(fields.contains { $0.hasSuffix(" ") })
        #expect(fields.contains { $0.hasSuffix("\t") })
        #expect(singleColumnWithEmpty >= 10)
        // SplitMix64 is deterministic: the first outputs for seed 0 are the published ones.
        var reference = SplitMix64(seed: 0)
        #expect(reference.next() == 0xE220_A839_7B1D_CDAF)
        #expect(reference.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("large random tables round-trip through small chunks", arguments: [16, 64])
    func largeTablesInSmallChunks(chunkSize: Int) throws {
        var rng = SplitMix64(seed: 0xC0DA)
        for delimiter in Self.delimiters {
            for lineEnding in Self.lineEndings {
                // Rows until the output is well past the 64 KiB read before streaming starts.
                let columns = rng.within(1...6)
                var table: [[String]] = []
                var size = 0
                while size < 150_000 {
                    let row = (0..<columns).map { _ in Self.randomField(&rng) }
                    size += row.reduce(columns) { $0 + $1.utf8.count }
                    table.append(row)
                }
                let (bytes, lines) = Self.write(table, CSVWriteOptions(delimiter: delimiter, lineEnding: lineEnding))
                let expected = Self.expectedRows(table, lines: lines)
                let options = CSVReadOptions(delimiter: delimiter, chunkSize: chunkSize)
                let label = "delimiter \(CSVDialect.name(ofDelimiter: delimiter)), \(lineEnding)"

                let whole = try readAll(bytes, CSVReadOptions(delimiter: delimiter))
                #expect(whole.issue == nil, "\(label)")
                expectRows(whole.rows, expected, label)
                let chunked = try readAll(bytes, options)
                #expect(chunked.issue == nil, "\(label)")
                expectRows(chunked.rows, expected, "\(label), chunk size \(chunkSize)")
                let trickled = try readAll(TricklingByteSource(bytes, pieceSizes: [1, 3, 7, 2]), options)
                expectRows(trickled.rows, expected, "\(label), trickled")
            }
        }
    }
}
