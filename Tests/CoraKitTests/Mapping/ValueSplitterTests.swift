import CoraCSV
@testable import CoraKit
import Foundation
import Testing

/// ``ValueSplitter`` and ``AffixStripper`` (issue 13, item 18): one pass over a cell however many
/// separators or prefixes a mapping has, with exactly the results of trying each in turn, which
/// the straightforward implementations below (those `cora` had before) still do.
@Suite("split, strip-prefixes and strip-suffixes in one pass")
struct ValueSplitterTests {
    // MARK: The straightforward implementations

    /// Splitting on each separator in turn, as `RowMapper.split` did.
    static func referenceSplit(_ value: String, on separators: [String]) -> [String] {
        guard !value.isEmpty else { return [] }
        let mayHoldSeparator = separators.contains { separator in
            if separator == "\n" { return value.utf8.contains { $0 == 0x0A || $0 == 0x0D } }
            guard let first = separator.utf8.first else { return false }
            return value.utf8.contains(first)
        }
        if !mayHoldSeparator {
            let trimmed = value.trimmingWhitespace()
            return trimmed.isEmpty ? [] : [trimmed]
        }
        let ascii = value.utf8.allSatisfy { $0 < 0x80 }
        var parts = [value]
        for separator in separators {
            for piece in separator == "\n" ? ["\r\n", "\n", "\r"] : [separator] {
                parts = parts.flatMap { ascii ? asciiComponents(of: $0, separatedBy: piece) : $0.components(separatedBy: piece) }
            }
        }
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    static func asciiComponents(of text: String, separatedBy separator: String) -> [String] {
        let bytes = Array(text.utf8), pattern = Array(separator.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return [text] }
        var parts: [String] = []
        var start = 0, index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += pattern.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// Each prefix in turn, then each suffix, as `RowMapper.transform` did, with the comparisons
    /// as they were (the whole text counted).
    static func referenceStrip(_ value: String, prefixes: [String], suffixes: [String]) -> String {
        var result = value
        for prefix in prefixes {
            if let stripped = referenceRemoving(prefix, from: result, atStart: true) { result = stripped.trimmingWhitespace() }
        }
        for suffix in suffixes {
            if let stripped = referenceRemoving(suffix, from: result, atStart: false) { result = stripped.trimmingWhitespace() }
        }
        return result
    }

    static func referenceRemoving(_ affix: String, from text: String, atStart: Bool) -> String? {
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        guard let affixEnd = atStart ? affix.utf8.first : affix.utf8.last else { return nil }
        if let textEnd = atStart ? text.utf8.first : text.utf8.last, textEnd < 0x80, affixEnd < 0x80, lower(textEnd) != lower(affixEnd) { return nil }
        let pattern = Array(affix.utf8)
        if pattern.allSatisfy({ $0 < 0x80 }) {
            let window = atStart ? Array(text.utf8.prefix(pattern.count)) : Array(text.utf8.suffix(pattern.count))
            guard window.count == pattern.count else { return nil }
            var unicode = false
            for (a, b) in zip(window, pattern) {
                if a >= 0x80 { unicode = true; break }
                if lower(a) != lower(b) { return nil }
            }
            if !unicode {
                return atStart ? String(Substring(text.utf8.dropFirst(pattern.count))) : String(Substring(text.utf8.dropLast(pattern.count)))
            }
        }
        guard text.count >= affix.count else { return nil }
        if atStart {
            return text.prefix(affix.count).lowercased() == affix.lowercased() ? String(text.dropFirst(affix.count)) : nil
        }
        return text.suffix(affix.count).lowercased() == affix.lowercased() ? String(text.dropLast(affix.count)) : nil
    }

    // MARK: Random text

    /// Pieces of text where the two ways of comparing could part: ASCII in both cases, line
    /// breaks of every kind, accents composed and not, a lone combining accent, regional
    /// indicators and a ZWJ sequence, characters whose lower case or canonical form is ASCII
    /// (KELVIN SIGN, GREEK QUESTION MARK), İ and its decomposition, ß, no-break space.
    static let unicodePieces = [
        "a", "b", "A", "B", "ab", "ba", "aa", ",", ";", ", ", "|", " ", "\t", "\n", "\r", "\r\n", "x", "X",
        "é", "e\u{301}", "E\u{301}", "\u{301}", "ß", "SS", "\u{212A}", "k", "K", "\u{037E}", "İ", "i\u{307}", "I",
        "🇳", "🇱", "🇳🇱", "\u{200D}", "👩", "\u{A0}", "€",
    ]
    static let asciiPieces = ["a", "b", "A", "B", "ab", "ba", "aa", "aab", ",", ";", ", ", "|", " ", "\t", "\n", "\r", "\r\n", "x", "X", "-"]

    static func text(_ rng: inout SplitMix64, pieces: [String], count: ClosedRange<Int>) -> String {
        (0..<rng.within(count)).map { _ in rng.pick(pieces) }.joined()
    }

    static let seeds: [UInt64] = Array(1...8)

    // MARK: Exactness

    @Test("split: one pass gives exactly the values of splitting on each separator in turn (random cells and separators, ASCII and Unicode)", arguments: seeds)
    func splitMatchesReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var cut = 0, unicode = 0
        for round in 0..<1_500 {
            let pieces = rng.chance(oneIn: 2) ? Self.asciiPieces : Self.unicodePieces
            var separators = (0..<rng.within(0...5)).map { _ in Self.text(&rng, pieces: pieces, count: 1...2) }
            if rng.chance(oneIn: 4) { separators.append("\n") }
            if rng.chance(oneIn: 8) { separators.append("") }
            if rng.chance(oneIn: 6), let first = separators.first { separators.append(first) }
            if separators.count > 1 { separators.swapAt(0, rng.below(separators.count)) }
            let value = Self.text(&rng, pieces: pieces + separators.filter { !$0.isEmpty }, count: 0...24)
            let expected = Self.referenceSplit(value, on: separators)
            let actual = ValueSplitter(separators).split(value)
            #expect(actual == expected, "seed \(seed), round \(round): \(value.debugDescription) on \(separators.debugDescription)")
            if actual != expected { return }
            if expected.count > 1 { cut += 1 }
            if expected.count > 1 && !value.utf8.allSatisfy({ $0 < 0x80 }) { unicode += 1 }
        }
        // The rounds are worth something: many cells are cut, text that is not ASCII among them.
        #expect(cut > 500 && unicode > 200, "seed \(seed): \(cut) cells cut, \(unicode) of them not ASCII")
    }

    @Test("split: separators that overlap take effect in the order given, not the longest first")
    func splitOrder() {
        #expect(ValueSplitter(["bc", "ab"]).split("abc") == ["a"])
        #expect(ValueSplitter(["ab", "bc"]).split("abc") == ["c"])
        #expect(ValueSplitter([",", ", "]).split("a, b,c") == ["a", "b", "c"])
        #expect(ValueSplitter(["aa"]).split("aaa") == ["a"])
        #expect(ValueSplitter(["\n"]).split("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        // A separator followed by a combining accent is not one (in text that is not ASCII).
        #expect(ValueSplitter([","]).split("a,\u{301}b,c") == ["a,\u{301}b", "c"])
        #expect(ValueSplitter(["é"]).split("xe\u{301}y,z") == ["xe\u{301}y,z"])
        #expect(ValueSplitter(["é", ","]).split("xe\u{301}y,z") == ["x", "y", "z"])
    }

    @Test("strip-prefixes and strip-suffixes: the tries give exactly the result of trying each in turn (random values and affixes)", arguments: seeds)
    func stripMatchesReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var stripped = 0, unicode = 0
        for round in 0..<1_500 {
            let pieces = rng.chance(oneIn: 2) ? Self.asciiPieces : Self.unicodePieces
            let prefixes = (0..<rng.within(0...6)).map { _ in rng.chance(oneIn: 10) ? "" : Self.text(&rng, pieces: pieces, count: 1...3) }
            let suffixes = (0..<rng.within(0...6)).map { _ in rng.chance(oneIn: 10) ? "" : Self.text(&rng, pieces: pieces, count: 1...3) }
            // Values that often start or end with the affixes, in other cases too.
            var value = Self.text(&rng, pieces: pieces, count: 0...6)
            for _ in 0..<rng.within(0...3) where !prefixes.isEmpty {
                let prefix = rng.pick(prefixes)
                value = (rng.chance(oneIn: 2) ? prefix.uppercased() : prefix) + rng.pick(["", " ", "\t"]) + value
            }
            for _ in 0..<rng.within(0...3) where !suffixes.isEmpty {
                let suffix = rng.pick(suffixes)
                value += rng.pick(["", " "]) + (rng.chance(oneIn: 2) ? suffix.lowercased() : suffix)
            }
            let expected = Self.referenceStrip(value, prefixes: prefixes, suffixes: suffixes)
            let actual = AffixStripper(prefixes: prefixes, suffixes: suffixes).strip(value)
            #expect(actual == expected, "seed \(seed), round \(round): \(value.debugDescription) prefixes \(prefixes.debugDescription) suffixes \(suffixes.debugDescription)")
            for affix in prefixes + suffixes {
                #expect(value.removingPrefix(affix) == Self.referenceRemoving(affix, from: value, atStart: true))
                #expect(value.removingSuffix(affix) == Self.referenceRemoving(affix, from: value, atStart: false))
            }
            if actual != expected { return }
            if expected != value.trimmingWhitespace() { stripped += 1 }
            if expected != value.trimmingWhitespace() && !value.utf8.allSatisfy({ $0 < 0x80 }) { unicode += 1 }
        }
        #expect(stripped > 500 && unicode > 200, "seed \(seed): \(stripped) values stripped, \(unicode) of them not ASCII")
    }

