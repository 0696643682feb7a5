/// A check across processes, once their parents, levels and categories are settled.
public protocol ModelRule: ValidationRule {
    /// Where the rule runs: on the model of each run, or on the model that `cora batch --merge`
    /// makes of several runs.
    var scope: ModelRuleScope { get }
    /// Reports each finding with the position of the process it is about.
    func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void)
    /// Whether a finding that is an error (with `--strict`) leaves the process out of the model.
    /// A rule about the inventory as a whole (the PDCA cycle, the register of processing
    /// activities) fails the run without taking the process out: the process itself is sound.
    var leavesProcessOut: Bool { get }
}

extension ModelRule {
    public var leavesProcessOut: Bool { true }
}
