/// `privacy-without-owner`: a process tagged `privacy` (it handles personal data) without an owner
/// or without a description: the minimum a register of processing activities (AVG article 30)
/// needs to say who is responsible and what the processing is for. A warning.
public struct PrivacyWithoutOwnerRule: ModelRule {
    public let code = DiagnosticCode.privacyWithoutOwner
    public let scope = ModelRuleScope.run
    /// With `--strict` an error that fails the run; the process stays in the model.
    public let leavesProcessOut = false

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        for (index, tags) in model.pdca.requirements.sorted(by: { $0.key < $1.key }) where tags.contains("privacy") {
            let process = model.process(index)
            let noOwner = process.owner.trimmingWhitespace().isEmpty
            let noDescription = process.description.trimmingWhitespace().isEmpty
            guard noOwner || noDescription else { continue }
            let missing = noOwner && noDescription ? "an owner and a description" : noOwner ? "an owner" : "a description"
            report(index, ModelFinding(
                RuleFinding("\"\(process.name)\" handles personal data (privacy) but has no \(noOwner ? "owner" : "description")"
                                + (noOwner && noDescription ? " and no description" : ""),
                            hint: "a register of processing activities (AVG article 30) names who is responsible (the owner) and what "
                                + "the processing is for (the description); fill in \(missing)"),
                field: noOwner ? .owner : .description, value: ""))
        }
    }
}
