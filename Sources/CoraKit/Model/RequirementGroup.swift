/// The five sources of requirements CORA names for processes (CORA.md §5), and a group for a
/// corporation's own requirements.
public enum RequirementGroup: String, Sendable, CaseIterable, Codable {
    /// The legislator: statutory requirements and external accountability.
    case legislator = "wetgever"
    /// Internal accountability: AO/IC and internal reporting.
    case internalAccountability = "interne-verantwoording"
    /// Strategy and operations: flexibility, risk management, procuration, efficiency.
    case strategy = "strategie-en-bedrijfsvoering"
    /// Quality, safety and environment: KWH, energy labels, information security, inspections.
    case quality = "kwaliteit-veiligheid-milieu"
    /// Suppliers: logistics and data exchange.
    case suppliers = "leveranciers"
    /// A corporation's own requirements, defined in its mapping.
    case own = "eigen"

    /// The group's name in Dutch documents.
    public var dutchName: String {
        switch self {
        case .legislator: return "Wetgever"
        case .internalAccountability: return "Interne verantwoording"
        case .strategy: return "Strategie en bedrijfsvoering"
        case .quality: return "Kwaliteit, veiligheid en milieu"
        case .suppliers: return "Leveranciers"
        case .own: return "Eigen eisen"
        }
    }

    /// The group's name in English documents.
    public var englishName: String {
        switch self {
        case .legislator: return "Legislator"
        case .internalAccountability: return "Internal accountability"
        case .strategy: return "Strategy and operations"
        case .quality: return "Quality, safety and environment"
        case .suppliers: return "Suppliers"
        case .own: return "Own requirements"
        }
    }
}
