import Testing
@testable import CoraCSV

/// `FormulaProtection`: which parts of a cell get a `'`, that exactly those are taken off again,
/// and that the Excel profile quotes both list separators.
@Suite("Formula protection")
struct FormulaProtectionTests {
    @Test("a ' before every part that starts a formula: at the start, after blanks, full-width, after , ; or a line break (exact)")
    func protectExact() {
        let cases: [(String, String)] = [
            ("=SUM(A1)", "'=SUM(A1)"), ("+31", "'+31"), ("-5", "'-5"), ("@x", "'@x"),
            ("\tx", "'\tx"), ("\rx", "'\rx"),
            // after blanks: space, tab, no-break space, ideographic space, zero-width space, a quote, a control
            (" =1+1", "' =1+1"), ("\t=1", "'\t=1"), ("\u{A0}=1", "'\u{A0}=1"), ("\u{3000}=1", "'\u{3000}=1"),
            ("\u{200B}=1", "'\u{200B}=1"), ("\"=1", "'\"=1"), ("\u{1B}=1", "'\u{1B}=1"), ("\u{202E}=1", "'\u{202E}=1"),
            // full-width, small and the minus sign
            ("＝1+1", "'＝1+1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠x", "'＠x"),
            ("﹦1", "'﹦1"), ("﹢1", "'﹢1"), ("﹣1", "'﹣1"), ("﹫x", "'﹫x"), ("−1", "'−1"),
            // after a separator of either locale, or a line break
            ("a,=1+1", "a,'=1+1"), ("a;=1+1", "a;'=1+1"), ("a, =1+1", "a,' =1+1"), ("a\n=1", "a\n'=1"),
            ("a\r\n@x", "a\r\n'@x"), ("=1,=2;-3", "'=1,'=2;'-3"), ("a,\"=1", "a,'\"=1"),
            // a run of ' before what would be protected gets one more, so it reads back as it was
            ("'=1", "''=1"), ("''=1", "'''=1"), ("' =1", "'' =1"), ("a;'-1", "a;''-1"),
            // left alone
            ("", ""), ("a=b", "a=b"), ("5-3", "5-3"), ("'al", "'al"), ("'", "'"), ("''", "''"), ("€", "€"),
            ("a,b;c", "a,b;c"), ("x y", "x y"), ("a'=1", "a'=1"), ("\n", "\n"), (" ", " "), ("é=1", "é=1"),
        ]
        for (value, protected) in cases {
            #expect(FormulaProtection.protect(value) == protected, "\(value.debugDescription)")
            #expect(FormulaProtection.unprotect(protected) == value, "\(protected.debugDescription)")
        }
    }

    @Test("unprotect takes off only the ' that protect puts in; any other ' is data")
    func unprotectKeepsData() {
        for text in ["'al", "'", "''", "'5", "a'=1", "x,'y", "'a,=1", "' x", "'\n=1"] {
            #expect(FormulaProtection.unprotect(text) == text, "\(text.debugDescription)")
        }
        #expect(FormulaProtection.unprotect("'=1,'@x;'\t") == "=1,@x;\t")
    }

    @Test("startsFormula: from the start of the text only")
    func startsFormula() {
        for formula in ["=", "=A1", "+", "-5", "@SUM", "\tx", "\rx", " =1", "\u{A0}\u{A0}-1", "\"\"=1", "＝1", "−1"] {
            #expect(FormulaProtection.startsFormula(formula), "\(formula.debugDescription)")
        }
        for text in ["", "a=b", "'=1", "5-", "\n=1", ",=1", "€", " ", "\"", " a=1"] {
            #expect(!FormulaProtection.startsFormula(text), "\(text.debugDescription)")
        }
    }

    static let alphabet = [
        "'", "''", "=", "+", "-", "@", "＝", "＋", "－", "＠", "﹢", "﹣", "−", ",", ";", "\n", "\r", "\r\n", "\t",
        " ", "\u{A0}", "\u{3000}", "\u{200B}", "\"", "\u{1B}", "\u{9B}", "a", "7", "é", "😀", "x y",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        (0..<rng.within(0...8)).map { _ in rng.pick(alphabet) }.joined()
    }

    @Test("property: unprotect(protect(s)) == s, and no part of protect(s) starts a formula (20,000 random strings)")
    func roundTripProperty() {
        var rng = SplitMix64(seed: 0xE7CE1)
        for _ in 0..<20_000 {
            let text = Self.randomText(&rng)
            let protected = FormulaProtection.protect(text)
            #expect(FormulaProtection.unprotect(protected) == text, "\(text.debugDescription) → \(protected.debugDescription)")
            let parts = protected.split(omittingEmptySubsequences: false) { ",;\n\r".unicodeScalars.contains($0.unicodeScalars.first!) }
            for part in parts where FormulaProtection.startsFormula(String(part)) {
                Issue.record("\(text.debugDescription) → \(protected.debugDescription): the part \(part.debugDescription) starts a formula")
            }
        }
    }

    @Test("property: the Excel profile written, read back by the reader and unprotected (the ' and the =\"…\" taken off) gives every cell back")
    func excelReadBackProperty() throws {
        var rng = SplitMix64(seed: 0x5E1F)
        for round in 0..<300 {
            let table = (0..<rng.within(1...4)).map { _ in (0..<3).map { _ in Self.randomText(&rng) } }
            var writer = CSVWriter(options: .excel)
            for row in table { writer.write(row) }
            let bytes = writer.takeOutput()
            let read = try readAll(bytes, CSVReadOptions(delimiter: UInt8(ascii: ";")))
            #expect(read.table.map { CSVRecord(fields: $0).unprotectingForSpreadsheets().fields } == table, "round \(round): \(table)")
        }
    }

    @Test("the Excel profile quotes every cell with ',' or ';', and ',' LF with protection quotes ';' (exact bytes)")
    func quotesBothSeparators() {
        var excel = CSVWriter(options: .excel)
        excel.write(["a,b", "a;b", "a,=1+1", "x"])
        #expect(excel.takeOutput() == utf8BOM + "\"a,b\";\"a;b\";\"a,'=1+1\";x\r\n".bytes)
        var report = CSVWriter(options: CSVWriteOptions(formulaProtection: true))
        report.write(["a;b", "a;@x", "a,b", "=1"])
        #expect(report.takeOutput() == "\"a;b\",\"a;'@x\",\"a,b\",'=1\n".bytes)
    }
}
