/// One exchange document being read: turns its `<model>` element into an ``ExchangeDocument``,
/// leaving out (and reporting) what the format does not allow: concepts of unknown types or
/// without identifiers, identifiers used twice, relationships with a missing end, properties of
/// unknown definitions. ``ExchangeReader`` parses; this reads what was parsed.
struct ExchangeReading {
    /// The file, for the diagnostics.
    let file: String

    /// A property with the line it was read from.
    private struct PropertyRead {
        var property: ExchangeProperty
        var line: Int?
    }

    /// A concept with its properties' lines.
    private struct ConceptRead {
        var concept: ExchangeConcept
        var properties: [PropertyRead]
    }

    /// The first use of each identifier.
    private var firstLine: [String: Int?] = [:]

    init(file: String) {
        self.file = file
    }

    /// The document that `model` (the root element, already checked to be `model` in the
    /// exchange format's namespace) holds.
    mutating func document(from model: XMLTree, sink: inout DiagnosticSink) -> ExchangeDocument {
        let identifier = model[attribute: "identifier"] ?? ""
        if identifier.isEmpty {
            report(.exchangeMissingID, "the model has no identifier", line: model.line, sink: &sink,
                   hint: "the <model> element needs an identifier attribute")
        }
        let name = model.child("name")
        var modelProperties = properties(of: model)

        // Concepts of known types with identifiers.
        var elements: [ConceptRead] = []
        for tree in model.children("elements").flatMap({ $0.children("element") }) {
            if let element = concept(tree, isRelationship: false, sink: &sink) { elements.append(element) }
        }
        var relationships: [ConceptRead] = []
        for tree in model.children("relationships").flatMap({ $0.children("relationship") }) {
            if let relationship = concept(tree, isRelationship: true, sink: &sink) { relationships.append(relationship) }
        }
        var definitions: [(definition: ExchangePropertyDefinition, line: Int?)] = []
        for tree in model.children("propertyDefinitions").flatMap({ $0.children("propertyDefinition") }) {
            let definitionName = tree.child("name")?.text ?? ""
            guard let id = tree[attribute: "identifier"], !id.isEmpty else {
                report(.exchangeMissingID, "the property definition \"\(definitionName)\" has no identifier; it is left out", line: tree.line, sink: &sink,
                       hint: "properties refer to their definition by its identifier")
                continue
            }
            definitions.append((ExchangePropertyDefinition(identifier: id, name: definitionName, type: tree[attribute: "type"] ?? "string"), tree.line))
        }
        var organizations = model.children("organizations")
        let viewsElement = model.child("views")
        var views: [XMLTree] = []
        for view in viewsElement?.children("diagrams").flatMap({ $0.children("view") }) ?? [] {
            guard let id = view[attribute: "identifier"], !id.isEmpty else {
                let viewName = view.child("name")?.text ?? ""
                report(.exchangeMissingID, "the view \"\(viewName)\" has no identifier; it is left out", line: view.line, sink: &sink,
                       hint: "every view needs an identifier attribute")
                continue
            }
            views.append(view)
        }
        var viewpoints = viewsElement?.child("viewpoints")

        // Identifiers: unique across the whole document, in document order; a later concept,
        // definition or view with a used identifier is left out, a later node, connection or item reported.
        if !identifier.isEmpty { firstLine[identifier] = model.line }
        elements = elements.filter { isFirstUse($0.concept.identifier, line: $0.concept.line, of: "element", sink: &sink) }
        relationships = relationships.filter { isFirstUse($0.concept.identifier, line: $0.concept.line, of: "relationship", sink: &sink) }
        for organization in organizations { registerNested(in: organization, sink: &sink) }
        definitions = definitions.filter { isFirstUse($0.definition.identifier, line: $0.line, of: "property definition", sink: &sink) }
        views = views.filter { view in
            guard isFirstUse(view[attribute: "identifier"] ?? "", line: view.line, of: "view", sink: &sink) else { return false }
            for child in view.children { registerNested(in: child, sink: &sink) }
            return true
        }
        if let viewpoints { registerNested(in: viewpoints, sink: &sink) }

        relationships = withEnds(relationships, elements: elements, sink: &sink)

        // References: properties to their definitions; views and organizations to concepts.
        let definitionIDs = Set(definitions.map(\.definition.identifier))
        modelProperties = known(modelProperties, in: definitionIDs, sink: &sink)
        for index in elements.indices {
            elements[index].concept.properties = known(elements[index].properties, in: definitionIDs, sink: &sink).map(\.property)
        }
        for index in relationships.indices {
            relationships[index].concept.properties = known(relationships[index].properties, in: definitionIDs, sink: &sink).map(\.property)
        }
        let elementIDs = Set(elements.map(\.concept.identifier))
        let relationshipIDs = Set(relationships.map(\.concept.identifier))
        let references = References(elements: elementIDs, relationships: relationshipIDs, definitions: definitionIDs,
                                    all: Set(firstLine.keys))
        for index in views.indices { check(&views[index], references: references, sink: &sink) }
        for index in organizations.indices { check(&organizations[index], references: references, sink: &sink) }
        if viewpoints != nil { check(&viewpoints!, references: references, sink: &sink) }

        return ExchangeDocument(
            identifier: identifier, version: model[attribute: "version"], language: name?[attribute: "xml:lang"],
            name: name?.text ?? "", documentation: model.child("documentation")?.text ?? "",
            properties: modelProperties.map(\.property), metadata: model.child("metadata"),
            elements: elements.map(\.concept), relationships: relationships.map(\.concept), organizations: organizations,
            propertyDefinitions: definitions.map(\.definition), views: views, viewpoints: viewpoints)
    }

