/// The paths of the three files of one Archi CSV set, found from the path of any one of them.
///
/// Archi names the files `elements.csv`, `relations.csv` and `properties.csv`, optionally behind a
/// common prefix (`test1-elements.csv`, `test1-relations.csv`, …). Like Archi's importer, a path
/// belongs to a set when its file name without the extension ends in `elements`, `relations` or
/// `properties` (case as written); the other two paths swap that word. This is text only: whether
/// the files exist is for the caller to find out.
///
/// ```swift
/// let set = ArchiFileSet(path: "export/test1-relations.csv")
/// set?.path(of: .elements)   // "export/test1-elements.csv"
/// ```
public struct ArchiFileSet: Sendable, Equatable {
    /// Everything before the table word: the folder and the file name prefix (`export/test1-`).
    public var prefix: String
    /// Everything after the table word: the extension (`.csv`), or empty.
    public var suffix: String
    /// The table of the path the set was found from.
    public var table: ArchiTable

    /// The set that `path` belongs to, or `nil` when its file name is not one of an Archi set.
    public init?(path: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var base = name
        var suffix = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            base = String(name[..<dot])
            suffix = String(name[dot...])
        }
        guard let table = ArchiTable.allCases.first(where: { base.hasSuffix($0.rawValue) }) else { return nil }
        self.prefix = folder + base.dropLast(table.rawValue.count)
        self.suffix = suffix
        self.table = table
    }

    /// The set `elements.csv`, `relations.csv`, `properties.csv` in `folder`, behind `namePrefix`.
    public init(folder: String, namePrefix: String = "") {
        let separator = folder.isEmpty || folder.hasSuffix("/") ? "" : "/"
        self.prefix = folder + separator + namePrefix
        self.suffix = ".csv"
        self.table = .elements
    }

    /// The path of `table` in this set.
    public func path(of table: ArchiTable) -> String {
        prefix + table.rawValue + suffix
    }
}
