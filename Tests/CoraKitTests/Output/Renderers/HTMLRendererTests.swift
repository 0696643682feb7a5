@testable import CoraKit
import CoraCSV
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// ``HTMLRenderer``: the handbook read back by an HTML parser (`xmllint --html`): where each
/// process is, the policy's hashes, folding, the findings linked both ways, the language, the
/// requirements and the cycle, links from the data; and a property over random hostile models.
@Suite("HTML renderer: the handbook as an HTML parser reads it")
struct HTMLRendererTests {
    /// A scenario above a chain above a business process, which holds a work process with a step
    /// and a business process below it; a steering business process; a work process and a process
    /// without a level outside any business process.
    static let structured = ProcessModel(processes: [
        CoraProcess(id: "s", code: "S", name: "Scenario", level: .steeringScenario, order: 1),
        CoraProcess(id: "k", code: "K", name: "Keten", level: .processChain, parent: "s", order: 1),
        CoraProcess(id: "a", code: "A", name: "Alfa", level: .businessProcess, category: .primary, parent: "k", order: 1,
                    source: SourceLocation(file: "in.csv", line: 3, record: 2)),
        CoraProcess(id: "x", code: "A.1", name: "Werk X", level: .workProcess, category: .primary, parent: "a", order: 1,
                    source: SourceLocation(file: "in.csv", line: 4, record: 3)),
        CoraProcess(id: "x1", code: "A.1.1", name: "Stap X1", level: .processStep, category: .primary, parent: "x", order: 1),
        CoraProcess(id: "b", code: "B", name: "Beta", level: .businessProcess, category: .primary, parent: "x", order: 2),
        CoraProcess(id: "y", name: "Werk Y", level: .workProcess, category: .primary, parent: "b", order: 1),
        CoraProcess(id: "d", code: "D", name: "Delta", level: .businessProcess, category: .steering, order: 2,
                    source: SourceLocation(file: "in.csv", line: 9, record: 8)),
        CoraProcess(id: "los", name: "Los werkproces", level: .workProcess, order: 3,
                    source: SourceLocation(file: "in.csv", line: 10, record: 9)),
        CoraProcess(id: "z", name: "Zonder niveau", order: 4),
    ])

    /// Where each process of ``structured`` is: a business process's section, a row of the
    /// section of the business process it is in, a row of the chains or of the other processes.
    static let places: [String: String] = [
        "a": "details.bp", "b": "details.bp", "d": "details.bp",
        "x": "tr in p-a", "x1": "tr in p-a", "y": "tr in p-b",
        "s": "tr in ketens", "k": "tr in ketens", "los": "tr in overig", "z": "tr in overig",
    ]

    /// Where the element with id `id` is, in the words of ``places``.
    static func place(of id: String, in document: XMLDocument) throws -> String? {
        guard let element = try document.nodes(forXPath: "//*[@id='\(id)']").first as? XMLElement else { return nil }
        if element.name == "details" { return "details." + (element.attribute(forName: "class")?.stringValue ?? "") }
        let container = try element.nodes(forXPath: "ancestor::*[self::details or self::section][1]").first as? XMLElement
        return "\(element.name ?? "") in \(container?.attribute(forName: "id")?.stringValue ?? "?")"
    }

    @Test("every process once, with its id: business processes (nested too) as sections, work processes and steps as rows, chains above chains in #ketens, the rest in #overig")
    func everyProcessOnce() throws {
        let html = HTMLRenderer().render(Self.structured)
        let page = try HTMLPageCheck.parse(html)
        #expect(page.errors.isEmpty, "\(page.errors)")
        for process in Self.structured.processes {
            let anchor = HTMLRenderer.anchor(of: process.id)
            #expect(anchor == "p-" + process.id)
            #expect(try page.document.nodes(forXPath: "//*[@id='\(anchor)']").count == 1, "\(anchor)")
            #expect(try Self.place(of: anchor, in: page.document) == Self.places[process.id], "\(process.id)")
        }
        // B's row in A's table links to B's own section; A names the chain it is part of.
        let rowB = try page.document.nodes(forXPath: "//details[@id='p-a']//tr[td//a[@href='#p-b']]")
        #expect(rowB.count == 1)
        #expect(html.contains("<dt>Onderdeel van</dt><dd><a href=\"#p-k\"><bdi>Keten</bdi></a></dd>"))
        // A chain lists the business processes (and chains) it is the nearest chain or scenario
        // above: the scenario its chain, the chain its business processes.
        #expect(try page.document.nodes(forXPath: "//tr[@id='p-s']/td[4]").first?.stringValue == "Keten")
        #expect(try page.document.nodes(forXPath: "//tr[@id='p-k']/td[4]").first?.stringValue == "Alfa, Beta")
        try HTMLPageCheck.expectUniqueIDsAndLinks(page.document)
    }

