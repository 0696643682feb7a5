import Foundation
import Testing
@testable import CoraKit

/// Issue 16: the views cora generates for an exchange document (``ExchangeViews``): the CORA
/// landscape and a view per business process, their nesting, bounds, connections and identifiers,
/// and a document with them that the exchange format's schema accepts.
@Suite("Exchange format: generated views")
struct ExchangeViewsTests {
    // MARK: A model and its document

    static func process(_ id: String, _ name: String, _ level: ProcessLevel?, _ category: ProcessCategory?, parent: String = "",
                        next: [String] = []) -> CoraProcess {
        CoraProcess(id: id, code: id.uppercased(), name: name, level: level, category: category, parent: parent, next: next)
    }

    /// Steering S01; primary chain K01 with P01 (work processes W01 → W02, W01 with steps T01, T02) and P02;
    /// supporting O01.
    static let model = ProcessModel(processes: [
        process("s01", "Sturen op strategie", .businessProcess, .steering),
        process("k01", "Verhuren en beëindigen", .processChain, .primary),
        process("p01", "Verhuren eenheid", .businessProcess, .primary, parent: "k01", next: ["p02"]),
        process("w01", "Toewijzen woning aan een woningzoekende met voorrang", .workProcess, .primary, parent: "p01", next: ["w02"]),
        process("t01", "Controleren inkomen", .processStep, .primary, parent: "w01"),
        process("t02", "Aanbieden", .processStep, .primary, parent: "w01"),
        process("w02", "Tekenen contract", .workProcess, .primary, parent: "p01"),
        process("p02", "Beëindigen huur", .businessProcess, .primary, parent: "k01"),
        process("o01", "Beheren ICT", .businessProcess, .supporting),
    ])

    static func element(_ id: String, _ type: String, _ name: String) -> ExchangeConcept {
        ExchangeConcept(identifier: id, type: type, name: name)
    }

    static func relationship(_ id: String, _ type: String, _ source: String, _ target: String) -> ExchangeConcept {
        ExchangeConcept(identifier: id, type: type, source: source, target: target)
    }

    /// The document of `model`: an element `id-<process id>` per process, with its name, and a
    /// composition per parent; for W01 a function, service, event, application and a data object.
    static func document(_ model: ProcessModel) -> (document: ExchangeDocument, processElements: [String: String]) {
        var elements: [ExchangeConcept] = []
        var relationships: [ExchangeConcept] = []
        var processElements: [String: String] = [:]
        for process in model.processes {
            processElements[process.id] = "id-" + process.id
            elements.append(element("id-" + process.id, process.level?.archimateType ?? "BusinessProcess", process.name))
            if !process.parent.isEmpty {
                relationships.append(relationship("rel-" + process.id + "-parent", "Composition", "id-" + process.parent, "id-" + process.id))
            }
            for next in process.next {
                relationships.append(relationship("rel-" + process.id + "-next-" + next, "Triggering", "id-" + process.id, "id-" + next))
            }
        }
        if model.processes.contains(where: { $0.id == "w01" }) {
            elements += [
                element("id-f1", "BusinessFunction", "Verhuur"), element("id-s1", "BusinessService", "Huurcontract"),
                element("id-e1", "BusinessEvent", "Woningzoekende reageert"), element("id-a1", "ApplicationComponent", "Viewpoint"),
                element("id-d1", "DataObject", "Huurovereenkomst"),
            ]
            relationships += [
                relationship("rel-f1", "Assignment", "id-f1", "id-w01"), relationship("rel-s1", "Realization", "id-w01", "id-s1"),
                relationship("rel-e1", "Triggering", "id-e1", "id-w01"), relationship("rel-a1", "Serving", "id-a1", "id-t02"),
                relationship("rel-d1", "Access", "id-w01", "id-d1"),
            ]
        }
        let document = ExchangeDocument(identifier: "model", language: "nl", name: "Procesmodel", elements: elements, relationships: relationships)
        return (document, processElements)
    }

    /// The views of `model` with identifiers that already hold the document's.
    static func views(_ model: ProcessModel, language: DocumentLanguage = .nl) -> (views: [XMLTree], document: ExchangeDocument) {
        let (document, processElements) = document(model)
        var identifiers = ExchangeIdentifiers()
        for concept in document.elements + document.relationships { identifiers.reserve(concept.identifier) }
        let views = ExchangeViews(model: model, language: "nl", words: DiagramWords(language: language))
            .views(for: document, processElements: processElements, identifiers: &identifiers)
        return (views, document)
    }

