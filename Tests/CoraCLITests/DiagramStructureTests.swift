import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Issue 15: the structure of the pictures Graphviz draws from `cora`'s diagrams, read back from
/// the SVG: the bands of the landscape are aligned, every process is drawn exactly once, lines
/// come only from `next` data, `--view each` links its files both ways, and hostile text stays text.
@Suite("Diagrams: structure of the SVG")
struct DiagramStructureTests {
    // MARK: Inputs

    /// A canonical row (layout 2, 19 cells) with quoted fields; `next` is a `|`-separated list of ids.
    static func row(_ id: String, code: String = "", name: String? = nil, level: String = "business-process",
                    category: String = "primary", parent: String = "", order: Int = 1, function: String = "",
                    next: String = "", owner: String = "", description: String = "") -> String {
        [id, code, name ?? "Verhuren eenheden \(id)", level, category, parent, String(order), owner, function, "", "", "", next, "", description,
         "", "", "", ""]
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
    }

    /// A canonical document of `rows`.
    static func document(_ rows: [String]) -> String {
        ([Canonical.header] + rows).map { $0 + "\n" }.joined()
    }

    /// A model of `businessProcesses` business processes over the three categories (a fifth
    /// steering, a quarter supporting, the rest primary), every fourth primary one under one of
    /// a few process chains and some steering ones under a steering scenario, each with
    /// `workProcesses` work processes of `steps` steps. Returns the CSV and every id, and the ids
    /// of the business processes.
    static func generated(businessProcesses: Int, workProcesses: Int = 0, steps: Int = 0) -> (csv: String, ids: [String], businessProcessIDs: [String]) {
        var rows: [String] = []
        var ids: [String] = []
        var businessProcessIDs: [String] = []
        for chain in 1...3 {
            rows.append(row("ch\(chain)", code: "K\(chain)", name: "Verhuren keten \(chain)", level: "process-chain", order: chain))
            ids.append("ch\(chain)")
        }
        rows.append(row("sc1", code: "SC1", name: "Sturen scenario", level: "steering-scenario", category: "steering"))
        ids.append("sc1")
        for number in 1...businessProcesses {
            let category = number % 5 == 0 ? "steering" : number % 4 == 1 ? "supporting" : "primary"
            var parent = ""
            if category == "primary", number % 4 == 2 { parent = "ch\(number % 3 + 1)" }
            if category == "steering", number % 10 == 0 { parent = "sc1" }
            let id = "bp\(number)"
            rows.append(row(id, code: "B\(number)", name: "Verhuren eenheden nummer \(number)", category: category, parent: parent, order: number))
            ids.append(id)
            businessProcessIDs.append(id)
            for work in 0..<workProcesses {
                let workID = "\(id)-w\(work)"
                rows.append(row(workID, name: "Verhuren eenheid \(work)", level: "work-process", category: category, parent: id, order: work + 1, function: "Verhuur"))
                ids.append(workID)
                for step in 0..<steps {
                    rows.append(row("\(workID)-s\(step)", name: "Controleren stap \(step)", level: "process-step", category: category, parent: workID, order: step + 1))
                    ids.append("\(workID)-s\(step)")
                }
            }
        }
        return (document(rows), ids, businessProcessIDs)
    }

    /// The processes of `input` as `cora convert --to json` reads them: id and level.
    static func processes(_ input: String, in directory: URL) throws -> [(id: String, level: String)] {
        let run = try CoraCLI.run(["convert", input, "--to", "json"], in: directory)
        #expect(run.status == 0, "\(run)")
        let json = try parseJSON(run.stdout) as? [String: Any]
        let processes = json?["processes"] as? [[String: Any]] ?? []
        return processes.map { (($0["id"] as? String) ?? "", ($0["level"] as? String) ?? "") }
    }

    // MARK: Drawing

    /// The DOT of a run of `cora convert input --to dot`, drawn by `dot -Tsvg`: the picture and
    /// what dot said on standard error.
    static func draw(_ input: String, in directory: URL, _ arguments: [String]) throws -> (picture: SVGPicture, dotWarnings: String, run: CLIRun) {
        let run = try CoraCLI.run(["convert", input, "--to", "dot"] + arguments, in: directory)
        #expect(run.status == 0, "\(run)")
        let drawn = try Tool.run("dot", ["-Tsvg"], input: run.stdout)
        #expect(drawn.status == 0, "dot refused: \(drawn.stderr)")
        return (try SVGPicture(drawn.stdout), drawn.stderr, run)
    }