    @Test("an id kept twice by --keep-invalid: one element has the anchor, both processes are in the page")
    func duplicateIDs() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", code: "P1", "Eerste", level: "business-process", category: "primary"),
            canonicalRow("bp", code: "P2", "Tweede", level: "business-process", category: "primary"),
            canonicalRow("wp", code: "P1.1", "Werk een", level: "work-process", parent: "bp"),
            canonicalRow("wp", code: "P1.2", "Werk twee", level: "work-process", parent: "bp")), keepInvalid: true)
        #expect(result.model.processes.map(\.id) == ["bp", "bp", "wp", "wp"], "\(result.diagnostics.map(summary))")
        let html = HTMLRenderer().render(result.model, diagnostics: result.diagnostics)
        let page = try HTMLPageCheck.parse(html)
        #expect(page.errors.isEmpty, "\(page.errors)")
        #expect(try page.document.nodes(forXPath: "//*[@id='p-bp']").count == 1)
        #expect(try page.document.nodes(forXPath: "//*[@id='p-wp']").count == 1)
        let text = page.document.rootElement()?.stringValue ?? ""
        for name in ["Eerste", "Tweede", "Werk een", "Werk twee"] { #expect(text.contains(name), "\(name)") }
        try HTMLPageCheck.expectUniqueIDsAndLinks(page.document)
    }

    @Test("the policy's hashes are those of the page's one <style> and one <script>, byte for byte")
    func policyHashes() throws {
        let html = HTMLRenderer(language: .en).render(Self.structured)
        #expect(html.components(separatedBy: "<style").count == 2 && html.components(separatedBy: "<script").count == 2)
        let style = try #require(html.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first)
        let script = try #require(html.components(separatedBy: "<script>").dropFirst().first?.components(separatedBy: "</script>").first)
        #expect(style == HandbookStyle.css && script == HandbookScript.javaScript)
        let page = try HTMLPageCheck.parse(html)
        let policy = try page.document.nodes(forXPath: "//meta[@http-equiv='Content-Security-Policy']/@content").first?.stringValue
        #expect(policy == "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
            + "style-src \(ContentSecurityPolicy.hashSource(of: style)); script-src \(ContentSecurityPolicy.hashSource(of: script))")
        // Nothing else that could run or load: no other element with a source, no event handler.
        #expect(try page.document.nodes(forXPath: "//*[@src or @srcset or @action or @formaction or @style]").isEmpty)
        #expect(try page.document.nodes(forXPath: "//@*[starts-with(name(), 'on')]").isEmpty)
        #expect(try page.document.nodes(forXPath: "//link/@href").map { $0.stringValue } == ["data:,"])
    }

    @Test("sections start open up to foldBeyond processes and folded beyond")
    func folding() throws {
        let count = Self.structured.processes.count
        let open = try HTMLPageCheck.parse(HTMLRenderer(foldBeyond: count).render(Self.structured)).document
        #expect(try open.nodes(forXPath: "//details[@open]").count == 3)
        let folded = try HTMLPageCheck.parse(HTMLRenderer(foldBeyond: count - 1).render(Self.structured)).document
        #expect(try folded.nodes(forXPath: "//details").count == 3)
        #expect(try folded.nodes(forXPath: "//details[@open]").isEmpty)
        #expect(HTMLRenderer().foldBeyond == 300 && HTMLRenderer.defaultFoldBeyond == 300)
    }

    static let findings = [
        Diagnostic(.missingName, "row 3 has no <name>", file: "in.csv", line: 3, column: Diagnostic.Column(name: "name", index: 3), hint: "fill it in"),
        Diagnostic(.namingConvention, "\"Werk X\" starts with a noun", file: "in.csv", line: 4, column: Diagnostic.Column(name: "name", index: 3)),
        Diagnostic(.namingConvention, "from standard input", file: "-"),
        Diagnostic(.namingConvention, "same line, other file", file: "other.csv", line: 3),
        Diagnostic(.namingConvention, "a loose one", file: "in.csv", line: 10),
    ]

    @Test("findings: a row f-N each with file, line, column, code, severity, message and the process it concerns, linked both ways")
    func findingsLinked() throws {
        let html = HTMLRenderer().render(Self.structured, diagnostics: Self.findings)
        let page = try HTMLPageCheck.parse(html)
        #expect(page.errors.isEmpty, "\(page.errors)")
        let document = page.document
        func cells(_ row: String) throws -> [String] {
            try document.nodes(forXPath: "//tr[@id='\(row)']/td").map { $0.stringValue ?? "" }
        }
        #expect(try cells("f-1") == ["in.csv", "3", "name", "missing-name", "fout", "row 3 has no <name>fill it in", "Alfa"])
        #expect(try cells("f-2") == ["in.csv", "4", "name", "naming-convention", "waarschuwing", "\"Werk X\" starts with a noun", "Werk X"])
        #expect(try cells("f-3") == ["(stdin)", "", "", "naming-convention", "waarschuwing", "from standard input", ""])
        #expect(try cells("f-4") == ["other.csv", "3", "", "naming-convention", "waarschuwing", "same line, other file", ""])
        #expect(try cells("f-5") == ["in.csv", "10", "", "naming-convention", "waarschuwing", "a loose one", "Los werkproces"])
        #expect(try document.nodes(forXPath: "//tr[starts-with(@id, 'f-')]").count == 5)
        #expect(html.contains("<tr id=\"f-1\" class=\"error\">") && html.contains("<tr id=\"f-2\" class=\"warning\">"))
        // From the finding to the process, and back: the flag by the heading or the row, and the section's list.
        for (finding, process) in [("f-1", "p-a"), ("f-2", "p-x"), ("f-5", "p-los")] {
            #expect(try document.nodes(forXPath: "//tr[@id='\(finding)']/td[7]/a/@href").first?.stringValue == "#" + process)
            #expect(try document.nodes(forXPath: "//*[@id='\(process)']//a[@class='flag'][@href='#\(finding)']").count == 1, "\(process)")
        }
        #expect(html.contains("<summary><h3><span class=\"code\"><bdi>A</bdi></span><bdi>Alfa</bdi></h3> <a class=\"flag\" href=\"#f-1\" title=\"fout: row 3 has no &lt;name&gt;\">⛔</a></summary>"))
        let listed = try document.nodes(forXPath: "//details[@id='p-a']//ul[@class='findings']/li/a/@href").map { $0.stringValue ?? "" }
        #expect(listed == ["#f-1", "#f-2"])
        #expect(html.contains("<li><a href=\"#f-1\">fout</a> (regel 3) <code>missing-name</code>: <bdi>row 3 has no &lt;name&gt;</bdi></li>"))
        #expect(try document.nodes(forXPath: "//details[@id='p-d']//ul[@class='findings']").isEmpty)
        // The count per code, and the title page's count.
        #expect(try document.nodes(forXPath: "//table[@class='counts']//tr/td").map { $0.stringValue ?? "" }
                == ["missing-name", "1", "0", "naming-convention", "0", "4"])
        #expect(html.contains("<dt>Bevindingen</dt><dd><a href=\"#bevindingen\">1 fout, 4 waarschuwingen</a></dd>"))
        try HTMLPageCheck.expectUniqueIDsAndLinks(document)
    }

    @Test("findingsListed: the table stops there, with how many more and where they are; the counts count them all")
    func findingsCapped() throws {
        let html = HTMLRenderer(findingsListed: 2).render(Self.structured, diagnostics: Self.findings)
        let document = try HTMLPageCheck.parse(html).document
        #expect(try document.nodes(forXPath: "//tr[starts-with(@id, 'f-')]/@id").map { $0.stringValue ?? "" } == ["f-1", "f-2"])
        #expect(html.contains("<p class=\"note\">… en nog 3 bevindingen: alle bevindingen staan in het rapport van cora validate --report.</p>\n</section>"))
        #expect(try document.nodes(forXPath: "//table[@class='counts']//tr/td").map { $0.stringValue ?? "" }
                == ["missing-name", "1", "0", "naming-convention", "0", "4"])
        // The loose process's finding is not listed: no flag links to a row that is not there.
        #expect(try document.nodes(forXPath: "//a[@href='#f-5']").isEmpty)
        let english = HTMLRenderer(language: .en, findingsListed: 0).render(Self.structured, diagnostics: Self.findings)
        #expect(english.contains("<p class=\"note\">… and 5 more findings: every finding is in the report of cora validate --report.</p>"))
        #expect(HTMLRenderer.defaultFindingsListed == 5_000)
        let none = HTMLRenderer().render(Self.structured)
        #expect(none.contains("<h2>Bevindingen</h2>\n<p>Geen bevindingen.</p>\n</section>"))
    }

    @Test("--lang en: the document's words in English, none of the Dutch ones")
    func english() throws {
        let html = HTMLRenderer(language: .en, title: "Woonstad", date: DocumentDate(year: 2026, month: 12, day: 4)).render(Self.structured, diagnostics: Self.findings)
        let page = try HTMLPageCheck.parse(html)
        #expect(page.errors.isEmpty, "\(page.errors)")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        for words in ["<title>\u{2068}Woonstad\u{2069} — Process handbook</title>", "<p class=\"subtitle\">Process handbook</p>", "<dt>Source files</dt>",
                      "<dt>Date</dt><dd><time datetime=\"2026-12-04\">4 December 2026</time></dd>", "<h2>Contents</h2>",
                      "<h2>Primary processes</h2>", "<h2>Steering processes</h2>", "<h2>Findings</h2>", "<label for=\"zoek\">Search</label>",
                      "placeholder=\"name, code, owner, business function, service or application\"", "<dt>Level</dt><dd>Business process (primary processes)</dd>",
                      "<th>Work process / step</th>", "<h4>Findings of this business process</h4>", "1 error, 4 warnings",
                      "<footer><p>Made with cora, <time datetime=\"2026-12-04\">4 December 2026</time>.</p></footer>"] {
            #expect(html.contains(words), "\(words)")
        }
        for dutch in ["Proceshandboek", "Bevindingen", "Zoeken", "Primaire", "Bedrijfsproces", "Gemaakt met", "waarschuwing", "december"] {
            #expect(!html.contains(dutch), "\(dutch)")
        }
    }

    @Test("requirements and the PDCA cycle: a matrix and a table when the model has them, linked to the processes; none without")
    func requirementsAndCycle() throws {
        let sample = try convertSample("Samples/sturing/woonstad-waterland-sturing.csv", mapping: "sturing")
        let html = HTMLRenderer().render(sample.model, diagnostics: sample.diagnostics)
        let page = try HTMLPageCheck.parse(html)
        #expect(page.errors.isEmpty, "\(page.errors)")
        let overview = PDCAOverview(sample.model)
        try #require(!overview.requirementColumns.isEmpty && !overview.steering.isEmpty)
        let document = page.document
        #expect(try document.nodes(forXPath: "//nav//a[@href='#eisen']").count == 1)
        #expect(try document.nodes(forXPath: "//nav//a[@href='#pdca']").count == 1)
        let matrixRows = try document.nodes(forXPath: "(//section[@id='eisen']//table)[1]/tbody/tr")
        #expect(matrixRows.count == overview.matrixRows.count)
        if overview.requirementColumns.count <= MarkdownRenderer.matrixColumns {
            #expect(try document.nodes(forXPath: "(//section[@id='eisen']//table)[1]/thead/tr/th").count == 2 + overview.requirementColumns.count)
            #expect(try document.nodes(forXPath: "//section[@id='eisen']//td[@class='mark'][.='✓']").count
                    == overview.matrixRows.map { Set($0.requirements).count }.reduce(0, +))
        }
        let cycleRows = try document.nodes(forXPath: "//section[@id='pdca']//table/tbody/tr")
        #expect(cycleRows.count == overview.steering.count)
        #expect(try document.nodes(forXPath: "//section[@id='pdca']//table/tbody/tr/td[2]/a/@href").map { $0.stringValue ?? "" }
                == overview.steering.map { "#p-" + $0.id })
        for process in overview.steering {
            let steered = try document.nodes(forXPath: "//section[@id='pdca']//tr[td[2]/a/@href='#p-\(process.id)']/td[4]/a").count
            #expect(steered == process.steers.filter { id in sample.model.processes.contains { $0.id == id } }.count, "\(process.id)")
        }
        try HTMLPageCheck.expectUniqueIDsAndLinks(document)

        let plain = HTMLRenderer().render(Self.structured)
        for absent in ["id=\"eisen\"", "id=\"pdca\"", "href=\"#eisen\"", "href=\"#pdca\""] { #expect(!plain.contains(absent), "\(absent)") }
    }

    @Test("a property that is a web address is a link without referrer or opener; javascript: and data: stay text")
    func propertyLinks() throws {
        let model = ProcessModel(processes: [
            CoraProcess(id: "a", name: "Alfa", level: .businessProcess, category: .primary, properties: [
                Property(name: "Wiki", value: " https://example.com/a?b=c&d=\"e\" "), Property(name: "Mail", value: "mailto:info@example.com"),
                Property(name: "Script", value: "javascript:alert(1)"), Property(name: "Data", value: "data:text/html,<script>alert(2)</script>"),
                Property(name: "Spatie", value: "https://example.com/a b"), Property(name: "Leeg", value: ""),
            ]),
        ], propertyNames: ["Wiki", "Mail", "Script", "Data", "Spatie", "Leeg"])
        let html = HTMLRenderer().render(model)
        #expect(html.contains("<td><bdi>Wiki</bdi></td><td><a href=\"https://example.com/a?b=c&amp;d=&quot;e&quot;\" rel=\"noopener noreferrer\"><bdi>https://example.com/a?b=c&amp;d=\"e\"</bdi></a></td>"))
        #expect(html.contains("<td><bdi>Mail</bdi></td><td><a href=\"mailto:info@example.com\" rel=\"noopener noreferrer\"><bdi>mailto:info@example.com</bdi></a></td>"))
        #expect(html.contains("<td><bdi>Script</bdi></td><td>javascript:alert(1)</td>"))
        #expect(html.contains("<td><bdi>Data</bdi></td><td>data:text/html,&lt;script&gt;alert(2)&lt;/script&gt;</td>"))
        #expect(html.contains("<td><bdi>Spatie</bdi></td><td>https://example.com/a b</td>"))
        #expect(!html.contains("<bdi>Leeg</bdi>"))
        let document = try HTMLPageCheck.parse(html).document
        let external = try document.nodes(forXPath: "//a[not(starts-with(@href, '#'))]").compactMap { $0 as? XMLElement }
        #expect(external.map { $0.attribute(forName: "href")?.stringValue ?? "" } == ["https://example.com/a?b=c&d=\"e\"", "mailto:info@example.com"])
        #expect(external.allSatisfy { $0.attribute(forName: "rel")?.stringValue == "noopener noreferrer" })
    }

    // MARK: Property over hostile models

    /// `model` with every text harmless but of the same shape: empty where it was empty, the same
    /// line breaks in descriptions and property values, a link where there was one.
    static func harmlessTwin(of model: ProcessModel) -> ProcessModel {
        func lines(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "x" }.joined(separator: "\n")
        }
        func word(_ text: String) -> String { text.isEmpty ? "" : "x" }
        var processes = model.processes
        for index in processes.indices {
            var process = processes[index]
            process.name = "Naam \(index)"
            process.owner = word(process.owner)
            process.function = word(process.function)
            process.status = word(process.status)
            process.description = lines(process.description)
            process.services = process.services.map(word)
            process.events = process.events.map(word)
            process.applications = process.applications.map(word)
            process.properties = process.properties.enumerated().map { position, property in
                let value = HTMLText.isLinkable(property.value.trimmingWhitespace()) ? "https://example.org/x" : lines(property.value)
                return Property(name: "Eigenschap \(position)", value: value)
            }
            processes[index] = process
        }
        return ProcessModel(processes: processes, propertyNames: model.propertyNames.indices.map { "Eigenschap \($0)" })
    }

    /// `text` as the page shows it: characters HTML refuses as U+FFFD, runs of white space one space.
    static func shown(_ text: String) -> String {
        EscapingPropertyTests.shownText(String(String.UnicodeScalarView(text.unicodeScalars.map { HTMLText.isAllowed($0) ? $0 : "\u{FFFD}" })))
    }

    @Test("random hostile models: the parser sees exactly the elements and attributes of the same model with harmless names, and every name as text",
          arguments: Array(UInt64(1)...30))
    func hostileModels(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let model = EscapingPropertyTests.randomModel(&rng)
        let title = EscapingPropertyTests.name(&rng)
        let message = EscapingPropertyTests.hostile(&rng)
        var diagnostics = [Diagnostic(.namingConvention, message, file: EscapingPropertyTests.name(&rng), line: 2, hint: EscapingPropertyTests.hostile(&rng))]
        diagnostics.append(Diagnostic(.missingName, EscapingPropertyTests.name(&rng), file: "-"))
        let twinDiagnostics = diagnostics.map { Diagnostic($0.code, "melding", file: $0.file == "-" ? "-" : "x.csv", line: $0.line, hint: $0.hint.map { _ in "hint" }) }

        let html = HTMLRenderer(title: title).render(model, diagnostics: diagnostics)
        let hostile = try HTMLPageCheck.parse(html)
        let harmless = try HTMLPageCheck.parse(HTMLRenderer(title: "Titel").render(Self.harmlessTwin(of: model), diagnostics: twinDiagnostics))
        #expect(hostile.errors.isEmpty, "seed \(seed): \(hostile.errors)")
        #expect(harmless.errors.isEmpty, "seed \(seed): \(harmless.errors)")
        let elements = HTMLPageCheck.elements(hostile.document), expected = HTMLPageCheck.elements(harmless.document)
        #expect(elements == expected, "seed \(seed): \(elements.subtracting(expected)) more, \(expected.subtracting(elements)) fewer")

        let text = Self.shown(try HTMLPageCheck.text(html))
        // What the handbook shows of each process: a business process's facts, the columns of a
        // row (no status or events there), and the properties with a value.
        var texts: [String] = [title, message]
        for process in model.processes {
            texts += [process.name, process.owner, process.function] + process.services + process.applications
            if process.level == .businessProcess { texts += [process.status] + process.events }
            texts += process.properties.filter { !$0.value.isEmpty }.map(\.name)
        }
        for value in texts where !Self.shown(value).isEmpty {
            #expect(text.contains(Self.shown(value)), "seed \(seed): \(value.debugDescription) is not in the page's text")
        }
    }
}

