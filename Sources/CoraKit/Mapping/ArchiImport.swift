/// Turns an Archi CSV set into the canonical process model.
///
/// - **Processes**: every `BusinessProcess` and `BusinessInteraction` element, in file order; the
///   element's id is the process id (an element without an id gets one derived from its code or
///   name), its name the name, its documentation the description.
/// - **Parent**: the source of an Aggregation or Composition from another process. A second such
///   relation is a warning (`archi-two-parents`) and is kept as it is.
/// - **Level**: the property `CORA-concepttype` (see ``ArchiPropertyKey``), else from the nesting:
///   a `BusinessInteraction` is a process chain (a steering scenario when it holds another
///   interaction); a `BusinessProcess` at the top or under an interaction is a business process,
///   under a business process a work process, below that a process step.
/// - **Category**: the property `Categorie`, else membership of a `Grouping` named for a category
///   (any spelling CORA uses: "Sturende processen", "Primair", "Ondersteunende processen", …) that
///   aggregates or composes the process, else the category of the nearest ancestor that has one.
/// - **Function**: the name of a `BusinessFunction` that aggregates, composes or is assigned to the
///   process (a second one is a warning, `archi-several-functions`, and is kept as it is).
/// - **Services**: the names of the `BusinessService`s the process realizes.
/// - **Events**: the names of the `BusinessEvent`s that trigger the process.
/// - **Applications**: the names of the `ApplicationComponent`s and `ApplicationService`s serving it.
/// - **Next**: the processes it triggers or flows to.
/// - **Requirements**: the `Requirement`s the process realizes (``ArchiRequirement``): the tag in the
///   requirement's property `Tag`, else the tag its name stands for, else the name as written. A
///   second Realization to the same tag, and any other relation to a Requirement, is kept as it is.
/// - **Steers, reports-to**: Flow relations between processes named `stuurt` or `rapporteert aan`
///   (``ArchiProcessRelation/kind(ofFlowNamed:)``); the properties `Stuurt` and `Rapporteert aan`
///   name processes that are not in the model.
/// - **PDCA phase**: the property `PDCA-fase`.
/// - **Code, owner, status, order**: the properties `Code`, `Eigenaar`, `Status`, `Volgorde`;
///   every other property of the process is one of its properties.
///
/// Everything else (the model row, other elements, relations and properties) is kept in
/// ``ProcessModel/archi`` unchanged and in order.
///
/// This is the mapping stage for Archi sets: the processes go into a ``ModelBuilder`` like the rows
/// of a table, and from there through the same stages (ids, cycles, levels and categories from the
/// nesting, the validation rules, leaving out what has errors with its descendants).
public struct ArchiImport: Sendable {
    /// The level words understood in `CORA-concepttype`.
    public var levels: Vocabulary<ProcessLevel>
    /// The category words understood in grouping names and `Categorie`.
    public var categories: Vocabulary<ProcessCategory>

    /// Creates an import.
    public init(levels: Vocabulary<ProcessLevel> = .levels, categories: Vocabulary<ProcessCategory> = .categories) {
        self.levels = levels
        self.categories = categories
    }

    /// The builder settings for Archi sets: invalid processes kept or not, categories inherited
    /// down the nesting, `next` references by id (they are relation ends).
    public static func builderSettings(keepInvalid: Bool) -> ModelBuilder.Settings {
        var settings = ModelBuilder.Settings()
        settings.keepInvalid = keepInvalid
        settings.hierarchy.inheritCategory = true
        settings.nextMatch = .id
        settings.steersMatch = .id
        settings.reportsToMatch = .id
        return settings
    }

    /// The columns of elements.csv that process fields come from: ID, Name, Documentation.
    static let elementColumns: FieldColumns = {
        var columns = FieldColumns(names: ArchiTable.elements.header)
        columns.setPosition(0, of: .id)
        columns.setPosition(2, of: .name)
        columns.setPosition(3, of: .description)
        return columns
    }()

