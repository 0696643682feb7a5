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
