/// What Excel does to values on their way through a spreadsheet (CORA.md §4): long numbers shown
/// in scientific notation, dotted codes read as dates, `="0123"` formula wrappers that keep leading
/// zeros, and error values of failed formulas or of columns too narrow for their value.
///
/// Each check looks at one value and answers with what is wrong and what to do, or `nil`. The
/// checks are exact patterns, never guesses, so that ordinary numbers (`1234`) and codes
/// (`P1.2.3`, `VHU-03`) pass.
enum ExcelDamage {
    /// What a damaged value is and what to do about it.
    struct Finding: Equatable {
        /// The rest of the sentence after the value: "is a long number that Excel …".
        var what: String
        /// What to do.
        var hint: String
    }

    /// Looks at one value. `identifier` says that the value is an id or a code (or a reference to
    /// one), where scientific notation and dates can only be damage.
    static func inspect(_ value: String, identifier: Bool) -> Finding? {
        let text = value.trimmingWhitespace()
        guard let first = text.utf8.first else { return nil }
        switch first {
        case UInt8(ascii: "#"):
            return errorValue(text)
        case UInt8(ascii: "="):
            return formulaWrapper(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard identifier else { return nil }
            return scientificNotation(text) ?? dateFromCode(text)
        default:
            return nil
        }
    }

    /// The error values of Excel formulas, in English and in Dutch Excel (upper case).
    static let errorValues: Set<String> = [
        "#N/A", "#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#NULL!", "#NUM!", "#SPILL!", "#CALC!",
        "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
        "#N/B", "#VERW!", "#WAARDE!", "#NAAM?", "#DEEL/0!", "#LEEG!", "#GETAL!", "#OVERLOOP!", "#BEREKENEN!",
    ]

    /// `#N/A`, `#REF!` and the like, or `#####` (a column too narrow for its value).
    static func errorValue(_ text: String) -> Finding? {
        if text.count >= 2 && text.allSatisfy({ $0 == "#" }) {
            return Finding(
                what: "is what Excel shows when a column is too narrow for its value; the value itself is lost",
                hint: "widen the column (or format it as text) in Excel before exporting, so that the value itself is saved")
        }
        let upper = text.uppercased()
        guard errorValues.contains(upper) else { return nil }
        return Finding(
            what: "is the Excel error value \(upper): a formula that failed, not data",
            hint: "correct the formula in the spreadsheet, or paste its values as text, before exporting")
    }

    /// `="0123"` or `=“0123”`: Excel's way to keep leading zeros, exported as the formula.
    static func formulaWrapper(_ text: String) -> Finding? {
        let quotes: Set<Character> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}"]
        let characters = Array(text)
        guard characters.count >= 3, characters[0] == "=", quotes.contains(characters[1]),
              let last = characters.last, quotes.contains(last) else { return nil }
        let inner = String(characters[2..<(characters.count - 1)])
        return Finding(
            what: "is an Excel formula (=\"…\"), not the value",
            hint: "the value is probably \"\(inner)\"; format the column as text in Excel before exporting instead of writing =\"…\"")
    }

    /// `1,23E+18`, `1.23E+18`, `4,5e+10`: a long number Excel shows in scientific notation. The
    /// exponent's sign is required (Excel always writes it), so a code such as `2E3` passes.
    static func scientificNotation(_ text: String) -> Finding? {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        guard digits() > 0 else { return nil }
        if bytes.first == UInt8(ascii: ",") || bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return nil }
        }
        guard bytes.first == UInt8(ascii: "E") || bytes.first == UInt8(ascii: "e") else { return nil }
        bytes = bytes.dropFirst()
        guard bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") else { return nil }
        bytes = bytes.dropFirst()
        guard digits() > 0, bytes.isEmpty else { return nil }
        return Finding(
            what: "is a long number that Excel wrote in scientific notation; its last digits are lost",
            hint: "format the column as text in Excel before exporting, and take the full numbers from the source; Excel cannot give them back")
    }

    /// The month abbreviations of Dutch and English Excel, with the month's number.
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mrt": 3, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7,
        "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// `1-feb`: a dotted code (`1.2`) that Dutch Excel read as a date (the `.` is not its decimal sign).
    static func dateFromCode(_ text: String) -> Finding? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit),
              let day = Int(parts[0]), (1...31).contains(day), let month = months[parts[1].lowercased()] else { return nil }
        return Finding(
            what: "is a date: Excel read a dotted code as day and month",
            hint: "probably \"\(day).\(month)\"; format the column as text in Excel before exporting")
    }
}

private extension Character {
    /// Whether the character is one of `0`…`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
