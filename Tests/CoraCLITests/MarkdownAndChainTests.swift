import Foundation
import Testing

/// Issue 13, items 14 and 17: text from the data stays text in Markdown, and deep chains (a parent
/// column, Archi aggregations, relations on relations) cost time and output in proportion to their
/// length. The long cases run under a time limit a linear run stays far below and a quadratic one
/// (minutes: measured before the fix) does not; they also check what was written, exactly.
@Suite("Markdown and deep chains")
struct MarkdownAndChainTests {
    // MARK: Helpers

    /// A canonical row (layout 2, 19 cells): id, name, level, category and parent; the rest empty.
    static func row(_ id: String, _ name: String, level: String = "", category: String = "", parent: String = "",
                    owner: String = "", description: String = "") -> String {
        [id, "", name, level, category, parent, "", owner, "", "", "", "", "", "", description, "", "", "", ""]
            .map(Self.quoted).joined(separator: ",")
    }

    static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// A parent chain of `count` rows, `p1` at the top (a business process when `top` is given).
    static func chain(_ count: Int, top: String = "", category: String = "") -> String {
        Canonical.header + "\n" + (1...count).map { index in
            row("p\(index)", "Stap \(index)", level: index == 1 ? top : "", category: category,
                parent: index == 1 ? "" : "p\(index - 1)")
        }.joined(separator: "\n") + "\n"
    }

    /// An Archi CSV set as Archi writes it (every field quoted), in `folder` of `scratch`.
    struct ArchiSet {
        var elements: [[String]] = []
        var relations: [[String]] = []
        var properties: [[String]] = []

        static func line(_ fields: [String]) -> String {
            fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }

        func write(to scratch: Scratch, folder: String) throws {
            try scratch.folder(folder)
            let files: [(String, [String], [[String]])] = [
                ("elements.csv", ["ID", "Type", "Name", "Documentation", "Specialization"], elements),
                ("relations.csv", ["ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization"], relations),
                ("properties.csv", ["ID", "Key", "Value"], properties),
            ]
            for (name, header, rows) in files {
                try scratch.write("\(folder)/\(name)", ([header] + rows).map(Self.line).joined(separator: "\r\n"))
            }
        }
    }

    /// cmark-gfm with GitHub's extensions, raw HTML let through (so any from the data would show).
    static func gfm(_ markdown: [UInt8]) throws -> String {
        let html = try Tool.run("cmark-gfm", ["--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "tagfilter"],
                                input: markdown)
        #expect(html.status == 0, "\(html.stderr)")
        return html.stdoutText
    }

    /// What a browser shows of `html`: elements dropped (`<br>` a space), entities decoded, white space collapsed.
    static func visible(_ html: some StringProtocol) -> String {
        var text = String(html).replacing(/<br ?\/?>/, with: " ").replacing(/<[^>]*>/, with: "")
        text = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }

    // MARK: 14. Text from the data is text

    @Test("--to md: URLs, www., e-mail addresses and block starts in titles, names, owners, descriptions and cells stay text under GFM")
    func markdownDataIsText() throws {
        let descriptions = [
            "Zie https://example.com/handboek of www.voorbeeld.nl.", "    vier spaties: geen code", "  # geen kop", "> geen citaat",
            "1) geen lijst", "+ geen lijst", "***", "---", "===", "\tmet een tab", "Mail info@example.com of HTTP://X.NL",
        ]
        var rows = [Self.row("bp", "Verhuren eenheden www.x.nl #", level: "business-process", category: "primary",
                             owner: "team@corporatie.nl", description: "  - geen lijst, mail a.b@c.nl")]
        for (index, description) in descriptions.enumerated() {
            rows.append(Self.row("bp\(index)", "Bepalen \(index) via http://intranet.local/p", level: "business-process", category: "primary",
                                 description: description))
            rows.append(Self.row("wp\(index)", "Opstellen mail@x.nl", level: "work-process", category: "primary", parent: "bp\(index)",
                                 owner: "www.owner.nl"))
        }
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.header + "\n" + rows.joined(separator: "\n") + "\n")
        let run = try scratch.cora("convert", "in.csv", "--to", "md", "--title", "   Procesmodel op https://wiki.nl #")
        #expect(run.status == 0, "\(run)")
        let html = try Self.gfm(run.stdout)
        // Links: only the table of contents, to anchors; no list, quote, code block or rule from the data.
        let links = html.components(separatedBy: "<a ").dropFirst()
        #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("href=\"#") }, "\(html)")
        for element in ["<pre", "<code", "<blockquote", "<ol", "<hr", "<h4", "<em", "<strong", "<del"] {
            #expect(!html.contains(element), "\(element) from the data:\n\(html)")
        }
        #expect(html.components(separatedBy: "<ul>").count - 1 == 2, "lists: the table of contents and its one section\n\(html)")
        #expect(html.contains("<h1>   Procesmodel op https://wiki.nl #</h1>"), "\(html)")
        #expect(html.contains("<h3>Verhuren eenheden www.x.nl #</h3>"), "\(html)")
        #expect(html.contains("<td>Opstellen mail<wbr>@x.nl</td>"), "\(html)")
        #expect(html.contains("<td>www.owner.nl</td>"), "\(html)")
        #expect(html.contains("Eigenaar: team<wbr>@corporatie.nl"), "\(html)")
        // Each description is its own paragraph, shown as written.
        let paragraphs = html.matches(of: /<p>(.*?)<\/p>/.dotMatchesNewlines()).map { Self.visible($0.1) }
        for description in ["  - geen lijst, mail a.b@c.nl"] + descriptions {
            #expect(paragraphs.contains(Self.visible(description)), "\(description.debugDescription) not shown as written:\n\(html)")
        }
    }

