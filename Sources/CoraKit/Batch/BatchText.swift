import CoraCSV

/// Small text helpers for batch messages.
public enum BatchText {
    /// `1 file`, `2 files`, `1 process`, `3 processes`.
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : (noun.hasSuffix("s") ? "es" : "s"))"
    }

    /// `text` on one line, as ``TerminalText/oneLine(_:)`` shows it: line breaks and other control
    /// characters escaped (`\n`, `\u001b`), so a file name cannot break a table or steer the terminal.
    public static func oneLine(_ text: String) -> String {
        TerminalText.oneLine(text)
    }
}
