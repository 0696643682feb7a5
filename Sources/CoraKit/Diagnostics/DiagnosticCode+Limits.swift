extension DiagnosticCode {
    // MARK: Limits (issue 8: resource exhaustion)

    /// A process nested deeper than the limit (``ModelRules/defaultMaxDepth``, `--max-depth`):
    /// CORA has five levels, so a parent chain this long is a parent column pointing the wrong way.
    public static let nestingTooDeep: DiagnosticCode = "nesting-too-deep"
    /// The input has more records than the limit (`--max-rows`); reading stopped there.
    public static let tooManyRows: DiagnosticCode = "too-many-rows"
}
