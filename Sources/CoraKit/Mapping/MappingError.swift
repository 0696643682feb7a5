/// A mapping file that cannot be used: what is wrong and where.
public struct MappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The mapping file (a path, or `builtin:NAME`).
    public var file: String
    /// The line in the mapping file, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String?

    /// Creates an error.
    public init(file: String, line: Int? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): error: \(message)" + (hint.map { "\n\(location): note: \($0)" } ?? "")
    }

    /// The error as a diagnostic with the code `invalid-mapping`.
    public var diagnostic: Diagnostic {
        Diagnostic(.invalidMapping, message, file: file, line: line, hint: hint)
    }
}
