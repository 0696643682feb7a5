/// The hierarchy of a model as a tree: children in order (by `order`, then input order), walks from
/// the top down, and the business processes of each category in the order of the tree.
public struct ProcessTree: Sendable {
    /// The model.
    public let model: ProcessModel
    private let childrenByParent: [String: [Int]]
    private let indexByID: [String: Int]
    /// The positions of ``depthFirst``.
    private let depthFirstPositions: [Int]

    /// Builds the tree of `model`. A process whose parent is not in the model counts as a root.
    public init(_ model: ProcessModel) {
        // The walks read processes many times each, in any order: as values, made once.
        let model = model.withProcessesAsValues
        self.model = model
        var index: [String: Int] = [:]
        for (position, process) in model.processes.enumerated() where index[process.id] == nil { index[process.id] = position }
        var children: [String: [Int]] = [:]
        for (position, process) in model.processes.enumerated() {
            let parent = index[process.parent] != nil ? process.parent : ""
            children[parent, default: []].append(position)
        }
        for key in children.keys {
            children[key]!.sort { a, b in
                let x = model.processes[a].order ?? Int.max, y = model.processes[b].order ?? Int.max
                return x != y ? x < y : a < b
            }
        }
        self.childrenByParent = children
        self.indexByID = index
        // Every process reached from the roots, depth first: walked once, by position.
        var order: [Int] = []
        order.reserveCapacity(model.processes.count)
        var seen = [Bool](repeating: false, count: model.processes.count)
        var stack: [Int] = (children[""] ?? []).reversed()
        while let position = stack.popLast() {
            guard !seen[position] else { continue }
            seen[position] = true
            order.append(position)
            stack.append(contentsOf: (children[model.processes[position].id] ?? []).reversed())
        }
        self.depthFirstPositions = order
    }

    /// The process with id `id`.
    public func process(_ id: String) -> CoraProcess? { indexByID[id].map { model.processes[$0] } }

    /// The children of the process `id` (the roots for `""`), in order.
    public func children(of id: String) -> [CoraProcess] {
        (childrenByParent[id] ?? []).map { model.processes[$0] }
    }

    /// Every process below `id` (the whole forest for `""`), depth first, with its depth (1 for
    /// the children of `id`).
    public func descendants(of id: String) -> [(process: CoraProcess, depth: Int)] {
        descendants(of: id, stoppingBelow: { _ in false })
    }

    /// Every process below `id` as ``descendants(of:)`` lists them, except those below a process
    /// for which `stops` holds: that process is listed, what is below it is not.
    public func descendants(of id: String, stoppingBelow stops: (CoraProcess) -> Bool) -> [(process: CoraProcess, depth: Int)] {
        var result: [(CoraProcess, Int)] = []
        var stack: [(Int, Int)] = (childrenByParent[id] ?? []).reversed().map { ($0, 1) }
        var seen = Set<Int>()
        while let (position, depth) = stack.popLast() {
            guard seen.insert(position).inserted else { continue }
            let process = model.processes[position]
            result.append((process, depth))
            if stops(process) { continue }
            stack.append(contentsOf: (childrenByParent[process.id] ?? []).reversed().map { ($0, depth + 1) })
        }
        return result
    }

    /// For every process reached from the roots, by id, the nearest of its ancestors (its parent
    /// first) for which `matches` holds; absent when none does. One walk down the tree: what
    /// ``ancestors(of:)`` would find for every process, without walking a deep chain once per process.
    public func nearestAncestors(where matches: (CoraProcess) -> Bool) -> [String: CoraProcess] {
        var result: [String: CoraProcess] = [:]
        var stack: [(position: Int, nearest: Int?)] = (childrenByParent[""] ?? []).reversed().map { ($0, nil) }
        var seen = Set<Int>()
        while let (position, nearest) = stack.popLast() {
            guard seen.insert(position).inserted else { continue }
            let process = model.processes[position]
            if let nearest, result[process.id] == nil { result[process.id] = model.processes[nearest] }
            let below = matches(process) ? position : nearest
            stack.append(contentsOf: (childrenByParent[process.id] ?? []).reversed().map { ($0, below) })
        }
        return result
    }

    /// All processes, depth first from the roots.
    public var depthFirst: [CoraProcess] { depthFirstPositions.map { model.processes[$0] } }

    /// The business processes of `category` (`nil`: without a category), in the order of the tree.
    public func businessProcesses(in category: ProcessCategory?) -> [CoraProcess] {
        depthFirstPositions.lazy.filter { self.model.processes[$0].level == .businessProcess && self.model.processes[$0].category == category }
            .map { self.model.processes[$0] }
    }

    /// The ancestors of `id`, from its parent up.
    public func ancestors(of id: String) -> [CoraProcess] {
        var result: [CoraProcess] = []
        var current = process(id)?.parent ?? ""
        while let parent = process(current), result.count < model.processes.count {
            result.append(parent)
            current = parent.parent
        }
        return result
    }
}
