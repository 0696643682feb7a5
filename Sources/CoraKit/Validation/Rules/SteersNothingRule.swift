/// `steers-nothing`: a steering business process (or one at the top without a level) that steers
/// no process and receives no accountability information, itself or through its work processes.
/// A steering process outside every PDCA relation has no part in the cycle. A warning, only when
/// the model records PDCA relations at all.
public struct SteersNothingRule: ModelRule {
    public let code = DiagnosticCode.steersNothing
    public let scope = ModelRuleScope.run
    /// With `--strict` an error that fails the run; the process stays in the model.
    public let leavesProcessOut = false

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        guard model.pdca.usesPDCA else { return }
        // The processes taking part: those that steer, and those reported to; and their ancestors.
        let involved = model.withAncestors(of: Array(model.pdca.steers.keys) + model.pdca.reportsTo.values.joined())
        for index in 0..<model.count where model.categories[index] == .steering && !involved[index] {
            let level = model.levels[index]
            guard level == .businessProcess || (level == nil && model.parent(of: index) == nil) else { continue }
            let process = model.process(index)
            report(index, ModelFinding(
                RuleFinding("the steering process \"\(process.name)\" steers no process and receives no accountability information",
                            hint: "name the processes it steers in its steers column, or name it in the reports-to column of the "
                                + "processes that report to it"),
                field: .steers, value: ""))
        }
    }
}
