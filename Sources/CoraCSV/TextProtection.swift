/// Keeps spreadsheets from turning codes into numbers or dates, and undoes it.
///
/// A spreadsheet that opens a CSV file guesses the type of every cell: in Dutch Excel `1.1` and
/// `4.01` become dates (1 and 4 January) and `2.10` becomes 2 October; in English Excel `2.10`
/// becomes the number 2.1; `01-05` is a date in either; `0123` loses its zero and
/// `123456789012345678` its last digits. That is the damage ``protect(_:)`` prevents: a value a
/// spreadsheet would take as a number, date or time is written as the text formula `="1.1"`,
/// which Excel and LibreOffice Calc in every locale show as the text `1.1`. A constant text, not
/// a formula that reads or runs anything; values that ``FormulaProtection`` protects (those that
/// start with `=` `+` `-` `@`) never get it.
///
/// A value is at risk (``isAtRisk(_:)``) when, without the spaces around it, it starts with a
/// digit (or a `.` or `,` before one) and holds only digits, `.` `,` `-` `/` `:` `%` and spaces,
/// or is a number in scientific notation (`2E3`, `1,5e+10`); except a plain whole number of at
/// most 11 digits without a leading zero (`1`, `2024`), which a spreadsheet keeps as it was
/// written. Values longer than 255 characters are left as they are (the longest text a formula
/// can hold in Excel).
///
/// ``unprotect(_:)`` takes exactly that form off again: `unprotect(protect(s)) == s` for every
/// string, and a value `="…"` that was data is written with FormulaProtection's `'` before it,
/// so it does not match.
public enum TextProtection {
    /// The longest value that is protected: Excel's limit for a text in a formula.
    public static let maxLength = 255

    /// Whether a spreadsheet would take `text` as a number, date or time instead of text.
    public static func isAtRisk(_ text: String) -> Bool {
        guard text.utf8.count <= maxLength else { return false }
        var bytes = Array(text.utf8)[...]
        while bytes.first == 0x20 { bytes = bytes.dropFirst() }
        while bytes.last == 0x20 { bytes = bytes.dropLast() }
        guard let first = bytes.first else { return false }
        let startsNumber = isDigit(first) || ((first == UInt8(ascii: ".") || first == UInt8(ascii: ",")) && bytes.dropFirst().first.map(isDigit) == true)
        guard startsNumber else { return false }
        if bytes.allSatisfy(isNumberByte) {
            let plainWholeNumber = bytes.allSatisfy(isDigit) && bytes.count <= 11 && (bytes.count == 1 || first != UInt8(ascii: "0"))
            return !plainWholeNumber
        }
        return isScientific(bytes)
    }

    /// `text` as `="text"` when it is at risk (``isAtRisk(_:)``); unchanged otherwise.
    public static func protect(_ text: String) -> String {
        isAtRisk(text) ? "=\"" + text + "\"" : text
    }

    /// `field` without the `="…"` that ``protect(_:)`` put around it; any other field is unchanged.
    public static func unprotect(_ field: String) -> String {
        guard let inner = wrapped(field) else { return field }
        return inner
    }

    /// The text inside `="…"` when `field` is what ``protect(_:)`` writes, else `nil`.
    public static func wrapped(_ field: String) -> String? {
        let utf8 = field.utf8
        guard utf8.count >= 4, utf8.first == UInt8(ascii: "="), utf8.dropFirst().first == UInt8(ascii: "\""),
              utf8.last == UInt8(ascii: "\"") else { return nil }
        let inner = String(decoding: utf8.dropFirst(2).dropLast(), as: UTF8.self)
        return isAtRisk(inner) ? inner : nil
    }

    // MARK: Bytes

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Digits and what spreadsheets read in numbers, dates and times.
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "%") || byte == 0x20
    }

    /// `digits [. or , digits] E [+ or -] digits`.
    private static func isScientific(_ text: ArraySlice<UInt8>) -> Bool {
        var bytes = text
        func digits() -> Int {
            let count = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(count)
            return count
        }
        let whole = digits()
        if bytes.first == UInt8(ascii: ".") || bytes.first == UInt8(ascii: ",") {
            bytes = bytes.dropFirst()
            guard digits() > 0 || whole > 0 else { return false }
        } else if whole == 0 {
            return false
        }
        guard bytes.first == UInt8(ascii: "E") || bytes.first == UInt8(ascii: "e") else { return false }
        bytes = bytes.dropFirst()
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return digits() > 0 && bytes.isEmpty
    }
}
