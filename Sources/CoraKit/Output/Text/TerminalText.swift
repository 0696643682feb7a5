/// Text for a terminal: every character a terminal would obey instead of show, made visible.
///
/// A terminal acts on control characters. ESC starts the sequences that retitle the window, clear
/// the screen, hide text or make a link (OSC 8); a C1 control (U+0080–U+009F, U+009B is CSI) does
/// the same in one character; BEL rings, CR and backspace write over what was shown. Direction
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C)
/// reorder what is shown, so that it is not what is there. A value or a file name from the data,
/// printed for people, shows each of them as a JSON string would escape it: `\r`, `\n`, `\t`,
/// else `\u` and four lower-case hex digits (`\u001b`, `\u009b`, `\u202e`; U+2028 and U+2029 too).
/// Everything else, letters of any script included, stays as it is. A backslash is not escaped:
/// the text is for reading, not for parsing back (the JSON report holds the exact values).
///
/// ```swift
/// TerminalText.escaped("inv\u{1B}]0;pwned\u{07}.csv")   // inv\u001b]0;pwned\u0007.csv
/// TerminalText.oneLine("a\nb")                            // a\nb, on one line
/// ```
public enum TerminalText {
    /// `text` with every control, direction override and mark escaped; line breaks (LF) and tabs
    /// are kept, for text of several lines.
    public static func escaped(_ text: String) -> String {
        escape(text, keepingLinesAndTabs: true)
    }

    /// `text` on one line: line breaks and tabs escaped too (`\n`, `\t`), for a file name or a
    /// cell in a line or a table of its own.
    public static func oneLine(_ text: String) -> String {
        escape(text, keepingLinesAndTabs: false)
    }

    /// Whether a terminal would act on `scalar` or reorder text by it: C0 controls, DEL, C1
    /// controls, direction marks, overrides and isolates, and the line and paragraph separators.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func escape(_ text: String, keepingLinesAndTabs: Bool) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            isControl(scalar) && !(keepingLinesAndTabs && (scalar == "\n" || scalar == "\t"))
        }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            guard escapes(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result
    }
}
