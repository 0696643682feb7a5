/// `name-noise`: a name with surrounding or doubled whitespace, a `WP `/`BP ` prefix or a
/// `(werkproces)` suffix that the mapping left in (see ``NameRules/noise(in:)``). A warning, whose
/// hint names the mapping settings that clean it.
public struct NameNoiseRule: RowRule {
    public let code = DiagnosticCode.nameNoise
    public let field = CanonicalField.name

    public init() {}

    public func check(_ row: MappedRow, level: ProcessLevel?) -> RuleFinding? {
        let name = row[.name]
        guard !name.trimmingWhitespace().isEmpty, let noise = NameRules.noise(in: name) else { return nil }
        return RuleFinding("the name \"\(name)\" has \(ListFormatting.and(noise.problems))",
                           hint: "clean it in the mapping's name field: \(noise.settings.joined(separator: "; "))")
    }
}
