/// A field's `strip-prefixes` and `strip-suffixes`, found through tries instead of trying every
/// one on every value.
///
/// The result is that of trying each prefix in turn and then each suffix: one the value starts
/// (ends) with, compared case-insensitively, is removed and what is left is trimmed before the
/// next is tried (``String/removingPrefix(_:)``, ``String/removingSuffix(_:)``). Trying them
/// all costs values × prefixes; here the prefixes that can match are found by walking tries
/// along the start of the value (lower-case ASCII bytes for the byte-wise comparison, lower-case
/// characters for the Unicode one), and only those, in their order, are tried.
struct AffixStripper: Sendable {
    /// One end: its affixes and their tries.
    private struct End: Sendable {
        let affixes: [String]
        let atStart: Bool
        /// Whether every affix is ASCII: then a text whose bytes the byte-wise walk left at an
        /// ASCII byte (or at its end) has no other candidates character-wise.
        let allASCII: Bool
        /// ASCII affixes by lower-case byte (from the end of the affix for suffixes).
        var bytes = PatternTrie<UInt8>()
        /// Every affix by lower-cased character (from the end for suffixes).
        var characters = PatternTrie<String>()
        /// The lower-case ASCII bytes an affix starts (a suffix ends) with, one bit each: most values
        /// start with none of them, and are passed over without a walk.
        private var firstBytes: (low: UInt64, high: UInt64) = (0, 0)

        init(_ affixes: [String], atStart: Bool) {
            self.affixes = affixes
            self.atStart = atStart
            allASCII = affixes.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            for (index, affix) in affixes.enumerated() {
                if affix.utf8.allSatisfy({ $0 < 0x80 }) {
                    let lowered = affix.utf8.map(Self.lowercase)
                    bytes.insert(atStart ? lowered : lowered.reversed(), index: index)
                    if let first = atStart ? lowered.first : lowered.last {
                        if first < 64 { firstBytes.low |= 1 << UInt64(first) } else { firstBytes.high |= 1 << UInt64(first - 64) }
                    }
                }
                let keys = affix.map { String($0).lowercased() }
                characters.insert(atStart ? keys : keys.reversed(), index: index)
            }
        }

        /// The first affix from `index` on that `text` starts (ends) with, and `text` without it.
        func firstMatch(in text: String, from index: Int) -> (index: Int, rest: String)? {
            if allASCII, let end = atStart ? text.utf8.first : text.utf8.last, end < 0x80 {
                // Every affix is ASCII and the text starts (ends) with an ASCII byte that none
                // starts (ends) with: no affix can match, byte-wise or character-wise.
                let key = Self.lowercase(end)
                let bit = key < 64 ? firstBytes.low & (1 << UInt64(key)) : firstBytes.high & (1 << UInt64(key - 64))
                if bit == 0 { return nil }
            }
            var candidates: [ArraySlice<Int32>] = []
            func collect(_ patterns: [Int32]) {
                guard let last = patterns.last, Int(last) >= index else { return }
                var low = 0, high = patterns.count
                while low < high {
                    let middle = (low + high) / 2
                    if Int(patterns[middle]) < index { low = middle + 1 } else { high = middle }
                }
                candidates.append(patterns[low...])
            }
            // Byte-wise: as far as the text is ASCII (a byte beyond makes the comparison Unicode).
            var node = 0
            var stoppedBeyondASCII = false
            func walk(byte: UInt8) -> Bool {
                guard byte < 0x80 else {
                    stoppedBeyondASCII = true
                    return false
                }
                guard let next = bytes.child(of: node, Self.lowercase(byte)) else { return false }
                node = next
                collect(bytes.patterns(endingAt: node))
                return true
            }
            if atStart {
                for byte in text.utf8 { guard walk(byte: byte) else { break } }
            } else {
                for byte in text.utf8.reversed() { guard walk(byte: byte) else { break } }
            }
            // Character-wise, lower-cased: only where it can find more than the bytes did (a
            // non-ASCII affix, or a character beyond ASCII that lower-cases to one, such as K).
            if allASCII && !stoppedBeyondASCII { return firstCandidate(among: &candidates, in: text) }
            node = 0
            func walk(character: Character) -> Bool {
                guard let next = characters.child(of: node, String(character).lowercased()) else { return false }
                node = next
                collect(characters.patterns(endingAt: node))
                return true
            }
            if atStart {
                for character in text { guard walk(character: character) else { break } }
            } else {
                for character in text.reversed() { guard walk(character: character) else { break } }
            }
            return firstCandidate(among: &candidates, in: text)
        }

        /// The first of `candidates` (in the affixes' order) that `text` starts (ends) with, checked
        /// by the comparison itself, and `text` without it.
        private func firstCandidate(among candidates: inout [ArraySlice<Int32>], in text: String) -> (index: Int, rest: String)? {
            while let pick = candidates.indices.filter({ !candidates[$0].isEmpty }).min(by: { candidates[$0].first! < candidates[$1].first! }) {
                let affix = Int(candidates[pick].removeFirst())
                if let rest = atStart ? text.removingPrefix(affixes[affix]) : text.removingSuffix(affixes[affix]) {
                    return (affix, rest)
                }
            }
            return nil
        }

        private static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
    }

    private let prefixes: End
    private let suffixes: End

    /// The stripper for `prefixes` and `suffixes`.
    init(prefixes: [String], suffixes: [String]) {
        self.prefixes = End(prefixes, atStart: true)
        self.suffixes = End(suffixes, atStart: false)
    }

    /// Whether there is nothing to strip.
    var isEmpty: Bool { prefixes.affixes.isEmpty && suffixes.affixes.isEmpty }

    /// `value` with the prefixes and then the suffixes stripped, each in turn.
    func strip(_ value: String) -> String {
        var result = value
        // Not a loop over `[prefixes, suffixes]`: that array would copy both ends on every value.
        Self.strip(prefixes, from: &result)
        Self.strip(suffixes, from: &result)
        return result
    }

    /// Strips the affixes of `end` from `text`, each in turn.
    private static func strip(_ end: borrowing End, from text: inout String) {
        guard !end.affixes.isEmpty else { return }
        var next = 0
        while let match = end.firstMatch(in: text, from: next) {
            text = match.rest.trimmingWhitespace()
            next = match.index + 1
        }
    }
}
