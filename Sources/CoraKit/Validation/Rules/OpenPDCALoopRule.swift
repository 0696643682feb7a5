/// `open-pdca-loop`: a process that a steering process steers, but that reports to no steering
/// process, neither itself nor through its work processes: steering plans and sets goals, but no
/// accountability information comes back for the check and the act (CORA.md §5). A warning, only
/// when the model records PDCA relations at all.
public struct OpenPDCALoopRule: ModelRule {
    public let code = DiagnosticCode.openPDCALoop
    public let scope = ModelRuleScope.run
    /// With `--strict` an error that fails the run; the process stays in the model.
    public let leavesProcessOut = false

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        guard model.pdca.usesPDCA else { return }
        // Whether each process reports, itself or through a descendant.
        let reports = model.withAncestors(of: model.pdca.reportsTo.keys)
        for (index, steering) in model.pdca.steeredBy().sorted(by: { $0.key < $1.key }) where !reports[index] {
            let process = model.process(index), steeredBy = model.process(steering[0])
            report(index, ModelFinding(
                RuleFinding("\"\(process.name)\" is steered by \"\(steeredBy.name)\" but reports to no steering process: "
                                + "the Plan-Do-Check-Act cycle is not closed",
                            hint: "name the steering process that receives its accountability information in its reports-to column"),
                field: .reportsTo, value: ""))
        }
    }
}
