import Testing
@testable import CoraCSV

/// The writer's exact bytes: quoting, line endings, byte order mark and the Excel profile.
@Suite("Writer")
struct WriterTests {
    /// One of every kind of field the quoting rule has to decide about.
    static let awkwardFields = [
        "plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "crlf\r\nhere", " lead", "trail ", "\ttab", "tab\t",
        "", "é€😀", "semi;colon", "pipe|", "in ner", "in\tner",
    ]

    static func written(_ rows: [[String]], _ options: CSVWriteOptions = .canonical) -> [UInt8] {
        var writer = CSVWriter(options: options)
        for row in rows { writer.write(row) }
        return writer.takeOutput()
    }

    @Test("minimal quoting with ',': only the delimiter, quote, CR, LF and leading or trailing space or tab")
    func minimalQuotingComma() {
        let expected = "plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\",\"crlf\r\nhere\",\" lead\",\"trail \","
            + "\"\ttab\",\"tab\t\",,é€😀,semi;colon,pipe|,in ner,in\tner\n"
        #expect(Self.written([Self.awkwardFields]) == expected.bytes)
    }

    @Test("minimal quoting with ';': a comma needs no quotes, a semicolon does")
    func minimalQuotingSemicolon() {
        let expected = "plain;a,b;\"say \"\"hi\"\"\";\"line\nbreak\";\"cr\rhere\";\"crlf\r\nhere\";\" lead\";\"trail \";"
            + "\"\ttab\";\"tab\t\";;é€😀;\"semi;colon\";pipe|;in ner;in\tner\n"
        #expect(Self.written([Self.awkwardFields], CSVWriteOptions(delimiter: UInt8(ascii: ";"))) == expected.bytes)
    }

    @Test("minimal quoting with tab: a tab inside a field needs quotes")
    func minimalQuotingTab() {
        let expected = "plain\ta,b\t\"say \"\"hi\"\"\"\t\"line\nbreak\"\t\"cr\rhere\"\t\"crlf\r\nhere\"\t\" lead\"\t\"trail \"\t"
            + "\"\ttab\"\t\"tab\t\"\t\té€😀\tsemi;colon\tpipe|\tin ner\t\"in\tner\"\n"
        #expect(Self.written([Self.awkwardFields], CSVWriteOptions(delimiter: 0x09)) == expected.bytes)
    }

    @Test("minimal quoting with '|'")
    func minimalQuotingPipe() {
        #expect(Self.written([["a|b", "a,b;c", "x"]], CSVWriteOptions(delimiter: UInt8(ascii: "|"))) == "\"a|b\"|a,b;c|x\n".bytes)
    }

    @Test(".all quotes every field, empty ones too")
    func quoteAll() {
        let bytes = Self.written([["Procescode", "", "say \"hi\"", "a,b"], ["P-01", "x", "y", "z"]], CSVWriteOptions(quoting: .all))
        #expect(bytes == "\"Procescode\",\"\",\"say \"\"hi\"\"\",\"a,b\"\n\"P-01\",\"x\",\"y\",\"z\"\n".bytes)
    }

    @Test("CRLF line endings")
    func crlf() {
        let bytes = Self.written([["a", "b"], ["1", "line\nbreak"]], CSVWriteOptions(lineEnding: .crlf))
        #expect(bytes == "a,b\r\n1,\"line\nbreak\"\r\n".bytes)
    }

    @Test("a byte order mark is written once, before the first record")
    func byteOrderMark() {
        var writer = CSVWriter(options: CSVWriteOptions(byteOrderMark: true))
        #expect(writer.takeOutput().isEmpty, "nothing written, no mark")
        writer.write(["a", "b"])
        #expect(writer.takeOutput() == utf8BOM + "a,b\n".bytes)
        writer.write(["1", "2"])
        #expect(writer.takeOutput() == "1,2\n".bytes)
        #expect(writer.recordCount == 2)
    }

    @Test("no byte order mark by default; text and takeOutput")
    func canonicalDefaults() {
        var writer = CSVWriter()
        #expect(writer.options == .canonical)
        writer.write(["Procescode", "Procesnaam"])
        writer.write(["P-01", "Beëindigen"])
        #expect(writer.text == "Procescode,Procesnaam\nP-01,Beëindigen\n")
        #expect(writer.takeOutput() == "Procescode,Procesnaam\nP-01,Beëindigen\n".bytes)
        #expect(writer.takeOutput().isEmpty)
        #expect(writer.text == "")
        #expect(writer.recordCount == 2)
    }

    @Test("a record of one empty field is written as \"\", so it does not read back as a blank line")
    func loneEmptyField() throws {
        let bytes = Self.written([["kop"], [""], ["x"], [""]])
        #expect(bytes == "kop\n\"\"\nx\n\"\"\n".bytes)
        let outcome = try readAll(bytes)
        #expect(outcome.rows == [Row(1, 1, ["kop"]), Row(2, 2, [""]), Row(3, 3, ["x"]), Row(4, 4, [""])])
        // Two empty fields need no quotes: the delimiter shows the record is there.
        #expect(Self.written([["", ""]]) == ",\n".bytes)
    }

