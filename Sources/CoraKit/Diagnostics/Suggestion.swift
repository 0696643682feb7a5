/// "Did you mean …?": the closest known word to a misspelled one.
public enum Suggestion {
    /// The candidate closest to `word` (compared as ``TextNormalization/matchKey(_:)``), when it is
    /// close enough to be a likely typo: one edit for words of up to three letters, otherwise two
    /// edits or a third of the letters, whichever is more.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let key = TextNormalization.matchKey(word)
        guard !key.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(key, TextNormalization.matchKey(candidate))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        let allowed = key.count <= 3 ? 1 : max(2, key.count / 3)
        guard let best, best.distance <= allowed else { return nil }
        return best.candidate
    }

    /// The Levenshtein distance between `a` and `b`, in characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