    /// A process element on its way into the builder.
    private struct Candidate {
        var element: ArchiElement
        var level: ProcessLevel?
        /// The level property is there and empty: the level is not known, and not worked out from the nesting.
        var levelUnknown = false
        var category: ProcessCategory?
        var grouping: (category: ProcessCategory, relation: ArchiRelation)?
        var parent: Int?
        var parentRelation: ArchiRelation?
        var function = ""
        var functionRelation: ArchiRelation?
        var services: [String] = []
        var events: [String] = []
        var applications: [String] = []
        var next: [Int] = []
        /// Following processes named by a property, not by a relation: references to no process in the model.
        var unresolvedNext: [(reference: String, property: ArchiProperty)] = []
        var code = ""
        var owner = ""
        var status = ""
        var order: Int?
        var requirements: [String] = []
        var steers: [Int] = []
        var reportsTo: [Int] = []
        /// `Stuurt` and `Rapporteert aan` properties: references to no process of the model, kept as written.
        var keptSteers: [String] = []
        var keptReportsTo: [String] = []
        var pdcaPhase: PDCAPhase?
        var properties: [Property] = []
    }

    /// What an import keeps of a set besides its processes, to be completed once the model is built.
    public struct Retained: Sendable {
        var content: ArchiRetained
        /// The relation rows left out while mapping (a process part of itself).
        public var rejected: [SourceLocation]

        /// The content to keep, without the relations the builder cut to break a cycle.
        public func content(cutting cut: [SourceLocation]) -> ArchiRetained {
            guard !cut.isEmpty else { return content }
            var content = content
            let cutSet = Set(cut)
            content.mappedRelations.removeAll { $0.location.map(cutSet.contains) ?? false }
            return content
        }
    }

    /// The category a grouping's name stands for, if it is a category word.
    public func category(ofGroupingNamed name: String) -> ProcessCategory? {
        if case .found(let category) = categories.lookUp(name) { return category }
        return nil
    }

