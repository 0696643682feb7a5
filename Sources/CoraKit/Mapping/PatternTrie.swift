/// A trie of patterns (sequences of bytes, characters or other keys), each known by its index in
/// the list it came from: walked along a text, it finds every pattern that starts there in one
/// step per key, however many patterns there are.
struct PatternTrie<Key: Hashable & Sendable>: Sendable {
    /// The children of each node; node 0 is the root.
    private var children: [[Key: Int32]] = [[:]]
    /// The indices of the patterns that end at each node, ascending.
    private var ends: [[Int32]] = [[]]

    /// An empty trie.
    init() {}

    /// Whether no pattern was added (empty patterns are not).
    var isEmpty: Bool { children[0].isEmpty }

    /// Adds `pattern` as the pattern `index`; indices must be added in ascending order. An empty
    /// pattern is left out: it matches nothing.
    mutating func insert(_ pattern: some Sequence<Key>, index: Int) {
        var node = 0
        for key in pattern {
            if let next = children[node][key] {
                node = Int(next)
            } else {
                children.append([:])
                ends.append([])
                children[node][key] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        if node != 0 { ends[node].append(Int32(index)) }
    }

    /// The node reached from `node` by `key`, if a pattern goes on that way.
    func child(of node: Int, _ key: Key) -> Int? {
        children[node][key].map(Int.init)
    }

    /// The indices of the patterns that end at `node`, ascending.
    func patterns(endingAt node: Int) -> [Int32] {
        ends[node]
    }
}
