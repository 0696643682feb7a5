/// The fields of the canonical model, in the order of the canonical CSV's columns.
public enum CanonicalField: String, Sendable, CaseIterable, Hashable {
    case id, code, name, level, category, parent, order, owner, function
    case services, events, applications, next, status, description

    /// Whether the field holds several values (joined with `|` in the canonical CSV).
    public var isMultiValued: Bool {
        switch self {
        case .services, .events, .applications, .next: return true
        default: return false
        }
    }

    /// The canonical CSV header: the field names, in this order.
    public static let canonicalHeader: [String] = allCases.map(\.rawValue)

    /// The separator of values in a multi-valued cell of the canonical CSV.
    public static let valueSeparator = "|"
}
