import Foundation

/// Text clean-up shared by header matching, vocabularies and id derivation.
public enum TextNormalization {
    /// `text` without accents: `ë` → `e`, `é` → `e`, `ç` → `c`.
    public static func foldAccents(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        return text.folding(options: [.diacriticInsensitive], locale: nil)
    }

    /// The form in which header names and vocabulary values are compared: accents removed, lower
    /// case, and every run of whitespace, `_`, `-` and `.` turned into one space, trimmed.
    public static func matchKey(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in foldAccents(text).lowercased() {
            if character.isWhitespace || character == "_" || character == "-" || character == "." {
                pendingSpace = true
            } else {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
