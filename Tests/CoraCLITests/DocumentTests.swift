import Foundation
import Testing

/// Markdown and Graphviz output: golden files for every view, Graphviz `dot` accepting every DOT
/// output, and cmark-gfm rendering the Markdown with the expected tables and no HTML from the data.
@Suite("Documents and diagrams")
struct DocumentTests {
    /// One document: the command's arguments after the input, and its golden file.
    struct Document: CustomTestStringConvertible, Sendable {
        var golden: String
        var input: String
        var arguments: [String]
        var testDescription: String { golden }
    }

    static let sample = "Samples/woonstad-waterland.csv"
    static let hostile = "Samples/edge-cases/vreemde-tekens.csv"

    static let documents = [
        Document(golden: "woonstad-waterland.md", input: sample, arguments: ["--to", "md"]),
        Document(golden: "woonstad-waterland.en.md", input: sample, arguments: ["--to", "md", "--lang", "en"]),
        Document(golden: "woonstad-waterland.landscape.dot", input: sample, arguments: ["--to", "dot"]),
        Document(golden: "woonstad-waterland.process-ww-p03.dot", input: sample, arguments: ["--to", "dot", "--view", "process:ww-p03"]),
        Document(golden: "woonstad-waterland.full.dot", input: sample, arguments: ["--to", "dot", "--view", "full"]),
        Document(golden: "vreemde-tekens.md", input: hostile, arguments: ["--to", "md"]),
        Document(golden: "vreemde-tekens.landscape.dot", input: hostile, arguments: ["--to", "dot"]),
        Document(golden: "vreemde-tekens.process-x-p1.dot", input: hostile, arguments: ["--to", "dot", "--view", "process:x-p1"]),
        Document(golden: "vreemde-tekens.full.dot", input: hostile, arguments: ["--to", "dot", "--view", "full", "--lang", "en"]),
    ]

    @Test("each document equals its golden file", arguments: documents)
    func golden(_ document: Document) throws {
        let run = try CoraCLI.run(["convert", document.input] + document.arguments, in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        let golden = SampleGoldenTests.goldenDirectory.appendingPathComponent(document.golden)
        if SampleGoldenTests.recording {
            try Data(run.stdout).write(to: golden)
            Issue.record("recorded \(document.golden); rerun without CORA_RECORD_GOLDEN")
            return
        }
        let expected = try bytes(of: golden)
        if run.stdout != expected {
            let diff = try SampleGoldenTests.unifiedDiff(expected: expected, actual: run.stdout, name: document.golden)
            Issue.record("\(document.golden) differs:\n\(diff)")
        }
    }

    @Test("Graphviz dot accepts every DOT output", arguments: documents.filter { $0.golden.hasSuffix(".dot") })
    func dotAccepts(_ document: Document) throws {
        let run = try CoraCLI.run(["convert", document.input] + document.arguments, in: CoraCLI.packageRoot)
        let svg = try Tool.run("dot", ["-Tsvg"], input: run.stdout)
        #expect(svg.status == 0, "dot refused \(document.golden): \(svg.stderr)")
        #expect(svg.stderr.isEmpty, "dot warned about \(document.golden): \(svg.stderr)")
        #expect(svg.stdoutText.contains("</svg>"))
    }

    @Test("in DOT, labels escape backslash first, then quotes and the HTML-like label's markup; node IDs are process ids")
    func dotEscaping() throws {
        let run = try CoraCLI.run(["convert", Self.hostile, "--to", "dot", "--view", "process:x-s1"], in: CoraCLI.packageRoot)
        let text = run.stdoutText
        #expect(text.contains(#"<B>S1 Bepalen &quot;visie&quot; \\ strategie</B>"#), "\(text)")
        #expect(text.contains(#"levert: Visie, Koers \\N</FONT>"#), "\(text)")
        #expect(text.contains(#"<B>Opstellen {woonvisie} |<BR ALIGN="LEFT"/>deel 1</B>"#), "\(text)")
        #expect(text.contains(#"Eigenaar: Manager &lt;Strategie&gt;&#10;Bedrijfsfunctie: Besturing&#10;Beschrijving: Tekst met &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; erin""#), "\(text)")
        #expect(!text.contains("<Strategie>") && !text.contains("<script>alert(\\\"x"))
        // Every node statement starts with a quoted id made from a process id.
        let nodeLines = text.split(separator: "\n").filter { $0.wholeMatch(of: /\s*"[^"]*" \[.*/) != nil }
        #expect(nodeLines.count == 2)
        for line in nodeLines {
            #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("\"x-"), "\(line)")
        }
    }

    @Test("cmark-gfm renders the Markdown of hostile names with the expected tables and rows, and no HTML from the data")
    func markdownRendersSafely() throws {
        let run = try CoraCLI.run(["convert", Self.hostile, "--to", "md"], in: CoraCLI.packageRoot)
        // --unsafe lets raw HTML through: the test shows the Markdown itself holds none from the data.
        // GitHub's extensions: a URL in the data would be a link (autolink).
        let html = try Tool.run("cmark-gfm", ["--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "tagfilter"],
                                input: run.stdout)
        #expect(html.status == 0, "\(html.stderr)")
        let text = html.stdoutText
        // Three business processes, each with a table of its work processes (2, 3+2 steps... rows), plus the validation table.
        let tables = text.components(separatedBy: "<table>").dropFirst().map { $0.components(separatedBy: "</table>")[0] }
        #expect(tables.count == 4, "\(text)")
        let bodyRows = tables.map { $0.components(separatedBy: "<tr>").count - 2 }
        #expect(Array(bodyRows.prefix(3)) == [2, 4, 2], "\(bodyRows)")
        for table in tables {
            for row in table.components(separatedBy: "<tr>").dropFirst() {
                #expect(row.components(separatedBy: "<td").count - 1 == 0 || row.components(separatedBy: "<td").count - 1 == 6
                        || table.contains("<th>Fouten</th>"), "a row with the wrong number of cells: \(row)")
            }
        }
        // Only the elements the renderer writes itself; the data's <script>, <img>, <b> stay text.
        let allowed: Set<String> = ["h1", "h2", "h3", "p", "ul", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "br", "wbr", "code"]
        let tags = Set(text.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)/).map { String($0.1).lowercased() })
        #expect(tags.isSubset(of: allowed), "unexpected elements: \(tags.subtracting(allowed))")
        #expect(text.contains("&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;"), "\(text)")
        #expect(text.contains("&lt;img src=y onerror=alert(2)&gt; &amp; &amp;amp; &amp;lt;"), "\(text)")
        #expect(text.contains("Teamleider &lt;b&gt;Verhuur&lt;/b&gt;"), "\(text)")
        #expect(text.contains("<td>Manager &lt;Strategie&gt;</td>"), "\(text)")
        #expect(text.contains("<p>**vet** _schuin_ `code` [link](http://example.org) ![img](x.png)</p>"), "\(text)")
        #expect(!text.contains("<em>") && !text.contains("<strong>") && !text.contains("<h1># geen kop"))
        #expect(text.contains("<td>Verhuren eenheid<br>met een regelafbreking</td>"), "\(text)")
    }

