/// `missing-name`: a process without a name (empty, or only whitespace). An error: nothing in the
/// model, a document or a diagram can show a process without one.
public struct MissingNameRule: RowRule {
    public let code = DiagnosticCode.missingName
    public let field = CanonicalField.name

    public init() {}

    public func check(_ row: MappedRow, level: ProcessLevel?) -> RuleFinding? {
        row[.name].trimmingWhitespace().isEmpty ? RuleFinding("the process has no name") : nil
    }
}
