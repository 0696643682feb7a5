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
    /// The physical lines that malformed input left unread, over all inputs.
    public var unreadLines: Int { inputs.reduce(0) { $0 + ($1.unread?.lineCount ?? 0) } }
    /// Whether malformed input ended a read before the end of its file.
    public var stoppedEarly: Bool { inputs.contains(where: \.stoppedEarly) }
    /// Whether the run is incomplete (exit status 2): malformed input left lines unread, or a
    /// workbook could not be read to the end of its sheet.
    public var isIncomplete: Bool { unreadLines > 0 || inputs.contains(where: \.workbookStoppedEarly) }
    /// The number of error diagnostics.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// The number of warning diagnostics.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
