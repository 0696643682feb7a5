/// A decimal number as digits, kept as text so that what the workbook wrote is what is shown
/// (`1.23E+18` is the digits `123` with the point 19 places in): value = 0.d₁d₂… × 10^`point`.
struct DecimalDigits {
    var negative: Bool
    /// The significant digits (0–9), no leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// Where the decimal point is, counted from the first digit.
    var point: Int

    /// The number in `text` (`-1.5`, `1E-3`, `1.23E+18`); `nil` when it is no number.
    init?(_ text: Substring) {
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return nil }
        negative = utf8[0] == UInt8(ascii: "-")
        if negative || utf8[0] == UInt8(ascii: "+") { utf8.removeFirst() }
        var mantissa: [UInt8] = []
        var pointAt: Int?
        var exponent = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa.append(byte - 0x30)
            } else if byte == UInt8(ascii: "."), pointAt == nil {
                pointAt = mantissa.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard !mantissa.isEmpty, let value = Int(String(decoding: utf8[(index + 1)...], as: UTF8.self)),
                      abs(value) < 10_000 else { return nil }
                exponent = value
                break
            } else {
                return nil
            }
            index += 1
        }
        guard !mantissa.isEmpty else { return nil }
        var point = (pointAt ?? mantissa.count) + exponent
        let leading = mantissa.prefix { $0 == 0 }.count
        mantissa.removeFirst(leading)
        point -= leading
        while mantissa.last == 0 { mantissa.removeLast() }
        if mantissa.isEmpty { negative = false; point = 0 }
        digits = mantissa
        self.point = point
    }

    /// Rounded (half away from zero) to keep `count` digits from the first one.
    mutating func round(keeping count: Int) {
        guard count < digits.count else { return }
        guard count >= 0 else { digits = []; point = 0; negative = false; return }
        let up = digits[count] >= 5
        digits.removeLast(digits.count - count)
        if up {
            var index = digits.count - 1
            while index >= 0 && digits[index] == 9 { digits[index] = 0; index -= 1 }
            if index >= 0 { digits[index] += 1 } else { digits.insert(1, at: 0); point += 1 }
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { negative = false; point = 0 }
    }

    /// Rounded to `decimals` places after the point.
    mutating func round(decimals: Int) { round(keeping: point + decimals) }

    /// The plain decimal text: at least `minimumDecimals` places, the integer part at least
    /// `integerDigits` digits (`0` digits leaves a zero integer part out: `.5`).
    func text(minimumDecimals: Int = 0, integerDigits: Int = 1) -> String {
        var integer = point > 0 ? digits.prefix(point).map { Character(Unicode.Scalar($0 + 0x30)) } : []
        if point > digits.count { integer += Array(repeating: "0", count: point - digits.count) }
        if integer.count < integerDigits { integer = Array(repeating: "0", count: integerDigits - integer.count) + integer }
        var fraction: [Character] = point < 0 ? Array(repeating: "0", count: -point) : []
        fraction += digits.dropFirst(max(point, 0)).map { Character(Unicode.Scalar($0 + 0x30)) }
        if fraction.count < minimumDecimals { fraction += Array(repeating: "0", count: minimumDecimals - fraction.count) }
        var result = negative ? "-" : ""
        result += String(integer)
        if !fraction.isEmpty { result += "." + String(fraction) }
        return result.isEmpty ? "0" : result
    }
}

