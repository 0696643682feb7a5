/// Cuts a multi-valued cell into its values on a mapping's `split` separators, in one pass over
/// the cell however many separators there are.
///
/// The values are those of splitting on each separator in turn: every part on the first
/// separator (leftmost occurrences, not overlapping), the parts that gives on the second, and so
/// on, `"\n"` standing for CRLF, LF and CR in that order. Values are trimmed and empty ones
/// dropped. ASCII text is compared byte by byte; other text character by character (a separator
/// followed by a combining accent is not a separator; `é` and `e` + U+0301 are the same).
///
/// Splitting on each separator in turn costs cells × separators; here the trie of the separators
/// is walked once from each position of the cell, collecting where each separator occurs (at
/// most ``separatorLimit`` steps), and the occurrences are then taken by the separator's rank
/// and, within one separator, from left to right, leaving out those that overlap one taken
/// before. That gives the same cuts as splitting in turn: an occurrence survives the earlier
/// separators exactly when it overlaps none of their cuts, and one separator's leftmost
/// non-overlapping occurrences within what is left are those that overlap none of its own
/// earlier ones.
public struct ValueSplitter: Sendable {
    /// The most characters of one separator (a mapping with a longer one is refused): it bounds
    /// the walk from each position of a cell.
    public static let separatorLimit = 16

    /// The separators as the mapping gives them.
    public let separators: [String]
    /// The bytes whose presence means the cell may hold a separator: their first bytes (CR and LF
    /// for `"\n"`).
    private let triggers: [Bool]
    /// The separators in the order they apply (`"\n"` as CRLF, LF, CR), by byte (ASCII ones) and
    /// by character, and the length of each.
    private let byteTrie: PatternTrie<UInt8>
    private let characterTrie: PatternTrie<Character>
    private let byteLengths: [Int]
    private let characterLengths: [Int]

    /// A splitter for `separators`.
    public init(_ separators: [String]) {
        self.separators = separators
        var triggers = [Bool](repeating: false, count: 256)
        var pieces: [String] = []
        for separator in separators {
            if separator == "\n" {
                triggers[0x0A] = true
                triggers[0x0D] = true
                pieces += ["\r\n", "\n", "\r"]
            } else {
                if let first = separator.utf8.first { triggers[Int(first)] = true }
                pieces.append(separator)
            }
        }
        self.triggers = triggers
        var byteTrie = PatternTrie<UInt8>(), characterTrie = PatternTrie<Character>()
        for (index, piece) in pieces.enumerated() {
            if piece.utf8.allSatisfy({ $0 < 0x80 }) { byteTrie.insert(piece.utf8, index: index) }
            characterTrie.insert(piece, index: index)
        }
        self.byteTrie = byteTrie
        self.characterTrie = characterTrie
        byteLengths = pieces.map { $0.utf8.count }
        characterLengths = pieces.map { $0.count }
    }

    /// The values of `value`.
    public func split(_ value: String) -> [String] {
        guard !value.isEmpty else { return [] }
        // Most cells hold one value: when no separator's first byte is in the cell, there is nothing to split.
        if !value.utf8.contains(where: { triggers[Int($0)] }) {
            let trimmed = value.trimmingWhitespace()
            return trimmed.isEmpty ? [] : [trimmed]
        }
        var parts: [String] = []
        if value.isPureASCII {
            let bytes = Array(value.utf8)
            var start = 0
            for cut in Self.cuts(in: bytes, trie: byteTrie, lengths: byteLengths) {
                parts.append(String(decoding: bytes[start..<cut.lowerBound], as: UTF8.self))
                start = cut.upperBound
            }
            parts.append(String(decoding: bytes[start...], as: UTF8.self))
        } else {
            let characters = Array(value)
            var indices = Array(value.indices)
            indices.append(value.endIndex)
            var start = 0
            for cut in Self.cuts(in: characters, trie: characterTrie, lengths: characterLengths) {
                parts.append(String(value[indices[start]..<indices[cut.lowerBound]]))
                start = cut.upperBound
            }
            parts.append(String(value[indices[start]...]))
        }
        return parts.compactMap { $0.trimmingWhitespace().nonEmpty }
    }

    /// Where `text` is cut, left to right: the occurrences of the patterns of `trie` taken by
    /// pattern rank, then from left to right, each unless it overlaps one taken before.
    static func cuts<Key>(in text: [Key], trie: PatternTrie<Key>, lengths: [Int]) -> [Range<Int>] {
        guard !trie.isEmpty else { return [] }
        // From each position, the patterns that start there; a longer one of a lower rank than a
        // shorter one is left out: whatever keeps the shorter one out (an overlapping cut taken
        // before it) keeps the longer one out too, and if the shorter one is cut, the longer overlaps it.
        func occurrences(_ found: (_ pattern: Int, _ start: Int) -> Void) {
            for start in text.indices {
                guard var node = trie.child(of: 0, text[start]) else { continue }
                var best = Int.max
                var end = start + 1
                while true {
                    if let first = trie.patterns(endingAt: node).first, Int(first) < best {
                        best = Int(first)
                        found(best, start)
                    }
                    guard end < text.count, let next = trie.child(of: node, text[end]) else { break }
                    node = next
                    end += 1
                }
            }
        }
        // Bucketed by pattern, each bucket from left to right: counted first, then filled.
        var offsets = [Int](repeating: 0, count: lengths.count + 1)
        occurrences { pattern, _ in offsets[pattern + 1] += 1 }
        for pattern in lengths.indices { offsets[pattern + 1] += offsets[pattern] }
        guard offsets[lengths.count] > 0 else { return [] }
        var starts = [Int32](repeating: 0, count: offsets[lengths.count])
        var filled = offsets
        occurrences { pattern, start in
            starts[filled[pattern]] = Int32(start)
            filled[pattern] += 1
        }
        var covered = [Bool](repeating: false, count: text.count)
        var taken: [Range<Int>] = []
        for pattern in lengths.indices {
            for slot in offsets[pattern]..<offsets[pattern + 1] {
                let range = Int(starts[slot])..<(Int(starts[slot]) + lengths[pattern])
                guard !covered[range].contains(true) else { continue }
                for index in range { covered[index] = true }
                taken.append(range)
            }
        }
        return taken.sorted { $0.lowerBound < $1.lowerBound }
    }
}
