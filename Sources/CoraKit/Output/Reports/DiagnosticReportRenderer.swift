import CoraCSV
import CoraXLSX

/// Renders diagnostics as a machine-readable report: JSON or CSV.
///
/// In both, every diagnostic has `severity, code, message, file, line, record, column, value`,
/// followed by `columnIndex` and `hint`. The CSV (`,`, LF, UTF-8) is safe to open in a
/// spreadsheet: it is written with ``CSVWriteOptions/formulaProtection``, so a value that a
/// spreadsheet would run as a formula gets a `'` and a cell holding `,` or `;` is quoted.
public struct DiagnosticReportRenderer: Sendable {
    /// A report format.
    public enum Format: String, Sendable, CaseIterable {
        /// A JSON object with a `diagnostics` array and counts.
        case json
        /// One CSV row per diagnostic.
        case csv

        /// The format named by a path's extension (`.json`, `.csv`), if any.
        public init?(pathExtension path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".json") { self = .json } else if lower.hasSuffix(".csv") { self = .csv } else { return nil }
        }

        /// The format of a report written to `path`: `given` when the user named one, else the
        /// path's extension; `nil` when neither says (the user must then name it).
        public init?(given: Format?, path: String) {
            guard let format = given ?? Format(pathExtension: path) else { return nil }
            self = format
        }
    }

    /// The format.
    public var format: Format

    /// Creates a renderer.
    public init(format: Format) {
        self.format = format
    }

    /// The CSV report header.
    public static let csvHeader = ["severity", "code", "message", "file", "line", "record", "column", "value", "columnIndex", "hint", "sheet", "cell"]

    /// The report.
    public func render(_ diagnostics: [Diagnostic]) -> [UInt8] {
        switch format {
        case .json:
            var json = JSONWriter()
            json.beginObject()
            json.number("errors", diagnostics.count { $0.severity == .error })
            json.number("warnings", diagnostics.count { $0.severity == .warning })
            json.beginArray("diagnostics")
            for diagnostic in diagnostics { Self.write(diagnostic, to: &json) }
            json.endArray()
            json.endObject()
            return Array((json.text + "\n").utf8)
        case .csv:
            // For spreadsheets: cells that would run as formulas get a ' (FormulaProtection).
            var writer = CSVWriter(options: CSVWriteOptions(formulaProtection: true))
            writer.write(Self.csvHeader)
            for diagnostic in diagnostics { writer.write(Self.cells(of: diagnostic)) }
            return writer.takeOutput()
        }
    }

    /// The cells of one diagnostic, in the order of ``csvHeader``.
    public static func cells(of d: Diagnostic) -> [String] {
        [d.severity.rawValue, d.code.rawValue, d.message, d.file, d.line.map(String.init) ?? "",
         d.record.map(String.init) ?? "", d.column?.name ?? "", d.value ?? "",
         d.column.map { String($0.index) } ?? "", d.hint ?? "", d.sheet ?? "", cell(of: d) ?? ""]
    }

    /// The positions in ``csvHeader`` of the columns that hold whole numbers (line, record, columnIndex).
    public static let numberColumns: Set<Int> = [4, 5, 8]

    /// Writes one diagnostic as a JSON object.
    static func write(_ diagnostic: Diagnostic, to json: inout JSONWriter) {
        json.beginObject()
        json.string("severity", diagnostic.severity.rawValue)
        json.string("code", diagnostic.code.rawValue)
        json.string("message", diagnostic.message)
        json.string("file", diagnostic.file)
        json.number("line", diagnostic.line)
        json.number("record", diagnostic.record)
        json.optionalString("column", diagnostic.column?.name)
        json.optionalString("value", diagnostic.value)
        json.number("columnIndex", diagnostic.column?.index)
        json.optionalString("hint", diagnostic.hint)
        if let sheet = diagnostic.sheet {
            json.string("sheet", sheet)
            json.optionalString("cell", cell(of: diagnostic))
        }
        json.endObject()
    }

    /// The cell reference (`C14`) of a finding in a workbook's sheet, or the row (`14`) when it is
    /// about a whole row.
    static func cell(of diagnostic: Diagnostic) -> String? {
        guard diagnostic.sheet != nil, let line = diagnostic.line else { return nil }
        return diagnostic.column.map { ColumnName.cell(column: $0.index, row: line) } ?? String(line)
    }
}
