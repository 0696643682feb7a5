import CoraCSV

/// What converting one or more inputs produced.
public struct ConversionResult: Sendable {
    /// The processes that made it into the model.
    public var model: ProcessModel
    /// Every finding, by input and then in the order of the input.
    public var diagnostics: [Diagnostic]
    /// What was read from each input.
    public var inputs: [InputSummary]
    /// The data records that had errors and are not in the model, as they were read (with
    /// ``ConversionSettings/keepsRejectedRecords`` off: their line and number only).
    public var rejectedRecords: [CSVRecord]
    /// The input of each rejected record.
    public var rejectedFiles: [String]

    /// A result; a model alone (to write it in a format) has no inputs and nothing rejected.
    public init(model: ProcessModel, diagnostics: [Diagnostic] = [], inputs: [InputSummary] = [], rejectedRecords: [CSVRecord] = [],
                rejectedFiles: [String] = []) {
        self.model = model
        self.diagnostics = diagnostics
        self.inputs = inputs
        self.rejectedRecords = rejectedRecords
        self.rejectedFiles = rejectedFiles
    }

    /// The dialect of the first input.
    public var dialect: CSVDialect? { inputs.first?.dialect }
    /// Data rows read from all inputs.
    public var rowsRead: Int { inputs.reduce(0) { $0 + $1.rowsRead } }
    /// The rows left out for errors: ``rejectedRecords`` without the rows a `--max-errors` stop
    /// left unchecked (``InputSummary/uncheckedRows``).
    public var rejectedRows: Int { rejectedRecords.count - inputs.reduce(0) { $0 + $1.uncheckedRows } }
    /// The physical lines left unread, over all inputs: by malformed input, or after a
    /// `--max-errors` stop (not checked; their rows are among the rejected ones).
    public var unreadLines: Int { inputs.reduce(0) { $0 + ($1.unread?.lineCount ?? 0) } }
    /// Whether the run is incomplete (exit status 2): lines that malformed input left unread, or an
    /// input that could not be read to its end (``InputSummary/readFailed``). A `--max-errors` stop
    /// is not: the run did what was asked, and its errors say so.
    public var isIncomplete: Bool {
        inputs.contains { $0.readFailed || (($0.unread?.lineCount ?? 0) > 0 && !$0.stoppedAtErrorLimit) }
    }
    /// Whether malformed input ended a read before the end of its file.
    public var stoppedEarly: Bool { inputs.contains(where: \.stoppedEarly) }
    /// The number of error diagnostics.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// The number of warning diagnostics.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
