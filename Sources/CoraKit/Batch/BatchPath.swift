/// Path arithmetic for `cora batch`, on text only (no file system): normalising, relative paths,
/// output names and the check that an output stays inside the output folder.
public enum BatchPath {
    /// The extensions of the files a folder given to `cora batch` contributes (compared ignoring case).
    public static let inputExtensions = ["csv", "txt", "tsv"]

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

/// A shell wildcard pattern for one path component: `*`, `?`, `[abc]`, `[a-z]`, `[!x]` and `\`
/// escapes, as `fnmatch` without flags except that `*` and `?` do not match a leading `.`.
public struct GlobPattern: Sendable, Equatable {
    /// The pattern as written.
    public let pattern: String
    private let scalars: [Unicode.Scalar]

    /// Creates a pattern for one component.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.scalars = Array(pattern.unicodeScalars)
    }

    /// Whether `text` holds a wildcard (`*`, `?` or `[`), so that it needs expanding.
    public static func hasWildcards(_ text: String) -> Bool {
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped { escaped = false; continue }
            switch scalar {
            case "\\": escaped = true
            case "*", "?", "[": return true
            default: break
            }
        }
        return false
    }

    /// Splits a path pattern into the folder before the first component with a wildcard and the
    /// components from there on: `data/2019/*/x*.csv` → (`data/2019`, [`*`, `x*.csv`]).
    public static func split(_ pattern: String) -> (base: String, rest: [String]) {
        let parts = BatchPath.components(pattern)
        let fixed = parts.prefix { !hasWildcards($0) }
        var base = fixed.joined(separator: "/")
        if pattern.hasPrefix("/") { base = "/" + base }
        return (base.isEmpty ? "." : base, Array(parts.dropFirst(fixed.count)))
    }

    /// Whether the whole of `name` matches.
    public func matches(_ name: String) -> Bool {
        let text = Array(name.unicodeScalars)
        if text.first == ".", scalars.first != ".", !(scalars.first == "\\" && scalars.dropFirst().first == ".") {
            return false
        }
        return match(0, text, 0)
    }

    private func match(_ p: Int, _ text: [Unicode.Scalar], _ t: Int) -> Bool {
        var p = p, t = t
        // Backtracking point for the last `*`.
        var starP = -1, starT = -1
        while t < text.count {
            if p < scalars.count {
                switch scalars[p] {
                case "*":
                    starP = p
                    starT = t
                    p += 1
                    continue
                case "?":
                    p += 1; t += 1
                    continue
                case "[":
                    if let (matched, next) = matchClass(at: p, text[t]) {
                        if matched { p = next; t += 1; continue }
                    } else if text[t] == "[" {
                        p += 1; t += 1
                        continue
                    }
                case "\\" where p + 1 < scalars.count:
                    if scalars[p + 1] == text[t] { p += 2; t += 1; continue }
                default:
                    if scalars[p] == text[t] { p += 1; t += 1; continue }
                }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starT += 1
            t = starT
        }
        while p < scalars.count && scalars[p] == "*" { p += 1 }
        return p == scalars.count
    }

    /// Matches a `[…]` class at `start` against `scalar`: whether it matched and where the pattern
    /// goes on; `nil` when the `[` opens no class (no closing `]`).
    private func matchClass(at start: Int, _ scalar: Unicode.Scalar) -> (Bool, Int)? {
        var index = start + 1
        var negated = false
        if index < scalars.count && (scalars[index] == "!" || scalars[index] == "^") {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < scalars.count {
            var low = scalars[index]
            if low == "]" && !first { return (matched != negated, index + 1) }
            first = false
            if low == "\\" && index + 1 < scalars.count { index += 1; low = scalars[index] }
            if index + 2 < scalars.count && scalars[index + 1] == "-" && scalars[index + 2] != "]" {
                var high = scalars[index + 2]
                index += 3
                if high == "\\" && index < scalars.count { high = scalars[index]; index += 1 }
                if low.value <= scalar.value && scalar.value <= high.value { matched = true }
            } else {
                if low == scalar { matched = true }
                index += 1
            }
        }
        return nil
    }
}
