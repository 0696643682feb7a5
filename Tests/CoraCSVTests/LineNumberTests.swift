import Testing
@testable import CoraCSV

/// Physical line numbers and record numbers: what a diagnostic points at.
@Suite("Line numbers")
struct LineNumberTests {
    @Test("one record per line, LF and CRLF", arguments: ["\n", "\r\n"])
    func plainLines(_ ending: String) throws {
        let outcome = try readAll(text: ["a,b", "1,2", "3,4"].map { $0 + ending }.joined())
        #expect(outcome.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["1", "2"]), Row(3, 3, ["3", "4"])])
        #expect(outcome.linesRead == 3)
    }

    @Test("a record whose quoted field holds CRLF spans lines; the next record's line is right")
    func crlfInsideQuotes() throws {
        let outcome = try readAll(text: "id,tekst\r\n1,\"regel een\r\nregel twee\r\nregel drie\"\r\n2,na\r\n")
        #expect(outcome.issue == nil)
        #expect(outcome.rows == [
            Row(1, 1, ["id", "tekst"]),
            Row(2, 2, ["1", "regel een\r\nregel twee\r\nregel drie"]),
            Row(5, 3, ["2", "na"]),
        ])
        #expect(outcome.linesRead == 5)
    }

    @Test("line breaks in several fields of one record add up")
    func breaksInSeveralFields() throws {
        // Record 2 starts on line 2 and holds three line breaks (lines 2-5); record 3 holds one (6-7).
        let outcome = try readAll(text: "a,b,c\n\"1\n2\",x,\"3\n4\n5\"\n\"\n\",y,z\nlast,1,2\n")
        #expect(outcome.rows == [
            Row(1, 1, ["a", "b", "c"]),
            Row(2, 2, ["1\n2", "x", "3\n4\n5"]),
            Row(6, 3, ["\n", "y", "z"]),
            Row(8, 4, ["last", "1", "2"]),
        ])
    }

    @Test("in an LF file a lone CR inside quotes is not a line break")
    func loneCRInsideQuotesOfLFFile() throws {
        let outcome = try readAll(text: "a\n\"x\ry\"\nb\n")
        #expect(outcome.dialect.lineEnding == .lf)
        #expect(outcome.rows == [Row(1, 1, ["a"]), Row(2, 2, ["x\ry"]), Row(3, 3, ["b"])])
    }

    @Test("in a CRLF file, quoted cells full of lone CRs do not make it an old Mac file")
    func loneCRsInsideQuotesOfCRLFFile() throws {
        // Outside quotes: two CRLF. Inside quotes: three lone CRs and one LF. The lines follow the LFs.
        let outcome = try readAll(text: "\"a\nb\",x\r\n\"-\",\" y\r\r\",\"z\r\"\r\nlast,1\r\n")
        #expect(outcome.dialect.lineEnding == .crlf)
        #expect(outcome.rows == [
            Row(1, 1, ["a\nb", "x"]),
            Row(3, 2, ["-", " y\r\r", "z\r"]),
            Row(4, 3, ["last", "1"]),
        ])
        #expect(outcome.linesRead == 4)
    }

    @Test("blank lines are skipped but counted; record numbers skip them", arguments: ["\n", "\r\n"])
    func blankLines(_ ending: String) throws {
        let text = ["", "", "a,b", "", "1,2", "", "", "3,4", ""].map { $0 + ending }.joined()
        let outcome = try readAll(text: text)
        #expect(outcome.issue == nil)
        #expect(outcome.rows == [Row(3, 1, ["a", "b"]), Row(5, 2, ["1", "2"]), Row(8, 3, ["3", "4"])])
        #expect(outcome.linesRead == 9)
    }

    @Test("a line of delimiters only is a record of empty fields, not a blank line")
    func lineOfDelimiters() throws {
        let outcome = try readAll(text: "a,b,c\n,,\n1,2,3\n")
        #expect(outcome.rows == [Row(1, 1, ["a", "b", "c"]), Row(2, 2, ["", "", ""]), Row(3, 3, ["1", "2", "3"])])
        let reader = try CSVReader(source: MemoryByteSource(text: "a,b,c\n,,\n"))
        #expect(try reader.next()?.isBlank == false)
        #expect(try reader.next()?.isBlank == true)
    }

    @Test("whitespace inside fields is kept: \" a \" stays \" a \"")
    func whitespaceKept() throws {
        let outcome = try readAll(text: "x,y,z\n a , b\t,\t c \n\" q \",  ,\"\t\"\n")
        #expect(outcome.dialect.delimiter == UInt8(ascii: ","))
        #expect(outcome.rows == [
            Row(1, 1, ["x", "y", "z"]),
            Row(2, 2, [" a ", " b\t", "\t c "]),
            Row(3, 3, [" q ", "  ", "\t"]),
        ])
    }

    @Test("a line of spaces is a record with one field of spaces")
    func lineOfSpaces() throws {
        let outcome = try readAll(text: "a\n   \nb\n")
        #expect(outcome.rows == [Row(1, 1, ["a"]), Row(2, 2, ["   "]), Row(3, 3, ["b"])])
    }

    @Test("the last line may lack a line break")
    func noFinalLineBreak() throws {
        let outcome = try readAll(text: "a,b\n1,2")
        #expect(outcome.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["1", "2"])])
        #expect(outcome.linesRead == 2)

        let quoted = try readAll(text: "a,b\n1,\"2\n3\"")
        #expect(quoted.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["1", "2\n3"])])
        #expect(quoted.linesRead == 3)
    }

    @Test("empty input and input of line breaks only have no records")
    func emptyInputs() throws {
        let empty = try readAll(text: "")
        #expect(empty.rows.isEmpty)
        #expect(empty.issue == nil)
        #expect(empty.linesRead == 0)

        let breaks = try readAll(text: "\n\r\n\n")
        #expect(breaks.rows.isEmpty)
        #expect(breaks.issue == nil)
        #expect(breaks.linesRead == 3)
    }

    @Test("an empty quoted field on a line of its own is a record, not a blank line")
    func emptyQuotedField() throws {
        let outcome = try readAll(text: "a\n\"\"\nb\n")
        #expect(outcome.rows == [Row(1, 1, ["a"]), Row(2, 2, [""]), Row(3, 3, ["b"])])
    }

    @Test("linesRead grows while reading")
    func linesReadWhileReading() throws {
        let reader = try CSVReader(source: MemoryByteSource(text: "a\nb\n\nc\n"))
        #expect(try reader.next().map(Row.init) == Row(1, 1, ["a"]))
        #expect(try reader.next().map(Row.init) == Row(2, 2, ["b"]))
        #expect(try reader.next().map(Row.init) == Row(4, 3, ["c"]))
        #expect(try reader.next() == nil)
        #expect(reader.linesRead == 4)
    }

    @Test("forEach hands out every record in order")
    func forEachRecord() throws {
        let reader = try CSVReader(source: MemoryByteSource(text: "a;b\n1;2\n\n3;4\n"))
        var rows: [Row] = []
        try reader.forEach { rows.append(Row($0)) }
        #expect(rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["1", "2"]), Row(4, 3, ["3", "4"])])
    }

    @Test("CSVRecord accessors")
    func recordAccessors() throws {
        let reader = try CSVReader(source: MemoryByteSource(text: "a,,é€\n"))
        let record = try #require(try reader.next())
        #expect(record.count == 3)
        #expect(record[0] == "a")
        #expect(record.field(at: 2) == "é€")
        #expect(record.field(at: 3) == nil)
        #expect(record.isEmpty(at: 1))
        #expect(!record.isEmpty(at: 0))
        #expect(record.byteCount(at: 2) == 5)
        #expect(record.withFieldBytes(at: 2) { Array($0) } == Array("é€".utf8))
        #expect(!record.isBlank)
        #expect(record == CSVRecord(fields: ["a", "", "é€"], line: 1, number: 1))
        #expect(record != CSVRecord(fields: ["a", "", "é€"], line: 2, number: 1))
        #expect(record.description == "line 1: [\"a\", \"\", \"é€\"]")
    }
}
