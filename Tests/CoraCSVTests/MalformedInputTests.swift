import Testing
@testable import CoraCSV

/// Malformed input ends the read with a `CSVIssue` naming the line, after every record before it.
@Suite("Malformed input")
struct MalformedInputTests {
    // MARK: Unclosed quote

    @Test("an unclosed quote: the records before it, then unclosed-quote on the line where the field started")
    func unclosedQuote() throws {
        let outcome = try readAll(text: "id,naam\n1,ok\n2,\"begint hier\nen loopt door\n3,nog meer\n")
        #expect(outcome.rows == [Row(1, 1, ["id", "naam"]), Row(2, 2, ["1", "ok"])])
        let issue = try #require(outcome.issue)
        #expect(issue.kind == .unclosedQuote)
        #expect(issue.line == 3)
        #expect(issue.record == 3)
        #expect(issue.isFatal)
        #expect(issue.description.hasPrefix("line 3: "))
        #expect(issue.description.hasSuffix("[unclosed-quote]"))
    }

    @Test("an unclosed quote after records spanning lines and blank lines")
    func unclosedQuoteAfterMultiLineRecords() throws {
        let outcome = try readAll(text: "a,b\n\"x\ny\",1\n\n2,\"z\n\"\n\"open\nmore\nand more")
        #expect(outcome.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["x\ny", "1"]), Row(5, 3, ["2", "z\n"])])
        #expect(outcome.issue?.kind == .unclosedQuote)
        #expect(outcome.issue?.line == 7)
        #expect(outcome.issue?.record == 4)
    }

    @Test("an unclosed quote in the second field of a record that started on an earlier line")
    func unclosedQuoteInLaterField() throws {
        let outcome = try readAll(text: "a,b\n\"1\n2\",\"open\n")
        #expect(outcome.rows == [Row(1, 1, ["a", "b"])])
        #expect(outcome.issue?.kind == .unclosedQuote)
        #expect(outcome.issue?.line == 3)
    }

    @Test("an unclosed quote on the first line")
    func unclosedQuoteOnFirstLine() throws {
        let outcome = try readAll(text: "\"id,naam\n1,2\n")
        #expect(outcome.rows.isEmpty)
        #expect(outcome.issue?.kind == .unclosedQuote)
        #expect(outcome.issue?.line == 1)
        #expect(outcome.issue?.record == 1)
    }

    // MARK: Stray quote

    @Test("a stray quote in an unquoted field: 1,x\"y")
    func strayQuote() throws {
        let outcome = try readAll(text: "id,waarde\n1,x\"y\n2,z\n")
        #expect(outcome.rows == [Row(1, 1, ["id", "waarde"])])
        let issue = try #require(outcome.issue)
        #expect(issue.kind == .strayQuote)
        #expect(issue.line == 2)
        #expect(issue.record == 2)
    }

    @Test("text after a closing quote is a stray quote")
    func textAfterClosingQuote() throws {
        let outcome = try readAll(text: "id,waarde\n1,ok\n2,\"ab\"c\n")
        #expect(outcome.rows == [Row(1, 1, ["id", "waarde"]), Row(2, 2, ["1", "ok"])])
        #expect(outcome.issue?.kind == .strayQuote)
        #expect(outcome.issue?.line == 3)
    }

    @Test("a space between a closing quote and the delimiter is a stray quote (spaces are data)")
    func spaceAfterClosingQuote() throws {
        let outcome = try readAll(text: "a,b\n\"x\" ,y\n")
        #expect(outcome.rows == [Row(1, 1, ["a", "b"])])
        #expect(outcome.issue?.kind == .strayQuote)
        #expect(outcome.issue?.line == 2)
    }

    @Test("a stray quote after a record spanning lines names the quote's own line")
    func strayQuoteAfterMultiLineRecord() throws {
        let outcome = try readAll(text: "a,b\r\n1,\"een\r\ntwee\"\r\n\r\n3,fo\"ut\r\n")
        #expect(outcome.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["1", "een\r\ntwee"])])
        #expect(outcome.issue?.kind == .strayQuote)
        #expect(outcome.issue?.line == 5)
        #expect(outcome.issue?.record == 3)
    }

    // MARK: NUL byte

    @Test("a NUL byte: the records before it, then nul-byte on its line")
    func nulByte() throws {
        let outcome = try readAll("a,b\n1,2\n3,".bytes + [0x00] + "\n4,5\n".bytes)
        #expect(outcome.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["1", "2"])])
        let issue = try #require(outcome.issue)
        #expect(issue.kind == .nulByte)
        #expect(issue.line == 3)
        #expect(issue.record == 3)
    }

    @Test("a NUL byte inside a quoted field spanning lines")
    func nulByteInQuotedField() throws {
        let outcome = try readAll("a\n\"x\ny".bytes + [0x00] + "\"\n".bytes)
        #expect(outcome.rows == [Row(1, 1, ["a"])])
        #expect(outcome.issue?.kind == .nulByte)
        #expect(outcome.issue?.line == 3)
    }

    // MARK: Field size

    @Test("a field over maxFieldBytes ends the read with field-too-large on its line")
    func fieldTooLarge() throws {
        let big = String(repeating: "x", count: 200)
        let outcome = try readAll(text: "id,tekst\n1,kort\n2,\(big)\n3,na\n", CSVReadOptions(maxFieldBytes: 100))
        #expect(outcome.rows == [Row(1, 1, ["id", "tekst"]), Row(2, 2, ["1", "kort"])])
        let issue = try #require(outcome.issue)
        #expect(issue.kind == .fieldTooLarge)
        #expect(issue.line == 3)
        #expect(issue.record == 3)
    }

