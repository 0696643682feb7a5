/// The views cora adds to an exchange document it writes (issue 16): the CORA landscape and one
/// view per business process, each a complete `<view xsi:type="Diagram">` of `<views><diagrams>`
/// (ArchiMate Open Exchange Format 3.1), laid out in pure Swift (``ExchangeViewItem``): readable
/// when opened in Archi, the same for the same model every run.
///
/// - **The landscape** ("CORA-landschap" / "CORA landscape"): a `Container` band per category in
///   CORA's order and colours (sturend, primair, ondersteunend; a fourth only when processes
///   without a category exist), all equally wide and one below the other, each labelled as in the
///   diagrams ("Primaire processen (9)"). In a band, an `Element` node per box of the diagrams
///   (``DiagramBoxes``: every business process, in the order of the tree), in rows of the column
///   count the diagrams choose (``LandscapeGrid``); the business processes of a process chain or
///   steering scenario are nested in that chain's node (a scenario's chains in the scenario's), so
///   that the nesting shows the composition. A band without processes says so in a `Label` node.
/// - **A view per business process** (named by the code and name of the process; the same
///   processes as the diagrams of `--view each`): the business process as an `Element` node, its
///   work processes nested in it left to right, their steps nested in them top to bottom; above it
///   the business functions, left of it the events, right of it the services and below it the
///   applications that a relationship of the document ties to one of the processes drawn. At most
///   ``processNodeLimit`` processes are drawn in one view, level by level (every work process
///   before the first step), and a `Label` node in the business process says how many were left out.
/// - **Connections**: every relationship of the document whose two ends are both drawn in the view
///   gets a `Relationship` connection (triggering between work processes, assignments, serving, …),
///   except a composition or aggregation whose target is nested directly in its source (the nesting
///   shows it, as Archi hides it) and one whose two ends are the same node.
///
/// Identifiers: a view's starts with ``viewPrefix`` (how cora knows its own views when it reads a
/// document back), a node's with ``nodePrefix``, a connection's with ``connectionPrefix``; each
/// made from a stable key (the view, the element, the relationship), so that the same model gives
/// the same identifiers every run.
public struct ExchangeViews {
    /// The start of the identifier of every view cora generates.
    public static let viewPrefix = ExchangeRetained.generatedViewPrefix
    /// The start of the identifier of every node of a generated view.
    public static let nodePrefix = "cora-node-"
    /// The start of the identifier of every connection of a generated view.
    public static let connectionPrefix = "cora-connection-"
    /// The most processes one view of a business process draws.
    public static let processNodeLimit = 1000
    /// The width of a box of the landscape.
    static let landscapeBoxWidth = 160

    /// The element types drawn beside the processes of a process view, and the side each goes to.
    enum Side: CaseIterable {
        case top, left, right, bottom

        init?(type: String) {
            switch type {
            case ArchiConceptType.businessFunction: self = .top
            case ArchiConceptType.businessEvent: self = .left
            case ArchiConceptType.businessService: self = .right
            case ArchiConceptType.applicationComponent, ArchiConceptType.applicationService: self = .bottom
            default: return nil
            }
        }
    }

    let model: ProcessModel
    let language: String?
    let words: DiagramWords

    /// Views of `model` with the names and labels in `xml:lang` `language` (`nil`: none) and
    /// CORA's words (band labels, the landscape's name) from `words`.
    init(model: ProcessModel, language: String?, words: DiagramWords) {
        self.model = model
        self.language = language
        self.words = words
    }

    /// Views of `model` with the names and labels in `xml:lang` `language` (`nil`: none), their
    /// words in `documentLanguage`.
    public init(model: ProcessModel, language: String?, documentLanguage: DocumentLanguage) {
        self.init(model: model, language: language, words: DiagramWords(language: documentLanguage))
    }

