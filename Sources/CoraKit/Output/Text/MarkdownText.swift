/// Escaping of spreadsheet text for GitHub-flavoured Markdown, so that no cell can break a table,
/// start a block (a heading, list, quote or code block), turn into a link, or inject HTML into a
/// wiki page. Rendered (cmark-gfm with the `autolink`, `table`, `strikethrough` and `tagfilter`
/// extensions), the escaped text shows exactly the characters of the data.
public enum MarkdownText {
    /// `text` as inline Markdown:
    ///
    /// - a backslash before `\` `|` `*` `_` `` ` `` `[` `]` `~` (emphasis, links, code, tables);
    ///   `<` `>` `&` as entities (no HTML); line breaks as `<br>`;
    /// - no autolinks: a backslash before the `:` of `http://` (any `scheme://`) and the `.` of
    ///   `www.`, and an empty `<wbr>` element before an `@` that an e-mail address could run
    ///   through (GFM finds addresses in the text after escapes are resolved, so only an element
    ///   splits them; `<wbr>` shows nothing);
    /// - no block starts: leading spaces and tabs as `&#32;` and `&#9;` (four of them would start a
    ///   code block, fewer let `#`, `-`, `>`, `1.` behind them start a block), and a leading `#`,
    ///   `-`, `+`, `=`, `1.` or `1)` defused.
    public static func inline(_ text: String) -> String {
        if needsNoEscaping(text) { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var previousWasCR = false
        var leading = true
        for (index, character) in characters.enumerated() {
            defer { previousWasCR = character == "\r" }
            if leading {
                if character == " " { result += "&#32;"; continue }
                if character == "\t" { result += "&#9;"; continue }
                leading = false
            }
            switch character.unicodeScalars.first {
            case ":" where index + 1 < characters.count && characters[index + 1].unicodeScalars.first == "/":
                result += "\\" + String(character)
                continue
            case "." where index >= 3 && characters[(index - 3)..<index].allSatisfy({ $0 == "w" || $0 == "W" }):
                result += "\\" + String(character)
                continue
            case "@" where index > 0 && startsEMailBefore(characters[index - 1]):
                result += "<wbr>"
            default:
                break
            }
            switch character {
            case "\r\n", "\n", "\r":
                if !(character == "\n" && previousWasCR) { result += "<br>" }
            case "\\", "|", "*", "_", "`", "[", "]", "~":
                result += "\\" + String(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default: result.append(character)
            }
        }
        // Block starts: "- x", "+ x", "= x" (setext), "# x", "1. x", "1) x" at the start of a paragraph.
        if let first = result.first, first == "-" || first == "+" || first == "=" || first == "#" {
            result = "\\" + result
        } else if let dot = result.firstIndex(where: { !$0.isNumber }), dot != result.startIndex,
                  result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// Whether `character` can end the local part of an e-mail address (GFM: ASCII letters and
    /// digits, `.`, `+`, `-`, `_`), so that an `@` after it could start one.
    private static func startsEMailBefore(_ character: Character) -> Bool {
        guard let last = character.unicodeScalars.last, last.isASCII else { return false }
        let byte = UInt8(last.value)
        return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// `text` as the content of an ATX heading (`# …`): like ``inline(_:)``, and a `#` at the end
    /// escaped, since a closing run of `#` is dropped from a heading.
    public static func heading(_ text: String) -> String {
        var result = inline(text)
        guard let last = result.lastIndex(where: { $0 != " " && $0 != "\t" }), result[last] == "#" else { return result }
        let backslashes = result[..<last].reversed().prefix { $0 == "\\" }.count
        if backslashes % 2 == 0 { result.insert("\\", at: last) }
        return result
    }

    /// Whether ``inline(_:)`` leaves `text` as it is: no byte it escapes, no `scheme:/`, `www.` or
    /// `@`, and a first byte that starts no block (most names and descriptions; one pass over the
    /// bytes instead of the characters).
    static func needsNoEscaping(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first else { return true }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: " "), 0x09,
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        case 0x80...: return false  // a character that may be a number or a combining sequence: the slow path decides
        default: break
        }
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in bytes {
            switch byte {
            case 0x0A, 0x0D, UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
                 UInt8(ascii: "@"):
                return false
            case UInt8(ascii: "/") where previous.2 == UInt8(ascii: ":"):
                return false
            case UInt8(ascii: ".") where [previous.0, previous.1, previous.2].allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") }):
                return false
            default:
                break
            }
            previous = (previous.1, previous.2, byte)
        }
        return true
    }

    /// `text` for a table cell: like ``inline(_:)``; an empty cell stays empty.
    public static func cell(_ text: String) -> String {
        inline(text)
    }

    /// The anchor GitHub gives a heading with the text `text`: lower case, letters, digits, `-`
    /// and `_` kept, spaces turned into `-`, everything else dropped.
    public static func githubSlug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                slug.append(character)
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                slug.append(character)
            }
        }
        return slug
    }
}
