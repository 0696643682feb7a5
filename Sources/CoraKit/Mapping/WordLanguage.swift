/// Which language the built-in header, level and category words are in, for `cora mapping init` to
/// say the language of a mapping it drafts.
enum WordLanguage {
    /// The language of a level or category value, when only the Dutch or only the English words
    /// have it (`Werkproces`: nl; `Work process`: en; `BP`, `steering`: neither).
    static func ofValue(_ value: String) -> InventoryLanguage? {
        // The canonical values are neutral, though `business-process` reads as "business process".
        guard ProcessLevel(rawValue: value.lowercased()) == nil else { return nil }
        let key = TextNormalization.matchKey(value)
        let dutch = dutchValues.contains(key), english = englishValues.contains(key)
        return dutch == english ? nil : dutch ? .nl : .en
    }

    /// The language most of the recognised words are in: the header cells and the distinct level and
    /// category values; `nil` when none is recognised or it is a tie.
    static func language(header: [String], values: [String]) -> InventoryLanguage? {
        let languages = header.compactMap(HeaderVocabulary.language(ofHeader:)) + values.compactMap(ofValue)
        let english = languages.filter { $0 == .en }.count, dutch = languages.count - english
        return english == dutch ? nil : english > dutch ? .en : .nl
    }

    private static let dutchValues = Set((Array(Vocabulary<ProcessLevel>.dutchLevelWords.keys)
        + Array(Vocabulary<ProcessCategory>.dutchCategoryWords.keys)).map(TextNormalization.matchKey))
    private static let englishValues = Set((Array(Vocabulary<ProcessLevel>.englishLevelWords.keys)
        + Array(Vocabulary<ProcessCategory>.englishCategoryWords.keys)).map(TextNormalization.matchKey))
}
