/// What a yes/no column of a spreadsheet says (one column per requirement: `AVG` = `ja`): the
/// words, marks and numbers people fill such columns with, Dutch and English.
public enum FlagWords {
    /// What a cell of a yes/no column says.
    public enum Answer: Sendable, Equatable {
        case yes, no
        /// Neither: the cell holds something else (reported, and the tag not added).
        case unclear
    }

    /// The answer of `cell` (case, accents and surrounding whitespace ignored); an empty cell is no.
    public static func answer(_ cell: String) -> Answer {
        let key = TextNormalization.matchKey(cell)
        if key.isEmpty || no.contains(key) { return .no }
        return yes.contains(key) ? .yes : .unclear
    }

    /// The words for yes.
    static let yes: Set<String> = ["ja", "j", "yes", "y", "x", "1", "waar", "true", "wel", "van toepassing", "vt", "v.t.",
                                   "applicable", "✓", "✔", "☑", "+"]
    /// The words for no.
    static let no: Set<String> = ["nee", "n", "no", "0", "onwaar", "false", "niet", "niet van toepassing", "nvt", "n v t",
                                  "n.v.t", "not applicable", "n/a", "na", "-", "✗", "☐"]
}
