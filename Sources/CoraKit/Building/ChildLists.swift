/// The children of every position, from an array of parent positions: one flat array of children
/// grouped by parent (compressed sparse rows), in ascending order within each parent.
///
/// Two arrays of integers instead of a dictionary of arrays: a million rows cost 8 MB and no hashing.
struct ChildLists {
    /// Where the children of each parent start in ``children``; `starts[p + 1]` is where they end.
    private var starts: [Int32]
    private var children: [Int32]

    /// The lists for `parents`, where `parents[i]` is the position of the parent of `i`, or -1.
    init(parents: [Int32]) {
        var starts = [Int32](repeating: 0, count: parents.count + 1)
        for parent in parents where parent >= 0 { starts[Int(parent) + 1] += 1 }
        for index in parents.indices { starts[index + 1] += starts[index] }
        var next = starts
        var children = [Int32](repeating: 0, count: Int(starts[parents.count]))
        for (child, parent) in parents.enumerated() where parent >= 0 {
            children[Int(next[Int(parent)])] = Int32(child)
            next[Int(parent)] += 1
        }
        self.starts = starts
        self.children = children
    }

    /// The children of `parent`, in ascending order.
    subscript(parent: Int) -> some Sequence<Int> {
        children[Int(starts[parent])..<Int(starts[parent + 1])].lazy.map { Int($0) }
    }
}
