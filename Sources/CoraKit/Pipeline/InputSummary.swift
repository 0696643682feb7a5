import CoraCSV

/// What reading one input produced, before the model was built.
public struct InputSummary: Sendable {
    /// The input's name.
    public var file: String
    /// The dialect the input was read in.
    public var dialect: CSVDialect
    /// The header, unless the input was empty.
    public var header: TableHeader?
    /// Data rows read (the header and skipped rows not counted).
    public var rowsRead: Int
    /// Physical lines read.
    public var linesRead: Int
    /// Whether malformed input ended the read before the end of the file.
    public var stoppedEarly: Bool
    /// What malformed input left unread (the record the read stopped in and every line after it),
    /// when it ended the read; its bytes when rejected records are kept.
    public var unread: UnreadRest?
    /// Rows that could not be mapped at all (a required column is missing).
    public var unmappedRecords: [CSVRecord]
    /// Whether the input was cora's `excel-csv`, read with the `'` of its formula protection
    /// taken off (``Mapping/readsExcelCSV(delimiter:)``); its rejects are protected again.
    public var readAsExcelCSV = false
    /// Whether the input was a workbook (.xlsx), read or not.
    public var isWorkbook = false
    /// The sheet read, when the input was a workbook.
    public var sheet: String?
    /// Whether a problem of the workbook (unreadable, no such sheet, a part broken or over a limit
    /// midway, more rows than `--max-rows`) ended its read: the run is incomplete, as when
    /// malformed input stops a CSV file.
    public var workbookStoppedEarly = false
    /// Whether the input was an ArchiMate exchange document (no encoding or delimiter of a table).
    public var isExchangeDocument = false
}
