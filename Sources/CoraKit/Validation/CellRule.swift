/// A check of one value, run on every field value and list item of every row (and on the
/// properties when ``checksProperties``).
public protocol CellRule: ValidationRule {
    /// Whether the values of properties (unmapped columns) are checked too.
    var checksProperties: Bool { get }
    /// What is wrong with `cell`, if anything.
    func check(_ cell: Cell) -> RuleFinding?
}