    /// The fills of the three bands, sturend, primair, ondersteunend (DOTRenderer.bandColors).
    static let bandFills = ["#dde8f6", "#e1f0dc", "#f6ead6"]

    /// The left and right edge of each band's rectangle, in the order of ``bandFills``; one
    /// polygon of each fill is expected.
    static func bands(_ picture: SVGPicture, sourceLocation: SourceLocation = #_sourceLocation) -> [(left: Double, right: Double)] {
        bandFills.compactMap { fill in
            let polygons = picture.elements.filter { $0.name == "polygon" && $0.attributes["fill"] == fill }
            #expect(polygons.count == 1, "polygons filled \(fill): \(polygons.count)", sourceLocation: sourceLocation)
            guard let points = polygons.first?.points, let left = points.map(\.x).min(), let right = points.map(\.x).max() else { return nil }
            return (left, right)
        }
    }

    /// Expects the three bands to start at one x and be one width, within 1 %.
    static func expectAligned(_ picture: SVGPicture, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = bands(picture, sourceLocation: sourceLocation)
        #expect(found.count == 3, sourceLocation: sourceLocation)
        guard let widest = found.map({ $0.right - $0.left }).max(), widest > 0 else { return }
        for band in found {
            #expect(abs(band.left - found[0].left) <= 0.01 * widest, "bands start at \(found.map(\.left))", sourceLocation: sourceLocation)
            #expect(abs((band.right - band.left) - widest) <= 0.01 * widest, "band widths \(found.map { $0.right - $0.left })", sourceLocation: sourceLocation)
        }
    }

    /// Expects `ids` each to be the id `a_p-<id>` of exactly one element of the picture.
    static func expectEachOnce(_ ids: [String], in picture: SVGPicture, sourceLocation: SourceLocation = #_sourceLocation) {
        let counts = picture.idCounts
        let wrong = ids.filter { counts["a_p-" + $0] != 1 }.map { "\($0): \(counts["a_p-" + $0] ?? 0)" }
        #expect(wrong.isEmpty, "processes not drawn exactly once (id: times): \(wrong.prefix(20))", sourceLocation: sourceLocation)
    }

    // MARK: 1. The landscape of the sample

