import CoraCSV

/// What converting one input produced.
public struct ConversionResult: Sendable {
    /// The input's name.
    public var file: String
    /// The processes that made it into the model.
    public var model: ProcessModel
    /// Every finding, in the order of the input.
    public var diagnostics: [Diagnostic]
    /// The dialect the input was read in.
    public var dialect: CSVDialect
    /// The header, unless the input was empty.
    public var header: TableHeader?
    /// Data rows read (the header and skipped rows not counted).
    public var rowsRead: Int
    /// The data records that had errors and are not in the model, as they were read.
    public var rejectedRecords: [CSVRecord]
    /// Physical lines read.
    public var linesRead: Int
    /// Whether malformed input ended the read before the end of the file.
    public var stoppedEarly: Bool

    /// The number of error diagnostics.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// The number of warning diagnostics.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
