import Foundation

/// Text clean-up shared by header matching, vocabularies and id derivation.
public enum TextNormalization {
    /// `text` without accents: `ë` → `e`, `é` → `e`, `ç` → `c`.
    public static func foldAccents(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        return text.folding(options: [.diacriticInsensitive], locale: nil)
    }

    /// The form in which header names and vocabulary values are compared: accents removed, lower
    /// case, invisible format characters (a byte order mark inside a cell of files pasted together,
    /// zero-width spaces) left out, and every run of whitespace, `_`, `-` and `.` turned into one
    /// space, trimmed.
    public static func matchKey(_ text: String) -> String {
        if let ascii = asciiMatchKey(text) { return ascii }
        var result = ""
        var pendingSpace = false
        for character in foldAccents(text).lowercased() {
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format }) { continue }
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

    /// The form in which column headers are compared: ``matchKey(_:)`` without any spaces, so that
    /// `Procescode`, `Proces code`, `proces-code` and ` PROCESCODE ` are the same header.
    public static func headerKey(_ text: String) -> String {
        matchKey(text).replacingOccurrences(of: " ", with: "")
    }

    /// ``matchKey(_:)`` for ASCII text, byte by byte; `nil` when the text is not all ASCII.
    private static func asciiMatchKey(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                pendingSpace = true
            default:
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
