/// Walks the start tags of an XML document in document order, beside the parser: for each element
/// the parser reports, the line its start tag begins on and the order its attributes are written
/// in (`XMLParser` gives a tag's end line and its attributes as a dictionary).
///
/// It skips comments, CDATA sections, processing instructions, end tags and a DOCTYPE; between
/// tags XML allows no `<`, and inside a start tag none outside the quoted values, so the next `<`
/// followed by a name is the next start tag. Line breaks are LF, CR LF and a lone CR, as XML counts
/// them. The scanner works on UTF-8 (or any encoding that writes the markup as ASCII); a tag whose
/// name is not the one the parser reports makes it give up for the rest of the document
/// (``next(qualifiedName:)`` then returns `nil`).
struct XMLStartTagScanner {
    /// A start tag: its first line and its attribute names (namespace declarations included) in order.
    struct StartTag {
        var line: Int
        var attributeNames: [String]
    }

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var failed = false

    /// A scanner over `bytes`, the document in UTF-8 (or an ASCII-compatible encoding).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is no markup.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    /// The next start tag, which the parser reports as `qualifiedName` (with its prefix, if any).
    mutating func next(qualifiedName: String) -> StartTag? {
        guard !failed else { return nil }
        while let open = advance(toByte: UInt8(ascii: "<")) {
            let following = open + 1 < bytes.count ? bytes[open + 1] : 0
            switch following {
            case UInt8(ascii: "!"):
                if matches("<!--", at: open) {
                    skip(past: Array("-->".utf8), from: open + 4)
                } else if matches("<![CDATA[", at: open) {
                    skip(past: Array("]]>".utf8), from: open + 9)
                } else {
                    skipDeclaration(from: open + 2)
                }
            case UInt8(ascii: "?"):
                skip(past: Array("?>".utf8), from: open + 2)
            case UInt8(ascii: "/"):
                skip(past: [UInt8(ascii: ">")], from: open + 2)
            default:
                return startTag(at: open, qualifiedName: qualifiedName)
            }
        }
        failed = true
        return nil
    }

    private mutating func startTag(at open: Int, qualifiedName: String) -> StartTag? {
        let tagLine = line
        var index = open + 1
        let nameStart = index
        while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
        guard bytes[nameStart..<index].elementsEqual(qualifiedName.utf8) else {
            failed = true
            return nil
        }
        var names: [String] = []
        while true {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") else { break }
            let attributeStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), !Self.isSpace(bytes[index]) { index += 1 }
            names.append(String(decoding: bytes[attributeStart..<index], as: UTF8.self))
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") { index += 1 }
            guard index < bytes.count else { break }
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote { index += 1 }
            index += 1
        }
        move(to: min(index, bytes.count))
        return StartTag(line: tagLine, attributeNames: names)
    }

    /// Moves to the next `byte` and returns its offset, or `nil` at the end.
    private mutating func advance(toByte byte: UInt8) -> Int? {
        var index = offset
        while index < bytes.count, bytes[index] != byte { index += 1 }
        move(to: index)
        return index < bytes.count ? index : nil
    }

    /// Moves past the first `terminator` at or after `start` (or to the end).
    private mutating func skip(past terminator: [UInt8], from start: Int) {
        var index = start
        while index < bytes.count, !matches(terminator, at: index) { index += 1 }
        move(to: min(index + terminator.count, bytes.count))
    }

    /// Moves past a `<!…>` declaration, its internal subset `[…]` included.
    private mutating func skipDeclaration(from start: Int) {
        var index = start
        var quote: UInt8?
        var brackets = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                brackets += 1
            } else if byte == UInt8(ascii: "]") {
                brackets -= 1
            } else if byte == UInt8(ascii: ">"), brackets <= 0 {
                break
            }
            index += 1
        }
        move(to: min(index + 1, bytes.count))
    }

    /// Moves the offset forward to `target`, counting the line breaks passed.
    private mutating func move(to target: Int) {
        var index = offset
        while index < target {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
                line += 1
            }
            index += 1
        }
        offset = max(offset, target)
    }

    private func matches(_ text: String, at index: Int) -> Bool {
        matches(Array(text.utf8), at: index)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for (position, byte) in pattern.enumerated() where bytes[index + position] != byte { return false }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
