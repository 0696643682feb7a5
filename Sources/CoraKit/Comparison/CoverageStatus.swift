/// How far an inventory covers a process of a reference model (`cora coverage`), or, for a process
/// of the inventory, that it covers none.
public enum CoverageStatus: String, Sendable, CaseIterable, Codable {
    /// Matched by an inventory process at its own level, and none of its children is missing.
    case covered
    /// Matched only at another level, or matched with some of its children missing, or not matched
    /// itself while some of its descendants are.
    case partial
    /// Neither it nor any of its descendants is matched.
    case missing
    /// An inventory process that matches no reference process.
    case unmatched

    /// The word in documents: "gedekt", "gedeeltelijk", "ontbreekt", "niet gekoppeld" in Dutch,
    /// the raw value in English.
    public func word(_ language: DocumentLanguage) -> String {
        guard language == .nl else { return rawValue }
        switch self {
        case .covered: return "gedekt"
        case .partial: return "gedeeltelijk"
        case .missing: return "ontbreekt"
        case .unmatched: return "niet gekoppeld"
        }
    }
}
