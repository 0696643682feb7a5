/// Escaping for Graphviz's HTML-like labels (`label=<…>`): text and attribute values that free
/// text can never break out of, that Graphviz shows as the very text, and that keep the SVG it
/// writes well-formed XML.
///
/// - `&`, `<`, `>` and `"` become entity references, so no tag, attribute or entity of the data
///   is ever read as one.
/// - A backslash is doubled: Graphviz 2.43 reads `\N`, `\G` and `\\` in HTML-like text and in the
///   `TOOLTIP` of a cell as it does in a quoted label.
/// - Characters XML does not allow: C0 control characters (and DEL) become spaces (a line break in text
///   becomes `<BR/>` where lines are allowed, `&#10;` in a tooltip), U+FFFE and U+FFFF become U+FFFD.
/// - Length: a piece of text is cut on a character with `…` at a limit of characters; a tooltip at
///   ``tooltipLimit`` bytes once escaped (Graphviz 2.43 refuses a value or text of 16,384 bytes or
///   more in an HTML-like label).
public enum DOTHTMLText {
    /// The most characters of one piece of text in a label.
    public static let textLimit = 300
    /// The most bytes of a tooltip, escaped.
    public static let tooltipLimit = 8_000

    /// The most bytes of one piece of text once escaped: a character may be any number of
    /// scalars (a letter with 8,000 accents is one), so characters alone do not bound it.
    public static let textByteLimit = 2_000

    /// `text` for the inside of an element: one line (line breaks become spaces), at most
    /// `limit` characters and ``textByteLimit`` bytes.
    public static func text(_ text: String, limit: Int = textLimit) -> String {
        bounded(escaped(cut(text, to: limit), lineBreak: " "), to: textByteLimit)
    }

    /// `lines` for the inside of an element, one `<BR/>` between them (each line already cut); a
    /// space when there is nothing.
    public static func lines(_ lines: [String], align: String = "CENTER") -> String {
        // Never empty: Graphviz refuses an empty <B></B> or <FONT></FONT>.
        let joined = lines.map { text($0) }.joined(separator: "<BR ALIGN=\"\(align)\"/>")
        return joined.isEmpty ? " " : joined
    }

    /// `text` for an attribute value between double quotes (a tooltip): line breaks kept as
    /// `&#10;`; when the escaped text is over ``tooltipLimit`` bytes, cut on a character with `…`.
    public static func attribute(_ text: String) -> String {
        bounded(escaped(text, lineBreak: "&#10;"), to: tooltipLimit)
    }

    /// `escaped` (text as ``escaped(_:lineBreak:)`` makes it) when it is at most `limit` bytes, else
    /// cut before the last whole character (or, inside one character longer than that, the last
    /// whole scalar) and never inside an entity reference or a doubled backslash, with `…`.
    static func bounded(_ escaped: String, to limit: Int) -> String {
        guard escaped.utf8.count > limit else { return escaped }
        let budget = limit - 3
        var kept = ""
        var bytes = 0
        var pending = ""
        func fits(_ piece: String) -> Bool { bytes + piece.utf8.count <= budget }
        for character in escaped {
            // An entity reference or a doubled backslash is kept whole.
            pending.append(character)
            if pending.hasPrefix("&") && character != ";" { continue }
            if pending == "\\" { continue }
            if fits(pending) {
                kept += pending
                bytes += pending.utf8.count
                pending = ""
                continue
            }
            // One character too long on its own: as many of its scalars as fit.
            if pending.count == 1 && !pending.hasPrefix("&") {
                for scalar in pending.unicodeScalars {
                    let piece = String(scalar)
                    guard fits(piece) else { break }
                    kept += piece
                    bytes += piece.utf8.count
                }
            }
            break
        }
        return kept + "…"
    }

    /// `text` cut to at most `limit` characters, the last of them `…`, when it is longer.
    public static func cut(_ text: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        var count = 0
        var end = text.startIndex
        while end < text.endIndex {
            count += 1
            if count > limit { return String(text[..<text.index(before: end)]) + "…" }
            end = text.index(after: end)
        }
        return text
    }

    private static func escaped(_ text: String, lineBreak: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character == "\r\n" || character == "\n" || character == "\r" {
                out += lineBreak
                continue
            }
            for scalar in character.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "\\": out += "\\\\"
                case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        out += " "
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return out
    }
}
