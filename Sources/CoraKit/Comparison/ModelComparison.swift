/// Two models compared (`cora diff OLD NEW`): how their processes were paired and what differs,
/// narrowed as the user asked.
public struct ModelComparison: Sendable {
    /// The old model.
    public var old: ProcessModel
    /// The new model.
    public var new: ProcessModel
    /// What the old model was read from, for headings.
    public var oldSource: String
    /// What the new model was read from.
    public var newSource: String
    /// How the processes were paired.
    public var match: ModelMatch
    /// The differences, in ``ModelDiff``'s order, of the kinds asked for.
    public var changes: [ProcessChange]

    /// Compares `old` with `new`: pairs their processes (`pinned` first) and lists the changes,
    /// leaving out the fields in `ignoring` (``ModelDiff/changes(from:to:match:ignoring:)``) and
    /// keeping only the kinds in `only` (all when empty).
    public init(old: ProcessModel, new: ProcessModel, oldSource: String, newSource: String, pinned: [PinnedPair] = [],
                matcher: ProcessMatcher = ProcessMatcher(), ignoring: Set<String> = [], only: Set<ProcessChange.Kind> = []) {
        self.old = old
        self.new = new
        self.oldSource = oldSource
        self.newSource = newSource
        match = matcher.match(old, new, pinned: pinned)
        let all = ModelDiff.changes(from: old, to: new, match: match, ignoring: ignoring)
        changes = only.isEmpty ? all : all.filter { only.contains($0.kind) }
    }

    /// Whether the models are the same, as far as asked (no change left).
    public var isSame: Bool { changes.isEmpty }

    /// How many changes there are of each kind, in ``ProcessChange/Kind``'s order.
    public var counts: [(kind: ProcessChange.Kind, count: Int)] {
        var counts: [ProcessChange.Kind: Int] = [:]
        for change in changes { counts[change.kind, default: 0] += 1 }
        return ProcessChange.Kind.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// How many pairs each method made, in ``MatchMethod``'s order, those that made none left out.
    public var pairCounts: [(method: MatchMethod, count: Int)] {
        var counts: [MatchMethod: Int] = [:]
        for pair in match.pairs { counts[pair.method, default: 0] += 1 }
        return MatchMethod.allCases.compactMap { method in counts[method].map { (method, $0) } }
    }

    /// The names a field of ``ModelDiff`` may be narrowed by (`--ignore-field`): the canonical
    /// fields it compares, `properties`, or `property:NAME`.
    public static func isComparedField(_ name: String) -> Bool {
        name == "properties" || name.hasPrefix("property:") || ["name", "parent", "level", "category"].contains(name)
            || ModelDiff.fields.contains { $0.rawValue == name }
    }

    /// The field names ``isComparedField(_:)`` accepts, for messages.
    public static var comparedFieldNames: [String] {
        ["name", "parent", "level", "category"] + ModelDiff.fields.map(\.rawValue) + ["properties", "property:NAME"]
    }
}
