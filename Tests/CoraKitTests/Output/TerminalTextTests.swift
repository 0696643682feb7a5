import CoraKit
import Testing

/// ``TerminalText``: what a terminal would obey is shown as its JSON escape; everything else stays.
@Suite("Text for a terminal")
struct TerminalTextTests {
    @Test("C0 controls, DEL, C1, direction overrides, isolates and marks are escaped; line breaks and tabs kept (exact)")
    func escaped() {
        let cases: [(String, String)] = [
            ("inv\u{1B}]0;pwned\u{07}.csv", "inv\\u001b]0;pwned\\u0007.csv"),
            ("\u{9B}2J\u{7F}\u{08}\u{00}", "\\u009b2J\\u007f\\u0008\\u0000"),
            ("a\rb", "a\\rb"), ("a\nb\tc", "a\nb\tc"), ("\u{85}", "\\u0085"), ("\u{9F}", "\\u009f"),
            ("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}", "\\u202a\\u202b\\u202c\\u202d\\u202e"),
            ("\u{2066}\u{2067}\u{2068}\u{2069}", "\\u2066\\u2067\\u2068\\u2069"),
            ("\u{200E}\u{200F}\u{061C}\u{2028}\u{2029}", "\\u200e\\u200f\\u061c\\u2028\\u2029"),
            // Ordinary text stays, letters of any script, no-break spaces and a backslash included.
            ("Beëindigen huur €5 😀 αβγ 中文 \u{A0}\u{202F}", "Beëindigen huur €5 😀 αβγ 中文 \u{A0}\u{202F}"),
            ("C:\\data\\inv.csv", "C:\\data\\inv.csv"), ("", ""),
        ]
        for (text, shown) in cases {
            #expect(TerminalText.escaped(text) == shown, "\(text.debugDescription)")
        }
        #expect(TerminalText.oneLine("a\nb\tc\r\n\u{1B}") == "a\\nb\\tc\\r\\n\\u001b")
        #expect(TerminalText.oneLine("Beëindigen") == "Beëindigen")
    }

    @Test("diagnostics as text: the file name on one line, message, value and hint escaped; cora's own colours stay")
    func diagnosticText() {
        let diagnostic = Diagnostic(
            .unknownLevel, "unknown level \"x\u{1B}[2J\"", file: "in\u{9B}v\n.csv", line: 3,
            column: .init(name: "level\u{202E}", index: 4), value: "x\u{1B}[2J\u{7F}", hint: "see\u{07} the list")
        let plain = DiagnosticTextRenderer().render(diagnostic)
        #expect(plain == "in\\u009bv\\n.csv:3:4: error: unknown level \"x\\u001b[2J\" (column \"level\\u202e\") [unknown-level]\n"
            + "in\\u009bv\\n.csv:3:4: note: the value is \"x\\u001b[2J\\u007f\"\n"
            + "in\\u009bv\\n.csv:3:4: note: see\\u0007 the list\n")
        let colored = DiagnosticTextRenderer(colored: true).render(diagnostic)
        #expect(colored.hasPrefix("\u{1B}[1min\\u009bv\\n.csv:3:4:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m unknown level \"x\\u001b[2J\""))
        #expect(colored.unicodeScalars.filter { $0 == "\u{1B}" }.count == 8, "only the colours' own ESC: \(colored.debugDescription)")
    }
}
