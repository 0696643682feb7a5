/// `excel-damage`: a value Excel mangled on the way to CSV, in any field: `1,23E+18` or `1-feb` in
/// an id, code, parent or next (a long number or a dotted code Excel took for a number or a date);
/// `="0123"`, `#N/A`, `#####` anywhere (see ``ExcelDamage``). An error: the value is not what the
/// spreadsheet held.
public struct ExcelDamageRule: CellRule {
    public let code = DiagnosticCode.excelDamage
    public let checksProperties = false

    public init() {}

    public func check(_ cell: Cell) -> RuleFinding? {
        guard let field = cell.field, let damage = ExcelDamage.inspect(cell.value, identifier: Self.isIdentifier(field)) else { return nil }
        let subject = cell.place == .item(field) ? "\"\(cell.value)\" in \(field.rawValue)" : "the \(field.rawValue) \"\(cell.value)\""
        return RuleFinding("\(subject) \(damage.what)", hint: damage.hint)
    }

    /// Whether `field` holds an id or a code (or refers to one), where a number in scientific
    /// notation or a date can only be Excel's doing (a switch: this is asked for every cell).
    static func isIdentifier(_ field: CanonicalField) -> Bool {
        switch field {
        case .id, .code, .parent, .next, .steers, .reportsTo: return true
        default: return false
        }
    }
}
