/// Text in YAML: scalars that read back as the same string, and lines of comment that stay one
/// line whatever the spreadsheet held (a header with a line break would otherwise start a line of
/// YAML and inject keys).
enum YAMLText {
    /// `text` as a YAML scalar: plain when that reads back as the same string, else double-quoted.
    static func scalar(_ text: String, quoted: Bool = false) -> String {
        if !quoted && isPlainSafe(text) { return text }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if !isPrintable(scalar) || isLineBreak(scalar) {
                    result += scalar.value <= 0xFF ? "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                                                   : "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether YAML allows `scalar` in a file as it is: tab, LF, CR, printable ASCII, NEL and the
    /// printable rest of Unicode (YAML 1.1, 5.1), but not the byte order mark inside the text.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            return scalar.value != 0xFEFF
        default:
            return false
        }
    }

    /// Whether YAML 1.1 reads `scalar` as a line break: LF, CR, NEL, LS, PS.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value)
    }

    /// `line` with every line break and every character YAML does not allow made a space, so text
    /// from the file (headers, values in comments) stays on its line.
    static func oneLine(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { !isPrintable($0) || isLineBreak($0) }) else { return line }
        var result = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            result.append(!isPrintable(scalar) || isLineBreak(scalar) ? " " : scalar)
        }
        return String(result)
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace else { return false }
        guard first.isLetter || first.isNumber || first == "(" else { return false }
        let allowed: Set<Character> = [" ", "-", "_", ".", "/", "(", ")", "'", "&", "+", "?", "!", "%", "<", ">", "=", "~", "$", "^"]
        guard text.allSatisfy({ $0.isLetter || $0.isNumber || allowed.contains($0) }) else { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        if reserved.contains(text.lowercased()) { return false }
        if Double(text) != nil || Int(text) != nil { return false }
        if text.first!.isNumber && text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" || $0 == "_" }) { return false }
        return true
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
