import Foundation
import FoundationXML
import Testing

/// The handbook (`--to html`, issue 18) as a reader gets it: written by the built `cora`, opened in
/// headless Chromium from a file with no network, and checked in the DOM the browser holds after the
/// page's script ran, on its console and in its network log.
@Suite("The handbook in a real browser")
struct HandbookBrowserTests {
    /// The date every handbook here carries (14 November 2023).
    static let environment = ["SOURCE_DATE_EPOCH": "1700000000"]
    static let sturing = CoraCLI.packageRoot.appendingPathComponent("Samples/sturing/woonstad-waterland-sturing.csv")
    static let withFindings = CoraCLI.packageRoot.appendingPathComponent("Samples/inventaris.csv")
    static let strangeCharacters = CoraCLI.packageRoot.appendingPathComponent("Samples/edge-cases/vreemde-tekens.csv")

    // MARK: Helpers

    /// Writes the handbook of `input` into `scratch` as `name` and returns its file.
    static func handbook(of input: URL, _ extra: [String] = [], named name: String = "handbook.html", in scratch: Scratch,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let output = scratch.url.appendingPathComponent(name)
        let run = try CoraCLI.run(["convert", input.path, "--to", "html", "-o", output.path] + extra, in: scratch.url,
                                  environment: environment)
        #expect(FileManager.default.fileExists(atPath: output.path), "\(run)", sourceLocation: sourceLocation)
        return output
    }

    /// The nodes `xpath` selects.
    static func nodes(_ document: XMLDocument, _ xpath: String) throws -> [XMLNode] {
        try document.nodes(forXPath: xpath)
    }

    /// The string values of the nodes `xpath` selects (attribute values, or elements' text content).
    static func strings(_ document: XMLDocument, _ xpath: String) throws -> [String] {
        try nodes(document, xpath).map { $0.stringValue ?? "" }
    }

    /// `//details[class ~= bp]`: the business processes' sections.
    static let businessProcesses = "//details[contains(concat(' ', normalize-space(@class), ' '), ' bp ')]"

    /// The ids of the business process sections shown (not hidden by the search), and the outcome line.
    static func searchOutcome(_ document: XMLDocument) throws -> (shown: [String], outcome: String) {
        (try strings(document, businessProcesses + "[not(@hidden)]/@id"), try strings(document, "//output[@id='zoek-uitkomst']").joined())
    }

    /// The processes of `input` as the JSON output lists them: id and level.
    static func processes(of input: URL) throws -> [(id: String, level: String)] {
        let run = try CoraCLI.run(["convert", input.path, "--to", "json"], in: CoraCLI.packageRoot)
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        let list = try #require(root["processes"] as? [[String: Any]])
        return list.map { (id: $0["id"] as? String ?? "", level: $0["level"] as? String ?? "") }
    }

