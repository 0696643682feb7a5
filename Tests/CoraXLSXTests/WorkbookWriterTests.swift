import Foundation
import Testing

@testable import CoraXLSX

/// The bytes of the workbooks cora writes: the exact XML of every part of a small workbook, the
/// same bytes for the same content, every value a workbook cannot hold refused with a sentence
/// naming the sheet and cell, and the OOXML escapes.
@Suite struct WorkbookWriterTests {
    typealias Support = WorkbookWriterTestSupport

    static let processen = WorksheetContent(name: "Processen", header: ["Code", "Naam", "Aantal", "Actief"], rows: [
        [.text("01.10"), .text("=1+1"), .number("3"), .boolean(true)],
        [.text("0012"), .text(" Plannen "), .number("-1.25"), .boolean(false)],
        [.empty, .text("=1+1"), .number("1e3")],
    ])
    static let leeg = WorksheetContent(name: "Stappen & \"meer\"", header: ["Stap"], rows: [])

    @Test func theSheetOfASmallWorkbook() throws {
        let parts = try Support.parts([Self.processen, Self.leeg])
        #expect(parts["xl/worksheets/sheet1.xml"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="A1:D4"/>\
            <sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/>\
            <cols><col min="1" max="1" width="8" customWidth="1"/><col min="2" max="2" width="10" customWidth="1"/>\
            <col min="3" max="3" width="10" customWidth="1"/><col min="4" max="4" width="10" customWidth="1"/></cols>\
            <sheetData>\
            <row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c><c r="D1" s="1" t="s"><v>3</v></c></row>\
            <row r="2"><c r="A2" s="2" t="s"><v>4</v></c><c r="B2" s="2" t="s"><v>5</v></c><c r="C2" s="3"><v>3</v></c><c r="D2" t="b"><v>1</v></c></row>\
            <row r="3"><c r="A3" s="2" t="s"><v>6</v></c><c r="B3" s="2" t="s"><v>7</v></c><c r="C3" s="3"><v>-1.25</v></c><c r="D3" t="b"><v>0</v></c></row>\
            <row r="4"><c r="B4" s="2" t="s"><v>5</v></c><c r="C4" s="2" t="s"><v>8</v></c></row>\
            </sheetData>\
            <autoFilter ref="A1:D4"/>\
            <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
            """)
        #expect(parts["xl/worksheets/sheet2.xml"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="A1"/>\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/>\
            <cols><col min="1" max="1" width="8" customWidth="1"/></cols>\
            <sheetData><row r="1"><c r="A1" s="1" t="s"><v>9</v></c></row></sheetData>\
            <autoFilter ref="A1"/>\
            <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
            """)
    }

    @Test func theSharedStringsInOrderOfFirstUse() throws {
        let parts = try Support.parts([Self.processen, Self.leeg])
        // 11 cells refer to 10 texts: "=1+1" twice.
        #expect(parts["xl/sharedStrings.xml"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="11" uniqueCount="10">\
            <si><t>Code</t></si><si><t>Naam</t></si><si><t>Aantal</t></si><si><t>Actief</t></si>\
            <si><t>01.10</t></si><si><t>=1+1</t></si><si><t>0012</t></si><si><t xml:space="preserve"> Plannen </t></si>\
            <si><t>1e3</t></si><si><t>Stap</t></si></sst>
            """)
    }

    @Test func theWorkbookStylesAndPackageParts() throws {
        let parts = try Support.parts([Self.processen, Self.leeg], properties: WorkbookProperties(title: "Processen & stappen"))
        #expect(parts.keys.sorted() == [
            "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels",
            "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ])
        #expect(parts["xl/workbook.xml"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <bookViews><workbookView activeTab="0"/></bookViews>\
            <sheets><sheet name="Processen" sheetId="1" r:id="rId1"/><sheet name="Stappen &amp; &quot;meer&quot;" sheetId="2" r:id="rId2"/></sheets>\
            <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Processen'!$A$1:$D$4</definedName>\
            <definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Stappen &amp; "meer"'!$A$1:$A$1</definedName></definedNames>\
            </workbook>
            """.replacingOccurrences(of: "\"meer\"'!", with: "&quot;meer&quot;'!"))
        #expect(parts["xl/styles.xml"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """)
        #expect(parts["xl/_rels/workbook.xml.rels"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            </Relationships>
            """)
        #expect(parts["[Content_Types].xml"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """)
        #expect(parts["_rels/.rels"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>
            """)
        #expect(parts["docProps/core.xml"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>Processen &amp; stappen</dc:title><dc:creator>cora</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>
            """)
        #expect(parts["docProps/app.xml"] == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>cora</Application></Properties>
            """)
    }

    @Test func theZipHasItsPartsInAFixedOrderWithAFixedDate() throws {
        let bytes = try WorkbookWriter.write([Self.processen, Self.leeg])
        #expect(Workbook.startsAsZip(bytes))
        // Each local file header (PK\3\4): its modification time and date (1980-01-01 00:00) and its name.
        var entries: [String] = []
        var offset = 0
        while offset + 30 <= bytes.count, bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
            func field(_ at: Int) -> Int { Int(bytes[offset + at]) | Int(bytes[offset + at + 1]) << 8 }
            func field32(_ at: Int) -> Int { field(at) | field(at + 2) << 16 }
            #expect(field(8) == 8, "deflated")
            #expect(field(10) == 0 && field(12) == 0x21, "the time and date of entry \(entries.count + 1)")
            let nameLength = field(26), extraLength = field(28)
            entries.append(String(decoding: bytes[offset + 30..<offset + 30 + nameLength], as: UTF8.self))
            offset += 30 + nameLength + extraLength + field32(18)
        }
        #expect(entries == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ])
    }

    @Test func theSameSheetsGiveTheSameBytes() throws {
        var rows: [[WorkbookValue]] = []
        for number in 0..<5_000 {
            rows.append([.text("WP-\(number % 701)"), .number(String(number)), .text("Stap \(number)"), .boolean(number % 3 == 0)])
        }
        let sheets = [WorksheetContent(name: "Groot", header: ["Code", "Nummer", "Naam", "Actief"], rows: rows), Self.processen]
        let first = try WorkbookWriter.write(sheets, properties: WorkbookProperties(title: "Eén"))
        let second = try WorkbookWriter.write(sheets, properties: WorkbookProperties(title: "Eén"))
        #expect(first == second)
        // Made anew from copies of the values (other string storage, other hash seeds of the table).
        let copies = sheets.map { WorksheetContent(name: String($0.name.reversed().reversed()), header: $0.header.map { "\($0)" },
                                                   rows: $0.rows.map { $0.map { if case .text(let text) = $0 { .text(String(text.unicodeScalars)) } else { $0 } } }) }
        #expect(try WorkbookWriter.write(copies, properties: WorkbookProperties(title: "Eén")) == first)
        // Other content, other bytes.
        #expect(try WorkbookWriter.write(sheets, properties: WorkbookProperties(title: "Twee")) != first)
    }

    // MARK: - What a workbook cannot hold

    @Test func aTextOverExcelsLengthIsRefusedNamingSheetAndCell() {
        let long = String(repeating: "a", count: 40_000)
        let sheet = WorksheetContent(name: "Processen", header: ["A", "B", "C", "D"], rows: [[], [], [], [], [], [.empty, .empty, .empty, .text(long)]])
        #expect(Support.error([sheet]) == WorkbookError(.unwritable, "the text in Processen!D7 has 40,000 characters; a cell holds at most 32,767"))
        // Counted as Excel does, in UTF-16 code units: 16,384 emoji are 32,768.
        let emoji = WorksheetContent(name: "Stappen", header: [String(repeating: "😀", count: 16_384)], rows: [])
        #expect(Support.error([emoji]) == WorkbookError(.unwritable, "the text in Stappen!A1 has 32,768 characters; a cell holds at most 32,767"))
        // A number that is no plain decimal is text, held to the same length.
        let number = WorksheetContent(name: "Getallen", header: ["A", "B"], rows: [[.empty, .number(String(repeating: "1", count: 32_768) + "x")]])
        #expect(Support.error([number]) == WorkbookError(.unwritable, "the text in Getallen!B2 has 32,769 characters; a cell holds at most 32,767"))
        // Exactly 32,767 is written.
        let limit = WorksheetContent(name: "Processen", header: [String(repeating: "é", count: 32_767)], rows: [])
        #expect(Support.error([limit]) == nil)
    }

    @Test func moreRowsOrColumnsThanASheetHasAreRefused() {
        let rows = WorksheetContent(name: "Processen", header: ["A"], rows: Array(repeating: [], count: 1_048_576))
        #expect(Support.error([rows]) == WorkbookError(.unwritable, "the sheet Processen has 1,048,577 rows with its header; a sheet holds at most 1,048,576"))
        let columns = WorksheetContent(name: "Breed", header: ["A"], rows: [[], Array(repeating: .empty, count: 16_385)])
        #expect(Support.error([columns]) == WorkbookError(.unwritable, "the sheet Breed has 16,385 columns; a sheet holds at most 16,384"))
        let header = WorksheetContent(name: "Kop", header: Array(repeating: "x", count: 16_385), rows: [])
        #expect(Support.error([header]) == WorkbookError(.unwritable, "the sheet Kop has 16,385 columns; a sheet holds at most 16,384"))
        // Exactly at the limits is written.
        let full = WorksheetContent(name: "Vol", header: ["A"], rows: Array(repeating: [], count: 1_048_574) + [Array(repeating: .boolean(true), count: 16_384)])
        #expect(Support.error([full]) == nil)
    }

    @Test func sheetNamesExcelRefusesAreRefused() {
        func named(_ names: String...) -> WorkbookError? {
            Support.error(names.map { WorksheetContent(name: $0, header: ["A"], rows: []) })
        }
        #expect(Support.error([]) == WorkbookError(.unwritable, "a workbook needs at least one sheet"))
        #expect(named("Processen", "") == WorkbookError(.unwritable, "sheet 2 has an empty name; a sheet's name has 1 to 31 characters"))
        #expect(named("Bedrijfsprocessen en werkprocess") == WorkbookError(.unwritable, "the sheet name \"Bedrijfsprocessen en werkprocess\" has 32 characters; a sheet's name has at most 31"))
        #expect(named("Bedrijfsprocessen en werkproces") == nil)
        for character in ["[", "]", ":", "*", "?", "/", "\\"] {
            #expect(named("Stap\(character)1") == WorkbookError(.unwritable, "the sheet name \"Stap\(character)1\" has \"\(character)\"; a sheet's name cannot have any of [ ] : * ? / \\"))
        }
        #expect(named("Stap\u{7}") == WorkbookError(.unwritable, "the name of sheet 1 has the control character U+0007; a sheet's name cannot have one"))
        #expect(named("'Stap") == WorkbookError(.unwritable, "the sheet name \"'Stap\" starts or ends with an apostrophe; Excel does not allow that"))
        #expect(named("Stap'") == WorkbookError(.unwritable, "the sheet name \"Stap'\" starts or ends with an apostrophe; Excel does not allow that"))
        #expect(named("Stap's") == nil)
        #expect(named("history") == WorkbookError(.unwritable, "the sheet name \"history\" is reserved by Excel"))
        #expect(named("Processen", "Stappen", "PROCESSEN") == WorkbookError(.unwritable, "sheets 1 and 3 are both named \"PROCESSEN\"; sheet names must differ in more than case"))
        #expect(named("Één", "één") == WorkbookError(.unwritable, "sheets 1 and 2 are both named \"één\"; sheet names must differ in more than case"))
    }

    // MARK: - Escapes

    @Test func textKeepsEveryCharacterInOOXMLEscapes() throws {
        let texts = [
            "a\u{1}b\u{1F}c",             // control characters XML 1.0 cannot hold
            "regel 1\r\nregel 2\tkolom",   // a carriage return a parser would turn into a line feed; tab and line feed as they are
            "_x0041_ en _X004a_ en _x12_", // a literal escape, in either case; not an escape
            "\u{FFFE}\u{FFFF}",            // noncharacters XML cannot hold
            "<b>&amp;</b> \"'",            // markup
            "\u{0}",                       // NUL
        ]
        let sheet = WorksheetContent(name: "Tekst", header: texts, rows: [])
        let strings = try #require(try Support.parts([sheet])["xl/sharedStrings.xml"])
        #expect(strings.hasSuffix("""
            <si><t>a_x0001_b_x001F_c</t></si>\
            <si><t>regel 1_x000D_\nregel 2\tkolom</t></si>\
            <si><t>_x005F_x0041_ en _x005F_X004a_ en _x12_</t></si>\
            <si><t>_xFFFE__xFFFF_</t></si>\
            <si><t>&lt;b&gt;&amp;amp;&lt;/b&gt; "'</t></si>\
            <si><t>_x0000_</t></si></sst>
            """))
    }

    @Test func spaceAtEitherEndIsPreserved() throws {
        let sheet = WorksheetContent(name: "Tekst", header: [" a", "b ", "\tc", "d\n", "e f"], rows: [])
        let strings = try #require(try Support.parts([sheet])["xl/sharedStrings.xml"])
        #expect(strings.hasSuffix("""
            <si><t xml:space="preserve"> a</t></si><si><t xml:space="preserve">b </t></si>\
            <si><t xml:space="preserve">\tc</t></si><si><t xml:space="preserve">d\n</t></si><si><t>e f</t></si></sst>
            """))
    }

    @Test func documentPropertiesDropWhatXMLCannotHold() throws {
        let parts = try Support.parts([Self.leeg], properties: WorkbookProperties(title: "a\u{1}b\rc\u{FFFF}d <&>", creator: "cora \"1\""))
        let core = try #require(parts["docProps/core.xml"])
        #expect(core.contains("<dc:title>ab&#13;cd &lt;&amp;&gt;</dc:title><dc:creator>cora &quot;1&quot;</dc:creator>"))
        #expect(parts["docProps/app.xml"]?.contains("<Application>cora &quot;1&quot;</Application>") == true)
    }

    // MARK: - Cells

    @Test func numbersThatAreNoPlainDecimalAreText() throws {
        let values = ["0", "-0", "3", "-1.25", "0.5", "0012", "123456789012345", "0.000000000000000000123456789012345",
                      "1e3", "+1", ".5", "5.", "1,5", "NaN", "", "-", "1.2.3", "123456789012345678", "1.0000000000000001", " 1"]
        let sheet = WorksheetContent(name: "Getallen", header: ["Waarde"], rows: values.map { [.number($0)] })
        let xml = try #require(try Support.parts([sheet])["xl/worksheets/sheet1.xml"])
        let cells = xml.components(separatedBy: "<c r=\"").dropFirst(2).map { String($0.prefix { $0 != "/" }) }
        #expect(cells == [
            "A2\" s=\"3\"><v>0<", "A3\" s=\"3\"><v>-0<", "A4\" s=\"3\"><v>3<", "A5\" s=\"3\"><v>-1.25<", "A6\" s=\"3\"><v>0.5<",
            "A7\" s=\"3\"><v>0012<", "A8\" s=\"3\"><v>123456789012345<", "A9\" s=\"3\"><v>0.000000000000000000123456789012345<",
            "A10\" s=\"2\" t=\"s\"><v>1<", "A11\" s=\"2\" t=\"s\"><v>2<", "A12\" s=\"2\" t=\"s\"><v>3<", "A13\" s=\"2\" t=\"s\"><v>4<",
            "A14\" s=\"2\" t=\"s\"><v>5<", "A15\" s=\"2\" t=\"s\"><v>6<", // "" (A16) is no cell
            "A17\" s=\"2\" t=\"s\"><v>7<", "A18\" s=\"2\" t=\"s\"><v>8<", "A19\" s=\"2\" t=\"s\"><v>9<", "A20\" s=\"2\" t=\"s\"><v>10<",
            "A21\" s=\"2\" t=\"s\"><v>11<",
        ])
    }

    @Test func emptyValuesAreNoCellsAndRowsWithoutValuesAreLeftOut() throws {
        let sheet = WorksheetContent(name: "Leeg", header: ["A", "", "C"], rows: [[.empty, .text("")], [.text("x")], [], [.empty, .empty, .boolean(true)]])
        let xml = try #require(try Support.parts([sheet])["xl/worksheets/sheet1.xml"])
        #expect(xml.contains("""
            <sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="C1" s="1" t="s"><v>1</v></c></row>\
            <row r="3"><c r="A3" s="2" t="s"><v>2</v></c></row>\
            <row r="5"><c r="C5" t="b"><v>1</v></c></row></sheetData><autoFilter ref="A1:C5"/>
            """))
    }

    @Test func aSheetWithoutColumnsHasNoFilter() throws {
        let parts = try Support.parts([WorksheetContent(name: "Niets", header: [], rows: []), Self.leeg])
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("""
            <sheetFormatPr defaultRowHeight="15"/><sheetData></sheetData><pageMargins
            """) == true)
        #expect(parts["xl/workbook.xml"]?.contains("""
            <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">\
            'Stappen &amp; &quot;meer&quot;'!$A$1:$A$1</definedName></definedNames>
            """) == true)
    }

    @Test func columnsAreAsWideAsTheirLongestValue() throws {
        let sheet = WorksheetContent(name: "Breedte", header: ["Code", "Naam", "Omschrijving", "日本語", "e\u{301}", "Kort"], rows: [
            [.text("1.1"), .text(String(repeating: "x", count: 20)), .text(String(repeating: "y", count: 200)), .text("東京都庁"),
             .text(String(repeating: "e\u{301}", count: 10)), .number("-12345678901.5")],
        ])
        let xml = try #require(try Support.parts([sheet])["xl/worksheets/sheet1.xml"])
        // At least 8; header with room for the filter button (3); padding 1; at most 60; wide
        // characters twice; combining accents not at all.
        #expect(xml.contains("""
            <cols><col min="1" max="1" width="8" customWidth="1"/><col min="2" max="2" width="21" customWidth="1"/>\
            <col min="3" max="3" width="60" customWidth="1"/><col min="4" max="4" width="10" customWidth="1"/>\
            <col min="5" max="5" width="11" customWidth="1"/><col min="6" max="6" width="15" customWidth="1"/></cols>
            """))
        #expect(ColumnWidths.width(of: "Zoë") == 3)
        #expect(ColumnWidths.width(of: "한국어") == 6)
    }
}
