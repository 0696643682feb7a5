/// `not-steering`: a process that steers others but is not a steering process, or one that
/// reports to a process that is not a steering process. In CORA only steering processes steer and
/// receive accountability information (CORA.md §5). Processes without a category are not judged.
/// A warning.
public struct NotSteeringRule: ModelRule {
    public let code = DiagnosticCode.notSteering
    public let scope = ModelRuleScope.run

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        var findings: [(Int, ModelFinding)] = []
        for (index, _) in model.pdca.steers {
            guard let category = model.categories[index], category != .steering else { continue }
            let process = model.process(index)
            findings.append((index, ModelFinding(
                RuleFinding("the \(category.dutchName) process \"\(process.name)\" steers other processes; only a steering process steers",
                            hint: "make it a steering process (category steering), or move the steers relations to the steering process meant"),
                field: .steers, value: process.steers.joined(separator: CanonicalField.valueSeparator))))
        }
        for (index, targets) in model.pdca.reportsTo {
            for target in targets {
                guard let category = model.categories[target], category != .steering else { continue }
                let process = model.process(index), receiver = model.process(target)
                findings.append((index, ModelFinding(
                    RuleFinding("\"\(process.name)\" reports to \"\(receiver.name)\", which is a \(category.dutchName) process, not a steering one",
                                hint: "accountability information goes to a steering process; name that one in reports-to"),
                    field: .reportsTo, value: receiver.name)))
            }
        }
        for (index, finding) in findings.sorted(by: { $0.0 < $1.0 }) { report(index, finding) }
    }
}
