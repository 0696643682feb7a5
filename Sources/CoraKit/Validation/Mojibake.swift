/// Text that went through the wrong encoding: UTF-8 opened as Windows-1252 and saved again, so
/// that `ë` (bytes C3 AB) became `Ã«`, `’` became `â€™` and a no-break space became `Â `.
///
/// A suspicious part is a run of characters whose Windows-1252 bytes form one valid UTF-8
/// character, starting with one of the lead characters that Western text produces (`Â Ã Å Æ Ë`
/// for letters and signs, `â ï` for punctuation and the byte order mark, `ð` for emoji). `Â` counts
/// only before a sign (never before a letter or a control character), so that Dutch text with `ë`,
/// `é` or `ï` is never suspicious. Broken remains count too, without a repair: `Ã` or `Â` before a
/// plain space (the no-break space was replaced), `â€` without its third character, and U+FFFD `�`
/// (a character lost in an earlier conversion).
enum Mojibake {
    /// What was found in one value.
    struct Finding: Equatable {
        /// The suspicious parts, in order of appearance, each once.
        var parts: [String]
        /// The repaired text (each part re-encoded as Windows-1252 and decoded as UTF-8, repeated
        /// for text that went wrong twice), when every part can be repaired.
        var repaired: String?
    }

    /// The characters of Windows-1252's bytes 0x80…0x9F; the five undefined bytes stand for themselves.
    static let windows1252High: [Unicode.Scalar] = [
        "\u{20AC}", "\u{81}", "\u{201A}", "\u{192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{2C6}", "\u{2030}", "\u{160}", "\u{2039}", "\u{152}", "\u{8D}", "\u{17D}", "\u{8F}",
        "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{2DC}", "\u{2122}", "\u{161}", "\u{203A}", "\u{153}", "\u{9D}", "\u{17E}", "\u{178}",
    ]

    /// The Windows-1252 byte of each character above 0x7F that has one.
    static let windows1252Bytes: [Unicode.Scalar: UInt8] = {
        var bytes: [Unicode.Scalar: UInt8] = [:]
        for (offset, scalar) in windows1252High.enumerated() { bytes[scalar] = UInt8(0x80 + offset) }
        for value in UInt8(0xA0)...UInt8(0xFF) { bytes[Unicode.Scalar(value)] = value }
        return bytes
    }()

    /// The lead bytes that Western text produces (see the type's description).
    static let leadBytes: Set<UInt8> = [0xC2, 0xC3, 0xC5, 0xC6, 0xCB, 0xE2, 0xEF, 0xF0]

    /// The characters that start every suspicious part: the lead bytes as Windows-1252, and U+FFFD.
    static let suspects: Set<Unicode.Scalar> = Set(leadBytes.map { Unicode.Scalar($0) } + ["\u{FFFD}"])

    /// Looks at `text`; `nil` when nothing is suspicious.
    static func inspect(_ text: String) -> Finding? {
        // Most values are ASCII or plain Dutch: look closer only when a lead character or � is there.
        guard !text.isPureASCII, text.unicodeScalars.contains(where: { !$0.isASCII && suspects.contains($0) }) else { return nil }
        guard var pass = scan(Array(text.unicodeScalars)) else { return nil }
        let parts = pass.parts
        var repaired: String? = pass.repairable ? pass.repaired : nil
        // Text that went wrong twice ("ÃƒÂ«") needs a second repair.
        var rounds = 1
        while let current = repaired, rounds < 3, let again = scan(Array(current.unicodeScalars)) {
            pass = again
            repaired = pass.repairable ? pass.repaired : nil
            rounds += 1
        }
        return Finding(parts: parts, repaired: repaired)
    }

    /// One pass over the characters: the suspicious parts and the text with each repaired.
    private static func scan(_ scalars: [Unicode.Scalar]) -> (parts: [String], repaired: String, repairable: Bool)? {
        var parts: [String] = []
        var repaired = String.UnicodeScalarView()
        var repairable = true
        func note(_ part: some Sequence<Unicode.Scalar>) {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: part)
            let string = String(text)
            if !parts.contains(string) { parts.append(string) }
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{FFFD}" {
                note([scalar])
                repairable = false
                repaired.append(scalar)
                index += 1
                continue
            }
            guard let lead = windows1252Bytes[scalar], leadBytes.contains(lead) else {
                repaired.append(scalar)
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var bytes = [lead]
            var next = index + 1
            while bytes.count < length, next < scalars.count, let byte = windows1252Bytes[scalars[next]], (0x80...0xBF).contains(byte) {
                bytes.append(byte)
                next += 1
            }
            if bytes.count == length, let decoded = String(validating: bytes, as: UTF8.self),
               lead != 0xC2 || isSign(scalars[index + 1]) {
                note(scalars[index..<next])
                repaired.append(contentsOf: decoded.unicodeScalars)
                index = next
                continue
            }
            // Broken remains: a no-break space saved as a plain space, or a lost third character.
            let following: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if (lead == 0xC3 || lead == 0xC2) && following == " " {
                note(scalars[index...(index + 1)])
                repairable = false
            } else if lead == 0xE2 && following == "\u{20AC}" {
                note(scalars[index...(index + 1)])
                repairable = false
            }
            repaired.append(scalar)
            index += 1
        }
        guard !parts.isEmpty else { return nil }
        return (parts, String(repaired), repairable)
    }

    /// Whether `scalar` (the character after `Â`) is a sign or a no-break space (`°`, `²`, `©`, `«`):
    /// above the control characters and not a letter.
    private static func isSign(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0xA0 && !scalar.properties.isAlphabetic
    }
}
