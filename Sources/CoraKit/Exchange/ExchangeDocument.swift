/// One ArchiMate Open Exchange Format document (The Open Group, namespace
/// `http://www.opengroup.org/xsd/archimate/3.0/`, schemas of version 3.1), as ``ExchangeReader``
/// reads it and ``ExchangeWriter`` writes it.
///
/// Elements, relationships and property definitions are typed, because the process model reads and
/// makes them; organizations and views are kept as ``XMLTree``s, whole, because cora only passes
/// them on (or generates new ones). Text is as a parser gives it: references resolved, a written CR
/// LF read as LF.
///
/// Identifiers are the document's own (`xs:ID` values). Names, documentation and property values
/// are kept in one language: the first of each (the exchange format allows one per language; Archi,
/// the sector's tool, writes one).
public struct ExchangeDocument: Sendable, Equatable {
    /// The namespace of the exchange format (all versions 3.x).
    public static let namespace = "http://www.opengroup.org/xsd/archimate/3.0/"
    /// The namespace of `xsi:type` and `xsi:schemaLocation`.
    public static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"
    /// The schema a written document names: the diagram schema of version 3.1, which includes the model.
    public static let schemaLocation = "http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"

    /// The model's identifier.
    public var identifier: String
    /// The model's `version` attribute, if it has one.
    public var version: String?
    /// The `xml:lang` of the model's name, written on every name, documentation and value (`nil`: none).
    public var language: String?
    /// The model's name.
    public var name: String
    /// The model's documentation.
    public var documentation: String
    /// The model's properties.
    public var properties: [ExchangeProperty]
    /// The `<metadata>` element, kept whole.
    public var metadata: XMLTree?
    /// The elements, in document order.
    public var elements: [ExchangeConcept]
    /// The relationships, in document order.
    public var relationships: [ExchangeConcept]
    /// Each `<organizations>` element, kept whole (its `<item>`s refer to identifiers with `identifierRef`).
    public var organizations: [XMLTree]
    /// The property definitions, in document order.
    public var propertyDefinitions: [ExchangePropertyDefinition]
    /// Each `<view>` of `<views><diagrams>`, kept whole.
    public var views: [XMLTree]
    /// The `<viewpoints>` of `<views>` (viewpoint schema), kept whole.
    public var viewpoints: XMLTree?

    /// Creates a document.
    public init(identifier: String, version: String? = nil, language: String? = nil, name: String, documentation: String = "",
                properties: [ExchangeProperty] = [], metadata: XMLTree? = nil, elements: [ExchangeConcept] = [],
                relationships: [ExchangeConcept] = [], organizations: [XMLTree] = [],
                propertyDefinitions: [ExchangePropertyDefinition] = [], views: [XMLTree] = [], viewpoints: XMLTree? = nil) {
        self.identifier = identifier
        self.version = version
        self.language = language
        self.name = name
        self.documentation = documentation
        self.properties = properties
        self.metadata = metadata
        self.elements = elements
        self.relationships = relationships
        self.organizations = organizations
        self.propertyDefinitions = propertyDefinitions
        self.views = views
        self.viewpoints = viewpoints
    }
}
