/// The id of a process's element in a diagram's SVG: `p-` and the process id when that is made of
/// letters, digits, `.`, `_` and `-` only (as every id is unless `--keep-invalid` kept another),
/// else `p-`, the id with every other character as `_`, and a hash of the whole id, so that two
/// ids stay apart. Graphviz copies the id and link of a table cell into its SVG without escaping
/// them again, so no character of the data may reach them.
enum DiagramElementID {
    /// The element id for `processID`.
    static func of(_ processID: String) -> String {
        let safe = processID.unicodeScalars.allSatisfy(SafeName.isCharacter)
        if safe && !processID.isEmpty && processID.utf8.count <= 100 { return "p-" + processID }
        let kept = String(String.UnicodeScalarView(processID.unicodeScalars.prefix(60).map { SafeName.isCharacter($0) ? $0 : "_" }))
        return "p-" + kept + "~" + StableHash.hex(processID)
    }
}
