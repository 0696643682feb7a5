import CoraCSV
import CoraXLSX

/// Everything a run is asked to do besides which inputs to read: how to read them, what to do with
/// rows that have errors, the findings' policy and the limits.
public struct ConversionSettings: Sendable, Equatable {
    /// Reader options: a delimiter, encoding or limit given here is used instead of what the
    /// mapping says or what is detected.
    public var readOptions: CSVReadOptions
    /// Rows to skip before the header, instead of what the mapping says (`--skip-rows`).
    public var skipRows: Int?
    /// Whether rows with errors are kept in the model (`--keep-invalid`).
    public var keepInvalid: Bool
    /// Which findings to leave out, whether warnings are errors, when to stop.
    public var policy: DiagnosticPolicy
    /// The deepest nesting accepted (`--max-depth`); a deeper process is a `nesting-too-deep` error.
    public var maxDepth: Int
    /// Whether the rejected rows' records are kept whole, for a rejects file. Without (for a caller
    /// that writes none), ``ConversionResult/rejectedRecords`` holds each rejected row's line and
    /// number only, and a large input is not held in memory a second time as records.
    public var keepsRejectedRecords: Bool
    /// Whether a table is parsed on a thread of its own, ahead of the mapping (``ReadAhead``):
    /// faster for one large input on a machine with a core to spare; off where inputs are already
    /// converted in parallel (`cora batch`).
    public var readsAhead: Bool
    /// The sheet of a workbook input to read (`--sheet`: its name or number); `nil` for the first
    /// (or, with `--mapping auto`, the one a mapping fits).
    public var sheet: String?
    /// The limits of reading a workbook (.xlsx): its size, what its zip may inflate to.
    public var workbookLimits = WorkbookLimits()
    /// The limits of reading an ArchiMate exchange document (size, nesting).
    public var exchangeLimits = ExchangeReader.Limits()

    /// The deepest nesting accepted by default: a process 64 levels below the top. CORA has five
    /// levels; the limit keeps a parent chain of a million rows (a parent column pointing the wrong
    /// way, or a hostile file) from making every renderer walk it for every process.
    public static let defaultMaxDepth = 64

    /// Creates settings; the defaults read everything, keep rejected records and report every finding.
    public init(readOptions: CSVReadOptions = CSVReadOptions(), skipRows: Int? = nil, sheet: String? = nil, keepInvalid: Bool = false,
                policy: DiagnosticPolicy = DiagnosticPolicy(), maxDepth: Int = defaultMaxDepth, keepsRejectedRecords: Bool = true,
                readsAhead: Bool = false) {
        self.readOptions = readOptions
        self.skipRows = skipRows
        self.sheet = sheet
        self.keepInvalid = keepInvalid
        self.policy = policy
        self.maxDepth = maxDepth
        self.keepsRejectedRecords = keepsRejectedRecords
        self.readsAhead = readsAhead
    }
}