    // MARK: 17. Markdown of deep chains

    @Test("--to md of a 20,000-deep chain under a business process: a row per level, the indentation capped (↳×N), 1 MB instead of 800 MB",
          .hangGuard)
    func markdownOfADeepChain() throws {
        let scratch = try Scratch()
        try scratch.write("deep.csv", Self.chain(20_000, top: "business-process", category: "primary"))
        let run = try scratch.cora("convert", "deep.csv", "--to", "md", "--max-depth", "100000")
        #expect(run.status == 0, "\(run.stderrText)")
        // One `↳ ` per level up to eight, then the number of levels: a few bytes per row.
        #expect(run.stdout.count < 1_200_000, "\(run.stdout.count) bytes")
        let lines = run.stdoutText.split(separator: "\n")
        let rows = lines.filter { $0.hasPrefix("|  | ") && $0.contains("Stap ") }
        #expect(rows.count == 19_999)
        #expect(rows.first == "|  | Stap 2 |  |  |  |  |")
        #expect(rows[1] == "|  | ↳ Stap 3 (proces) |  |  |  |  |")
        #expect(rows[8] == "|  | ↳ ↳ ↳ ↳ ↳ ↳ ↳ ↳ Stap 10 (proces) |  |  |  |  |")
        #expect(rows[9] == "|  | ↳×9 Stap 11 (proces) |  |  |  |  |")
        #expect(rows.last == "|  | ↳×19998 Stap 20000 (proces) |  |  |  |  |")
    }

    @Test("--to md of a 20,000-deep chain without levels: the table of other processes in seconds (each row walked its chain to the top: minutes)",
          .hangGuard)
    func markdownOfALevellessChain() throws {
        let scratch = try Scratch()
        try scratch.write("deep.csv", Self.chain(20_000))
        let run = try scratch.cora("convert", "deep.csv", "--to", "md", "--max-depth", "100000")
        #expect(run.status == 0, "\(run.stderrText)")
        let rows = run.stdoutText.split(separator: "\n").filter { $0.hasPrefix("|  | Stap ") }
        #expect(rows.count == 20_000)
        #expect(rows.first == "|  | Stap 1 (proces) |  |  |")
        #expect(rows.last == "|  | Stap 20000 (proces) |  |  |")
    }

