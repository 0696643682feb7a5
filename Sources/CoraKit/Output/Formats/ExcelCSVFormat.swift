import CoraCSV

/// `excel-csv`: the canonical table for Excel (``CSVWriteOptions/excel``): `;`, UTF-8 with BOM,
/// CRLF, and a cell that starts with `=` `+` `-` `@`, tab or CR prefixed with `'` so Excel shows it
/// as text instead of running it (CSV injection).
public struct ExcelCSVFormat: OutputFormat {
    public let name = "excel-csv"
    public let summary = "the same table for Excel: ';' delimiter, UTF-8 with BOM, CRLF. A cell that starts with = + - @ TAB or CR gets a leading ' so Excel shows it as text instead of running it as a formula (CSV injection); note that this also turns a value like -5 into '-5"
    public let fileSuffix = ".excel.csv"

    public init() {}

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        try target.write(nil) { write in
            try CanonicalCSVRenderer(options: .excel).render(model, threads: options.renderThreads, in: write)
        }
    }
}
