/// The file names of `--view each`: `landscape` for the landscape and the id of each business
/// process for its diagram, made safe for any file system: characters other than letters, digits,
/// `.`, `_` and `-` become `_`, a leading dot becomes `_`, a name is at most 100 characters, and
/// two names that a case-insensitive file system would take for one (or for `landscape`) get
/// `~2`, `~3`, … so that no diagram overwrites another.
public struct DiagramFileNames: Sendable {
    /// The stem of the landscape's file.
    public static let landscape = "landscape"

    /// The stem of each process's file, by process id.
    public let stems: [String: String]

    /// Names for the diagrams of `ids`, in this order.
    public init(_ ids: [String]) {
        var taken: Set<String> = [Self.landscape]
        var stems: [String: String] = [:]
        for id in ids where stems[id] == nil {
            var base = String(id.unicodeScalars.prefix(100).map { SafeName.isCharacter($0) ? Character($0) : "_" })
            if base.isEmpty || base.hasPrefix(".") { base = "_" + base.dropFirst(base.hasPrefix(".") ? 1 : 0) }
            var stem = base
            var number = 1
            while taken.contains(stem.lowercased()) {
                number += 1
                stem = base + "~\(number)"
            }
            taken.insert(stem.lowercased())
            stems[id] = stem
        }
        self.stems = stems
    }
}