    @Test("every link of the table of contents points at a heading's GitHub anchor")
    func anchorsWork() throws {
        for input in [Self.sample, Self.hostile] {
            let run = try CoraCLI.run(["convert", input, "--to", "md"], in: CoraCLI.packageRoot)
            let markdown = run.stdoutText
            let links = markdown.matches(of: /\]\(#([^)]+)\)/).map { String($0.1) }
            #expect(links.count > 5)
            // GitHub's anchors: lower case, punctuation other than - and _ dropped, spaces as -,
            // repeated anchors numbered -1, -2, …
            var anchors: [String: Int] = [:]
            var available = Set<String>()
            for heading in markdown.split(separator: "\n") where heading.hasPrefix("#") {
                let text = heading.drop { $0 == "#" }.dropFirst()
                let unescaped = String(text).replacingOccurrences(of: "\\", with: "")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
                var slug = ""
                for character in unescaped.lowercased() {
                    if character == " " { slug.append("-") } else if character == "-" || character == "_" || character.isLetter || character.isNumber { slug.append(character) }
                }
                if let count = anchors[slug] { anchors[slug] = count + 1; available.insert("\(slug)-\(count + 1)") } else { anchors[slug] = 0; available.insert(slug) }
            }
            for link in links { #expect(available.contains(link), "\(input): no heading for #\(link)") }
        }
    }

    @Test("--view process: with an unknown id exits 2 and names the id")
    func unknownProcess() throws {
        let run = try CoraCLI.run(["convert", Self.sample, "--to", "dot", "--view", "process:nope"], in: CoraCLI.packageRoot)
        #expect(run.status == 2)
        #expect(run.stderrText.contains("no process with id or code \"nope\""), "\(run)")
        #expect(try CoraCLI.run(["convert", Self.sample, "--to", "dot", "--view", "sideways"], in: CoraCLI.packageRoot).status == 64)
    }

    @Test("svg and png are drawn by Graphviz; without dot the message says how to install it")
    func drawing() throws {
        let svg = try CoraCLI.run(["convert", Self.sample, "--to", "svg"], in: CoraCLI.packageRoot)
        #expect(svg.status == 0)
        #expect(svg.stdoutText.contains("<svg") && svg.stdoutText.contains("Primaire processen"))
        let png = try CoraCLI.run(["convert", Self.sample, "--to", "png", "--view", "process:P03"], in: CoraCLI.packageRoot)
        #expect(Array(png.stdout.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let missing = try CoraCLI.run(["convert", Self.sample, "--to", "svg"], in: CoraCLI.packageRoot, environment: ["CORA_DOT": "/nonexistent/dot"])
        #expect(missing.status == 2)
        #expect(missing.stderrText.contains("sudo apt-get install graphviz"))
    }
}

/// Runs a helper program (dot, cmark-gfm) found on PATH.
enum Tool {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func run(_ name: String, _ arguments: [String], input: [UInt8]) throws -> Result {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            throw ToolMissing(message: "\(name) is not installed; `make test` installs it (scripts/setup.sh --test)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cora-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("in"), outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
        try Data(input).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let inHandle = try FileHandle(forReadingFrom: inURL), outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? inHandle.close(); try? outHandle.close(); try? errHandle.close() }
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: Array(try Data(contentsOf: outURL)),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    struct ToolMissing: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
