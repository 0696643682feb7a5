/// Escaping for XML 1.0 (the ArchiMate exchange format): element content and attribute values
/// that text from a spreadsheet can never break out of, and that an XML parser reads back as the
/// very same text.
///
/// - `&`, `<` and `>` become entity references, and in an attribute value `"` too.
/// - A carriage return becomes `&#13;` (a parser turns a written CR or CRLF into LF); in an
///   attribute value a tab and a line feed become `&#9;` and `&#10;` too (a parser turns a written
///   one into a space).
/// - Characters XML 1.0 does not allow (C0 control characters other than tab, line feed and
///   carriage return; U+FFFE and U+FFFF) become U+FFFD: no reference can stand for them either.
public enum XMLText {
    /// `text` as element content.
    public static func content(_ text: String) -> String {
        escaped(text, attribute: false)
    }

    /// `text` as an attribute value between double quotes.
    public static func attribute(_ text: String) -> String {
        escaped(text, attribute: true)
    }

    /// Whether `text` is a language tag as `xml:lang` takes it (`nl`, `en-GB`): letters, then
    /// groups of letters and digits after `-`, each 1 to 8 long. `nl_NL` is not one.
    public static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.enumerated().allSatisfy { index, part in
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || (index > 0 && $0.properties.numericType != nil)) }
        }
    }

    /// Whether every scalar of `text` is one XML 1.0 allows.
    public static func isAllowed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isAllowed)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escaped(_ text: String, attribute: Bool) -> String {
        ScalarEscaping.escape(text) { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"" where attribute: return "&quot;"
            case "\r": return "&#13;"
            case "\n" where attribute: return "&#10;"
            case "\t" where attribute: return "&#9;"
            default: return isAllowed(scalar) ? nil : "\u{FFFD}"
            }
        }
    }
}
