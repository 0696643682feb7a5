/// The work of one exchange export (``ExchangeRenderer``): the Archi rows of the model turned into
/// an ``ExchangeDocument`` with identifiers, property definitions, organizations and views.
struct ExchangeDocumentBuild {
    let model: ProcessModel
    let language: DocumentLanguage
    let title: String?
    let defaultTitle: String
    let kept: ExchangeRetained?
    var identifiers = ExchangeIdentifiers()
    /// The identifier in the document of each Archi id written.
    var identifierOf: [String: String] = [:]
    /// The property definition of each key, in order of first use.
    var definitionOf: [String: String] = [:]
    var definitions: [ExchangePropertyDefinition] = []
    var nextDefinition = 1

    init(model: ProcessModel, language: DocumentLanguage, title: String?, defaultTitle: String) {
        self.model = model
        self.language = language
        self.title = title
        self.defaultTitle = defaultTitle
        self.kept = model.archi?.exchange
    }

    /// The data types of property definitions in the 3.1 schema.
    static let dataTypes: Set<String> = ["string", "boolean", "currency", "date", "time", "number"]


    mutating func make() -> ExchangeDocument {
        let (rows, processIDs) = ArchiExportRenderer(title: title ?? defaultTitle).archiModelAndProcessIDs(for: model)

        // Identifiers kept from the document read come first: views, nodes, connections, folders,
        // property definitions and the identifiers of processes that were mapped back.
        var keptTrees = (kept?.views ?? []) + (kept?.organizations ?? [])
        if let viewpoints = kept?.viewpoints { keptTrees.append(viewpoints) }
        for tree in keptTrees {
            tree.forEach { node in if let id = node[attribute: "identifier"] { identifiers.reserve(id) } }
        }
        for var definition in kept?.propertyDefinitions ?? [] {
            identifiers.reserve(definition.identifier)
            // The schema's data types only; another (a tool's own) would make the document invalid.
            if !Self.dataTypes.contains(definition.type) { definition.type = "string" }
            definitions.append(definition)
            if definitionOf[definition.name] == nil { definitionOf[definition.name] = definition.identifier }
        }
        for identifier in (kept?.identifiers ?? [:]).values { identifiers.reserve(identifier) }

        let modelRow = rows.modelRow
        let modelIdentifier = kept?.identifier ?? identifiers.identifier(keeping: modelRow?.id ?? "model", prefix: "id-")
        identifiers.reserve(modelIdentifier)

        // Every element and relationship its identifier, before any is written (relationships on
        // relationships, views).
        let concepts = rows.concepts
        var conceptIdentifiers: [String] = []
        var written = Set<String>()
        for (index, id) in (concepts.map(\.id) + rows.relations.map(\.id)).enumerated() {
            var identifier: String
            if id.isEmpty {
                identifier = identifiers.identifier(for: "unnamed-\(index)", prefix: "id-")
            } else if let known = kept?.identifiers[id], !written.contains(known) {
                identifier = known
            } else {
                identifier = identifiers.identifier(keeping: id, prefix: "id-")
                if written.contains(identifier) { identifier = identifiers.identifier(for: "\(id)\u{0}\(index)", prefix: "id-") }
            }
            written.insert(identifier)
            conceptIdentifiers.append(identifier)
            if !id.isEmpty && identifierOf[id] == nil { identifierOf[id] = identifier }
        }

        // Properties by owner, in order.
        var propertiesOf: [String: [ArchiProperty]] = [:]
        for property in rows.properties { propertiesOf[property.id, default: []].append(property) }

        var elementTypes: [String: String] = [:]
        var elements: [ExchangeConcept] = []
        for (index, element) in concepts.enumerated() {
            let identifier = conceptIdentifiers[index]
            let type = ExchangeConceptTypes.exchangeElementType(element.type)
            elementTypes[identifier] = type
            elements.append(ExchangeConcept(
                identifier: identifier, type: type, name: element.name, documentation: element.documentation,
                properties: properties(of: element.id, identifier: identifier, propertiesOf) + specialization(element.specialization)))
        }
        var relationships: [ExchangeConcept] = []
        for (offset, relation) in rows.relations.enumerated() {
            let identifier = conceptIdentifiers[concepts.count + offset]
            guard let source = identifierOf[relation.source], let target = identifierOf[relation.target] else { continue }
            var type = ExchangeConceptTypes.exchangeRelationshipType(relation.type)
            var extra = properties(of: relation.id, identifier: identifier, propertiesOf) + specialization(relation.specialization)
            if let sourceType = elementTypes[source], let targetType = elementTypes[target],
               !ArchiMateRelationships.allows(type, from: sourceType, to: targetType) {
                extra.append(ExchangeProperty(definition: definition(for: ExchangeRetained.typeProperty), value: type))
                type = "Association"
            }
            var attributes = kept?.relationshipAttributes[relation.id] ?? []
            if type != "Access" { attributes.removeAll { $0.name == "accessType" } }
            if type != "Influence" { attributes.removeAll { $0.name == "modifier" } }
            if type != "Association" { attributes.removeAll { $0.name == "isDirected" } }
            relationships.append(ExchangeConcept(
                identifier: identifier, type: type, name: relation.name, documentation: relation.documentation,
                properties: extra, source: source, target: target, attributes: attributes))
        }

        var document = ExchangeDocument(
            identifier: modelIdentifier, version: kept?.version,
            language: kept?.language.flatMap { XMLText.isLanguageTag($0) ? $0 : nil } ?? language.rawValue,
            name: title ?? modelRow?.name ?? defaultTitle, documentation: modelRow?.documentation ?? "",
            metadata: kept?.metadata, elements: elements, relationships: relationships, viewpoints: kept?.viewpoints)
        if let modelRow { document.properties = properties(of: modelRow.id, identifier: modelIdentifier, propertiesOf) }

        // Views: the kept ones without what is gone, then cora's own.
        let present = Set(elements.map(\.identifier))
        let presentRelationships = Set(relationships.map(\.identifier))
        var views = (kept?.views ?? []).map { ExchangeTreeFilter.view($0, elements: present, relationships: presentRelationships) }
        var processElements: [String: String] = [:]
        for (process, id) in processIDs { if let identifier = identifierOf[id] { processElements[process] = identifier } }
        let generated = ExchangeViews(model: model, language: document.language, documentLanguage: language)
            .views(for: document, processElements: processElements, identifiers: &identifiers)
        views += generated
        document.views = views

        // Organizations: the kept ones without what is gone, else cora's folders.
        let referable = present.union(presentRelationships).union(views.compactMap { $0[attribute: "identifier"] })
        if let keptOrganizations = kept?.organizations, !keptOrganizations.isEmpty {
            document.organizations = keptOrganizations.compactMap { ExchangeTreeFilter.organizations($0, referable: referable) }
        } else {
            let folders = ExchangeFolders(language: language, xmlLanguage: document.language)
                .organizations(model: model, processElements: processElements, views: generated)
            document.organizations = folders.children.isEmpty ? [] : [folders]
        }
        document.propertyDefinitions = definitions
        return document
    }

