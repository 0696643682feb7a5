/// `pdca-incomplete`: the steering processes give PDCA phases, but none is `check` or none is
/// `act`: nobody judges the accountability information, or nobody adjusts on it, so the cycle does
/// not close. Reported once per missing phase, at the first process with a phase. A warning.
public struct PDCAIncompleteRule: ModelRule {
    public let code = DiagnosticCode.pdcaIncomplete
    public let scope = ModelRuleScope.run
    /// With `--strict` an error that fails the run; the process stays in the model.
    public let leavesProcessOut = false

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        let phases = model.pdca.phases
        guard let first = phases.keys.min() else { return }
        let present = Set(phases.values)
        let given = PDCAPhase.allCases.filter(present.contains).map(\.rawValue).joined(separator: ", ")
        for missing in [PDCAPhase.check, .act] where !present.contains(missing) {
            report(first, ModelFinding(
                RuleFinding("the PDCA cycle has no \(missing.rawValue) phase (\(missing.dutchName)): the phases given are \(given)",
                            hint: missing == .check
                                ? "give the steering process that judges the accountability information the phase check"
                                : "give the steering process that adjusts on the findings the phase act"),
                field: .pdcaPhase, value: phases[first]?.rawValue))
        }
    }
}
