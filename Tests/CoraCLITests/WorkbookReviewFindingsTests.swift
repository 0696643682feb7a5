import CoraXLSX
import Foundation
import Testing

/// What the new user's review of issue 20 found, each fixed and held here.
@Suite("Workbooks: the new user's findings")
struct WorkbookReviewFindingsTests {
    static let sample = CoraCLI.packageRoot.appendingPathComponent("Samples/workbook/woonbron-noord.xlsx").path

    @Test("a workbook that cannot be read is an incomplete run (exit 2), as malformed CSV is; so is a sheet that is not there")
    func unreadableIsExitTwo() throws {
        let scratch = try Scratch()
        _ = try scratch.write("oud.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let xls = try scratch.cora("convert", "oud.xls", "--mapping", "canonical", "-o", "out.csv")
        #expect(xls.status == 2, "\(xls)")
        #expect(xls.errorLines == ["oud.xls: error: the file is an Excel 97-2003 workbook (.xls); save it in Excel as .xlsx (Excel Workbook) or as CSV UTF-8 [unreadable-workbook]"])
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.csv").path))
        let sheet = try scratch.cora("validate", Self.sample, "--sheet", "Nope")
        #expect(sheet.status == 2, "\(sheet)")
        #expect(sheet.errorLines == ["\(Self.sample): error: the workbook has no sheet \"Nope\"; its sheets: 1 \"Toelichting\", 2 \"Processen\" [no-such-sheet]"])
    }

    @Test("a named mapping reads the first sheet it fits, passing over a sheet of prose; mapping init and inspect pass it over too")
    func namedMappingFindsItsSheet() throws {
        let scratch = try Scratch()
        let named = try scratch.cora("convert", Self.sample, "--mapping", "niveaus", "-o", "w.csv")
        #expect(named.status == 0, "\(named)")
        #expect(named.stderrLines == ["\(Self.sample): note: read the sheet Processen (2 of 2); choose another with --sheet",
                                      "cora: 45 rows read, 46 processes, 0 rejected; 0 errors, 0 warnings"])
        let draft = try scratch.cora("mapping", "init", Self.sample, "-o", "m.yaml")
        #expect(draft.status == 0, "\(draft)")
        #expect(draft.stderrText.contains("drafted mapping m: 8 of 8 columns placed"), "\(draft)")
        let inspect = try scratch.cora("inspect", Self.sample)
        #expect(inspect.stdoutText.contains("sheet:       Processen\n"), "\(inspect)")
    }

    @Test("--skip-rows with --mapping auto: the header below a title row is found in a workbook and in a CSV")
    func skipRowsWithAuto() throws {
        let scratch = try Scratch()
        let canonical = try scratch.cora("convert", CoraCLI.packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv").path,
                                         "--to", "xlsx", "-o", "w.xlsx")
        #expect(canonical.status == 0, "\(canonical)")
        // A title above the header: the workbook's rows moved down by one, and the same as CSV.
        let csv = String(decoding: try Data(contentsOf: CoraCLI.packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv")), as: UTF8.self)
        _ = try scratch.write("titel.csv", "Procesinventaris Woonstad Waterland\n" + csv)
        let plain = try scratch.cora("convert", "titel.csv", "--to", "csv", "-o", "t.csv")
        #expect(plain.status == 0 || plain.status == 2, "\(plain)")
        let skipped = try scratch.cora("convert", "titel.csv", "--skip-rows", "1", "--to", "csv", "-o", "t.csv")
        #expect(skipped.status == 0, "\(skipped)")
        #expect(skipped.stderrLines.first == "cora: titel.csv: mapping canonical (auto: 19 of 19 columns matched)")
        #expect(try scratch.read("t.csv") == Array(csv.utf8))
        _ = try scratch.cora("convert", "t.csv", "--to", "xlsx", "-o", "t.xlsx")
        let sheetSkipped = try scratch.cora("convert", "t.xlsx", "--skip-rows", "0", "--to", "csv", "-o", "u.csv")
        #expect(sheetSkipped.status == 0, "\(sheetSkipped)")
        #expect(try scratch.read("u.csv") == Array(csv.utf8))
    }

    @Test("--rejects r.xlsx writes a workbook of the rejected rows (header and rows as read), which the same mapping reads back")
    func rejectsAsWorkbook() throws {
        let scratch = try Scratch()
        _ = try scratch.write("in.csv", "id,code,name,level\nbp-1,1.10,Verhuren,bedrijfsproces\nwp-1,0012,Toewijzen,niveau 9\n")
        let run = try scratch.cora("convert", "in.csv", "--mapping", "canonical", "--rejects", "r.xlsx", "-o", "out.csv")
        #expect(run.status == 1, "\(run)")
        let workbook = try Workbook(bytes: try scratch.read("r.xlsx"))
        #expect(workbook.sheets.map(\.name) == ["Afgewezen rijen"])
        var rows = try workbook.rows(of: workbook.sheets[0])
        var read: [[String]] = []
        while let row = try rows.next() { read.append(row.cells.map { $0?.text ?? "" }) }
        #expect(read == [["id", "code", "name", "level"], ["wp-1", "0012", "Toewijzen", "niveau 9"]])
        let back = try scratch.cora("validate", "r.xlsx", "--mapping", "canonical")
        #expect(back.errorLines == ["r.xlsx:'Afgewezen rijen'!D2: error: unknown level \"niveau 9\" (column \"level\") [unknown-level]"], "\(back)")
    }
}
