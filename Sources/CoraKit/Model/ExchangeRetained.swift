/// What a model read from an ArchiMate exchange document keeps of it besides what every Archi model
/// keeps (``ArchiRetained``): the parts that only the exchange format has, so that writing the model
/// as an exchange document again gives them back.
///
/// Views and organizations are kept whole, with the identifiers of the document they came from; the
/// views cora made itself (identifiers starting with ``ExchangeRetained/generatedViewPrefix``) are
/// not kept: they are made anew from the model on every write.
public struct ExchangeRetained: Sendable, Equatable {
    /// The identifier prefix of the views cora makes.
    public static let generatedViewPrefix = "cora-view-"
    /// The property by which cora maps an identifier back to a process id that is no `xs:ID`.
    public static let idProperty = "cora-id"
    /// The property that names the type of a relationship written as an Association because
    /// ArchiMate forbids its type between its two ends.
    public static let typeProperty = "cora-type"
    /// The property that holds an element's or relationship's specialization (Archi's CSV files
    /// have a column for it; the exchange format 3.1 has no place for it).
    public static let specializationProperty = "cora-specialization"

    /// The model's identifier.
    public var identifier: String
    /// The model's `version` attribute.
    public var version: String?
    /// The language of the document's names (`xml:lang`).
    public var language: String?
    /// The `<metadata>` element.
    public var metadata: XMLTree?
    /// The `<organizations>` elements.
    public var organizations: [XMLTree]
    /// The views that cora did not make.
    public var views: [XMLTree]
    /// The `<viewpoints>` element.
    public var viewpoints: XMLTree?
    /// The property definitions, in document order (views and organizations refer to them).
    public var propertyDefinitions: [ExchangePropertyDefinition]
    /// The identifier in the document of each element or relationship whose id in the model differs
    /// (a process whose id came from ``idProperty``), by the id in the model.
    public var identifiers: [String: String]
    /// The attributes of relationships besides identifier, type, source and target (`accessType`,
    /// `isDirected`, `modifier`), by relationship id.
    public var relationshipAttributes: [String: [XMLAttribute]]

    /// Creates kept content.
    public init(identifier: String, version: String? = nil, language: String? = nil, metadata: XMLTree? = nil,
                organizations: [XMLTree] = [], views: [XMLTree] = [], viewpoints: XMLTree? = nil,
                propertyDefinitions: [ExchangePropertyDefinition] = [], identifiers: [String: String] = [:],
                relationshipAttributes: [String: [XMLAttribute]] = [:]) {
        self.identifier = identifier
        self.version = version
        self.language = language
        self.metadata = metadata
        self.organizations = organizations
        self.views = views
        self.viewpoints = viewpoints
        self.propertyDefinitions = propertyDefinitions
        self.identifiers = identifiers
        self.relationshipAttributes = relationshipAttributes
    }

    /// Adds what `other` kept after this (a second document read in the same run): its views,
    /// organizations and definitions; the first document's identifier, language and metadata stay.
    public mutating func append(contentsOf other: ExchangeRetained) {
        if metadata == nil { metadata = other.metadata }
        if viewpoints == nil { viewpoints = other.viewpoints }
        organizations.append(contentsOf: other.organizations)
        views.append(contentsOf: other.views)
        propertyDefinitions.append(contentsOf: other.propertyDefinitions)
        identifiers.merge(other.identifiers) { first, _ in first }
        relationshipAttributes.merge(other.relationshipAttributes) { first, _ in first }
    }

    /// A copy without the lines where the kept elements were read.
    public var withoutLines: ExchangeRetained {
        var copy = self
        copy.metadata = metadata?.withoutLines
        copy.organizations = organizations.map(\.withoutLines)
        copy.views = views.map(\.withoutLines)
        copy.viewpoints = viewpoints?.withoutLines
        return copy
    }
}
