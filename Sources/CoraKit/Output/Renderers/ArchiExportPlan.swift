import CoraCSV

/// The work of one export: ids handed out, kept rows reused. Every step looks up by id, name or
/// relation end (never searches the model or the kept rows), so an export stays linear in the size
/// of the model however deep its chains are.
struct ArchiExportPlan {
    let model: ProcessModel
    let title: String?
    let retained: ArchiRetained
    var used = Set<String>()
    /// Per id base, the suffix from which ``newID(_:)`` looks for a free `base-N`.
    var nextSuffix: [String: Int] = [:]
    var processIDs: [String: String] = [:]
    var usedMapped: [Bool]
    /// The kept relations by their ends, and the kept process rows by id: looked up once per
    /// process and relation, so an export stays linear in the size of the model.
    let mappedByEnds: [String: [Int]]
    let processIdentities: [String: ArchiElement]

    init(model: ProcessModel, title: String?) {
        self.model = model
        self.title = title
        let retained = model.archi ?? ArchiRetained()
        self.retained = retained
        self.usedMapped = [Bool](repeating: false, count: retained.mappedRelations.count)
        var byEnds: [String: [Int]] = [:]
        for (index, relation) in retained.mappedRelations.enumerated() {
            byEnds[relation.source + "\u{1F}" + relation.target, default: []].append(index)
        }
        self.mappedByEnds = byEnds
        var identities: [String: ArchiElement] = [:]
        for element in retained.identities where ArchiConceptType.processTypes.contains(element.type) && identities[element.id] == nil {
            identities[element.id] = element
        }
        self.processIdentities = identities
    }

    /// The types of elements that process fields name.
    enum Role: CaseIterable {
        case function, service, event, application

        var types: Set<String> {
            switch self {
            case .function: return [ArchiConceptType.businessFunction]
            case .service: return [ArchiConceptType.businessService]
            case .event: return [ArchiConceptType.businessEvent]
            case .application: return [ArchiConceptType.applicationComponent, ArchiConceptType.applicationService]
            }
        }

        var exportType: String {
            switch self {
            case .function: return ArchiConceptType.businessFunction
            case .service: return ArchiConceptType.businessService
            case .event: return ArchiConceptType.businessEvent
            case .application: return ArchiConceptType.applicationComponent
            }
        }

        var idPrefix: String {
            switch self {
            case .function: return "function"
            case .service: return "service"
            case .event: return "event"
            case .application: return "application"
            }
        }

        func names(of process: CoraProcess) -> [String] {
            switch self {
            case .function: return process.function.isEmpty ? [] : [process.function]
            case .service: return process.services
            case .event: return process.events
            case .application: return process.applications
            }
        }
    }

    /// `base`, or `base-2`, `base-3`, …: the first not taken (as ``ProcessIdentifier/unique(_:avoiding:)``),
    /// counting on from where the last search for `base` stopped, since taken ids stay taken.
    mutating func newID(_ base: String) -> String {
        var id = base
        if used.contains(base) {
            var counter = nextSuffix[base] ?? 2
            while used.contains("\(base)-\(counter)") { counter += 1 }
            nextSuffix[base] = counter + 1
            id = "\(base)-\(counter)"
        }
        used.insert(id)
        return id
    }

