/// The concept types of the exchange format and the names Archi's CSV files give them: the same
/// for elements but junctions (`AndJunction`, `OrJunction`; Archi: `Junction`), and for
/// relationships the exchange name without `Relationship` (`Composition`;
/// Archi: `CompositionRelationship`).
public enum ExchangeConceptTypes {
    /// The element types of the 3.1 schema (`ElementTypeEnum`).
    public static let elementTypes: Set<String> = Set(ArchiMateRelationships.elementTypes)

    /// The relationship types of the 3.1 schema.
    public static let relationshipTypes: Set<String> = Set(ArchiMateRelationships.relationshipTypes)

    /// The exchange name of the Archi element type `type` (`Junction` → `AndJunction`).
    public static func exchangeElementType(_ type: String) -> String {
        type == "Junction" ? "AndJunction" : type
    }

    /// The Archi name of the exchange element type `type` (`AndJunction` → `Junction`; an
    /// `OrJunction` keeps its name, which Archi's CSV import does not take).
    public static func archiElementType(_ type: String) -> String {
        type == "AndJunction" ? "Junction" : type
    }

    /// The exchange name of the Archi relationship type `type` (`CompositionRelationship` → `Composition`).
    public static func exchangeRelationshipType(_ type: String) -> String {
        type.hasSuffix("Relationship") ? String(type.dropLast("Relationship".count)) : type
    }

    /// The Archi name of the exchange relationship type `type` (`Composition` → `CompositionRelationship`).
    public static func archiRelationshipType(_ type: String) -> String {
        type + "Relationship"
    }
}