    /// The views for `document` (its elements and relationships already there, with identifiers):
    /// the CORA landscape first, then one view per business process. `processElements` maps a
    /// process id of the model to its element identifier; a process without one (or whose element
    /// is not in the document) is not drawn. New identifiers (views, nodes, connections) come from
    /// `identifiers`, which already holds every identifier of the document.
    public func views(for document: ExchangeDocument, processElements: [String: String], identifiers: inout ExchangeIdentifiers) -> [XMLTree] {
        let tree = ProcessTree(model)
        let boxes = DiagramBoxes(tree)
        let drawing = Drawing(document: document, processElements: processElements)
        var views = [landscape(boxes, drawing: drawing, identifiers: &identifiers)]
        var done = Set<String>()
        for box in boxes.bands.flatMap(\.boxes) where !DiagramBoxes.isGroup(box.process) && done.insert(box.process.id).inserted {
            guard let element = drawing.element(of: box.process.id) else { continue }
            views.append(processView(box.process, element: element, tree: tree, boxIDs: boxes.boxIDs, drawing: drawing, identifiers: &identifiers))
        }
        return views
    }

    // MARK: The landscape

    private func landscape(_ boxes: DiagramBoxes, drawing: Drawing, identifiers: inout ExchangeIdentifiers) -> XMLTree {
        var keys = NodeKeys(view: "landscape")
        let margin = ExchangeViewItem.margin, boxWidth = Self.landscapeBoxWidth
        let drawn = boxes.bands.flatMap(\.boxes).compactMap { drawing.element(of: $0.process.id) }
        let boxHeight = drawn.map { element in
            ExchangeViewItem.leafHeight(lines: min(6, ExchangeViewItem.lineCount(drawing.name(element), width: boxWidth, fontSize: 9)), fontSize: 9)
        }.max() ?? 55
        let columns = LandscapeGrid.columns(for: boxes.bands.map(\.boxes), width: Double(boxWidth), gap: Double(ExchangeViewItem.gap), overhead: 70) { row in
            Double(boxHeight + ExchangeViewItem.rowGap + (row.contains { $0.group != nil } ? 45 : 0))
        }
        let deepest = boxes.bands.flatMap(\.boxes).map(\.groupPath.count).max() ?? 0
        let innerWidth = max(columns * boxWidth + (columns - 1) * ExchangeViewItem.gap, boxWidth + 2 * margin * deepest)

        var bands: [ExchangeViewItem] = []
        for band in boxes.bands {
            var items: [ExchangeViewItem] = []
            var open: [(group: String, item: ExchangeViewItem)] = []
            func add(_ item: ExchangeViewItem) {
                if let parent = open.last?.item { parent.children.append(item) } else { items.append(item) }
            }
            for box in band.boxes {
                guard let element = drawing.element(of: box.process.id) else { continue }
                var path = box.groupPath.filter { drawing.element(of: $0.id) != nil }
                if path.last?.id == box.process.id { path.removeLast() }
                var common = 0
                while common < open.count, common < path.count, open[common].group == path[common].id { common += 1 }
                open.removeLast(open.count - common)
                for group in path[common...] {
                    let groupElement = drawing.element(of: group.id)!
                    let item = ExchangeViewItem(.element(groupElement), identifier: keys.node(groupElement, &identifiers), text: drawing.name(groupElement),
                                                style: .group, arrangement: .rows(maxWidth: innerWidth - 2 * margin * (open.count + 1)))
                    add(item)
                    open.append((group.id, item))
                }
                let style: ExchangeViewStyle = DiagramBoxes.isGroup(box.process) ? .group : .landscapeBox(box.process.category)
                let item = ExchangeViewItem(.element(element), identifier: keys.node(element, &identifiers), text: drawing.name(element), style: style)
                item.fixedSize = (boxWidth, boxHeight)
                add(item)
            }
            if items.isEmpty {
                items.append(ExchangeViewItem(.label(words.noProcesses), identifier: keys.node("band-empty-" + Self.key(band.category), &identifiers),
                                              text: words.noProcesses, style: .note))
            }
            let label = words.band(band.category, count: band.boxes.count)
            let item = ExchangeViewItem(.container(label), identifier: keys.node("band-" + Self.key(band.category), &identifiers), text: label,
                                        style: .band(band.category), children: items, arrangement: .rows(maxWidth: innerWidth))
            item.minimumWidth = innerWidth + 2 * margin
            item.measure()
            bands.append(item)
        }
        let width = bands.map(\.width).max() ?? 0
        var nodes: [XMLTree] = []
        var y = margin
        for band in bands {
            band.widen(to: width)
            nodes.append(band.node(x: margin, y: y, language: language))
            y += band.height + ExchangeViewItem.gap
        }
        return view(key: "landscape", name: words.landscapeView, nodes: nodes, items: bands, drawing: drawing, identifiers: &identifiers)
    }

