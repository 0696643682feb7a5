import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Issue 14, point 8: `--to excel-csv` writes codes that a spreadsheet would turn into numbers or
/// dates (`1.1`, `2.10`, `4.01`, `01-05`, `0123`, a date text) as `="1.1"`, which Excel and
/// LibreOffice keep as text, and cora reads its own file back into the same model.
@Suite("excel-csv keeps codes as text")
struct ExcelCodesAsTextTests {
    /// Codes that Dutch or English Excel turns into dates or numbers, a date property, plain whole
    /// numbers (kept as they are), a code in a text, a number with a decimal comma and a negative number.
    static let input = Canonical.header + ",Laatst herzien,Nummer\n"
        + "a,1.1,Verhuren eenheden,business-process,steering,,1,,,,,,,,,,,,,14-01-2025,0123\n"
        + "b,2.10,Innen huur,business-process,steering,,2,,,,,,,,Zie 1.1,,,,,,123456789012345678\n"
        + "c,4.01,Beheren sleutels,business-process,steering,,3,,,,,,,,-5,,,,,,2024\n"
        + "d,01-05,Plannen onderhoud,business-process,steering,,4,,,,,,,,\"1,5\",,,,,,2E3\n"

    /// What `excel-csv` writes for it.
    static let excel = "\u{FEFF}id;code;name;level;category;parent;order;owner;function;services;events;applications;next;status;description;requirements;steers;reports-to;pdca-phase;Laatst herzien;Nummer\r\n"
        + "a;\"=\"\"1.1\"\"\";Verhuren eenheden;business-process;steering;;1;;;;;;;;;;;;;\"=\"\"14-01-2025\"\"\";\"=\"\"0123\"\"\"\r\n"
        + "b;\"=\"\"2.10\"\"\";Innen huur;business-process;steering;;2;;;;;;;;Zie 1.1;;;;;;\"=\"\"123456789012345678\"\"\"\r\n"
        + "c;\"=\"\"4.01\"\"\";Beheren sleutels;business-process;steering;;3;;;;;;;;'-5;;;;;;2024\r\n"
        + "d;\"=\"\"01-05\"\"\";Plannen onderhoud;business-process;steering;;4;;;;;;;;\"=\"\"1,5\"\"\";;;;;;\"=\"\"2E3\"\"\"\r\n"

    /// The same table as cora wrote it before: the codes bare.
    static let bare = "\u{FEFF}id;code;name;level;category;parent;order;owner;function;services;events;applications;next;status;description;requirements;steers;reports-to;pdca-phase;Laatst herzien;Nummer\r\n"
        + "a;1.1;Verhuren eenheden;business-process;steering;;1;;;;;;;;;;;;;14-01-2025;0123\r\n"
        + "b;2.10;Innen huur;business-process;steering;;2;;;;;;;;Zie 1.1;;;;;;123456789012345678\r\n"
        + "c;4.01;Beheren sleutels;business-process;steering;;3;;;;;;;;'-5;;;;;;2024\r\n"
        + "d;01-05;Plannen onderhoud;business-process;steering;;4;;;;;;;;\"1,5\";;;;;;2E3\r\n"