    @Test("a field of exactly maxFieldBytes is accepted")
    func fieldAtTheLimit() throws {
        let exact = String(repeating: "é", count: 50)  // 100 bytes
        let outcome = try readAll(text: "id,tekst\n1,\(exact)\n", CSVReadOptions(maxFieldBytes: 100))
        #expect(outcome.issue == nil)
        #expect(outcome.rows == [Row(1, 1, ["id", "tekst"]), Row(2, 2, ["1", exact])])
    }

    @Test("a quoted field over the limit that spans lines is reported on the line where it starts")
    func quotedFieldTooLarge() throws {
        let big = Array(repeating: "regel", count: 40).joined(separator: "\n")  // 239 bytes, 40 lines
        let outcome = try readAll(text: "id,tekst\n1,\"\(big)\"\n2,na\n", CSVReadOptions(maxFieldBytes: 100))
        #expect(outcome.rows == [Row(1, 1, ["id", "tekst"])])
        #expect(outcome.issue?.kind == .fieldTooLarge)
        #expect(outcome.issue?.line == 2)
    }

    @Test("an unclosed quote followed by a lot of data stops at the field limit, long before the end",
          arguments: [16, 64, 1 << 16])
    func unclosedQuoteStopsAtLimit(chunkSize: Int) throws {
        let counter = ByteCounter()
        let fillerLength = 8 << 20
        let source = CountingByteSource(
            head: "id,tekst\n1,ok\n2,\"nooit gesloten\n".bytes, filler: "x,y,z\n".bytes,
            fillerLength: fillerLength, counter: counter)
        let outcome = try readAll(source, CSVReadOptions(maxFieldBytes: 100, chunkSize: chunkSize))
        #expect(outcome.rows == [Row(1, 1, ["id", "tekst"]), Row(2, 2, ["1", "ok"])])
        let issue = try #require(outcome.issue)
        #expect(issue.kind == .fieldTooLarge)
        #expect(issue.line == 3)
        #expect(issue.record == 3)
        // The first 64 KiB are read to settle the dialect; after that, at most one more chunk.
        #expect(counter.delivered <= (1 << 16) + chunkSize)
        #expect(counter.delivered < source.total)
    }

    @Test("with the default 1 MiB limit an unclosed quote does not swallow an 8 MiB file")
    func unclosedQuoteStopsAtDefaultLimit() throws {
        let counter = ByteCounter()
        let source = CountingByteSource(
            head: "id;tekst\n1;\"nooit gesloten\n".bytes, filler: "waarde;nog een waarde\n".bytes,
            fillerLength: 8 << 20, counter: counter)
        let outcome = try readAll(source)
        #expect(outcome.rows == [Row(1, 1, ["id", "tekst"])])
        #expect(outcome.issue?.kind == .fieldTooLarge)
        #expect(outcome.issue?.line == 2)
        #expect(counter.delivered <= CSVReadOptions.defaultMaxFieldBytes + 2 * (1 << 16))
    }

    // MARK: Fields per record

    @Test("more fields than maxFieldsPerRecord ends the read with too-many-fields on the record's line")
    func tooManyFields() throws {
        let outcome = try readAll(text: "a,b,c\n1,2,3\n\n1,2,3,4\n5,6,7\n", CSVReadOptions(maxFieldsPerRecord: 3))
        #expect(outcome.rows == [Row(1, 1, ["a", "b", "c"]), Row(2, 2, ["1", "2", "3"])])
        let issue = try #require(outcome.issue)
        #expect(issue.kind == .tooManyFields)
        #expect(issue.line == 4)
        #expect(issue.record == 3)
    }

    @Test("too many fields in a record that starts with a multi-line field: the record's first line")
    func tooManyFieldsInMultiLineRecord() throws {
        let outcome = try readAll(text: "a,b\n\"x\ny\",2,3\n", CSVReadOptions(maxFieldsPerRecord: 2))
        #expect(outcome.rows == [Row(1, 1, ["a", "b"])])
        #expect(outcome.issue?.kind == .tooManyFields)
        #expect(outcome.issue?.line == 2)
    }

    // MARK: Failing sources

    @Test("a source that fails while the dialect is settled makes the initializer throw")
    func sourceFailsInInit() {
        #expect(throws: ByteSourceError(reason: "disk on fire")) {
            _ = try CSVReader(source: FailingByteSource(first: "a,b\n".bytes))
        }
    }

    @Test("a source that fails later: every record before is handed out, then the source error")
    func sourceFailsWhileStreaming() throws {
        // 1,024 rows of 64 bytes fill the 64 KiB read at the start exactly; the next read fails.
        var bytes: [UInt8] = []
        for index in 0..<1_024 {
            let number = String(index)
            let row = String(repeating: "0", count: 4 - number.count) + number + "," + String(repeating: "v", count: 58) + "\n"
            bytes += row.bytes
        }
        #expect(bytes.count == 1 << 16)
        let reader = try CSVReader(source: FailingByteSource(first: bytes))
        for index in 0..<1_024 {
            let record = try #require(try reader.next())
            #expect(record.line == index + 1)
        }
        #expect(throws: ByteSourceError(reason: "disk on fire")) { try reader.next() }
    }

    // MARK: Kinds

    @Test("fatal and non-fatal kinds, and their stable codes")
    func kinds() {
        let fatal = CSVIssue.Kind.allCases.filter(\.isFatal)
        #expect(fatal == [.unclosedQuote, .strayQuote, .nulByte, .fieldTooLarge, .tooManyFields, .outOfMemory, .tooManyRecords])
        #expect(CSVIssue.Kind.allCases.map(\.rawValue) == [
            "unclosed-quote", "stray-quote", "nul-byte", "field-too-large", "too-many-fields", "out-of-memory",
            "too-many-rows", "encoding-fallback", "invalid-encoding", "utf16-without-bom",
        ])
    }
}
