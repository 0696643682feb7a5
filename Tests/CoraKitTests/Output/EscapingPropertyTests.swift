import CoraCSV
import CoraKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Properties over random models whose every text is hostile (issue 8):
///
/// - Markdown: cmark-gfm (with GitHub's extensions: autolink, table, strikethrough, tagfilter)
///   renders it with exactly the tables, rows and cells the model calls for, one heading per
///   business process, no HTML element, link, list, quote or code block that the renderer did not
///   write itself, and every text of the data shown as it is.
/// - DOT: Graphviz reads every view without an error, with exactly the nodes the model calls for,
///   and writes SVG that is well-formed XML (xmllint) showing every name as it is: with entity
///   references (`&#1;`, `&#xD800;`, `&amp;`), U+FFFE, U+FFFF and control characters in the text too.
/// - Archi: export → import gives the same processes (names and property values with their line
///   breaks and tabs made spaces, as Archi does).
///
/// Models come from a seeded SplitMix64: a failure names the seed that replays it.
@Suite("escaping and Archi round trip: properties over random hostile models")
struct EscapingPropertyTests {
    /// Pieces of hostile text: Markdown, HTML, DOT and CSV syntax, line breaks of every kind,
    /// control and invisible characters, and ordinary words; addresses GFM would make links of
    /// (URLs, `www.`, e-mail), and what starts a block at the start of a line (indentation, `>`,
    /// `1)`, `+`, `***`, `---`, `===`, a closing `#`).
    static let pieces = [
        "Verhuren", "eenheid", " ", "  ", "|", "||", "\\", "\\|", "<", ">", "&", "&amp;", "&lt;", "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>", "<b>", "</td>", "<!--", "-->", "\"", "'", "`", "```", "*", "**", "_", "~~", "[", "]", "(", ")",
        "[x](javascript:alert(3))", "![i](x.png)", "#", "# ", "- ", "+ ", "= ", "1. ", "2) ", ">", "\n", "\r\n", "\r", "\t",
        "{", "}", ";", ",", "->", "--", "\\N", "\\G", "\\\"", "\\n", "}\n digraph x {", "label=", "]]>",
        "\u{1}", "\u{7F}", "\u{85}", "\u{2028}", "\u{200B}", "\u{202E}", "\u{FEFF}", "é", "ë", "€", "😀", "𝔘", "1", "-5", "=1+1", "@SUM(A1)",
        "https://example.com/a?b=c&d", "http://x.nl", "HTTP://X.NL", "ftp://f.nl/x", "www.example.com", "WWW.Voorbeeld.nl", "wwww.x.nl",
        "info@example.com", "a.b+c_d-e@sub.example.nl", "mailto:m@x.nl", "xmpp:j@x.nl/r", "@", ":", "//", ".", "w", "ww", "nl",
        "    ", "\t", "   ", " > ", "> ", "1) ", "10. ", "+", "***", "---", "===", "___", "- - -", "* * *", "~~~", "<http://x.nl>",
        "[a]: http://y.nl", "Kop #", "  # kop", "x\\#", "&#32;", "&#64;",
    ]

    /// More pieces for the diagrams: entity references Graphviz would read (a control character,
    /// a lone surrogate, a letter, a named entity), characters XML forbids (U+FFFE, U+FFFF, NUL,
    /// ESC, backspace), noncharacters XML allows, and the end of a CDATA section and a comment.
    static let dotPieces = pieces + [
        "&#1;", "&#x1b;", "&#xD800;", "&#65;", "&#X41;", "&nbsp;", "&amp;amp;", "&", "#", ";", "&#", "&x;",
        "\u{FFFE}", "\u{FFFF}", "\u{0}", "\u{1B}", "\u{8}", "]]>", "<!--", "--", "-",
    ] + [0xFDD0, 0x1FFFE].map { String(Character(Unicode.Scalar($0)!)) }  // (Swift takes no literal of these)

    static func hostile(_ rng: inout SplitMix64, allowEmpty: Bool = false, from pieces: [String] = pieces) -> String {
        if allowEmpty && rng.chance(oneIn: 4) { return "" }
        var text = ""
        for _ in 0..<rng.within(1...6) { text += rng.pick(pieces) }
        return text
    }

