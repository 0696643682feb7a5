/// The words of `cora diff`'s and `cora coverage`'s options read into what the library takes,
/// each wrong word refused with the message the command line shows (as a bad argument).
public enum ComparisonArguments {
    /// A word an option does not take.
    public struct Refusal: Error, Sendable, Equatable {
        /// What to say (`--only: no kind "deleted"; use added, …`).
        public var message: String
    }

    /// The words of repeated, comma-separated options (`--only renamed,moved --only added`),
    /// spaces dropped, lower case, empty ones left out.
    static func words(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0.filter { $0 != " " }).lowercased() } }.filter { !$0.isEmpty }
    }

    /// The kinds of change `--only` keeps (empty: all).
    public static func kinds(_ values: [String]) throws(Refusal) -> Set<ProcessChange.Kind> {
        let all = ProcessChange.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        let words = words(values)
        if !values.isEmpty && words.isEmpty { throw Refusal(message: "--only needs a kind: \(all)") }
        if let word = words.first(where: { ProcessChange.Kind(rawValue: $0) == nil }) {
            throw Refusal(message: "--only: no kind \"\(word)\"; use \(all)")
        }
        return Set(words.compactMap(ProcessChange.Kind.init(rawValue:)))
    }

    /// The methods `--match` allows besides pins (all when it is not given).
    public static func methods(_ values: [String]) throws(Refusal) -> Set<MatchMethod> {
        let words = words(values)
        if let word = words.first(where: { MatchMethod(rawValue: $0) == nil || $0 == MatchMethod.pinned.rawValue }) {
            throw Refusal(message: "--match: no method \"\(word)\"; use id, code, name or similarity (pairs by hand are always made: --pairs)")
        }
        return words.isEmpty ? Set(MatchMethod.allCases) : Set(words.compactMap(MatchMethod.init(rawValue:))).union([.pinned])
    }

    /// The fields `--ignore-field` leaves out, each one that ``ModelComparison`` compares.
    public static func ignoredFields(_ values: [String]) throws(Refusal) -> Set<String> {
        for field in values where !ModelComparison.isComparedField(field) {
            let suggestion = Suggestion.closest(to: field, in: ModelComparison.comparedFieldNames).map { "; did you mean \"\($0)\"?" } ?? ""
            throw Refusal(message: "--ignore-field: no field \"\(field)\"\(suggestion)")
        }
        return Set(values)
    }

    /// The reference `--reference` names: a shipped one by its name, else a file read with
    /// `mapping` (as `job` makes a reader of it); a name that is neither a file nor shipped but
    /// near a shipped one is refused with it as a suggestion.
    public static func reference(_ argument: String, mapping: String, fileSystem: any FileSystem,
                                 reader: (String, String) -> ConversionJob) throws(Refusal) -> CoverageJob.Reference {
        if argument.isEmpty { throw Refusal(message: "--reference needs a shipped reference (\(ReferenceLibrary.names.joined(separator: ", "))) or a file") }
        if ReferenceLibrary.names.contains(argument) && !argument.contains("/") && !argument.contains(".") {
            if mapping != MappingLibrary.auto { throw Refusal(message: "--reference-mapping is for a reference read from a file; \(argument) is shipped") }
            return .shipped(argument)
        }
        if argument != "-", fileSystem.status(of: argument) == nil, let meant = Suggestion.closest(to: argument.lowercased(), in: ReferenceLibrary.names) {
            throw Refusal(message: "--reference: no file \"\(argument)\" and no shipped reference of that name; did you mean \"\(meant)\"?")
        }
        return .file(reader(argument, mapping))
    }
}
