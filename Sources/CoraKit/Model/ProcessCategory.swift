/// The three kinds of process in CORA's process model.
public enum ProcessCategory: String, Sendable, CaseIterable, Codable {
    /// Sturend: sets goals, monitors, checks and corrects.
    case steering
    /// Primair: delivers the corporation's products and services.
    case primary
    /// Ondersteunend: supports the delivery (HR, ICT, finance, …).
    case supporting

    /// The Dutch CORA adjective ("sturend", "primair", "ondersteunend").
    public var dutchName: String {
        switch self {
        case .steering: return "sturend"
        case .primary: return "primair"
        case .supporting: return "ondersteunend"
        }
    }

    /// The canonical values, for messages that list what is accepted.
    public static let canonicalValues = allCases.map(\.rawValue)
}
