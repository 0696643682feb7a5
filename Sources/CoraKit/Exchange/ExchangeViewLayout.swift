/// A node of a view that ``ExchangeViews`` generates, before and after it is given its place: an
/// element, a container or a label, with the nodes nested in it, laid out in pure Swift (no
/// Graphviz, no I/O) and the same for the same input every time.
///
/// Sizes are estimated from the text a node shows (Segoe UI 9, Archi's default font: about 6.5
/// points a character, 15 a line), so that a name fits its box the way Archi wraps it: a leaf is
/// 120, 160 or 200 wide (Archi's default element is 120×55) and taller for a long name. A node
/// with nested nodes has its label on top and its children below it with a margin of 12 around
/// them. Coordinates are absolute (as Archi writes them): a child's bounds lie inside its parent's.
final class ExchangeViewItem {
    /// What the node shows.
    enum Kind: Equatable {
        /// An `Element` node of the element with this identifier (Archi shows its name).
        case element(String)
        /// A `Container` node (a visual group) with this label.
        case container(String)
        /// A `Label` node (a note) with this text.
        case label(String)
    }

    /// How the nested nodes are placed.
    enum Arrangement: Equatable {
        /// Left to right in rows no wider than this (a node wider than it stands alone in its row).
        case rows(maxWidth: Int)
        /// Left to right in rows of this many nodes as wide as the widest (fewer where nodes are wider).
        case grid(columns: Int)
        /// Top to bottom, leaves stretched to the widest.
        case stack
    }

    /// The margin around nested nodes, and the grid Archi snaps to.
    static let margin = 12
    /// The space between two nodes side by side (room for an arrow between them).
    static let gap = 24
    /// The space between two rows or two stacked nodes.
    static let rowGap = 12

    let kind: Kind
    /// The node's identifier in the view.
    let identifier: String
    /// The text shown (an element's name), for its size.
    let text: String
    let style: ExchangeViewStyle
    var children: [ExchangeViewItem]
    var arrangement: Arrangement
    /// A size every leaf of its kind shares (the boxes of the landscape), instead of one from its text.
    var fixedSize: (width: Int, height: Int)?
    /// The narrowest the node may be (bands of equal width).
    var minimumWidth = 0

    /// The size, once ``measure()`` has run.
    private(set) var width = 0
    private(set) var height = 0
    /// Where each child goes, relative to this node's top left corner.
    private var offsets: [(x: Int, y: Int)] = []

    init(_ kind: Kind, identifier: String, text: String, style: ExchangeViewStyle, children: [ExchangeViewItem] = [],
         arrangement: Arrangement = .rows(maxWidth: 0)) {
        self.kind = kind
        self.identifier = identifier
        self.text = text
        self.style = style
        self.children = children
        self.arrangement = arrangement
    }

    // MARK: Size

    /// Works out the size of this node and the places of the nodes nested in it, children first.
    func measure() {
        for child in children { child.measure() }
        guard !children.isEmpty else {
            let size = fixedSize ?? Self.leafSize(text, kind: kind, fontSize: style.fontSize)
            width = max(size.width, minimumWidth)
            height = size.height
            return
        }
        let margin = Self.margin
        var inner: (offsets: [(x: Int, y: Int)], width: Int, height: Int)
        switch arrangement {
        case .rows(let maxWidth):
            inner = Self.rows(children, maxWidth: maxWidth)
        case .grid(let columns):
            let widest = children.map(\.width).max() ?? 0
            inner = Self.rows(children, maxWidth: max(1, columns) * (widest + Self.gap) - Self.gap)
        case .stack:
            let widest = children.map(\.width).max() ?? 0
            for child in children where child.children.isEmpty { child.width = widest }
            var y = 0
            var offsets: [(x: Int, y: Int)] = []
            for child in children {
                offsets.append((0, y))
                y += child.height + Self.rowGap
            }
            inner = (offsets, widest, y - Self.rowGap)
        }
        width = max(inner.width + 2 * margin, minimumWidth, 120)
        let header = Self.headerHeight(text, width: width, fontSize: style.fontSize)
        height = header + inner.height + margin
        offsets = inner.offsets.map { ($0.x + margin, $0.y + header) }
    }

    /// Widens a measured node (its children keep their places, on the left).
    func widen(to newWidth: Int) {
        width = max(width, newWidth)
    }