    // MARK: Reading a view

    struct Bounds: Equatable {
        let x: Int, y: Int, w: Int, h: Int
        init(_ node: XMLTree) {
            x = Int(node[attribute: "x"] ?? "") ?? -1
            y = Int(node[attribute: "y"] ?? "") ?? -1
            w = Int(node[attribute: "w"] ?? "") ?? -1
            h = Int(node[attribute: "h"] ?? "") ?? -1
        }
        func contains(_ other: Bounds) -> Bool {
            other.x >= x && other.y >= y && other.x + other.w <= x + w && other.y + other.h <= y + h
        }
        func overlaps(_ other: Bounds) -> Bool {
            x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h
        }
    }

    /// What a node shows: its element, or `type:label`.
    static func shown(_ node: XMLTree) -> String {
        node[attribute: "elementRef"] ?? "\(node[attribute: "xsi:type"] ?? "?"):\(node.child("label")?.text ?? "")"
    }

    /// The nesting of `nodes` as text: `shown[child, child[…]]`.
    static func outline(_ nodes: [XMLTree]) -> [String] {
        nodes.map { node in
            let children = node.children("node")
            return shown(node) + (children.isEmpty ? "" : "[" + outline(children).joined(separator: ", ") + "]")
        }
    }

    /// Every node below `view`, depth first.
    static func allNodes(_ view: XMLTree) -> [XMLTree] {
        var nodes: [XMLTree] = []
        for node in view.children("node") { node.forEach { if $0.name == "node" { nodes.append($0) } } }
        return nodes
    }

    static func view(_ views: [XMLTree], named name: String) throws -> XMLTree {
        try #require(views.first { $0.child("name")?.text == name }, "no view \(name)")
    }

    // MARK: Tests

