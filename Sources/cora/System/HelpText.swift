#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text laid out for `--help`, which swift-argument-parser prints as given, wrapping only lines
/// wider than the terminal.
enum HelpText {
    /// A list of terms with their descriptions, each description beside its term and its further
    /// lines indented under the first, wrapped at word boundaries to `width` columns:
    ///
    ///     csv        the canonical CSV: id, code, name,
    ///                level, category, …
    static func termList(_ items: [(term: String, text: String)], width: Int = HelpText.width, indent: Int = 2) -> String {
        let column = indent + (items.map(\.term.count).max() ?? 0) + 2
        return items.map { item in
            let lead = String(repeating: " ", count: indent) + item.term
                + String(repeating: " ", count: column - indent - item.term.count)
            return wrap(item.text, width: max(20, width - column))
                .enumerated()
                .map { ($0.offset == 0 ? lead : String(repeating: " ", count: column)) + $0.element }
                .joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The width help is laid out for: two less than the terminal's (as wide as swift-argument-parser
    /// wraps), from standard output's window size, else `COLUMNS`, else 80 columns.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col) - 2) }
        if let text = getenv("COLUMNS"), let columns = Int(String(cString: text)), columns > 0 { return max(40, columns - 2) }
        return 78
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