    // MARK: Concepts

    /// The element or relationship `tree`, or `nil` (reported) when it has no identifier or a type
    /// the format does not know.
    private func concept(_ tree: XMLTree, isRelationship: Bool, sink: inout DiagnosticSink) -> ConceptRead? {
        let kind = isRelationship ? "relationship" : "element"
        let name = tree.child("name")?.text ?? ""
        guard let id = tree[attribute: "identifier"], !id.isEmpty else {
            let named = name.isEmpty ? "" : " \"\(name)\""
            report(.exchangeMissingID, "the \(kind)\(named) has no identifier; it is left out", line: tree.line, sink: &sink,
                   hint: "every \(kind) needs an identifier attribute")
            return nil
        }
        guard let type = tree[attribute: "xsi:type"], !type.isEmpty else {
            report(.exchangeUnknownType, "the \(kind) \"\(id)\" has no xsi:type; it is left out", line: tree.line, sink: &sink,
                   hint: isRelationship ? "a relationship names its type: xsi:type=\"Composition\", \"Triggering\", …"
                                        : "an element names its type: xsi:type=\"BusinessProcess\", \"BusinessFunction\", …")
            return nil
        }
        let known = isRelationship ? ExchangeConceptTypes.relationshipTypes : ExchangeConceptTypes.elementTypes
        guard known.contains(type) else {
            report(.exchangeUnknownType, "\"\(type)\" is not an ArchiMate \(kind) type of the exchange format; the \(kind) \"\(id)\" is left out",
                   line: tree.line, sink: &sink, value: type, hint: Self.typeHint(type, isRelationship: isRelationship))
            return nil
        }
        let properties = properties(of: tree)
        var concept = ExchangeConcept(identifier: id, type: type, name: name, documentation: tree.child("documentation")?.text ?? "",
                                      properties: properties.map(\.property), line: tree.line)
        if isRelationship {
            concept.source = tree[attribute: "source"] ?? ""
            concept.target = tree[attribute: "target"] ?? ""
            concept.attributes = tree.attributes.filter { !["identifier", "xsi:type", "source", "target"].contains($0.name) }
        }
        return ConceptRead(concept: concept, properties: properties)
    }