    /// The properties of the concept `id` written as `identifier`: its own, and `cora-id` when the
    /// identifier is not the id.
    mutating func properties(of id: String, identifier: String, _ propertiesOf: [String: [ArchiProperty]]) -> [ExchangeProperty] {
        var result: [ExchangeProperty] = []
        for property in propertiesOf[id] ?? [] {
            result.append(ExchangeProperty(definition: definition(for: property.key), value: property.value))
        }
        if !id.isEmpty && id != identifier {
            result.append(ExchangeProperty(definition: definition(for: ExchangeRetained.idProperty), value: id))
        }
        return result
    }

    /// The property `cora-specialization` for a specialization that is not empty.
    mutating func specialization(_ value: String?) -> [ExchangeProperty] {
        guard let value, !value.isEmpty else { return [] }
        return [ExchangeProperty(definition: definition(for: ExchangeRetained.specializationProperty), value: value)]
    }

    /// The property definition of `key`: the kept one of that name, else a new `propid-N`.
    mutating func definition(for key: String) -> String {
        if let known = definitionOf[key] { return known }
        var identifier = "propid-\(nextDefinition)"
        while identifiers.isTaken(identifier) {
            nextDefinition += 1
            identifier = "propid-\(nextDefinition)"
        }
        nextDefinition += 1
        identifiers.reserve(identifier)
        definitions.append(ExchangePropertyDefinition(identifier: identifier, name: key))
        definitionOf[key] = identifier
        return identifier
    }
}
