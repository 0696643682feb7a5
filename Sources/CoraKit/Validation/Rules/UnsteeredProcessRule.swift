/// `unsteered-process`: a primary business process that no steering process steers, neither
/// itself nor a chain or scenario it is part of. CORA's steering processes set the goals of the
/// primary ones (CORA.md §5); one that nothing steers is outside the Plan-Do-Check-Act cycle.
/// A warning, only when the model records PDCA relations at all.
public struct UnsteeredProcessRule: ModelRule {
    public let code = DiagnosticCode.unsteeredProcess
    public let scope = ModelRuleScope.run
    /// With `--strict` an error that fails the run; the process stays in the model.
    public let leavesProcessOut = false

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        guard model.pdca.usesPDCA else { return }
        let steeredBy = model.pdca.steeredBy()
        for index in 0..<model.count where model.levels[index] == .businessProcess && model.categories[index] == .primary {
            // Steered itself, or through the chain or scenario it belongs to.
            var current: Int? = index, steered = false, steps = 0
            while let position = current, !steered, steps <= model.maxDepth {
                steered = steeredBy[position] != nil
                current = model.parent(of: position)
                steps += 1
            }
            guard !steered else { continue }
            let process = model.process(index)
            report(index, ModelFinding(
                RuleFinding("the primary business process \"\(process.name)\" is steered by no steering process",
                            hint: "name it (by id, code or name) in the steers column of the steering process that sets its goals; "
                                + "CORA closes the Plan-Do-Check-Act cycle through these relations"),
                field: .name, value: process.name))
        }
    }
}
