/// Lists in messages: "a, b and c", "a, b or c".
enum ListFormatting {
    /// `items` joined with commas and a final "and".
    static func and(_ items: [String]) -> String { joined(items, "and") }

    /// `items` joined with commas and a final "or".
    static func or(_ items: [String]) -> String { joined(items, "or") }

    private static func joined(_ items: [String], _ last: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(last) " + items.last!
    }
}