    @Test("strip-prefixes: each in turn, case-insensitively, the rest trimmed before the next")
    func stripOrder() {
        let stripper = AffixStripper(prefixes: ["WP", "BP ", "wp:"], suffixes: ["(werkproces)", ")"])
        #expect(stripper.strip("BP WP: Verhuren (Werkproces)") == "Verhuren")
        #expect(stripper.strip("WP BP x") == "x")
        #expect(stripper.strip("BP WP x") == "WP x")
        #expect(stripper.strip("wp: bp x (werkproces))") == ": bp x (werkproces)")
        #expect(AffixStripper(prefixes: ["a", "a", "a"], suffixes: []).strip("aa a b") == "b")
        // KELVIN SIGN is a K to the Unicode comparison.
        #expect(AffixStripper(prefixes: ["k"], suffixes: []).strip("\u{212A}é") == "é")
        // ASCII affixes on ASCII text are found byte-wise alone.
        #expect(AffixStripper(prefixes: ["bp "], suffixes: ["(wp)"]).strip("BP x (WP)") == "x")
        // A first (last) byte that no affix starts (ends) with: passed over, the value as it was.
        #expect(AffixStripper(prefixes: ["bp "], suffixes: ["(wp)"]).strip("Registreren  x ") == "Registreren  x ")
        #expect(AffixStripper(prefixes: ["bp "], suffixes: ["(wp)"]).strip("bp Registreren") == "Registreren")
        #expect(AffixStripper(prefixes: ["bp "], suffixes: ["(wp)"]).strip("Registreren (WP)") == "Registreren")
        #expect(AffixStripper(prefixes: ["bp "], suffixes: ["(wp)"]).strip("éBP x") == "éBP x")
    }