    /// What to write instead of the unknown `type`.
    private static func typeHint(_ type: String, isRelationship: Bool) -> String {
        if isRelationship {
            if type.hasSuffix("Relationship"), ExchangeConceptTypes.relationshipTypes.contains(String(type.dropLast("Relationship".count))) {
                return "the exchange format writes \"\(type.dropLast("Relationship".count))\" (Archi's CSV files write \"\(type)\")"
            }
            if ExchangeConceptTypes.elementTypes.contains(type) { return "elements belong in <elements>" }
            let suggestion = Suggestion.closest(to: type, in: Array(ExchangeConceptTypes.relationshipTypes))
            return (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "the relationship types are Composition, Aggregation, Assignment, Realization, Serving, Access, Influence, Triggering, Flow, Specialization, Association"
        }
        if ExchangeConceptTypes.relationshipTypes.contains(type) { return "relationships belong in <relationships>" }
        if type == "Junction" { return "the exchange format writes \"AndJunction\" or \"OrJunction\"" }
        let suggestion = Suggestion.closest(to: type, in: Array(ExchangeConceptTypes.elementTypes))
        return (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "the element types are those of ArchiMate 3.1, such as BusinessProcess, BusinessFunction, Grouping"
    }

    /// The properties of `tree` (its `<properties>`), each with the value of its first `<value>`.
    private func properties(of tree: XMLTree) -> [PropertyRead] {
        tree.children("properties").flatMap { $0.children("property") }.map { property in
            PropertyRead(property: ExchangeProperty(definition: property[attribute: "propertyDefinitionRef"] ?? "",
                                                    value: property.child("value")?.text ?? ""),
                         line: property.line)
        }
    }

    // MARK: Identifiers

    /// Whether `id` is used here for the first time; a second use is reported (naming the first
    /// line) and means that the `kind` is left out.
    private mutating func isFirstUse(_ id: String, line: Int?, of kind: String, sink: inout DiagnosticSink) -> Bool {
        guard let first = firstLine[id] else {
            firstLine[id] = line
            return true
        }
        let place = first.map { "line \($0)" } ?? "the model"
        report(.duplicateID, "the identifier \"\(id)\" is also used on \(place); this \(kind) is left out", line: line, sink: &sink, value: id,
               hint: "identifiers are unique across the whole document (elements, relationships, views, nodes, connections, property definitions); \(place) keeps it")
        return false
    }

    /// Registers the identifiers of `tree` and every element below it (view nodes, connections,
    /// organization items); a second use is reported, and a node or connection without one.
    private mutating func registerNested(in tree: XMLTree, sink: inout DiagnosticSink) {
        if let id = tree[attribute: "identifier"], !id.isEmpty {
            if let first = firstLine[id] {
                let place = first.map { "line \($0)" } ?? "the model"
                report(.duplicateID, "the identifier \"\(id)\" is also used on \(place)", line: tree.line, sink: &sink, value: id,
                       hint: "identifiers are unique across the whole document (elements, relationships, views, nodes, connections, property definitions); \(place) keeps it")
            } else {
                firstLine[id] = tree.line
            }
        } else if tree.name == "node" || tree.name == "connection" {
            let kind = tree.name == "node" ? "view node" : "connection"
            report(.exchangeMissingID, "a \(kind) has no identifier", line: tree.line, sink: &sink,
                   hint: "every node and connection of a view needs an identifier attribute")
        }
        for child in tree.children { registerNested(in: child, sink: &sink) }
    }

    // MARK: Relationship ends

    /// The relationships whose source and target are elements or relationships of the document;
    /// a relationship left out takes those on it along (``RelationEnds``).
    private func withEnds(_ relationships: [ConceptRead], elements: [ConceptRead], sink: inout DiagnosticSink) -> [ConceptRead] {
        var known = Set(elements.map(\.concept.identifier))
        known.formUnion(relationships.map(\.concept.identifier))
        let ends = relationships.map { ($0.concept.identifier, $0.concept.source ?? "", $0.concept.target ?? "") }
        let leftOut = RelationEnds.leftOut(ends, known: &known) { index, end, id in
            let relationship = relationships[index].concept
            report(.exchangeMissingEnd,
                   id.isEmpty ? "the relationship \"\(relationship.identifier)\" has no \(end.rawValue); it is left out"
                              : "the \(end.rawValue) \"\(id)\" of the relationship \"\(relationship.identifier)\" is no element or relationship of this document; the relationship is left out",
                   line: relationship.line, sink: &sink, value: id.isEmpty ? nil : id,
                   hint: "a relationship connects two elements (or relationships) of the same document")
        }
        return relationships.indices.filter { !leftOut[$0] }.map { relationships[$0] }
    }

    // MARK: References

    /// The identifiers a reference may name.
    private struct References {
        var elements: Set<String>
        var relationships: Set<String>
        var definitions: Set<String>
        var all: Set<String>
    }

    /// The properties whose definition is in `definitions`; the others are reported and left out.
    private func known(_ properties: [PropertyRead], in definitions: Set<String>, sink: inout DiagnosticSink) -> [PropertyRead] {
        properties.filter { read in
            guard !definitions.contains(read.property.definition) else { return true }
            reportUnknownDefinition(read.property.definition, line: read.line, sink: &sink)
            return false
        }
    }

    private func reportUnknownDefinition(_ definition: String, line: Int?, sink: inout DiagnosticSink) {
        report(.exchangeUnknownReference,
               definition.isEmpty ? "the property has no propertyDefinitionRef; it is left out"
                                  : "the property refers to the property definition \"\(definition)\", which the document does not define; it is left out",
               line: line, sink: &sink, value: definition.isEmpty ? nil : definition,
               hint: "a property names a <propertyDefinition> of <propertyDefinitions> by its identifier")
    }

    /// Checks the references in `tree` and below: a property of an unknown definition is left out
    /// (with its `<properties>` when none is left); a node, connection or item that names nothing is reported.
    private func check(_ tree: inout XMLTree, references: References, sink: inout DiagnosticSink) {
        if tree.name == "node", let ref = tree[attribute: "elementRef"], !references.elements.contains(ref) {
            report(.exchangeUnknownReference, "the view node \"\(tree[attribute: "identifier"] ?? "")\" shows the element \"\(ref)\", which is not in the document",
                   line: tree.line, sink: &sink, value: ref, hint: "the node is kept as read; a document cora writes leaves it out")
        } else if tree.name == "connection", let ref = tree[attribute: "relationshipRef"], !references.relationships.contains(ref) {
            report(.exchangeUnknownReference, "the connection \"\(tree[attribute: "identifier"] ?? "")\" shows the relationship \"\(ref)\", which is not in the document",
                   line: tree.line, sink: &sink, value: ref, hint: "the connection is kept as read; a document cora writes leaves it out")
        } else if tree.name == "item", let ref = tree[attribute: "identifierRef"], !references.all.contains(ref) {
            report(.exchangeUnknownReference, "the organization item refers to \"\(ref)\", which is no identifier of the document",
                   line: tree.line, sink: &sink, value: ref, hint: "an item of <organizations> names an element, relationship or view")
        }
        if tree.name == "connection" {
            for end in ["source", "target"] {
                guard let ref = tree[attribute: end], !references.all.contains(ref) else { continue }
                report(.exchangeUnknownReference, "the \(end) \"\(ref)\" of the connection \"\(tree[attribute: "identifier"] ?? "")\" is no identifier of the document",
                       line: tree.line, sink: &sink, value: ref, hint: "a connection joins two nodes (or connections) of its view")
            }
        }
        guard !tree.children.isEmpty else { return }
        var children: [XMLTree] = []
        children.reserveCapacity(tree.children.count)
        for var child in tree.children {
            if child.name == "properties" {
                child.children = child.children.filter { property in
                    guard property.name == "property" else { return true }
                    let definition = property[attribute: "propertyDefinitionRef"] ?? ""
                    guard !references.definitions.contains(definition) else { return true }
                    reportUnknownDefinition(definition, line: property.line, sink: &sink)
                    return false
                }
                if child.children.isEmpty { continue }
            } else {
                check(&child, references: references, sink: &sink)
            }
            children.append(child)
        }
        tree.children = children
    }

    // MARK: Reporting

    private func report(_ code: DiagnosticCode, _ message: String, line: Int?, sink: inout DiagnosticSink, value: String? = nil, hint: String? = nil) {
        sink.report(Diagnostic(code, message, file: file, line: line, value: value, hint: hint))
    }
}
