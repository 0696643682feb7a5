import CoraCSV
import CoraXLSX

/// Renders a run's result as the sheets of an Excel workbook (``XLSXFormat``): `Processen`, the
/// canonical table with every cell typed as what it is (the order a number, everything else text,
/// so that codes such as `1.10` and `0012` and ids stay as written); `Bevindingen`, the findings
/// as the CSV report has them; `Afgewezen rijen`, the rows the run rejected as they were read,
/// after the file and line they came from. A text cell is never a formula, whatever it starts with.
public struct WorkbookRenderer: Sendable {
    /// The name of the sheet of processes.
    public static let processSheet = "Processen"
    /// The name of the sheet of findings.
    public static let findingsSheet = "Bevindingen"
    /// The name of the sheet of rejected rows.
    public static let rejectedSheet = "Afgewezen rijen"

    /// Creates a renderer.
    public init() {}

    /// The workbook's sheets for `result`.
    public func sheets(_ result: ConversionResult) -> [WorksheetContent] {
        [processes(result.model), findings(result.diagnostics)] + rejected(result)
    }

    /// The workbook's bytes for `result`; a value a workbook cannot hold throws.
    public func render(_ result: ConversionResult, title: String? = nil) throws(WorkbookError) -> [UInt8] {
        try WorkbookWriter.write(sheets(result), properties: WorkbookProperties(title: title))
    }

    /// A workbook of rejected rows as a rejects file: one sheet with the input's header and the rows
    /// as read, every cell text, so that the same mapping reads it back.
    public func rejects(header: [String], records: [CSVRecord]) throws(WorkbookError) -> [UInt8] {
        let rows = records.map { $0.fields.map(Self.text) }
        return try WorkbookWriter.write([WorksheetContent(name: Self.rejectedSheet, header: header, rows: rows)])
    }

    /// The canonical table.
    func processes(_ model: ProcessModel) -> WorksheetContent {
        let header = CanonicalCSVRenderer().header(for: model)
        var rows: [[WorkbookValue]] = []
        rows.reserveCapacity(model.processes.count)
        for process in model.processes {
            var cells = CanonicalCSVRenderer.cells(of: process, propertyNames: model.propertyNames).map(Self.text)
            if let order = process.order { cells[CanonicalCSVRenderer.orderColumn] = .number(String(order)) }
            rows.append(cells)
        }
        return WorksheetContent(name: Self.processSheet, header: header, rows: rows)
    }

    /// The findings, in the columns of the CSV report.
    func findings(_ diagnostics: [Diagnostic]) -> WorksheetContent {
        let rows = diagnostics.map { diagnostic in
            DiagnosticReportRenderer.cells(of: diagnostic).enumerated().map { position, cell in
                DiagnosticReportRenderer.numberColumns.contains(position) && !cell.isEmpty ? .number(cell) : Self.text(cell)
            }
        }
        return WorksheetContent(name: Self.findingsSheet, header: DiagnosticReportRenderer.csvHeader, rows: rows)
    }

    /// The rejected rows: one sheet when the inputs that had any share a header, else one per input.
    func rejected(_ result: ConversionResult) -> [WorksheetContent] {
        var order: [String] = []
        var byFile: [String: [CSVRecord]] = [:]
        for (file, record) in zip(result.rejectedFiles, result.rejectedRecords) {
            if byFile[file] == nil { order.append(file) }
            byFile[file, default: []].append(record)
        }
        let headers = Dictionary(result.inputs.map { ($0.file, $0.header?.cells ?? []) }, uniquingKeysWith: { first, _ in first })
        let shared = Set(order.map { headers[$0] ?? [] }).count <= 1
        func sheet(_ name: String, files: [String]) -> WorksheetContent {
            let header = files.first.flatMap { headers[$0] } ?? []
            var rows: [[WorkbookValue]] = []
            for file in files {
                for record in byFile[file] ?? [] {
                    rows.append([.text(file), .number(String(record.line))] + record.fields.map(Self.text))
                }
            }
            return WorksheetContent(name: name, header: ["file", "line"] + header, rows: rows)
        }
        guard !shared else { return [sheet(Self.rejectedSheet, files: order)] }
        return order.enumerated().map { number, file in sheet("\(Self.rejectedSheet) \(number + 1)", files: [file]) }
    }

    /// A text cell, or none for an empty value.
    static func text(_ value: String) -> WorkbookValue {
        value.isEmpty ? .empty : .text(value)
    }
}