    @Test("--to md: a business process below another (through a process without a level) is a row of the other's table; its rows are in its own section only")
    func nestedBusinessProcesses() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.header + "\n" + [
            Self.row("a", "Verhuren eenheden", level: "business-process", category: "primary"),
            Self.row("x", "Tussenlaag", parent: "a"),
            Self.row("b", "Innen huur", level: "business-process", category: "primary", parent: "x"),
            Self.row("y", "Sturen herinnering", parent: "b"),
        ].joined(separator: "\n") + "\n")
        let run = try scratch.cora("convert", "in.csv", "--to", "md")
        #expect(run.status == 0, "\(run)")
        let text = run.stdoutText
        let sectionA = try #require(text.components(separatedBy: "### Verhuren eenheden\n").dropFirst().first?.components(separatedBy: "### ").first)
        let sectionB = try #require(text.components(separatedBy: "### Innen huur\n").dropFirst().first?.components(separatedBy: "## ").first)
        #expect(sectionA.contains("|  | Tussenlaag |") && sectionA.contains("|  | ↳ Innen huur (bedrijfsproces) |"), "\(sectionA)")
        #expect(!sectionA.contains("Sturen herinnering"), "\(sectionA)")
        #expect(sectionB.contains("|  | Sturen herinnering |"), "\(sectionB)")
    }

    // MARK: 17. Archi: deep chains and relations on relations

    @Test("an Archi chain of 20,000 aggregations: nesting-too-deep below --max-depth, as for a table; raised, every process converts and exports in seconds",
          .hangGuard)
    func archiDeepChain() throws {
        let count = 20_000
        var set = ArchiSet()
        set.elements = [["g", "Grouping", "Primaire processen", "", ""]]
            + (1...count).map { ["e\($0)", "BusinessProcess", "Stap \($0)", "", ""] }
        set.relations = [["rg", "AggregationRelationship", "", "", "g", "e1", ""]]
            + (2...count).map { ["r\($0)", $0.isMultiple(of: 2) ? "CompositionRelationship" : "AggregationRelationship", "", "", "e\($0 - 1)", "e\($0)", ""] }
        // No level property value: a level from the nesting would make every step below a step invalid-nesting.
        set.properties = (1...count).map { ["e\($0)", "CORA-concepttype", ""] }
        let scratch = try Scratch()
        try set.write(to: scratch, folder: "deep")

        let limited = try scratch.cora("convert", "deep", "--mapping", "archi")
        #expect(limited.status == 1, "\(limited.stderrText.prefix(2_000))")
        let tooDeep = limited.stderrLines.filter { $0.hasSuffix("[nesting-too-deep]") }
        #expect(tooDeep.count == 20)
        #expect(limited.stderrLines.contains("… and \(count - 64 - 20) more [nesting-too-deep]; --report FILE lists all of them"))
        #expect(tooDeep.first?.hasPrefix("deep/elements.csv:67: error: the process is nested 65 levels deep, more than the limit of 64") == true,
                "\(tooDeep.first ?? "")")
        #expect(limited.stdoutText.split(separator: "\n").count == 1 + 64)

        let raised = try scratch.cora("convert", "deep", "--mapping", "archi", "--max-depth", "100000", "--to", "archi", "-o", "out")
        #expect(raised.status == 0, "\(raised.stderrText.prefix(2_000))")
        let relations = String(decoding: try scratch.read("out/relations.csv"), as: UTF8.self).split(separator: "\r\n")
        #expect(relations.count == 1 + count, "one aggregation from the grouping, one per parent")
        #expect(relations.last == "\"r\(count)\",\"CompositionRelationship\",\"\",\"\",\"e\(count - 1)\",\"e\(count)\",\"\"")
    }

    @Test("--to archi of a 50,000-deep chain whose every process has a category: seconds (each process looked its parent up in the whole model: minutes)",
          .hangGuard)
    func archiExportOfADeepChain() throws {
        let count = 50_000
        let scratch = try Scratch()
        try scratch.write("deep.csv", Self.chain(count, category: "primary"))
        let run = try scratch.cora("convert", "deep.csv", "--max-depth", "100000", "--to", "archi", "-o", "out")
        #expect(run.status == 0, "\(run.stderrText.prefix(2_000))")
        let relations = String(decoding: try scratch.read("out/relations.csv"), as: UTF8.self).split(separator: "\r\n")
        // The grouping holds the top process only: every other one has its parent's category.
        #expect(relations.count == 1 + 1 + (count - 1))
        #expect(relations[1].hasPrefix("\"aggregation-grouping-primary-p1\",\"AggregationRelationship\",\"\",\"\",\"grouping-primary\",\"p1\""),
                "\(relations[1])")
        #expect(relations.filter { $0.contains("\"grouping-primary\"") }.count == 1)
    }

    @Test("an Archi set of 20,000 relations each on the next, the last on a missing end: every one refused, in seconds (one pass per relation: minutes)",
          .hangGuard)
    func archiRelationsOnRelations() throws {
        let count = 20_000
        var set = ArchiSet()
        set.elements = [["o", "BusinessObject", "Huurcontract", "", ""]]
        set.relations = (1...count).map { ["r\($0)", "AssociationRelationship", "", "", $0 == count ? "gone" : "r\($0 + 1)", "o", ""] }
        let scratch = try Scratch()
        try set.write(to: scratch, folder: "set")
        let run = try scratch.cora("convert", "set", "--mapping", "archi", "--to", "archi", "-o", "out")
        #expect(run.status == 1, "\(run.stderrText.prefix(2_000))")
        let missing = run.stderrLines.filter { $0.hasSuffix("[archi-missing-end]") }
        #expect(missing.count == 20)
        #expect(run.stderrLines.contains("… and \(count - 20) more [archi-missing-end]; --report FILE lists all of them"))
        #expect(missing.first == "set/relations.csv:2:5: error: the source \"r2\" is no element or relation of this set (column \"Source\") [archi-missing-end]")
        #expect(missing.last == "set/relations.csv:21:5: error: the source \"r21\" is no element or relation of this set (column \"Source\") [archi-missing-end]")
        let relations = String(decoding: try scratch.read("out/relations.csv"), as: UTF8.self).split(separator: "\r\n")
        #expect(relations.count == 1, "the header alone: \(relations.prefix(3))")
    }
}