    @Test("a record without fields is an empty line, which reads back as no record at all")
    func recordWithoutFields() throws {
        let bytes = Self.written([["a"], [], ["b"]])
        #expect(bytes == "a\n\nb\n".bytes)
        #expect(try readAll(bytes).rows == [Row(1, 1, ["a"]), Row(3, 2, ["b"])])
    }

    // MARK: Excel

    @Test("the Excel profile: ';', BOM, CRLF and a ' before cells starting with = + - @ TAB CR, also after a space (exact bytes)")
    func excelProfile() {
        let rows = [
            ["Code", "Formule", "Getal", "Handle", "Tab", "CR", "Gewoon", "Leeg"],
            ["P-01", "=SUM(A1:A3)", "-5", "@user", "\tx", "\rx", "a=b", ""],
            ["P-02", "+31 6 1234", "- lijst", "=HYPERLINK(\"http://x\";\"klik\")", " =1", "x;y", "'al", "€"],
        ]
        let expected = utf8BOM
            + "Code;Formule;Getal;Handle;Tab;CR;Gewoon;Leeg\r\n".bytes
            + "P-01;'=SUM(A1:A3);'-5;'@user;'\tx;\"'\rx\";a=b;\r\n".bytes
            + "P-02;'+31 6 1234;'- lijst;\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\";' =1;\"x;y\";'al;€\r\n".bytes
        #expect(Self.written(rows, .excel) == expected)
        #expect(CSVWriteOptions.excel == CSVWriteOptions(
            delimiter: UInt8(ascii: ";"), lineEnding: .crlf, byteOrderMark: true, quoting: .minimal, formulaProtection: true,
            textProtection: true))
    }

    @Test("Excel output reads back: BOM stripped, ';' detected, CRLF, protected values")
    func excelReadBack() throws {
        let bytes = Self.written([["Code", "Waarde"], ["P-01", "=1+1"], ["P-02", "regel\r\nregel"], ["P-03", "-5"]], .excel)
        let outcome = try readAll(bytes)
        #expect(outcome.dialect == CSVDialect(
            delimiter: UInt8(ascii: ";"), encoding: .utf8, hasByteOrderMark: true, hasSeparatorLine: false,
            lineEnding: .crlf, delimiterSource: .detected, encodingSource: .byteOrderMark))
        #expect(outcome.rows == [
            Row(1, 1, ["Code", "Waarde"]),
            Row(2, 2, ["P-01", "'=1+1"]),
            Row(3, 3, ["P-02", "regel\r\nregel"]),
            Row(5, 4, ["P-03", "'-5"]),
        ])
    }

    @Test("formula protection can be used without the rest of the Excel profile")
    func formulaProtectionAlone() {
        let bytes = Self.written([["=A1", "@x", "+1", "-1", "1-1", "\t", "\r"]], CSVWriteOptions(formulaProtection: true))
        // "'\t" ends with a tab and "'\r" holds a CR, so both are quoted after the prefix.
        #expect(bytes == "'=A1,'@x,'+1,'-1,1-1,\"'\t\",\"'\r\"\n".bytes)
    }

    @Test("looksLikeFormula and needsQuotes")
    func predicates() {
        for formula in ["=", "=A1", "+", "-5", "@SUM", "\tx", "\rx", " =1", "＝1"] {
            #expect(CSVWriter.looksLikeFormula(formula), "\(formula.debugDescription)")
        }
        for text in ["", "a=b", "'=1", "5-", "\n=1", "€"] {
            #expect(!CSVWriter.looksLikeFormula(text), "\(text.debugDescription)")
        }
        let comma = UInt8(ascii: ",")
        for field in ["a,b", "\"", "\n", "\r", " x", "x ", "\tx", "x\t", " ", "\t"] {
            #expect(CSVWriter.needsQuotes(field, delimiter: comma), "\(field.debugDescription)")
        }
        for field in ["", "x", "a;b", "a|b", "in ner", "in\tner", "é€😀", "'"] {
            #expect(!CSVWriter.needsQuotes(field, delimiter: comma), "\(field.debugDescription)")
        }
        #expect(CSVWriter.needsQuotes("a;b", delimiter: UInt8(ascii: ";")))
        #expect(CSVWriter.needsQuotes("in\tner", delimiter: 0x09))
    }

    @Test("a long field with many quotes is escaped completely")
    func longQuotedField() {
        let field = String(repeating: "\"ab\" ", count: 2_000)
        let bytes = Self.written([[field]])
        let expected = "\"" + String(repeating: "\"\"ab\"\" ", count: 2_000) + "\"\n"
        #expect(bytes == expected.bytes)
    }
}
