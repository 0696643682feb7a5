import CoraCSV

/// What reading one Archi CSV set produced.
public struct ArchiReading: Sendable {
    /// The rows Archi would import, in file order.
    public var model: ArchiModel
    /// What was read from each file.
    public var inputs: [InputSummary]
    /// The rows with errors, as they were read.
    public var rejectedRecords: [CSVRecord]
    /// The file of each rejected row.
    public var rejectedFiles: [String]
    /// Every data row as read, by location (for rows rejected later, when the model is built).
    var records: [SourceLocation: CSVRecord]
    /// The files read or noted missing, in order.
    var files: [String] = []
}
