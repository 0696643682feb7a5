/// How fine-grained a process is, from coarse to fine (CORA's process levels).
public enum ProcessLevel: String, Sendable, CaseIterable, Comparable, Codable {
    /// Stuurscenario: chains and processes steered on as a whole (CORA 4.1 and later).
    case steeringScenario = "steering-scenario"
    /// Procesketen: several units that together deliver related services.
    case processChain = "process-chain"
    /// Bedrijfsproces: ordered work processes delivering one dienst.
    case businessProcess = "business-process"
    /// Werkproces: ordered steps under exactly one bedrijfsfunctie.
    case workProcess = "work-process"
    /// Processtap: actions done in one go by one role.
    case processStep = "process-step"

    /// The Dutch CORA term, as used in documents ("bedrijfsproces").
    public var dutchName: String {
        switch self {
        case .steeringScenario: return "stuurscenario"
        case .processChain: return "procesketen"
        case .businessProcess: return "bedrijfsproces"
        case .workProcess: return "werkproces"
        case .processStep: return "processtap"
        }
    }

    /// The ArchiMate element type CORA uses for this level.
    public var archimateType: String {
        switch self {
        case .steeringScenario, .processChain: return "BusinessInteraction"
        case .businessProcess, .workProcess, .processStep: return "BusinessProcess"
        }
    }

    /// The canonical values, for messages that list what is accepted.
    public static let canonicalValues = allCases.map(\.rawValue)

    public static func < (lhs: ProcessLevel, rhs: ProcessLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
