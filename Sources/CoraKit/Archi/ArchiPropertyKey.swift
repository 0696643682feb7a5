/// The property keys that carry process fields in an Archi set.
///
/// On import a key matches ignoring case, accents, spaces and `-` (`cora concepttype`,
/// `CORA-Concepttype`); the first property of a process with a matching key fills the field. On
/// export the first key of each list is written.
///
/// | field | keys |
/// |---|---|
/// | level | `CORA-concepttype`, `Concepttype`, `Niveau`, `Procesniveau`, `Level` |
/// | category | `Categorie`, `Category`, `Procescategorie` (import only: an export writes the category as a Grouping) |
/// | code | `Code`, `Procescode` |
/// | owner | `Eigenaar`, `Proceseigenaar`, `Owner` |
/// | status | `Status` |
/// | order | `Volgorde`, `Order` |
///
/// Every other property of a process is one of its properties (a column of the canonical CSV).
public enum ArchiPropertyKey: String, Sendable, CaseIterable {
    /// The level: `Bedrijfsproces`, `Werkproces`, `Processtap`, `Procesketen`, `Stuurscenario`.
    case level
    /// The category (sturend, primair, ondersteunend, …).
    case category
    /// The corporation's own code.
    case code
    /// The owner.
    case owner
    /// The status.
    case status
    /// The position among the siblings (a whole number).
    case order

    /// The keys, the one an export writes first.
    public var keys: [String] {
        switch self {
        case .level: return ["CORA-concepttype", "Concepttype", "Niveau", "Procesniveau", "Level"]
        case .category: return ["Categorie", "Category", "Procescategorie"]
        case .code: return ["Code", "Procescode"]
        case .owner: return ["Eigenaar", "Proceseigenaar", "Owner"]
        case .status: return ["Status"]
        case .order: return ["Volgorde", "Order"]
        }
    }

    /// The key an export writes.
    public var exportKey: String { keys[0] }

    private static let byKey: [String: ArchiPropertyKey] = {
        var result: [String: ArchiPropertyKey] = [:]
        for field in allCases { for key in field.keys { result[TextNormalization.headerKey(key)] = field } }
        return result
    }()

    /// The field whose key `key` is, if any.
    public static func field(forKey key: String) -> ArchiPropertyKey? {
        byKey[TextNormalization.headerKey(key)]
    }

    /// The value an export writes for `level`: the Dutch CORA term with a capital (`Werkproces`).
    public static func value(of level: ProcessLevel) -> String {
        let name = level.dutchName
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