    @Test("the landscape of the sample: three bands of one x and width, each business process one linked cell, the title, and the → legend entry only because the sample has next data")
    func sampleLandscape() throws {
        let root = CoraCLI.packageRoot
        let drawn = try Self.draw("Samples/woonstad-waterland.csv", in: root, [])
        #expect(drawn.dotWarnings == "")
        let picture = drawn.picture
        Self.expectAligned(picture)
        let businessProcesses = try Self.processes("Samples/woonstad-waterland.csv", in: root).filter { $0.level == "business-process" }.map(\.id)
        #expect(businessProcesses.count == 18)
        Self.expectEachOnce(businessProcesses, in: picture)
        // Each business process cell is a link with a tooltip naming it.
        for id in businessProcesses {
            let link = picture.links(inGroup: "a_p-" + id).first
            #expect(link?.attributes["xlink:href"] == "#a_p-" + id)
            #expect(link?.attributes["xlink:title"]?.contains("Niveau: Bedrijfsproces") == true)
        }
        #expect(picture.texts.first == "Procesmodel woonstad-waterland")
        #expect(picture.texts.contains("wordt gevolgd door (kolom next) \u{A0}\u{A0}"), "\(picture.texts.prefix(12))")

        // The same sample without its next column: no arrow, no → entry.
        let scratch = try Scratch()
        let sample = String(decoding: try bytes(of: CoraCLI.sample), as: UTF8.self)
        var lines = sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] = lines[0].replacingOccurrences(of: ",next,", with: ",volgende,")
        try scratch.write("zonder-next.csv", lines.joined(separator: "\n"))
        let without = try Self.draw("zonder-next.csv", in: scratch.url, []).picture
        #expect(!without.texts.contains { $0.contains("→") }, "\(without.texts.filter { $0.contains("→") })")
        #expect(!without.texts.contains { $0.hasPrefix("wordt gevolgd door") })
        Self.expectEachOnce(businessProcesses, in: without)
    }

    // MARK: 2. A large generated landscape

    @Test("the landscape of 200 generated business processes: bands aligned, each once, as wide as a landscape page")
    func largeLandscape() throws {
        let scratch = try Scratch()
        let model = Self.generated(businessProcesses: 200)
        try scratch.write("groot.csv", model.csv)
        let drawn = try Self.draw("groot.csv", in: scratch.url, [])
        #expect(drawn.dotWarnings == "")
        Self.expectAligned(drawn.picture)
        Self.expectEachOnce(model.businessProcessIDs, in: drawn.picture)
        let ratio = drawn.picture.width / drawn.picture.height
        #expect(ratio >= 1.0 && ratio <= 2.6, "width \(drawn.picture.width), height \(drawn.picture.height)")
    }

    // MARK: 3. The full view never drops a process

    @Test("the full view draws every process of the sample exactly once")
    func fullViewOfTheSample() throws {
        let root = CoraCLI.packageRoot
        let drawn = try Self.draw("Samples/woonstad-waterland.csv", in: root, ["--view", "full"])
        #expect(drawn.dotWarnings == "")
        let ids = try Self.processes("Samples/woonstad-waterland.csv", in: root).map(\.id)
        #expect(ids.count == 73)
        Self.expectEachOnce(ids, in: drawn.picture)
        Self.expectAligned(drawn.picture)
    }

    @Test("the full view draws business processes without work processes (the primary band is not empty)")
    func fullViewOfChildlessBusinessProcesses() throws {
        let scratch = try Scratch()
        try scratch.write("kaal.csv", Self.document([
            Self.row("p1", code: "P1"), Self.row("p2", code: "P2", order: 2), Self.row("p3", code: "P3", order: 3),
            Self.row("s1", code: "S1", category: "steering"),
        ]))
        let picture = try Self.draw("kaal.csv", in: scratch.url, ["--view", "full"]).picture
        Self.expectEachOnce(["p1", "p2", "p3", "s1"], in: picture)
        #expect(picture.texts.contains("Primaire processen (3)"))
        #expect(picture.texts.contains("Sturende processen (1)"))
        #expect(picture.texts.filter { $0 == "geen processen" }.count == 1, "only the supporting band is empty")
    }

    @Test("the full view draws a process chain that holds no business process, as a box of its own")
    func fullViewOfAnEmptyChain() throws {
        let scratch = try Scratch()
        try scratch.write("keten.csv", Self.document([
            Self.row("k1", code: "K1", name: "Verhuren keten zonder processen", level: "process-chain"),
            Self.row("k2", code: "K2", name: "Verhuren keten", level: "process-chain", order: 2),
            Self.row("p1", code: "P1", parent: "k2"),
            Self.row("p1-w", name: "Verhuren eenheid", level: "work-process", parent: "p1", function: "Verhuur"),
            Self.row("s1", code: "S1", category: "steering"),
        ]))
        for view in ["full", "landscape"] {
            let picture = try Self.draw("keten.csv", in: scratch.url, ["--view", view]).picture
            Self.expectEachOnce(view == "full" ? ["k1", "k2", "p1", "p1-w", "s1"] : ["k1", "k2", "p1", "s1"], in: picture)
            #expect(picture.texts.contains("geen bedrijfsprocessen"), "\(view)")
        }
    }

    @Test("a steering scenario above a chain is drawn in the heading with a cell of its own, in the landscape and the full view")
    func scenarioAboveAChain() throws {
        let scratch = try Scratch()
        try scratch.write("scenario.csv", Self.document([
            Self.row("sc", code: "SC1", name: "Verhuurmutatie", level: "steering-scenario"),
            Self.row("k1", code: "K1", name: "Verhuren eenheid", level: "process-chain", parent: "sc"),
            Self.row("p1", code: "P1", name: "Werven kandidaten", parent: "k1"),
            Self.row("p2", code: "P2", name: "Verhuren eenheden", parent: "k1", order: 2),
            Self.row("p3", code: "P3", name: "Innen huur", order: 2),
        ]))
        for view in ["full", "landscape"] {
            let drawn = try Self.draw("scenario.csv", in: scratch.url, ["--view", view])
            #expect(drawn.dotWarnings == "", "\(view)")
            Self.expectEachOnce(["sc", "k1", "p1", "p2", "p3"], in: drawn.picture)
            #expect(drawn.picture.texts.contains { $0.hasPrefix("Stuurscenario SC1") }, "\(view): \(drawn.picture.texts)")
            #expect(drawn.picture.texts.contains { $0.hasSuffix(" › ") }, "\(view): \(drawn.picture.texts)")
            #expect(drawn.picture.texts.contains { $0.hasPrefix("Procesketen K1") }, "\(view): \(drawn.picture.texts)")
        }
    }

    @Test("the VERA reference data's code lists, read as processes with a drafted mapping: the landscape and the full view draw all 775, the four bands aligned")
    func veraReferenceData() throws {
        let scratch = try Scratch()
        let vera = BehaviourGoldenTests.shared.appendingPathComponent("realworld/vera-referentiedata/Referentiedata.csv").path
        // What `cora mapping init` drafts for it, without the level column (Soort holds list names).
        try scratch.write("vera.yaml", """
            name: vera
            dialect:
              delimiter: ";"
            fields:
              code: Code
              name:
                column: Naam
                required: true
              parent: Parent
              description: Omschrijving
            hierarchy:
              from: parent-column
            properties: all

            """)
        let json = try CoraCLI.run(["convert", vera, "--mapping", "vera.yaml", "--to", "json"], in: scratch.url)
        let ids = ((try parseJSON(json.stdout) as? [String: Any])?["processes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.count == 775, "\(json.stderrText.suffix(300))")
        for view in ["landscape", "full"] {
            let run = try CoraCLI.run(["convert", vera, "--mapping", "vera.yaml", "--to", "dot", "--view", view], in: scratch.url)
            #expect(run.status == 1, "duplicate codes and unknown parents are errors: \(run.stderrText.suffix(300))")
            let drawn = try Tool.run("dot", ["-Tsvg"], input: run.stdout)
            #expect(drawn.status == 0 && drawn.stderr.isEmpty, "\(view): \(drawn.stderr)")
            let picture = try SVGPicture(drawn.stdout)
            Self.expectAligned(picture)
            let grey = picture.elements.filter { $0.name == "polygon" && $0.attributes["fill"] == "#ececec" }.compactMap(\.points)
            let primary = Self.bands(picture)[1]
            #expect(grey.count == 1 && grey.allSatisfy { abs(($0.map(\.x).min() ?? 0) - primary.left) < 1 && abs(($0.map(\.x).max() ?? 0) - primary.right) < 1 })
            Self.expectEachOnce(ids, in: picture)
            #expect(run.stderrText.contains("note: the full view of 775 processes is too large to read as one picture") == (view == "full"))
        }
    }

    @Test("the full view of 300 generated processes draws every one exactly once, with the bands aligned")
    func fullViewOfAGeneratedModel() throws {
        let scratch = try Scratch()
        // 4 chains and scenarios, 74 business processes with a work process of two steps each.
        let model300 = Self.generated(businessProcesses: 74, workProcesses: 1, steps: 2)
        #expect(model300.ids.count == 300)
        try scratch.write("driehonderd.csv", model300.csv)
        let drawn = try Self.draw("driehonderd.csv", in: scratch.url, ["--view", "full"])
        #expect(drawn.dotWarnings == "")
        #expect(!drawn.run.stderrText.contains("note:"), "no note under the limit: \(drawn.run.stderrText)")
        Self.expectEachOnce(model300.ids, in: drawn.picture)
        Self.expectAligned(drawn.picture)
    }

    // MARK: 4. Lines only from next data

    /// bp1 (P1) with work processes w1 → w2 → w3 (w1 also → w9 of bp3), w3 with steps s1 → s2
    /// and s3; bp1 → bp2 (neighbours), bp3 → bp1 (not neighbours).
    static func flows(next: Bool = true) -> String {
        func row(_ id: String, code: String = "", name: String? = nil, level: String = "business-process", parent: String = "",
                 order: Int = 1, function: String = "", next flows: String = "") -> String {
            DiagramStructureTests.row(id, code: code, name: name, level: level, parent: parent, order: order, function: function, next: next ? flows : "")
        }
        return document([
        row("bp1", code: "P1", order: 1, next: "bp2"),
        row("w1", code: "W1", name: "Verhuren eenheid", level: "work-process", parent: "bp1", order: 1, function: "Verhuur", next: "w2|w9"),
        row("w2", code: "W2", name: "Verhuren eenheid twee", level: "work-process", parent: "bp1", order: 2, function: "Verhuur", next: "w3"),
        row("w3", code: "W3", name: "Verhuren eenheid drie", level: "work-process", parent: "bp1", order: 3, function: "Verhuur"),
        row("s1", name: "Controleren stap een", level: "process-step", parent: "w3", order: 1, next: "s2"),
        row("s2", name: "Controleren stap twee", level: "process-step", parent: "w3", order: 2),
        row("s3", name: "Controleren stap drie", level: "process-step", parent: "w3", order: 3),
        row("bp2", code: "P2", order: 2),
        row("bp3", code: "P3", order: 3, next: "bp1"),
        row("w9", code: "W9", name: "Verhuren eenheid negen", level: "work-process", parent: "bp3", order: 1, function: "Verhuur"),
        ])
    }

    @Test("without next data no view draws a line or an arrow, and no legend says so")
    func noLinesWithoutNext() throws {
        let scratch = try Scratch()
        let withoutNext = Self.flows(next: false)
        try scratch.write("geen-next.csv", withoutNext)
        let json = try Self.processes("geen-next.csv", in: scratch.url)
        #expect(json.count == 10)
        let nextColumn = try parseJSON(try scratch.cora("convert", "geen-next.csv", "--to", "json").stdout) as? [String: Any]
        let nexts = (nextColumn?["processes"] as? [[String: Any]] ?? []).flatMap { $0["next"] as? [String] ?? [] }
        #expect(nexts.isEmpty, "the model has no next data: \(nexts)")

        for view in ["process:bp1", "process:bp3"] {
            let drawn = try Self.draw("geen-next.csv", in: scratch.url, ["--view", view])
            // Invisible edges (style=invis keeps the order of frames and steps) are not written
            // to the SVG at all: no group of class "edge".
            #expect(drawn.run.stdoutText.contains("[style=invis]") == (view == "process:bp1"), "the cards of bp1 keep their order by invisible edges")
            #expect(drawn.picture.edgeTitles == [], "\(view)")
            #expect(!drawn.picture.texts.contains { $0.contains("→") || $0.contains("↓") }, "\(view): \(drawn.picture.texts.filter { $0.contains("→") })")
        }
        for view in ["landscape", "full"] {
            let picture = try Self.draw("geen-next.csv", in: scratch.url, ["--view", view]).picture
            #expect(picture.edgeTitles == [])
            #expect(!picture.texts.contains { $0.contains("→") || $0.contains("←") || $0.contains("↔") }, "\(view)")
            #expect(!picture.texts.contains { $0.hasPrefix("wordt gevolgd door") }, "\(view)")
        }
    }

    @Test("with next data exactly the flows of the data are drawn: edges in a process diagram, glyphs and markers in the landscape")
    func linesFromNext() throws {
        let scratch = try Scratch()
        try scratch.write("next.csv", Self.flows())
        let process = try Self.draw("next.csv", in: scratch.url, ["--view", "process:bp1"]).picture
        #expect(process.edgeTitles.sorted() == ["w1->w2", "w2->w3"])
        // A step followed by the step below it in its card: ↓ between them, once.
        #expect(process.texts.filter { $0 == "↓" }.count == 1, "\(process.texts)")
        // The flow out of the diagram is said, not drawn.
        #expect(process.texts.contains("→ W9"), "\(process.texts)")
        #expect(process.texts.contains("wordt gevolgd door (kolom next) \u{A0}\u{A0}"))

        let other = try Self.draw("next.csv", in: scratch.url, ["--view", "process:bp3"]).picture
        #expect(other.edgeTitles == [])
        #expect(other.texts.contains("→ P1"), "bp3's frame says what follows it: \(other.texts)")

        let landscape = try Self.draw("next.csv", in: scratch.url, []).picture
        #expect(landscape.edgeTitles == [])
        // One → between P1 and P2 and one in the legend; P3 → P1 is a marker in P3's box.
        #expect(landscape.texts.filter { $0 == "→" }.count == 2, "\(landscape.texts)")
        #expect(landscape.texts.contains("→ P1"))
        #expect(!landscape.texts.contains { $0 == "←" || $0 == "↔" })
        #expect(landscape.texts.contains("wordt gevolgd door (kolom next) \u{A0}\u{A0}"))
    }

    // MARK: 5. --view each

    @Test("--view each -o DIR --to svg writes the landscape and one diagram per business process, linked both ways")
    func eachLinksBothWays() throws {
        let scratch = try Scratch()
        try scratch.write("next.csv", Self.flows())
        let run = try scratch.cora("convert", "next.csv", "--to", "svg", "--view", "each", "-o", "plaatjes")
        #expect(run.status == 0, "\(run)")
        let folder = scratch.url.appendingPathComponent("plaatjes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["bp1.svg", "bp2.svg", "bp3.svg", "landscape.svg"])
        let landscape = try SVGPicture(try bytes(of: folder.appendingPathComponent("landscape.svg")))
        for id in ["bp1", "bp2", "bp3"] {
            let links = landscape.links(inGroup: "a_p-" + id).compactMap { $0.attributes["xlink:href"] }
            #expect(links == [id + ".svg"], "\(id): \(links)")
            #expect(files.contains(id + ".svg"))
            let diagram = try SVGPicture(try bytes(of: folder.appendingPathComponent(id + ".svg")))
            let back = diagram.elements.filter { $0.name == "a" && $0.attributes["xlink:href"] == "landscape.svg" }
            #expect(back.count == 1, "\(id) links back once")
            #expect(back.first?.attributes["xlink:title"] == "terug naar het landschap")
            // Each id once: a work process's frame has an id of its own, not its business process's.
            #expect(diagram.idCounts.values.allSatisfy { $0 == 1 }, "\(id): \(diagram.idCounts.filter { $0.value > 1 })")
            #expect(diagram.idCounts["p-" + id] == 1, "\(id): its frame")
        }
        #expect(landscape.texts.contains("klik op een bedrijfsproces om het te openen \u{A0}\u{A0}"))
    }

    @Test("--view each names the files of ids that differ only in case, or that are called landscape, apart")
    func eachFileNames() throws {
        let scratch = try Scratch()
        try scratch.write("namen.csv", Self.document([
            Self.row("P1", code: "A1"), Self.row("p1", code: "A2", order: 2), Self.row("landscape", code: "A3", order: 3),
            Self.row("Landscape", code: "A4", order: 4),
        ]))
        let run = try scratch.cora("convert", "namen.csv", "--to", "svg", "--view", "each", "-o", "uit")
        #expect(run.status == 0, "\(run)")
        let folder = scratch.url.appendingPathComponent("uit")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["Landscape~3.svg", "P1.svg", "landscape.svg", "landscape~2.svg", "p1~2.svg"])
        let landscape = try SVGPicture(try bytes(of: folder.appendingPathComponent("landscape.svg")))
        let expected = ["P1": "P1.svg", "p1": "p1~2.svg", "landscape": "landscape~2.svg", "Landscape": "Landscape~3.svg"]
        for (id, file) in expected {
            #expect(landscape.links(inGroup: "a_p-" + id).compactMap { $0.attributes["xlink:href"] } == [file], "\(id)")
            let diagram = String(decoding: try bytes(of: folder.appendingPathComponent(file)), as: UTF8.self)
            #expect(diagram.contains("Verhuren eenheden \(id)"), "\(file) is the diagram of \(id)")
        }
    }

    // MARK: 6. Hostile text

    static let hostileName = "Verhuren <script>alert(1)</script> &amp; \"q\" \\N \\\\ ]]> \u{1}\u{1B}\u{7F}x \u{200F}\u{202E}RTL\u{202C}"

    /// Names, descriptions, codes and functions with markup, entity references, escapes of
    /// Graphviz, CDATA ends, control characters, right-to-left marks and 10,000 characters.
    static let hostile = document([
        row("h1", code: "H<1>", name: hostileName, category: "steering", next: "h2", owner: hostileName, description: hostileName),
        row("h2", name: "Verhuren " + String(repeating: "x", count: 10_000), order: 2, description: String(repeating: "lang ", count: 2_000)),
        row("h1-w", code: "W\\N", name: hostileName, level: "work-process", category: "steering", parent: "h1", function: hostileName, next: "h1-w2"),
        row("h1-w2", name: "Verhuren ]]> \"x\"", level: "work-process", category: "steering", parent: "h1", order: 2, function: "F"),
        row("h1-s", name: "Verhuren regel\neen \\", level: "process-step", category: "steering", parent: "h1-w"),
        row("h3", name: "Verhuren \u{200F}مرحبا", category: "supporting", order: 3),
        row("h4", name: "Onderhoudsmeldingenbeheer Huurovereenkomstenadministratie", order: 4),
    ])

    @Test("hostile text in every view: dot draws it without a warning, the SVG is well-formed XML, the text shows as it is",
          arguments: ["landscape", "full", "process:h1", "process:h2", "process:h3", "each"])
    func hostileText(_ view: String) throws {
        let scratch = try Scratch()
        try scratch.write("vijandig.csv", Self.hostile)
        let title = "Titel <script> \\N &amp;"
        var dots: [(name: String, dot: [UInt8])] = []
        if view == "each" {
            let run = try scratch.cora("convert", "vijandig.csv", "--to", "dot", "--view", "each", "--title", title, "-o", "dot")
            #expect(run.status == 0, "\(run)")
            for file in try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("dot").path).sorted() {
                dots.append((file, try bytes(of: scratch.url.appendingPathComponent("dot/" + file))))
            }
            #expect(dots.map(\.name) == ["h1.dot", "h2.dot", "h3.dot", "h4.dot", "landscape.dot"])
        } else {
            let run = try scratch.cora("convert", "vijandig.csv", "--to", "dot", "--view", view, "--title", title)
            #expect(run.status == 0, "\(run)")
            dots.append((view, run.stdout))
        }
        for (name, dot) in dots {
            let drawn = try Tool.run("dot", ["-Tsvg"], input: dot)
            #expect(drawn.status == 0, "\(name): dot refused: \(drawn.stderr)")
            #expect(drawn.stderr == "", "\(name): dot warned: \(drawn.stderr)")
            let xml = try Tool.run("xmllint", ["--noout", "--nonet", "-"], input: drawn.stdout)
            #expect(xml.status == 0 && xml.stderr == "", "\(name): \(xml.stderr)")
            let svg = drawn.stdoutText
            #expect(!svg.contains("<script"), "\(name)")
            #expect(!svg.contains("\u{1B}") && !svg.contains("\u{1}") && !svg.contains("\u{7F}"))
            let picture = try SVGPicture(drawn.stdout)
            // The title, as written: markup and entity references are text, \N is not the node's name.
            #expect(picture.texts.first == title, "\(name): \(picture.texts.prefix(3))")
            #expect(svg.contains(">Titel &lt;script&gt; \\N &amp;amp;</text>"), "\(name)")
            let text = picture.texts.joined(separator: "\n")
            let tooltips = picture.elements.compactMap { $0.attributes["xlink:title"] }.joined(separator: "\n")
            switch name {
            case "landscape", "landscape.dot", "full":
                // Wrapped in the box (a word longer than a line is broken); whole in the tooltip.
                #expect(text.contains("<script>alert(1)</sc"), "\(name): \(text)")
                #expect(tooltips.contains("Verhuren <script>alert(1)</script> &amp; \"q\" \\N \\\\ ]]>"), "\(name)")
                #expect(tooltips.contains("\u{200F}\u{202E}RTL\u{202C}"), "\(name): the right-to-left marks are kept")
                #expect(text.contains("مرحبا"))
                #expect(!text.contains(String(repeating: "x", count: 300)), "\(name): a name of 10,000 characters is cut")
            case "process:h1", "h1.dot":
                #expect(text.contains("H<1> Verhuren <script>alert(1)</script> &amp; \"q\" \\N \\\\ ]]>"), "\(name): \(text)")
                #expect(text.contains("W\\N"), "\(name): \(text)")
                #expect(text.contains("Verhuren ]]> \"x\""), "\(name): \(text)")
                #expect(tooltips.contains("Eigenaar: Verhuren <script>"), "\(name)")
            case "process:h2", "h2.dot":
                #expect(text.contains("Verhuren xxxx") || text.contains("Verhuren\nxxxx"), "\(name): \(text)")
                #expect(!text.contains(String(repeating: "x", count: 300)))
                #expect(svg.utf8.count < 200_000, "\(name): \(svg.utf8.count) bytes")
            default:
                break
            }
        }
    }

    // MARK: 7. The note about a large full view

    @Test("a full view of more than 400 processes prints one note naming the output, or the input when writing to stdout")
    func fullViewNote() throws {
        let scratch = try Scratch()
        let model = Self.generated(businessProcesses: 81, workProcesses: 4)  // 4 + 81 * 5 = 409
        #expect(model.ids.count == 409)
        try scratch.write("groot.csv", model.csv)
        let message = "note: the full view of 409 processes is too large to read as one picture; --view each -o DIR writes the landscape and one diagram per business process, linked"
        let toFile = try scratch.cora("convert", "groot.csv", "--to", "svg", "--view", "full", "-o", "groot.svg")
        #expect(toFile.status == 0, "\(toFile)")
        #expect(toFile.stderrLines.filter { $0.contains("note: the full view") } == ["groot.svg: " + message], "\(toFile)")
        let toStdout = try scratch.cora("convert", "groot.csv", "--to", "dot", "--view", "full")
        #expect(toStdout.stderrLines.filter { $0.contains("note: the full view") } == ["groot.csv: " + message], "\(toStdout)")
        #expect(toStdout.stderrLines == [
            "cora: groot.csv: mapping canonical (auto: 19 of 19 columns matched)",
            "groot.csv: " + message,
            "cora: 409 rows read, 409 processes, 0 rejected; 0 errors, 0 warnings",
        ])
        // The other views say nothing; nor does a full view of exactly 400.
        let landscape = try scratch.cora("convert", "groot.csv", "--to", "dot")
        #expect(!landscape.stderrText.contains("note:"))
        let four = Self.generated(businessProcesses: 66, workProcesses: 5)  // 4 + 66 * 6 = 400
        #expect(four.ids.count == 400)
        try scratch.write("vierhonderd.csv", four.csv)
        let limit = try scratch.cora("convert", "vierhonderd.csv", "--to", "dot", "--view", "full")
        #expect(limit.status == 0 && !limit.stderrText.contains("note:"), "\(limit)")
    }

    // MARK: 8. --view each needs a folder

    @Test("--view each without -o exits 64 and says to name the folder")
    func eachNeedsAFolder() throws {
        let scratch = try Scratch()
        try scratch.write("next.csv", Self.flows())
        for format in ["svg", "dot"] {
            let run = try scratch.cora("convert", "next.csv", "--to", format, "--view", "each")
            #expect(run.status == 64, "\(run)")
            #expect(run.stderrLines.first == "Error: --view each writes the landscape and a diagram per business process: name their folder with -o DIR", "\(run)")
            #expect(run.stdout.isEmpty)
            #expect(try scratch.listing() == ["next.csv"])
        }
    }
}