    // MARK: Cost

    /// A mapping with the list of `key` given 19,000 entries `s00000x` … `s18999x` (the most that
    /// stays under the 20,000 YAML nodes of a mapping).
    static func mapping(_ key: String, on field: String) throws -> Mapping {
        let list = "[" + (0..<19_000).map { String(format: "\"s%05dx\"", $0) }.joined(separator: ", ") + "]"
        return try MappingParser.parse("""
            fields:
              name: \(field == "name" ? "{columns: [Naam], \(key): \(list)}" : "Naam")
              services: \(field == "services" ? "{columns: [Diensten], \(key): \(list)}" : "Diensten")
              level: {constant: business-process}
              category: {constant: primary}
            """, file: "m.yaml")
    }

    @Test("a 1 MB cell split on 19,000 separators: one pass, not cells × separators (about 50 s before)", .hangGuard)
    func manySeparators() throws {
        let cell = String(repeating: "Huurcontract, beheer | s00042x sleutels ", count: 25_000)
        let result = try Pipeline.convert(MemoryByteSource(text: "Naam,Diensten\nVerhuren eenheden,\"\(cell)\"\n"), file: "in.csv",
                                          mapping: try Self.mapping("split", on: "services"), settings: ConversionSettings())
        // Cut at every s00042x, and at every | (always a separator of a list: the canonical CSV joins with it).
        let services = result.model.processes.first?.services ?? []
        #expect(services.count == 25_001)
        #expect(Array(services.prefix(3)) == ["Huurcontract, beheer", "sleutels Huurcontract, beheer", "sleutels Huurcontract, beheer"])
        #expect(services.last == "sleutels")
    }

    @Test("20,000 values against 19,000 strip-prefixes and 19,000 strip-suffixes: the few that can match are tried, not all", .hangGuard)
    func manyPrefixes() throws {
        var csv = "Naam,Diensten\n"
        for index in 0..<20_000 { csv += String(format: "s%05dx Verhuren %d s%05dx,\n", index % 19_000, index, (index + 7) % 19_000) }
        for key in ["strip-prefixes", "strip-suffixes"] {
            let result = try Pipeline.convert(MemoryByteSource(text: csv), file: "in.csv", mapping: try Self.mapping(key, on: "name"),
                                              settings: ConversionSettings())
            let names = result.model.processes.map(\.name)
            #expect(names.count == 20_000)
            let expected = (0..<20_000).map {
                key == "strip-prefixes" ? String(format: "Verhuren %d s%05dx", $0, ($0 + 7) % 19_000) : String(format: "s%05dx Verhuren %d", $0 % 19_000, $0)
            }
            #expect(names == expected, "\(key): \(names.prefix(3))")
        }
    }
}
