import Foundation
import Testing

/// Issue 20: every workbook cora writes (`--to xlsx`) opened by real spreadsheet software,
/// LibreOffice Calc and openpyxl, and compared cell by cell with the canonical CSV of the same run:
/// every value as written, every type as meant (text stays text, `=1+1` included; the order a
/// number), the header bold, frozen, filtered, the columns sized and the sheets in order.
@Suite("Workbooks cora writes, read by LibreOffice and openpyxl")
struct WorkbookConsumersTests {
    /// Cells that a spreadsheet would turn into a formula, a number or a date, or that are hard to
    /// carry in XML: in the code, the name (after a prefix, to keep names apart) and the description.
    static let hostile = ["=1+1", "+31 6", "@SUM(A1)", "-5", "01.10", "0012", "1.10", "12345678901234567890",
                          " voorloopspatie", "twee\nregels", "_x0041_", "stuur\u{7}teken"]

    /// A canonical inventory with one process per hostile cell.
    static var hostileInput: String {
        func quoted(_ field: String) -> String {
            field.contains(where: { ",\"\n".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        return Canonical.header + "\n" + hostile.enumerated().map { number, cell in
            ["h\(number + 1)", quoted(cell), quoted("Proces \(number + 1) \(cell)"), "business-process", "steering", "", "\(number + 1)",
             "", "", "", "", "", "", "", quoted(cell), "", "", "", ""].joined(separator: ",")
        }.map { $0 + "\n" }.joined()
    }

    /// The three workbooks (woonstad-waterland, voorbeeld with findings and a rejected row, the
    /// hostile cells), their canonical CSV, CSV report and the sheets cora meant.
    struct Written {
        var workbook: URL
        var canonical: [[String]]
        var report: [[String]]
    }

    static func write(in scratch: Scratch) throws -> [String: Written] {
        try scratch.write("invoer.csv", hostileInput)
        let inputs = ["woonstad": CoraCLI.sample.path,
                      "voorbeeld": CoraCLI.packageRoot.appendingPathComponent("Samples/voorbeeld.csv").path,
                      "vijandig": "invoer.csv"]
        var written: [String: Written] = [:]
        for (name, input) in inputs {
            let csv = try scratch.cora("convert", input, "--to", "csv", "-o", "\(name).csv", "--report", "\(name).report.csv")
            let xlsx = try scratch.cora("convert", input, "--to", "xlsx", "-o", "\(name).xlsx")
            #expect(xlsx.status == csv.status && csv.status == (name == "voorbeeld" ? 1 : 0), "\(name): \(xlsx)")
            written[name] = Written(workbook: scratch.url.appendingPathComponent("\(name).xlsx"),
                                    canonical: CanonicalTable.rows(String(decoding: try scratch.read("\(name).csv"), as: UTF8.self)),
                                    report: CanonicalTable.rows(String(decoding: try scratch.read("\(name).report.csv"), as: UTF8.self)))
        }
        // Every hostile cell reached the canonical CSV as it was, so the workbook is tested with it.
        #expect(written["vijandig"]?.canonical.dropFirst().map { $0[14] } == hostile)
        return written
    }

    /// The rejected row of Samples/voorbeeld.csv, after its file and line.
    static let rejectedHeader = ["file", "line", "id", "code", "name", "level", "category", "parent", "order", "owner", "function",
                                 "services", "events", "applications", "next", "status", "description"]
    static let rejectedRow = ["wp-2", "P1.2", "Opleveren eenheid", "werkprocess", "primair", "bp-9", "2", "Opzichter", "Vastgoedbeheer",
                              "", "", "Empire", "", "Concept"]

    /// The columns of the findings sheet that are numbers.
    static let findingNumbers: Set<String> = ["line", "record", "columnIndex"]

    /// The column letter of the column numbered `number` (1 is A).
    static func letter(_ number: Int) -> String {
        var number = number, name = ""
        while number > 0 { name = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + name; number = (number - 1) / 26 }
        return name
    }

    @Test("openpyxl: every cell the value and type of the canonical CSV (text 's', order 'n'), the header bold, frozen at A2, filtered over the table, widths set, sheets Processen, Bevindingen, Afgewezen rijen")
    func openpyxlReadsWhatWasWritten() throws {
        let scratch = try Scratch()
        let written = try Self.write(in: scratch)
        let books = try Openpyxl.dump(written.values.map(\.workbook))
        for (name, file) in written.sorted(by: { $0.key < $1.key }) {
            let book = try #require(books[file.workbook], "\(name)")
            #expect(book.names == ["Processen", "Bevindingen", "Afgewezen rijen"], "\(name)")
            #expect(book.sheets.allSatisfy { $0.state == "visible" }, "\(name)")
            let processes = try #require(book["Processen"])
            expect(processes, equals: file.canonical, numbers: ["order"], name: name)
            // The findings: the CSV report's columns and values (line, record, columnIndex numbers).
            let findings = try #require(book["Bevindingen"])
            expect(findings, equals: file.report, numbers: Self.findingNumbers, name: "\(name) Bevindingen")
            let rejected = try #require(book["Afgewezen rijen"])
            if name == "voorbeeld" {
                let table = [Self.rejectedHeader, [CoraCLI.packageRoot.appendingPathComponent("Samples/voorbeeld.csv").path, "6"] + Self.rejectedRow + [""]]
                expect(rejected, equals: table, numbers: ["line"], name: "\(name) Afgewezen rijen")
            } else {
                #expect(rejected.rows.count == 1, "\(name): \(rejected.rows.count) rows")
            }
        }
    }

    /// Expects `sheet` to hold `table` cell by cell: the header bold text, then every value equal,
    /// text as text (`s`) and the columns named in `numbers` as numbers (`n`), an empty value no
    /// cell; the header frozen (A2), the autofilter over the table, every column's width set.
    func expect(_ sheet: Openpyxl.Sheet, equals table: [[String]], numbers: Set<String>, name: String,
                sourceLocation: SourceLocation = #_sourceLocation) {
        let header = table.first ?? []
        #expect(sheet.rows.count == table.count, "\(name): \(sheet.rows.count) rows, expected \(table.count)", sourceLocation: sourceLocation)
        for (row, cells) in zip(table, sheet.rows).enumerated().map({ ($0.offset, $0.element) }) {
            let (expected, actual) = cells
            for (column, value) in expected.enumerated() {
                let cell = column < actual.count ? actual[column] : nil
                let at = "\(name) \(Self.letter(column + 1))\(row + 1)"
                if value.isEmpty {
                    #expect(cell == nil, "\(at): \(cell.map(\.description) ?? "")", sourceLocation: sourceLocation)
                } else if row > 0, numbers.contains(header[column]) {
                    #expect(cell?.type == "n" && cell?.value == value, "\(at): \(cell?.description ?? "nil"), expected number \(value)", sourceLocation: sourceLocation)
                } else {
                    // openpyxl gives the text as stored, `_x0007_` for a control character (its
                    // `_x005F_` escape of an underscore it undoes).
                    let stored = value.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" && $0 != "\t" ? String(format: "_x%04X_", $0.value) : String($0) }.joined()
                    #expect(cell?.type == "s" && cell?.value == stored, "\(at): \(cell?.description ?? "nil"), expected text \(stored.debugDescription)", sourceLocation: sourceLocation)
                }
                if row == 0 { #expect(cell?.bold == true, "\(at): the header is not bold", sourceLocation: sourceLocation) }
                if row > 0 && !value.isEmpty { #expect(cell?.bold == false, "\(at): bold", sourceLocation: sourceLocation) }
            }
            #expect(actual.count <= expected.count, "\(name) row \(row + 1): \(actual.count) cells", sourceLocation: sourceLocation)
        }
        #expect(sheet.freeze == "A2", "\(name)", sourceLocation: sourceLocation)
        #expect(sheet.autofilter == "A1:\(Self.letter(header.count))\(table.count)", "\(name): \(sheet.autofilter ?? "none")", sourceLocation: sourceLocation)
        let sized = Set(sheet.widths.flatMap { $0.min...$0.max })
        #expect(sized.isSuperset(of: 1...max(header.count, 1)), "\(name): widths \(sheet.widths)", sourceLocation: sourceLocation)
        #expect(sheet.widths.allSatisfy { $0.width > 0 && $0.width <= 255 }, "\(name): widths \(sheet.widths)", sourceLocation: sourceLocation)
    }

    @Test("LibreOffice Calc: the sheets in order, every cell the canonical CSV's value, text as string (=1+1 too, no formula), the order a float")
    func libreOfficeReadsWhatWasWritten() throws {
        let scratch = try Scratch()
        let written = try Self.write(in: scratch)
        let books = try CalcWorkbook.open(written.values.map(\.workbook), in: scratch)
        for (name, file) in written.sorted(by: { $0.key < $1.key }) {
            let sheets = try #require(books[file.workbook], "\(name)")
            #expect(sheets.map(\.name) == ["Processen", "Bevindingen", "Afgewezen rijen"], "\(name)")
            #expect(sheets.allSatisfy { $0.formulas.isEmpty }, "\(name): formulas \(sheets.flatMap(\.formulas))")
            expect(sheets[0], equals: file.canonical, numbers: ["order"], name: name)
            expect(sheets[1], equals: file.report, numbers: Self.findingNumbers, name: "\(name) Bevindingen")
        }
    }

    /// Expects the Calc `sheet` to hold `table`: an empty value an empty cell, the columns in
    /// `numbers` floats, every other value a string cell of the same text.
    func expect(_ sheet: CalcWorkbook.Sheet, equals table: [[String]], numbers: Set<String>, name: String,
                sourceLocation: SourceLocation = #_sourceLocation) {
        let header = table.first ?? []
        #expect(sheet.rows.count == table.count, "\(name): \(sheet.rows.count) rows, expected \(table.count)", sourceLocation: sourceLocation)
        for (row, pair) in zip(table, sheet.rows).enumerated() {
            let (expected, actual) = pair
            let cells = expected.enumerated().map { column, value -> CalcWorkbook.Cell in
                if value.isEmpty { return .empty }
                if row > 0, numbers.contains(header[column]) { return .number(value) }
                // Calc drops a control character (cora writes it as _x0007_, which Excel shows).
                return .text(String(value.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }.map(Character.init)))
            }
            var trimmed = cells
            while trimmed.last == .empty { trimmed.removeLast() }
            #expect(actual == trimmed, "\(name) row \(row + 1)", sourceLocation: sourceLocation)
        }
    }
}
