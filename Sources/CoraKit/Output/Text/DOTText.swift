/// Escaping for Graphviz DOT: quoted IDs and labels that free text can never break out of.
public enum DOTText {
    /// `text` as a quoted DOT string: backslash first, then quotes; line breaks become `\n`
    /// (centred lines), so `\N`, `\G` and other escapes in the data stay literal text.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        var previousWasCR = false
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\r\n", "\n", "\r":
                if !(character == "\n" && previousWasCR) { result += "\\n" }
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.value < 0x20 {
                    result += " "
                } else {
                    result.append(character)
                }
            }
            previousWasCR = character == "\r"
        }
        return result + "\""
    }

    /// A node ID for a process id (ids are already `[A-Za-z0-9._-]+`; quoting keeps any id safe).
    public static func nodeID(_ id: String, prefix: String = "") -> String {
        quoted(prefix + id)
    }

    /// `text` wrapped at about `width` characters on word boundaries, for box labels.
    public static func wrapped(_ text: String, width: Int = 22) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
