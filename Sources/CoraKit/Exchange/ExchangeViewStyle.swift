/// The look of a node of a generated view: fill and line colour and font, written as the
/// `<style>` Archi writes (`fillColor`, `lineColor` with alpha 100, `font` "Segoe UI" with its colour).
///
/// The colours are CORA's, as the diagrams draw them: the band of each category
/// (``DOTRenderer/bandColors``), chains and scenarios as the headings over their business processes
/// (``DOTRenderer/groupColors``), steps grey; elements beside the processes in ArchiMate's own
/// layer colours (business yellow, application blue).
struct ExchangeViewStyle: Equatable {
    /// A colour, 0–255 each.
    struct Colour: Equatable {
        let red: Int, green: Int, blue: Int

        /// The colour of `#rrggbb` (black when it is not one).
        init(hex: String) {
            let digits = Array(hex.utf8.drop { $0 == UInt8(ascii: "#") })
            func channel(_ index: Int) -> Int {
                guard digits.count == 6 else { return 0 }
                return Int(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) ?? 0
            }
            red = channel(0)
            green = channel(2)
            blue = channel(4)
        }

        init(_ red: Int, _ green: Int, _ blue: Int) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        func tree(_ name: String, alpha: Bool) -> XMLTree {
            var attributes = [XMLAttribute("r", String(red)), XMLAttribute("g", String(green)), XMLAttribute("b", String(blue))]
            if alpha { attributes.append(XMLAttribute("a", "100")) }
            return XMLTree(name, attributes: attributes)
        }
    }

    let fill: Colour
    let line: Colour
    let fontSize: Int
    let bold: Bool

    init(fill: Colour, line: Colour, fontSize: Int = 9, bold: Bool = false) {
        self.fill = fill
        self.line = line
        self.fontSize = fontSize
        self.bold = bold
    }

    /// The `<style>` of a node.
    var tree: XMLTree {
        var font = [XMLAttribute("name", "Segoe UI"), XMLAttribute("size", String(fontSize))]
        if bold { font.append(XMLAttribute("style", "bold")) }
        return XMLTree("style", children: [
            fill.tree("fillColor", alpha: true), line.tree("lineColor", alpha: true),
            XMLTree("font", attributes: font, children: [Colour(0, 0, 0).tree("color", alpha: false)]),
        ])
    }

    /// The `<style>` of a connection: a black line, as Archi draws one.
    static let connection = XMLTree("style", children: [
        Colour(0, 0, 0).tree("lineColor", alpha: false),
        XMLTree("font", attributes: [XMLAttribute("name", "Segoe UI"), XMLAttribute("size", "9")], children: [Colour(0, 0, 0).tree("color", alpha: false)]),
    ])

    // MARK: CORA's styles

    /// A band of the landscape: the category's colours, its label larger and bold.
    static func band(_ category: ProcessCategory?) -> ExchangeViewStyle {
        let colours = DOTRenderer.bandColors[category] ?? DOTRenderer.bandColors[nil]!
        return ExchangeViewStyle(fill: Colour(hex: colours.fill), line: Colour(hex: colours.line), fontSize: 11, bold: true)
    }

    /// A process chain or steering scenario.
    static let group = ExchangeViewStyle(fill: Colour(hex: DOTRenderer.groupColors.fill), line: Colour(hex: DOTRenderer.groupColors.line))

    /// A process at `depth` below the root of a view (0: the root) of `category` and `level`: the
    /// root of a process view in its band's colour, a business process of the landscape and a work
    /// process white, a step grey; the line always the category's.
    static func process(level: ProcessLevel?, category: ProcessCategory?, depth: Int) -> ExchangeViewStyle {
        let colours = DOTRenderer.bandColors[category] ?? DOTRenderer.bandColors[nil]!
        let line = Colour(hex: colours.line)
        if level == .processChain || level == .steeringScenario { return group }
        if depth == 0 { return ExchangeViewStyle(fill: Colour(hex: colours.fill), line: line, bold: true) }
        if level == .processStep || depth > 1 {
            return ExchangeViewStyle(fill: Colour(hex: DOTRenderer.stepFill), line: line)
        }
        return ExchangeViewStyle(fill: Colour(255, 255, 255), line: line)
    }

    /// A business process box of the landscape: white, the line of its category.
    static func landscapeBox(_ category: ProcessCategory?) -> ExchangeViewStyle {
        let colours = DOTRenderer.bandColors[category] ?? DOTRenderer.bandColors[nil]!
        return ExchangeViewStyle(fill: Colour(255, 255, 255), line: Colour(hex: colours.line))
    }

    /// An element of the business layer beside the processes (function, service, event).
    static let business = ExchangeViewStyle(fill: Colour(255, 255, 181), line: Colour(92, 92, 92))
    /// An element of the application layer (application component or service).
    static let application = ExchangeViewStyle(fill: Colour(181, 255, 255), line: Colour(92, 92, 92))
    /// A note.
    static let note = ExchangeViewStyle(fill: Colour(255, 255, 255), line: Colour(92, 92, 92))
}