// MARK: - Reading an SVG

/// An SVG that Graphviz wrote, read with Foundation's XMLParser (which fails on XML that is not
/// well-formed): its elements in document order with their attributes, text and parent.
struct SVGPicture {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var parent: Int?

        /// The points of a polygon.
        var points: [(x: Double, y: Double)] {
            (attributes["points"] ?? "").split(separator: " ").compactMap { pair in
                let numbers = pair.split(separator: ",").compactMap { Double($0) }
                return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
            }
        }
    }

    struct NotWellFormed: Error, CustomStringConvertible {
        var description: String
    }

    var elements: [Element]

    init(_ bytes: [UInt8]) throws {
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        guard parser.parse() else {
            throw NotWellFormed(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        elements = reader.elements
    }

    /// The width and height of the picture, in points.
    var width: Double { Self.points(elements.first { $0.name == "svg" }?.attributes["width"]) }
    var height: Double { Self.points(elements.first { $0.name == "svg" }?.attributes["height"]) }

    private static func points(_ value: String?) -> Double {
        Double((value ?? "").replacingOccurrences(of: "pt", with: "")) ?? 0
    }

    /// The text of every `text` element, in order.
    var texts: [String] { elements.filter { $0.name == "text" }.map(\.text) }

    /// How many elements have each id.
    var idCounts: [String: Int] {
        elements.compactMap { $0.attributes["id"] }.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// The titles of the edges drawn (`a->b`).
    var edgeTitles: [String] {
        elements.indices.filter { elements[$0].name == "g" && elements[$0].attributes["class"] == "edge" }.compactMap { group in
            elements.first { $0.name == "title" && $0.parent == group }?.text
        }
    }

    /// The `a` elements inside the element with id `id`.
    func links(inGroup id: String) -> [Element] {
        guard let group = elements.firstIndex(where: { $0.attributes["id"] == id }) else { return [] }
        return elements.filter { element in
            guard element.name == "a" else { return false }
            var parent = element.parent
            while let index = parent {
                if index == group { return true }
                parent = elements[index].parent
            }
            return false
        }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            elements.append(Element(name: elementName, attributes: attributeDict, parent: open.last))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }
    }
}
