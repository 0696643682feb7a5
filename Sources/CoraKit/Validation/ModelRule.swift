/// A check across processes, once their parents, levels and categories are settled.
public protocol ModelRule: ValidationRule {
    /// Where the rule runs: on the model of each run, or on the model that `cora batch --merge`
    /// makes of several runs.
    var scope: ModelRuleScope { get }
    /// Reports each finding with the position of the process it is about.
    func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void)
}
