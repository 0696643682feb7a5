/// The shared strings of a workbook being written: each distinct text once, in the order of its
/// first use, and how many cells use one.
struct SharedStringTable {
    /// The distinct texts, in the order of first use.
    private(set) var strings: [String] = []
    /// The index of each text in ``strings``.
    private var indices: [String: Int] = [:]
    /// How many cells refer to a shared string (the part's `count`).
    private(set) var references = 0

    /// The index of `text`, added at the end when it is new.
    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indices[text] { return index }
        let index = strings.count
        strings.append(text)
        indices[text] = index
        return index
    }

    /// The part `xl/sharedStrings.xml`.
    func xml() -> [UInt8] {
        var xml = XMLBytes(capacity: strings.reduce(256) { $0 + $1.utf8.count + 32 })
        xml.raw(WorkbookWriterParts.declaration)
        xml.raw("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
        xml.decimal(references)
        xml.raw("\" uniqueCount=\"")
        xml.decimal(strings.count)
        xml.raw("\">")
        for text in strings {
            if Self.needsPreserve(text) {
                xml.raw("<si><t xml:space=\"preserve\">")
            } else {
                xml.raw("<si><t>")
            }
            xml.cellText(text)
            xml.raw("</t></si>")
        }
        xml.raw("</sst>")
        return xml.bytes
    }

    /// Whether `text` starts or ends with white space, which XML would let a reader drop.
    static func needsPreserve(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        return isSpace(first) || isSpace(last)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
