import CoraCSV

/// Why a file could not be read or written: the system's reason.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path.
    public var path: String
    /// Why, in the system's words ("No such file or directory").
    public var reason: String
    /// The line of the file the reason is about, if any.
    public var line: Int?

    /// Creates an error.
    public init(path: String, reason: String, line: Int? = nil) {
        self.path = path
        self.reason = reason
        self.line = line
    }

    public var description: String { reason }
}
