import Foundation
import CoraCSV

/// What `cora inspect` tells about a table: its header, its size, and per column how full it is
/// and what it holds.
public struct TableProfile: Sendable {
    /// The header cells (the first record).
    public private(set) var header: [String] = []
    /// The number of records, the header included.
    public private(set) var recordCount = 0
    /// The largest number of fields in a record.
    public private(set) var widestRecord = 0
    /// Per column: how many data rows have a value.
    public private(set) var filled: [Int] = []
    /// Per column: the first value found.
    public private(set) var samples: [String?] = []

    /// Creates an empty profile.
    public init() {}

    /// The number of data rows (records after the header).
    public var dataRowCount: Int { max(0, recordCount - 1) }

    /// Adds a record; the first one is the header.
    public mutating func add(_ record: CSVRecord) {
        recordCount += 1
        widestRecord = max(widestRecord, record.count)
        if recordCount == 1 {
            header = record.fields
            filled = Array(repeating: 0, count: record.count)
            samples = Array(repeating: nil, count: record.count)
            return
        }
        if record.count > filled.count {
            filled += Array(repeating: 0, count: record.count - filled.count)
            samples += Array(repeating: nil, count: record.count - samples.count)
        }
        for index in 0..<record.count where !record.isEmpty(at: index) {
            filled[index] += 1
            if samples[index] == nil { samples[index] = record[index] }
        }
    }

    /// The name of column `index` (its header, or `column N`).
    public func columnName(_ index: Int) -> String {
        index < header.count && !header[index].isEmpty ? header[index] : "column \(index + 1)"
    }

    /// The share of data rows with a value in column `index`, from 0 to 1.
    public func fillRate(_ index: Int) -> Double {
        dataRowCount == 0 ? 0 : Double(filled[index]) / Double(dataRowCount)
    }

    /// The profile as text for people. The file name, the column names and the samples are shown
    /// on one line each with every control character escaped (``TerminalText/oneLine(_:)``).
    /// For a workbook (`workbook`), the sheet and the sheets it has take the place of the dialect,
    /// and rows that of lines.
    public func text(dialect: CSVDialect, lines: Int, file: String, workbook: SheetNote? = nil) -> String {
        var text = "file:        \(TerminalText.oneLine(file))\n"
        if let workbook {
            text += "sheet:       \(TerminalText.oneLine(workbook.sheet))\n"
            text += "sheets:      \(TerminalText.oneLine(workbook.sheets.joined(separator: ", ")))\n"
            text += "records:     \(recordCount) (header + \(dataRowCount) rows) in \(lines) rows\n"
        } else {
            text += "encoding:    \(dialect.encoding.rawValue) (\(dialect.encodingSource.rawValue))\n"
            text += "BOM:         \(dialect.hasByteOrderMark ? "yes" : "no")\n"
            text += "delimiter:   \(CSVDialect.name(ofDelimiter: dialect.delimiter)) (\(dialect.delimiterSource.rawValue))\n"
            text += "line ending: \(dialect.lineEnding.rawValue)\n"
            text += "sep= line:   \(dialect.hasSeparatorLine ? "yes" : "no")\n"
            text += "records:     \(recordCount) (header + \(dataRowCount) rows) on \(lines) lines\n"
        }
        text += "columns:     \(filled.count)\n\n"
        let names = (0..<filled.count).map { TerminalText.oneLine(columnName($0)) }
        let width = min(40, names.map(\.count).max() ?? 0)
        for index in 0..<filled.count {
            let name = names[index].padding(toLength: max(width, names[index].count), withPad: " ", startingAt: 0)
            let percent = Int((fillRate(index) * 100).rounded())
            let sample = samples[index].map { TerminalText.oneLine(Self.abbreviate($0)) } ?? ""
            text += String(format: "%3d  ", index + 1) + name + "  " + String(format: "%3d%%", percent) + "  " + sample + "\n"
        }
        return text
    }

    /// The sheet a profile of a workbook is of, and the sheets the workbook has.
    public struct SheetNote: Sendable, Equatable {
        /// The sheet read.
        public var sheet: String
        /// Every sheet, in the order of the tabs.
        public var sheets: [String]

        /// Creates a note.
        public init(sheet: String, sheets: [String]) {
            self.sheet = sheet
            self.sheets = sheets
        }
    }

    /// The profile as JSON.
    public func json(dialect: CSVDialect, lines: Int, file: String, workbook: SheetNote? = nil) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("file", file)
        if let workbook {
            json.string("sheet", workbook.sheet)
            json.strings("sheets", workbook.sheets)
        } else {
            json.string("encoding", dialect.encoding.rawValue)
            json.bool("byteOrderMark", dialect.hasByteOrderMark)
            json.string("delimiter", String(UnicodeScalar(dialect.delimiter)))
            json.string("lineEnding", dialect.lineEnding.rawValue)
            json.bool("separatorLine", dialect.hasSeparatorLine)
        }
        json.number("records", recordCount)
        json.number("lines", lines)
        json.strings("header", header)
        json.beginArray("columns")
        for index in 0..<filled.count {
            json.beginObject()
            json.number("index", index + 1)
            json.string("name", columnName(index))
            json.number("filled", filled[index])
            json.string("fillRate", String(format: "%.3f", fillRate(index)))
            json.optionalString("sample", samples[index])
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    private static func abbreviate(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
        return flat.count > 50 ? String(flat.prefix(49)) + "…" : flat
    }
}
