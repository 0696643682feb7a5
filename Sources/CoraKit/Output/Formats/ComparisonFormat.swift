/// The formats of `cora diff` and `cora coverage` (`--to`).
public enum ComparisonFormat: String, Sendable, CaseIterable {
    /// Text for a terminal or a log.
    case text
    /// A Markdown document.
    case markdown = "md"
    /// CSV: one row per change (diff) or per process (coverage), and per ambiguity.
    case csv
    /// CSV for Excel: `;`, a byte order mark, CRLF, formulas and number-like codes defused (as
    /// `cora convert --to excel-csv` writes it).
    case excelCSV = "excel-csv"
    /// JSON.
    case json
    /// A one-file HTML page (for coverage, with the heat map when Graphviz is installed).
    case html
    /// The coverage heat map as Graphviz DOT (`cora coverage` only).
    case dot
    /// The heat map drawn by Graphviz as SVG.
    case svg
    /// The heat map drawn by Graphviz as PNG.
    case png

    /// The format named `name` (any case; `markdown` for `md`, `txt` for `text`).
    public init?(named name: String) {
        switch name.lowercased() {
        case "text", "txt": self = .text
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "excel-csv", "excel", "xls-csv": self = .excelCSV
        case "json": self = .json
        case "html", "htm": self = .html
        case "dot", "gv": self = .dot
        case "svg": self = .svg
        case "png": self = .png
        default: return nil
        }
    }
}

extension ComparisonFormat {
    /// Whether the format is a diagram (the coverage heat map), which `cora diff` has not.
    public var isDiagram: Bool { self == .dot || self == .svg || self == .png }
}
