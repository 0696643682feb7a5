/// The language an inventory's process names are written in (a mapping's `language`): it decides
/// which naming convention `cora` checks them against.
public enum InventoryLanguage: String, Sendable, CaseIterable, Codable {
    /// Dutch, as CORA itself: a verb in the infinitive and a noun ("Verhuren eenheden").
    case nl
    /// English: an imperative verb first ("Let homes", "Pay invoices").
    case en

    /// The accepted values, for messages.
    public static let acceptedValues = allCases.map(\.rawValue)
}
