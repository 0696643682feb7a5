import CoraKit

/// Finds the mapping named on the command line: a shipped mapping by name, or a YAML file by path.
enum MappingResolver {
    /// The mapping for `argument` (a name such as `canonical`, or a path ending in `.yaml`/`.yml`
    /// or containing `/`).
    static func resolve(_ argument: String) throws -> Mapping {
        let looksLikePath = argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/")
        do {
            if looksLikePath {
                let text = try InputFile.readText(path: argument, limit: MappingParser.maxBytes)
                let name = String(argument.split(separator: "/").last ?? Substring(argument))
                    .replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: ".yml", with: "")
                return try MappingParser.parse(text, file: argument, fallbackName: name)
            }
            return try MappingCatalog.builtin.mapping(named: argument)
        } catch let error as MappingError {
            throw RunFailure(message: error.description)
        }
    }
}
