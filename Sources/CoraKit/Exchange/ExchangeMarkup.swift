/// What the reader looks at before it parses: the document's bytes as UTF-8 markup, whether there
/// is anything in them, and its prolog (the XML declaration, comments and a DOCTYPE before the root
/// element) with the root element's start tag.
struct ExchangeMarkup {
    /// The bytes as UTF-8 (or as the ASCII-compatible encoding they declare): UTF-16 with a byte
    /// order mark transcoded, anything else as it is.
    let utf8: [UInt8]
    /// Whether the bytes start with no byte order mark and a NUL in the first four bytes, or with
    /// EBCDIC's `<?xm`: an encoding whose markup is not ASCII, which the reader does not take.
    let hasUnmarkedWideEncoding: Bool

    init(_ bytes: [UInt8]) {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            // UTF-32 with a byte order mark.
            utf8 = []
            hasUnmarkedWideEncoding = true
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
                units.append(UInt16(high) << 8 | UInt16(low))
                index += 2
            }
            utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
            hasUnmarkedWideEncoding = false
        } else {
            utf8 = bytes
            let start = bytes.prefix(4)
            hasUnmarkedWideEncoding = start.contains(0) || start.elementsEqual([0x4C, 0x6F, 0xA7, 0x94])
        }
    }

    /// Whether there is nothing but white space (and a byte order mark).
    var isBlank: Bool {
        !hasUnmarkedWideEncoding && utf8.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).allSatisfy(Self.isSpace)
    }

    /// The encodings a document may declare: those in which the markup is ASCII, so that what the
    /// reader checks before parsing (a DOCTYPE) is what the parser will see. UTF-16 is transcoded
    /// first. UTF-7 and the like could hide a DOCTYPE from that check.
    static let acceptedEncodings: Set<String> = ["utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii", "iso-8859-1", "latin1",
                                                 "iso-8859-15", "latin-9", "windows-1252", "cp1252"]

    /// The `encoding` of the XML declaration, if the document starts with one that names it.
    var declaredEncoding: String? {
        let index = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard utf8[index...].starts(with: Array("<?xml".utf8)) else { return nil }
        let declaration = utf8[index...].prefix(400)
        guard let end = declaration.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let text = String(decoding: utf8[index..<end], as: UTF8.self)
        guard let range = text.range(of: "encoding") else { return nil }
        var rest = text[range.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix(while: { $0 != quote }))
    }

    /// The line of a DOCTYPE declaration in the prolog, if there is one.
    var doctypeLine: Int? {
        if case .doctype(let line, _) = prolog { return line }
        return nil
    }

    /// Whether the prolog ends in a DOCTYPE declaration for a root element `model` (`<!DOCTYPE
    /// model [...]>`): a document that claims to be an exchange document, for the reader to refuse.
    var doctypeNamesModel: Bool {
        guard !hasUnmarkedWideEncoding, case .doctype(_, let offset) = prolog else { return false }
        var index = offset + 9
        while index < utf8.count, Self.isSpace(utf8[index]) { index += 1 }
        let start = index
        while index < utf8.count, !Self.isSpace(utf8[index]), utf8[index] != UInt8(ascii: "["), utf8[index] != UInt8(ascii: ">") { index += 1 }
        let name = String(decoding: utf8[start..<index], as: UTF8.self)
        return name == "model" || name.hasSuffix(":model")
    }

    /// Whether the root element is `model` in the exchange format's namespace, by its start tag
    /// (read as far as the bytes go).
    var rootIsExchangeModel: Bool {
        guard !hasUnmarkedWideEncoding, case .root(let offset) = prolog else { return false }
        var index = offset + 1
        let nameStart = index
        while index < utf8.count, !Self.isSpace(utf8[index]), utf8[index] != UInt8(ascii: ">"), utf8[index] != UInt8(ascii: "/") { index += 1 }
        let name = String(decoding: utf8[nameStart..<index], as: UTF8.self)
        let prefix: String
        if let colon = name.firstIndex(of: ":") {
            guard name[name.index(after: colon)...] == "model" else { return false }
            prefix = String(name[..<colon])
        } else {
            guard name == "model" else { return false }
            prefix = ""
        }
        let declaration = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        // Attributes: name = "value" or 'value', up to the end of the tag or of the bytes.
        while index < utf8.count {
            while index < utf8.count, Self.isSpace(utf8[index]) { index += 1 }
            guard index < utf8.count, utf8[index] != UInt8(ascii: ">"), utf8[index] != UInt8(ascii: "/") else { break }
            let attributeStart = index
            while index < utf8.count, utf8[index] != UInt8(ascii: "="), !Self.isSpace(utf8[index]) { index += 1 }
            let attribute = String(decoding: utf8[attributeStart..<index], as: UTF8.self)
            while index < utf8.count, utf8[index] != UInt8(ascii: "\""), utf8[index] != UInt8(ascii: "'") { index += 1 }
            guard index < utf8.count else { break }
            let quote = utf8[index]
            index += 1
            let valueStart = index
            while index < utf8.count, utf8[index] != quote { index += 1 }
            guard index < utf8.count else { break }
            if attribute == declaration {
                return String(decoding: utf8[valueStart..<index], as: UTF8.self) == ExchangeDocument.namespace
            }
            index += 1
        }
        return false
    }

    /// What ends the prolog.
    private enum PrologEnd {
        /// A DOCTYPE declaration on this line, at this offset.
        case doctype(line: Int, offset: Int)
        /// The root element's start tag at this offset.
        case root(offset: Int)
        /// Anything else (text, the end of the bytes): for the parser to judge.
        case other
    }

    /// Walks the prolog: white space, the XML declaration, processing instructions and comments.
    private var prolog: PrologEnd {
        var index = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        func skip(past terminator: String) {
            let pattern = Array(terminator.utf8)
            while index < utf8.count, !utf8[index...].starts(with: pattern) {
                if utf8[index] == 0x0A || (utf8[index] == 0x0D && (index + 1 >= utf8.count || utf8[index + 1] != 0x0A)) { line += 1 }
                index += 1
            }
            index += pattern.count
        }
        while index < utf8.count {
            let byte = utf8[index]
            if Self.isSpace(byte) {
                if byte == 0x0A || (byte == 0x0D && (index + 1 >= utf8.count || utf8[index + 1] != 0x0A)) { line += 1 }
                index += 1
            } else if utf8[index...].starts(with: Array("<?".utf8)) {
                skip(past: "?>")
            } else if utf8[index...].starts(with: Array("<!--".utf8)) {
                skip(past: "-->")
            } else if utf8[index...].starts(with: Array("<!".utf8)) {
                let keyword = String(decoding: utf8[index...].prefix(9), as: UTF8.self).uppercased()
                // A DOCTYPE, or any other declaration a document cannot have before its root.
                return keyword == "<!DOCTYPE" ? .doctype(line: line, offset: index) : .other
            } else if byte == UInt8(ascii: "<") {
                return .root(offset: index)
            } else {
                return .other
            }
        }
        return .other
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
