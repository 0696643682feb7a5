/// A check of one row (or element) as a whole.
public protocol RowRule: ValidationRule {
    /// The field the finding is about (its column is the diagnostic's column).
    var field: CanonicalField { get }
    /// What is wrong with `row`, if anything; `level` is the row's own level, when it has one.
    func check(_ row: MappedRow, level: ProcessLevel?) -> RuleFinding?
}
