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
    /// The other problems found in the same mapping after this one, in the order of the file: a
    /// parser that finds a misspelled key goes on, so that every mistake is reported at once.
    public var further: [MappingError] = []

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
            + further.map { "\n" + $0.description }.joined()
    }

    /// The error as a diagnostic with the code `invalid-mapping`.
    public var diagnostic: Diagnostic {
        Diagnostic(.invalidMapping, message, file: file, line: line, hint: hint)
    }

    /// This error and every further one, each as an `invalid-mapping` diagnostic.
    public var diagnostics: [Diagnostic] {
        [diagnostic] + further.flatMap(\.diagnostics)
    }
}
