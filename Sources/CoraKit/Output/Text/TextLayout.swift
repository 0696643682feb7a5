/// Text laid out in columns for a terminal: a list of terms with their descriptions, wrapped at
/// word boundaries (`cora help convert` lists its formats so).
public enum TextLayout {
    /// A list of terms with their descriptions, each description beside its term and its further
    /// lines indented under the first, wrapped to `width` columns:
    ///
    ///     csv        the canonical CSV: id, code, name,
    ///                level, category, …
    public static func termList(_ items: [(term: String, text: String)], width: Int, indent: Int = 2) -> String {
        let column = indent + (items.map(\.term.count).max() ?? 0) + 2
        return items.map { item in
            let lead = String(repeating: " ", count: indent) + item.term
                + String(repeating: " ", count: column - indent - item.term.count)
            return wrap(item.text, width: max(20, width - column))
                .enumerated()
                .map { ($0.offset == 0 ? lead : String(repeating: " ", count: column)) + $0.element }
                .joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word stands alone).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
