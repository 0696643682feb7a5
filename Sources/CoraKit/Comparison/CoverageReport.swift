/// An inventory process that covers a reference process (in a ``CoverageReport``).
public struct CoverageMatch: Sendable, Equatable {
    /// The inventory process's position in its model's processes.
    public var inventory: Int
    /// How it was paired.
    public var method: MatchMethod
    /// The pair's score (1 for pins, ids, codes and names).
    public var score: Double

    /// A match.
    public init(inventory: Int, method: MatchMethod, score: Double) {
        self.inventory = inventory
        self.method = method
        self.score = score
    }
}

/// One reference process in a ``CoverageReport``: how far the inventory covers it, and by which
/// of its processes.
public struct ReferenceCoverage: Sendable, Equatable {
    /// The reference process's position in its model's processes.
    public var reference: Int
    /// How far it is covered.
    public var status: CoverageStatus
    /// The inventory processes paired with it, in the inventory's order.
    public var matches: [CoverageMatch]
    /// How deep it lies in the reference's tree: 0 at the top, 1 for a child of a process at the top, …
    public var depth: Int

    /// An entry.
    public init(reference: Int, status: CoverageStatus, matches: [CoverageMatch], depth: Int) {
        self.reference = reference
        self.status = status
        self.matches = matches
        self.depth = depth
    }
}

/// What an inventory covers of a reference model (`cora coverage INVENTORY --reference REF`): per
/// reference process, in the reference's tree order (each process followed by its descendants,
/// siblings and tops in the reference's order), whether it is covered, partly covered or missing,
/// and which inventory processes cover it; the inventory processes that cover none; the
/// ambiguities the matcher left (for a person to pin); and the totals.
///
/// The inventory's processes are paired with the reference's by ``ProcessMatcher`` with
/// ``ProcessMatcher/oneNewForManyOld``: several inventory processes may cover one reference
/// process ("Verhuren woningen" and "Verhuren bedrijfsruimten" both cover "Verhuren eenheden").
///
/// A reference process is
/// - ``CoverageStatus/covered`` when an inventory process at its level covers it and none of its
///   children (in the reference) is missing;
/// - ``CoverageStatus/partial`` when it is covered only by processes of another level, or some of
///   its children are missing, or nothing covers it but some of its descendants are covered or
///   partly covered;
/// - ``CoverageStatus/missing`` when neither it nor any of its descendants is covered.
///
/// Levels compare only where both processes have one: a reference process without a level is
/// covered at its level by any inventory process, and an inventory process without a level
/// covers any reference process at its level. In the totals, a process without a level counts
/// under "no level".
public struct CoverageReport: Sendable {
    /// The reference model.
    public var reference: ProcessModel
    /// The inventory.
    public var inventory: ProcessModel
    /// How the processes were paired (old: the inventory, new: the reference).
    public var match: ModelMatch
    /// The reference processes, in the reference's tree order: each followed by its descendants,
    /// siblings and tops in the reference's order.
    public var entries: [ReferenceCoverage]
    /// The positions of the inventory processes that cover no reference process, in the inventory's order.
    public var unmatched: [Int]
    /// The totals.
    public var totals: CoverageTotals

    /// What `inventory` covers of `reference`, with `pinned` pairs (old: the inventory's id,
    /// new: the reference's) made first. `matcher` sets the threshold; it always pairs one reference process with many
    /// inventory processes.
    public init(reference: ProcessModel, inventory: ProcessModel, pinned: [PinnedPair] = [],
                matcher: ProcessMatcher = ProcessMatcher()) {
        var matcher = matcher
        matcher.oneNewForManyOld = true
        self.reference = reference
        self.inventory = inventory
        match = matcher.match(inventory, reference, pinned: pinned)
        let processes = reference.processes.array
        var matches = [[CoverageMatch]](repeating: [], count: processes.count)
        for pair in match.pairs.sorted(by: { $0.old < $1.old }) {
            matches[pair.new].append(CoverageMatch(inventory: pair.old, method: pair.method, score: pair.score))
        }
        let inventoryProcesses = inventory.processes.array
        let atItsLevel = processes.indices.map { position in
            matches[position].contains { match in
                let level = processes[position].level, other = inventoryProcesses[match.inventory].level
                return level == nil || other == nil || level == other
            }
        }
        let tree = Self.tree(processes)
        var status = [CoverageStatus](repeating: .missing, count: processes.count)
        // Children before their parents: a parent's status depends on its children's.
        for position in tree.postOrder {
            let children = tree.children[position]
            if atItsLevel[position] {
                status[position] = children.contains { status[$0] == .missing } ? .partial : .covered
            } else if !matches[position].isEmpty || children.contains(where: { status[$0] != .missing }) {
                status[position] = .partial
            }
        }
        entries = tree.preOrder.map {
            ReferenceCoverage(reference: $0, status: status[$0], matches: matches[$0], depth: tree.depth[$0])
        }
        unmatched = match.unmatchedOld
        totals = CoverageTotals(
            processes.indices.map { (processes[$0].category, processes[$0].level, status[$0]) }
                + unmatched.map { (inventoryProcesses[$0].category, inventoryProcesses[$0].level, CoverageStatus.unmatched) })
    }

