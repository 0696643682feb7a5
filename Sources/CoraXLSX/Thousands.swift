/// Counts in messages, grouped by thousands as in English (`40,000`).
enum Thousands {
    /// `value` with a comma between each group of three digits.
    static func format(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }
}
