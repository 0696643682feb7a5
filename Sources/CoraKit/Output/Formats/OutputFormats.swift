/// Every output format, in the order they are listed (and a batch writes them): the one list to add
/// a format to.
public enum OutputFormats {
    /// The formats.
    public static let all: [any OutputFormat] = [
        CanonicalCSVFormat(),
        ExcelCSVFormat(),
        XLSXFormat(),
        MarkdownFormat(),
        HTMLFormat(),
        DOTFormat(),
        DiagramImageFormat.svg,
        DiagramImageFormat.png,
        JSONFormat(),
        ArchiFormat(),
        ExchangeFormat(),
    ]

    /// The names, in order.
    public static var names: [String] { all.map(\.name) }

    /// The names with their aliases, for help texts: `csv (canonical), excel-csv, md (markdown), …`.
    public static var namesWithAliases: String {
        all.map { $0.aliases.isEmpty ? $0.name : "\($0.name) (\($0.aliases.joined(separator: ", ")))" }.joined(separator: ", ")
    }

    /// The format named `name` or one of its aliases, in any case and with blanks around it
    /// ignored (`MD`, ` markdown`).
    public static func named(_ name: String) -> (any OutputFormat)? {
        let word = String(name.filter { !$0.isWhitespace }).lowercased()
        return all.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// The formats of a comma-separated list (`csv,md`), in the order of ``all`` without repeats;
    /// the error names a word that is no format.
    public static func list(_ text: String) -> Result<[any OutputFormat], UnknownFormat> {
        var names = Set<String>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let word = String(part.filter { !$0.isWhitespace })
            guard let format = named(word) else { return .failure(UnknownFormat(name: word)) }
            names.insert(format.name)
        }
        return names.isEmpty ? .failure(UnknownFormat(name: "")) : .success(all.filter { names.contains($0.name) })
    }

    /// A word in `--to` that is no format.
    public struct UnknownFormat: Error, Sendable, Equatable, CustomStringConvertible {
        /// The word as written.
        public var name: String

        /// The error for `name`.
        public init(name: String) { self.name = name }

        public var description: String {
            if name.contains(",") {
                return "\"\(name)\" is several formats, and convert writes one: one of \(OutputFormats.names.joined(separator: ", ")) "
                    + "(cora batch --to writes several)"
            }
            var text = "unknown format \"\(name)\""
            if let near = suggestion { text += " (did you mean \(near)?)" }
            return text + "; use one or more of \(OutputFormats.names.joined(separator: ", ")), separated by commas"
        }

        /// The format whose name or alias is closest to the word, if one is close (`mdd` → `md`).
        public var suggestion: String? {
            let words = OutputFormats.all.flatMap { format in ([format.name] + format.aliases).map { ($0, format.name) } }
            guard let near = Suggestion.closest(to: name, in: words.map(\.0)) else { return nil }
            return words.first { $0.0 == near }?.1
        }
    }
}
