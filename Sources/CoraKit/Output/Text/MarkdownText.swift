/// Escaping of spreadsheet text for GitHub-flavoured Markdown, so that no cell can break a table,
/// start a list or a heading, or inject HTML into a wiki page.
public enum MarkdownText {
    /// `text` as inline Markdown: a backslash before `\` `|` `*` `_` `` ` `` `[` `]` `~` (emphasis,
    /// links, code, tables), `<` `>` `&` as entities (no HTML), line breaks as `<br>`, and a leading
    /// `#`, `-`, `+`, `=` or `1.` defused so a paragraph cannot turn into a heading or a list.
    public static func inline(_ text: String) -> String {
        if needsNoEscaping(text) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var previousWasCR = false
        for character in text {
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
            previousWasCR = character == "\r"
        }
        // Block starts: "- x", "+ x", "= x" (setext), "1. x" at the start of a paragraph.
        if let first = result.first, first == "-" || first == "+" || first == "=" || first == "#" {
            result = "\\" + result
        } else if let dot = result.firstIndex(where: { !$0.isNumber }), dot != result.startIndex,
                  result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// Whether ``inline(_:)`` leaves `text` as it is: no byte it escapes, and a first byte that
    /// starts no block (most names and descriptions; one pass over the bytes instead of the characters).
    static func needsNoEscaping(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first else { return true }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "0")...UInt8(ascii: "9"): return false
        case 0x80...: return false  // a character that may be a number or a combining sequence: the slow path decides
        default: break
        }
        for byte in bytes {
            switch byte {
            case 0x0A, 0x0D, UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                return false
            default: continue
            }
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
