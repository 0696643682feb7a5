/// The mappings the program knows by name: the shipped ones, compiled in.
public struct MappingCatalog: Sendable {
    /// The names and YAML texts of the mappings.
    public let sources: [(name: String, yaml: String)]

    /// The shipped mappings.
    public static let builtin = MappingCatalog(sources: BuiltinMappings.sources)

    /// Creates a catalog of the given mappings.
    public init(sources: [(name: String, yaml: String)]) {
        self.sources = sources
    }

    /// The names, in alphabetical order.
    public var names: [String] { sources.map(\.name).sorted() }

    /// The YAML text of the mapping named `name`.
    public func yaml(named name: String) -> String? {
        sources.first { $0.name == name }?.yaml
    }

    /// The parsed mapping named `name`.
    ///
    /// - Throws: ``MappingError`` when there is no such mapping (with a "did you mean"), or when the
    ///   shipped YAML is invalid.
    public func mapping(named name: String) throws(MappingError) -> Mapping {
        guard let yaml = yaml(named: name) else {
            let suggestion = Suggestion.closest(to: name, in: names)
            throw MappingError(
                file: name, message: "no mapping named \"\(name)\"",
                hint: (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "known mappings: \(names.joined(separator: ", ")); or give the path of a .yaml file")
        }
        return try MappingParser.parse(yaml, file: "builtin:\(name)", fallbackName: name)
    }
}
