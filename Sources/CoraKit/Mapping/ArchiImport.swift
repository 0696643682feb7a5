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
/// - **Code, owner, status, order**: the properties `Code`, `Eigenaar`, `Status`, `Volgorde`;
///   every other property of the process is one of its properties.
///
/// Everything else (the model row, other elements, relations and properties) is kept in
/// ``ProcessModel/archi`` unchanged and in order. The model rules (nesting, categories, functions)
/// run as for any input; a process with an error is left out with its descendants unless
/// ``keepInvalid``.
public struct ArchiImport: Sendable {
    /// Whether processes with errors are kept.
    public var keepInvalid: Bool
    /// Whether warnings count as errors (a process with a warning from the model rules is left out).
    public var strict: Bool
    /// The level words understood in `CORA-concepttype`.
    public var levels: Vocabulary<ProcessLevel>
    /// The category words understood in grouping names and `Categorie`.
    public var categories: Vocabulary<ProcessCategory>

    /// Creates an import.
    public init(keepInvalid: Bool = false, strict: Bool = false, levels: Vocabulary<ProcessLevel> = .levels,
                categories: Vocabulary<ProcessCategory> = .categories) {
        self.keepInvalid = keepInvalid
        self.strict = strict
        self.levels = levels
        self.categories = categories
    }

    /// A process on its way into the model.
    private struct Candidate {
        var element: ArchiElement
        var id = ""
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
        var properties: [Property] = []
    }

    /// The category a grouping's name stands for, if it is a category word.
    public func category(ofGroupingNamed name: String) -> ProcessCategory? {
        if case .found(let category) = categories.lookUp(name) { return category }
        return nil
    }

    /// The model of `archi`; findings go to `diagnostics`.
    public func makeModel(from archi: ArchiModel, diagnostics: inout [Diagnostic]) -> ArchiImportResult {
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
            readProperties(propertiesByOwner[candidates[index].element.id] ?? [], into: &candidates[index], diagnostics: &diagnostics)
        }
        assignIDs(&candidates)

