/// What a run says while it works, before its result: which mapping `--mapping auto` chose, a
/// note, or a warning about the run itself rather than the data (a local mapping left out).
public enum RunMessage: Sendable, Equatable {
    /// A note.
    case note(Note)
    /// A warning about the run.
    case warning(Diagnostic)
    /// The mapping `--mapping auto` chose for an input.
    case mappingChosen(MappingChoice)
}

/// The mapping `--mapping auto` chose for one input, and why, said in one line before the
/// findings: `cora: inventaris.csv: mapping excel-nl (auto: 9 of 11 columns matched)`.
public struct MappingChoice: Sendable, Equatable {
    /// The input (`-` for standard input).
    public var file: String
    /// The mapping chosen: a mapping's name, or `archi` for an Archi CSV set.
    public var mapping: String
    /// Where a local mapping was read from (`Mappings/onze-wiki.yaml`); `nil` for a shipped one.
    public var origin: String?
    /// Why, briefly: `9 of 11 columns matched`, `the header is that of Archi's elements.csv`.
    public var reason: String

    /// Creates a choice.
    public init(file: String, mapping: String, origin: String? = nil, reason: String) {
        self.file = file
        self.mapping = mapping
        self.origin = origin
        self.reason = reason
    }

    /// The line, without the program name: `inventaris.csv: mapping excel-nl (auto: 9 of 11 columns matched)`.
    public var text: String {
        let from = origin.map { " from \($0)" } ?? ""
        return "\(file): mapping \(mapping)\(from) (auto: \(reason))"
    }
}
