/// What libxml2's error codes (as `XMLParser` passes them on) mean, in words for people: the
/// parser gives a number, not its message.
enum XMLWellFormedness {
    /// Where the parser was when it stopped.
    struct Context {
        /// The innermost element still open, with the line it starts on.
        var openElement: (name: String, line: Int)?
        /// The root element's name as written, once it has started.
        var rootName: String?
        /// Whether the root element has ended.
        var rootClosed: Bool
        /// Whether the parser stopped on the file's last line.
        var atLastLine: Bool
    }

    /// Whether libxml2 reports `code` as a warning, after which it goes on (an unknown XML
    /// version, a relative namespace URI, an `xml:lang` value it does not know).
    static func isWarning(_ code: Int) -> Bool {
        [27, 93, 97, 98, 99, 100, 101, 102, 106, 107].contains(code)
    }

    /// What is wrong, for the libxml2 error `code`.
    static func message(code: Int, context: Context) -> String {
        let open = context.openElement.map { "<\($0.name)> (line \($0.line))" }
        // Something left unfinished on the last line: the file is cut off.
        if context.atLastLine, let open, [34, 37, 39, 40, 41, 43, 44, 45, 47, 57, 63, 65, 73, 77].contains(code) {
            return "the file ends before \(open) is closed, inside a tag"
        }
        switch code {
        case 4, 5, 86:
            if let open { return "the file ends before \(open) is closed" }
            if context.rootClosed, let root = context.rootName { return "there is more after the root element <\(root)> ends; a document has one root element" }
            return "the file holds no XML element"
        case 77, 85:
            if let open { return "\(open) is not closed" }
            return "a tag is not closed"
        case 76:
            if let open { return "the end tag does not match the start tag \(open)" }
            return "an end tag matches no start tag"
        case 6, 7, 8:
            return "a character reference (&#…;) names a character that XML does not allow"
        case 9:
            return "a character that XML does not allow (a control character, or a byte that is no character)"
        case 10, 14, 23:
            return "an entity reference without its closing \";\" (write & as &amp;)"
        case 22:
            return "\"&\" without an entity name after it (write & as &amp;)"
        case 26, 28, 29, 30:
            return "an entity reference other than &amp; &lt; &gt; &quot; &apos; (the document declares no entities)"
        case 31, 32, 79:
            return "the encoding the document declares cannot be read (save it as UTF-8)"
        case 81:
            return "bytes that are not valid in the document's encoding (UTF-8 unless it declares another)"
        case 38:
            return "\"<\" inside an attribute value (write it as &lt;)"
        case 39, 40, 41, 84:
            return "an attribute without a quoted value"
        case 42, 203:
            return "an attribute written twice on one element"
        case 45:
            return "a comment that is not closed with \"-->\""
        case 63:
            return "a CDATA section that is not closed with \"]]>\""
        case 64:
            return "an XML declaration (<?xml …?>) that is not at the very start of the file"
        case 47, 46:
            return "a processing instruction (<?…?>) that is not closed"
        case 57, 56, 96, 108, 109:
            return "the XML declaration (<?xml …?>) is not valid"
        case 65, 73:
            return "a tag that is not closed with \">\""
        case 68:
            return "\"<\" without an element name after it (write < as &lt;)"
        case 201:
            return "a namespace prefix that is not declared"
        case 200, 202, 204, 205:
            return "a name or namespace declaration that XML namespaces do not allow"
        case 2:
            return "the parser ran out of memory"
        default:
            return "the parser stopped here (libxml2 error \(code))"
        }
    }
}
