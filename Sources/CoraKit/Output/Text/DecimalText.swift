/// Decimal numbers as cora writes them in reports: a similarity score with at most three decimals,
/// without trailing zeros (`1`, `0.7`, `0.733`), the same on every machine whatever its locale.
enum DecimalText {
    /// `value` (0–1) with at most three decimals.
    static func score(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        var text = "\(thousandths / 1000)"
        var fraction = thousandths % 1000
        guard fraction != 0 else { return text }
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
        text += "." + padded
        return text
    }
}
