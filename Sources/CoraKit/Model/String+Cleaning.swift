/// Clean-up of cell text: trimming, collapsing whitespace, stripping prefixes and suffixes.
///
/// These run on every cell of every row, so each has a fast path on the UTF-8 bytes for text that
/// holds no Unicode whitespace beyond ASCII (nearly all text); the rest goes through `Character`.
extension String {
    /// The text, or `nil` when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }

    /// Whether the text may hold whitespace outside ASCII (NBSP, en space, …): only then do the
    /// slow `Character` paths run. The lead bytes of those characters are 0xC2, 0xE1, 0xE2, 0xE3.
    var mayHoldUnicodeWhitespace: Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            // ASCII, eight bytes at a time: no lead byte of a Unicode space there.
            while index + 8 <= bytes.count {
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            while index < bytes.count {
                let byte = base[index]
                if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 { return true }
                index += 1
            }
            return false
        }
    }

    /// Whether every byte is ASCII (checked eight bytes at a time).
    var isPureASCII: Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            var index = 0
            while index + 8 <= bytes.count {
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < bytes.count {
                if base[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    /// The string without leading and trailing whitespace (spaces, tabs, line breaks, NBSP).
    /// The text on one line: each line break (CR LF, LF or CR) a space, for a heading, a link or
    /// a table cell in a document.
    var onOneLine: String {
        replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    func trimmingWhitespace() -> String {
        let bytes = utf8
        guard let head = bytes.first, let tail = bytes.last else { return self }
        // ASCII at both ends that is not whitespace: nothing to trim (no Unicode space can be there).
        if head < 0x80, tail < 0x80, !Self.isASCIIWhitespace(head), !Self.isASCIIWhitespace(tail) { return self }
        if !mayHoldUnicodeWhitespace {
            if !Self.isASCIIWhitespace(head) && !Self.isASCIIWhitespace(tail) { return self }
            guard let first = bytes.firstIndex(where: { !Self.isASCIIWhitespace($0) }) else { return "" }
            let last = bytes.lastIndex(where: { !Self.isASCIIWhitespace($0) })!
            return String(self[first...last])
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    /// The string with every run of whitespace (spaces, tabs, line breaks, NBSP) turned into one space.
    func collapsingWhitespace() -> String {
        if !mayHoldUnicodeWhitespace {
            // Fast path: nothing to do unless there is a whitespace byte other than a lone space.
            var previousWasSpace = false
            var needsWork = false
            for byte in utf8 {
                if Self.isASCIIWhitespace(byte) {
                    if byte != 0x20 || previousWasSpace { needsWork = true; break }
                    previousWasSpace = true
                } else {
                    previousWasSpace = false
                }
            }
            guard needsWork else { return self }
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count)
            var inWhitespace = false
            for byte in utf8 {
                if Self.isASCIIWhitespace(byte) {
                    if !inWhitespace { result.append(0x20) }
                    inWhitespace = true
                } else {
                    result.append(byte)
                    inWhitespace = false
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        var result = ""
        var inWhitespace = false
        for character in self {
            if character.isWhitespace {
                if !inWhitespace { result.append(" ") }
                inWhitespace = true
            } else {
                result.append(character)
                inWhitespace = false
            }
        }
        return result
    }

    /// Whether the text has two or more whitespace characters in a row (a CRLF counts as one).
    var hasWhitespaceRun: Bool {
        if !mayHoldUnicodeWhitespace {
            var run = 0
            var previous: UInt8 = 0
            for byte in utf8 {
                if Self.isASCIIWhitespace(byte) {
                    if !(byte == 0x0A && previous == 0x0D) { run += 1 }
                    if run >= 2 { return true }
                } else {
                    run = 0
                }
                previous = byte
            }
            return false
        }
        var run = 0
        for character in self {
            run = character.isWhitespace ? run + 1 : 0
            if run >= 2 { return true }
        }
        return false
    }

    /// The string without `prefix` (compared case-insensitively), or `nil` when it does not start with it.
    func removingPrefix(_ prefix: String) -> String? {
        guard let patternFirst = prefix.utf8.first else { return nil }
        // Most values differ from the prefix in their first byte: no further work then.
        if let first = utf8.first, first < 0x80, patternFirst < 0x80, Self.lowercase(first) != Self.lowercase(patternFirst) { return nil }
        if let length = Self.asciiCaseInsensitiveMatch(prefix, in: utf8.prefix(prefix.utf8.count)) {
            return length == nil ? nil : String(Substring(utf8.dropFirst(length!)))
        }
        // Only as many characters as the prefix has are looked at (counting the whole text would
        // make every comparison as slow as the text is long).
        let length = prefix.count
        let head = self.prefix(length)
        guard head.count == length, head.lowercased() == prefix.lowercased() else { return nil }
        return String(dropFirst(length))
    }

    /// The string without `suffix` (compared case-insensitively), or `nil` when it does not end with it.
    func removingSuffix(_ suffix: String) -> String? {
        guard let patternLast = suffix.utf8.last else { return nil }
        if let last = utf8.last, last < 0x80, patternLast < 0x80, Self.lowercase(last) != Self.lowercase(patternLast) { return nil }
        if let length = Self.asciiCaseInsensitiveMatch(suffix, in: utf8.suffix(suffix.utf8.count)) {
            return length == nil ? nil : String(Substring(utf8.dropLast(length!)))
        }
        let length = suffix.count
        let tail = self.suffix(length)
        guard tail.count == length, tail.lowercased() == suffix.lowercased() else { return nil }
        return String(dropLast(length))
    }

    /// For an ASCII `pattern`: `.some(length)` when `bytes` equal it ignoring ASCII case, `.some(nil)`
    /// when they are ASCII and differ (or are too short); `nil` when the comparison needs Unicode
    /// (the pattern or the compared bytes are not ASCII).
    private static func asciiCaseInsensitiveMatch(_ pattern: String, in bytes: Substring.UTF8View) -> Int?? {
        let patternBytes = pattern.utf8
        guard patternBytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard bytes.count == patternBytes.count else { return .some(nil) }
        for (a, b) in zip(bytes, patternBytes) {
            if a >= 0x80 { return nil }
            if lowercase(a) != lowercase(b) { return .some(nil) }
        }
        return .some(patternBytes.count)
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Space, tab, LF, VT, FF, CR.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
