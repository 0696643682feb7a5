/// What a rule found: the sentence for people and what to do about it. The validator adds the
/// code, the place and the value.
public struct RuleFinding: Sendable, Equatable {
    /// A sentence for people.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The severity, when it is not the code's default.
    public var severity: Diagnostic.Severity?

    /// Creates a finding.
    public init(_ message: String, hint: String? = nil, severity: Diagnostic.Severity? = nil) {
        self.message = message
        self.hint = hint
        self.severity = severity
    }
}
