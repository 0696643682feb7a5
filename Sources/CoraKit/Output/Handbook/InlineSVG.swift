/// A picture drawn by Graphviz made fit to stand inside the HTML handbook: the SVG is read as XML
/// and written again with only the elements and attributes a diagram needs, so that whatever the
/// drawing held (a label from the data, a link, an image, a script, a style, an event handler) no
/// markup reaches the page but shapes, text and links to the handbook's own sections.
///
/// - Elements: `svg`, `g`, `a`, `text` and the shapes (`polygon`, `polyline`, `path`,
///   `ellipse`, `circle`, `rect`, `line`); any other element is left out with what it holds.
/// - Attributes: geometry, paint and font attributes only, and none whose value could load
///   anything (no `url(`, no other parentheses but a plain `transform`); `id`, `style` and every
///   `on…` attribute are left out (several pictures share one page, and a policy without
///   `'unsafe-inline'` refuses style attributes).
/// - Links: an `a`'s `href` is kept only when it names one of `anchors` (`#p-…`; Graphviz's own
///   `#a_p-…` is read as `#p-…`); its tooltip (`xlink:title`) becomes the link's `<title>`, which
///   every browser shows on hover.
/// - Text is escaped for HTML (``HTMLText``).
enum InlineSVG {
    /// The most nested elements read (Graphviz nests a few).
    static let maxDepth = 64
    /// The most elements read.
    static let maxElements = 2_000_000

    /// `svg` (a whole SVG document as Graphviz writes it) as an `<svg>` element for the page,
    /// labelled `label` for screen readers; `nil` when it is no SVG that can be read.
    static func embed(_ svg: [UInt8], anchors: Set<String>, label: String) -> String? {
        // The XML declaration, the DOCTYPE (which names an external DTD) and comments before the
        // root are not needed: the document starts at its root element.
        guard let start = rootStart(of: svg) else { return nil }
        let document = Array(svg[start...])
        guard case .success(let parsed) = XMLTreeParser(maxDepth: maxDepth, maxElements: maxElements).parse(document, markup: document),
              parsed.root.name == "svg" else { return nil }
        var out = "<svg"
        for name in ["width", "height", "viewBox"] {
            if let value = parsed.root[attribute: name], isSafe(value, for: name) { out += " \(name)=\"\(HTMLText.attribute(value))\"" }
        }
        out += " role=\"img\" aria-label=\"\(HTMLText.attribute(label))\">\n"
        for child in parsed.root.children { write(child, anchors: anchors, to: &out) }
        return out + "</svg>"
    }

    // Graphviz's own `<title>`s (the graph's and each node's internal name) are left out: hovering
    // a box would show them. A link's tooltip is written as its `<title>`.
    private static let elements: Set<String> = ["g", "a", "text", "polygon", "polyline", "path", "ellipse", "circle", "rect", "line"]
    private static let attributes: Set<String> = [
        "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "fill-opacity", "points", "d", "x", "y", "cx", "cy",
        "rx", "ry", "r", "x1", "y1", "x2", "y2", "width", "height", "transform", "text-anchor", "font-family", "font-size",
        "font-weight", "font-style", "text-decoration", "class",
    ]

    private static func write(_ element: XMLTree, anchors: Set<String>, to out: inout String) {
        guard elements.contains(element.name) else { return }
        out += "<" + element.name
        for attribute in element.attributes where attributes.contains(attribute.name) && isSafe(attribute.value, for: attribute.name) {
            out += " \(attribute.name)=\"\(HTMLText.attribute(attribute.value))\""
        }
        var tooltip: String?
        if element.name == "a" {
            let target = element[attribute: "xlink:href"] ?? element[attribute: "href"]
            if let target, let anchor = anchor(target), anchors.contains(anchor) { out += " href=\"#\(HTMLText.attribute(anchor))\"" }
            tooltip = element[attribute: "xlink:title"] ?? element[attribute: "title"]
        }
        out += ">"
        if let tooltip, !tooltip.isEmpty { out += "<title>" + HTMLText.text(tooltip) + "</title>" }
        if element.children.isEmpty {
            out += HTMLText.text(element.text)
        } else {
            out += "\n"
            for child in element.children { write(child, anchors: anchors, to: &out) }
        }
        out += "</\(element.name)>\n"
    }

    /// The anchor a link in a drawing names: `p-x` for `#p-x` and for Graphviz's `#a_p-x`.
    private static func anchor(_ target: String) -> String? {
        guard target.hasPrefix("#") else { return nil }
        let name = target.dropFirst()
        return String(name.hasPrefix("a_") ? name.dropFirst(2) : name)
    }

    /// Whether `value` may stand in the attribute `name`: nothing that loads or calls (no `(`
    /// at all, but the plain numbers and words of a `transform`), no `:` (no scheme, no `url:`).
    private static func isSafe(_ value: String, for name: String) -> Bool {
        if name == "transform" {
            return value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || " .,()-".unicodeScalars.contains($0) }
        }
        return !value.contains("(") && !value.contains(":") && !value.contains("\\")
    }

    /// Where the root element starts: after the XML declaration, a DOCTYPE, comments and
    /// processing instructions; `nil` when what follows them is no `<svg`.
    private static func rootStart(of bytes: [UInt8]) -> Int? {
        func starts(_ text: String, at index: Int) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
        }
        func end(of closing: String, from index: Int) -> Int? {
            var at = index
            while at < bytes.count {
                if starts(closing, at: at) { return at + closing.utf8.count }
                at += 1
            }
            return nil
        }
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            case UInt8(ascii: "<"):
                if starts("<svg", at: index) { return index }
                if starts("<!--", at: index) { guard let next = end(of: "-->", from: index + 4) else { return nil }; index = next; continue }
                if starts("<?", at: index) { guard let next = end(of: "?>", from: index + 2) else { return nil }; index = next; continue }
                if starts("<!DOCTYPE", at: index) {
                    // Graphviz's DOCTYPE has no internal subset; one with `[` is not one of its pictures.
                    guard let close = end(of: ">", from: index), !bytes[index..<close].contains(UInt8(ascii: "[")) else { return nil }
                    index = close
                    continue
                }
                return nil
            default:
                if index == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; continue }
                return nil
            }
        }
        return nil
    }
}