    @Test("the landscape first, then a view per business process in the order of the bands, named by code and name")
    func namesAndCount() {
        let (views, _) = Self.views(Self.model)
        #expect(views.map { $0.child("name")?.text ?? "" } == [
            "CORA-landschap", "S01 Sturen op strategie", "P01 Verhuren eenheid", "P02 Beëindigen huur", "O01 Beheren ICT",
        ])
        #expect(views.map { $0[attribute: "identifier"] ?? "" } == [
            "cora-view-landscape", "cora-view-id-s01", "cora-view-id-p01", "cora-view-id-p02", "cora-view-id-o01",
        ])
        #expect(views.allSatisfy { $0.name == "view" && $0[attribute: "xsi:type"] == "Diagram" })
        #expect(views.allSatisfy { $0.child("name")?[attribute: "xml:lang"] == "nl" })
        // Schema order: name, documentation, then nodes, then connections.
        for view in views {
            let names = view.children.map(\.name)
            #expect(Array(names.prefix(2)) == ["name", "documentation"])
            let firstConnection = names.firstIndex(of: "connection") ?? names.count
            #expect(!names[firstConnection...].contains("node") && !names[2..<firstConnection].contains("connection"))
        }
        #expect(views[0].child("documentation")?.text == "Gemaakt door cora uit het procesmodel. cora maakt deze view bij elke export opnieuw: wijzigingen in deze view gaan dan verloren.")
    }

    @Test("the landscape: three equally wide bands in CORA's order and colours, a chain nesting its business processes, a connection for next")
    func landscape() throws {
        let (views, _) = Self.views(Self.model)
        let landscape = views[0]
        #expect(Self.outline(landscape.children("node")) == [
            "Container:Sturende processen (1)[id-s01]",
            "Container:Primaire processen (2)[id-k01[id-p01, id-p02]]",
            "Container:Ondersteunende processen (1)[id-o01]",
        ])
        let bands = landscape.children("node").map(Bounds.init)
        #expect(Set(bands.map(\.x)) == [12] && Set(bands.map(\.w)).count == 1)
        #expect(bands[0].y + bands[0].h < bands[1].y && bands[1].y + bands[1].h < bands[2].y)
        let fills = landscape.children("node").map { band -> String in
            let fill = band.child("style")?.child("fillColor")
            return ["r", "g", "b"].map { fill?[attribute: $0] ?? "" }.joined(separator: " ")
        }
        #expect(fills == ["221 232 246", "225 240 220", "246 234 214"])
        // P01 is followed by P02: the one relationship between two nodes that nesting does not show.
        let connections = landscape.children("connection")
        #expect(connections.map { $0[attribute: "relationshipRef"] ?? "" } == ["rel-p01-next-p02"])
        #expect(connections.first?[attribute: "source"] == "cora-node-landscape.id-p01")
        #expect(connections.first?[attribute: "target"] == "cora-node-landscape.id-p02")
        #expect(connections.first?[attribute: "identifier"] == "cora-connection-landscape.rel-p01-next-p02")
    }

    @Test("a business process view: work processes nest their steps; function above, event left, service right, application below; connections only between drawn nodes")
    func processView() throws {
        let (views, _) = Self.views(Self.model)
        let view = try Self.view(views, named: "P01 Verhuren eenheid")
        #expect(Self.outline(view.children("node")) == ["id-p01[id-w01[id-t01, id-t02], id-w02]", "id-f1", "id-e1", "id-s1", "id-a1"])
        let nodes = view.children("node")
        let frame = Bounds(nodes[0]), function = Bounds(nodes[1]), event = Bounds(nodes[2]), service = Bounds(nodes[3]), application = Bounds(nodes[4])
        #expect(function.y + function.h < frame.y)
        #expect(event.x + event.w < frame.x)
        #expect(service.x > frame.x + frame.w)
        #expect(application.y > frame.y + frame.h)
        // The work processes side by side, the steps one below the other.
        let workProcesses = nodes[0].children("node").map(Bounds.init)
        #expect(workProcesses[0].y == workProcesses[1].y && workProcesses[0].x + workProcesses[0].w < workProcesses[1].x)
        let steps = nodes[0].children("node")[0].children("node").map(Bounds.init)
        #expect(steps[0].x == steps[1].x && steps[0].y + steps[0].h < steps[1].y)
        // Compositions shown by nesting and the data object (not a kind drawn beside) are left out.
        let connections = view.children("connection")
        #expect(connections.map { $0[attribute: "relationshipRef"] ?? "" } == ["rel-w01-next-w02", "rel-f1", "rel-s1", "rel-e1", "rel-a1"])
        let triggering = try #require(connections.first)
        #expect(triggering[attribute: "xsi:type"] == "Relationship")
        #expect(triggering[attribute: "source"] == "cora-node-id-p01.id-w01" && triggering[attribute: "target"] == "cora-node-id-p01.id-w02")
        #expect(connections.last?[attribute: "source"] == "cora-node-id-p01.id-a1" && connections.last?[attribute: "target"] == "cora-node-id-p01.id-t02")
    }

    @Test("every view: children inside their parent below its label, siblings apart, connections between nodes of the view, element refs of the document, identifiers unique")
    func geometryAndReferences() {
        let (views, document) = Self.views(Self.model)
        Self.checkGeometry(views, document: document)
    }

    static func checkGeometry(_ views: [XMLTree], document: ExchangeDocument, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let elements = Set(document.elements.map(\.identifier))
        let relationships = Set(document.relationships.map(\.identifier))
        var identifiers = elements.union(relationships)
        func unique(_ identifier: String?) {
            if identifier.map({ identifiers.insert($0).inserted && ExchangeIdentifiers.isNCName($0) }) != true {
                Issue.record("identifier \(identifier ?? "nil") taken twice or no NCName", sourceLocation: sourceLocation)
            }
        }
        func checkSiblings(_ nodes: [XMLTree], inside parent: Bounds?) {
            let bounds = nodes.map(Bounds.init)
            for (index, box) in bounds.enumerated() {
                #expect(box.x >= 0 && box.y >= 0 && box.w > 0 && box.h > 0, sourceLocation: sourceLocation)
                if let parent {
                    #expect(parent.contains(box) && box.y >= parent.y + 20 && box.x >= parent.x + 12, "\(box) not inside \(parent)",
                            sourceLocation: sourceLocation)
                }
                for other in bounds[(index + 1)...] where box.overlaps(other) {
                    Issue.record("\(box) overlaps \(other)", sourceLocation: sourceLocation)
                }
            }
            for (node, box) in zip(nodes, bounds) { checkSiblings(node.children("node"), inside: box) }
        }
        for view in views {
            unique(view[attribute: "identifier"])
            #expect(view[attribute: "identifier"]?.hasPrefix("cora-view-") == true, sourceLocation: sourceLocation)
            checkSiblings(view.children("node"), inside: nil)
            let nodes = allNodes(view)
            for node in nodes {
                unique(node[attribute: "identifier"])
                #expect(node[attribute: "identifier"]?.hasPrefix("cora-node-") == true, sourceLocation: sourceLocation)
                if node[attribute: "xsi:type"] == "Element" {
                    #expect(node[attribute: "elementRef"].map(elements.contains) == true, sourceLocation: sourceLocation)
                }
            }
            let nodeIDs = Set(nodes.compactMap { $0[attribute: "identifier"] })
            let elementOfNode = Dictionary(nodes.map { ($0[attribute: "identifier"] ?? "", $0[attribute: "elementRef"] ?? "") }, uniquingKeysWith: { a, _ in a })
            for connection in view.children("connection") {
                unique(connection[attribute: "identifier"])
                #expect(connection[attribute: "identifier"]?.hasPrefix("cora-connection-") == true, sourceLocation: sourceLocation)
                let relationship = document.relationships.first { $0.identifier == connection[attribute: "relationshipRef"] }
                #expect(relationship != nil, sourceLocation: sourceLocation)
                #expect(connection[attribute: "source"].map(nodeIDs.contains) == true && connection[attribute: "target"].map(nodeIDs.contains) == true,
                        sourceLocation: sourceLocation)
                #expect(elementOfNode[connection[attribute: "source"] ?? ""] == relationship?.source
                        && elementOfNode[connection[attribute: "target"] ?? ""] == relationship?.target, sourceLocation: sourceLocation)
            }
        }
    }

    @Test("the same model gives the same views and identifiers every run")
    func stable() {
        #expect(Self.views(Self.model).views == Self.views(Self.model).views)
    }

    @Test("English words; a fourth band only for processes without a category; an empty band says so")
    func bands() throws {
        let model = ProcessModel(processes: [
            Self.process("p01", "Verhuren", .businessProcess, .primary),
            Self.process("x01", "Zonder categorie", .businessProcess, nil),
        ])
        let (views, document) = Self.views(model, language: .en)
        #expect(views.first?.child("name")?.text == "CORA landscape")
        #expect(Self.outline(views[0].children("node")) == [
            "Container:Steering processes (0)[Label:no processes]",
            "Container:Primary processes (1)[id-p01]",
            "Container:Supporting processes (0)[Label:no processes]",
            "Container:Processes without a category (1)[id-x01]",
        ])
        Self.checkGeometry(views, document: document)
        let (three, _) = Self.views(Self.model)
        #expect(three[0].children("node").count == 3)
    }

    @Test("200 business processes: a landscape in rows, readable, nothing overlapping")
    func twoHundred() throws {
        let processes = (1...200).map { number in
            Self.process(String(format: "p%03d", number), "Bedrijfsproces nummer \(number) met een lange naam", .businessProcess,
                         ProcessCategory.allCases[number % 3])
        }
        let model = ProcessModel(processes: processes)
        let (views, document) = Self.views(model)
        #expect(views.count == 201)
        Self.checkGeometry(views, document: document)
        let primary = try #require(views[0].children("node").dropFirst().first)
        let rows = Set(primary.children("node").map { Bounds($0).y })
        let columns = Set(primary.children("node").map { Bounds($0).x })
        #expect(primary.children("node").count == 67)
        #expect(rows.count > 2 && columns.count > 4 && rows.count * columns.count >= 67)
        // The columns of the three bands line up.
        let bandColumns = views[0].children("node").map { Set($0.children("node").map { Bounds($0).x }) }
        #expect(bandColumns[0] == bandColumns[1] && bandColumns[1] == bandColumns[2])
        // Landscape-shaped: wider than high, not a strip.
        let whole = views[0].children("node").map(Bounds.init)
        let width = whole[0].w, height = whole[2].y + whole[2].h
        #expect(width > height && width < 4 * height, "\(width)×\(height)")
    }

    @Test("a business process with 1,200 work processes is still one view: 999 of them drawn, and a label says how many are not")
    func limit() throws {
        var processes = [Self.process("p01", "Groot proces", .businessProcess, .primary)]
        processes += (1...1200).map { Self.process("w\($0)", "Werkproces \($0)", .workProcess, .primary, parent: "p01") }
        let model = ProcessModel(processes: processes)
        let (views, document) = Self.views(model)
        #expect(views.count == 2)
        let root = try #require(views[1].children("node").first)
        let children = root.children("node")
        #expect(children.count == 1000)
        #expect(children.filter { $0[attribute: "xsi:type"] == "Element" }.count == ExchangeViews.processNodeLimit - 1)
        #expect(Self.shown(children.last!) == "Label:… en nog 201 processen, niet getekend: een view toont er ten hoogste 1000")
        Self.checkGeometry(views, document: document)

        // 500 work processes: all drawn, in a grid (not one long row).
        let (five, _) = Self.views(ProcessModel(processes: Array(processes.prefix(501))))
        let drawn = try #require(five[1].children("node").first).children("node")
        #expect(drawn.count == 500 && drawn.allSatisfy { $0[attribute: "xsi:type"] == "Element" })
        #expect(Set(drawn.map { Bounds($0).y }).count == 22 && Set(drawn.map { Bounds($0).x }).count == 23)
    }

    @Test("a long name gets a wider, taller box; a hostile name is kept as text for the writer to escape")
    func sizes() throws {
        let model = ProcessModel(processes: [
            Self.process("p01", "Kort", .businessProcess, .primary),
            Self.process("w01", "Kort", .workProcess, .primary, parent: "p01"),
            Self.process("w02", String(repeating: "Heel lange naam van een werkproces ", count: 4), .workProcess, .primary, parent: "p01"),
            Self.process("w03", "<b>&\"]]>", .workProcess, .primary, parent: "p01"),
        ])
        let (views, document) = Self.views(model)
        let boxes = try #require(views[1].children("node").first).children("node").map(Bounds.init)
        #expect(boxes[0].w == 120 && boxes[0].h == 55)
        #expect(boxes[1].w == 200 && boxes[1].h > 55)
        #expect(views[1].child("name")?.text == "P01 Kort")
        Self.checkGeometry(views, document: document)
    }

    // MARK: Against the schema

    static let schema = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/archimate-exchange-3.1/archimate3_Diagram.xsd")

    static var xmllint: String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/xmllint" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `tree` as XML text, escaped with ``XMLText`` (a test-only serialiser).
    static func xml(_ tree: XMLTree, indent: String = "") -> String {
        let attributes = tree.attributes.map { " \($0.name)=\"\(XMLText.attribute($0.value))\"" }.joined()
        if tree.children.isEmpty {
            return tree.text.isEmpty ? "\(indent)<\(tree.name)\(attributes)/>\n" : "\(indent)<\(tree.name)\(attributes)>\(XMLText.content(tree.text))</\(tree.name)>\n"
        }
        return "\(indent)<\(tree.name)\(attributes)>\n" + tree.children.map { xml($0, indent: indent + "  ") }.joined() + "\(indent)</\(tree.name)>\n"
    }

    /// A minimal exchange document: `document`'s elements and relationships and `views`.
    static func xml(_ document: ExchangeDocument, views: [XMLTree]) -> String {
        func concept(_ concept: ExchangeConcept) -> XMLTree {
            var attributes = [XMLAttribute("identifier", concept.identifier)]
            if let source = concept.source, let target = concept.target { attributes += [XMLAttribute("source", source), XMLAttribute("target", target)] }
            attributes.append(XMLAttribute("xsi:type", concept.type))
            let name = concept.name.isEmpty ? [] : [XMLTree("name", attributes: [XMLAttribute("xml:lang", "nl")], text: concept.name)]
            return XMLTree(concept.isRelationship ? "relationship" : "element", attributes: attributes, children: name)
        }
        let model = XMLTree("model", attributes: [
            XMLAttribute("xmlns", ExchangeDocument.namespace), XMLAttribute("xmlns:xsi", ExchangeDocument.schemaInstanceNamespace),
            XMLAttribute("xsi:schemaLocation", ExchangeDocument.schemaLocation), XMLAttribute("identifier", "model"),
        ], children: [
            XMLTree("name", attributes: [XMLAttribute("xml:lang", "nl")], text: document.name),
            XMLTree("elements", children: document.elements.map(concept)),
            XMLTree("relationships", children: document.relationships.map(concept)),
            XMLTree("views", children: [XMLTree("diagrams", children: views)]),
        ])
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml(model)
    }

    @Test("a document with the generated views (hostile names too) validates against archimate3_Diagram.xsd",
          .enabled(if: xmllint != nil, "xmllint is not installed (Debian: libxml2-utils)"))
    func validates() throws {
        try #require(FileManager.default.fileExists(atPath: Self.schema.path), "missing \(Self.schema.path)")
        var processes = Self.model.processes
        processes.append(Self.process("h01", "<script>&amp; \"x\" ]]> \u{1}", .businessProcess, nil))
        processes.append(Self.process("h02", "Tab\there\r\nnieuwe regel", .workProcess, nil, parent: "h01"))
        let model = ProcessModel(processes: processes)
        let (views, document) = Self.views(model)
        let text = Self.xml(document, views: views)
        let result = try ExternalTool.run("xmllint", ["--noout", "--nonet", "--schema", Self.schema.path, "-"], input: Array(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "- validates\n")
    }
}