    mutating func make() -> ArchiModel {
        // Ids already taken: the kept rows and the model row.
        if let id = retained.modelRow?.id, !id.isEmpty { used.insert(id) }
        for element in retained.elements where !element.id.isEmpty { used.insert(element.id) }
        for relation in retained.relations where !relation.id.isEmpty { used.insert(relation.id) }
        for process in model.processes {
            var base = process.id
            if !ArchiConceptType.isValidID(base) {
                base = ProcessIdentifier.derive(code: "", name: process.id) ?? ProcessIdentifier.derive(code: process.code, name: process.name) ?? "process"
            }
            if processIDs[process.id] == nil { processIDs[process.id] = newID(base) }
        }
        let processTypes = ArchiConceptType.processTypes
        for element in retained.identities where !processTypes.contains(element.type) && !element.id.isEmpty { used.insert(element.id) }
        for relation in retained.mappedRelations where !relation.id.isEmpty { used.insert(relation.id) }

        var elements: [ArchiElement] = []
        var modelRow = retained.modelRow ?? ArchiElement(id: "", type: ArchiConceptType.model, name: title ?? "Procesmodel")
        if modelRow.id.isEmpty && retained.modelRow == nil { modelRow.id = newID("model") }
        modelRow.location = nil
        elements.append(modelRow)

        // Processes.
        for process in model.processes {
            let identity = processIdentities[process.id]
            elements.append(ArchiElement(
                id: processIDs[process.id] ?? process.id, type: identity?.type ?? process.level?.archimateType ?? ArchiConceptType.businessProcess,
                name: process.name, documentation: process.description, specialization: identity?.specialization ?? ""))
        }

        // Functions, services, events, applications: the ones read from Archi, then one per new name.
        var roleIDs: [Role: [String: String]] = [:]
        for role in Role.allCases {
            var ids: [String: String] = [:]
            for element in retained.identities where role.types.contains(element.type) {
                elements.append(cleaned(element))
                if ids[element.name] == nil { ids[element.name] = element.id }
            }
            // The first kept element of the role by name, for names no identity has.
            var keptIDs: [String: String] = [:]
            for element in retained.elements where role.types.contains(element.type) && !element.id.isEmpty && keptIDs[element.name] == nil {
                keptIDs[element.name] = element.id
            }
            for process in model.processes {
                for name in role.names(of: process) where ids[name] == nil {
                    if let kept = keptIDs[name] {
                        ids[name] = kept
                        continue
                    }
                    let slug = ProcessIdentifier.slug(name).lowercased()
                    let id = newID(slug.isEmpty ? role.idPrefix : role.idPrefix + "-" + slug)
                    elements.append(ArchiElement(id: id, type: role.exportType, name: name))
                    ids[name] = id
                }
            }
            roleIDs[role] = ids
        }

        // Requirements: the ones read from Archi (by their tag), then one per new tag.
        let catalog = model.requirementCatalog
        var requirementIDs: [String: String] = [:]
        /// Every element read for a tag (two elements may stand for one tag: `AVG` and `Privacy`).
        var requirementElements: [String: [String]] = [:]
        var newRequirements: [(id: String, tag: String)] = []
        var propertiesByOwner: [String: [ArchiProperty]] = [:]
        for property in retained.properties { propertiesByOwner[property.id, default: []].append(property) }
        for element in retained.identities where element.type == ArchiConceptType.requirement {
            elements.append(cleaned(element))
            let tag = ArchiRequirement.tag(of: element, properties: propertiesByOwner[element.id] ?? []) { catalog.lookUp($0).foundValue }
            if requirementIDs[tag] == nil { requirementIDs[tag] = element.id }
            requirementElements[tag, default: []].append(element.id)
        }
        for process in model.processes {
            for tag in process.requirements where requirementIDs[tag] == nil {
                let slug = ProcessIdentifier.slug(tag).lowercased()
                let id = newID(slug.isEmpty ? "requirement" : "requirement-" + slug)
                elements.append(ArchiElement(id: id, type: ArchiConceptType.requirement, name: DocumentLanguage.nl.requirement(tag, in: catalog)))
                requirementIDs[tag] = id
                newRequirements.append((id, tag))
            }
        }

        // Category groupings: for processes at the top, or whose category differs from their parent's.
        // The category of each process by id (the first of an id, as ProcessModel.process(withID:) finds).
        var categoryByID: [String: ProcessCategory?] = [:]
        for process in model.processes where categoryByID[process.id] == nil { categoryByID[process.id] = .some(process.category) }
        var members: [(process: CoraProcess, category: ProcessCategory)] = []
        for process in model.processes {
            guard let category = process.category else { continue }
            let parentCategory = process.parent.isEmpty || process.parent == process.id ? nil : categoryByID[process.parent]
            if parentCategory == nil || parentCategory! != category { members.append((process, category)) }
        }
        var groupingIDs: [ProcessCategory: String] = [:]
        for element in retained.identities where element.type == ArchiConceptType.grouping {
            elements.append(cleaned(element))
            if let category = Self.category(ofGrouping: element.name), groupingIDs[category] == nil { groupingIDs[category] = element.id }
        }
        for element in retained.elements where element.type == ArchiConceptType.grouping && !element.id.isEmpty {
            if let category = Self.category(ofGrouping: element.name), groupingIDs[category] == nil { groupingIDs[category] = element.id }
        }
        for category in ProcessCategory.allCases where groupingIDs[category] == nil && members.contains(where: { $0.category == category }) {
            let id = newID("grouping-" + category.rawValue)
            elements.append(ArchiElement(id: id, type: ArchiConceptType.grouping, name: ArchiExportRenderer.groupingName(of: category)))
            groupingIDs[category] = id
        }

        // The kept elements.
        elements.append(contentsOf: retained.elements.map(cleaned))

        // Relations per process.
        var relations: [ArchiRelation] = []
        let memberCategory = Dictionary(members.map { ($0.process.id, $0.category) }, uniquingKeysWith: { first, _ in first })
        for process in model.processes {
            guard let id = processIDs[process.id] else { continue }
            if let category = memberCategory[process.id], let grouping = groupingIDs[category] {
                relations.append(relation(.category, from: grouping, to: id))
            }
            if process.parent != process.id, let parent = processIDs[process.parent] {
                relations.append(relation(.parent, from: parent, to: id))
            }
            if !process.function.isEmpty, let function = roleIDs[.function]?[process.function] {
                relations.append(relation(.function, from: function, to: id))
            }
            for service in process.services {
                if let target = roleIDs[.service]?[service] { relations.append(relation(.service, from: id, to: target)) }
            }
            for event in process.events {
                if let source = roleIDs[.event]?[event] { relations.append(relation(.event, from: source, to: id)) }
            }
            for application in process.applications {
                if let source = roleIDs[.application]?[application] { relations.append(relation(.application, from: source, to: id)) }
            }
            for next in process.next {
                if let target = processIDs[next] { relations.append(relation(.next, from: id, to: target)) }
            }
            for tag in process.requirements {
                // The element this process was related to when read, else the tag's first.
                let read = requirementElements[tag]?.first { mappedByEnds[id + "\u{1F}" + $0] != nil }
                if let target = read ?? requirementIDs[tag] { relations.append(relation(.requirement, from: id, to: target)) }
            }
            for steered in process.steers {
                if let target = processIDs[steered] { relations.append(relation(.steers, from: id, to: target)) }
            }
            for receiver in process.reportsTo {
                if let target = processIDs[receiver] { relations.append(relation(.reportsTo, from: id, to: target)) }
            }
        }

        // The kept relations whose ends are written (relations on relations included): an end is an
        // element, a relation of the processes or a kept relation still written. A kept relation is
        // checked once, and again only when the last concept with the id of one of its ends goes.
        let elementIDs = Set(elements.map(\.id).filter { !$0.isEmpty })
        var kept = retained.relations.map(cleaned)
        var ends: [String: Int] = [:]
        for id in elementIDs { ends[id, default: 0] += 1 }
        for relation in relations { ends[relation.id, default: 0] += 1 }
        for relation in kept where !relation.id.isEmpty { ends[relation.id, default: 0] += 1 }
        var onEnd: [String: [Int]] = [:]
        for (index, relation) in kept.enumerated() {
            onEnd[relation.source, default: []].append(index)
            if relation.target != relation.source { onEnd[relation.target, default: []].append(index) }
        }
        var leftOut = [Bool](repeating: false, count: kept.count)
        var toCheck = Array(kept.indices.reversed())
        while let index = toCheck.popLast() {
            guard !leftOut[index] else { continue }
            let relation = kept[index]
            if ends[relation.source, default: 0] > 0 && ends[relation.target, default: 0] > 0 { continue }
            leftOut[index] = true
            guard !relation.id.isEmpty else { continue }
            ends[relation.id, default: 0] -= 1
            if ends[relation.id] == 0 { toCheck.append(contentsOf: (onEnd[relation.id] ?? []).filter { !leftOut[$0] }) }
        }
        kept = kept.indices.filter { !leftOut[$0] }.map { kept[$0] }
        relations.append(contentsOf: kept)

        // Properties: the kept ones whose concept is written, then the processes'.
        var owners = Set(relations.map(\.id)).union(elementIDs)
        if !modelRow.id.isEmpty { owners.insert(modelRow.id) }
        var properties = retained.properties.filter { owners.contains($0.id) }.map { property -> ArchiProperty in
            var copy = property
            copy.location = nil
            return copy
        }
        for (id, tag) in newRequirements { properties += ArchiRequirement.properties(of: id, tag: tag, catalog: catalog) }
        for process in model.processes {
            guard let id = processIDs[process.id] else { continue }
            func add(_ field: ArchiPropertyKey, _ value: String) {
                if !value.isEmpty { properties.append(ArchiProperty(id: id, key: field.exportKey, value: value)) }
            }
            // A process without a level says so with an empty level: the import would otherwise work
            // one out from the nesting (a business process at the top, say) and find the nesting wrong.
            properties.append(ArchiProperty(id: id, key: ArchiPropertyKey.level.exportKey,
                                            value: process.level.map(ArchiPropertyKey.value(of:)) ?? ""))
            add(.code, process.code)
            add(.owner, process.owner)
            add(.status, process.status)
            add(.order, process.order.map(String.init) ?? "")
            for next in process.next where processIDs[next] == nil { add(.next, next) }
            for steered in process.steers where processIDs[steered] == nil { add(.steers, steered) }
            for receiver in process.reportsTo where processIDs[receiver] == nil { add(.reportsTo, receiver) }
            add(.pdcaPhase, process.pdcaPhase?.rawValue ?? "")
            for property in process.properties {
                properties.append(ArchiProperty(id: id, key: ArchiPropertyKey.exportKey(ofProperty: property.name), value: property.value))
            }
        }
        return ArchiModel(elements: elements, relations: relations, properties: properties)
    }

