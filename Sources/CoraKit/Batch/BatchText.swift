import CoraCSV

/// Small text helpers for batch messages.
public enum BatchText {
    /// `1 file`, `2 files`, `1 process`, `3 processes`.
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : (noun.hasSuffix("s") ? "es" : "s"))"
    }

    /// `text` on one line: line breaks and other control characters shown as `?`, so a file name
    /// cannot break a table or move the cursor.
    public static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