    /// A name that is not empty once trimmed (the model rules need one).
    static func name(_ rng: inout SplitMix64, from pieces: [String] = pieces) -> String {
        let text = hostile(&rng, from: pieces)
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? text + "Naam" : text
    }

    /// A valid model: 1-4 business processes spread over the categories, each with 0-3 work
    /// processes with 0-2 steps; every text hostile; ids valid and unique; `next` only to
    /// processes in the model.
    static func randomModel(_ rng: inout SplitMix64, pieces: [String] = pieces) -> ProcessModel {
        var processes: [CoraProcess] = []
        let propertyNames = (0..<rng.within(0...2)).map { "Eigenschap \($0) " + hostile(&rng, from: pieces).filter { !$0.isNewline } }
        var counter = 0
        func make(level: ProcessLevel, category: ProcessCategory?, parent: String, order: Int, rng: inout SplitMix64) -> CoraProcess {
            counter += 1
            let id = "p\(counter)" + rng.pick(["", "-a", ".b", "_c", "-1.2"])
            return CoraProcess(
                id: id, code: rng.chance(oneIn: 2) ? "C\(counter)" + rng.pick(["", ".1", "-x"]) : "",
                name: name(&rng, from: pieces), level: level, category: category, parent: parent, order: order,
                owner: hostile(&rng, allowEmpty: true, from: pieces), function: level == .workProcess ? name(&rng, from: pieces) : "",
                services: (0..<rng.within(0...2)).map { _ in name(&rng, from: pieces) },
                events: (0..<rng.within(0...1)).map { _ in name(&rng, from: pieces) },
                applications: (0..<rng.within(0...2)).map { _ in name(&rng, from: pieces) }, next: [],
                status: hostile(&rng, allowEmpty: true, from: pieces), description: hostile(&rng, allowEmpty: true, from: pieces),
                properties: propertyNames.map { Property(name: $0, value: hostile(&rng, allowEmpty: true, from: pieces)) })
        }
        for bp in 0..<rng.within(1...4) {
            let category = rng.pick(ProcessCategory.allCases)
            let business = make(level: .businessProcess, category: category, parent: "", order: bp + 1, rng: &rng)
            processes.append(business)
            for wp in 0..<rng.within(0...3) {
                let work = make(level: .workProcess, category: category, parent: business.id, order: wp + 1, rng: &rng)
                processes.append(work)
                for step in 0..<rng.within(0...2) {
                    processes.append(make(level: .processStep, category: category, parent: work.id, order: step + 1, rng: &rng))
                }
            }
        }
        // A few `next` relations between processes of the same level.
        for index in processes.indices where rng.chance(oneIn: 3) {
            let peers = processes.filter { $0.level == processes[index].level && $0.id != processes[index].id }
            if !peers.isEmpty { processes[index].next = [rng.pick(peers).id] }
        }
        return ProcessModel(processes: processes, propertyNames: propertyNames)
    }

    static let seeds: [UInt64] = Array(1...25)

    // MARK: Markdown