    /// How many reference processes the inventory covers at least partly, of how many, and that
    /// share in whole per cent (rounded down, so that 99 % never reads as all): the headline.
    public var coveredShare: (count: Int, of: Int, percent: Int) {
        let count = totals.all.covered + totals.all.partial, all = reference.processes.count
        return (count, all, all == 0 ? 0 : count * 100 / all)
    }

    /// The title of a coverage document in `language`: "Dekking van INVENTORY tegen REFERENCE".
    public static func title(inventory: String, reference: String, language: DocumentLanguage) -> String {
        language == .nl ? "Dekking van \(inventory) tegen \(reference)" : "Coverage of \(inventory) against \(reference)"
    }

    /// The headline in `language`: "15 van de 140 referentieprocessen (10 %) gedekt of gedeeltelijk
    /// gedekt; 60 van de 73 processen van de inventarisatie horen bij geen ervan".
    public func headline(_ language: DocumentLanguage) -> String {
        let share = coveredShare, inventoryCount = inventory.processes.count
        switch language {
        case .nl:
            return "\(share.count) van de \(share.of) referentieprocessen (\(share.percent) %) gedekt of gedeeltelijk gedekt; "
                + "\(unmatched.count) van de \(inventoryCount) processen van de inventarisatie horen bij geen ervan"
        case .en:
            return "\(share.count) of the \(share.of) reference processes (\(share.percent) %) covered or partly covered; "
                + "\(unmatched.count) of the \(inventoryCount) inventory processes match none of them"
        }
    }

    /// The ambiguities that left an inventory process without a match (old: inventory positions,
    /// new: reference positions), for a person to pin; one that a later method resolved for all
    /// its inventory processes (a name of two reference processes at two levels, paired by
    /// similarity with the one at the same level) is left out.
    public var ambiguities: [MatchAmbiguity] {
        let unmatched = Set(self.unmatched)
        return match.ambiguities.filter { $0.old.contains(where: unmatched.contains) }
    }

    /// The reference's tree: each process's children (a parent id no process has, or a process's
    /// own, puts it at the top), its depth, every process before its descendants (pre-order) and
    /// after them (post-order). A process on
    /// a cycle of parents (which the builder rejects) is taken as a top of its own where the walk
    /// meets it again.
    static func tree(_ processes: [CoraProcess]) -> (children: [[Int]], depth: [Int], preOrder: [Int], postOrder: [Int]) {
        var positions: [String: Int] = [:]
        for (position, process) in processes.enumerated() where positions[process.id] == nil { positions[process.id] = position }
        var children = [[Int]](repeating: [], count: processes.count)
        var roots: [Int] = []
        for (position, process) in processes.enumerated() {
            if let parent = positions[process.parent], parent != position {
                children[parent].append(position)
            } else {
                roots.append(position)
            }
        }
        var depth = [Int](repeating: 0, count: processes.count)
        var visited = [Bool](repeating: false, count: processes.count)
        var preOrder: [Int] = [], postOrder: [Int] = []
        preOrder.reserveCapacity(processes.count)
        postOrder.reserveCapacity(processes.count)
        // Depth first without recursion: a reference of any depth walks in constant stack.
        for root in roots + Array(processes.indices) where !visited[root] {
            visited[root] = true
            preOrder.append(root)
            var stack: [(position: Int, next: Int)] = [(root, 0)]
            while let top = stack.last {
                let list = children[top.position]
                if top.next < list.count {
                    stack[stack.count - 1].next += 1
                    let child = list[top.next]
                    guard !visited[child] else { continue }
                    visited[child] = true
                    depth[child] = stack.count
                    preOrder.append(child)
                    stack.append((child, 0))
                } else {
                    postOrder.append(top.position)
                    stack.removeLast()
                }
            }
        }
        return (children, depth, preOrder, postOrder)
    }
}
