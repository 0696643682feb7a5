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
    /// Whether the input could not be read to its end although no lines are counted as unread: a
    /// workbook that is none, is damaged, lacks the sheet or passed a limit. The run is incomplete.
    public var readFailed = false
    /// Whether the input was a workbook (.xlsx), read or not.
    public var isWorkbook = false
    /// The sheet read, when the input was a workbook.
    public var sheet: String?
    /// Whether the input was an ArchiMate exchange document (no encoding or delimiter of a table).
    public var isExchangeDocument = false
    /// Whether `--max-errors` stopped the reading: ``unread`` then counts the lines not checked
    /// (their records are among the rejected ones), and the run is not incomplete for them: it did
    /// what was asked.
    public var stoppedAtErrorLimit = false
    /// The rows after a `--max-errors` stop among ``ConversionResult/rejectedRecords`` (when the
    /// records are kept), so that the rejects file holds them: not checked, so not counted as rejected.
    public var uncheckedRows = 0
}
