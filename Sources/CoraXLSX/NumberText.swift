/// The decimal text of a number cell: a plain decimal (`3`, `-1.25`, `0.5`) that Excel holds
/// exactly. Anything else (`1e3`, `+1`, `.5`, `1,5`, `NaN`, more than 15 significant digits such
/// as `123456789012345678`, which Excel would round and show as `1.23457E+17`) is written as text.
enum NumberText {
    /// The most significant digits Excel keeps of a number.
    static let maxSignificantDigits = 15

    /// Whether `text` can be written as a number cell's value as it is.
    static func isExact(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var seenPoint = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenPoint { fractionDigits.append(byte) } else { integerDigits.append(byte) }
            case UInt8(ascii: ".") where !seenPoint:
                seenPoint = true
            default:
                return false
            }
            if integerDigits.count + fractionDigits.count > 400 { return false }
        }
        if integerDigits.isEmpty || (seenPoint && fractionDigits.isEmpty) { return false }
        let digits = (integerDigits + fractionDigits).drop { $0 == UInt8(ascii: "0") }
        let significant = fractionDigits.isEmpty ? digits.count : Array(digits.reversed().drop { $0 == UInt8(ascii: "0") }).count
        return significant <= maxSignificantDigits
    }
}