/// Reads a page as an HTML parser does (`xmllint --html`, libxml2's HTML 4 parser).
enum HTMLPageCheck {
    /// The elements HTML 4 does not know that the handbook uses (libxml2 says "Tag … invalid" of each).
    static let newerElements: Set<String> = [
        "header", "footer", "main", "nav", "section", "details", "summary", "figure", "bdi", "time", "output",
        "svg", "g", "text", "polygon", "polyline", "path", "ellipse", "circle", "rect", "line",
    ]

    /// The parser's errors and warnings in `stderr`, but "Tag … invalid" of the newer elements.
    static func parserErrors(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "parser error : ") ?? line.range(of: "parser warning : ") else { return nil }
            let message = String(line[range.upperBound...])
            if message.hasPrefix("Tag "), message.hasSuffix(" invalid"),
               newerElements.contains(String(message.dropFirst(4).dropLast(8))) { return nil }
            return message
        }
    }

    /// `html` as the parser reads it (written out as XML and read back), and what it found wrong.
    static func parse(_ html: String) throws -> (document: XMLDocument, errors: [String]) {
        let run = try ExternalTool.run("xmllint", ["--html", "--xmlout", "--nonet", "-"], input: Array(html.utf8))
        return (try XMLDocument(data: Data(run.stdout), options: []), parserErrors(run.stderr))
    }

    /// The text of `html` as the parser reads it: every text node, in order, as written (not
    /// through `XMLDocument`, which drops a U+FEFF at the start of a text node).
    static func text(_ html: String) throws -> String {
        try ExternalTool.run("xmllint", ["--html", "--nonet", "--xpath", "string(/html)", "-"], input: Array(html.utf8)).stdoutText
    }

    /// Each element with its attributes' names, as `name[attribute …]`, counted.
    static func elements(_ document: XMLDocument) -> Multiset {
        var counts: [String: Int] = [:]
        func walk(_ node: XMLNode) {
            guard let element = node as? XMLElement else { return }
            let names = (element.attributes ?? []).compactMap(\.name).sorted()
            counts["\(element.name ?? "?")[\(names.joined(separator: " "))]", default: 0] += 1
            for child in element.children ?? [] { walk(child) }
        }
        if let root = document.rootElement() { walk(root) }
        return Multiset(counts: counts)
    }

    /// Counts by key, comparable, with what one has more than another.
    struct Multiset: Equatable {
        var counts: [String: Int]
        func subtracting(_ other: Multiset) -> [String: Int] {
            counts.reduce(into: [:]) { more, entry in
                let extra = entry.value - other.counts[entry.key, default: 0]
                if extra > 0 { more[entry.key] = extra }
            }
        }
    }

    /// No id twice, and every link within the page (`#…`) to an element that is there.
    static func expectUniqueIDsAndLinks(_ document: XMLDocument, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let ids = try document.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(Set(ids).count == ids.count, "ids twice: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())",
                sourceLocation: sourceLocation)
        let targets = try document.nodes(forXPath: "//a/@href").compactMap(\.stringValue).filter { $0.hasPrefix("#") }
        let missing = Set(targets.map { String($0.dropFirst()) }).subtracting(ids)
        #expect(missing.isEmpty, "links to no element: \(missing.sorted())", sourceLocation: sourceLocation)
    }
}
