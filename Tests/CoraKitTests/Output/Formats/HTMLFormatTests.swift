@testable import CoraKit
import Foundation
import Testing

/// ``HTMLFormat``: `--to html`, the handbook with the diagrams drawn by whatever ``DiagramDrawing``
/// the caller gives (Graphviz on the command line; here a stand-in that answers with fixed pictures).
@Suite("html: the handbook with its diagrams")
struct HTMLFormatTests {
    /// Answers each drawing with a small SVG naming it: `landschap` for the landscape (the only
    /// drawing without a link back to it), `alfa`/`beta` for the business process whose work
    /// process it shows; fails the drawings listed in `failing`.
    final class FixedDrawing: DiagramDrawing, @unchecked Sendable {
        let failing: Set<String>
        private let lock = NSLock()
        private var askedNames: [String] = []
        var asked: [String] { lock.withLock { askedNames } }

        init(failing: Set<String> = []) { self.failing = failing }

        func draw(_ dot: String, as format: String) throws(RunFailure) -> [UInt8] {
            let name = !dot.contains("#landschap") ? "landschap" : dot.contains("Werk Alfa") ? "alfa" : dot.contains("Werk Beta") ? "beta" : "ander"
            lock.withLock { askedNames.append(name + "." + format) }
            if failing.contains(name) { throw RunFailure(.graphvizFailed, "dot crashed on \(name) <b>") }
            return Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <svg width="8pt" height="4pt" viewBox="0 0 8 4" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
                <g class="graph"><a xlink:href="#a_p-alfa" xlink:title="naar alfa"><text x="1" y="2">figuur \(name)</text></a><script>alert(1)</script></g>
                </svg>
                """.utf8)
        }
    }

    /// Two business processes with a work process each.
    static let model = ProcessModel(processes: [
        CoraProcess(id: "alfa", code: "A", name: "Alfa", level: .businessProcess, category: .primary, order: 1),
        CoraProcess(id: "alfa-1", name: "Werk Alfa", level: .workProcess, category: .primary, parent: "alfa", order: 1),
        CoraProcess(id: "beta", code: "B", name: "Beta", level: .businessProcess, category: .supporting, order: 2),
        CoraProcess(id: "beta-1", name: "Werk Beta", level: .workProcess, category: .supporting, parent: "beta", order: 1),
    ])

    /// The page written for `model` with `options`.
    static func page(_ model: ProcessModel = model, options: OutputOptions) throws -> String {
        var output = CollectedOutput()
        try HTMLFormat().write(model, diagnostics: [], options: options, to: &output)
        #expect(output.files.count == 1 && output.files.first?.name == nil)
        return String(decoding: output.bytes() ?? [], as: UTF8.self)
    }

    /// The part of `page` from the element with id `id` to the next `</details>` or `</section>`.
    static func section(_ id: String, of page: String) -> String {
        guard let start = page.range(of: " id=\"\(id)\"") else { return "" }
        let rest = page[start.lowerBound...]
        let end = [rest.range(of: "</details>"), rest.range(of: "</section>")].compactMap { $0?.lowerBound }.min() ?? rest.endIndex
        return String(rest[..<end])
    }

    static let figure = """
        <figure class="diagram">
        <svg width="8pt" height="4pt" viewBox="0 0 8 4" role="img" aria-label="LABEL">
        <g class="graph">
        <a href="#p-alfa"><title>naar alfa</title>
        <text x="1" y="2">figuur NAME</text>
        </a>
        </g>
        </svg>
        </figure>
        """

    @Test("name html, aliases handbook, handboek and htm, one .html file; it uses Graphviz when there, and needs it not")
    func names() throws {
        let format = HTMLFormat()
        #expect(format.name == "html" && format.aliases == ["handbook", "handboek", "htm"] && format.fileSuffix == ".html")
        #expect(format.usesGraphviz && !format.drawsWithGraphviz && !format.writesFolder)
        for word in ["html", "handbook", " Handboek", "HTM"] { #expect(OutputFormats.named(word)?.name == "html", "\(word)") }
        #expect(format.files(of: Self.model, at: "uit/handboek.html", options: OutputOptions()) == ["uit/handboek.html"])
        try format.check(Self.model, options: OutputOptions())
        #expect(HTMLFormat.diagramLimit == 400)
    }

    @Test("the landscape and a diagram per business process, each in its section, rebuilt (no script), linking to the sections")
    func figures() throws {
        let drawing = FixedDrawing()
        let page = try Self.page(options: OutputOptions(diagrams: drawing, sourceName: "inventaris"))
        #expect(drawing.asked == ["landschap.svg", "alfa.svg", "beta.svg"])
        #expect(page.contains("<h1><bdi>Procesmodel inventaris</bdi></h1>"))
        #expect(Self.section("landschap", of: page).hasSuffix(Self.figure.replacingOccurrences(of: "LABEL", with: "Proceslandschap")
            .replacingOccurrences(of: "NAME", with: "landschap") + "\n"))
        #expect(Self.section("p-alfa", of: page).hasSuffix(Self.figure.replacingOccurrences(of: "LABEL", with: "Diagram Alfa")
            .replacingOccurrences(of: "NAME", with: "alfa") + "\n"))
        #expect(Self.section("p-beta", of: page).hasSuffix(Self.figure.replacingOccurrences(of: "LABEL", with: "Diagram Beta")
            .replacingOccurrences(of: "NAME", with: "beta") + "\n"))
        #expect(page.components(separatedBy: "<svg").count == 4)
        #expect(!page.contains("alert(1)"))
        #expect(!page.components(separatedBy: "</header>")[0].contains("class=\"note\""))
        // The same as the renderer's page with the same figures.
        let title = "Procesmodel inventaris"
        let figures = HTMLFormat.figures(of: Self.model, options: OutputOptions(diagrams: FixedDrawing(), sourceName: "inventaris"), title: title)
        #expect(page == HTMLRenderer(title: title).render(Self.model, figures: figures))
        #expect(HTMLFormat().notes(about: Self.model, options: OutputOptions(diagrams: drawing)) == [])
    }

    @Test("without Graphviz: no <svg> at all, and the title page says why and how to install it")
    func withoutGraphviz() throws {
        let page = try Self.page(options: OutputOptions())
        #expect(!page.contains("<svg"))
        #expect(page.contains("</dl>\n<p class=\"note\">Zonder diagrammen: Graphviz (het programma dot) is niet geïnstalleerd. "
            + "Installeer het (sudo apt-get install graphviz) en maak het handboek opnieuw.</p>\n</header>\n"))
        let english = try Self.page(options: OutputOptions(language: .en))
        #expect(english.contains("<p class=\"note\">Without diagrams: Graphviz (its dot program) is not installed. "
            + "Install it (sudo apt-get install graphviz) and make the handbook again.</p>"))
        #expect(HTMLFormat().notes(about: Self.model, options: OutputOptions())
                == ["Graphviz is not installed: the handbook has no diagrams (install it with `sudo apt-get install graphviz` for the landscape and a diagram per business process)"])
    }

    @Test("a drawing that fails: its section says it could not be drawn, and why; the rest of the page is whole")
    func failedDrawing() throws {
        let page = try Self.page(options: OutputOptions(diagrams: FixedDrawing(failing: ["beta"])))
        #expect(Self.section("p-beta", of: page).hasSuffix("<p class=\"note\">Dit diagram kon niet worden getekend: dot crashed on beta &lt;b&gt;</p>\n"))
        #expect(Self.section("p-alfa", of: page).contains("figuur alfa"))
        #expect(Self.section("landschap", of: page).contains("figuur landschap"))
        #expect(page.hasSuffix("</script>\n</body>\n</html>\n"))
        #expect(page.components(separatedBy: "<svg").count == 3)
        let landscapeFailed = try Self.page(options: OutputOptions(language: .en, diagrams: FixedDrawing(failing: ["landschap"])))
        #expect(Self.section("landschap", of: landscapeFailed).hasSuffix("<p class=\"note\">This diagram could not be drawn: dot crashed on landschap &lt;b&gt;</p>\n"))
        #expect(landscapeFailed.components(separatedBy: "<svg").count == 3)
    }

    @Test("a drawing that is no SVG that can be read: said in its section")
    func unreadableDrawing() throws {
        struct Garbage: DiagramDrawing {
            func draw(_ dot: String, as format: String) throws(RunFailure) -> [UInt8] { Array("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>".utf8) }
        }
        let page = try Self.page(options: OutputOptions(diagrams: Garbage()))
        #expect(Self.section("p-alfa", of: page).hasSuffix("<p class=\"note\">Dit diagram kon niet worden getekend: Graphviz gaf geen leesbare SVG</p>\n"))
        #expect(!page.contains("<svg"))
    }

    @Test("more business processes than diagramLimit: the landscape only, and a note on the title page and before writing")
    func tooManyBusinessProcesses() throws {
        // Each business process has a work process: one without any gets no diagram of its own.
        func model(_ count: Int) -> ProcessModel {
            ProcessModel(processes: (1...count).flatMap { [
                CoraProcess(id: "bp\($0)", name: "Proces \($0)", level: .businessProcess, category: .primary, order: $0),
                CoraProcess(id: "wp\($0)", name: "Werkproces \($0)", level: .workProcess, category: .primary, parent: "bp\($0)"),
            ] })
        }
        let many = model(HTMLFormat.diagramLimit + 1)
        let drawing = FixedDrawing()
        let page = try Self.page(many, options: OutputOptions(diagrams: drawing))
        #expect(drawing.asked == ["landschap.svg"])
        #expect(page.components(separatedBy: "<svg").count == 2)
        #expect(page.contains("<p class=\"note\">Het model heeft 401 bedrijfsprocessen; een diagram per bedrijfsproces komt er tot 400. "
            + "Met cora convert --to svg --view each -o MAP staan ze in een map.</p>\n</header>"))
        #expect(HTMLFormat().notes(about: many, options: OutputOptions(diagrams: drawing))
                == ["the model has 401 business processes: the handbook draws a diagram for each up to 400, so it has the landscape only"])
        // Without Graphviz, only that it is missing is said.
        #expect(HTMLFormat().notes(about: many, options: OutputOptions()).count == 1)
        let english = try Self.page(many, options: OutputOptions(language: .en, diagrams: FixedDrawing()))
        #expect(english.contains("<p class=\"note\">The model has 401 business processes; a diagram per business process is drawn up to 400. "
            + "cora convert --to svg --view each -o DIR writes them to a folder.</p>"))

        let limit = model(HTMLFormat.diagramLimit)
        let all = FixedDrawing()
        let full = try Self.page(limit, options: OutputOptions(diagrams: all))
        #expect(all.asked.count == 401)
        #expect(full.components(separatedBy: "<svg").count == 402)
        #expect(!full.components(separatedBy: "</header>")[0].contains("class=\"note\""))
        #expect(HTMLFormat().notes(about: limit, options: OutputOptions(diagrams: all)) == [])
    }
}