    /// The key of a band in node keys.
    private static func key(_ category: ProcessCategory?) -> String { category?.rawValue ?? "none" }

    // MARK: A business process

    private func processView(_ root: CoraProcess, element: String, tree: ProcessTree, boxIDs: Set<String>, drawing: Drawing,
                             identifiers: inout ExchangeIdentifiers) -> XMLTree {
        var keys = NodeKeys(view: element)
        let margin = ExchangeViewItem.margin, gap = ExchangeViewItem.gap
        let rootItem = ExchangeViewItem(.element(element), identifier: keys.node(element, &identifiers), text: drawing.name(element),
                                        style: .process(level: root.level, category: root.category, depth: 0))
        // Level by level, so that a limit leaves out the deepest first; a process without an
        // element hands its children to the nearest drawn process above it.
        var queue: [(process: CoraProcess, item: ExchangeViewItem, depth: Int)] = [(root, rootItem, 0)]
        var seen: Set<String> = [root.id]
        var drawnProcesses = [element]
        var left = 0
        var next = 0
        while next < queue.count {
            let (process, parent, depth) = queue[next]
            next += 1
            for child in tree.children(of: process.id) where !boxIDs.contains(child.id) && seen.insert(child.id).inserted {
                guard let childElement = drawing.element(of: child.id) else {
                    queue.append((child, parent, depth))
                    continue
                }
                guard drawnProcesses.count < Self.processNodeLimit else {
                    left += 1
                    queue.append((child, parent, depth))
                    continue
                }
                let item = ExchangeViewItem(.element(childElement), identifier: keys.node(childElement, &identifiers), text: drawing.name(childElement),
                                            style: .process(level: child.level, category: child.category ?? root.category, depth: depth + 1))
                parent.children.append(item)
                drawnProcesses.append(childElement)
                queue.append((child, item, depth + 1))
            }
        }
        if left > 0 {
            let text = words.notDrawn(left, limit: Self.processNodeLimit)
            rootItem.children.append(ExchangeViewItem(.label(text), identifier: keys.node("not-drawn", &identifiers), text: text, style: .note))
        }
        Self.arrange(rootItem, depth: 0)
        rootItem.measure()

        // What is tied to the processes drawn, by side, in the order of the relationships.
        let drawnSet = Set(drawnProcesses)
        var sides: [Side: [ExchangeViewItem]] = [:]
        var besides = Set<String>()
        for relationship in drawing.relationships(touching: drawnProcesses, where: { source, target in
            drawnSet.contains(source) != drawnSet.contains(target)
        }) {
            guard let source = relationship.source, let target = relationship.target else { continue }
            for (end, other) in [(source, target), (target, source)] where drawnSet.contains(end) && !drawnSet.contains(other) {
                guard let type = drawing.type(other), let side = Side(type: type), besides.insert(other).inserted else { continue }
                let style: ExchangeViewStyle = side == .bottom ? .application : .business
                let item = ExchangeViewItem(.element(other), identifier: keys.node(other, &identifiers), text: drawing.name(other), style: style)
                item.measure()
                sides[side, default: []].append(item)
            }
        }
        let across = max(rootItem.width, 4 * (160 + gap) - gap)
        let top = ExchangeViewItem.rows(sides[.top] ?? [], maxWidth: across)
        let bottom = ExchangeViewItem.rows(sides[.bottom] ?? [], maxWidth: across)
        let leftColumn = Self.column(sides[.left] ?? []), rightColumn = Self.column(sides[.right] ?? [])
        let frameX = margin + (leftColumn.width > 0 ? leftColumn.width + 2 * gap : 0)
        let frameY = margin + (top.height > 0 ? top.height + 2 * gap : 0)
        var nodes = [rootItem.node(x: frameX, y: frameY, language: language)]
        var items = [rootItem]
        func place(_ side: Side, _ offsets: [(x: Int, y: Int)], x: Int, y: Int) {
            for (item, offset) in zip(sides[side] ?? [], offsets) {
                nodes.append(item.node(x: x + offset.x, y: y + offset.y, language: language))
                items.append(item)
            }
        }
        place(.top, top.offsets, x: frameX, y: margin)
        place(.left, leftColumn.offsets, x: margin, y: frameY)
        place(.right, rightColumn.offsets, x: frameX + rootItem.width + 2 * gap, y: frameY)
        // Below the tallest of the frame and the side columns: the bottom row may be wider than the
        // frame and reach under the columns.
        let middleHeight = max(rootItem.height, leftColumn.height, rightColumn.height)
        place(.bottom, bottom.offsets, x: frameX, y: frameY + middleHeight + 2 * gap)
        return view(key: element, name: DOTRenderer.codeAndName(root), nodes: nodes, items: items, drawing: drawing, identifiers: &identifiers)
    }

