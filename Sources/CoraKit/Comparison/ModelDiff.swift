/// One difference between two models (`cora diff`): a process added or removed, or a change to a
/// process the ``ProcessMatcher`` paired.
public struct ProcessChange: Sendable, Equatable {
    /// What kind of difference.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// Only in the new model.
        case added
        /// Only in the old model.
        case removed
        /// Another name.
        case renamed
        /// Another parent (the new parent is not the old parent's partner).
        case moved
        /// Another level.
        case relevelled
        /// Another category.
        case recategorised
        /// Another value of another field (code, owner, function, …, a property).
        case changed
    }

    /// The kind.
    public var kind: Kind
    /// The old process's id (none for `added`).
    public var old: String?
    /// The new process's id (none for `removed`).
    public var new: String?
    /// The field that differs: a canonical field's name, or `property:NAME` (none for added and removed).
    public var field: String?
    /// The old value, as the canonical CSV writes it (lists joined with `|`).
    public var oldValue: String?
    /// The new value.
    public var newValue: String?
    /// How the two were paired (none for added and removed).
    public var match: MatchMethod?
    /// The pair's score.
    public var score: Double?

    /// A change.
    public init(kind: Kind, old: String? = nil, new: String? = nil, field: String? = nil, oldValue: String? = nil, newValue: String? = nil,
                match: MatchMethod? = nil, score: Double? = nil) {
        self.kind = kind
        self.old = old
        self.new = new
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.match = match
        self.score = score
    }
}

/// The differences between two models, given how their processes were paired: what was removed (in
/// the old model's order), what changed per pair (in the old model's order; per pair its name, its
/// place, its level, its category, then every other field and property that differs), and what was
/// added (in the new model's order).
public enum ModelDiff {
    /// The fields compared beyond name, parent, level and category, in the canonical layout's order.
    static let fields: [CanonicalField] = [
        .code, .order, .owner, .function, .services, .events, .applications, .next, .status, .description,
        .requirements, .steers, .reportsTo, .pdcaPhase,
    ]

    /// The changes from `old` to `new` with `match`; a field in `ignoring` (a canonical field's
    /// name, `property:NAME`, or `properties` for all of them) is not compared.
    public static func changes(from old: ProcessModel, to new: ProcessModel, match: ModelMatch, ignoring: Set<String> = []) -> [ProcessChange] {
        // Each process is read several times: as values, made once from the columns.
        let old = old.withProcessesAsValues, new = new.withProcessesAsValues
        var changes: [ProcessChange] = match.unmatchedOld.map { ProcessChange(kind: .removed, old: old.processes[$0].id) }
        let newOfOld = Dictionary(match.pairs.map { (old.processes[$0.old].id, new.processes[$0.new].id) }, uniquingKeysWith: { first, _ in first })
        for pair in match.pairs.sorted(by: { $0.old < $1.old }) {
            let before = old.processes[pair.old], after = new.processes[pair.new]
            func change(_ kind: ProcessChange.Kind, _ field: String, _ from: String, _ to: String) {
                guard from != to, !ignoring.contains(field) else { return }
                changes.append(ProcessChange(kind: kind, old: before.id, new: after.id, field: field, oldValue: from, newValue: to,
                                             match: pair.method, score: pair.score))
            }
            change(.renamed, "name", before.name, after.name)
            // Moved: the new parent is not what the old parent became (top stays top).
            let parentBecame = before.parent.isEmpty ? "" : newOfOld[before.parent]
            if parentBecame != after.parent { change(.moved, "parent", before.parent, after.parent) }
            change(.relevelled, "level", before.level?.rawValue ?? "", after.level?.rawValue ?? "")
            change(.recategorised, "category", before.category?.rawValue ?? "", after.category?.rawValue ?? "")
            for field in fields {
                let from = value(of: field, in: before), to = value(of: field, in: after)
                if field.isReference {
                    // References name processes by id: the old ones are compared as what they
                    // became, as sets (the order of a `next` list and a target named twice are no change).
                    let became = Set(references(field, of: before).map { newOfOld[$0] ?? $0 })
                    if became == Set(references(field, of: after)) { continue }
                }
                change(.changed, field.rawValue, from, to)
            }
            guard !ignoring.contains("properties") else { continue }
            var names: [String] = []
            for property in before.properties + after.properties where !names.contains(property.name) { names.append(property.name) }
            for name in names {
                change(.changed, "property:" + name, before.properties.first { $0.name == name }?.value ?? "",
                       after.properties.first { $0.name == name }?.value ?? "")
            }
        }
        changes += match.unmatchedNew.map { ProcessChange(kind: .added, new: new.processes[$0].id) }
        return changes
    }

    /// The ids a reference field of `process` names.
    static func references(_ field: CanonicalField, of process: CoraProcess) -> [String] {
        switch field {
        case .next: return process.next
        case .steers: return process.steers
        case .reportsTo: return process.reportsTo
        default: return []
        }
    }

    /// The value of `field` of `process` as the canonical CSV writes it.
    static func value(of field: CanonicalField, in process: CoraProcess) -> String {
        switch field {
        case .code: return process.code
        case .order: return process.order.map(String.init) ?? ""
        case .owner: return process.owner
        case .function: return process.function
        case .services: return process.services.joined(separator: "|")
        case .events: return process.events.joined(separator: "|")
        case .applications: return process.applications.joined(separator: "|")
        case .next: return process.next.joined(separator: "|")
        case .status: return process.status
        case .description: return process.description
        case .requirements: return process.requirements.joined(separator: "|")
        case .steers: return process.steers.joined(separator: "|")
        case .reportsTo: return process.reportsTo.joined(separator: "|")
        case .pdcaPhase: return process.pdcaPhase?.rawValue ?? ""
        case .id, .name, .level, .category, .parent: return ""
        }
    }
}
