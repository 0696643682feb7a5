import CoraCSV

/// An exchange document as the rows of an Archi set (``ArchiModel``), which ``ArchiImport`` turns
/// into processes the same way as a CSV set, and what the exchange format has besides
/// (``ExchangeRetained``).
///
/// - The model becomes the model row; each element an element row (`AndJunction` → `Junction`),
///   each relationship a relation row (`Composition` → `CompositionRelationship`), each property a
///   property row whose key is its definition's name.
/// - An element or relationship with the property `cora-id` (written by cora for an id that is no
///   `xs:ID`) gets that id back, when it is a valid id that no other concept has; the property
///   itself is not kept, and the identifier is remembered for the next write.
/// - The property `cora-specialization` is the concept's specialization again.
/// - The rows carry the document's lines, so that diagnostics and rejected rows name them; a
///   rejected element or relationship is written as a row of ``rejectsHeader``.
struct ExchangeArchiRows {
    /// The columns of the rejected rows of an exchange document: those of Archi's `relations.csv`
    /// (an element's Source and Target empty).
    static let rejectsHeader = ArchiTable.relations.header

    /// The rows.
    var model: ArchiModel
    /// The row of every element and relationship by its location (for rows rejected later).
    var records: [SourceLocation: CSVRecord]
    /// What the exchange format has besides.
    var kept: ExchangeRetained

    init(_ document: ExchangeDocument, file: String) {
        let definitionNames = Dictionary(document.propertyDefinitions.map { ($0.identifier, $0.name) }, uniquingKeysWith: { first, _ in first })
        let idDefinitions = Set(document.propertyDefinitions.filter { $0.name == ExchangeRetained.idProperty }.map(\.identifier))
        let specializationDefinitions = Set(document.propertyDefinitions.filter { $0.name == ExchangeRetained.specializationProperty }.map(\.identifier))
        let concepts = document.elements + document.relationships

        // Ids mapped back by cora-id: each concept's id is its cora-id when that is a valid id and
        // no other concept ends up with the same id (its identifier or its cora-id); a clash keeps
        // the identifiers of the concepts involved.
        var idOf: [String: String] = [:]
        for concept in concepts {
            guard let value = concept.properties.first(where: { idDefinitions.contains($0.definition) })?.value,
                  value != concept.identifier, ArchiConceptType.isValidID(value) else { continue }
            idOf[concept.identifier] = value
        }
        // Settled by a work list: a concept that gives up its cora-id takes back its identifier,
        // which may clash in turn with another's cora-id; each id is looked at again only then, so
        // a chain of clashes costs one step per link, not one pass over the document per link.
        var owners: [String: Int] = [document.identifier: 1]
        for concept in concepts { owners[idOf[concept.identifier] ?? concept.identifier, default: 0] += 1 }
        var claimants: [String: [String]] = [:]
        for concept in concepts { if let value = idOf[concept.identifier] { claimants[value, default: []].append(concept.identifier) } }
        var toCheck = Array(claimants.keys)
        while let value = toCheck.popLast() {
            guard owners[value, default: 0] > 1 else { continue }
            for identifier in claimants[value] ?? [] where idOf[identifier] == value {
                idOf[identifier] = nil
                owners[value, default: 0] -= 1
                owners[identifier, default: 0] += 1
                if claimants[identifier] != nil { toCheck.append(identifier) }
            }
        }
        var identifiers: [String: String] = [:]
        for (identifier, value) in idOf { identifiers[value] = identifier }
        func id(_ identifier: String) -> String { idOf[identifier] ?? identifier }

        var elements = [ArchiElement(id: document.identifier, type: ArchiConceptType.model, name: document.name,
                                     documentation: document.documentation)]
        var relations: [ArchiRelation] = []
        var properties = document.properties.map {
            ArchiProperty(id: document.identifier, key: definitionNames[$0.definition] ?? $0.definition, value: $0.value)
        }
        var records: [SourceLocation: CSVRecord] = [:]
        var attributes: [String: [XMLAttribute]] = [:]
        for (number, concept) in concepts.enumerated() {
            let line = concept.line ?? 0
            let specialization = concept.properties.first { specializationDefinitions.contains($0.definition) }?.value ?? ""
            let location = SourceLocation(file: file, line: line, record: number + 1)
            let conceptID = id(concept.identifier)
            if let source = concept.source, let target = concept.target {
                let relation = ArchiRelation(
                    id: conceptID, type: ExchangeConceptTypes.archiRelationshipType(concept.type), name: concept.name,
                    documentation: concept.documentation, source: id(source), target: id(target), specialization: specialization,
                    location: location)
                relations.append(relation)
                records[location] = CSVRecord(fields: [relation.id, relation.type, relation.name, relation.documentation,
                                                       relation.source, relation.target, specialization], line: line, number: number + 1)
                if !concept.attributes.isEmpty { attributes[conceptID] = concept.attributes }
            } else {
                let element = ArchiElement(id: conceptID, type: ExchangeConceptTypes.archiElementType(concept.type), name: concept.name,
                                           documentation: concept.documentation, specialization: specialization, location: location)
                elements.append(element)
                records[location] = CSVRecord(fields: [element.id, element.type, element.name, element.documentation, "", "", specialization],
                                              line: line, number: number + 1)
            }
            for property in concept.properties where (!idDefinitions.contains(property.definition) || idOf[concept.identifier] == nil)
                && !specializationDefinitions.contains(property.definition) {
                properties.append(ArchiProperty(id: conceptID, key: definitionNames[property.definition] ?? property.definition,
                                                value: property.value, location: location))
            }
        }
        self.model = ArchiModel(elements: elements, relations: relations, properties: properties)
        self.records = records
        self.kept = ExchangeRetained(
            identifier: document.identifier, version: document.version, language: document.language, metadata: document.metadata,
            organizations: document.organizations,
            views: document.views.filter { !($0[attribute: "identifier"] ?? "").hasPrefix(ExchangeRetained.generatedViewPrefix) },
            viewpoints: document.viewpoints, propertyDefinitions: document.propertyDefinitions, identifiers: identifiers,
            relationshipAttributes: attributes)
    }
}
