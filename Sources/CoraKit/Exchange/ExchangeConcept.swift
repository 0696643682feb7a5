/// An element or a relationship of an ``ExchangeDocument``.
public struct ExchangeConcept: Sendable, Equatable, Hashable {
    /// The identifier (an `xs:ID`).
    public var identifier: String
    /// The `xsi:type` as the exchange format names it: `BusinessProcess`, `Grouping`, … for an
    /// element; `Composition`, `Triggering`, … for a relationship (without `Relationship`).
    public var type: String
    /// The name (an element has one; a relationship often not).
    public var name: String
    /// The documentation.
    public var documentation: String
    /// The properties, in document order.
    public var properties: [ExchangeProperty]
    /// A relationship's source identifier; `nil` for an element.
    public var source: String?
    /// A relationship's target identifier; `nil` for an element.
    public var target: String?
    /// The other attributes, in order: `accessType`, `isDirected`, `modifier`.
    public var attributes: [XMLAttribute]
    /// The line the concept starts on, when it was read.
    public var line: Int?

    /// Creates an element (no `source` and `target`) or a relationship.
    public init(identifier: String, type: String, name: String = "", documentation: String = "", properties: [ExchangeProperty] = [],
                source: String? = nil, target: String? = nil, attributes: [XMLAttribute] = [], line: Int? = nil) {
        self.identifier = identifier
        self.type = type
        self.name = name
        self.documentation = documentation
        self.properties = properties
        self.source = source
        self.target = target
        self.attributes = attributes
        self.line = line
    }

    /// Whether this is a relationship.
    public var isRelationship: Bool { source != nil }
}

/// A property of a concept, view or model in an ``ExchangeDocument``: a value for a property definition.
public struct ExchangeProperty: Sendable, Equatable, Hashable {
    /// The identifier of its ``ExchangePropertyDefinition``.
    public var definition: String
    /// The value.
    public var value: String

    /// Creates a property.
    public init(definition: String, value: String) {
        self.definition = definition
        self.value = value
    }
}

/// A property definition of an ``ExchangeDocument``: the key of properties, by identifier.
public struct ExchangePropertyDefinition: Sendable, Equatable, Hashable {
    /// The identifier (`propid-1`, …).
    public var identifier: String
    /// The name (the key as Archi shows it).
    public var name: String
    /// The data type: `string`, `boolean`, `currency`, `date`, `time` or `number`.
    public var type: String

    /// Creates a property definition.
    public init(identifier: String, name: String, type: String = "string") {
        self.identifier = identifier
        self.name = name
        self.type = type
    }
}
