import Testing
@testable import CoraCSV

/// How the reader settles the dialect: byte order mark, Excel's `sep=` line, delimiter sniffing,
/// line endings, and options that override detection.
@Suite("Dialect")
struct DialectTests {
    static let semicolon = UInt8(ascii: ";")
    static let comma = UInt8(ascii: ",")
    static let pipe = UInt8(ascii: "|")
    static let tab: UInt8 = 0x09

    // MARK: Byte order mark

    @Test("a UTF-8 byte order mark is stripped and noted; the first header field is exact")
    func utf8ByteOrderMark() throws {
        let outcome = try readAll(utf8BOM + "Procescode;Procesnaam\r\nP-01;Inkoop\r\n".bytes)
        #expect(outcome.issue == nil)
        #expect(outcome.rows == [
            Row(1, 1, ["Procescode", "Procesnaam"]),
            Row(2, 2, ["P-01", "Inkoop"]),
        ])
        let firstField = try #require(outcome.rows.first?.fields.first)
        #expect(firstField == "Procescode")
        #expect(Array(firstField.utf8) == Array("Procescode".utf8), "no U+FEFF left in front")
        #expect(outcome.dialect == CSVDialect(
            delimiter: Self.semicolon, encoding: .utf8, hasByteOrderMark: true, hasSeparatorLine: false,
            lineEnding: .crlf, delimiterSource: .detected, encodingSource: .byteOrderMark))
        #expect(outcome.warnings.isEmpty)
    }

    @Test("without a byte order mark UTF-8 is detected and hasByteOrderMark is false")
    func utf8WithoutByteOrderMark() throws {
        let outcome = try readAll(text: "Procescode;Procesnaam\nP-01;Inkoop\n")
        #expect(outcome.rows == [Row(1, 1, ["Procescode", "Procesnaam"]), Row(2, 2, ["P-01", "Inkoop"])])
        #expect(outcome.dialect == CSVDialect(
            delimiter: Self.semicolon, encoding: .utf8, hasByteOrderMark: false, hasSeparatorLine: false,
            lineEnding: .lf, delimiterSource: .detected, encodingSource: .detected))
    }

    @Test("a file holding only a byte order mark has no records")
    func onlyByteOrderMark() throws {
        let outcome = try readAll(utf8BOM)
        #expect(outcome.issue == nil)
        #expect(outcome.rows.isEmpty)
        #expect(outcome.dialect.hasByteOrderMark)
        #expect(outcome.dialect.lineEnding == .none)
        #expect(outcome.linesRead == 0)
    }

    @Test("fixture: UTF-8 with BOM, sep=; line, CRLF, quoted field holding , and ;")
    func excelUTF8WithBOMAndSeparatorLine() throws {
        let outcome = try readAll(file: fixtureURL("excel-utf8-bom-sep.csv"))
        #expect(outcome.issue == nil)
        #expect(outcome.rows == [
            Row(2, 1, ["Procescode", "Procesnaam", "Toelichting"]),
            Row(3, 2, ["P-01", "Inkoop", "Bestellen, ontvangen; betalen"]),
            Row(4, 3, ["P-02", "Verkoop", "Offertes, orders"]),
        ])
        #expect(outcome.dialect == CSVDialect(
            delimiter: Self.semicolon, encoding: .utf8, hasByteOrderMark: true, hasSeparatorLine: true,
            lineEnding: .crlf, delimiterSource: .separatorLine, encodingSource: .byteOrderMark))
        #expect(outcome.linesRead == 4)
    }

    // MARK: Excel's sep= line

    /// Lines with two commas and one `;` each: sniffing alone picks `,`, so these show that a
    /// `sep=` line wins.
    static let commaLookingData = "naam,extra;omschrijving,meer\nA,1;x,y\nB,2;p,q\n"

    @Test("without a sep= line the comma-looking data sniffs as ','")
    func commaLookingDataSniffsAsComma() throws {
        let outcome = try readAll(text: Self.commaLookingData)
        #expect(outcome.dialect.delimiter == Self.comma)
        #expect(outcome.dialect.delimiterSource == .detected)
        #expect(outcome.rows == [
            Row(1, 1, ["naam", "extra;omschrijving", "meer"]),
            Row(2, 2, ["A", "1;x", "y"]),
            Row(3, 3, ["B", "2;p", "q"]),
        ])
    }

    @Test("a sep=; first line is skipped, names the delimiter, and the header is on line 2")
    func separatorLine() throws {
        let outcome = try readAll(text: "sep=;\n" + Self.commaLookingData)
        #expect(outcome.issue == nil)
        #expect(outcome.rows == [
            Row(2, 1, ["naam,extra", "omschrijving,meer"]),
            Row(3, 2, ["A,1", "x,y"]),
            Row(4, 3, ["B,2", "p,q"]),
        ])
        #expect(outcome.dialect == CSVDialect(
            delimiter: Self.semicolon, encoding: .utf8, hasByteOrderMark: false, hasSeparatorLine: true,
            lineEnding: .lf, delimiterSource: .separatorLine, encodingSource: .detected))
        #expect(outcome.linesRead == 4)
    }

    struct SeparatorLineCase: Sendable, CustomTestStringConvertible {
        let input: String
        let delimiter: UInt8
        let rows: [[String]]
        var testDescription: String { input.debugDescription }
    }

    @Test("sep= line variants: quoted, upper case, CRLF, tab, pipe", arguments: [
        SeparatorLineCase(input: "\"sep=;\"\r\na,b;c\r\n1,2;3\r\n", delimiter: UInt8(ascii: ";"), rows: [["a,b", "c"], ["1,2", "3"]]),
        SeparatorLineCase(input: "SEP=;\na,b;c\n", delimiter: UInt8(ascii: ";"), rows: [["a,b", "c"]]),
        SeparatorLineCase(input: "sep=|\na,b|c\n", delimiter: UInt8(ascii: "|"), rows: [["a,b", "c"]]),
        SeparatorLineCase(input: "sep=\t\na,b\tc\n", delimiter: 0x09, rows: [["a,b", "c"]]),
        SeparatorLineCase(input: "sep=,\na;b,c\n", delimiter: UInt8(ascii: ","), rows: [["a;b", "c"]]),
    ])
    func separatorLineVariants(_ example: SeparatorLineCase) throws {
        let outcome = try readAll(text: example.input)
        #expect(outcome.issue == nil)
        #expect(outcome.dialect.hasSeparatorLine)
        #expect(outcome.dialect.delimiter == example.delimiter)
        #expect(outcome.dialect.delimiterSource == .separatorLine)
        #expect(outcome.rows == example.rows.enumerated().map { Row($0.offset + 2, $0.offset + 1, $0.element) })
    }

    @Test("a file that is only a sep= line has no records")
    func onlySeparatorLine() throws {
        let outcome = try readAll(text: "sep=;\r\n")
        #expect(outcome.issue == nil)
        #expect(outcome.rows.isEmpty)
        #expect(outcome.dialect.hasSeparatorLine)
        #expect(outcome.dialect.delimiter == Self.semicolon)
        #expect(outcome.linesRead == 1)
    }

    @Test("text that merely starts like sep= is data")
    func notASeparatorLine() throws {
        let outcome = try readAll(text: "sep=;x,y\n1,2\n")
        #expect(!outcome.dialect.hasSeparatorLine)
        #expect(outcome.dialect.delimiter == Self.comma)
        #expect(outcome.rows == [Row(1, 1, ["sep=;x", "y"]), Row(2, 2, ["1", "2"])])
    }

    @Test("a forced delimiter wins over the sep= line, which is still skipped")
    func forcedDelimiterWithSeparatorLine() throws {
        let outcome = try readAll(text: "sep=;\n" + Self.commaLookingData, CSVReadOptions(delimiter: Self.comma))
        #expect(outcome.dialect.hasSeparatorLine)
        #expect(outcome.dialect.delimiter == Self.comma)
        #expect(outcome.dialect.delimiterSource == .option)
        #expect(outcome.rows == [
            Row(2, 1, ["naam", "extra;omschrijving", "meer"]),
            Row(3, 2, ["A", "1;x", "y"]),
            Row(4, 3, ["B", "2;p", "q"]),
        ])
    }

    // MARK: Delimiter sniffing

    struct SniffCase: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let delimiter: UInt8
        let rows: [[String]]
        var testDescription: String { name }
    }

    static let sniffCases: [SniffCase] = [
        SniffCase(name: "comma", input: "Procescode,Procesnaam,Categorie\nP-01,Inkoop,primair\nP-02,\"Verkoop; offertes\",primair\n",
                  delimiter: UInt8(ascii: ","),
                  rows: [["Procescode", "Procesnaam", "Categorie"], ["P-01", "Inkoop", "primair"], ["P-02", "Verkoop; offertes", "primair"]]),
        SniffCase(name: "semicolon", input: "Procescode;Procesnaam;Categorie\nP-01;Inkoop;primair\nP-02;Verkoop;primair\n",
                  delimiter: UInt8(ascii: ";"),
                  rows: [["Procescode", "Procesnaam", "Categorie"], ["P-01", "Inkoop", "primair"], ["P-02", "Verkoop", "primair"]]),
        SniffCase(name: "tab", input: "Procescode\tProcesnaam\tCategorie\nP-01\tInkoop, verkoop\tprimair\nP-02\tVerkoop\tprimair\n",
                  delimiter: 0x09,
                  rows: [["Procescode", "Procesnaam", "Categorie"], ["P-01", "Inkoop, verkoop", "primair"], ["P-02", "Verkoop", "primair"]]),
        SniffCase(name: "pipe", input: "Procescode|Procesnaam|Categorie\nP-01|Inkoop; bestellen|primair\nP-02|Verkoop, offertes|primair\n",
                  delimiter: UInt8(ascii: "|"),
                  rows: [["Procescode", "Procesnaam", "Categorie"], ["P-01", "Inkoop; bestellen", "primair"], ["P-02", "Verkoop, offertes", "primair"]]),
        // Dutch Excel: `;` between fields, decimal commas and prose with commas inside the fields,
        // and a quoted field holding a `;`.
        SniffCase(name: "semicolon with commas in the text",
                  input: "Naam;Omschrijving;Bedrag\nInkoop;\"Bestellen, ontvangen; betalen\";1,50\nVerkoop;Offertes, orders en facturen;2,75\nBeheer;Plannen, meten, bijsturen;1.234,56\n",
                  delimiter: UInt8(ascii: ";"),
                  rows: [["Naam", "Omschrijving", "Bedrag"],
                         ["Inkoop", "Bestellen, ontvangen; betalen", "1,50"],
                         ["Verkoop", "Offertes, orders en facturen", "2,75"],
                         ["Beheer", "Plannen, meten, bijsturen", "1.234,56"]]),
        // Many commas inside quotes do not outvote the `|` outside them.
        SniffCase(name: "pipe with commas inside quotes",
                  input: "a|b\n\"1,2,3,4\"|x\n\"5,6,7,8\"|y\n",
                  delimiter: UInt8(ascii: "|"),
                  rows: [["a", "b"], ["1,2,3,4", "x"], ["5,6,7,8", "y"]]),
    ]

    @Test("the delimiter is sniffed from the first lines", arguments: sniffCases)
    func sniffDelimiter(_ example: SniffCase) throws {
        let outcome = try readAll(text: example.input)
        #expect(outcome.issue == nil)
        #expect(outcome.dialect.delimiter == example.delimiter)
        #expect(outcome.dialect.delimiterSource == .detected)
        #expect(outcome.rows == example.rows.enumerated().map { Row($0.offset + 1, $0.offset + 1, $0.element) })
    }

    @Test("DialectSniffer.delimiter on its own")
    func sniffer() {
        func sniff(_ text: String) -> UInt8? {
            Array(text.utf8).withUnsafeBufferPointer { DialectSniffer.delimiter(in: $0) }
        }
        #expect(sniff("a;b;c\n1;2;3\n") == Self.semicolon)
        #expect(sniff("a\tb\n1\t2\n") == Self.tab)
        #expect(sniff("a|b\n1|2\n") == Self.pipe)
        #expect(sniff("a,b\n1,2\n") == Self.comma)
        #expect(sniff("single column\nvalue\n") == nil)
        #expect(sniff("") == nil)
        // Equal evidence: the larger count per line wins, then the order , ; tab |.
        #expect(sniff("a;b,c,d\n") == Self.comma)
        #expect(sniff("a;b;c,d\n") == Self.semicolon)
        #expect(sniff("a;b,c\n") == Self.comma)
        // The header plus most lines agree on two semicolons; one line with many commas does not win.
        #expect(sniff("a;b;c\n1;2;3\n4;5;6\nx,y,z,w,v;7;8\n") == Self.semicolon)
    }

    @Test("a single column has no delimiter to find: ',' by default")
    func singleColumn() throws {
        let outcome = try readAll(text: "Procesnaam\nInkoop\nVerkoop en service\n")
        #expect(outcome.dialect.delimiter == Self.comma)
        #expect(outcome.dialect.delimiterSource == .default)
        #expect(outcome.rows == [Row(1, 1, ["Procesnaam"]), Row(2, 2, ["Inkoop"]), Row(3, 3, ["Verkoop en service"])])
    }

    // MARK: Forced options

    @Test("a forced delimiter overrides sniffing")
    func forcedDelimiter() throws {
        // Sniffing picks ',' here (equal evidence; ',' comes first).
        let text = "a;b,c\n1;2,3\n"
        #expect(try readAll(text: text).dialect.delimiter == Self.comma)

        let semicolon = try readAll(text: text, CSVReadOptions(delimiter: Self.semicolon))
        #expect(semicolon.dialect.delimiter == Self.semicolon)
        #expect(semicolon.dialect.delimiterSource == .option)
        #expect(semicolon.rows == [Row(1, 1, ["a", "b,c"]), Row(2, 2, ["1", "2,3"])])

        let pipe = try readAll(text: text, CSVReadOptions(delimiter: Self.pipe))
        #expect(pipe.dialect.delimiterSource == .option)
        #expect(pipe.rows == [Row(1, 1, ["a;b,c"]), Row(2, 2, ["1;2,3"])])
    }

    @Test("a forced encoding overrides detection: UTF-8 bytes read as Windows-1252")
    func forcedWindows1252() throws {
        let outcome = try readAll(text: "naam\nCafé\n", CSVReadOptions(encoding: .windows1252))
        #expect(outcome.dialect.encoding == .windows1252)
        #expect(outcome.dialect.encodingSource == .option)
        #expect(outcome.rows == [Row(1, 1, ["naam"]), Row(2, 2, ["CafÃ©"])])
        #expect(outcome.encodings == [.windows1252, .windows1252])
        #expect(outcome.warnings.isEmpty)
    }

    @Test("forced UTF-8 on Windows-1252 bytes: U+FFFD and an invalid-encoding warning on the bad line")
    func forcedUTF8OnWindows1252() throws {
        // Line 3 is "Café;€" in Windows-1252: C a f 0xE9 ; 0x80
        let bytes = "naam;bedrag\nKoffie;2\n".bytes + [0x43, 0x61, 0x66, 0xE9, 0x3B, 0x80, 0x0A]
        let outcome = try readAll(bytes, CSVReadOptions(encoding: .utf8))
        #expect(outcome.dialect.encoding == .utf8)
        #expect(outcome.dialect.encodingSource == .option)
        #expect(outcome.rows == [
            Row(1, 1, ["naam", "bedrag"]),
            Row(2, 2, ["Koffie", "2"]),
            Row(3, 3, ["Caf\u{FFFD}", "\u{FFFD}"]),
        ])
        #expect(outcome.warnings.map(\.kind) == [.invalidEncoding])
        #expect(outcome.warnings.map(\.line) == [3])
    }

    @Test("forced ISO-8859-1: 0x80 is the C1 control U+0080, not the euro sign")
    func forcedLatin1() throws {
        let outcome = try readAll([0x61, 0x0A, 0x80, 0xE9, 0x0A], CSVReadOptions(encoding: .latin1))
        #expect(outcome.dialect.encoding == .latin1)
        #expect(outcome.rows == [Row(1, 1, ["a"]), Row(2, 2, ["\u{80}é"])])
        #expect(outcome.encodings == [.latin1, .latin1])
    }

    @Test("forced UTF-8 on a file with a UTF-8 byte order mark still strips the mark")
    func forcedUTF8WithByteOrderMark() throws {
        let outcome = try readAll(utf8BOM + "a;b\n1;2\n".bytes, CSVReadOptions(encoding: .utf8))
        #expect(outcome.dialect.hasByteOrderMark)
        #expect(outcome.dialect.encodingSource == .option)
        #expect(outcome.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["1", "2"])])
    }

    @Test("forced delimiter and encoding together")
    func forcedBoth() throws {
        let bytes: [UInt8] = Array("a|b,c\n".utf8) + [0x80, UInt8(ascii: "|"), 0xEB, 0x0A]
        let outcome = try readAll(bytes, CSVReadOptions(delimiter: Self.pipe, encoding: .windows1252))
        #expect(outcome.dialect.delimiterSource == .option)
        #expect(outcome.dialect.encodingSource == .option)
        #expect(outcome.rows == [Row(1, 1, ["a", "b,c"]), Row(2, 2, ["€", "ë"])])
        #expect(outcome.warnings.isEmpty)
    }

    // MARK: Line endings

    @Test("the line ending is detected", arguments: [
        ("a\nb\n", CSVDialect.LineEnding.lf),
        ("a\r\nb\r\n", .crlf),
        ("a\rb\r", .cr),
        ("a,b", .none),
        ("a\r\nb\r\nc\n", .crlf),
    ])
    func lineEnding(_ text: String, _ expected: CSVDialect.LineEnding) throws {
        #expect(try readAll(text: text).dialect.lineEnding == expected)
    }

    @Test("line breaks inside quoted fields do not decide the line ending")
    func lineEndingIgnoresQuotedBreaks() {
        func lineEnding(_ text: String) -> CSVDialect.LineEnding {
            Array(text.utf8).withUnsafeBufferPointer { DialectSniffer.lineEnding(in: $0) }
        }
        #expect(lineEnding("a,\"x\ry\rz\r\"\r\nb,c\r\n") == .crlf)
        #expect(lineEnding("a,\"x\ry\rz\"\"q\r\"\nb,c\n") == .lf, "a doubled quote keeps the field quoted")
        #expect(lineEnding("a,\"x\ny\nz\n\"\rb\r") == .cr)
        // With no line break outside quotes, the ones inside are all there is to go by.
        #expect(lineEnding("\"open\rmore\rlines") == .cr)
        #expect(lineEnding("\"open\nmore") == .lf)
    }

    @Test("CR-only line endings (old Mac) give the right lines, also with a CR inside quotes")
    func crOnlyLineEndings() throws {
        let outcome = try readAll(text: "a,b\r1,2\r\"x\ry\",3\r\r4,5\r")
        #expect(outcome.issue == nil)
        #expect(outcome.dialect.lineEnding == .cr)
        #expect(outcome.rows == [
            Row(1, 1, ["a", "b"]),
            Row(2, 2, ["1", "2"]),
            Row(3, 3, ["x\ry", "3"]),
            Row(6, 4, ["4", "5"]),
        ])
        #expect(outcome.linesRead == 6)
    }

    @Test("fixture: CR-only file")
    func crOnlyFixture() throws {
        let outcome = try readAll(file: fixtureURL("mac-classic-cr.csv"))
        #expect(outcome.dialect.lineEnding == .cr)
        #expect(outcome.rows == [
            Row(1, 1, ["id", "naam"]),
            Row(2, 2, ["1", "twee\rregels"]),
            Row(4, 3, ["2", "Zoë"]),
        ])
        #expect(outcome.linesRead == 4)
    }

    // MARK: Names

    @Test("delimiter names as users write them")
    func delimiterNames() {
        #expect(CSVDialect.delimiter(named: "tab") == 0x09)
        #expect(CSVDialect.delimiter(named: "\\t") == 0x09)
        #expect(CSVDialect.delimiter(named: "\t") == 0x09)
        #expect(CSVDialect.delimiter(named: "TAB") == 0x09)
        #expect(CSVDialect.delimiter(named: "comma") == Self.comma)
        #expect(CSVDialect.delimiter(named: "semicolon") == Self.semicolon)
        #expect(CSVDialect.delimiter(named: "pipe") == Self.pipe)
        #expect(CSVDialect.delimiter(named: ";") == Self.semicolon)
        #expect(CSVDialect.delimiter(named: "|") == Self.pipe)
        #expect(CSVDialect.delimiter(named: "\"") == nil)
        #expect(CSVDialect.delimiter(named: "\n") == nil)
        #expect(CSVDialect.delimiter(named: "é") == nil)
        #expect(CSVDialect.delimiter(named: ";;") == nil)
        #expect(CSVDialect.delimiter(named: "") == nil)
        #expect(CSVDialect.name(ofDelimiter: 0x09) == "tab")
        #expect(CSVDialect.name(ofDelimiter: Self.semicolon) == ";")
        #expect(CSVDialect.name(ofDelimiter: 0x20) == "space")
    }

    @Test("encoding names as users write them")
    func encodingNames() {
        #expect(CSVEncoding(name: "UTF-8") == .utf8)
        #expect(CSVEncoding(name: "utf8-bom") == .utf8)
        #expect(CSVEncoding(name: "utf-16") == .utf16LE)
        #expect(CSVEncoding(name: "UTF-16LE") == .utf16LE)
        #expect(CSVEncoding(name: "unicode") == .utf16LE)
        #expect(CSVEncoding(name: "utf_16_be") == .utf16BE)
        #expect(CSVEncoding(name: "cp1252") == .windows1252)
        #expect(CSVEncoding(name: "ANSI") == .windows1252)
        #expect(CSVEncoding(name: "Windows-1252") == .windows1252)
        #expect(CSVEncoding(name: "latin1") == .latin1)
        #expect(CSVEncoding(name: "ISO-8859-1") == .latin1)
        #expect(CSVEncoding(name: "ebcdic") == nil)
        #expect(CSVEncoding(name: "") == nil)
    }
}
