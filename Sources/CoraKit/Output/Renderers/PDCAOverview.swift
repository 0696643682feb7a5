/// What documents show of the requirements and the PDCA cycle (CORA.md §5), worked out once per
/// model: the requirement tags in use, the processes that have requirements, the steering
/// processes with their relations, and who steers each process.
public struct PDCAOverview: Sendable {
    /// The tags of the model's catalog, CORA's order first, then the ones written otherwise, that
    /// at least one process has.
    public let requirementColumns: [String]
    /// The rows of the requirements matrix: every business process (also one without
    /// requirements: that gap is what a review looks for) and every other process with at least
    /// one requirement, in the order of the model; empty when no process has a requirement.
    public let matrixRows: [CoraProcess]
    /// The processes that take part in the cycle as steering: a phase, or a steers relation, or
    /// reports received; in the order of the model.
    public let steering: [CoraProcess]
    /// For each process id, the ids of the processes that steer it (``name(of:)`` names them).
    public let steeredBy: [String: [String]]
    /// For each process id, the ids of the processes that report to it.
    public let reportsFrom: [String: [String]]
    /// The requirement tags of the model (CORA's and its own).
    public let catalog: RequirementCatalog
    private let names: [String: String]

    /// The overview of `model`.
    public init(_ model: ProcessModel) {
        catalog = model.requirementCatalog
        var used = Set<String>()
        var others: [String] = []
        var steeredBy: [String: [String]] = [:], reportsFrom: [String: [String]] = [:]
        var names: [String: String] = [:]
        let usesPDCA = model.usesPDCA
        if usesPDCA {
            for process in model.processes where names[process.id] == nil { names[process.id] = process.name }
        }
        for process in model.processes {
            for tag in process.requirements where used.insert(tag).inserted && catalog.tag(tag) == nil { others.append(tag) }
            for target in process.steers { steeredBy[target, default: []].append(process.id) }
            for target in process.reportsTo { reportsFrom[target, default: []].append(process.id) }
        }
        requirementColumns = catalog.tags.map(\.tag).filter(used.contains) + others
        matrixRows = used.isEmpty ? [] : model.processes.filter { !$0.requirements.isEmpty || $0.level == .businessProcess }
        steering = usesPDCA
            ? model.processes.filter { $0.pdcaPhase != nil || !$0.steers.isEmpty || reportsFrom[$0.id] != nil } : []
        self.steeredBy = steeredBy
        self.reportsFrom = reportsFrom
        self.names = names
    }

    /// The name of the process with id `id`, or the reference as written when no process has it.
    public func name(of id: String) -> String { names[id] ?? id }

    /// What a document says of `process`'s requirements and place in the cycle, in `language`:
    /// each a label and its values (names of processes, labels of requirements), unescaped; only
    /// the facts that have values.
    public func facts(of process: CoraProcess, in language: DocumentLanguage) -> [(label: String, values: [String])] {
        var facts: [(label: String, values: [String])] = []
        func add(_ label: DocumentLanguage.Label, _ values: [String]) {
            if !values.isEmpty { facts.append((language.text(label), values)) }
        }
        add(.requirements, process.requirements.map { language.requirement($0, in: catalog) })
        if let phase = process.pdcaPhase { add(.pdcaPhase, [language.phase(phase)]) }
        add(.steers, process.steers.map(name(of:)))
        add(.steeredBy, (steeredBy[process.id] ?? []).map(name(of:)))
        add(.reportsTo, process.reportsTo.map(name(of:)))
        add(.reportsFrom, (reportsFrom[process.id] ?? []).map(name(of:)))
        return facts
    }
}