    /// Adds the processes of `archi` to `builder`, after those added before; findings of the
    /// mapping (two parents, an unknown level property, …) go to `sink`. Returns what the set keeps
    /// besides its processes.
    public func add(_ archi: ArchiModel, to builder: inout ModelBuilder, sink: inout DiagnosticSink) -> Retained {
        let concepts = archi.concepts
        var elementIndex: [String: Int] = [:]
        for (position, element) in concepts.enumerated() where !element.id.isEmpty && elementIndex[element.id] == nil {
            elementIndex[element.id] = position
        }
        var candidates: [Candidate] = []
        var candidateIndex: [String: Int] = [:]
        for element in concepts where ArchiConceptType.processTypes.contains(element.type) {
            if !element.id.isEmpty { candidateIndex[element.id] = candidates.count }
            candidates.append(Candidate(element: element))
        }
        var propertiesByOwner: [String: [ArchiProperty]] = [:]
        for property in archi.properties { propertiesByOwner[property.id, default: []].append(property) }

        // Properties of processes: fields first, the rest are the process's properties.
        for index in candidates.indices where !candidates[index].element.id.isEmpty {
            readProperties(propertiesByOwner[candidates[index].element.id] ?? [], into: &candidates[index], sink: &sink)
        }

        // Relations: the ones that carry a process field, the rest kept.
        var mappedRelations: [ArchiRelation] = []
        var keptRelations: [ArchiRelation] = []
        var rejected: [SourceLocation] = []
        var namedElements = Set<String>()
        var ownTags: [RequirementTag] = []
        /// The own tags by their label's match key, and by the tag itself.
        var ownLabels: [String: String] = [:]
        for relation in archi.relations {
            let sourceProcess = candidateIndex[relation.source], targetProcess = candidateIndex[relation.target]
            let sourceElement = elementIndex[relation.source].map { concepts[$0] }
            let targetElement = elementIndex[relation.target].map { concepts[$0] }
            var kind: ArchiProcessRelation?
            func accepts(_ candidate: ArchiProcessRelation) -> Bool { candidate.acceptedTypes.contains(relation.type) }
            if let sourceProcess, let targetProcess {
                if accepts(.parent) {
                    if let first = candidates[targetProcess].parentRelation {
                        report(.archiTwoParents,
                               "the process \"\(candidates[targetProcess].element.name)\" is already part of \"\(name(of: first.source, in: concepts, elementIndex))\" (line \(first.location?.line ?? 0)); this relation is kept as it is",
                               relation, value: relation.source,
                               hint: "the model has one parent per process; the first relation is the parent", sink: &sink)
                    } else if sourceProcess == targetProcess {
                        report(.parentCycle, "the process \"\(candidates[targetProcess].element.name)\" is part of itself",
                               relation, value: relation.source, hint: "remove the relation", sink: &sink)
                        if let location = relation.location { rejected.append(location) }
                        continue
                    } else {
                        candidates[targetProcess].parent = sourceProcess
                        candidates[targetProcess].parentRelation = relation
                        kind = .parent
                    }
                } else if relation.type == ArchiConceptType.flow, ArchiProcessRelation.kind(ofFlowNamed: relation.name) == .steers {
                    // A second relation between the same two says nothing new: it is kept as it is.
                    if !candidates[sourceProcess].steers.contains(targetProcess) {
                        candidates[sourceProcess].steers.append(targetProcess)
                        kind = .steers
                    }
                } else if relation.type == ArchiConceptType.flow, ArchiProcessRelation.kind(ofFlowNamed: relation.name) == .reportsTo {
                    if !candidates[sourceProcess].reportsTo.contains(targetProcess) {
                        candidates[sourceProcess].reportsTo.append(targetProcess)
                        kind = .reportsTo
                    }
                } else if accepts(.next) {
                    candidates[sourceProcess].next.append(targetProcess)
                    kind = .next
                }
            } else if let targetProcess, let source = sourceElement {
                if source.type == ArchiConceptType.grouping, accepts(.category), let category = category(ofGroupingNamed: source.name) {
                    if let first = candidates[targetProcess].grouping {
                        if first.category != category {
                            report(.categoryMismatch,
                                   "the process \"\(candidates[targetProcess].element.name)\" is also in the grouping of \(first.category.rawValue) processes (line \(first.relation.location?.line ?? 0)); that one gives its category",
                                   relation, value: source.name, hint: "a process belongs to one category", sink: &sink)
                        }
                    } else {
                        candidates[targetProcess].grouping = (category, relation)
                        kind = .category
                    }
                } else if source.type == ArchiConceptType.businessFunction, accepts(.function) {
                    if let first = candidates[targetProcess].functionRelation {
                        report(.archiSeveralFunctions,
                               "the process \"\(candidates[targetProcess].element.name)\" is already under the function \"\(name(of: first.source, in: concepts, elementIndex))\" (line \(first.location?.line ?? 0)); this relation is kept as it is",
                               relation, value: relation.source,
                               hint: "CORA puts a work process under exactly one bedrijfsfunctie", sink: &sink)
                    } else {
                        candidates[targetProcess].function = source.name
                        candidates[targetProcess].functionRelation = relation
                        kind = .function
                    }
                } else if source.type == ArchiConceptType.businessEvent, accepts(.event) {
                    candidates[targetProcess].events.append(source.name)
                    kind = .event
                } else if source.type == ArchiConceptType.applicationComponent || source.type == ArchiConceptType.applicationService,
                          accepts(.application) {
                    candidates[targetProcess].applications.append(source.name)
                    kind = .application
                }
                if kind != nil { namedElements.insert(relation.source) }
            } else if let sourceProcess, let target = targetElement, target.type == ArchiConceptType.businessService, accepts(.service) {
                candidates[sourceProcess].services.append(target.name)
                kind = .service
                namedElements.insert(relation.target)
            } else if let sourceProcess, let target = targetElement, target.type == ArchiConceptType.requirement, accepts(.requirement) {
                let tag = requirementTag(of: target, properties: propertiesByOwner[target.id] ?? [], own: &ownTags, ownLabels: &ownLabels)
                // A second requirement element of the same tag (AVG and Privacy both) is kept as it is, with its relation.
                if !candidates[sourceProcess].requirements.contains(tag) {
                    candidates[sourceProcess].requirements.append(tag)
                    kind = .requirement
                    namedElements.insert(relation.target)
                }
            }
            if kind != nil { mappedRelations.append(relation) } else { keptRelations.append(relation) }
        }
        for candidate in candidates {
            for (reference, property) in candidate.unresolvedNext {
                report(.unknownNext, "the next process \"\(reference)\" matches no process in the model; kept as written",
                       property, hint: "a following process in the model is a triggering or flow relation", sink: &sink)
            }
        }

        // Into the builder: an interaction holding an interaction is a steering scenario, another
        // one a process chain; a process without a level takes one from the nesting there.
        var holdsInteraction = Set<Int>()
        for candidate in candidates where candidate.element.type == ArchiConceptType.businessInteraction {
            if let parent = candidate.parent, candidates[parent].element.type == ArchiConceptType.businessInteraction {
                holdsInteraction.insert(parent)
            }
        }
        let offset = builder.count
        for (index, candidate) in candidates.enumerated() {
            var level = candidate.level
            let isInteraction = candidate.element.type == ArchiConceptType.businessInteraction
            if level == nil, !candidate.levelUnknown, isInteraction {
                level = holdsInteraction.contains(index) ? .steeringScenario : .processChain
            }
            let process = CoraProcess(
                id: candidate.element.id, code: candidate.code, name: candidate.element.name, level: level,
                category: candidate.category ?? candidate.grouping?.category, order: candidate.order, owner: candidate.owner,
                function: candidate.function, services: candidate.services, events: candidate.events,
                applications: candidate.applications, next: candidate.next.map { candidates[$0].element.id }, status: candidate.status,
                description: candidate.element.documentation, requirements: candidate.requirements,
                steers: candidate.steers.map { candidates[$0].element.id } + candidate.keptSteers,
                reportsTo: candidate.reportsTo.map { candidates[$0].element.id } + candidate.keptReportsTo,
                pdcaPhase: candidate.pdcaPhase, properties: candidate.properties, source: candidate.element.location)
            var parent = ModelBuilder.ParentLink.none
            if let position = candidate.parent {
                let relation = candidate.parentRelation.flatMap { relation in
                    relation.location.map { ModelBuilder.RelationTrace(location: $0, column: .init(name: "Source", index: 5), value: relation.source) }
                }
                parent = .position(offset + position, relation: relation)
            }
            builder.add(process, origin: .element, parent: parent, idWasGiven: !candidate.element.id.isEmpty,
                        levelFromParent: level == nil && !candidate.levelUnknown && !isInteraction, columns: Self.elementColumns,
                        keptNext: candidate.unresolvedNext.map(\.reference))
        }

        builder.defineRequirementTags(ownTags)
        let processElementIDs = Set(candidates.map(\.element.id).filter { !$0.isEmpty })
        let content = ArchiRetained(
            modelRow: archi.modelRow,
            elements: concepts.filter { !ArchiConceptType.processTypes.contains($0.type) && !namedElements.contains($0.id) },
            relations: keptRelations,
            properties: archi.properties.filter { !processElementIDs.contains($0.id) },
            identities: concepts.filter { ArchiConceptType.processTypes.contains($0.type) || namedElements.contains($0.id) },
            mappedRelations: mappedRelations)
        return Retained(content: content, rejected: rejected)
    }