    @Test("Markdown: cmark-gfm finds the expected headings, tables, rows and cells, and no HTML from the data", arguments: seeds)
    func markdown(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var model = Self.randomModel(&rng)
        // A marker per process in the last column: a cell that broke out of its column would push
        // it out of the row (GFM drops cells beyond the header's), so every row must end with its own.
        for index in model.processes.indices { model.processes[index].applications.append("marker\(index)x") }
        let markers = Dictionary(uniqueKeysWithValues: model.processes.enumerated().map { ($1.id, "marker\($0)x") })
        let titleText = Self.hostile(&rng)
        let markdown = MarkdownRenderer(title: titleText).render(model)
        // --unsafe lets raw HTML through, so any that came from the data would show.
        let html = try ExternalTool.run("cmark-gfm", Self.cmarkGFM, input: Array(markdown.utf8))
        #expect(html.status == 0, "seed \(seed): \(html.stderr)")
        let text = html.stdoutText
        let tree = ProcessTree(model)
        let businessProcesses = model.processes.filter { $0.level == .businessProcess }
        #expect(text.components(separatedBy: "<h1>").count - 1 == 1, "seed \(seed): one title\n\(markdown)")
        #expect(text.components(separatedBy: "<h3>").count - 1 == businessProcesses.count, "seed \(seed): a heading per business process\n\(markdown)")
        let tables = text.components(separatedBy: "<table>").dropFirst().map { $0.components(separatedBy: "</table>")[0] }
        // The document goes by category (sturend, primair, ondersteunend), then the tree's order.
        let categories: [ProcessCategory?] = ProcessCategory.allCases.map(Optional.some) + [nil]
        let expectedRows = categories.flatMap { tree.businessProcesses(in: $0) }.map { tree.descendants(of: $0.id).map(\.process.id) }
            .filter { !$0.isEmpty }
        #expect(tables.count == expectedRows.count, "seed \(seed): tables\n\(markdown)")
        for (table, rows) in zip(tables, expectedRows) {
            let bodyRows = Array(table.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "<tr>").dropFirst() ?? [])
            #expect(bodyRows.count == rows.count, "seed \(seed): rows\n\(table)")
            for (row, id) in zip(bodyRows, rows) {
                let cells = row.components(separatedBy: "<td").dropFirst()
                #expect(cells.count == 6, "seed \(seed): cells in \(row)\n\(markdown)")
                #expect(cells.last?.contains(markers[id]!) == true, "seed \(seed): a cell of \(id) left its column: \(row)\n\(markdown)")
            }
        }
        // Every table line of the Markdown itself has as many unescaped | as its header.
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            var pipes = 0, backslashes = 0
            for character in line {
                if character == "\\" { backslashes += 1; continue }
                if character == "|" && backslashes % 2 == 0 { pipes += 1 }
                backslashes = 0
            }
            #expect(pipes == (columns ?? pipes), "seed \(seed): \(line)")
            columns = columns ?? pipes
        }
        // No element the renderer did not write: no list, quote, code block, rule or link from the data.
        let allowed: Set<String> = ["h1", "h2", "h3", "p", "ul", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "br", "wbr"]
        let tags = Set(text.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)/).map { String($0.1).lowercased() })
        #expect(tags.isSubset(of: allowed), "seed \(seed): elements from the data: \(tags.subtracting(allowed))\n\(markdown)")
        #expect(!text.contains("<!--"), "seed \(seed): a comment from the data")
        #expect(text.components(separatedBy: "<h2>").count - 1 == markdown.split(separator: "\n").count { $0.hasPrefix("## ") },
                "seed \(seed): a heading from the data\n\(markdown)")
        let sectionsWithProcesses = Set(businessProcesses.map(\.category)).count
        #expect(text.components(separatedBy: "<ul>").count - 1 == 1 + sectionsWithProcesses, "seed \(seed): a list from the data\n\(markdown)")
        let links = text.components(separatedBy: "<a ").dropFirst()
        let tableOfContents = markdown.split(separator: "\n").count { $0.hasPrefix("- [") || $0.hasPrefix("  - [") }
        #expect(links.count == tableOfContents, "seed \(seed): a link from the data\n\(markdown)")
        #expect(links.allSatisfy { $0.hasPrefix("href=\"#") }, "seed \(seed): a link from the data\n\(markdown)")

        // Every text shows as it is (tags dropped, entities decoded, white space as a browser shows it).
        func visible(_ html: some StringProtocol) -> String { Self.visibleText(html) }
        func shown(_ text: String) -> String { Self.shownText(text) }
        let title = try #require(text.firstMatch(of: /<h1>(.*?)<\/h1>/.dotMatchesNewlines()))
        #expect(visible(title.1) == shown(titleText), "seed \(seed): title \(title.1) for \(titleText.debugDescription)")
        let linkTexts = Set(text.matches(of: /<a href="#[^"]*">(.*?)<\/a>/.dotMatchesNewlines()).map { visible($0.1) })
        let orderedBusinessProcesses = categories.flatMap { tree.businessProcesses(in: $0) }
        let sections = text.components(separatedBy: "<h3>").dropFirst().map { $0.components(separatedBy: "<h2>")[0] }
        #expect(sections.count == orderedBusinessProcesses.count, "seed \(seed)")
        for (section, process) in zip(sections, orderedBusinessProcesses) {
            let heading = section.components(separatedBy: "</h3>")[0]
            #expect(visible(heading) == shown(process.name), "seed \(seed): heading \(heading) for \(process.name.debugDescription)")
            #expect(linkTexts.contains(shown(process.name)), "seed \(seed): no link to \(process.name.debugDescription)")
            // The facts paragraph, then the description, then the table (or the note that there is none).
            let body = section.components(separatedBy: "</h3>").dropFirst().joined(separator: "</h3>")
            let facts = try #require(body.firstMatch(of: /<p>(.*?)<\/p>/.dotMatchesNewlines()))
            #expect(visible(facts.1).hasPrefix(shown("Bedrijfsproces " + process.code)), "seed \(seed): \(facts.1)")
            if !process.owner.isEmpty {
                #expect(visible(facts.1).contains(shown("Eigenaar: " + process.owner)), "seed \(seed): owner in \(facts.1)")
            }
            if !process.status.isEmpty {
                #expect(visible(facts.1).contains(shown("Status: " + process.status)), "seed \(seed): status in \(facts.1)")
            }
            var description = String(body[facts.range.upperBound...].components(separatedBy: "<table>")[0])
            if tree.descendants(of: process.id).isEmpty, let note = description.ranges(of: "<p>").last {
                description = String(description[..<note.lowerBound])
            }
            #expect(visible(description) == shown(process.description),
                    "seed \(seed): description \(description) for \(process.description.debugDescription)\n\(markdown)")
        }
        for (table, businessProcess) in zip(tables, categories.flatMap { tree.businessProcesses(in: $0) }.filter { !tree.descendants(of: $0.id).isEmpty }) {
            let bodyRows = Array(table.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "<tr>").dropFirst() ?? [])
            for (row, entry) in zip(bodyRows, tree.descendants(of: businessProcess.id)) {
                let cells = row.matches(of: /<td>(.*?)<\/td>/.dotMatchesNewlines()).map { visible($0.1) }
                let process = entry.process
                let note = process.level == .processStep ? " (processtap)" : ""
                let expected = [process.code, MarkdownRenderer.indent(depth: entry.depth) + process.name + note, process.owner, process.function,
                                process.services.joined(separator: ", "), process.applications.joined(separator: ", ")].map(shown)
                #expect(cells == expected, "seed \(seed): the row of \(process.id) shows \(cells), not \(expected)")
            }
        }
    }

    /// cmark-gfm as GitHub renders: its extensions, raw HTML let through (so any from the data would show).
    static let cmarkGFM = ["--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "tagfilter"]

    /// The text a browser shows for `html` (as cmark-gfm writes it): elements dropped (`<br>` a
    /// space), `&lt;` `&gt;` `&quot;` `&amp;` decoded, runs of white space one space, trimmed.
    static func visibleText(_ html: some StringProtocol) -> String {
        var text = String(html).replacing(/<br ?\/?>/, with: " ").replacing(/<[^>]*>/, with: "")
        text = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return shownText(text)
    }

    /// `text` as a browser shows it: runs of white space (space, tab, line breaks) one space, trimmed.
    static func shownText(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if [" ", "\t", "\n", "\r", "\u{0C}"].contains(scalar) {
                space = !result.isEmpty
                continue
            }
            if space { result.append(" ") }
            space = false
            result.append(scalar)
        }
        return String(result)
    }

    // MARK: DOT

    /// The nodes each view draws, by the rules of ``DOTRenderer``: the landscape and the full view
    /// are one table; a process diagram has a card per work process (its steps are cells of it),
    /// or one node saying there are none.
    static func expectedNodes(_ model: ProcessModel, view: DOTRenderer.View) -> Int {
        let tree = ProcessTree(model)
        switch view {
        case .landscape, .full, .each:
            return 1
        case .process(let id):
            let work = tree.children(of: id)
            return work.isEmpty ? 1 : work.count
        case .pdca:
            // A box per process with a phase or a relation to a process of the model, and (when
            // there is any) per primary business process; else one note.
            var taking = Set<String>()
            let uses = model.usesPDCA
            for process in model.processes {
                if uses && process.level == .businessProcess && process.category == .primary { taking.insert(process.id) }
                if process.pdcaPhase != nil { taking.insert(process.id) }
                for target in process.steers + process.reportsTo where tree.process(target) != nil {
                    taking.insert(process.id)
                    taking.insert(target)
                }
            }
            return max(1, taking.count)
        }
    }

    @Test("DOT: Graphviz reads every view without an error and draws exactly the expected nodes; its SVG is well-formed XML (xmllint) and shows every name as it is",
          arguments: seeds)
    func dot(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let model = Self.randomModel(&rng, pieces: Self.dotPieces)
        let title = Self.hostile(&rng, from: Self.dotPieces)
        let renderer = DOTRenderer(title: title)
        let views: [DOTRenderer.View] = [.landscape, .full, .pdca] + model.processes.filter { $0.level == .businessProcess }.map { .process($0.id) }
        for view in views {
            let text = try renderer.render(model, view: view)
            let plain = try ExternalTool.run("dot", ["-Tplain"], input: Array(text.utf8))
            #expect(plain.status == 0 && plain.stderr.isEmpty, "seed \(seed), \(view): \(plain.stderr)\n\(text)")
            let nodes = plain.stdoutText.split(separator: "\n").count { $0.hasPrefix("node ") }
            #expect(nodes == Self.expectedNodes(model, view: view), "seed \(seed), \(view): \(nodes) nodes\n\(text)")
            let svg = try ExternalTool.run("dot", ["-Tsvg"], input: Array(text.utf8))
            #expect(svg.status == 0 && svg.stderr.isEmpty, "seed \(seed), \(view): \(svg.stderr)")
            let xml = try ExternalTool.run("xmllint", ["--noout", "--nonet", "-"], input: svg.stdout)
            #expect(xml.status == 0 && xml.stderr.isEmpty, "seed \(seed), \(view): the SVG is not well-formed XML: \(xml.stderr)\n\(text)")
            guard view == .landscape, xml.status == 0 else { continue }
            // Every business process's box shows its name as it is (wrapped, perhaps cut with …).
            let drawn = try Self.cellTexts(svg.stdout)
            for process in model.processes where process.level == .businessProcess {
                var shown = drawn["a_p-" + process.id] ?? []
                let code = Self.lines(process.code).joined(separator: " ").split(separator: " ").joined(separator: " ")
                if !code.isEmpty, let first = shown.first, first.split(separator: " ").joined(separator: " ") == code || code.hasPrefix(first.replacingOccurrences(of: "…", with: "")) {
                    shown.removeFirst()
                }
                let words = Self.lines(process.name).joined(separator: " ").split(separator: " ").joined(separator: " ")
                var seen = shown.joined(separator: " ").split(separator: " ").joined(separator: " ")
                // What follows it, when it is followed, is said after its name: `→ C2`.
                if !process.next.isEmpty, let arrow = seen.range(of: "→ ", options: .backwards) {
                    seen = String(seen[..<arrow.lowerBound]).trimmingCharacters(in: .whitespaces)
                }
                if seen.hasSuffix("…") { seen = String(seen.dropLast()).trimmingCharacters(in: .whitespaces) }
                #expect(!seen.isEmpty || words.isEmpty, "seed \(seed): \(process.name.debugDescription) not drawn: \(shown), code \(process.code.debugDescription), id \(process.id), keys \(drawn.keys.sorted().prefix(12)) \(String(decoding: svg.stdout, as: UTF8.self).components(separatedBy: "<g id=").prefix(6).map { $0.prefix(60) })")
                #expect(words.hasPrefix(seen) || words.replacingOccurrences(of: " ", with: "").hasPrefix(seen.replacingOccurrences(of: " ", with: "")),
                        "seed \(seed): \(process.name.debugDescription) drawn as \(shown.debugDescription)")
            }
        }
    }

    /// The text lines of each linked table cell of an SVG, by the id of its group (`a_p-<id>`),
    /// as XML reads them, no-break spaces as spaces.
    static func cellTexts(_ svg: [UInt8]) throws -> [String: [String]] {
        let document = try XMLDocument(data: Data(svg), options: [])
        var texts: [String: [String]] = [:]
        for node in try document.nodes(forXPath: "//*[local-name()='g']") {
            guard let id = try node.nodes(forXPath: "@id").first?.stringValue, id.hasPrefix("a_p-") else { continue }
            texts[id] = try node.nodes(forXPath: ".//*[local-name()='text']").compactMap(\.stringValue).filter { !$0.isEmpty }
                .map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
        }
        return texts
    }

    /// The lines Graphviz draws for `label`: broken at every line break, control characters as
    /// spaces, U+FFFE and U+FFFF as U+FFFD, empty lines left out (and no-break spaces as spaces:
    /// Graphviz writes the second space of a run as one, see ``nodeTexts(_:)``).
    static func lines(_ label: String) -> [String] {
        label.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map { line in
            String(String.UnicodeScalarView(line.unicodeScalars.map { scalar -> Unicode.Scalar in
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{A0}" { return " " }
                return scalar == "\u{FFFE}" || scalar == "\u{FFFF}" ? "\u{FFFD}" : scalar
            }))
        }.filter { !$0.isEmpty }
    }

    /// The text lines of each node of an SVG, by the node's title (its DOT ID), as XML reads them,
    /// no-break spaces as spaces.
    static func nodeTexts(_ svg: [UInt8]) throws -> [String: [String]] {
        let document = try XMLDocument(data: Data(svg), options: [])
        var texts: [String: [String]] = [:]
        for node in try document.nodes(forXPath: "//*[local-name()='g'][@class='node']") {
            guard let title = try node.nodes(forXPath: "*[local-name()='title']").first?.stringValue else { continue }
            texts[title] = try node.nodes(forXPath: ".//*[local-name()='text']").compactMap(\.stringValue).filter { !$0.isEmpty }
                .map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
        }
        return texts
    }

    // MARK: Archi

    @Test("Archi: export → import gives the same processes (line breaks and tabs in names and property values made spaces)", arguments: seeds)
    func archiRoundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let model = Self.randomModel(&rng)
        let delimiter = rng.pick([UInt8(ascii: ","), UInt8(ascii: ";"), 0x09])
        let export = ArchiExportRenderer(delimiter: delimiter, title: Self.hostile(&rng)).render(model)
        let back = try importArchiExport(export)
        #expect(back.errorCount == 0, "seed \(seed): \(back.diagnostics)")
        var expected = model.processes
        for index in expected.indices {
            let normalise = ArchiCSVReader.normalise
            expected[index].name = normalise(expected[index].name)
            expected[index].code = normalise(expected[index].code)
            expected[index].owner = normalise(expected[index].owner)
            expected[index].status = normalise(expected[index].status)
            expected[index].function = normalise(expected[index].function)
            expected[index].services = expected[index].services.map(normalise)
            expected[index].events = expected[index].events.map(normalise)
            expected[index].applications = expected[index].applications.map(normalise)
            expected[index].properties = expected[index].properties.map { Property(name: normalise($0.name), value: normalise($0.value)) }
        }
        let actual = withoutSources(back.model.processes)
        #expect(actual.count == expected.count, "seed \(seed)")
        for (was, now) in zip(expected, actual) where was != now {
            Issue.record("seed \(seed): \(was.id) differs:\n\(was)\n\(now)")
            break
        }
        // What came back is what Archi holds: exporting and importing it again changes nothing.
        let second = ArchiExportRenderer(delimiter: delimiter).render(back.model)
        let third = try importArchiExport(second)
        #expect(ArchiExportRenderer(delimiter: delimiter).render(third.model) == second, "seed \(seed)")
        #expect(withoutSources(third.model.processes) == actual, "seed \(seed)")
    }
}

/// Runs cmark-gfm or dot (installed by `make test`, scripts/setup.sh --test).
enum ExternalTool {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func run(_ name: String, _ arguments: [String], input: [UInt8]) throws -> Result {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        let executable = try #require(path, "\(name) is not installed; `make test` installs it (scripts/setup.sh --test)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cora-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("in"), outURL = directory.appendingPathComponent("out")
        let errURL = directory.appendingPathComponent("err")
        try Data(input).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let inHandle = try FileHandle(forReadingFrom: inURL), outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? inHandle.close(); try? outHandle.close(); try? errHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: Array(try Data(contentsOf: outURL)),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Draws from the SplitMix64 of CanonicalRoundTripTests.swift.
extension SplitMix64 {
    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// An element of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// `true` with probability `1 / oneIn`.
    mutating func chance(oneIn: Int) -> Bool { below(oneIn) == 0 }
}
