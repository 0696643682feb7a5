/// A small JSON writer that keeps keys in the order they are written, so output is deterministic
/// and reads like the CSV it came from.
public struct JSONWriter {
    /// The text written so far.
    public private(set) var text = ""
    private var indentLevel = 0
    private var needsComma: [Bool] = [false]
    private let pretty: Bool

    /// Creates a writer; `pretty` indents with two spaces.
    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    /// Starts an object (as a value, or as the value of `key` inside an object).
    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    /// Ends the current object.
    public mutating func endObject() { close("}") }
    /// Starts an array.
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    /// Ends the current array.
    public mutating func endArray() { close("]") }

    /// Writes a string value.
    public mutating func string(_ key: String? = nil, _ value: String) { item(key, Self.quote(value)) }
    /// Writes a string value, or `null`.
    public mutating func optionalString(_ key: String? = nil, _ value: String?) { item(key, value.map(Self.quote) ?? "null") }
    /// Writes an integer value, or `null`.
    public mutating func number(_ key: String? = nil, _ value: Int?) { item(key, value.map(String.init) ?? "null") }
    /// Writes a score (0–1, at most three decimals, as ``DecimalText`` writes it), or `null`.
    public mutating func score(_ key: String? = nil, _ value: Double?) { item(key, value.map { DecimalText.score($0) } ?? "null") }
    /// Writes a Boolean value.
    public mutating func bool(_ key: String? = nil, _ value: Bool) { item(key, value ? "true" : "false") }
    /// Writes an array of strings on one line.
    public mutating func strings(_ key: String? = nil, _ values: [String]) {
        item(key, "[" + values.map(Self.quote).joined(separator: ", ") + "]")
    }

    private mutating func prefix(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && !(text.isEmpty) { text += "\n" + String(repeating: "  ", count: indentLevel) }
        if let key { text += Self.quote(key) + (pretty ? ": " : ":") }
    }

    private mutating func item(_ key: String?, _ literal: String) {
        prefix(key)
        text += literal
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        prefix(key)
        text += bracket
        indentLevel += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indentLevel -= 1
        if pretty && hadItems { text += "\n" + String(repeating: "  ", count: indentLevel) }
        text += bracket
    }

    /// `value` as a JSON string literal.
    public static func quote(_ value: String) -> String {
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
