/// `missing-function`: a work process without a responsible business function (bedrijfsfunctie).
/// A warning, reported only when the inventory records functions (at least one process has one),
/// or with `--strict`: an inventory without any function (a copy of CORA's own work process table)
/// would otherwise get it on every work process.
public struct MissingFunctionRule: ModelRule {
    public let code = DiagnosticCode.missingFunction
    public let scope = ModelRuleScope.run

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        guard model.strict || model.hasFunction.contains(true) else { return }
        for index in 0..<model.count where model.levels[index] == .workProcess && !model.hasFunction[index] {
            let process = model.process(index), row = model.row(index)
            report(index, ModelFinding(
                RuleFinding(
                    "the work process \"\(process.name)\" has no responsible business function",
                    hint: "CORA puts every work process under exactly one bedrijfsfunctie (such as Vastgoedverhuur or Incasso); fill in the function"),
                field: .function, value: row?.functionText))
        }
    }
}
