import CoraCSV

/// Why a file's header could not be read the way a candidate mapping says.
public struct MappingSelectorError: Error, Sendable, Equatable {
    /// What went wrong, for the selection's reason (`the file has no row 3 for its header`).
    public var reason: String

    /// Creates an error.
    public init(reason: String) { self.reason = reason }
}
