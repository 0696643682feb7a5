import Testing
@testable import CoraXLSX

/// Reading sheets of small workbooks built from XML text: every kind of cell, as Excel shows it.
@Suite struct WorkbookReaderTests {
    /// Styles: 0 general, 1 date (14), 2 `0.00` (2), 3 date+time (22), 4 time (20), 5 custom
    /// `dd/mm/yyyy`, 6 custom `0.000`, 7 `@` (49), 8 custom `[h]:mm:ss`, 9 custom `"Code "000`,
    /// 10 `0%` (9), 11 custom `#,##0.00 "EUR"`, 12 custom `000`.
    static let styles = """
        <numFmts count="6"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.000"/>\
        <numFmt numFmtId="166" formatCode="[h]:mm:ss"/><numFmt numFmtId="167" formatCode="&quot;Code &quot;000"/>\
        <numFmt numFmtId="168" formatCode="#,##0.00 &quot;EUR&quot;"/><numFmt numFmtId="169" formatCode="000"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="13"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="2"/><xf numFmtId="22"/><xf numFmtId="20"/>\
        <xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="9"/>\
        <xf numFmtId="168"/><xf numFmtId="169"/></cellXfs>
        """

    @Test func everyKindOfCell() throws {
        let bytes = TestWorkbook.sheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>inline</t></is></c>\
            <c r="C1" t="str"><f>A1&amp;"!"</f><v>code!</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>\
            <c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1" t="n"><v>42</v></c><c r="H1"><v>-1.5</v></c>\
            <c r="I1" t="d"><v>2024-03-05T00:00:00</v></c><c r="J1" t="d"><v>2024-03-05T14:30:00</v></c></row>
            """, sharedStrings: ["<si><t>code</t></si>"])
        let rows = try TestWorkbook.rows(bytes)
        #expect(rows == [SheetRow(number: 1, cells: [
            SheetCell("code"), SheetCell("inline"), SheetCell("code!"), SheetCell("TRUE", .boolean), SheetCell("FALSE", .boolean),
            SheetCell("#DIV/0!", .error), SheetCell("42", .number), SheetCell("-1.5", .number),
            SheetCell("5-3-2024", .date), SheetCell("5-3-2024 14:30", .date),
        ])])
    }

    @Test func generalNumbersShortestWithoutExponent() throws {
        let values = ["1.23E+18", "0.1", "1", "1E-3", "1.0", "-0", "0.30000000000000004", "123456789012345678", "2.5e-7", "100"]
        let cells = values.enumerated().map { "<c r=\"\(ColumnName.letters($0.offset + 1))1\"><v>\($0.element)</v></c>" }.joined()
        let rows = try TestWorkbook.rows(TestWorkbook.sheet("<row r=\"1\">\(cells)</row>"))
        #expect(rows[0].cells.map { $0?.text } == [
            "1230000000000000000", "0.1", "1", "0.001", "1", "0", "0.3", "123456789012346000", "0.00000025", "100",
        ])
        #expect(rows[0].cells.allSatisfy { $0?.kind == .number })
    }

    @Test func numberFormats() throws {
        let bytes = TestWorkbook.sheet("""
            <row r="1"><c r="A1" s="2"><v>1.1</v></c><c r="B1" s="6"><v>2.0005</v></c><c r="C1" s="7"><v>1.10</v></c>\
            <c r="D1" s="9"><v>7</v></c><c r="E1" s="10"><v>0.256</v></c><c r="F1" s="11"><v>1234.5</v></c>\
            <c r="G1" s="12"><v>42</v></c><c r="H1" s="2"><v>1.005</v></c><c r="I1" s="99"><v>3.5</v></c></row>
            """, styles: Self.styles)
        let rows = try TestWorkbook.rows(bytes)
        #expect(rows[0].cells == [
            SheetCell("1.10", .number), SheetCell("2.001", .number), SheetCell("1.1", .number), SheetCell("007", .number),
            SheetCell("26%", .number), SheetCell("1234.50", .number), SheetCell("042", .number), SheetCell("1.01", .number),
            SheetCell("3.5", .number),
        ])
    }

    @Test func datesIn1900SystemWithTheLeapYearBug() throws {
        let bytes = TestWorkbook.sheet("""
            <row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>59</v></c><c r="C1" s="1"><v>60</v></c>\
            <c r="D1" s="1"><v>61</v></c><c r="E1" s="5"><v>45356</v></c><c r="F1" s="3"><v>45356.75</v></c>\
            <c r="G1" s="4"><v>0.5208333333333334</v></c><c r="H1" s="8"><v>1.5</v></c><c r="I1" s="1"><v>0</v></c>\
            <c r="J1" s="1"><v>2958465</v></c></row>
            """, styles: Self.styles)
        let rows = try TestWorkbook.rows(bytes)
        #expect(rows[0].cells.map { $0?.text } == [
            "1-1-1900", "28-2-1900", "29-2-1900", "1-3-1900", "5-3-2024", "5-3-2024 18:00", "12:30", "12:00:00", "0-1-1900", "31-12-9999",
        ])
        #expect(rows[0].cells.allSatisfy { $0?.kind == .date })
    }

    @Test func datesIn1904System() throws {
        let bytes = TestWorkbook.sheet("""
            <row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43894</v></c></row>
            """, styles: Self.styles, workbookPr: "<workbookPr date1904=\"1\"/>")
        let workbook = try Workbook(bytes: bytes)
        #expect(workbook.usesDate1904)
        #expect(try TestWorkbook.rows(bytes)[0].cells.map { $0?.text } == ["1-1-1904", "5-3-2024"])
    }

    @Test func customFormatClassification() {
        #expect(CellStyles.display(code: "d-m-yyyy") == .date(time: false, seconds: false))
        #expect(CellStyles.display(code: "[$-413]dddd d mmmm yyyy") == .date(time: false, seconds: false))
        #expect(CellStyles.display(code: "yyyy-mm-dd hh:mm:ss") == .date(time: true, seconds: true))
        #expect(CellStyles.display(code: "mm:ss") == .time(seconds: true))
        #expect(CellStyles.display(code: "h:mm AM/PM") == .time(seconds: false))
        #expect(CellStyles.display(code: "\"day\" 0") == .fixed(integerDigits: 1, minimumDecimals: 0, maximumDecimals: 0, percent: false))
        #expect(CellStyles.display(code: "[Red]0.00;[Blue]-0.00") == .fixed(integerDigits: 1, minimumDecimals: 2, maximumDecimals: 2, percent: false))
        #expect(CellStyles.display(code: "General") == .general)
        #expect(CellStyles.display(code: "@") == .general)
        #expect(CellStyles.display(code: "0.00E+00") == .general)
        #expect(CellStyles.display(code: "mmm") == .general)
    }

    @Test func missingReferencesFollowThePreviousCellAndRow() throws {
        let bytes = TestWorkbook.sheet("""
            <row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>\
            <row><c t="inlineStr"><is><t>a</t></is></c></row><row r="7"><c r="B7"><v>7</v></c></row><row><c><v>8</v></c></row>
            """)
        #expect(TestWorkbook.lines(try TestWorkbook.rows(bytes)) == ["1: 1|2|||5|6", "2: a", "7: |7", "8: 8"])
    }

    @Test func escapesRichTextAndPhoneticsInSharedStrings() throws {
        let bytes = TestWorkbook.sheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve"> line</t></r></is></c></row>
            """, sharedStrings: [
                "<si><t>line_x000D_break</t></si>",
                "<si><t>_x005F_x0041_ and _x0041_</t></si>",
                "<si><r><rPr><b/></rPr><t>Bedrijfs</t></r><r><t xml:space=\"preserve\">proces </t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>",
            ])
        #expect(try TestWorkbook.rows(bytes)[0].cells.map { $0?.text } == ["line\rbreak", "_x0041_ and A", "Bedrijfsproces ", "in line"])
    }

    @Test func prefixedNamespaceReadsTheSame() throws {
        let sheetXML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:worksheet xmlns:x="\(TestWorkbook.main)"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>
            """
        let bytes = TestWorkbook.zip([
            ("xl/workbook.xml", "<x:workbook xmlns:x=\"\(TestWorkbook.main)\" xmlns:rel=\"\(TestWorkbook.relationships)\"><x:sheets><x:sheet name=\"S\" sheetId=\"1\" rel:id=\"a\"/></x:sheets></x:workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"a\" Type=\"x/worksheet\" Target=\"/xl/worksheets/s.xml\"/></Relationships>"),
            ("xl/worksheets/s.xml", sheetXML),
        ])
        // No content types, no package relationships: the workbook is found at xl/workbook.xml.
        let workbook = try Workbook(bytes: bytes)
        #expect(workbook.sheets == [WorkbookSheet(name: "S", number: 1, part: "xl/worksheets/s.xml")])
        #expect(TestWorkbook.lines(try TestWorkbook.rows(bytes)) == ["1: prefixed|2"])
    }

    @Test func elementsOfOtherNamespacesAreNotCells() throws {
        let bytes = TestWorkbook.sheet("""
            <row r="1" xmlns:o="urn:other"><o:c r="A1"><o:v>9</o:v></o:c><c r="B1"><v>1</v></c></row>
            """)
        #expect(TestWorkbook.lines(try TestWorkbook.rows(bytes)) == ["1: |1"])
    }

    @Test func hiddenSheetsAndRowsEmptyRowsAndTrailingCells() throws {
        let bytes = TestWorkbook.workbook(sheets: [
            ("Zichtbaar", "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\" s=\"0\"/><c r=\"C1\" t=\"s\"/></row><row r=\"2\" hidden=\"1\"><c r=\"B2\"><v>2</v></c></row><row r=\"3\"><c r=\"A3\"/></row><row r=\"4\" hidden=\"true\"/>"),
            ("Verborgen", ""), ("Heel verborgen", ""),
        ], sheetStates: ["Verborgen": "hidden", "Heel verborgen": "veryHidden"])
        let workbook = try Workbook(bytes: bytes)
        #expect(workbook.sheets.map(\.isHidden) == [false, true, true])
        #expect(workbook.sheets.map(\.name) == ["Zichtbaar", "Verborgen", "Heel verborgen"])
        #expect(workbook.sheet("heel VERBORGEN")?.number == 3)
        #expect(TestWorkbook.lines(try TestWorkbook.rows(bytes)) == ["1: 1", "2 hidden: |2"])
        #expect(try TestWorkbook.rows(bytes, sheet: "2") == [])
    }

    @Test func mergedCellsGiveTheirValueToEveryCellAndRow() throws {
        let bytes = TestWorkbook.sheet("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>Sturend</t></is></c><c r="B1" t="inlineStr"><is><t>Proces</t></is></c><c r="C1" t="inlineStr"><is><t>Stap</t></is></c></row>\
            <row r="2"><c r="C2"><v>2</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>Primair</t></is></c><c r="B5" s="0"/></row>\
            <row r="6"><c r="D6"><v>6</v></c></row>
            """, afterSheetData: "<mergeCells count=\"4\"><mergeCell ref=\"A1:A4\"/><mergeCell ref=\"B1:B2\"/><mergeCell ref=\"A5:B6\"/><mergeCell ref=\"E8:F9\"/></mergeCells>")
        #expect(TestWorkbook.lines(try TestWorkbook.rows(bytes)) == [
            "1: Sturend|Proces|Stap", "2: Sturend|Proces|2", "3: Sturend", "4: Sturend", "5: Primair|Primair", "6: Primair|Primair||6",
        ])
    }

    @Test func aFormulaWithoutCachedValueIsEmptyWithAWarning() throws {
        let bytes = TestWorkbook.sheet("""
            <row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>SUM(A1:A1)</f></c><c r="C1"><f t="shared" si="0"/></c><c r="D1"><f>A1*2</f><v>2</v></c></row>
            """)
        let workbook = try Workbook(bytes: bytes)
        var reader = try workbook.rows(of: workbook.sheets[0])
        #expect(try reader.next() == SheetRow(number: 1, cells: [SheetCell("1", .number), nil, nil, SheetCell("2", .number)]))
        #expect(try reader.next() == nil)
        #expect(reader.warnings == [
            SheetWarning(row: 1, column: 2, message: "formula without a cached value: =SUM(A1:A1)"),
            SheetWarning(row: 1, column: 3, message: "formula without a cached value: (a shared formula)"),
        ])
    }

    @Test func textInANumberCellIsReadAsTextWithAWarning() throws {
        let workbook = try Workbook(bytes: TestWorkbook.sheet("<row r=\"3\"><c r=\"B3\"><v>1.10.2</v></c></row>"))
        var reader = try workbook.rows(of: workbook.sheets[0])
        #expect(try reader.next()?.cells == [nil, SheetCell("1.10.2")])
        #expect(reader.warnings == [SheetWarning(row: 3, column: 2, message: "a number cell holds \"1.10.2\", which is no number; read as text")])
    }

    @Test func sheetsAreReadOneAfterAnother() throws {
        let bytes = TestWorkbook.workbook(sheets: [("Een", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), ("Twee", "<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>")])
        let workbook = try Workbook(bytes: bytes)
        for _ in 0..<2 {
            for sheet in workbook.sheets.reversed() {
                var reader = try workbook.rows(of: sheet)
                #expect(try reader.next()?.number == sheet.number)
                #expect(try reader.next() == nil)
            }
        }
    }

    @Test func aSharedStringOutOfRangeNamesTheCell() {
        let error = TestWorkbook.error(TestWorkbook.sheet("<row r=\"4\"><c r=\"C4\" t=\"s\"><v>3</v></c></row>", sharedStrings: ["<si><t>a</t></si>"]))
        #expect(error == WorkbookError(.malformed, "the cell C4 refers to shared string 3, but the workbook has 1", part: "xl/worksheets/sheet1.xml", line: 2))
    }
}
