/// The workbook's shared strings (`xl/sharedStrings.xml`): each `<si>` is one text, plain
/// (`<t>`) or rich (`<r><t>` runs, concatenated); phonetic guides (`<rPh>`) are left out.
enum SharedStrings {
    /// The strings of `bytes`, in order, escapes decoded.
    static func read(_ bytes: PartBytes, part: String, limits: WorkbookLimits) throws(WorkbookError) -> [String] {
        let reader = try XMLPullReader(bytes: bytes, part: part)
        var strings: [String] = []
        while try reader.read() {
            guard reader.kind == .element, reader.isNamed("si", in: OOXMLNamespace.spreadsheet) else { continue }
            if strings.count == limits.maxSharedStrings {
                throw WorkbookError(.tooLarge, "the workbook has more than \(limits.maxSharedStrings) shared strings, over the limit", part: part, line: reader.line)
            }
            strings.append(try richText(reader))
        }
        return strings
    }

    /// The text of the rich-text element the reader is on (`<si>` or `<is>`): its `<t>` and runs'
    /// `<t>` concatenated, phonetic runs left out, escapes decoded. Leaves the reader on its end.
    static func richText(_ reader: XMLPullReader) throws(WorkbookError) -> String {
        if reader.isEmptyElement { return "" }
        let depth = reader.depth
        var text = ""
        while try reader.read() {
            switch reader.kind {
            case .element where reader.isNamed("rPh", in: OOXMLNamespace.spreadsheet):
                _ = try reader.elementText()
            case .element where reader.isNamed("t", in: OOXMLNamespace.spreadsheet):
                text += try reader.elementText()
            case .endElement where reader.depth == depth:
                return OOXMLEscapes.decode(text)
            default:
                continue
            }
        }
        return OOXMLEscapes.decode(text)
    }
}

/// The escapes OOXML puts in text for characters XML cannot hold: `_xHHHH_` is the UTF-16 code
/// unit HHHH (`_x000D_` a carriage return); `_x005F_` is a literal `_`, so that `_x005F_x0041_`
/// stands for the text `_x0041_`.
enum OOXMLEscapes {
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        var units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var index = 0
        func hexUnit(at start: Int) -> UInt16? {
            guard start + 7 <= units.count, units[start] == 0x5F, units[start + 1] == 0x78 || units[start + 1] == 0x58,
                  units[start + 6] == 0x5F else { return nil }
            var value: UInt16 = 0
            for unit in units[(start + 2)..<(start + 6)] {
                guard let digit = Character(Unicode.Scalar(unit) ?? " ").hexDigitValue else { return nil }
                value = value << 4 | UInt16(digit)
            }
            return value
        }
        while index < units.count {
            if let unit = hexUnit(at: index) {
                result.append(unit)
                index += 7
            } else {
                result.append(units[index])
                index += 1
            }
        }
        units = result
        return String(decoding: units, as: UTF16.self)
    }
}
