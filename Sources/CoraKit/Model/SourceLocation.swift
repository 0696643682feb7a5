/// Where a process came from: the file, the physical line and the record number.
public struct SourceLocation: Sendable, Equatable, Hashable {
    /// The input file (`-` for standard input).
    public var file: String
    /// The physical line (1-based) on which the row starts.
    public var line: Int
    /// The record number (1-based; the header is record 1).
    public var record: Int

    /// Creates a location.
    public init(file: String, line: Int, record: Int) {
        self.file = file
        self.line = line
        self.record = record
    }
}
