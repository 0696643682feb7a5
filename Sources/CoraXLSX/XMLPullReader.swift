internal import CLibXML2

/// The SpreadsheetML and relationship namespaces a workbook part may use (Transitional, the one
/// Excel and LibreOffice write, and Strict).
enum OOXMLNamespace {
    static let spreadsheet = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                              "http://purl.oclc.org/ooxml/spreadsheetml/main"]
    static let relationships = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                "http://purl.oclc.org/ooxml/officeDocument/relationships"]
    static let packageRelationships = ["http://schemas.openxmlformats.org/package/2006/relationships"]
    static let contentTypes = ["http://schemas.openxmlformats.org/package/2006/content-types"]
}

/// A small Swift face on libxml2's pull parser (xmlTextReader) over the bytes of one part: one
/// node at a time, never a tree. It refuses a DTD (so that no entity can be declared, expanded or
/// loaded), reaches no network, and prints nothing: the parser's message becomes the error.
final class XMLPullReader {
    /// What kind of node the reader is on.
    enum NodeKind { case element, endElement, text, other }

    private let reader: xmlTextReaderPtr
    private let bytes: PartBytes
    private let errorBox: ErrorBox
    /// The part read, for errors.
    let part: String

    /// The last message the parser reported (collected instead of printed).
    final class ErrorBox {
        var message: String?
    }