        // Relations: the ones that carry a process field, the rest kept.
        var mappedRelations: [ArchiRelation] = []
        var keptRelations: [ArchiRelation] = []
        var rejected: [SourceLocation] = []
        var namedElements = Set<String>()
        for relation in archi.relations {
            let sourceProcess = candidateIndex[relation.source], targetProcess = candidateIndex[relation.target]
            let sourceElement = elementIndex[relation.source].map { concepts[$0] }
            let targetElement = elementIndex[relation.target].map { concepts[$0] }
            var kind: ArchiProcessRelation?
            func accepts(_ candidate: ArchiProcessRelation) -> Bool { candidate.acceptedTypes.contains(relation.type) }
            if let sourceProcess, let targetProcess {
                if accepts(.parent) {
                    if let first = candidates[targetProcess].parentRelation {
                        report(.warning, .archiTwoParents,
                               "the process \"\(candidates[targetProcess].element.name)\" is already part of \"\(name(of: first.source, in: concepts, elementIndex))\" (line \(first.location?.line ?? 0)); this relation is kept as it is",
                               relation, column: 5, value: relation.source,
                               hint: "the model has one parent per process; the first relation is the parent", into: &diagnostics)
                    } else if sourceProcess == targetProcess {
                        report(.error, .parentCycle, "the process \"\(candidates[targetProcess].element.name)\" is part of itself",
                               relation, column: 5, value: relation.source, hint: "remove the relation", into: &diagnostics)
                        if let location = relation.location { rejected.append(location) }
                        continue
                    } else {
                        candidates[targetProcess].parent = sourceProcess
                        candidates[targetProcess].parentRelation = relation
                        kind = .parent
                    }
                } else if accepts(.next) {
                    candidates[sourceProcess].next.append(targetProcess)
                    kind = .next
                }
            } else if let targetProcess, let source = sourceElement {
                if source.type == ArchiConceptType.grouping, accepts(.category), let category = category(ofGroupingNamed: source.name) {
                    if let first = candidates[targetProcess].grouping {
                        if first.category != category {
                            report(.warning, .categoryMismatch,
                                   "the process \"\(candidates[targetProcess].element.name)\" is also in the grouping of \(first.category.rawValue) processes (line \(first.relation.location?.line ?? 0)); that one gives its category",
                                   relation, column: 5, value: source.name,
                                   hint: "a process belongs to one category", into: &diagnostics)
                        }
                    } else {
                        candidates[targetProcess].grouping = (category, relation)
                        kind = .category
                    }
                } else if source.type == ArchiConceptType.businessFunction, accepts(.function) {
                    if let first = candidates[targetProcess].functionRelation {
                        report(.warning, .archiSeveralFunctions,
                               "the process \"\(candidates[targetProcess].element.name)\" is already under the function \"\(name(of: first.source, in: concepts, elementIndex))\" (line \(first.location?.line ?? 0)); this relation is kept as it is",
                               relation, column: 5, value: relation.source,
                               hint: "CORA puts a work process under exactly one bedrijfsfunctie", into: &diagnostics)
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
            }
            if kind != nil { mappedRelations.append(relation) } else { keptRelations.append(relation) }
        }

        breakCycles(&candidates, diagnostics: &diagnostics, rejected: &rejected, mappedRelations: &mappedRelations)
        resolveLevels(&candidates)
        resolveCategories(&candidates)

        var processes = candidates.map { candidate in
            CoraProcess(
                id: candidate.id, code: candidate.code, name: candidate.element.name, level: candidate.level,
                category: candidate.category, parent: candidate.parent.map { candidates[$0].id } ?? "", order: candidate.order,
                owner: candidate.owner, function: candidate.function, services: candidate.services, events: candidate.events,
                applications: candidate.applications,
                next: candidate.next.map { candidates[$0].id } + candidate.unresolvedNext.map(\.reference), status: candidate.status,
                description: candidate.element.documentation, properties: candidate.properties, source: candidate.element.location)
        }
        for candidate in candidates {
            for (reference, property) in candidate.unresolvedNext {
                report(.warning, .unknownNext, "the next process \"\(reference)\" matches no process in the model; kept as written",
                       property, hint: "a following process in the model is a triggering or flow relation", into: &diagnostics)
            }
        }
        // What a table row is checked for on its own: a name, and the cell rules (mojibake, Excel damage, names).
        var rowFindings: [ModelRules.Finding] = []
        for index in processes.indices {
            var found: [Diagnostic] = []
            if processes[index].name.trimmingWhitespace().isEmpty {
                let source = processes[index].source
                found.append(Diagnostic(.error, .missingName, "the process has no name", file: source?.file ?? "", line: source?.line,
                                        record: source?.record, column: .init(name: "Name", index: 3), value: processes[index].name,
                                        hint: "give the element a name in Archi"))
            }
            CellRules.check(processes[index], diagnostics: &found)
            rowFindings += found.map { ModelRules.Finding(index: index, diagnostic: $0) }
        }
        applyModelRules(&processes, parents: candidates.map(\.parent), rowFindings: rowFindings, diagnostics: &diagnostics,
                        rejected: &rejected)

        let processElementIDs = Set(candidates.map(\.element.id).filter { !$0.isEmpty })
        let retained = ArchiRetained(
            modelRow: archi.modelRow,
            elements: concepts.filter { !ArchiConceptType.processTypes.contains($0.type) && !namedElements.contains($0.id) },
            relations: keptRelations,
            properties: archi.properties.filter { !processElementIDs.contains($0.id) },
            identities: concepts.filter { ArchiConceptType.processTypes.contains($0.type) || namedElements.contains($0.id) },
            mappedRelations: mappedRelations)
        return ArchiImportResult(model: ProcessModel(processes: processes, archi: retained), rejected: rejected)
    }

    // MARK: Steps

    private func readProperties(_ properties: [ArchiProperty], into candidate: inout Candidate, diagnostics: inout [Diagnostic]) {
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
                        report(.warning, .unknownLevel,
                               "unknown level \"\(value)\" in the property \"\(property.key)\"; the level comes from the nesting and the property is kept",
                               property, hint: "accepted: \(ProcessLevel.allCases.map { ArchiPropertyKey.value(of: $0) }.joined(separator: ", "))",
                               into: &diagnostics)
                    }
                case .category:
                    if case .found(let category) = categories.lookUp(value) {
                        candidate.category = category
                    } else {
                        used = false
                        report(.warning, .unknownCategory,
                               "unknown category \"\(value)\" in the property \"\(property.key)\"; the category comes from the groupings and the property is kept",
                               property, hint: "accepted: sturend, primair, ondersteunend and their other spellings", into: &diagnostics)
                    }
                case .order:
                    if let order = Int(value.trimmingWhitespace()), order >= 0 {
                        candidate.order = order
                    } else {
                        used = false
                        report(.warning, .invalidOrder, "the order \"\(value)\" in the property \"\(property.key)\" is not a whole number; the property is kept",
                               property, hint: "a position among the siblings: 1, 2, 3, …", into: &diagnostics)
                    }
                case .next:
                    candidate.unresolvedNext.append((value, property))
                    continue  // each property is one reference: the field is never filled
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

    private func assignIDs(_ candidates: inout [Candidate]) {
        var taken = Set(candidates.map(\.element.id).filter { !$0.isEmpty })
        for index in candidates.indices {
            let element = candidates[index].element
            if !element.id.isEmpty {
                candidates[index].id = element.id
                continue
            }
            let base = ProcessIdentifier.derive(code: candidates[index].code, name: element.name)
                ?? "p-line-\(element.location?.line ?? index + 1)"
            let id = ProcessIdentifier.unique(base, avoiding: taken)
            taken.insert(id)
            candidates[index].id = id
        }
    }

    /// Cuts every parent cycle at the relation that comes last in the file (an error; the relation is left out).
    private func breakCycles(_ candidates: inout [Candidate], diagnostics: inout [Diagnostic], rejected: inout [SourceLocation],
                             mappedRelations: inout [ArchiRelation]) {
        enum State { case unvisited, onPath, settled }
        var state = [State](repeating: .unvisited, count: candidates.count)
        for start in candidates.indices where state[start] == .unvisited {
            var path: [Int] = []
            var current: Int? = start
            while let node = current, state[node] == .unvisited {
                state[node] = .onPath
                path.append(node)
                current = candidates[node].parent
            }
            if let node = current, state[node] == .onPath, let cycleStart = path.firstIndex(of: node) {
                let cycle = Array(path[cycleStart...])
                let cut = cycle.max { (candidates[$0].parentRelation?.location?.line ?? 0) < (candidates[$1].parentRelation?.location?.line ?? 0) } ?? node
                if let relation = candidates[cut].parentRelation {
                    let names = cycle.map { "\"\(candidates[$0].element.name)\"" }.joined(separator: " → ")
                    report(.error, .parentCycle, "the processes \(names) are each other's ancestors; this relation is left out",
                           relation, column: 5, value: relation.source, hint: "one of the aggregations points the wrong way", into: &diagnostics)
                    if let location = relation.location { rejected.append(location) }
                    mappedRelations.removeAll { $0 == relation }
                }
                candidates[cut].parent = nil
                candidates[cut].parentRelation = nil
            }
            for node in path { state[node] = .settled }
        }
    }

    private func resolveLevels(_ candidates: inout [Candidate]) {
        var holdsInteraction = Set<Int>()
        for candidate in candidates where candidate.element.type == ArchiConceptType.businessInteraction {
            if let parent = candidate.parent, candidates[parent].element.type == ArchiConceptType.businessInteraction {
                holdsInteraction.insert(parent)
            }
        }
        var resolved = [ProcessLevel??](repeating: nil, count: candidates.count)
        func level(of index: Int) -> ProcessLevel? {
            if let known = resolved[index] { return known }
            var result: ProcessLevel? = candidates[index].level
            if result == nil && !candidates[index].levelUnknown {
                if candidates[index].element.type == ArchiConceptType.businessInteraction {
                    result = holdsInteraction.contains(index) ? .steeringScenario : .processChain
                } else {
                    switch candidates[index].parent.flatMap(level(of:)) {
                    case .businessProcess: result = .workProcess
                    case .workProcess, .processStep: result = .processStep
                    case .steeringScenario, .processChain, nil: result = .businessProcess
                    }
                }
            }
            resolved[index] = .some(result)
            return result
        }
        for index in candidates.indices { candidates[index].level = level(of: index) }
    }

    private func resolveCategories(_ candidates: inout [Candidate]) {
        var own = candidates.map { $0.category ?? $0.grouping?.category }
        for index in candidates.indices where own[index] == nil {
            var current = candidates[index].parent
            var steps = 0
            while let parent = current, steps <= candidates.count {
                if let category = own[parent] {
                    own[index] = category
                    break
                }
                current = candidates[parent].parent
                steps += 1
            }
        }
        for index in candidates.indices { candidates[index].category = own[index] }
    }

    /// Runs ``ModelRules``; a process with an error here or in `rowFindings` (or, with `strict`, any
    /// finding) is left out with its descendants, unless `keepInvalid`.
    private func applyModelRules(_ processes: inout [CoraProcess], parents: [Int?], rowFindings: [ModelRules.Finding],
                                 diagnostics: inout [Diagnostic], rejected: inout [SourceLocation]) {
        let subjects = processes.indices.map { ModelRules.Subject(process: processes[$0], parentIndex: parents[$0]) }
        var out = Set<Int>()
        for finding in rowFindings + ModelRules.check(subjects, strict: strict) {
            diagnostics.append(finding.diagnostic)
            if !keepInvalid && (strict || finding.diagnostic.severity == .error) { out.insert(finding.index) }
        }
        guard !out.isEmpty else { return }
        var changed = true
        while changed {
            changed = false
            for index in processes.indices where !out.contains(index) {
                guard let parent = parents[index], out.contains(parent) else { continue }
                out.insert(index)
                changed = true
                let process = processes[index]
                diagnostics.append(Diagnostic(
                    .error, .unknownParent, "the parent \"\(processes[parent].name)\" has errors and is not in the model",
                    file: process.source?.file ?? "", line: process.source?.line, record: process.source?.record,
                    value: processes[parent].id, hint: "fix the parent first"))
            }
        }
        rejected.append(contentsOf: out.sorted().compactMap { processes[$0].source })
        processes = processes.indices.filter { !out.contains($0) }.map { processes[$0] }
    }

    // MARK: Findings

    private func name(of id: String, in concepts: [ArchiElement], _ index: [String: Int]) -> String {
        index[id].map { concepts[$0].name } ?? id
    }

    private func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ relation: ArchiRelation,
                        column: Int, value: String, hint: String, into diagnostics: inout [Diagnostic]) {
        let location = relation.location
        diagnostics.append(Diagnostic(
            severity, code, message, file: location?.file ?? "", line: location?.line, record: location?.record,
            column: .init(name: column == 5 ? "Source" : "Target", index: column), value: value, hint: hint))
    }

    private func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ property: ArchiProperty,
                        hint: String, into diagnostics: inout [Diagnostic]) {
        let location = property.location
        diagnostics.append(Diagnostic(
            severity, code, message, file: location?.file ?? "", line: location?.line, record: location?.record,
            column: .init(name: "Value", index: 3), value: property.value, hint: hint))
    }
}
