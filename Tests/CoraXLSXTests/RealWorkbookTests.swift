import Foundation
import Testing
@testable import CoraXLSX

/// Workbooks saved by real spreadsheet software (`Fixtures/read-*.xlsx`, made by
/// `scripts/make-workbook-fixtures.sh`), read to exact rows.
@Suite struct RealWorkbookTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").appendingPathComponent(name)
        return Array(try Data(contentsOf: url))
    }

    /// Every sheet: its name (hidden marked), then its rows as `number: text|…` with kinds.
    static func dump(_ name: String) throws -> (sheets: [String], rows: [String: [String]], warnings: [String: [SheetWarning]]) {
        let workbook = try Workbook(bytes: fixture(name))
        var rows: [String: [String]] = [:]
        var warnings: [String: [SheetWarning]] = [:]
        for sheet in workbook.sheets {
            var reader = try workbook.rows(of: sheet)
            var lines: [String] = []
            while let row = try reader.next() {
                lines.append("\(row.number)\(row.isHidden ? " hidden" : ""): " + row.cells.map { cell in
                    guard let cell else { return "" }
                    return cell.kind == .text ? cell.text : "\(cell.text) (\(cell.kind.rawValue))"
                }.joined(separator: "|"))
            }
            rows[sheet.name] = lines
            warnings[sheet.name] = reader.warnings
        }
        return (workbook.sheets.map { $0.name + ($0.isHidden ? " (hidden)" : "") }, rows, warnings)
    }

    @Test func libreOfficeFromACSV() throws {
        let dump = try Self.dump("read-libreoffice.xlsx")
        #expect(dump.sheets == ["read-libreoffice"])
        // LibreOffice's CSV import (Dutch locale) made numbers of `01` and `1,5`; `01.10` stayed text.
        #expect(dump.rows["read-libreoffice"] == [
            "1: Code|Naam|Niveau|Aantal",
            "2: 1 (number)|Sturen|bedrijfsproces|1.5 (number)",
            "3: 01.10|Beleid maken|werkproces|2 (number)",
            "4: 2 (number)|Primaire processen|bedrijfsproces|3 (number)",
        ])
    }

    @Test func libreOfficeWithMergedCellsAHiddenSheetAFormulaAndAnError() throws {
        let dump = try Self.dump("read-libreoffice-merged.xlsx")
        #expect(dump.sheets == ["Processen", "Verborgen (hidden)"])
        #expect(dump.rows["Processen"] == [
            "1: Bedrijfsproces|Werkproces|Code|Datum|Bedrag",
            "2: Sturen|Beleid maken|01.10|5-3-2024 (date)|1.10 (number)",
            "3: Sturen|Plannen|01.20|6-3-2024 (date)|#DIV/0! (error)",
            "4: Ondersteunen|Ondersteunen|03||1230000000000000000 (number)",
        ])
        #expect(dump.rows["Verborgen"] == ["1: geheim"])
        #expect(dump.warnings["Processen"] == [])
    }

    @Test func openpyxlWithSeveralSheetsHiddenRowsAndAFormulaWithoutValue() throws {
        let dump = try Self.dump("read-openpyxl.xlsx")
        #expect(dump.sheets == ["Processen", "Stappen", "Verborgen (hidden)"])
        #expect(dump.rows["Processen"] == [
            "1: Bedrijfsproces|Werkproces|Code|Datum|Bedrag",
            "2: Sturen|Beleid maken|01.10|5-3-2024 (date)|1.1 (number)|#N/A (error)",
            "3 hidden: Sturen|Plannen|01.20|6-3-2024 14:30 (date)|2.00 (number)",
            "4: Ondersteunen|Ondersteunen|03",
        ])
        // openpyxl computes no formulas: E4 (=E2*2) has no cached value.
        #expect(dump.warnings["Processen"] == [SheetWarning(row: 4, column: 5, message: "formula without a cached value: =E2*2")])
        #expect(dump.rows["Stappen"] == ["1: Stap|Volgorde", "2: Ontvangen|1 (number)", "3: Beoordelen|1230000000000000000 (number)"])
        #expect(dump.rows["Verborgen"] == ["1: geheim"])
    }
}
