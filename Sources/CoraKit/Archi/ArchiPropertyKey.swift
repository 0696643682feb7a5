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
/// | next | `Volgend proces`, `Next` (one property per reference; an export writes only the ones that name no process in the model, the others are relations) |
/// | steers | `Stuurt`, `Steers` (as next: only references to no process of the model; the others are Flow relations named `stuurt`) |
/// | reports-to | `Rapporteert aan`, `Reports to` (as steers) |
/// | pdca-phase | `PDCA-fase`, `PDCA phase`, `PDCA` |
///
/// Every other property of a process is one of its properties (a column of the canonical CSV). A
/// process property whose name is one of these keys (a column `Status` that the mapping kept as a
/// property, say) is exported as `Eigenschap: Status` (``propertyPrefix``), and read back as the
/// property `Status`, not as the field. A level property with an empty value says that the level is
/// not known: the import leaves it empty instead of working it out from the nesting.
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
    /// A following process that is not in the model, kept as written.
    case next
    /// A steered process that is not in the model, kept as written.
    case steers
    /// A steering process reported to that is not in the model, kept as written.
    case reportsTo
    /// The PDCA phase.
    case pdcaPhase

    /// The keys, the one an export writes first.
    public var keys: [String] {
        switch self {
        case .level: return ["CORA-concepttype", "Concepttype", "Niveau", "Procesniveau", "Level"]
        case .category: return ["Categorie", "Category", "Procescategorie"]
        case .code: return ["Code", "Procescode"]
        case .owner: return ["Eigenaar", "Proceseigenaar", "Owner"]
        case .status: return ["Status"]
        case .order: return ["Volgorde", "Order"]
        case .next: return ["Volgend proces", "Next"]
        case .steers: return ["Stuurt", "Steers"]
        case .reportsTo: return ["Rapporteert aan", "Reports to"]
        case .pdcaPhase: return ["PDCA-fase", "PDCA phase", "PDCA"]
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

    /// The keys cora gives a meaning of its own in an exchange document (`cora-id`, `cora-type`,
    /// `cora-specialization`): a process property of that name is written with ``propertyPrefix``.
    public static let reservedKeys: Set<String> = [ExchangeRetained.idProperty, ExchangeRetained.typeProperty,
                                                   ExchangeRetained.specializationProperty]

    /// The prefix that marks a process property whose name would read as a field key.
    public static let propertyPrefix = "Eigenschap: "

    /// The key an export writes for the process property `name`: the name itself, or with
    /// ``propertyPrefix`` when it would read as a field key (or already starts with the prefix).
    public static func exportKey(ofProperty name: String) -> String {
        field(forKey: name) != nil || name.hasPrefix(propertyPrefix) || reservedKeys.contains(name) ? propertyPrefix + name : name
    }

    /// The name of the process property a key stands for when it is written with ``propertyPrefix``.
    public static func propertyName(inKey key: String) -> String? {
        key.hasPrefix(propertyPrefix) ? String(key.dropFirst(propertyPrefix.count)) : nil
    }

    /// The value an export writes for `level`: the Dutch CORA term with a capital (`Werkproces`).
    public static func value(of level: ProcessLevel) -> String {
        let name = level.dutchName
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
