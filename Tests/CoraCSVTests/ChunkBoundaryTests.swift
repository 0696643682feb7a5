import Testing
@testable import CoraCSV

/// Reading in small chunks gives exactly what reading in one go gives.
///
/// The reader looks at the first 64 KiB (or one chunk, if larger) to settle the dialect and hands
/// that to libcsv in one piece; only what follows is read `chunkSize` bytes at a time. So every input
/// here is larger than 64 KiB, and the interesting bytes sit past that point, where records, UTF-8
/// sequences and CRLF pairs land across chunk and read boundaries.
@Suite("Chunk boundaries")
struct ChunkBoundaryTests {
    /// A document over 64 KiB: multi-byte UTF-8 (2, 3 and 4 bytes), quoted fields holding the line
    /// ending, leading and trailing spaces, doubled quotes and blank lines; with the rows it must give.
    static func largeDocument(ending: String, padding: Int = 0) -> (bytes: [UInt8], rows: [Row]) {
        let header = "id;naam" + String(repeating: "x", count: padding) + ";toelichting"
        var text = header + ending
        var rows = [Row(1, 1, ["id", "naam" + String(repeating: "x", count: padding), "toelichting"])]
        var line = 2
        for index in 1...2_500 {
            let name = "Beëindigen € \(index) 😀"
            if index % 5 == 0 {
                let note = "regel een\(ending)regel \"twee\" ; \(index)"
                text += "\(index);\(name);\"regel een\(ending)regel \"\"twee\"\" ; \(index)\"\(ending)"
                rows.append(Row(line, index + 1, ["\(index)", name, note]))
                line += 2
            } else {
                text += "\(index);\(name); ruimte \(ending)"
                rows.append(Row(line, index + 1, ["\(index)", name, " ruimte "]))
                line += 1
            }
            if index % 11 == 0 {
                text += ending
                line += 1
            }
        }
        return (Array(text.utf8), rows)
    }

    @Test("records, UTF-8 sequences and line endings across chunk boundaries", arguments: ["\n", "\r\n", "\r"])
    func acrossChunks(ending: String) throws {
        let (bytes, rows) = Self.largeDocument(ending: ending)
        #expect(bytes.count > 100_000)
        let reference = try readAll(bytes)
        #expect(reference.issue == nil)
        expectRows(reference.rows, rows)
        #expect(reference.warnings.isEmpty)
        #expect(reference.dialect.delimiter == UInt8(ascii: ";"))
        for chunkSize in [16, 17, 31, 64, 4_096] {
            let outcome = try readAll(bytes, CSVReadOptions(chunkSize: chunkSize))
            #expect(outcome.issue == nil, "chunk size \(chunkSize)")
            expectRows(outcome.rows, rows, "chunk size \(chunkSize)")
            #expect(outcome.warnings.isEmpty, "chunk size \(chunkSize)")
            #expect(outcome.linesRead == reference.linesRead, "chunk size \(chunkSize)")
            #expect(outcome.dialect == reference.dialect, "chunk size \(chunkSize)")
        }
    }

    @Test("every alignment of the data against 16-byte chunks", arguments: 0..<4)
    func alignments(padding: Int) throws {
        let (bytes, rows) = Self.largeDocument(ending: "\r\n", padding: padding)
        expectRows(try readAll(bytes, CSVReadOptions(chunkSize: 16)).rows, rows, "chunk size 16")
        expectRows(try readAll(bytes, CSVReadOptions(chunkSize: 16 + padding)).rows, rows, "chunk size \(16 + padding)")
    }

    @Test("a source that returns fewer bytes than asked for", arguments: [[1], [2, 3], [5, 7, 11], [65_537]])
    func tricklingSource(pieces: [Int]) throws {
        let (bytes, rows) = Self.largeDocument(ending: "\r\n")
        let outcome = try readAll(TricklingByteSource(bytes, pieceSizes: pieces), CSVReadOptions(chunkSize: 64))
        #expect(outcome.issue == nil)
        expectRows(outcome.rows, rows)
    }

    @Test("records the caller keeps stay intact while later chunks are read", arguments: [16, 64, 1 << 16])
    func keptRecordsStayIntact(chunkSize: Int) throws {
        let (bytes, rows) = Self.largeDocument(ending: "\r\n")
        let reader = try CSVReader(source: MemoryByteSource(bytes), options: CSVReadOptions(chunkSize: chunkSize))
        var all: [CSVRecord] = []
        var someOnly: [CSVRecord] = []
        var decodedWhileReading: [Row] = []
        while let record = try reader.next() {
            all.append(record)
            if record.number % 97 == 0 { someOnly.append(record) }
            decodedWhileReading.append(Row(record))
        }
        expectRows(decodedWhileReading, rows, "decoded while reading")
        expectRows(all.map(Row.init), rows, "decoded at the end")
        expectRows(someOnly.map(Row.init), rows.filter { $0.number % 97 == 0 }, "every 97th, decoded at the end")
        #expect(all.allSatisfy { $0.encoding == .utf8 })
    }

