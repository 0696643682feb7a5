/// `not-steering`: a process that steers others, or has a PDCA phase, but is not a steering
/// process; or one that reports to a process that is not a steering process. In CORA only
/// steering processes steer and receive accountability information (CORA.md §5). A process
/// without a category is reported too: the cycle cannot be checked without knowing it steers.
/// A warning; with `--strict` an error that fails the run, the process staying in the model.
public struct NotSteeringRule: ModelRule {
    public let code = DiagnosticCode.notSteering
    public let scope = ModelRuleScope.run
    /// With `--strict` an error that fails the run; the process stays in the model.
    public let leavesProcessOut = false

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        guard model.pdca.usesPDCA else { return }
        var findings: [(Int, ModelFinding)] = []
        let fix = "give it the category steering (sturend), or move the relations to the steering process meant"
        for (index, _) in model.pdca.steers {
            guard model.categories[index] != .steering else { continue }
            let process = model.process(index)
            findings.append((index, ModelFinding(
                RuleFinding("\"\(process.name)\" (\(Self.kind(model.categories[index]))) steers other processes; only a steering process steers",
                            hint: fix),
                field: .steers, value: process.steers.joined(separator: CanonicalField.valueSeparator))))
        }
        // A primary or supporting process may say it is the Do of the cycle.
        for (index, phase) in model.pdca.phases where phase != .do && model.pdca.steers[index] == nil && model.categories[index] != .steering {
            let process = model.process(index)
            findings.append((index, ModelFinding(
                RuleFinding("\"\(process.name)\" (\(Self.kind(model.categories[index]))) has the PDCA phase \(phase.rawValue); "
                                + "only a steering process has one", hint: fix),
                field: .pdcaPhase, value: phase.rawValue)))
        }
        for (index, targets) in model.pdca.reportsTo {
            for target in targets where model.categories[target] != .steering {
                let process = model.process(index), receiver = model.process(target)
                let what = model.categories[target].map { "a \($0.rawValue) (\($0.dutchName)) process" } ?? "a process without a category"
                findings.append((index, ModelFinding(
                    RuleFinding("\"\(process.name)\" reports to \"\(receiver.name)\", which is \(what), not a steering one",
                                hint: "accountability information goes to a steering process; name that one in reports-to, "
                                    + "or give \"\(receiver.name)\" the category steering"),
                    field: .reportsTo, value: receiver.name)))
            }
        }
        for (index, finding) in findings.sorted(by: { $0.0 < $1.0 }) { report(index, finding) }
    }

    /// "primary (primair)", or "no category".
    static func kind(_ category: ProcessCategory?) -> String {
        category.map { "\($0.rawValue) (\($0.dutchName))" } ?? "no category"
    }
}
