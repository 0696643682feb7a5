import Foundation
import Testing

@testable import CoraXLSX

/// The workbooks cora writes, read back by real software: openpyxl (every cell's value and type,
/// the bold header, the frozen pane, the autofilter, the widths), LibreOffice Calc (the typed cells
/// as it imports them, the bold header, the filter ranges) and xmllint (every part is well-formed).
/// Text stays text, however much it looks like a number, a date or a formula.
@Suite(.serialized) struct WorkbookWriterInRealSoftwareTests {
    typealias Support = WorkbookWriterTestSupport

    static let sheets = [
        WorksheetContent(name: "Processen", header: ["Code", "Naam", "Aantal", "Actief", "Tekst"], rows: [
            [.text("01.10"), .text("=1+1"), .number("3"), .boolean(true), .text("  spaties  ")],
            [.text("1.10"), .text("+31 6"), .number("-1.25"), .boolean(false), .text("a\tb\nc")],
            [.text("0012"), .text("@SUM(A1)"), .number("0.5"), .empty, .text("_x0041_")],
            [.text("-5"), .text("日本語 & <b>"), .number("123456789012345678"), .boolean(true), .text("1-2-2025")],
        ]),
        WorksheetContent(name: "Stappen & 'meer' 2", header: ["Stap", "Werkproces"], rows: [
            [.text("1"), .text("Plannen")],
            [],
            [.empty, .text("Uitvoeren")],
        ]),
    ]

    /// Writes ``sheets`` into a scratch folder as `cora.xlsx` and runs `body` on its URL.
    func withWorkbook<T>(_ sheets: [WorksheetContent] = sheets, _ body: (URL) throws -> T) throws -> T {
        let bytes = try WorkbookWriter.write(sheets, properties: WorkbookProperties(title: "Processen"))
        return try Support.withScratch { folder in
            let file = folder.appendingPathComponent("cora.xlsx")
            try Data(bytes).write(to: file)
            return try body(file)
        }
    }

