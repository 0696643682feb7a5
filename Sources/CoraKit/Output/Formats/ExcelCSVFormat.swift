import CoraCSV

/// `excel-csv`: the canonical table for Excel (``CSVWriteOptions/excel``): `;`, UTF-8 with BOM,
/// CRLF, and formula protection (``FormulaProtection``): a cell that starts with `=` `+` `-` `@`,
/// tab or CR, also after spaces or in full-width form, and the part after a `,` `;` or line break
/// in a cell that would, gets a leading `'` so Excel shows it as text instead of running it (CSV
/// injection); a cell holding `,` or `;` is quoted, so that an Excel with either list separator
/// reads it safely. A value that Excel would turn into a number or a date (`1.1`, `2.10`, `4.01`,
/// `01-05`, `0123`) is written as `="1.1"`, which Excel and LibreOffice in every locale keep as
/// the text `1.1` (``TextProtection``). Read back with the canonical mapping, the `'` and the
/// `="…"` come off again.
public struct ExcelCSVFormat: OutputFormat {
    public let name = "excel-csv"
    public let summary = "the same table for Excel: ';' delimiter, UTF-8 with BOM, CRLF. A cell that starts with = + - @ TAB or CR (also after spaces, in full-width form, or after a , ; or line break inside the cell) gets a leading ' so Excel shows it as text instead of running it as a formula (CSV injection), and a cell holding , or ; is quoted, for Excel with either list separator; note that this also turns a value like -5 into '-5. A value Excel would turn into a number or a date (1.1, 2.10, 01-05, 0123) is written as =\"1.1\", which Excel keeps as text. Read back by cora (mapping canonical), the ' and the =\"…\" come off again"
    public let fileSuffix = ".excel.csv"

    public init() {}

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        try target.write(nil) { write in
            try CanonicalCSVRenderer(options: .excel).render(model, threads: options.renderThreads, in: write)
        }
    }
}
