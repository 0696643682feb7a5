/// The fields of the canonical model, in the order of the canonical CSV's columns.
public enum CanonicalField: String, Sendable, CaseIterable, Hashable {
    case id, code, name, level, category, parent, order, owner, function
    case services, events, applications, next, status, description
    /// The requirements the process must meet (tags such as `privacy`, `arbo`; CORA.md §5).
    case requirements
    /// The processes a steering process steers (references, like `next`).
    case steers
    /// The steering processes that receive the process's accountability information (references).
    case reportsTo = "reports-to"
    /// The phase of the Plan-Do-Check-Act cycle a steering process stands for.
    case pdcaPhase = "pdca-phase"

    /// Whether the field holds several values (joined with `|` in the canonical CSV).
    public var isMultiValued: Bool {
        switch self {
        case .services, .events, .applications, .next, .requirements, .steers, .reportsTo: return true
        default: return false
        }
    }

    /// Whether the field names other processes (by id, code or name), as `parent` does.
    public var isReference: Bool {
        switch self {
        case .parent, .next, .steers, .reportsTo: return true
        default: return false
        }
    }

    /// The version of the canonical CSV layout: 1 had the first 15 columns (up to `description`),
    /// 2 added `requirements`, `steers`, `reports-to` and `pdca-phase`. Files of either read.
    public static let canonicalLayoutVersion = 2

    /// The canonical CSV header: the field names, in this order.
    public static let canonicalHeader: [String] = allCases.map(\.rawValue)

    /// The separator of values in a multi-valued cell of the canonical CSV.
    public static let valueSeparator = "|"
}
