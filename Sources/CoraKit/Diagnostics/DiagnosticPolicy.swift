/// What the user asked of the findings: which warnings to leave out, whether warnings count as
/// errors, and after how many errors to stop reading. Applied by the ``DiagnosticSink`` alone.
public struct DiagnosticPolicy: Sendable, Hashable {
    /// Whether every warning is an error (`--strict`): its message says so, and the row or
    /// process it is about is left out as for any error.
    public var strict: Bool
    /// Warning codes to leave out (`--ignore`): they neither show nor count, even with ``strict``.
    /// Errors are never left out.
    public var ignored: Set<DiagnosticCode>
    /// Stop reading after this many errors (`--max-errors`; `nil`: no limit).
    public var maxErrors: Int?

    /// Creates a policy; the default reports everything as it is.
    public init(strict: Bool = false, ignored: Set<DiagnosticCode> = [], maxErrors: Int? = nil) {
        self.strict = strict
        self.ignored = ignored
        self.maxErrors = maxErrors
    }

    /// The words added to a warning that ``strict`` made an error.
    public static let strictSuffix = " (an error with --strict)"
}
