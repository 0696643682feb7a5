/// Path arithmetic for `cora batch`, on text only (no file system): normalising, relative paths,
/// output names and the check that an output stays inside the output folder.
public enum BatchPath {
    /// The extensions of the files a folder given to `cora batch` contributes (compared ignoring case).
    public static let inputExtensions = ["csv", "txt", "tsv", "xlsx", "xlsm"]

    /// Whether `name` ends in one of ``inputExtensions`` (`Export.CSV` does).
    public static func hasInputExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return inputExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// The non-empty components of `path`, without `.`.
    public static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
    }

    /// `path` with `//` and `.` removed and `name/..` folded: `a//b/./c/../d` → `a/b/d`. A leading
    /// `/` stays; `..` at the start of a relative path stays; `/..` is `/`. An empty result is `.`.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [String] = []
        for part in components(path) {
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `a/b` for `a` and `b`; `b` alone when `a` is empty or `.`, and `b` itself when it is absolute.
    public static func join(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") || a.isEmpty || a == "." { return b }
        if b.isEmpty || b == "." { return a }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    /// The folder part of `path`: `a/b/c.csv` → `a/b`, `c.csv` → `.`, `/c.csv` → `/`.
    public static func parent(_ path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/") else { return normalized == ".." ? "../.." : "." }
        if slash == normalized.startIndex { return "/" }
        return String(normalized[..<slash])
    }

    /// The last component of `path`: `a/b/c.csv` → `c.csv`.
    public static func lastComponent(_ path: String) -> String {
        components(path).last ?? path
    }

    /// Whether `path` is `root` or inside it (both absolute and normalised).
    public static func isWithin(_ path: String, _ root: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }

    /// `path` relative to `base` (both absolute and normalised), or `nil` when it is not strictly inside.
    public static func relative(_ path: String, to base: String) -> String? {
        guard path != base, isWithin(path, base) else { return nil }
        return String(path.dropFirst(base == "/" ? 1 : base.count + 1))
    }

    /// The deepest folder that holds every one of `paths` (absolute and normalised), `/` at worst.
    public static func commonAncestor(_ paths: [String]) -> String {
        guard var common = paths.first.map(components) else { return "/" }
        for path in paths.dropFirst() {
            let parts = components(path)
            var count = 0
            while count < min(common.count, parts.count), common[count] == parts[count] { count += 1 }
            common.removeLast(common.count - count)
        }
        return "/" + common.joined(separator: "/")
    }

    /// Whether `path` can name a file inside the output folder: relative, not empty, no `.` or `..`
    /// component, no empty component, no NUL.
    public static func isSafeRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// `path` without the extension of its last component: `a/b.csv` → `a/b`, `a/.hidden` stays.
    public static func stem(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot != slash else { return path }
        return String(path[..<dot])
    }

    /// `path` with its extension replaced by `suffix` (which carries its own dot): `a/b.txt`, `.csv` → `a/b.csv`.
    public static func replacingExtension(_ path: String, with suffix: String) -> String {
        stem(path) + suffix
    }
}
