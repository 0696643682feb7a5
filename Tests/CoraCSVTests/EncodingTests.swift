import Testing
@testable import CoraCSV

/// Encodings: UTF-8, the Windows-1252 fall-back, and UTF-16 in both byte orders, with and without
/// a byte order mark.
@Suite("Encoding")
struct EncodingTests {
    // MARK: Windows-1252

    @Test("fixture: Windows-1252 from Excel reads correctly, with an encoding-fallback warning on line 2")
    func windows1252Fixture() throws {
        let outcome = try readAll(file: fixtureURL("excel-windows-1252.csv"))
        #expect(outcome.issue == nil)
        #expect(outcome.rows == [
            Row(1, 1, ["Code", "Naam", "Bedrag"]),
            Row(2, 2, ["P1", "Beëindigen", "€ 5"]),
            Row(3, 3, ["P2", "Café", "12,50"]),
        ])
        #expect(outcome.dialect == CSVDialect(
            delimiter: UInt8(ascii: ";"), encoding: .windows1252, hasByteOrderMark: false, hasSeparatorLine: false,
            lineEnding: .crlf, delimiterSource: .detected, encodingSource: .fallback))
        #expect(outcome.warnings.map(\.kind) == [.encodingFallback])
        #expect(outcome.warnings.map(\.line) == [2])
        #expect(outcome.warnings.allSatisfy { !$0.isFatal })
        #expect(outcome.encodings == [.windows1252, .windows1252, .windows1252])
    }

    @Test("the encoding-fallback warning names the first line with a bad byte")
    func windows1252WarningLine() throws {
        // Lines 1-3 are ASCII; 0xEB ("ë") is on line 4, 0x80 ("€") on line 5.
        let bytes = "id;naam\n1;Inkoop\n2;Verkoop\n".bytes
            + "3;Be".bytes + [0xEB] + "indigen\n".bytes
            + "4;".bytes + [0x80] + " 5\n".bytes
        let outcome = try readAll(bytes)
        #expect(outcome.rows == [
            Row(1, 1, ["id", "naam"]),
            Row(2, 2, ["1", "Inkoop"]),
            Row(3, 3, ["2", "Verkoop"]),
            Row(4, 4, ["3", "Beëindigen"]),
            Row(5, 5, ["4", "€ 5"]),
        ])
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings.first?.kind == .encodingFallback)
        #expect(outcome.warnings.first?.line == 4)
    }

    @Test("the encoding-fallback warning names the right line after a sep= line and a multi-line field")
    func windows1252WarningLineAfterSeparatorLine() throws {
        let bytes = "sep=;\r\nid;tekst\r\n1;\"twee\r\nregels\"\r\n".bytes + "2;".bytes + [0x80] + "\r\n".bytes
        let outcome = try readAll(bytes)
        #expect(outcome.rows == [
            Row(2, 1, ["id", "tekst"]),
            Row(3, 2, ["1", "twee\r\nregels"]),
            Row(5, 3, ["2", "€"]),
        ])
        #expect(outcome.warnings.map(\.kind) == [.encodingFallback])
        #expect(outcome.warnings.map(\.line) == [5])
    }

    @Test("the encoding-fallback warning names the right line in a file with CR-only line endings")
    func windows1252WarningLineWithCRLineEndings() throws {
        let bytes = "id;naam\r1;Inkoop\r".bytes + "2;Be".bytes + [0xEB] + "indigen\r".bytes
        let outcome = try readAll(bytes)
        #expect(outcome.dialect.lineEnding == .cr)
        #expect(outcome.rows == [Row(1, 1, ["id", "naam"]), Row(2, 2, ["1", "Inkoop"]), Row(3, 3, ["2", "Beëindigen"])])
        #expect(outcome.warnings.map(\.kind) == [.encodingFallback])
        #expect(outcome.warnings.map(\.line) == [3])
    }

    /// ASCII rows that fill more than the 64 KiB the reader looks at before parsing, so that what
    /// follows is only met while streaming.
    static func asciiRowsBeyondPrefix() -> (bytes: [UInt8], rows: [Row]) {
        var bytes = "id;naam\n".bytes
        var rows = [Row(1, 1, ["id", "naam"])]
        for index in 1...2_000 {
            let name = "proces nummer \(index) met een lange naam"
            bytes += "\(index);\(name)\n".bytes
            rows.append(Row(index + 1, index + 1, ["\(index)", name]))
        }
        precondition(bytes.count > 1 << 16)
        return (bytes, rows)
    }

    @Test("a record with bad UTF-8 after the first 64 KiB is read as Windows-1252 on its own, with one warning")
    func windows1252BeyondPrefix() throws {
        var (bytes, rows) = Self.asciiRowsBeyondPrefix()
        #expect(rows.count == 2_001)
        // Line 2002: Windows-1252; line 2003: UTF-8 again; line 2004: Windows-1252 again.
        bytes += "9001;Be".bytes + [0xEB] + "indigen".bytes + [0x0A]
        bytes += "9002;Beëindigen in UTF-8\n".bytes
        bytes += "9003;".bytes + [0x80] + "\n".bytes
        rows += [
            Row(2002, 2002, ["9001", "Beëindigen"]),
            Row(2003, 2003, ["9002", "Beëindigen in UTF-8"]),
            Row(2004, 2004, ["9003", "€"]),
        ]
        for chunkSize in [16, 64, 1 << 16] {
            let outcome = try readAll(bytes, CSVReadOptions(chunkSize: chunkSize))
            #expect(outcome.issue == nil)
            expectRows(outcome.rows, rows, "chunk size \(chunkSize)")
            #expect(outcome.dialect.encoding == .utf8)
            #expect(Array(outcome.encodings.suffix(4)) == [.utf8, .windows1252, .utf8, .windows1252])
            #expect(outcome.warnings.map(\.kind) == [.encodingFallback], "one warning for the file")
            #expect(outcome.warnings.map(\.line) == [2002])
            #expect(outcome.warnings.map(\.record) == [2002])
        }
    }

    // MARK: UTF-16

    static let unicodeTextRows = [
        Row(1, 1, ["Procescode", "Procesnaam", "Omschrijving"]),
        Row(2, 2, ["P-01", "Beëindigen contract", "Opzeggen\r\nen afsluiten"]),
        Row(4, 3, ["P-02", "Kosten € declareren", "Zegt \"ja\" 😀"]),
    ]

    static let unicodeText = "Procescode\tProcesnaam\tOmschrijving\r\n"
        + "P-01\tBeëindigen contract\t\"Opzeggen\r\nen afsluiten\"\r\n"
        + "P-02\tKosten € declareren\t\"Zegt \"\"ja\"\" 😀\"\r\n"

    @Test("fixture: Excel \"Unicode text\" (UTF-16LE with BOM, tab, CRLF) gives exact records")
    func excelUnicodeTextFixture() throws {
        let bytes = try fixtureBytes("excel-unicode-text.txt")
        #expect(bytes == [0xFF, 0xFE] + Self.unicodeText.utf16LEBytes, "the fixture is what the test says it is")
        let outcome = try readAll(file: fixtureURL("excel-unicode-text.txt"))
        #expect(outcome.issue == nil)
        #expect(outcome.rows == Self.unicodeTextRows)
        #expect(outcome.dialect == CSVDialect(
            delimiter: 0x09, encoding: .utf16LE, hasByteOrderMark: true, hasSeparatorLine: false,
            lineEnding: .crlf, delimiterSource: .detected, encodingSource: .byteOrderMark))
        #expect(outcome.warnings.isEmpty)
        #expect(outcome.linesRead == 4)
        #expect(outcome.encodings == [.utf8, .utf8, .utf8], "UTF-16 is transcoded to UTF-8 before parsing")
    }

    @Test("UTF-16BE with a byte order mark")
    func utf16BigEndian() throws {
        let outcome = try readAll([0xFE, 0xFF] + Self.unicodeText.utf16BEBytes)
        #expect(outcome.issue == nil)
        #expect(outcome.rows == Self.unicodeTextRows)
        #expect(outcome.dialect.encoding == .utf16BE)
        #expect(outcome.dialect.encodingSource == .byteOrderMark)
        #expect(outcome.dialect.hasByteOrderMark)
        #expect(outcome.dialect.delimiter == 0x09)
        #expect(outcome.warnings.isEmpty)
    }

    @Test("UTF-16LE without a byte order mark is recognised, with a utf16-without-bom warning on line 1")
    func utf16LittleEndianWithoutBOM() throws {
        let outcome = try readAll(Self.unicodeText.utf16LEBytes)
        #expect(outcome.issue == nil)
        #expect(outcome.rows == Self.unicodeTextRows)
        #expect(outcome.dialect.encoding == .utf16LE)
        #expect(outcome.dialect.encodingSource == .detected)
        #expect(!outcome.dialect.hasByteOrderMark)
        #expect(outcome.warnings.map(\.kind) == [.utf16WithoutBOM])
        #expect(outcome.warnings.map(\.line) == [1])
        #expect(outcome.warnings.allSatisfy { !$0.isFatal })
    }

    @Test("UTF-16BE without a byte order mark is recognised, with a warning")
    func utf16BigEndianWithoutBOM() throws {
        let outcome = try readAll(Self.unicodeText.utf16BEBytes)
        #expect(outcome.rows == Self.unicodeTextRows)
        #expect(outcome.dialect.encoding == .utf16BE)
        #expect(outcome.warnings.map(\.kind) == [.utf16WithoutBOM])
        #expect(outcome.warnings.map(\.line) == [1])
    }

    @Test("a forced UTF-16LE encoding needs no byte order mark and gives no warning")
    func forcedUTF16() throws {
        let outcome = try readAll(Self.unicodeText.utf16LEBytes, CSVReadOptions(encoding: .utf16LE))
        #expect(outcome.rows == Self.unicodeTextRows)
        #expect(outcome.dialect.encoding == .utf16LE)
        #expect(outcome.dialect.encodingSource == .option)
        #expect(outcome.warnings.isEmpty)
    }

    @Test("UTF-16LE with a sep= line")
    func utf16WithSeparatorLine() throws {
        let outcome = try readAll([0xFF, 0xFE] + "sep=;\r\na;b,c\r\n1;2,3\r\n".utf16LEBytes)
        #expect(outcome.dialect.hasSeparatorLine)
        #expect(outcome.dialect.delimiterSource == .separatorLine)
        #expect(outcome.rows == [Row(2, 1, ["a", "b,c"]), Row(3, 2, ["1", "2,3"])])
    }

    @Test("an unpaired surrogate and an odd last byte become U+FFFD, with an invalid-encoding warning")
    func invalidUTF16() throws {
        // "a\tb\r\n" then "x" + lone high surrogate D800 + "y" + tab + "z" + one stray byte.
        var bytes: [UInt8] = [0xFF, 0xFE] + "a\tb\r\nx".utf16LEBytes + [0x00, 0xD8] + "y\tz".utf16LEBytes
        bytes.append(0x41)
        let outcome = try readAll(bytes)
        #expect(outcome.issue == nil)
        #expect(outcome.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["x\u{FFFD}y", "z\u{FFFD}"])])
        // The transcoder does not know lines: the warning is about the file as a whole, on line 1.
        #expect(outcome.warnings.map(\.kind) == [.invalidEncoding])
        #expect(outcome.warnings.map(\.line) == [1])
        #expect(outcome.warnings.first?.message.hasPrefix("2 invalid UTF-16 code unit(s)") == true)
    }

    @Test("a NUL character in UTF-16 text is a nul-byte error on its line")
    func nulInUTF16() throws {
        let outcome = try readAll([0xFF, 0xFE] + "a\tb\r\n1\t2\r\n3\t\u{0}\r\n".utf16LEBytes)
        #expect(outcome.rows == [Row(1, 1, ["a", "b"]), Row(2, 2, ["1", "2"])])
        #expect(outcome.issue?.kind == .nulByte)
        #expect(outcome.issue?.line == 3)
    }

    // MARK: Chunk boundaries in UTF-16

    /// UTF-16 text over 64 KiB whose rows hold surrogate pairs, multi-line quoted fields and CRLF,
    /// with the rows it must give.
    static func largeUnicodeText() -> (text: String, rows: [Row]) {
        var text = "id\ttekst\tsymbolen\r\n"
        var rows = [Row(1, 1, ["id", "tekst", "symbolen"])]
        var line = 2
        for index in 1...2_000 {
            let symbols = String(repeating: "😀€é", count: index % 5) + "🇳🇱"
            if index % 7 == 0 {
                text += "\(index)\t\"regel een\r\nregel twee\"\t\(symbols)\r\n"
                rows.append(Row(line, index + 1, ["\(index)", "regel een\r\nregel twee", symbols]))
                line += 2
            } else {
                text += "\(index)\tBeëindigen \(index)\t\(symbols)\r\n"
                rows.append(Row(line, index + 1, ["\(index)", "Beëindigen \(index)", symbols]))
                line += 1
            }
        }
        return (text, rows)
    }

    @Test("UTF-16 surrogate pairs, code units and CRLF split across chunks and reads", arguments: [false, true])
    func utf16AcrossChunks(bigEndian: Bool) throws {
        let (text, rows) = Self.largeUnicodeText()
        let bytes = bigEndian ? [0xFE, 0xFF] + text.utf16BEBytes : [0xFF, 0xFE] + text.utf16LEBytes
        #expect(bytes.count > 100_000)
        let reference = try readAll(bytes)
        expectRows(reference.rows, rows)
        #expect(reference.issue == nil)
        #expect(reference.warnings.isEmpty)
        for chunkSize in [16, 17, 64] {
            let outcome = try readAll(bytes, CSVReadOptions(chunkSize: chunkSize))
            expectRows(outcome.rows, rows, "chunk size \(chunkSize)")
            #expect(outcome.warnings.isEmpty, "chunk size \(chunkSize)")
        }
        for pieces in [[1], [3], [1, 2, 5, 7], [4099]] {
            let outcome = try readAll(TricklingByteSource(bytes, pieceSizes: pieces), CSVReadOptions(chunkSize: 16))
            expectRows(outcome.rows, rows, "pieces \(pieces)")
            #expect(outcome.warnings.isEmpty, "pieces \(pieces)")
            #expect(outcome.linesRead == reference.linesRead)
        }
    }

    // MARK: The low-level pieces

    @Test("UTF8Validation finds the first ill-formed byte")
    func utf8Validation() {
        func firstInvalid(_ bytes: [UInt8], truncatedOK: Bool = false) -> Int? {
            bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0, allowTruncatedEnd: truncatedOK) }
        }
        #expect(firstInvalid("plain ascii text that is long".bytes) == nil)
        #expect(firstInvalid("é€😀".bytes) == nil)
        #expect(firstInvalid("abcdefghij".bytes + [0xEB, 0x41]) == 10)
        #expect(firstInvalid([0xC0, 0x80]) == 0, "overlong")
        #expect(firstInvalid([0xED, 0xA0, 0x80]) == 0, "surrogate")
        #expect(firstInvalid([0xF4, 0x90, 0x80, 0x80]) == 0, "above U+10FFFF")
        #expect(firstInvalid([0x41, 0xE2, 0x82]) == 1, "cut off at the end")
        #expect(firstInvalid([0x41, 0xE2, 0x82], truncatedOK: true) == nil, "may continue in the next chunk")
        #expect(firstInvalid([0x41, 0xE2, 0x41, 0x41], truncatedOK: true) == 1)
    }

    @Test("Windows-1252 decoding of the bytes 0x80-0x9F")
    func windows1252Table() {
        let bytes: [UInt8] = [0x80, 0x8A, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9F, 0x81, 0xE9, 0xEB]
        let decoded = bytes.withUnsafeBufferPointer { SingleByteDecoding.decode($0) }
        #expect(decoded == "€Š‘’“”–—Ÿ\u{81}éë")
        let latin1 = bytes.withUnsafeBufferPointer { SingleByteDecoding.decode($0, latin1: true) }
        #expect(latin1.unicodeScalars.map(\.value) == bytes.map(UInt32.init))
    }
}