/// The text of a number cell as Excel shows it, per its ``NumberDisplay``.
enum CellText {
    /// The shown text and kind of the number `value`; `nil` when `value` is no number.
    static func number(_ value: Substring, display: NumberDisplay, date1904: Bool) -> SheetCell? {
        guard var decimal = DecimalDigits(value) else { return nil }
        switch display {
        case .general:
            // Excel keeps 15 significant digits.
            decimal.round(keeping: 15)
            return SheetCell(decimal.text(), .number)
        case let .fixed(integerDigits, minimumDecimals, maximumDecimals, percent):
            decimal.round(keeping: 15)
            if percent { decimal.point += 2 }
            decimal.round(decimals: maximumDecimals)
            return SheetCell(decimal.text(minimumDecimals: minimumDecimals, integerDigits: integerDigits) + (percent ? "%" : ""), .number)
        case let .date(time, seconds):
            guard let serial = Double(value), serial >= 0, serial < 2_958_466 else {
                decimal.round(keeping: 15)
                return SheetCell(decimal.text(), .number)
            }
            let (day, secondOfDay) = split(serial)
            var text = dateText(serialDay: day, date1904: date1904)
            if time { text += " " + timeText(secondOfDay, seconds: seconds) }
            return SheetCell(text, .date)
        case let .time(seconds):
            guard let serial = Double(value), serial >= 0 else {
                decimal.round(keeping: 15)
                return SheetCell(decimal.text(), .number)
            }
            return SheetCell(timeText(split(serial).second, seconds: seconds), .date)
        }
    }

    /// The whole days and the second of the day (rounded to the nearest second) of a serial.
    static func split(_ serial: Double) -> (day: Int, second: Int) {
        let totalSeconds = (serial * 86_400).rounded()
        let day = Int((totalSeconds / 86_400).rounded(.down))
        return (day, Int(totalSeconds - Double(day) * 86_400))
    }

    /// `h:mm` or `h:mm:ss`.
    static func timeText(_ second: Int, seconds: Bool) -> String {
        let hours = second / 3600, minutes = second / 60 % 60, rest = second % 60
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(hours):\(twoDigits(minutes))" + (seconds ? ":\(twoDigits(rest))" : "")
    }

    /// `d-m-yyyy` of serial day `day`: in the 1900 system day 1 is 1-1-1900 and day 60 the
    /// 29-2-1900 that never was (Excel's leap-year bug, kept for Lotus 1-2-3); day 0 shows as
    /// 0-1-1900. In the 1904 system day 0 is 1-1-1904.
    static func dateText(serialDay day: Int, date1904: Bool) -> String {
        if date1904 {
            let (year, month, dayOfMonth) = civil(daysFrom1970: day + daysFrom1970To1904)
            return "\(dayOfMonth)-\(month)-\(year)"
        }
        if day == 0 { return "0-1-1900" }
        if day == 60 { return "29-2-1900" }
        let (year, month, dayOfMonth) = civil(daysFrom1970: (day < 60 ? day + 1 : day) + daysFrom1970To1899_12_30)
        return "\(dayOfMonth)-\(month)-\(year)"
    }

    /// The text of an ISO 8601 date cell (`t="d"`, `2024-03-05T14:30:00`): `d-m-yyyy`, with
    /// `h:mm` (or `h:mm:ss`) when it has a time other than midnight.
    static func isoDate(_ value: Substring) -> SheetCell? {
        let parts = value.split(separator: "T", maxSplits: 1)
        guard let datePart = parts.first else { return nil }
        let fields = datePart.split(separator: "-")
        guard fields.count == 3, let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
              (1...12).contains(month), (1...31).contains(day) else {
            if parts.count == 1, value.contains(":") { return timeOnly(value) }
            return nil
        }
        var text = "\(day)-\(month)-\(year)"
        if parts.count == 2, let time = timeOnly(parts[1]), time.text != "0:00" { text += " " + time.text }
        return SheetCell(text, .date)
    }

    private static func timeOnly(_ value: Substring) -> SheetCell? {
        let clock = value.prefix { $0 != "Z" && $0 != "+" && $0 != "." }
        let fields = clock.split(separator: ":")
        guard fields.count >= 2, let hours = Int(fields[0]), let minutes = Int(fields[1]) else { return nil }
        let seconds = fields.count > 2 ? Int(fields[2]) ?? 0 : 0
        return SheetCell(timeText(hours * 3600 + minutes * 60 + seconds, seconds: seconds != 0), .date)
    }

    private static let daysFrom1970To1899_12_30 = -25_569
    private static let daysFrom1970To1904 = -24_107

    /// Year, month and day of the day `days` after 1-1-1970 (proleptic Gregorian calendar).
    static func civil(daysFrom1970 days: Int) -> (Int, Int, Int) {
        let date = CivilCalendar.date(daysFrom1970: days)
        return (date.year, date.month, date.day)
    }
}