    @Test("a record kept alone (the others dropped) survives the reuse of the reader's storage")
    func singleKeptRecord() throws {
        let (bytes, rows) = Self.largeDocument(ending: "\n")
        let reader = try CSVReader(source: MemoryByteSource(bytes), options: CSVReadOptions(chunkSize: 16))
        var kept: [CSVRecord] = []
        while let record = try reader.next() {
            if record.number == 2 || record.number == rows.count / 2 { kept.append(record) }
        }
        #expect(kept.map(Row.init) == [rows[1], rows[rows.count / 2 - 1]])
    }

    // MARK: Issues past the first 64 KiB

    struct LateProblem: Sendable, CustomTestStringConvertible {
        let name: String
        /// Appended after the large document (which ends on line `lastLine`).
        let tail: [UInt8]
        let options: CSVReadOptions
        let kind: CSVIssue.Kind
        /// The issue's line, counted from the first line after the document.
        let lineAfterDocument: Int
        /// Rows of the tail handed out before the issue.
        let tailRows: [[String]]
        var testDescription: String { name }
    }

    static let lateProblems: [LateProblem] = [
        LateProblem(name: "stray quote", tail: Array("9001;goed;x\n9002;fo\"ut;x\n".utf8), options: CSVReadOptions(),
                    kind: .strayQuote, lineAfterDocument: 2, tailRows: [["9001", "goed", "x"]]),
        LateProblem(name: "NUL byte", tail: Array("9001;goed;x\n9002;\"a\nb\";x\n9003;".utf8) + [0] + Array(";x\n".utf8),
                    options: CSVReadOptions(), kind: .nulByte, lineAfterDocument: 4,
                    tailRows: [["9001", "goed", "x"], ["9002", "a\nb", "x"]]),
        LateProblem(name: "unclosed quote", tail: Array("9001;goed;x\n9002;\"open\nnog\nmeer\n".utf8), options: CSVReadOptions(),
                    kind: .unclosedQuote, lineAfterDocument: 2, tailRows: [["9001", "goed", "x"]]),
        LateProblem(name: "too many fields", tail: Array("9001;goed;x\n\n9002;a;b;c\n".utf8), options: CSVReadOptions(maxFieldsPerRecord: 3),
                    kind: .tooManyFields, lineAfterDocument: 3, tailRows: [["9001", "goed", "x"]]),
        LateProblem(name: "field too large", tail: Array(("9001;goed;x\n9002;" + String(repeating: "é", count: 300) + ";x\n").utf8),
                    options: CSVReadOptions(maxFieldBytes: 500), kind: .fieldTooLarge, lineAfterDocument: 2,
                    tailRows: [["9001", "goed", "x"]]),
        LateProblem(name: "unclosed quote over the field limit",
                    tail: Array(("9001;goed;x\n9002;\"open\n" + String(repeating: "a;b;c\n", count: 2_000)).utf8),
                    options: CSVReadOptions(maxFieldBytes: 500), kind: .fieldTooLarge, lineAfterDocument: 2,
                    tailRows: [["9001", "goed", "x"]]),
    ]

    @Test("an issue past the first 64 KiB names the same line whatever the chunk size", arguments: lateProblems)
    func lateProblem(_ problem: LateProblem) throws {
        let (document, rows) = Self.largeDocument(ending: "\n")
        let bytes = document + problem.tail
        // Row 2500 (a multiple of 5) holds a quoted field with one line break, and no blank line
        // follows it (2500 is not a multiple of 11): the document's last line is that row's line + 1.
        let lastLine = rows.last!.line + 1
        var expectedRows = rows
        var line = lastLine + 1
        for (offset, fields) in problem.tailRows.enumerated() {
            expectedRows.append(Row(line, rows.count + offset + 1, fields))
            line += 1 + fields.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        }
        for chunkSize in [16, 64, 1 << 16] {
            var options = problem.options
            options.chunkSize = chunkSize
            let outcome = try readAll(bytes, options)
            expectRows(outcome.rows, expectedRows, "chunk size \(chunkSize)")
            #expect(outcome.issue?.kind == problem.kind, "chunk size \(chunkSize)")
            #expect(outcome.issue?.line == lastLine + problem.lineAfterDocument, "chunk size \(chunkSize)")
            #expect(outcome.issue?.record == rows.count + problem.tailRows.count + 1, "chunk size \(chunkSize)")
        }
    }
}
