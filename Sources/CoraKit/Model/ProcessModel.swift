/// The canonical process model: processes in source order, with the names of the extra properties.
public struct ProcessModel: Sendable, Equatable {
    /// The processes, in the order of the input (in columns when the pipeline built the model).
    public var processes: ProcessList
    /// The names of all properties, in the order they first appeared (columns of the canonical CSV).
    public var propertyNames: [String]
    /// What an Archi import kept besides the processes (other elements, relations, properties and
    /// the model row), so that `--to archi` writes it back; `nil` for other inputs.
    public var archi: ArchiRetained?
    /// The requirement tags the model's mapping defined besides CORA's, for the labels renderers
    /// write; ``requirementCatalog`` has both.
    public var ownRequirementTags: [RequirementTag] = []
    /// The ids cora made for processes whose input gave none (from a code or a name, numbered
    /// where two would be the same: `intake`, `intake-2`): `cora diff` does not pair by them, since
    /// the same made id on two sides says only that the rows came in the same order. Not compared
    /// by `==` (two models with the same processes are the same model). Made into a set when read:
    /// read it once.
    public var derivedIDs: Set<String> {
        get { madeIDs.ids }
        set { madeIDs = MadeIDs(newValue) }
    }
    /// ``derivedIDs`` as the builder left them.
    var madeIDs = MadeIDs()

    /// Whether a process of the model has a `steers` or `reports-to` relation or a PDCA phase: what
    /// the documents and diagrams show of the cycle only then.
    public var usesPDCA: Bool {
        processes.contains { !$0.steers.isEmpty || !$0.reportsTo.isEmpty || $0.pdcaPhase != nil }
    }

    /// The requirement tags of this model: CORA's and its own.
    public var requirementCatalog: RequirementCatalog {
        ownRequirementTags.isEmpty ? .cora : RequirementCatalog.cora.with(ownRequirementTags)
    }

    /// Two models are the same when their processes, property names, Archi remainder and
    /// requirement tags are (where their ids came from aside).
    public static func == (lhs: ProcessModel, rhs: ProcessModel) -> Bool {
        lhs.processes == rhs.processes && lhs.propertyNames == rhs.propertyNames && lhs.archi == rhs.archi
            && lhs.ownRequirementTags == rhs.ownRequirementTags
    }

    /// Creates a model. Property names not listed are added in the order the processes carry them.
    public init(processes: [CoraProcess] = [], propertyNames: [String] = [], archi: ArchiRetained? = nil) {
        self.init(processes: ProcessList(processes), propertyNames: propertyNames, archi: archi)
    }

    /// Creates a model of the processes of `processes`. Property names not listed are added in the
    /// order the processes carry them.
    public init(processes: ProcessList, propertyNames: [String] = [], archi: ArchiRetained? = nil) {
        self.processes = processes
        self.archi = archi
        var names = propertyNames
        var seen = Set(names)
        for process in processes {
            for property in process.properties where seen.insert(property.name).inserted {
                names.append(property.name)
            }
        }
        self.propertyNames = names
    }

    /// A model whose `propertyNames` already list every property its processes carry.
    init(processes: ProcessList, listedPropertyNames: [String]) {
        self.processes = processes
        self.propertyNames = listedPropertyNames
        self.archi = nil
    }

    /// The model with its processes as values (made once from the columns when it was built in
    /// columns): for a renderer that reads processes again and again, in any order.
    public var withProcessesAsValues: ProcessModel {
        guard processes.columns != nil else { return self }
        var model = self
        model.processes = ProcessList(processes.array)
        return model
    }

    /// The process with the id `id`.
    public func process(withID id: String) -> CoraProcess? {
        processes.first { $0.id == id }
    }

    /// The children of the process with id `parent` (top-level processes for `""`), in order.
    public func children(of parent: String) -> [CoraProcess] {
        processes.enumerated()
            .filter { $0.element.parent == parent }
            .sorted { a, b in
                let x = a.element.order ?? Int.max, y = b.element.order ?? Int.max
                return x != y ? x < y : a.offset < b.offset
            }
            .map(\.element)
    }

    /// Adds the processes, property names and retained Archi content of `other` after those of this model.
    public mutating func append(contentsOf other: ProcessModel) {
        processes.append(contentsOf: other.processes)
        if let retained = other.archi {
            if archi == nil { archi = retained } else { archi?.append(contentsOf: retained) }
        }
        var known = Set(ownRequirementTags.map(\.tag))
        for tag in other.ownRequirementTags where known.insert(tag.tag).inserted { ownRequirementTags.append(tag) }
        for name in other.propertyNames where !propertyNames.contains(name) {
            propertyNames.append(name)
        }
    }
}
