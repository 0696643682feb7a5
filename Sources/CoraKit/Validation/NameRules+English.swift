/// The naming convention for inventories in English (a mapping with `language: en`).
extension NameRules {
    /// The endings of English nouns made from verbs ("Letting", "Collection", "Payment",
    /// "Maintenance", "Approval"): a name that starts with one is named after the activity instead
    /// of with the verb that does it.
    static let englishNounEndings = ["ing", "tion", "sion", "ment", "ance", "ence", "ness", "ity", "ship", "val", "ery"]

    /// Verbs with one of the ``englishNounEndings`` that process names start with ("Document
    /// decision", "Finance project", "Bring forward").
    static let englishVerbsLikeNouns: Set<String> = [
        "bring", "ring", "sing", "string", "swing", "sting", "implement", "document", "comment", "supplement", "complement",
        "experiment", "segment", "augment", "cement", "position", "question", "mention", "function", "commission", "sanction",
        "condition", "partition", "petition", "provision", "envision", "section", "auction", "caution", "station",
        "audition", "transition", "balance", "finance", "refinance", "advance", "enhance", "reference", "influence",
        "experience", "evidence", "sequence", "sentence", "fence", "commence", "silence", "witness", "harness", "ship",
        "worship", "query",
    ]

    /// Checks that the name of a business process, work process or process step starts with a verb,
    /// as English process names do ("Let homes", "Collect rent", "Pay invoices").
    ///
    /// English verbs cannot be told from nouns by their form ("Plan maintenance", "Draft business
    /// plan"), so the check only flags what plainly is not a verb, keeping false alarms rare: a first
    /// word with the ending of a noun made from a verb ("Letting homes", "Collection of rent",
    /// "Payment of invoices", "Maintenance planning"), except the verbs that end so ("Document",
    /// "Finance"). A noun first that has no such ending ("Rent collection") is not caught. An adverb before the verb ("Periodically review
    /// rents") is skipped; leading words without letters (a code) are skipped.
    static func englishConvention(for name: String, level: ProcessLevel) -> Convention? {
        switch level {
        case .businessProcess, .workProcess, .processStep: break
        case .steeringScenario, .processChain: return nil
        }
        let clean = withoutNoise(name)
        var words = clean.split(separator: " ").map(String.init)
        while let first = words.first, !first.contains(where: \.isLetter) { words.removeFirst() }
        if words.count >= 2, letters(of: words[0]).hasSuffix("ly") { words.removeFirst() }
        guard let first = words.first, looksLikeEnglishNoun(first) else { return nil }
        let levelName = level.rawValue.replacingOccurrences(of: "-", with: " ")
        return Convention(
            message: "the \(levelName) \"\(clean)\" does not start with a verb; an English process name starts with the verb, "
                + "such as \"Let homes\" or \"Pay invoices\"",
            hint: "start with the verb (\"Pay invoices\", not \"Paying invoices\" or \"Payment of invoices\"); "
                + "this is a convention, the process is kept as it is")
    }

    /// Whether `word` ends like a noun made from a verb and is not one of the verbs that end so.
    static func looksLikeEnglishNoun(_ word: String) -> Bool {
        let key = letters(of: word)
        guard key.count >= 5, !englishVerbsLikeNouns.contains(key) else { return false }
        return englishNounEndings.contains { key.hasSuffix($0) }
    }
}