    /// The HTML's attribute values named `name` (`src`, `href`) in the bytes cora wrote, with the whole tag.
    static func attributes(_ name: String, in html: String) -> [(tag: String, value: String)] {
        html.matches(of: /<[a-zA-Z][^>]*>/).flatMap { tag -> [(tag: String, value: String)] in
            let text = String(tag.output)
            return text.matches(of: /\s([a-zA-Z:-]+)="([^"]*)"/).filter { $0.1.lowercased() == name }.map { (tag: text, value: String($0.2)) }
        }
    }

    // MARK: 1. Every process once, every link to an existing id

    @Test("the sample: every process once with its id (business processes as sections, the others as rows); every #link leads to an id; the landscape links to the 18 business processes and the chain")
    func everyProcessAndLink() throws {
        let scratch = try Scratch()
        let page = try HeadlessChromium.open(try Self.handbook(of: CoraCLI.sample, in: scratch))
        let document = try page.document()
        let processes = try Self.processes(of: CoraCLI.sample)
        #expect(processes.count == 73)
        for process in processes {
            let elements = try Self.nodes(document, "//*[@id='p-\(process.id)']")
            #expect(elements.count == 1, "p-\(process.id)")
            let expected = process.level == "business-process" ? "details" : "tr"
            #expect(elements.first?.name == expected, "p-\(process.id) is \(elements.first?.name ?? "missing")")
            if process.level == "business-process" {
                #expect(try Self.nodes(document, Self.businessProcesses + "[@id='p-\(process.id)']").count == 1, "p-\(process.id)")
            }
        }
        #expect(try Self.strings(document, "//*[starts-with(@id, 'p-')]/@id").count == 73)
        let businessProcesses = processes.filter { $0.level == "business-process" }.map { "#p-" + $0.id }
        #expect(businessProcesses.count == 18)
        #expect(try Self.nodes(document, Self.businessProcesses).count == 18)

        let ids = Set(try Self.strings(document, "//@id"))
        let links = try Self.strings(document, "//@href[starts-with(., '#')]")
        #expect(links.count >= 73 + 18, "\(links.count)")
        for link in links { #expect(ids.contains(String(link.dropFirst())), "\(link) leads nowhere") }

        // The landscape: the business processes and the chain (a row of #ketens).
        let landscape = try Self.strings(document, "//section[@id='landschap']//*[local-name()='a']/@href")
        #expect(landscape.sorted() == (businessProcesses + ["#p-ww-k01"]).sorted())
        #expect(page.console == [])
    }

    // MARK: 2. Search

    @Test("#zoek= in the address searches on opening: part of a name in lower case, an accent typed or left out, nothing found; #search= in English")
    func search() throws {
        let scratch = try Scratch()
        let dutch = try Self.handbook(of: CoraCLI.sample, in: scratch)
        let english = try Self.handbook(of: CoraCLI.sample, ["--lang", "en"], named: "handbook-en.html", in: scratch)

        // "Verhuren eenheden" (and its rows), the chain "Verhuren eenheid" outside the sections.
        let renting = try HeadlessChromium.open(dutch, fragment: "zoek=verhuren")
        let rentingDocument = try renting.document()
        #expect(try Self.searchOutcome(rentingDocument) == (["p-ww-p03"], "3 processen gevonden"))
        #expect(try Self.strings(rentingDocument, Self.businessProcesses + "[not(@hidden)]/@open") == [""])
        #expect(try Self.strings(rentingDocument, "//section[@id='ketens']//tr[@id and not(@hidden)]/@id") == ["p-ww-k01"])
        #expect(renting.console == [])

        // "Leveren financiële diensten" whether the ë is typed (percent-encoded) or not; "Manager Financiën" is no match.
        for fragment in ["zoek=financiele", "zoek=financi%C3%ABle", "zoek=FINANCIËLE%20diensten"] {
            let page = try HeadlessChromium.open(dutch, fragment: fragment)
            #expect(try Self.searchOutcome(try page.document()) == (["p-ww-o03"], "1 proces gevonden"), "\(fragment)")
        }

        let nothing = try HeadlessChromium.open(dutch, fragment: "zoek=xyzzy")
        let nothingDocument = try nothing.document()
        #expect(try Self.searchOutcome(nothingDocument) == ([], "Geen proces gevonden"))
        #expect(try Self.nodes(nothingDocument, Self.businessProcesses).count == 18)
        #expect(try Self.nodes(nothingDocument, "//tr[starts-with(@id, 'p-') and not(@hidden)]").isEmpty)

        // Without a search every section is there and the outcome is empty; the search box is shown.
        let plain = try HeadlessChromium.open(dutch).document()
        #expect(try Self.searchOutcome(plain) == (try Self.strings(plain, Self.businessProcesses + "/@id"), ""))
        #expect(try Self.nodes(plain, "//*[@id='zoekbalk'][@hidden]").isEmpty)
        #expect(try Self.nodes(plain, "//*[@id='zoekbalk']").count == 1)

        #expect(try Self.searchOutcome(try HeadlessChromium.open(english, fragment: "search=verhuren").document()) == (["p-ww-p03"], "3 processes found"))
        #expect(try Self.searchOutcome(try HeadlessChromium.open(english, fragment: "zoek=financiele").document()) == (["p-ww-o03"], "1 process found"))
        #expect(try Self.searchOutcome(try HeadlessChromium.open(english, fragment: "search=xyzzy").document()) == ([], "No process found"))
    }

    // MARK: 3. The console

    @Test("the console stays empty (no error, no CSP violation) for the sample, the sturing sample (requirements, PDCA) and a file with findings")
    func quietConsole() throws {
        let scratch = try Scratch()
        for (index, input) in [CoraCLI.sample, Self.sturing, Self.withFindings].enumerated() {
            let file = try Self.handbook(of: input, named: "\(index).html", in: scratch)
            let page = try HeadlessChromium.open(file)
            #expect(page.console == [], "\(input.lastPathComponent)")
            // The script ran: it shows the search box.
            #expect(try Self.nodes(try page.document(), "//*[@id='zoekbalk'][not(@hidden)]").count == 1, "\(input.lastPathComponent)")
        }
        let findings = try HeadlessChromium.open(scratch.url.appendingPathComponent("2.html")).document()
        #expect(try Self.nodes(findings, "//tr[starts-with(@id, 'f-')]").count == 4)
    }

    @Test("the console check can fail: a copy of the handbook with one more inline script shows its CSP violation, and the page's own script still runs")
    func consoleControl() throws {
        let scratch = try Scratch()
        let html = String(decoding: try bytes(of: try Self.handbook(of: CoraCLI.sample, in: scratch)), as: UTF8.self)
        #expect(html.components(separatedBy: "</body>").count == 2)
        let injected = html.replacingOccurrences(of: "</body>", with: "<script>document.title = 'ingevoegd';</script></body>")
        let page = try HeadlessChromium.open(injected)
        #expect(page.console.count == 1, "\(page.console)")
        #expect(page.console.first?.contains("Executing inline script violates the following Content Security Policy directive 'script-src 'sha256-")
                == true, "\(page.console)")
        let document = try page.document()
        #expect(try Self.strings(document, "/html/head/title") == ["\u{2068}Procesmodel woonstad-waterland\u{2069} — Proceshandboek"])
        #expect(try Self.nodes(document, "//*[@id='zoekbalk'][not(@hidden)]").count == 1)
    }

    // MARK: 4. Hostile data

    /// The strings a spreadsheet could hold to attack a page.
    static let hostile = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\"><svg onload=alert(1)>",
        "</details></table><b>", "\u{202E}evil\u{202C} en \u{2067}isolaat\u{2069}", "&amp; &lt;b&gt;", "data:text/html,<script>alert(1)</script>",
        "Lang " + String(repeating: "x", count: 3_000),
    ]

    /// A canonical CSV with two business processes and a work process whose every text field holds
    /// `text(n)`, with two properties: a web address and `javascript:alert(1)`.
    static func inventory(_ text: (Int) -> String) -> String {
        func field(_ value: String) -> String { "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let header = Canonical.header + ",Link,Gevaar"
        let rows = [
            ["b1", text(0), text(1), "business-process", "primary", "", "1", text(2), "", text(3), text(4), text(3), "", text(5), text(4), "", "", "", "",
             "https://example.org/x", "javascript:alert(1)"],
            ["b1-1", text(5), text(6), "work-process", "primary", "b1", "1", text(7), text(8), text(3), text(4), text(8), "", text(2), text(0), "", "", "",
             "", text(7), text(1)],
            ["b2", "B2", text(8), "business-process", "steering", "", "1", text(5), "", "", "", text(6), "", "", text(1), "", "", "", "", "", text(2)],
        ]
        return ([header] + rows.map { $0.map(field).joined(separator: ",") }).map { $0 + "\n" }.joined()
    }

    @Test("hostile names, codes, owners, descriptions, properties and applications: no element, attribute or link of theirs in the live DOM, each shown as its text, the same elements as harmless names")
    func hostileData() throws {
        let scratch = try Scratch()
        try scratch.write("hostile.csv", Self.inventory { Self.hostile[$0] })
        try scratch.write("harmless.csv", Self.inventory { index in index == 8 ? "Lang" : "Tekst \(index)" })
        let hostilePage = try HeadlessChromium.open(try Self.handbook(of: scratch.url.appendingPathComponent("hostile.csv"), named: "hostile.html", in: scratch))
        let harmlessPage = try HeadlessChromium.open(try Self.handbook(of: scratch.url.appendingPathComponent("harmless.csv"), named: "harmless.html", in: scratch))
        #expect(hostilePage.console == [])
        #expect(harmlessPage.console == [])
        let hostile = try hostilePage.document(), harmless = try harmlessPage.document()

        #expect(try Self.nodes(hostile, "//script").count == 1)
        #expect(try Self.strings(hostile, "//script").first?.hasPrefix("(function () {") == true)
        #expect(try Self.nodes(hostile, "//img | //iframe | //object | //embed | //b | //*[local-name()='svg']//*[local-name()='script']").isEmpty)
        #expect(try Self.nodes(hostile, "//@*[starts-with(translate(local-name(), 'ON', 'on'), 'on')]").isEmpty)
        let hrefs = try Self.strings(hostile, "//@href | //@*[local-name()='href']")
        for href in hrefs {
            #expect(href.hasPrefix("#") || href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("mailto:") || href == "data:,",
                    "\(href)")
        }
        // The web address from the data is a link that tells nothing to where it leads; javascript: stays text.
        let external = try Self.nodes(hostile, "//a[starts-with(@href, 'http')]").compactMap { $0 as? XMLElement }
        #expect(external.map { $0.attribute(forName: "href")?.stringValue } == ["https://example.org/x"])
        #expect(external.map { $0.attribute(forName: "rel")?.stringValue } == ["noopener noreferrer"])

        // Each hostile string is the whole text of some element (a name, a cell, a property value).
        let texts = Set(try Self.strings(hostile, "//body//*[not(*)]"))
        for text in Self.hostile { #expect(texts.contains(text), "\(text.prefix(40)) is not shown as text") }

        for element in [Self.businessProcesses, "//tr", "//a", "//*[local-name()='a']"] {
            #expect(try Self.nodes(hostile, element).count == Self.nodes(harmless, element).count, "\(element)")
        }
        #expect(try Self.nodes(hostile, "//details").count == 2)

        // The names of Samples/edge-cases (quotes, accents, tabs, emoji) open without a console message too.
        #expect(try HeadlessChromium.open(try Self.handbook(of: Self.strangeCharacters, named: "vreemd.html", in: scratch)).console == [])
    }

    // MARK: 5. No request leaves the file

    @Test("no request leaves the file: the net log holds no request and no host lookup for the page; the HTML has no src and only #, data:, and safe links")
    func noRequest() throws {
        let scratch = try Scratch()
        try scratch.write("hostile.csv", Self.inventory { Self.hostile[$0] })
        for input in [CoraCLI.sample, scratch.url.appendingPathComponent("hostile.csv")] {
            let file = try Self.handbook(of: input, named: input.deletingPathExtension().lastPathComponent + ".html", in: scratch)
            let page = try HeadlessChromium.open(file, fragment: "zoek=a", netLog: true)
            let network = try #require(page.network)
            #expect(network.pageRequests == [], "\(input.lastPathComponent)")
            #expect(network.pageLookups == [], "\(input.lastPathComponent)")

            let html = String(decoding: try bytes(of: file), as: UTF8.self)
            #expect(Self.attributes("src", in: html).map(\.tag) == [], "\(input.lastPathComponent)")
            let style = try #require(html.firstMatch(of: /<style>([^<]*)<\/style>/)).1
            #expect(style.firstMatch(of: /(?i)url\(|@import/) == nil, "\(input.lastPathComponent)")
            for (tag, href) in Self.attributes("href", in: html) where !href.hasPrefix("#") && href != "data:," {
                #expect(href.hasPrefix("https://") || href.hasPrefix("http://") || href.hasPrefix("mailto:"), "\(tag)")
                #expect(tag.contains(" rel=\"noopener noreferrer\""), "\(tag)")
            }
        }
    }

    @Test("the net log check can fail: a page with an image on the web shows the request in the log")
    func netLogControl() throws {
        let page = try HeadlessChromium.open("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head>
            <body><img src="http://example.invalid/x.png" alt=""></body></html>
            """, netLog: true)
        let network = try #require(page.network)
        #expect(network.pageRequests == ["http://example.invalid/x.png"])
        #expect(network.pageLookups.isEmpty == false)
    }

    // MARK: 6. Screenshot

    @Test("a screenshot of the sample's handbook: a PNG of the window's size")
    func screenshot() throws {
        let scratch = try Scratch()
        let file = try Self.handbook(of: CoraCLI.sample, in: scratch)
        let png = scratch.url.appendingPathComponent("handbook.png")
        #expect(try HeadlessChromium.screenshot(of: file, to: png, width: 1400, height: 1000) == [])
        let image = try bytes(of: png)
        #expect(Array(image.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width and height, big-endian, from byte 16.
        let size = { (offset: Int) in image[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(image.count > 40_000, "\(image.count) bytes")
        #expect(size(16) == 1400 && size(20) == 1000)
    }

    // MARK: 7. Batch

    @Test("batch --to html writes a handbook per input; both open without a console message")
    func batch() throws {
        let scratch = try Scratch()
        let run = try CoraCLI.run(["batch", CoraCLI.sample.path, Self.sturing.path, "--to", "html", "--out", scratch.url.appendingPathComponent("out").path],
                                  in: CoraCLI.packageRoot, environment: Self.environment)
        #expect(run.status == 0, "\(run)")
        let outputs = try FileManager.default.subpathsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(outputs.count == 2, "\(outputs)")
        for output in outputs {
            let page = try HeadlessChromium.open(scratch.url.appendingPathComponent("out").appendingPathComponent(output))
            #expect(page.console == [], "\(output)")
            #expect(try Self.nodes(try page.document(), Self.businessProcesses).isEmpty == false, "\(output)")
        }
    }

    // MARK: 8. Firefox

    @Test("Firefox (headless) renders the sample's handbook and the sturing sample's with neither a script error nor a CSP violation")
    func firefox() throws {
        let scratch = try Scratch()
        for input in [CoraCLI.sample, Self.sturing] {
            let html = String(decoding: try bytes(of: try Self.handbook(of: input, in: scratch)), as: UTF8.self)
            let png = scratch.url.appendingPathComponent("firefox.png")
            let console = try HeadlessFirefox.render(html, to: png)
            #expect(console == HeadlessFirefox.quiet, "\(input.lastPathComponent)")
            let image = try bytes(of: png)
            #expect(Array(image.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            // A blank window compresses to a few kilobytes; the handbook's title page and landscape do not.
            #expect(image.count > 40_000, "\(input.lastPathComponent): \(image.count) bytes")
        }
    }

    @Test("the Firefox check can fail: an injected script shows as a CSP violation, a script error as an error")
    func firefoxControl() throws {
        let scratch = try Scratch()
        let html = String(decoding: try bytes(of: try Self.handbook(of: CoraCLI.sample, in: scratch)), as: UTF8.self)
        let png = scratch.url.appendingPathComponent("firefox.png")
        let injected = html.replacingOccurrences(of: "</body>", with: "<script>document.title = 'ingevoegd';</script></body>")
        let refused = try HeadlessFirefox.render(injected, to: png)
        #expect(refused == ["console.log: \"cora-probe csp: script-src-elem inline\""] + HeadlessFirefox.quiet)
        let failing = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body><script>nietBestaand();</script></body></html>"
        let error = try HeadlessFirefox.render(failing, to: png)
        #expect(error == ["console.log: \"cora-probe error: ReferenceError: nietBestaand is not defined\""] + HeadlessFirefox.quiet)
    }
}