    // MARK: Steps

    private func readProperties(_ properties: [ArchiProperty], into candidate: inout Candidate, sink: inout DiagnosticSink) {
        var filled = Set<ArchiPropertyKey>()
        for property in properties {
            let value = property.value
            if let name = ArchiPropertyKey.propertyName(inKey: property.key) {
                // A process property whose name reads as a field key, written so by an export.
                candidate.properties.append(Property(name: name, value: value))
                continue
            }
            if ArchiPropertyKey.field(forKey: property.key) == .level, !filled.contains(.level), value.trimmingWhitespace().isEmpty {
                candidate.levelUnknown = true
                filled.insert(.level)
                continue
            }
            if let field = ArchiPropertyKey.field(forKey: property.key), !filled.contains(field), !value.isEmpty {
                var used = true
                switch field {
                case .level:
                    if case .found(let level) = levels.lookUp(value) {
                        candidate.level = level
                    } else {
                        used = false
                        report(.unknownLevel,
                               "unknown level \"\(value)\" in the property \"\(property.key)\"; the level comes from the nesting and the property is kept",
                               property, hint: "accepted: \(ProcessLevel.allCases.map { ArchiPropertyKey.value(of: $0) }.joined(separator: ", "))",
                               sink: &sink)
                    }
                case .category:
                    if case .found(let category) = categories.lookUp(value) {
                        candidate.category = category
                    } else {
                        used = false
                        report(.unknownCategory,
                               "unknown category \"\(value)\" in the property \"\(property.key)\"; the category comes from the groupings and the property is kept",
                               property, hint: "accepted: sturend, primair, ondersteunend and their other spellings", sink: &sink)
                    }
                case .order:
                    if let order = Int(value.trimmingWhitespace()), order >= 0 {
                        candidate.order = order
                    } else {
                        used = false
                        report(.invalidOrder, "the order \"\(value)\" in the property \"\(property.key)\" is not a whole number; the property is kept",
                               property, hint: "a position among the siblings: 1, 2, 3, …", sink: &sink)
                    }
                case .next:
                    candidate.unresolvedNext.append((value, property))
                    continue  // each property is one reference: the field is never filled
                case .steers:
                    candidate.keptSteers.append(value)
                    continue
                case .reportsTo:
                    candidate.keptReportsTo.append(value)
                    continue
                case .pdcaPhase:
                    if case .found(let phase) = Vocabulary.pdcaPhases.lookUp(value) {
                        candidate.pdcaPhase = phase
                    } else {
                        used = false
                        report(.unknownPDCAPhase, "unknown PDCA phase \"\(value)\" in the property \"\(property.key)\"; the property is kept",
                               property, hint: "accepted: \(PDCAPhase.canonicalValues.joined(separator: ", "))", sink: &sink)
                    }
                case .code: candidate.code = value
                case .owner: candidate.owner = value
                case .status: candidate.status = value
                }
                if used {
                    filled.insert(field)
                    continue
                }
            }
            candidate.properties.append(Property(name: property.key, value: value))
        }
    }

