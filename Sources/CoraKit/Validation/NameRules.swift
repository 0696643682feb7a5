/// Process names: the noise spreadsheets add to them, and CORA's naming convention (CORA.md §1).
enum NameRules {
    // MARK: Noise

    /// The prefixes of level names that VERA and many inventories put before a name ("BP Verhuren eenheden").
    static let levelPrefixes = ["WP ", "BP "]
    /// The level words that inventories put after a name ("Verhuren eenheid (werkproces)").
    static let levelSuffixes = ["(werkproces)", "(bedrijfsproces)", "(processtap)", "(procesketen)", "(stuurscenario)"]

    /// What is noisy about a name, and the mapping settings that clean it.
    struct Noise: Equatable {
        /// The problems, such as "the prefix \"WP \"".
        var problems: [String]
        /// The mapping settings that would clean the name, such as `strip-prefixes: ["WP "]`.
        var settings: [String]
    }

    /// The noise in `name`, or `nil` for a clean name. What a mapping strips or trims is gone by
    /// now, so whatever is found here the mapping left in.
    static func noise(in name: String) -> Noise? {
        if isQuicklyClean(name) { return nil }
        guard let first = name.first, let last = name.last else { return nil }
        var noise = Noise(problems: [], settings: [])
        if first.isWhitespace || last.isWhitespace {
            noise.problems.append(first.isWhitespace && last.isWhitespace ? "leading and trailing whitespace"
                                  : first.isWhitespace ? "leading whitespace" : "trailing whitespace")
            noise.settings.append("trim: true")
        }
        let trimmed = name.trimmingWhitespace()
        // Two or more whitespace characters in a row; a single line break (CRLF is one character)
        // is left alone, as a name written on two lines in a cell.
        if trimmed.hasWhitespaceRun {
            noise.problems.append("several spaces in a row")
            noise.settings.append("collapse-whitespace: true")
        }
        let collapsed = trimmed.collapsingWhitespace()
        if let prefix = levelPrefixes.first(where: { collapsed.removingPrefix($0) != nil }) {
            noise.problems.append("the prefix \"\(collapsed.prefix(prefix.count))\"")
            noise.settings.append("strip-prefixes: [\"\(prefix)\"]")
        }
        if let suffix = levelSuffixes.first(where: { collapsed.removingSuffix($0) != nil }) {
            noise.problems.append("the suffix \"\(collapsed.suffix(suffix.count))\"")
            noise.settings.append("strip-suffixes: [\"\(suffix)\"]")
        }
        return noise.problems.isEmpty ? nil : noise
    }

    /// `name` without the noise: trimmed, whitespace collapsed, level prefixes and suffixes removed.
    /// Whether a byte scan alone shows that `name` has none of the noise ``noise(in:)`` looks for:
    /// no whitespace at either end or twice in a row, no byte that may start a Unicode space, no
    /// space as the third byte (where `WP `/`BP ` has it) and no `)` at the end. Most names pass;
    /// the others get the full check.
    static func isQuicklyClean(_ name: String) -> Bool {
        var previousWasSpace = true  // whitespace at the start counts as noise
        var index = 0
        for byte in name.utf8 {
            if String.isASCIIWhitespace(byte) {
                if previousWasSpace || index == 2 { return false }
                previousWasSpace = true
            } else {
                if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 { return false }
                previousWasSpace = false
            }
            index += 1
        }
        return !previousWasSpace && name.utf8.last != UInt8(ascii: ")")
    }

    static func withoutNoise(_ name: String) -> String {
        var result = name.trimmingWhitespace().collapsingWhitespace()
        // Most names have neither: a level prefix has a space as its third byte, a suffix ends in ")".
        let bytes = result.utf8
        let mayHavePrefix = bytes.count > 3 && bytes[bytes.index(bytes.startIndex, offsetBy: 2)] == 0x20
        let mayHaveSuffix = bytes.last == UInt8(ascii: ")")
        guard mayHavePrefix || mayHaveSuffix else { return result }
        for prefix in levelPrefixes {
            if let stripped = result.removingPrefix(prefix) { result = stripped.trimmingWhitespace() }
        }
        for suffix in levelSuffixes {
            if let stripped = result.removingSuffix(suffix) { result = stripped.trimmingWhitespace() }
        }
        return result
    }

    // MARK: Naming convention

    /// Nouns that CORA itself puts first in a process name instead of a verb ("Intake klantvraag",
    /// "Nazorg nieuwe huurder").
    static let actionNouns: Set<String> = ["intake", "nazorg"]

    /// What is wrong with a name and what to do about it.
    struct Convention: Equatable {
        /// The sentence for the message.
        var message: String
        /// What to do.
        var hint: String
    }

    /// Checks a name against the naming convention of `language`: Dutch (``convention(for:level:)``)
    /// or English (``englishConvention(for:level:)``).
    static func convention(for name: String, level: ProcessLevel, language: InventoryLanguage) -> Convention? {
        switch language {
        case .nl: return convention(for: name, level: level)
        case .en: return englishConvention(for: name, level: level)
        }
    }

