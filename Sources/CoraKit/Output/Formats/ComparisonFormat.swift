/// The formats of `cora diff` and `cora coverage` (`--to`).
public enum ComparisonFormat: String, Sendable, CaseIterable {
    /// Text for a terminal or a log.
    case text
    /// A Markdown document.
    case markdown = "md"
    /// CSV: one row per change (diff) or per process (coverage), and per ambiguity.
    case csv
    /// JSON.
    case json

    /// The format named `name` (any case; `markdown` for `md`, `txt` for `text`).
    public init?(named name: String) {
        switch name.lowercased() {
        case "text", "txt": self = .text
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "json": self = .json
        default: return nil
        }
    }
}
