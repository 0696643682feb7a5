/// What the landscape and the full view draw as boxes, band by band: every business process, and
/// every other process that is no process chain or steering scenario and has no box above it (a
/// work process at the top, a list without levels), each under the nearest chain or scenario
/// above it. A chain or scenario with no box below it is a box of its
/// own, so that it is not lost; so is every process that no walk from the top reaches (a cycle
/// kept with `--keep-invalid`).
struct DiagramBoxes {
    /// One box.
    struct Box {
        /// The process drawn.
        let process: CoraProcess
        /// The nearest chain or scenario above it (the process itself for an empty one).
        let group: CoraProcess?
        /// The chains and scenarios above it, the top one first, for the heading.
        let groupPath: [CoraProcess]
    }

    /// One band: a category (`nil`: without one) and its boxes in the order of the tree.
    struct Band {
        let category: ProcessCategory?
        let boxes: [Box]
    }

    /// The bands in CORA's order: sturend, primair, ondersteunend, then (only when there are such
    /// boxes) those without a category.
    let bands: [Band]
    /// Every box, by process id.
    let boxIDs: Set<String>

    /// Whether `process` is a chain or a scenario, which groups boxes instead of being one.
    static func isGroup(_ process: CoraProcess) -> Bool {
        process.level == .processChain || process.level == .steeringScenario
    }

    /// The boxes of the model of `tree`.
    init(_ tree: ProcessTree) {
        // The boxes: every business process, and every other process that is no chain or scenario
        // and has no box above it (a work process at the top, a list without levels).
        var walk: [CoraProcess] = []
        var boxDepths: [Int] = []
        let everything = tree.descendants(of: "")
        for (process, depth) in everything {
            while let last = boxDepths.last, last >= depth { boxDepths.removeLast() }
            guard Self.isGroup(process) || process.level == .businessProcess || boxDepths.isEmpty else { continue }
            walk.append(process)
            if !Self.isGroup(process) { boxDepths.append(depth) }
        }
        let nearestGroups = tree.nearestAncestors(where: Self.isGroup)
        func path(to group: CoraProcess?) -> [CoraProcess] {
            var result: [CoraProcess] = []
            var current = group
            while let found = current, result.count < 16, !result.contains(where: { $0.id == found.id }) {
                result.insert(found, at: 0)
                current = nearestGroups[found.id]
            }
            return result
        }
        var groupsWithBoxes = Set<String>()
        for process in walk where !Self.isGroup(process) {
            for group in path(to: nearestGroups[process.id]) { groupsWithBoxes.insert(group.id) }
        }
        var ordered: [Box] = []
        for process in walk {
            if !Self.isGroup(process) {
                let group = nearestGroups[process.id]
                ordered.append(Box(process: process, group: group, groupPath: path(to: group)))
            } else if !groupsWithBoxes.contains(process.id) {
                // A chain or scenario with nothing below it: a box of its own, where it stands.
                ordered.append(Box(process: process, group: process, groupPath: path(to: process)))
            }
        }
        // What no walk from the top reaches (a cycle): a box of its own, with what hangs below it.
        var covered = Set(everything.map(\.process.id))
        // A chain or scenario shows nothing below it, so what is below one is covered only by a box of its own.
        for process in tree.model.processes where !covered.contains(process.id) {
            ordered.append(Box(process: process, group: Self.isGroup(process) ? process : nil, groupPath: Self.isGroup(process) ? [process] : []))
            covered.insert(process.id)
            guard !Self.isGroup(process) else { continue }
            for (below, _) in tree.descendants(of: process.id, stoppingBelow: Self.isGroup) where !Self.isGroup(below) { covered.insert(below.id) }
        }
        var bands: [Band] = ProcessCategory.allCases.map { category in
            Band(category: category, boxes: ordered.filter { $0.process.category == category })
        }
        let uncategorised = ordered.filter { $0.process.category == nil }
        if !uncategorised.isEmpty { bands.append(Band(category: nil, boxes: uncategorised)) }
        self.bands = bands
        self.boxIDs = Set(ordered.map(\.process.id))
    }
}