    @Test("--to excel-csv writes 1.1, 2.10, 4.01, 01-05, 0123, a date and a long number as =\"…\"; read back it gives the same --to csv byte for byte, rejects as they were")
    func writtenAsTextAndReadBack() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.input)
        let run = try scratch.cora("convert", "in.csv", "--to", "excel-csv", "-o", "out.excel.csv")
        #expect(run.status == 0, "\(run)")
        #expect(String(decoding: try scratch.read("out.excel.csv"), as: UTF8.self) == Self.excel)
        _ = try scratch.cora("convert", "in.csv", "--to", "csv", "-o", "canonical.csv")
        let back = try scratch.cora("convert", "out.excel.csv", "--to", "csv", "-o", "back.csv")
        #expect(back.status == 0, "\(back)")
        #expect(try scratch.read("back.csv") == scratch.read("canonical.csv"))
        #expect(String(decoding: try scratch.read("back.csv"), as: UTF8.self).contains("a,1.1,Verhuren eenheden,"))
        // A row of it rejected (an unknown level) is written back as it was in the file, ="…" and all.
        let rejected = "e;\"=\"\"5.1\"\"\";Innen;onbekend;steering;;5;;;;;;;;;;;;;;\"=\"\"0123\"\"\"\r\n"
        try scratch.write("edited.excel.csv", Self.excel + rejected)
        let edited = try scratch.cora("convert", "edited.excel.csv", "--to", "csv", "-o", "edited.csv", "--rejects", "rejects.csv")
        #expect(edited.status == 1, "\(edited)")
        #expect(try scratch.read("edited.csv") == scratch.read("canonical.csv"))
        let header = String(Self.excel.prefix { $0 != "\r\n" }) + "\r\n"
        #expect(String(decoding: try scratch.read("rejects.csv"), as: UTF8.self) == header + rejected)
    }

    @Test("LibreOffice Calc (nl-NL and en-US, special numbers detected as Excel does) reads every code of excel-csv back as the text written; bare, it made dates and numbers of them")
    func libreOfficeReadsText() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.input)
        _ = try scratch.cora("convert", "in.csv", "--to", "excel-csv", "-o", "out.excel.csv")
        try scratch.write("bare.csv", Self.bare)
        for language in [TypedCalc.dutch, TypedCalc.english] {
            let sheets = try TypedCalc.open(["out.excel.csv", "bare.csv"], in: scratch, language: language)
            let excel = try #require(sheets["out.excel.csv"], "language \(language)")
            // Column 2 (code), 20 (Laatst herzien), 21 (Nummer): text, exactly as in the inventory.
            let codes = excel.rows.dropFirst().map { [$0[1], $0[19], $0[20]] }
            #expect(codes == [
                [.text("1.1"), .text("14-01-2025"), .text("0123")],
                [.text("2.10"), .empty, .text("123456789012345678")],
                [.text("4.01"), .empty, .number("2024")],
                [.text("01-05"), .empty, .text("2E3")],
            ], "language \(language)")
            // The only formulas are cora's own ="…" around those codes; text around a code stays text.
            #expect(excel.formulas == ["of:=\"1.1\"", "of:=\"14-01-2025\"", "of:=\"0123\"", "of:=\"2.10\"", "of:=\"123456789012345678\"",
                                       "of:=\"4.01\"", "of:=\"01-05\"", "of:=\"1,5\"", "of:=\"2E3\""], "language \(language)")
            #expect(excel.rows[2][14] == .text("Zie 1.1"))
            #expect(excel.rows[3][14] == .text("'-5"))
            #expect(excel.rows[4][14] == .text("1,5"))
            // The control: the same codes bare are damaged in this locale.
            let bare = try #require(sheets["bare.csv"])
            let damaged = bare.rows.dropFirst().flatMap { [$0[1], $0[19], $0[20]] }.filter { !$0.isText && $0 != .empty }
            if language == TypedCalc.dutch {
                #expect(damaged == [.date("2025-01-14"), .number("123"), .number("1.23456789012346E+017"), .number("2024"),
                                    .date("\(bare.year)-05-01"), .number("2000")], "nl-NL")
            } else {
                #expect(damaged == [.number("1.1"), .number("123"), .number("2.1"), .number("1.23456789012346E+017"), .number("4.01"),
                                    .number("2024"), .number("2000")], "en-US")
            }
        }
    }

    /// LibreOffice Calc, headless, as in ``SpreadsheetAndTerminalSafetyTests/Calc``, with a language
    /// and with special numbers (dates, times) detected, as Excel does when it opens a CSV file; the
    /// cells are read with their type.
    enum TypedCalc {
        static let dutch = 1043
        static let english = 1033

        /// A cell as Calc holds it.
        enum Cell: Equatable, CustomStringConvertible {
            case empty
            case text(String)
            case number(String)
            case date(String)
            case other(String, String)

            var isText: Bool { if case .text = self { true } else { false } }
            var description: String {
                switch self {
                case .empty: "empty"
                case .text(let text): "text \(text.debugDescription)"
                case .number(let value): "number \(value)"
                case .date(let value): "date \(value)"
                case .other(let type, let value): "\(type) \(value)"
                }
            }
        }

        struct Sheet {
            var rows: [[Cell]] = []
            var formulas: [String] = []
            /// The year Calc gives a date without one (this year).
            var year: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
        }

        /// Opens `files` with `;` as separator, UTF-8, in `language`, special numbers detected and
        /// formulas evaluated, in a profile of its own.
        static func open(_ files: [String], in scratch: Scratch, language: Int) throws -> [String: Sheet] {
            var sheets: [String: Sheet] = [:]
            for (file, data) in try LibreOfficeCalc.fods(files, in: scratch, filter: "59,34,76,1,,\(language),false,true,false,false,false,-1,true", folder: "calc-\(language)") {
                let reader = Reader()
                let parser = XMLParser(data: data)
                parser.delegate = reader
                #expect(parser.parse(), "\(file): the .fods is not XML")
                sheets[file] = reader.sheet
            }
            return sheets
        }

        /// Reads the first sheet of a `.fods`: each cell's `office:value-type` with its value
        /// (`office:value`, `office:date-value`) or, for text, its paragraphs; and its formula.
        final class Reader: NSObject, XMLParserDelegate {
            var sheet = Sheet()
            private var row: [Cell]?
            private var type: String?
            private var value = ""
            private var text: String?
            private var inParagraph = false
            private var repeated = 1
            private var tables = 0

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                switch name {
                case "table:table": tables += 1
                case "table:table-row" where tables == 1: row = []
                case "table:table-cell" where row != nil:
                    type = attributes["office:value-type"] ?? ""
                    value = attributes["office:value"] ?? attributes["office:date-value"] ?? ""
                    text = nil
                    repeated = min(Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1, 100)
                    if let formula = attributes["table:formula"] { sheet.formulas.append(formula) }
                case "text:p" where type != nil:
                    text = (text.map { $0 + "\n" }) ?? ""
                    inParagraph = true
                default: break
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inParagraph, text != nil { text! += string }
            }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                switch name {
                case "text:p": inParagraph = false
                case "table:table-cell":
                    guard let type else { return }
                    let cell: Cell = switch type {
                    case "": .empty
                    case "string": .text(text ?? "")
                    case "float": .number(value)
                    case "date": .date(value)
                    default: .other(type, value)
                    }
                    row?.append(contentsOf: Array(repeating: cell, count: repeated))
                    self.type = nil
                case "table:table-row":
                    guard var cells = row else { return }
                    while cells.last == .empty { cells.removeLast() }
                    if !cells.isEmpty { sheet.rows.append(cells) }
                    row = nil
                default: break
                }
            }
        }
    }
}
