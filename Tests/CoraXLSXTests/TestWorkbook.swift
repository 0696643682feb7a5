import Foundation
import ZIPFoundation
@testable import CoraXLSX

/// Small workbooks for tests: given parts zipped in memory with ZIPFoundation (deflated), with
/// the package and workbook plumbing filled in unless a test gives its own.
enum TestWorkbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A zip of `parts` (path → text), in the order given.
    static func zip(_ parts: [(String, String)], compression: CompressionMethod = .deflate) -> [UInt8] {
        zipBytes(parts.map { ($0.0, Array($0.1.utf8)) }, compression: compression)
    }

    static func zipBytes(_ parts: [(String, [UInt8])], compression: CompressionMethod = .deflate) -> [UInt8] {
        let archive = try! Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try! archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                  modificationDate: Date(timeIntervalSince1970: 1_000_000_000),
                                  compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data!)
    }

    /// A workbook of `sheets` (name → sheetData XML, the rows), with optional shared strings,
    /// styles and further sheet XML after `</sheetData>` (such as `<mergeCells>`).
    static func workbook(sheets: [(name: String, rows: String)], sharedStrings: [String]? = nil, styles: String? = nil,
                         afterSheetData: String = "", workbookPr: String = "", sheetStates: [String: String] = [:]) -> [UInt8] {
        var parts: [(String, String)] = []
        parts.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
            """))
        parts.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """))
        var sheetList = ""
        var rels = ""
        for (index, sheet) in sheets.enumerated() {
            let state = sheetStates[sheet.name].map { " state=\"\($0)\"" } ?? ""
            sheetList += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            rels += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        if sharedStrings != nil {
            rels += "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        if styles != nil {
            rels += "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/xl/styles.xml\"/>"
        }
        parts.append(("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(relationships)">\(workbookPr)<sheets>\(sheetList)</sheets></workbook>
            """))
        parts.append(("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(main)" xmlns:r="\(relationships)"><sheetData>\(sheet.rows)</sheetData>\(afterSheetData)</worksheet>
                """))
        }
        if let sharedStrings {
            parts.append(("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="\(main)" count="\(sharedStrings.count)">\(sharedStrings.joined())</sst>
                """))
        }
        if let styles {
            parts.append(("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="\(main)">\(styles)</styleSheet>
                """))
        }
        return zip(parts)
    }

    /// A one-sheet workbook of `rows` (sheetData XML).
    static func sheet(_ rows: String, sharedStrings: [String]? = nil, styles: String? = nil, afterSheetData: String = "",
                      workbookPr: String = "") -> [UInt8] {
        workbook(sheets: [("Blad1", rows)], sharedStrings: sharedStrings, styles: styles, afterSheetData: afterSheetData, workbookPr: workbookPr)
    }

    /// Every row of the first sheet of `bytes`, as (number, texts) with `nil` for an empty cell.
    static func rows(_ bytes: [UInt8], limits: WorkbookLimits = WorkbookLimits(), sheet: String = "1") throws(WorkbookError) -> [SheetRow] {
        let workbook = try Workbook(bytes: bytes, limits: limits)
        var reader = try workbook.rows(of: workbook.sheet(sheet)!)
        var rows: [SheetRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// The rows as lines `number: text|text|…` (an empty cell as nothing), for exact comparison.
    static func lines(_ rows: [SheetRow]) -> [String] {
        rows.map { row in "\(row.number)\(row.isHidden ? " hidden" : ""): " + row.cells.map { $0?.text ?? "" }.joined(separator: "|") }
    }

    /// The error reading `bytes` gives, or `nil`.
    static func error(_ bytes: [UInt8], limits: WorkbookLimits = WorkbookLimits()) -> WorkbookError? {
        do {
            _ = try rows(bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }
}