    /// How the nodes nested in `item` (at `depth` below the root) are placed: the work processes
    /// of the root left to right in rows (about as many rows as columns when there are many), what
    /// is below them top to bottom (in columns when there are more than eight).
    private static func arrange(_ item: ExchangeViewItem, depth: Int) {
        let count = item.children.count
        if depth == 0 {
            item.arrangement = .grid(columns: count <= 6 ? max(1, count) : max(6, Int(Double(count).squareRoot().rounded(.up))))
        } else {
            item.arrangement = count <= 8 ? .stack : .grid(columns: Int(Double(count).squareRoot().rounded(.up)))
        }
        for child in item.children { arrange(child, depth: depth + 1) }
    }

    /// `items` one below the other: their offsets and the size of the whole.
    private static func column(_ items: [ExchangeViewItem]) -> (offsets: [(x: Int, y: Int)], width: Int, height: Int) {
        var offsets: [(x: Int, y: Int)] = []
        var y = 0
        for item in items {
            offsets.append((0, y))
            y += item.height + ExchangeViewItem.rowGap
        }
        return (offsets, items.map(\.width).max() ?? 0, max(0, y - ExchangeViewItem.rowGap))
    }

    // MARK: The view

    /// The `<view>`: its name and documentation, the nodes, and the connections between them.
    private func view(key: String, name: String, nodes: [XMLTree], items: [ExchangeViewItem], drawing: Drawing,
                      identifiers: inout ExchangeIdentifiers) -> XMLTree {
        let identifier = identifiers.newIdentifier(for: key, prefix: Self.viewPrefix)
        var children = [ExchangeViewItem.text("name", name, language: language), ExchangeViewItem.text("documentation", words.generatedView, language: language)]
        children += nodes
        children += connections(key: key, items: items, drawing: drawing, identifiers: &identifiers)
        return XMLTree("view", attributes: [XMLAttribute("identifier", identifier), XMLAttribute("xsi:type", "Diagram")], children: children)
    }

    /// A connection for every relationship of the document whose two ends are drawn, in the order
    /// of the relationships, except what nesting shows and a loop on one node.
    private func connections(key: String, items: [ExchangeViewItem], drawing: Drawing, identifiers: inout ExchangeIdentifiers) -> [XMLTree] {
        var nodes: [String: [String]] = [:]
        var nestedIn: [String: Set<String>] = [:]
        func walk(_ item: ExchangeViewItem, parent: String?) {
            var element: String?
            if case .element(let reference) = item.kind {
                element = reference
                nodes[reference, default: []].append(item.identifier)
                if let parent { nestedIn[reference, default: []].insert(parent) }
            }
            for child in item.children { walk(child, parent: element) }
        }
        for item in items { walk(item, parent: nil) }
        var result: [XMLTree] = []
        var keys = NodeKeys(view: key)
        for relationship in drawing.relationships(touching: nodes.keys, where: { source, target in
            source != target && nodes[source] != nil && nodes[target] != nil
        }) {
            guard let source = relationship.source, let target = relationship.target,
                  let from = nodes[source]?.first, let to = nodes[target]?.first, from != to else { continue }
            if relationship.type == "Composition" || relationship.type == "Aggregation", nestedIn[target]?.contains(source) == true { continue }
            result.append(XMLTree("connection", attributes: [
                XMLAttribute("identifier", keys.connection(relationship.identifier, &identifiers)),
                XMLAttribute("relationshipRef", relationship.identifier), XMLAttribute("xsi:type", "Relationship"),
                XMLAttribute("source", from), XMLAttribute("target", to),
            ], children: [ExchangeViewStyle.connection]))
        }
        return result
    }

