/// The values that spreadsheets put in a parent column to say "no parent": `0`, `-`, `n.v.t.`,
/// `geen`, `none`, …
public enum NoParentWords {
    /// The words, in lower case.
    public static let words: Set<String> = ["0", "00", "-", "--", "–", "—", "n.v.t.", "n.v.t", "nvt", "n/a", "na", "geen",
                                            "(geen)", "none", "(none)", "null", "top", "root"]

    /// Whether `text` (trimmed, in any case) is one of the ``words``.
    public static func contains(_ text: String) -> Bool {
        words.contains(text.trimmingWhitespace().lowercased())
    }
}