    /// A reader over `bytes`, the XML of `part`.
    init(bytes: PartBytes, part: String) throws(WorkbookError) {
        self.part = part
        self.bytes = bytes
        guard bytes.count <= Int(Int32.max) else {
            throw WorkbookError(.tooLarge, "the part \(part) is \(ByteCount(bytes.count)), more than the XML parser reads (2 GiB)", part: part)
        }
        // Only UTF-8: a part in another encoding (UTF-16, UTF-7, EBCDIC) could spell `<!DOCTYPE` in
        // bytes the check below does not see, and have the parser read a DTD after all.
        if let problem = XMLPullReader.encodingProblem(bytes) {
            throw WorkbookError(.malformed, problem, part: part, line: 1)
        }
        if let line = XMLPullReader.doctypeLine(bytes) {
            throw WorkbookError(.malformed, "a DTD is not allowed in a workbook part", part: part, line: line)
        }
        // No entity substitution, no DTD loading or default attributes, no network.
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
            | Int32(XML_PARSE_NOWARNING.rawValue) | Int32(XML_PARSE_NOERROR.rawValue)
            | Int32(XML_PARSE_COMPACT.rawValue)
        let start = UnsafeRawPointer(bytes.storage.baseAddress!).assumingMemoryBound(to: CChar.self)
        guard let reader = xmlReaderForMemory(start, Int32(bytes.count), nil, "UTF-8", options) else {
            throw WorkbookError(.malformed, "the XML of the part cannot be read", part: part)
        }
        self.reader = reader
        let box = ErrorBox()
        self.errorBox = box
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
            if box.message == nil, let text = error.pointee.message {
                box.message = String(cString: text).trimmingWhitespace()
            }
        }, Unmanaged.passUnretained(box).toOpaque())
    }

    /// Why `bytes` are not a UTF-8 XML part (Excel, LibreOffice and every other writer of workbooks
    /// write UTF-8): a start that is no markup in ASCII (a UTF-16 byte order mark, NUL bytes), or
    /// an XML declaration naming another encoding; `nil` for UTF-8.
    static func encodingProblem(_ bytes: PartBytes) -> String? {
        let storage = bytes.storage
        let count = bytes.count
        var index = 0
        if count >= 3, storage[0] == 0xEF, storage[1] == 0xBB, storage[2] == 0xBF { index = 3 }
        while index < count, [0x20, 0x09, 0x0A, 0x0D].contains(storage[index]) { index += 1 }
        guard index < count else { return nil }
        guard storage[index] == UInt8(ascii: "<") else {
            return "the part is not UTF-8 XML (it starts with the byte 0x\(String(storage[index], radix: 16, uppercase: true))); a workbook's parts are UTF-8"
        }
        // The XML declaration, if any: `<?xml version="1.0" encoding="…"?>`.
        let prolog = Array(storage[index..<min(count, index + 256)])
        guard prolog.starts(with: Array("<?xml".utf8)),
              let close = prolog.indices.first(where: { prolog[$0] == UInt8(ascii: "?") && $0 + 1 < prolog.count && prolog[$0 + 1] == UInt8(ascii: ">") })
        else { return nil }
        let declaration = Array(prolog[..<close])
        let key = Array("encoding".utf8)
        guard let at = declaration.indices.first(where: { declaration[$0...].starts(with: key) }) else { return nil }
        let rest = String(decoding: declaration[(at + key.count)...], as: UTF8.self).drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        let normalised = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalised == "utf8" ? nil : "the part declares the encoding \"\(name)\"; a workbook's parts are UTF-8"
    }

    /// The line of a `<!DOCTYPE` in the prolog of `bytes` (after a byte order mark, white space,
    /// processing instructions and comments), found before the parser ever reads the DTD.
    static func doctypeLine(_ bytes: PartBytes) -> Int? {
        let storage = bytes.storage
        let count = bytes.count
        var index = 0
        var line = 1
        func starts(_ text: String) -> Bool {
            let utf8 = Array(text.utf8)
            return index + utf8.count <= count && utf8.indices.allSatisfy { storage[index + $0] == utf8[$0] }
        }
        func skip(past end: String) {
            while index < count, !starts(end) {
                if storage[index] == 0x0A { line += 1 }
                index += 1
            }
            index += end.utf8.count
        }
        if starts("\u{FEFF}") { index += 3 }
        while index < count {
            switch storage[index] {
            case 0x0A: line += 1; index += 1
            case 0x20, 0x09, 0x0D: index += 1
            default:
                if starts("<?") { skip(past: "?>") }
                else if starts("<!--") { skip(past: "-->") }
                else if starts("<!DOCTYPE") || starts("<!doctype") { return line }
                else { return nil }
            }
        }
        return nil
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// The line the parser is on.
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// Moves to the next node; `false` at the end of the document. A DTD or XML that does not
    /// parse throws.
    func read() throws(WorkbookError) -> Bool {
        let result = xmlTextReaderRead(reader)
        if result < 0 { throw parseError() }
        if result == 0 { return false }
        if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
            throw WorkbookError(.malformed, "a DTD is not allowed in a workbook part", part: part, line: line)
        }
        return true
    }

    /// Skips the subtree of the element the reader is on (its children are parsed, not reported).
    func skipSubtree() throws(WorkbookError) -> Bool {
        let result = xmlTextReaderNext(reader)
        if result < 0 { throw parseError() }
        return result == 1
    }

    private func parseError() -> WorkbookError {
        let message = errorBox.message ?? "the XML is malformed"
        return WorkbookError(.malformed, "the XML of the part does not parse: \(message)", part: part, line: line)
    }

    /// The kind of the current node.
    var kind: NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
            return .text
        default: return .other
        }
    }

    /// Whether the current element has no content (`<c r="A1"/>`).
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The depth of the current node (the root element is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Whether the current node is named `localName` in one of `namespaces`.
    func isNamed(_ localName: StaticString, in namespaces: [String]) -> Bool {
        guard let name = xmlTextReaderConstLocalName(reader),
              xmlStrEqual(name, localName.utf8Start) == 1
        else { return false }
        return isInNamespace(namespaces)
    }

    /// Whether the current node is in one of `namespaces`.
    func isInNamespace(_ namespaces: [String]) -> Bool {
        guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return false }
        for namespace in namespaces where namespace.withCString({ xmlStrEqual(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), uri) == 1 }) { return true }
        return false
    }

    /// The local name of the current node.
    var localName: String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
    }

    /// The text of the current text node.
    var value: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    }

    /// Calls `body` with each attribute of the current element that has no namespace (or, with
    /// `namespaces`, one of them): its local name and value as C strings.
    func forEachAttribute(in namespaces: [String]? = nil, _ body: (UnsafePointer<CChar>, UnsafePointer<CChar>) throws(WorkbookError) -> Void) throws(WorkbookError) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let uri = xmlTextReaderConstNamespaceUri(reader)
            if let namespaces {
                guard uri != nil, isInNamespace(namespaces) else { continue }
            } else if uri != nil {
                continue
            }
            guard let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) else { continue }
            try body(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
        }
        xmlTextReaderMoveToElement(reader)
    }

    /// The attributes of the current element without a namespace, by local name.
    func attributes() throws(WorkbookError) -> [String: String] {
        var result: [String: String] = [:]
        try forEachAttribute { name, value in result[String(cString: name)] = String(cString: value) }
        return result
    }

    /// The value of the attribute `localName` in one of `namespaces` of the current element.
    func attribute(_ localName: String, in namespaces: [String]) throws(WorkbookError) -> String? {
        var found: String?
        try forEachAttribute(in: namespaces) { name, value in
            if found == nil, localName.withCString({ xmlStrEqual(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), UnsafeRawPointer(name).assumingMemoryBound(to: xmlChar.self)) }) == 1 { found = String(cString: value) }
        }
        return found
    }

    /// The text inside the current element (all its text nodes, child elements' text included),
    /// leaving the reader on its end. Empty for an empty element.
    func elementText() throws(WorkbookError) -> String {
        if isEmptyElement { return "" }
        let start = depth
        var text = ""
        while try read() {
            switch kind {
            case .text: text += value
            case .endElement where depth == start: return text
            default: continue
            }
        }
        return text
    }
}

extension String {
    /// The string without white space at either end.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