    // MARK: Helpers

    /// The document's elements by identifier, its relationships by their ends, and the element of
    /// each process: looked up per view, so that a view costs what it draws, not the whole document.
    struct Drawing {
        let document: ExchangeDocument
        let processElements: [String: String]
        private let elements: [String: ExchangeConcept]
        /// The positions in `document.relationships` of the relationships with each element as an end.
        private let relationshipsByEnd: [String: [Int]]

        init(document: ExchangeDocument, processElements: [String: String]) {
            self.document = document
            self.processElements = processElements
            var elements: [String: ExchangeConcept] = [:]
            for element in document.elements where elements[element.identifier] == nil { elements[element.identifier] = element }
            self.elements = elements
            var byEnd: [String: [Int]] = [:]
            for (index, relationship) in document.relationships.enumerated() {
                guard let source = relationship.source, let target = relationship.target else { continue }
                byEnd[source, default: []].append(index)
                if target != source { byEnd[target, default: []].append(index) }
            }
            self.relationshipsByEnd = byEnd
        }

        /// The relationships with one of `ends` as source or target for which `keep` holds, each
        /// once, in document order (looked at where they are, not copied, since an element such as
        /// a business function may be the end of thousands).
        func relationships(touching ends: some Sequence<String>, where keep: (_ source: String, _ target: String) -> Bool) -> [ExchangeConcept] {
            var positions: [Int] = []
            for end in ends {
                for position in relationshipsByEnd[end] ?? [] {
                    guard let source = document.relationships[position].source, let target = document.relationships[position].target,
                          keep(source, target) else { continue }
                    positions.append(position)
                }
            }
            positions.sort()
            var result: [ExchangeConcept] = []
            var last = -1
            for position in positions where position != last {
                result.append(document.relationships[position])
                last = position
            }
            return result
        }

        /// The element of the process `id`, when the document has it.
        func element(of id: String) -> String? {
            processElements[id].flatMap { elements[$0] == nil ? nil : $0 }
        }

        /// The name of the element `identifier`.
        func name(_ identifier: String) -> String { elements[identifier]?.name ?? "" }

        /// The type of the element `identifier`, when the document has it.
        func type(_ identifier: String) -> String? { elements[identifier]?.type }
    }

    /// The keys of the nodes and connections of one view: the view's key and the element (or
    /// relationship), with `.2`, `.3`, … for a second and third node of the same element.
    struct NodeKeys {
        let view: String
        private var counts: [String: Int] = [:]

        init(view: String) { self.view = view }

        mutating func node(_ element: String, _ identifiers: inout ExchangeIdentifiers) -> String {
            identifiers.newIdentifier(for: next(element), prefix: ExchangeViews.nodePrefix)
        }

        mutating func connection(_ relationship: String, _ identifiers: inout ExchangeIdentifiers) -> String {
            identifiers.newIdentifier(for: next(relationship), prefix: ExchangeViews.connectionPrefix)
        }

        private mutating func next(_ name: String) -> String {
            let count = (counts[name] ?? 0) + 1
            counts[name] = count
            return view + "." + name + (count > 1 ? ".\(count)" : "")
        }
    }
}

extension DiagramWords {
    /// The name of the landscape view of an exchange document.
    var landscapeView: String { language == .nl ? "CORA-landschap" : "CORA landscape" }

    /// The documentation of a view cora generates.
    var generatedView: String {
        language == .nl
            ? "Gemaakt door cora uit het procesmodel. cora maakt deze view bij elke export opnieuw: wijzigingen in deze view gaan dan verloren."
            : "Made by cora from the process model. cora makes this view anew on every export: changes made to this view are lost then."
    }

    /// Said in a process view that leaves processes out.
    func notDrawn(_ count: Int, limit: Int) -> String {
        language == .nl
            ? "… en nog \(count) processen, niet getekend: een view toont er ten hoogste \(limit)"
            : "… and \(count) more processes, not drawn: a view shows at most \(limit)"
    }
}
