/// Every output format, in the order they are listed (and a batch writes them): the one list to add
/// a format to.
public enum OutputFormats {
    /// The formats.
    public static let all: [any OutputFormat] = [
        CanonicalCSVFormat(),
        ExcelCSVFormat(),
        MarkdownFormat(),
        DOTFormat(),
        DiagramImageFormat.svg,
        DiagramImageFormat.png,
        JSONFormat(),
        ArchiFormat(),
    ]

    /// The names, in order.
    public static var names: [String] { all.map(\.name) }

    /// The format named `name`.
    public static func named(_ name: String) -> (any OutputFormat)? {
        all.first { $0.name == name }
    }

    /// The formats of a comma-separated list (`csv,md`), in the order of ``all`` without repeats;
    /// the error names a word that is no format.
    public static func list(_ text: String) -> Result<[any OutputFormat], UnknownFormat> {
        var names = Set<String>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part.filter { !$0.isWhitespace }).lowercased()
            guard named(name) != nil else { return .failure(UnknownFormat(name: name)) }
            names.insert(name)
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
            "unknown format \"\(name)\"; use one or more of \(OutputFormats.names.joined(separator: ", ")), separated by commas"
        }
    }
}