    /// Places `items` left to right in rows at most `maxWidth` wide: their offsets and the size of the whole.
    static func rows(_ items: [ExchangeViewItem], maxWidth: Int) -> (offsets: [(x: Int, y: Int)], width: Int, height: Int) {
        var offsets: [(x: Int, y: Int)] = []
        var x = 0, y = 0, rowHeight = 0, width = 0
        for item in items {
            if x > 0, x + item.width > maxWidth {
                y += rowHeight + rowGap
                x = 0
                rowHeight = 0
            }
            offsets.append((x, y))
            width = max(width, x + item.width)
            x += item.width + gap
            rowHeight = max(rowHeight, item.height)
        }
        return (offsets, width, y + rowHeight)
    }

    // MARK: Text

    /// The points a character of font size `fontSize` takes on average (generous, so that names fit).
    static func characterWidth(_ fontSize: Int) -> Double { Double(fontSize) * 0.72 }

    /// The points a line of font size `fontSize` takes.
    static func lineHeight(_ fontSize: Int) -> Int { fontSize * 5 / 3 }

    /// The lines `text` wraps to in a box `width` wide (room left for Archi's icon and padding).
    static func lineCount(_ text: String, width: Int, fontSize: Int) -> Int {
        let characters = max(4, Int(Double(width - 24) / characterWidth(fontSize)))
        return max(1, DOTRenderer.lines(text, width: characters, maxLines: 12).count)
    }

    /// The size of a node without nested nodes showing `text`.
    static func leafSize(_ text: String, kind: Kind, fontSize: Int) -> (width: Int, height: Int) {
        if case .label = kind {
            let lines = lineCount(text, width: 400, fontSize: fontSize)
            let width = min(400, max(120, Int(Double(text.count) * characterWidth(fontSize)) + 24))
            return (width, max(25, 10 + lines * lineHeight(fontSize)))
        }
        for (width, maxLines) in [(120, 2), (160, 3)] where lineCount(text, width: width, fontSize: fontSize) <= maxLines {
            return (width, leafHeight(lines: lineCount(text, width: width, fontSize: fontSize), fontSize: fontSize))
        }
        return (200, leafHeight(lines: min(8, lineCount(text, width: 200, fontSize: fontSize)), fontSize: fontSize))
    }

    /// The height of a leaf with `lines` lines of text: at least Archi's 55.
    static func leafHeight(lines: Int, fontSize: Int) -> Int {
        max(55, 20 + lines * lineHeight(fontSize))
    }

    /// The height of the label on top of a node with nested nodes.
    static func headerHeight(_ text: String, width: Int, fontSize: Int) -> Int {
        let lines = min(4, lineCount(text, width: width, fontSize: fontSize))
        return 12 + lines * lineHeight(fontSize) + 6
    }

    // MARK: XML

    /// The `<node>` of this measured node with its top left corner at `x`, `y` (absolute), and
    /// its nested nodes, in the order of the schema: `label`, `style`, then the nested `node`s.
    /// `language` is the `xml:lang` of a label.
    func node(x: Int, y: Int, language: String?) -> XMLTree {
        var attributes = [XMLAttribute("identifier", identifier)]
        var children: [XMLTree] = []
        switch kind {
        case .element(let reference):
            attributes.append(XMLAttribute("elementRef", reference))
            attributes.append(XMLAttribute("xsi:type", "Element"))
        case .container(let label):
            attributes.append(XMLAttribute("xsi:type", "Container"))
            children.append(Self.text("label", label, language: language))
        case .label(let label):
            attributes.append(XMLAttribute("xsi:type", "Label"))
            children.append(Self.text("label", label, language: language))
        }
        attributes += [XMLAttribute("x", String(x)), XMLAttribute("y", String(y)), XMLAttribute("w", String(width)), XMLAttribute("h", String(height))]
        children.append(style.tree)
        for (child, offset) in zip(self.children, offsets) {
            children.append(child.node(x: x + offset.x, y: y + offset.y, language: language))
        }
        return XMLTree("node", attributes: attributes, children: children)
    }

    /// `<name>`, `<label>` or `<documentation>` holding `text`, with `xml:lang` when a language is given.
    static func text(_ name: String, _ text: String, language: String?) -> XMLTree {
        XMLTree(name, attributes: language.map { [XMLAttribute("xml:lang", $0)] } ?? [], text: text)
    }
}
