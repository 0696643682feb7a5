/// A finding of a ``ModelRule``: what was found and the field of the process it is about.
public struct ModelFinding: Sendable {
    /// What was found.
    public var finding: RuleFinding
    /// The field whose column the diagnostic names.
    public var field: CanonicalField
    /// The value in question.
    public var value: String?

    /// Creates a finding.
    public init(_ finding: RuleFinding, field: CanonicalField, value: String?) {
        self.finding = finding
        self.field = field
        self.value = value
    }
}