    /// Checks that the name of a business process, work process or process step starts with a
    /// verb in the infinitive, as CORA names them ("Verhuren eenheden", "Verhuren eenheid",
    /// "Opstellen huurovereenkomst"). Steering scenarios and process chains are named after what
    /// they cover ("Verhuurmutatie", "Incasso") and are not checked.
    ///
    /// The heuristic, chosen to keep false alarms rare:
    /// - the first word counts as a verb when it ends in "en" ("Verhuren", "Beëindigen", "Pre-notificeren")
    ///   or "aan" ("Ontstaan"), after a parenthesised prefix is dropped ("(Her)ontwikkelen");
    /// - "Publiceren/adverteren" counts when every part does; a cut-off part ("Aan-/verkopen") is skipped;
    /// - an adverb may come before the verb ("Administratief afhandelen niet planmatig onderhoud",
    ///   "Periodiek controleren"): the second word is a verb and either a noun follows it or the first
    ///   word ends like a Dutch adverb (-ief, -eel, -aal, -lijk(s), -isch, -ig, -iek); "Eenheid verhuren"
    ///   is still a warning;
    /// - leading words without letters (a code or a number) are skipped;
    /// - CORA's own exceptions ("Intake", "Nazorg") pass.
    ///
    /// A plural noun for business processes and a singular one for work processes is not checked:
    /// CORA's own names break that rule ("Bepalen visie" is a business process, "Actualiseren
    /// woonwensen" a work process), and Dutch plurals cannot be told from singulars by their ending.
    static func convention(for name: String, level: ProcessLevel) -> Convention? {
        let expected: String
        switch level {
        case .businessProcess: expected = "a verb and a plural noun, such as \"Verhuren eenheden\""
        case .workProcess: expected = "a verb and a singular noun, such as \"Verhuren eenheid\""
        case .processStep: expected = "a verb first, such as \"Opstellen huurovereenkomst\""
        case .steeringScenario, .processChain: return nil
        }
        if quicklyStartsWithVerb(name) { return nil }
        let clean = withoutNoise(name)
        var words = clean.split(separator: " ").map(String.init)
        while let first = words.first, !first.contains(where: \.isLetter) { words.removeFirst() }
        if let first = words.first, first.hasPrefix("("), let close = first.firstIndex(of: ")") {
            let rest = String(first[first.index(after: close)...])
            if rest.isEmpty { words.removeFirst() } else { words[0] = rest }
        }
        guard let first = words.first, !startsWithVerb(first) else { return nil }
        // An adverb before the verb: "Administratief afhandelen niet planmatig onderhoud".
        if words.count >= 2, startsWithVerb(words[1]), words.count >= 3 || looksLikeAdverb(first) { return nil }
        let hint = "start with the verb in the infinitive (\"Verhuren eenheid\", not \"Eenheid verhuren\" or \"Verhuur eenheid\"); "
            + "this is a convention, the process is kept as it is"
        return Convention(
            message: "the \(level.dutchName) \"\(clean)\" does not start with a verb; CORA names it with \(expected)",
            hint: hint)
    }

    /// Whether a first word is a verb: every part of "Publiceren/adverteren" is, or it is one of
    /// CORA's own exceptions.
    /// The common case without building words: a plain ASCII first word of four or more letters
    /// that ends in "en" or "aan" ("Verhuren eenheid").
    static func quicklyStartsWithVerb(_ name: String) -> Bool {
        var letters = 0
        var last2: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in name.utf8 {
            if byte == 0x20 { break }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            guard lower >= 0x61 && lower <= 0x7A else { return false }
            letters += 1
            last2 = (last2.1, last2.2, lower)
        }
        guard letters >= 4 else { return false }
        return (last2.1 == UInt8(ascii: "e") && last2.2 == UInt8(ascii: "n"))
            || (last2.0 == UInt8(ascii: "a") && last2.1 == UInt8(ascii: "a") && last2.2 == UInt8(ascii: "n"))
    }

    static func startsWithVerb(_ word: String) -> Bool {
        let key = letters(of: word)
        if actionNouns.contains(key) { return true }
        let parts = word.split(separator: "/").map(String.init).filter { !$0.hasSuffix("-") && !letters(of: $0).isEmpty }
        return !parts.isEmpty && parts.allSatisfy(isInfinitive)
    }

    /// The endings of Dutch adverbs and adjectives ("administratief", "digitaal", "jaarlijks").
    static let adverbEndings = ["ief", "eel", "aal", "lijk", "lijks", "isch", "ig", "iek"]

    /// Whether `word` ends like a Dutch adverb.
    static func looksLikeAdverb(_ word: String) -> Bool {
        let key = letters(of: word)
        return adverbEndings.contains { key.hasSuffix($0) }
    }

    /// Whether `word` looks like a Dutch infinitive: it ends in "en" or "aan", with at least four
    /// letters ("gaan", "doen"; not "een").
    static func isInfinitive(_ word: String) -> Bool {
        let key = letters(of: word)
        return key.count >= 4 && (key.hasSuffix("en") || key.hasSuffix("aan"))
    }

    /// The letters of `word`, lower case and without accents ("(Her)ontwikkelen" → "herontwikkelen").
    static func letters(of word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lower-case letters byte by byte, without Foundation's folding.
            let bytes = word.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case 0x41...0x5A: return byte + 0x20
                case 0x61...0x7A: return byte
                default: return nil
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(TextNormalization.foldAccents(word).lowercased().filter(\.isLetter))
    }

}
