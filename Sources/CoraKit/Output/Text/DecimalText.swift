/// Decimal numbers as cora writes them in reports: a similarity score with at most three decimals,
/// without trailing zeros (`1`, `0.7`, `0.733`), the same on every machine whatever its locale; in
/// Dutch documents with a decimal comma (`0,733`).
enum DecimalText {
    /// `value` (0–1) with at most three decimals; `comma` writes `0,7` for `0.7`.
    static func score(_ value: Double, comma: Bool = false) -> String {
        let thousandths = Int((value * 1000).rounded())
        var fraction = thousandths % 1000
        guard fraction != 0 else { return String(thousandths / 1000) }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        return String(thousandths / 1000) + (comma ? "," : ".") + String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
    }
}
