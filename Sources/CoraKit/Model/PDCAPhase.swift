/// The phase of the Plan-Do-Check-Act cycle that a steering process stands for (CORA.md §5:
/// steering closes the cycle with the accountability information of the processes it steers).
public enum PDCAPhase: String, Sendable, CaseIterable, Codable {
    /// Plan: goals, policy and plans (beleid, begroting, jaarplan).
    case plan
    /// Do: carrying out the plan (the steered processes themselves, or a steering process that
    /// sets them to work).
    case `do`
    /// Check: measuring and judging the results (rapportages, monitoring, audits).
    case check
    /// Act: correcting and improving on what the check found (bijsturen).
    case act

    /// The Dutch word used beside the English one ("plannen", "uitvoeren", "controleren", "bijsturen").
    public var dutchName: String {
        switch self {
        case .plan: return "plannen"
        case .do: return "uitvoeren"
        case .check: return "controleren"
        case .act: return "bijsturen"
        }
    }

    /// The canonical values, for messages that list what is accepted.
    public static let canonicalValues = allCases.map(\.rawValue)
}

extension Vocabulary where Value == PDCAPhase {
    /// The phase words understood: the English and Dutch names, their single letters and the
    /// verbs and nouns Dutch quality handbooks use.
    public static let pdcaPhases = Vocabulary(words: [
        "plan": .plan, "p": .plan, "plannen": .plan, "planning": .plan, "plan-fase": .plan, "planfase": .plan,
        "do": .do, "d": .do, "doen": .do, "uitvoeren": .do, "uitvoering": .do, "do-fase": .do,
        "check": .check, "c": .check, "checken": .check, "controleren": .check, "controle": .check, "meten": .check,
        "evalueren": .check, "evaluatie": .check, "check-fase": .check, "study": .check,
        "act": .act, "a": .act, "bijsturen": .act, "bijsturing": .act, "verbeteren": .act, "verbetering": .act,
        "act-fase": .act, "adjust": .act, "handelen": .act,
    ])
}
