/// Why a run cannot go on (an unreadable input, an unusable mapping, an output that cannot be
/// written): diagnostics like any other finding, printed the same way, and exit status 2.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, and what to do about it.
    public var diagnostics: [Diagnostic]

    /// A failure described by `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// A failure of `code` about `file` (empty when it is about no file in particular).
    public init(_ code: DiagnosticCode, _ message: String, file: String = "", line: Int? = nil, hint: String? = nil) {
        self.init([Diagnostic(code, message, file: file, line: line, hint: hint)])
    }

    /// The diagnostics as text, as `cora` prints them.
    public var description: String { DiagnosticTextRenderer().render(diagnostics) }
}
