import Foundation
import Testing

/// openpyxl, the Python library most scripts read and write .xlsx with, in a virtual environment
/// of its own under `.build` (made once, from PyPI, by `scripts/python-venv.sh`; a lock file lets
/// parallel tests wait for the one that makes it). The scripts
/// it runs are in `scripts/` (`xlsx-dump.py`, `xlsx-test-workbooks.py`, `make-sample-workbook.py`).
enum Openpyxl {
    /// The python of the virtual environment, made when missing.
    static func python() throws -> String {
        let run = try Tool.run("bash", [CoraCLI.packageRoot.appendingPathComponent("scripts/python-venv.sh").path], input: [])
        let path = run.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        guard run.status == 0, FileManager.default.isExecutableFile(atPath: path) else {
            throw Tool.ToolMissing(message: "no python with openpyxl (exit \(run.status)): \(run.stderr)")
        }
        return path
    }

    /// Runs `scripts/<script>` with `arguments` under the python with openpyxl; its standard output.
    static func run(_ script: String, _ arguments: [String]) throws -> [UInt8] {
        let run = try Tool.run("env", [try python(), CoraCLI.packageRoot.appendingPathComponent("scripts/\(script)").path] + arguments, input: [])
        guard run.status == 0 else { throw Tool.ToolMissing(message: "\(script) failed (exit \(run.status)): \(run.stderr)") }
        return run.stdout
    }

    /// A cell as openpyxl reads it.
    struct Cell: Equatable, CustomStringConvertible {
        /// The value as text (a number as Python prints it: `1`, `1.1`).
        var value: String
        /// openpyxl's data type: `s` text, `n` number, `b` logical, `d` date, `f` formula, `e` error.
        var type: String
        /// The number format.
        var format: String
        /// Whether the font is bold.
        var bold: Bool

        var description: String { "\(type) \(value.debugDescription)\(bold ? " bold" : "")" }
    }

    /// A sheet as openpyxl reads it.
    struct Sheet {
        var name: String
        var state: String
        var freeze: String?
        var autofilter: String?
        /// The `<col>` widths: first and last column (1-based) and width.
        var widths: [(min: Int, max: Int, width: Double)]
        var merged: [String]
        /// The rows from row 1, trailing empty cells left out; an empty cell is `nil`.
        var rows: [[Cell?]]
    }

    /// A workbook as openpyxl reads it.
    struct Workbook {
        var properties: [String: String]
        var sheets: [Sheet]
        var names: [String] { sheets.map(\.name) }
        subscript(name: String) -> Sheet? { sheets.first { $0.name == name } }
    }

    /// The workbooks `files` as openpyxl reads them, in one run of python.
    static func dump(_ files: [URL]) throws -> [URL: Workbook] {
        let json = try JSONSerialization.jsonObject(with: Data(try run("xlsx-dump.py", files.map(\.path)))) as? [String: Any] ?? [:]
        var result: [URL: Workbook] = [:]
        for file in files {
            guard let book = json[file.path] as? [String: Any] else { continue }
            let properties = (book["properties"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
            let sheets = (book["sheets"] as? [[String: Any]] ?? []).map { sheet in
                Sheet(name: sheet["name"] as? String ?? "", state: sheet["state"] as? String ?? "",
                      freeze: sheet["freeze"] as? String, autofilter: sheet["autofilter"] as? String,
                      widths: (sheet["widths"] as? [[String: Any]] ?? []).map {
                          (($0["min"] as? NSNumber)?.intValue ?? 0, ($0["max"] as? NSNumber)?.intValue ?? 0, ($0["width"] as? NSNumber)?.doubleValue ?? 0)
                      },
                      merged: sheet["merged"] as? [String] ?? [],
                      rows: (sheet["rows"] as? [[Any]] ?? []).map { row in row.map(cell) })
            }
            result[file] = Workbook(properties: properties, sheets: sheets)
        }
        return result
    }

    private static func cell(_ any: Any) -> Cell? {
        guard let object = any as? [String: Any] else { return nil }
        let type = object["t"] as? String ?? ""
        let value: String = switch object["v"] {
        case let text as String: text
        case let number as NSNumber where type == "b": number.boolValue ? "True" : "False"
        case let number as NSNumber: "\(number)"
        default: ""
        }
        return Cell(value: value, type: type, format: object["f"] as? String ?? "", bold: object["b"] as? Bool ?? false)
    }
}

/// A small reader of RFC 4180 CSV as cora's canonical CSV writes it (`,`, `"` doubled, LF).
enum CanonicalTable {
    /// The rows of `text`, each a list of fields.
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, wasQuoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true; wasQuoted = true
            } else if c == "," {
                row.append(field); field = ""; wasQuoted = false
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""; wasQuoted = false
            } else if c == "\r" && characters.first == "\n" {
                continue
            } else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
