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

    /// The levels a process of this level may be part of (CORA.md §1). A steering scenario stands at
    /// the top; a process chain may be part of a steering scenario; a business process of a chain or
    /// a scenario; a work process only of a business process; a process step only of a work process.
    public var allowedParents: Set<ProcessLevel> {
        switch self {
        case .steeringScenario: return []
        case .processChain: return [.steeringScenario]
        case .businessProcess: return [.processChain, .steeringScenario]
        case .workProcess: return [.businessProcess]
        case .processStep: return [.workProcess]
        }
    }

    /// The canonical values, for messages that list what is accepted.
    public static let canonicalValues = allCases.map(\.rawValue)

    public static func < (lhs: ProcessLevel, rhs: ProcessLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
