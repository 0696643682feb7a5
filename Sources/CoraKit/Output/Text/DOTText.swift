/// Escaping for Graphviz DOT: quoted IDs, labels and tooltips that free text can never break out
/// of, that Graphviz shows as the very text, and that keep the SVG Graphviz writes well-formed XML.
///
/// - A backslash is doubled (in a tooltip, where Graphviz takes escapes twice, quadrupled) and a
///   quote escaped, so `\N`, `\G`, `\l` and `"]; digraph x {` stay text. Line breaks become `\n`.
/// - `&` becomes `&amp;`: Graphviz reads entity references in labels (`&#1;`, `&#xD800;`,
///   `&lt;`) and copies some into its SVG as they are, where they are not well-formed; it shows
///   `&amp;` as `&`, so the data's own `&amp;` is shown as `&amp;`.
/// - Characters XML does not allow: C0 control characters become spaces, U+FFFE and U+FFFF
///   become U+FFFD (other noncharacters are allowed in XML 1.0 and kept).
/// - Length: Graphviz 2.43 refuses a quoted string with a run of about 12,200 bytes or more
///   without a backslash ("syntax error … longer than 16384?"), measured at every position in the
///   input. Labels, tooltips and IDs are cut well before: on a character boundary and never inside
///   an escape, with `…` at the end.
public enum DOTText {
    /// The most bytes of a label between its quotes (escapes included); a longer label is cut with
    /// `…` and its whole text goes in a tooltip (``label(_:fullText:)``).
    public static let labelLimit = 500
    /// The most bytes of a tooltip between its quotes; a longer one is cut with `…`.
    public static let tooltipLimit = 8_000
    /// The most bytes of a node, cluster or graph ID between its quotes; a longer ID keeps its
    /// start, then `…` and a hash of the whole, so that two long IDs stay apart.
    public static let idLimit = 200

    /// `text` as a quoted DOT string (a label): escaped as the type says, cut with `…` at
    /// ``labelLimit`` bytes.
    public static func quoted(_ text: String) -> String {
        escaped(text, tooltip: false, limit: labelLimit).quoted
    }

    /// The quoted label for `drawn` and, when it had to be cut, a quoted tooltip holding
    /// `fullText` (the text before wrapping; `drawn` when `nil`), itself cut at ``tooltipLimit``.
    public static func label(_ drawn: String, fullText: String? = nil) -> (label: String, tooltip: String?) {
        let label = escaped(drawn, tooltip: false, limit: labelLimit)
        return (label.quoted, label.shortened ? tooltip(fullText ?? drawn) : nil)
    }

    /// `text` as a quoted tooltip: line breaks stay line breaks, a backslash stays one backslash.
    public static func tooltip(_ text: String) -> String {
        escaped(text, tooltip: true, limit: tooltipLimit).quoted
    }

    /// A quoted ID for `text` (a graph, a cluster), escaped as a label; over ``idLimit`` bytes,
    /// its start, `…` and the FNV-1a hash of the whole text in hexadecimal.
    public static func id(_ text: String) -> String {
        let whole = escaped(text, tooltip: false, limit: idLimit)
        guard whole.shortened else { return whole.quoted }
        let start = escaped(text, tooltip: false, limit: idLimit - 16)
        return String(start.quoted.dropLast()) + StableHash.hex(text) + "\""
    }

    /// A node ID for a process id (ids are `[A-Za-z0-9._-]+` unless `--keep-invalid` kept another).
    public static func nodeID(_ id: String, prefix: String = "") -> String {
        self.id(prefix + id)
    }

    /// `text` wrapped at about `width` characters on word boundaries, for box labels.
    public static func wrapped(_ text: String, width: Int = 22) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    private static let ellipsis = Array("…".utf8)
    private static let ampersand = Array("&amp;".utf8)

    /// `text` escaped between quotes, at most `limit` bytes between them: when longer, cut after
    /// the last whole character (with its escape) that leaves room for `…`.
    private static func escaped(_ text: String, tooltip: Bool, limit: Int) -> (quoted: String, shortened: Bool) {
        var body: [UInt8] = [0x22]
        body.reserveCapacity(min(text.utf8.count, limit) + 2)
        var lastFit = 1
        for character in text {
            if body.count - 1 + ellipsis.count <= limit { lastFit = body.count }
            append(character, tooltip: tooltip, to: &body)
            if body.count - 1 > limit {
                body.removeSubrange(lastFit...)
                body += ellipsis
                body.append(0x22)
                return (String(decoding: body, as: UTF8.self), true)
            }
        }
        body.append(0x22)
        return (String(decoding: body, as: UTF8.self), false)
    }

    /// One character, escaped.
    private static func append(_ character: Character, tooltip: Bool, to body: inout [UInt8]) {
        if character == "\r\n" || character == "\n" || character == "\r" {
            body += [0x5C, 0x6E]
            return
        }
        for scalar in character.unicodeScalars {
            switch scalar {
            case "\\":
                // Graphviz takes the escapes of a tooltip twice (\N and \G, then \n and \\).
                body += tooltip ? [0x5C, 0x5C, 0x5C, 0x5C] : [0x5C, 0x5C]
            case "\"": body += [0x5C, 0x22]
            case "&": body += ampersand
            case "\u{FFFE}", "\u{FFFF}": UTF8.encode("\u{FFFD}") { body.append($0) }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    body.append(0x20)
                } else {
                    UTF8.encode(scalar) { body.append($0) }
                }
            }
        }
    }
}
