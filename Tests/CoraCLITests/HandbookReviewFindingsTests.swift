import Foundation
import Testing

/// What the two reviews of the handbook (`--to html`) found, one test each: a long name quoted by
/// many findings, `dot` outliving a Ctrl-C, a huge business process drawn, processes in a cycle
/// left out, nested chains, right-to-left marks in the tab's title, noncharacters beyond the first
/// plane, an empty title, and a search for a ligature.
@Suite("The handbook: what its reviews found")
struct HandbookReviewFindingsTests {
    /// The page written for `rows` (canonical CSV) with `arguments`, without Graphviz unless `dot`.
    static func page(_ rows: [String], _ arguments: [String] = [], dot: Bool = false) throws -> (run: CLIRun, html: String, scratch: Scratch) {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(rows))
        let run = try CoraCLI.run(["convert", "in.csv", "--to", "html", "-o", "out.html"] + arguments, in: scratch.url,
                                  environment: dot ? ["SOURCE_DATE_EPOCH": "0"] : ["CORA_DOT": "/nonexistent/dot", "SOURCE_DATE_EPOCH": "0"])
        let html = String(decoding: (try? scratch.read("out.html")) ?? [], as: UTF8.self)
        return (run, html, scratch)
    }

    static func count(_ text: String, in html: String) -> Int { html.components(separatedBy: text).count - 1 }

    @Test("a name of 100,000 characters quoted by 300 findings: shown whole once in its heading, cut where quoted, the page stays small")
    func longNameQuoted() throws {
        let name = "Bepalen " + String(repeating: "x", count: 100_000)
        // Every work process is of another category than its business process: a finding each,
        // whose message quotes the business process's name.
        let rows = [Canonical.row("b", "B", name, category: "primary")]
            + (1...300).map { Canonical.row("w\($0)", "W\($0)", "Verwerken \($0)", level: "work-process", category: "supporting", parent: "b", order: "\($0)") }
        let (run, html, _) = try Self.page(rows)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText.contains("300 warnings (category-mismatch 300)"), "\(run)")
        #expect(Self.count("<h3><span class=\"code\"><bdi>B</bdi></span><bdi>\(name)</bdi></h3>", in: html) == 1)
        // Before, each of the 300 findings quoted the name three times: about 90 MB.
        #expect(html.utf8.count < 2_000_000, "\(html.utf8.count) bytes")
        #expect(html.contains("x…</bdi>"))
    }

    @Test("Ctrl-C while the handbook's diagrams are drawn side by side: every dot ends with cora, also one that does not answer SIGTERM (as one started with signals blocked does not)", .hangGuard)
    func interruptEndsEveryDot() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(
            Canonical.row("a", "A", "Bepalen visie"), Canonical.row("a1", "A.1", "Opstellen visie", level: "work-process", parent: "a"),
            Canonical.row("b", "B", "Uitvoeren control", order: "2"), Canonical.row("b1", "B.1", "Opstellen rapport", level: "work-process", parent: "b")))
        // Each dot ignores SIGTERM and SIGINT, as one started from a drawing thread with nearly
        // every signal blocked does (Foundation starts it with that thread's mask), says which
        // signals it was started with blocked, and draws forever.
        let dot = try scratch.script("dot", "trap '' TERM INT\ngrep SigBlk /proc/$$/status > blocked.$$\necho $$ >> dot.pids\ncat >/dev/null\nexec sleep 120\n")
        let process = try scratch.start(["convert", "in.csv", "--to", "html", "-o", "out.html"], environment: ["CORA_DOT": dot.path])
        let pids = scratch.pids(in: "dot.pids", atLeast: 2)
        #expect(pids.count >= 2, "the diagrams were not drawn side by side: \(pids)")
        usleep(300_000)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130 || (process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT))
        for pid in pids {
            let blocked = String(decoding: (try? scratch.read("blocked.\(pid)")) ?? [], as: UTF8.self)
            #expect(hasEnded(pid, within: 3), "dot (pid \(pid), started with \(blocked)) still runs after cora ended")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.html").path))
    }

    @Test("a business process with 301 work processes gets no diagram but a note saying how to draw it; one with 300 gets its diagram")
    func hugeBusinessProcessNotDrawn() throws {
        func rows(_ count: Int) -> [String] {
            [Canonical.row("b", "B", "Verhuren eenheden", category: "primary"), Canonical.row("c", "C", "Innen huur", category: "primary", order: "2"),
             Canonical.row("c1", "C.1", "Versturen nota", level: "work-process", category: "primary", parent: "c")]
                + (1...count).map { Canonical.row("w\($0)", "W\($0)", "Verwerken \($0)", level: "work-process", category: "primary", parent: "b", order: "\($0)") }
        }
        let (run, html, _) = try Self.page(rows(301), dot: true)
        #expect(run.status == 0, "\(run)")
        #expect(html.contains("<p class=\"note\">Geen diagram: het zou 301 processen tonen, meer dan de 300 die een leesbaar diagram heeft. "
            + "Tekenen kan met cora convert --to svg --view process:b.</p>\n</details>"))
        // The landscape and C's diagram.
        #expect(Self.count("<svg ", in: html) == 2)
        let (_, drawnAll, _) = try Self.page(rows(300), dot: true)
        #expect(Self.count("<svg ", in: drawnAll) == 3)
        #expect(!drawnAll.contains("Geen diagram"))
    }

    @Test("--keep-invalid: processes in a cycle of parents are listed with the other processes, and every link in the page leads somewhere")
    func cycleListed() throws {
        let rows = [Canonical.row("b1", "B1", "Verhuren woningen", category: "primary", parent: "w1"),
                    Canonical.row("w1", "W1", "Toewijzen woningen", level: "work-process", category: "primary", parent: "b1"),
                    Canonical.row("b2", "B2", "Innen huur", category: "primary", order: "2")]
        let (_, html, _) = try Self.page(rows, ["--keep-invalid"])
        for id in ["b1", "w1", "b2"] { #expect(Self.count(" id=\"p-\(id)\"", in: html) == 1, "\(id)") }
        let others = html.components(separatedBy: "<section id=\"overig\">").last?.components(separatedBy: "</section>").first ?? ""
        #expect(others.contains("<tr id=\"p-b1\"") && others.contains("<tr id=\"p-w1\""))
        let ids = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
        let targets = Set(html.matches(of: /href="#([^"]+)"/).map { String($0.1) })
        #expect(targets.subtracting(ids).isEmpty, "links to nothing: \(targets.subtracting(ids).sorted())")
    }

    @Test("200 nested chains above 200 business processes: each chain's row lists what it is nearest above, so the page grows with the model")
    func nestedChainsLinear() throws {
        let chains = (1...200).map { Canonical.row("k\($0)", "K\($0)", "Keten \($0)", level: "process-chain", category: "primary", parent: $0 == 1 ? "" : "k\($0 - 1)") }
        let processes = (1...200).map { Canonical.row("b\($0)", "B\($0)", "Proces \($0)", category: "primary", parent: "k200", order: "\($0)") }
        let (run, html, _) = try Self.page(chains + processes, ["--keep-invalid", "--max-depth", "1000"])
        #expect(run.status <= 1, "\(run)")
        let section = html.components(separatedBy: "<section id=\"ketens\">").last?.components(separatedBy: "</section>").first ?? ""
        // 199 chains each list the next one, the innermost its 200 business processes (a chain
        // listing every business process below it gave 200 × 200 links).
        #expect(Self.count("<a href=", in: section) == 199 + 200)
    }

    @Test("right-to-left marks in the title stay in their isolate in the tab; an empty --title gives the default title")
    func titles() throws {
        let rows = [Canonical.row("b", "B", "Verhuren eenheden", category: "primary")]
        let (_, html, _) = try Self.page(rows, ["--title", "\u{202E}Evil"])
        #expect(html.contains("<title>\u{2068}\u{202E}Evil\u{2069} — Proceshandboek</title>"))
        #expect(html.contains("<h1><bdi>\u{202E}Evil</bdi></h1>"))
        let (_, empty, _) = try Self.page(rows, ["--title", " "])
        #expect(empty.contains("<title>\u{2068}Procesmodel\u{2069} — Proceshandboek</title>"))
        #expect(empty.contains("<h1><bdi>Procesmodel</bdi></h1>"))
    }

    @Test("noncharacters of every plane (U+1FFFE, U+10FFFF, U+FDD0) become U+FFFD in the page")
    func noncharacters() throws {
        let nonCharacters = [0x10FFFF, 0x1FFFE, 0xFDD0].map { String(Character(Unicode.Scalar(UInt32($0))!)) }
        let (_, html, _) = try Self.page([Canonical.row("b", "B", "Verhuren " + nonCharacters.joined(separator: " ") + " eenheden", category: "primary")])
        #expect(html.contains("<bdi>Verhuren \u{FFFD} \u{FFFD} \u{FFFD} eenheden</bdi>"))
        #expect(!html.unicodeScalars.contains { $0.value & 0xFFFE == 0xFFFE || (0xFDD0...0xFDEF).contains($0.value) })
    }

    @Test("the search finds a ligature or full-width letters by their plain letters, in a real browser")
    func searchFoldsCompatibilityForms() throws {
        let rows = [Canonical.row("b", "B", "Opstellen \u{FB01}nanciële jaarrekening", category: "supporting"),
                    Canonical.row("c", "C", "Ｗｉｄｅ verhuur", category: "primary", order: "2"),
                    Canonical.row("d", "D", "Innen huur", category: "primary", order: "3")]
        let (_, html, _) = try Self.page(rows)
        #expect(html.contains("data-s=\"opstellen financiele jaarrekening b\""))
        #expect(html.contains("data-s=\"wide verhuur c\""))
        for (query, shown) in [("financiele", ["p-b"]), ("wide", ["p-c"])] {
            let page = try HeadlessChromium.open(html, fragment: "zoek=" + query)
            #expect(page.console.isEmpty, "\(page.console)")
            let visible = page.dom.matches(of: /<details class="bp[^"]*" id="([^"]+)"[^>]*>/).filter { !$0.0.contains("hidden") }.map { String($0.1) }
            #expect(visible == shown, "\(query)")
        }
    }

    @Test("without its script (JavaScript off) the handbook is whole: every section and row there and open, the search bar (useless without a script) hidden, no console message")
    func withoutJavaScript() throws {
        let scratch = try Scratch()
        let run = try CoraCLI.run(["convert", CoraCLI.sample.path, "--to", "html", "-o", "out.html"], in: scratch.url, environment: ["SOURCE_DATE_EPOCH": "0"])
        #expect(run.status == 0, "\(run)")
        let html = String(decoding: try scratch.read("out.html"), as: UTF8.self)
        // Chromium's --dump-dom needs scripts itself; the page's only script left out is the page
        // without JavaScript.
        let script = try #require(html.range(of: "<script>")?.lowerBound)
        let end = try #require(html.range(of: "</script>\n")?.upperBound)
        let withoutScript = String(html[..<script]) + String(html[end...])
        #expect(!withoutScript.contains("<script"))
        let page = try HeadlessChromium.open(withoutScript, fragment: "zoek=verhuur")
        #expect(page.console.isEmpty, "\(page.console)")
        // The search in the address did nothing: all 18 sections shown and open, all 73 processes there.
        let sections = page.dom.matches(of: /<details class="bp"[^>]*>/).map { String($0.0) }
        #expect(sections.count == 18)
        #expect(sections.allSatisfy { $0.hasSuffix(" open=\"\">") && !$0.contains("hidden") }, "\(sections.prefix(3))")
        #expect(page.dom.matches(of: /\sid="p-[^"]+"/).count == 73)
        #expect(page.dom.contains("<div class=\"toolbar\" id=\"zoekbalk\" hidden=\"\">"))
        #expect(page.dom.contains("<output id=\"zoek-uitkomst\" for=\"zoek\" aria-live=\"polite\" data-none=\"Geen proces gevonden\" data-one=\"1 proces gevonden\" data-many=\"{n} processen gevonden\"></output>"))
    }
}
