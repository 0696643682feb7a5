/// `naming-convention`: a business process, work process or step whose name does not start with a
/// verb, as CORA names them ("Verhuren eenheden"); see ``NameRules/convention(for:level:)``, or for a
/// mapping with `language: en` ``NameRules/englishConvention(for:level:)`` ("Pay invoices"). A
/// warning, checked only when the row says its level.
public struct NamingConventionRule: RowRule {
    public let code = DiagnosticCode.namingConvention
    public let field = CanonicalField.name

    public init() {}

    public func check(_ row: MappedRow, level: ProcessLevel?) -> RuleFinding? {
        let name = row[.name]
        guard let level, !name.trimmingWhitespace().isEmpty, let convention = NameRules.convention(for: name, level: level, language: row.language ?? .nl) else {
            return nil
        }
        return RuleFinding(convention.message, hint: convention.hint)
    }
}