    /// The tag a Requirement element stands for (``ArchiRequirement/tag(of:properties:tagNamed:)``:
    /// its `Tag` property, else the tag its name stands for among CORA's and the own ones read so
    /// far, else its name). A `Tag` that is none of CORA's becomes one of the model's own, labelled
    /// with the element's name, grouped by its `Groep` and with its `Label-en`.
    private func requirementTag(of element: ArchiElement, properties: [ArchiProperty], own: inout [RequirementTag],
                                ownLabels: inout [String: String]) -> String {
        let labels = ownLabels
        let tag = ArchiRequirement.tag(of: element, properties: properties) { name in
            RequirementCatalog.cora.lookUp(name).foundValue ?? labels[TextNormalization.matchKey(name)]
        }
        guard ArchiRequirement.value(ArchiRequirement.tagKey, in: properties) == tag, RequirementCatalog.cora.tag(tag) == nil,
              ownLabels[tag] == nil, RequirementTag.isValidTag(tag) else { return tag }
        let group = ArchiRequirement.value(ArchiRequirement.groupKey, in: properties).flatMap(RequirementGroup.init(rawValue:)) ?? .own
        let dutch = element.name.trimmingWhitespace().isEmpty ? tag : element.name
        own.append(RequirementTag(tag: tag, group: group, dutchLabel: dutch,
                                  englishLabel: ArchiRequirement.value(ArchiRequirement.englishLabelKey, in: properties) ?? dutch))
        ownLabels[tag] = tag
        let label = TextNormalization.matchKey(element.name)
        if !label.isEmpty && ownLabels[label] == nil { ownLabels[label] = tag }
        return tag
    }

    // MARK: Findings

    private func name(of id: String, in concepts: [ArchiElement], _ index: [String: Int]) -> String {
        index[id].map { concepts[$0].name } ?? id
    }

    /// A finding about a relation row, at its Source column.
    private func report(_ code: DiagnosticCode, _ message: String, _ relation: ArchiRelation, value: String, hint: String,
                        sink: inout DiagnosticSink) {
        let location = relation.location
        sink.report(Diagnostic(
            code, message, file: location?.file ?? "", line: location?.line, record: location?.record,
            column: .init(name: "Source", index: 5), value: value, hint: hint))
    }

    /// A finding about a property row, at its Value column; a warning: the property is kept.
    private func report(_ code: DiagnosticCode, _ message: String, _ property: ArchiProperty, hint: String, sink: inout DiagnosticSink) {
        let location = property.location
        sink.report(Diagnostic(
            code, message, severity: .warning, file: location?.file ?? "", line: location?.line, record: location?.record,
            column: .init(name: "Value", index: 3), value: property.value, hint: hint))
    }
}
