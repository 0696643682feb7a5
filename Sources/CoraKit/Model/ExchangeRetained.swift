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
    /// An identifier of `other`'s views, nodes, connections or property definitions that this
    /// already has gets `-2`, `-3`, … (with the references to it in `other`'s views and folders),
    /// so that the two documents' parts stay apart; a property definition that is the same in
    /// both (identifier, name and type) is kept once.
    public mutating func append(contentsOf other: ExchangeRetained) {
        if metadata == nil { metadata = other.metadata }
        if viewpoints == nil { viewpoints = other.viewpoints }
        var taken = Set(propertyDefinitions.map(\.identifier))
        for tree in views + organizations { tree.forEach { if let id = $0[attribute: "identifier"] { taken.insert(id) } } }
        func fresh(_ identifier: String) -> String {
            var number = 2
            while taken.contains("\(identifier)-\(number)") { number += 1 }
            taken.insert("\(identifier)-\(number)")
            return "\(identifier)-\(number)"
        }
        var definitions: [String: String] = [:]
        for definition in other.propertyDefinitions {
            if propertyDefinitions.contains(definition) { continue }
            var copy = definition
            if taken.contains(definition.identifier) {
                copy.identifier = fresh(definition.identifier)
                definitions[definition.identifier] = copy.identifier
            } else {
                taken.insert(definition.identifier)
            }
            propertyDefinitions.append(copy)
        }
        var renamed: [String: String] = [:]
        for tree in other.views + other.organizations {
            tree.forEach { node in
                guard let id = node[attribute: "identifier"] else { return }
                if taken.contains(id) { renamed[id] = fresh(id) } else { taken.insert(id) }
            }
        }
        func rewrite(_ tree: XMLTree) -> XMLTree {
            var copy = tree
            for index in copy.attributes.indices {
                let attribute = copy.attributes[index]
                switch attribute.name {
                case "identifier", "source", "target", "identifierRef":
                    if let new = renamed[attribute.value] { copy.attributes[index].value = new }
                case "propertyDefinitionRef":
                    if let new = definitions[attribute.value] { copy.attributes[index].value = new }
                default:
                    break
                }
            }
            copy.children = tree.children.map(rewrite)
            return copy
        }
        let clean = renamed.isEmpty && definitions.isEmpty
        organizations.append(contentsOf: clean ? other.organizations : other.organizations.map(rewrite))
        views.append(contentsOf: clean ? other.views : other.views.map(rewrite))
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
