/// The model as a ``ModelRule`` sees it: per process a few facts in plain arrays (so that a million
/// processes are checked without a copy of each), and the whole process and its row on demand, for
/// the processes a rule reports.
///
/// Positions are those of the processes still in the model, in input order; ``parents`` gives each
/// one's parent among them (-1 at the top).
public struct ModelFacts: Sendable {
    /// The level of each process.
    public let levels: [ProcessLevel?]
    /// The category of each process.
    public let categories: [ProcessCategory?]
    /// The position of each process's parent, -1 at the top.
    public let parents: [Int32]
    /// Whether each process has a (non-blank) function.
    public let hasFunction: [Bool]
    /// The requirements and PDCA relations.
    public let pdca: PDCAFacts
    /// The deepest nesting accepted (`--max-depth`).
    public let maxDepth: Int
    /// Whether every finding is an error (`--strict`): a rule that stays quiet where the data shows
    /// no intent (a work process without a function, when no process has one) speaks up then.
    public let strict: Bool
    /// The process at each position, and its row, from the builder's storage.
    private let lookUp: @Sendable (Int) -> (process: CoraProcess, row: RowTrace?)

    /// Facts from their parts; `lookUp` gives the process at a position and its row (`nil` for a
    /// process without a row of its own).
    init(levels: [ProcessLevel?], categories: [ProcessCategory?], parents: [Int32], hasFunction: [Bool], pdca: PDCAFacts = PDCAFacts(),
         maxDepth: Int, strict: Bool, lookUp: @escaping @Sendable (Int) -> (process: CoraProcess, row: RowTrace?)) {
        self.levels = levels
        self.categories = categories
        self.parents = parents
        self.hasFunction = hasFunction
        self.pdca = pdca
        self.maxDepth = maxDepth
        self.strict = strict
        self.lookUp = lookUp
    }

    /// The number of processes.
    public var count: Int { levels.count }

    /// The process at `index`.
    public func process(_ index: Int) -> CoraProcess { lookUp(index).process }

    /// The row the process at `index` came from: its file, line and columns (`nil` for a process
    /// made from a per-level layout without a row of its own).
    public func row(_ index: Int) -> RowTrace? { lookUp(index).row }

    /// The position of the parent of the process at `index`, if it has one.
    public func parent(of index: Int) -> Int? {
        let parent = Int(parents[index])
        return parent >= 0 ? parent : nil
    }

    /// For each process, whether it is one of `starts` or an ancestor of one. Each process is
    /// marked once: a walk up stops at a process marked before, so the whole costs one step per
    /// process at most.
    public func withAncestors(of starts: some Sequence<Int>) -> [Bool] {
        var marked = [Bool](repeating: false, count: count)
        for start in starts {
            var current: Int? = start
            while let position = current, !marked[position] {
                marked[position] = true
                current = parent(of: position)
            }
        }
        return marked
    }

    /// The depth of each process: 1 at the top, its parent's depth + 1 below. Computed without
    /// recursion, each process once; a cycle (broken before the rules run) would count as the top.
    public func depths() -> [Int] {
        // 0: not yet known; -1: on the chain being walked (met again: a cycle).
        var depth = [Int](repeating: 0, count: parents.count)
        var chain: [Int] = []
        for start in parents.indices where depth[start] == 0 {
            chain.removeAll(keepingCapacity: true)
            var current = start
            while current >= 0, depth[current] == 0 {
                depth[current] = -1
                chain.append(current)
                current = Int(parents[current])
            }
            var base = current >= 0 ? max(depth[current], 0) : 0
            for node in chain.reversed() {
                base += 1
                depth[node] = base
            }
        }
        return depth
    }
}