    @Test func openpyxlReadsEveryCellWithItsType() throws {
        let python = try Support.python()
        let run = try withWorkbook { file in
            try Support.run(python, ["-W", "error", "-c", Self.openpyxlScript, file.path])
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            title 'Processen' creator 'cora' created 1980-01-01 00:00:00
            sheet 'Processen' freeze A2 filter A1:E5 dimensions A1:E5 widths A=8 B=13 C=19 D=10 E=12
            A1 s bold '@' 'Code'
            B1 s bold '@' 'Naam'
            C1 s bold '@' 'Aantal'
            D1 s bold '@' 'Actief'
            E1 s bold '@' 'Tekst'
            A2 s - '@' '01.10'
            B2 s - '@' '=1+1'
            C2 n - 'General' 3
            D2 b - 'General' True
            E2 s - '@' '  spaties  '
            A3 s - '@' '1.10'
            B3 s - '@' '+31 6'
            C3 n - 'General' -1.25
            D3 b - 'General' False
            E3 s - '@' 'a\\tb\\nc'
            A4 s - '@' '0012'
            B4 s - '@' '@SUM(A1)'
            C4 n - 'General' 0.5
            E4 s - '@' '_x0041_'
            A5 s - '@' '-5'
            B5 s - '@' '日本語 & <b>'
            C5 s - '@' '123456789012345678'
            D5 b - 'General' True
            E5 s - '@' '1-2-2025'
            sheet "Stappen & 'meer' 2" freeze A2 filter A1:B4 dimensions A1:B4 widths A=8 B=14
            A1 s bold '@' 'Stap'
            B1 s bold '@' 'Werkproces'
            A2 s - '@' '1'
            B2 s - '@' 'Plannen'
            B4 s - '@' 'Uitvoeren'

            """)
    }

    /// Prints the properties, and for each sheet its frozen pane, autofilter, dimensions and column
    /// widths, then each cell with a value: reference, type, bold, number format and value.
    static let openpyxlScript = """
        import sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        print("title", repr(book.properties.title), "creator", repr(book.properties.creator), "created", book.properties.created)
        for sheet in book.worksheets:
            widths = " ".join(f"{letter}={dimension.width:g}" for letter, dimension in sorted(sheet.column_dimensions.items()))
            print("sheet", repr(sheet.title), "freeze", sheet.freeze_panes, "filter", sheet.auto_filter.ref, "dimensions", sheet.dimensions, "widths", widths)
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        print(cell.coordinate, cell.data_type, "bold" if cell.font.b else "-", repr(cell.number_format), repr(cell.value))
        """

    /// The cells of `sheets` as LibreOffice Calc imports them (``fodsScript``), in a profile of
    /// its own.
    func calc(_ sheets: [WorksheetContent] = sheets) throws -> Support.Run {
        let python = try Support.python()
        return try withWorkbook(sheets) { file in
            let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cora-soffice-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: profile) }
            let folder = file.deletingLastPathComponent()
            let convert = try Support.run("soffice", ["-env:UserInstallation=\(profile.absoluteString)", "--headless",
                                                      "--convert-to", "fods", "--outdir", folder.path, file.path])
            let fods = folder.appendingPathComponent("cora.fods")
            guard FileManager.default.fileExists(atPath: fods.path) else {
                Issue.record("LibreOffice wrote no cora.fods (exit \(convert.status)): \(convert.stderr)")
                return Support.Run(status: -1, stdout: "", stderr: "")
            }
            return try Support.run(python, ["-c", Self.fodsScript, fods.path])
        }
    }

    @Test func libreOfficeCalcImportsEveryCellWithItsType() throws {
        let run = try calc()
        #expect(run.status == 0, "\(run.stderr)")
        // Calc holds a logical value as a number with the formula TRUE() or FALSE(). Its flat ODF
        // export drops the tab of E3 (Calc has it: its CSV export keeps it), and headless Calc keeps
        // no view settings, so the frozen pane is checked with openpyxl only.
        #expect(run.stdout == """
            table 'Processen'
            A1 string bold 'Code'
            B1 string bold 'Naam'
            C1 string bold 'Aantal'
            D1 string bold 'Actief'
            E1 string bold 'Tekst'
            A2 string - '01.10'
            B2 string - '=1+1'
            C2 float:3 - '3'
            D2 float:1 of:=TRUE() - 'TRUE'
            E2 string - '  spaties  '
            A3 string - '1.10'
            B3 string - '+31 6'
            C3 float:-1.25 - '-1.25'
            D3 float:0 of:=FALSE() - 'FALSE'
            E3 string - 'ab\\nc'
            A4 string - '0012'
            B4 string - '@SUM(A1)'
            C4 float:0.5 - '0.5'
            E4 string - '_x0041_'
            A5 string - '-5'
            B5 string - '日本語 & <b>'
            C5 string - '123456789012345678'
            D5 float:1 of:=TRUE() - 'TRUE'
            E5 string - '1-2-2025'
            table "Stappen & 'meer' 2"
            A1 string bold 'Stap'
            B1 string bold 'Werkproces'
            A2 string - '1'
            B2 string - 'Plannen'
            B4 string - 'Uitvoeren'
            filter Processen.A1:Processen.E5
            filter 'Stappen & ''meer'' 2'.A1:'Stappen & ''meer'' 2'.B4

            """)
    }

    @Test func libreOfficeCalcDecodesTheEscapes() throws {
        let texts = ["r1\rr2", "_x0041_ _X0042_", "_x005F_", "a\u{1F}b", "<&>", " rand "]
        let run = try calc([WorksheetContent(name: "Tekst", header: ["Tekst"], rows: texts.map { [.text($0)] })])
        #expect(run.status == 0, "\(run.stderr)")
        // The carriage return comes back from `_x000D_`, each literal `_xHHHH_` as it was; the unit
        // separator (U+001F) is not in the flat ODF file, which cannot hold it.
        #expect(run.stdout == """
            table 'Tekst'
            A1 string bold 'Tekst'
            A2 string - 'r1\\rr2'
            A3 string - '_x0041_ _X0042_'
            A4 string - '_x005F_'
            A5 string - 'ab'
            A6 string - '<&>'
            A7 string - ' rand '
            filter Tekst.A1:Tekst.A7

            """)
    }

    /// Prints each table of a `.fods`, each cell with a value (reference,
    /// value type and value, formula, bold, text), and the autofilter ranges.
    static let fodsScript = """
        import sys, xml.etree.ElementTree as ET
        ns = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
              "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0", "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
              "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"}
        def q(prefix, name): return "{%s}%s" % (ns[prefix], name)
        root = ET.parse(sys.argv[1]).getroot()
        bold = {s.get(q("style", "name")) for s in root.iter(q("style", "style"))
                if any(t.get(q("fo", "font-weight")) == "bold" for t in s.iter(q("style", "text-properties")))}
        def text(node):
            out = node.text or ""
            for child in node:
                if child.tag == q("text", "s"): out += " " * int(child.get(q("text", "c"), "1"))
                elif child.tag == q("text", "tab"): out += "\\t"
                elif child.tag == q("text", "line-break"): out += "\\n"
                else: out += text(child)
                out += child.tail or ""
            return out
        def letters(n):
            s = ""
            while n > 0:
                n, r = divmod(n - 1, 26)
                s = chr(65 + r) + s
            return s
        for table in root.iter(q("table", "table")):
            name = table.get(q("table", "name"))
            print("table", repr(name))
            number = 0
            for row in table.iter(q("table", "table-row")):
                repeat = int(row.get(q("table", "number-rows-repeated"), "1"))
                number += 1
                column = 0
                for cell in row.findall(q("table", "table-cell")):
                    column += 1
                    kind = cell.get(q("office", "value-type"))
                    if kind is not None:
                        value = cell.get(q("office", "value"))
                        formula = cell.get(q("table", "formula"))
                        described = kind + (":" + value if value is not None else "") + (" " + formula if formula else "")
                        shown = "\\n".join(text(p) for p in cell.findall(q("text", "p")))
                        style = "bold" if cell.get(q("table", "style-name")) in bold else "-"
                        print(f"{letters(column)}{number}", described, style, repr(shown))
                    column += int(cell.get(q("table", "number-columns-repeated"), "1")) - 1
                number += repeat - 1
        for database in root.iter(q("table", "database-range")):
            if database.get(q("table", "display-filter-buttons")) == "true":
                print("filter", database.get(q("table", "target-range-address")))
        """

    @Test func everyPartIsWellFormedXMLInAnIntactZip() throws {
        try withWorkbook { file in
            let folder = file.deletingLastPathComponent().appendingPathComponent("parts")
            let test = try Support.run("unzip", ["-t", file.path])
            #expect(test.status == 0 && test.stdout.contains("No errors detected"), "\(test.stdout)")
            let unzip = try Support.run("unzip", ["-q", file.path, "-d", folder.path])
            #expect(unzip.status == 0, "\(unzip.stderr)")
            let list = try Support.run("unzip", ["-Z1", file.path])
            let parts = list.stdout.split(separator: "\n").map(String.init)
            #expect(parts.count == 10)
            for part in parts {
                let lint = try Support.run("xmllint", ["--noout", folder.appendingPathComponent(part).path])
                #expect(lint.status == 0 && lint.stderr.isEmpty, "\(part): \(lint.stderr)")
            }
        }
    }
}
