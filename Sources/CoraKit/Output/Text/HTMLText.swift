/// Escaping for HTML documents (the one-file handbook): text from a spreadsheet that can never
/// become markup, a link, a script or a style, whatever it holds.
///
/// - `&`, `<` and `>` become references, and in an attribute value (always written between double
///   quotes) `"` and `'` too.
/// - Characters HTML reports as parse errors or that no page should hold (NUL and the other C0
///   controls but tab, line feed and carriage return; the C1 controls; the noncharacters, U+FDD0
///   to U+FDEF and the last two of every plane) become U+FFFD.
/// - ``isolated(_:)`` wraps a value in `<bdi>`, so that right-to-left marks and overrides in the
///   data cannot reorder the text around it.
/// - ``link(_:text:)`` makes a link only of `http`, `https` and `mailto` addresses, opened without
///   a referrer or a handle on the page; anything else (`javascript:`, `data:`) stays text.
public enum HTMLText {
    /// `text` as element content.
    public static func text(_ text: String) -> String {
        escaped(text, attribute: false)
    }

    /// `text` as an attribute value between double quotes.
    public static func attribute(_ text: String) -> String {
        escaped(text, attribute: true)
    }

    /// `text` as element content in a `<bdi>` of its own.
    public static func isolated(_ text: String) -> String {
        "<bdi>" + escaped(text, attribute: false) + "</bdi>"
    }

    /// The start of a one-file page of cora's, up to and with `<body>`: the language, a
    /// Content-Security-Policy that allows `css` and `scripts` by their hashes and nothing else,
    /// no icon to fetch, `titleHTML` (escaped already) as its title, `css` as its style.
    static func documentHead(language: DocumentLanguage, titleHTML: String, css: String, scripts: [String]) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(attribute(ContentSecurityPolicy.policy(styles: [css], scripts: scripts)))\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"cora\">\n"
        // An icon of its own, so that no browser asks a server for /favicon.ico.
        out += "<link rel=\"icon\" href=\"data:,\">\n"
        out += "<title>\(titleHTML)</title>\n"
        out += "<style>\(css)</style>\n</head>\n<body>\n"
        return out
    }

    /// A link to `address` showing `text` (the address itself when `nil`) when it is an `http`,
    /// `https` or `mailto` address without whitespace or control characters; else the text (or
    /// the address) as isolated text.
    public static func link(_ address: String, text: String? = nil) -> String {
        let shown = text ?? address
        guard isLinkable(address) else { return isolated(shown) }
        return "<a href=\"\(attribute(address))\" rel=\"noopener noreferrer\">" + isolated(shown) + "</a>"
    }

    /// Whether `address` may be the target of a link: `http:`, `https:` or `mailto:` (any case),
    /// with no whitespace, control or bidirectional formatting character anywhere in it.
    public static func isLinkable(_ address: String) -> Bool {
        let lower = address.lowercased()
        guard ["http://", "https://", "mailto:"].contains(where: { lower.hasPrefix($0) }), lower.count > 8 || lower.hasPrefix("mailto:") else {
            return false
        }
        // No whitespace, and nothing a terminal would obey instead of show (controls, direction marks).
        return !address.unicodeScalars.contains { $0.properties.isWhitespace || TerminalText.isControl($0) }
    }

    /// Whether HTML allows `scalar` in a document without a parse error.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x0...0x1F, 0x7F...0x9F: return false
        // The noncharacters: U+FDD0–U+FDEF and the last two code points of every plane.
        default: return !(0xFDD0...0xFDEF).contains(scalar.value) && scalar.value & 0xFFFE != 0xFFFE
        }
    }

    private static func escaped(_ text: String, attribute: Bool) -> String {
        ScalarEscaping.escape(text) { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"" where attribute: return "&quot;"
            case "'" where attribute: return "&#39;"
            default: return isAllowed(scalar) ? nil : "\u{FFFD}"
            }
        }
    }
}