    /// A relation of `kind`: the one read from Archi between the same two concepts if there is one
    /// (its id, name and documentation kept), else a new one.
    mutating func relation(_ kind: ArchiProcessRelation, from source: String, to target: String) -> ArchiRelation {
        if let index = mappedByEnds[source + "\u{1F}" + target]?.first(where: { index in
            let row = retained.mappedRelations[index]
            // A Flow between processes is next, steers or reports-to by its name.
            return !usedMapped[index] && kind.acceptedTypes.contains(row.type)
                && (row.type != ArchiConceptType.flow || ArchiProcessRelation.kind(ofFlowNamed: row.name) == kind)
        }) {
            usedMapped[index] = true
            var row = cleaned(retained.mappedRelations[index])
            if !kind.reusableTypes.contains(row.type) { row.type = kind.exportType }
            return row
        }
        let word = kind.exportType.replacingOccurrences(of: "Relationship", with: "").lowercased()
        var row = ArchiRelation(id: newID("\(word)-\(source)-\(target)"), type: kind.exportType, source: source, target: target)
        row.name = kind.exportName
        return row
    }

    func cleaned(_ element: ArchiElement) -> ArchiElement {
        var copy = element
        copy.location = nil
        return copy
    }

    func cleaned(_ relation: ArchiRelation) -> ArchiRelation {
        var copy = relation
        copy.location = nil
        return copy
    }

    static func category(ofGrouping name: String) -> ProcessCategory? {
        if case .found(let category) = Vocabulary<ProcessCategory>.categories.lookUp(name) { return category }
        return nil
    }
}
