import Foundation
import Testing

/// `cora coverage INVENTORY --reference REF`: the sample against the shipped VERA 4.3.1 reference in
/// every format, compared byte for byte with `Golden/Coverage/`; a reference read from a file; the
/// pairs file; bad arguments.
///
/// To update the golden files after an intended change, run
///
///     CORA_RECORD_GOLDEN=1 swift test --filter CoverageCommandTests
@Suite("cora coverage")
struct CoverageCommandTests {
    static let sample = "Samples/woonstad-waterland.csv"
    static let goldenDirectory = CoraCLI.packageRoot.appendingPathComponent("Tests/CoraCLITests/Golden/Coverage")

    @Test("the sample against vera: the golden output in every format, exit status 0", arguments: ["text", "md", "csv", "excel-csv", "json", "html", "dot"])
    func golden(format: String) throws {
        // The page without Graphviz (so that its version cannot change it; the picture is tested
        // below) and with a fixed date (SOURCE_DATE_EPOCH: 2026-12-05).
        let run = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera", "--to", format], in: CoraCLI.packageRoot,
                                  environment: ["SOURCE_DATE_EPOCH": "1796428800", "PATH": "/nonexistent"])
        #expect(!run.crashed && run.status == 0, "\(run)")
        #expect(run.stderrLines == [
            "cora: Samples/woonstad-waterland.csv: mapping canonical (auto: 19 of 19 columns matched)",
            "cora: Samples/woonstad-waterland.csv: 73 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings",
        ], "\(run)")
        try GoldenFile.check(run.stdout, Self.goldenDirectory.appendingPathComponent("woonstad-waterland-vera.\(format == "text" ? "txt" : format == "excel-csv" ? "excel.csv" : format)"))
        if format == "json" {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
            let reference = try #require(object["reference"] as? [[String: Any]])
            let unmatched = try #require(object["unmatched"] as? [[String: Any]])
            #expect(reference.count == 140 && unmatched.count == 60)
            let chain = try #require(reference.first { $0["name"] as? String == "Verhuren Eenheden" && $0["level"] as? String == "process-chain" })
            #expect(chain["status"] as? String == "covered")
            let matches = try #require(chain["matches"] as? [[String: Any]])
            #expect(matches.count == 1 && matches[0]["id"] as? String == "ww-k01" && matches[0]["method"] as? String == "name")
            #expect(Set(reference.compactMap { $0["status"] as? String }) == ["covered", "partial", "missing"])
            #expect(unmatched.allSatisfy { $0["status"] as? String == "unmatched" && ($0["matches"] as? [Any])?.isEmpty == true })
        }
        if format == "md" {
            let html = try MarkdownAndChainTests.gfm(run.stdout)
            #expect(html.contains("<table>"), "\(html)")
        }
        if format == "excel-csv" {
            // For a Dutch Excel: a byte order mark, ; between cells, CRLF.
            #expect(Array(run.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF] && run.stdoutText.contains(";") && run.stdoutText.contains("\r\n"))
        }
        if format == "dot" {
            let svg = try Tool.run("dot", ["-Tsvg"], input: run.stdout)
            #expect(svg.status == 0 && svg.stdoutText.contains("</svg>"), "\(svg.stderr)")
        }
        if format == "html" {
            #expect(run.stdoutText.contains("<p class=\"note\">Geen landschap: Graphviz (dot) is niet geïnstalleerd of kon het niet tekenen.</p>"))
        }
    }

    @Test("the heat map: Graphviz draws the reference's landscape with each box filled by its status, and the page holds it as inline SVG")
    func heatMap() throws {
        let dot = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera", "--to", "dot"], in: CoraCLI.packageRoot)
        // The chain the sample has, the business process it covers partly, one it misses.
        #expect(dot.stdoutText.contains("BGCOLOR=\"#b7e0a5\""), "covered")
        #expect(dot.stdoutText.contains("BGCOLOR=\"#ffe18a\""), "partial")
        #expect(dot.stdoutText.contains("BGCOLOR=\"#f5c4c4\""), "missing")
        let page = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera", "--to", "html"], in: CoraCLI.packageRoot)
        #expect(page.status == 0, "\(page)")
        #expect(page.stdoutText.contains("<figure><svg"), "no picture in the page")
        #expect(page.stdoutText.contains("fill=\"#b7e0a5\"") && page.stdoutText.contains("fill=\"#f5c4c4\""), "no status colours in the picture")
        #expect(!page.stdoutText.contains("<script") && !page.stdoutText.contains("Geen landschap"))
        let png = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera", "--to", "png"], in: CoraCLI.packageRoot)
        #expect(png.status == 0 && Array(png.stdout.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(png.stderrText)")
        let without = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera", "--to", "svg"], in: CoraCLI.packageRoot,
                                      environment: ["PATH": "/nonexistent"])
        #expect(without.status == 2 && without.stdout.isEmpty, "\(without)")
        #expect(without.errorLines == ["-: error: --to svg needs Graphviz (dot), which is not installed; --to dot writes the diagram to draw elsewhere [graphviz-failed]"], "\(without)")
    }

    @Test("a reference read from a file (the 2026 sample): what the inventory covers of it, by id")
    func referenceFile() throws {
        let run = try CoraCLI.run(["coverage", Self.sample, "--reference", "Samples/diff/woonstad-waterland-2026.csv", "--to", "csv"],
                                  in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        let rows = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(rows.first == "side,id,name,level,category,status,matches,methods,scores")
        #expect(rows.contains("reference,ww-p10,Beëindigen huurovereenkomsten,business-process,primary,missing,,,"), "\(run.stdoutText)")
        #expect(rows.contains("reference,ww-s01-02,Opstellen klantbeloften,work-process,steering,covered,ww-s01-02,id,1"), "\(run.stdoutText)")
        #expect(rows.contains("inventory,ww-p09,Managen klantwaardering,business-process,primary,unmatched,,,"), "\(run.stdoutText)")
        #expect(rows.filter { $0.hasPrefix("reference,") }.count == 75 && rows.filter { $0.hasPrefix("inventory,") }.count == 1)
    }

    @Test("--write-pairs writes inventory/reference pairs; --pairs pins one the names cannot find")
    func pairs() throws {
        let scratch = try Scratch()
        let written = scratch.url.appendingPathComponent("pairs.yaml").path
        let first = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera", "--to", "csv", "--write-pairs", written], in: CoraCLI.packageRoot)
        #expect(first.status == 0, "\(first)")
        let text = try String(contentsOfFile: written, encoding: .utf8)
        #expect(text.hasPrefix("# Pairs for cora coverage: which process of the inventory model is which of the reference.\n"), "\(text)")
        #expect(text.contains("  - inventory: ww-k01    # same name: \"Verhuren eenheid\" (procesketen)\n"), "\(text)")
        #expect(!first.stdoutText.contains("reference,id-8c3f7f2b0ba44bd6b5d04d4c3c5bf3c6,"))
        // "Afhandelen klantvragen" covers VERA's "BP Afhandelen klacht en bezwaar": the names are too far apart, a pin says so.
        let vera = try #require(first.stdoutText.split(separator: "\n").first { $0.contains(",Afhandelen klacht en bezwaar,business-process,") })
        let referenceID = String(vera.split(separator: ",")[1])
        let pins = try scratch.write("pins.yaml", "pairs:\n  - inventory: ww-p08\n    reference: \(referenceID)\n").path
        let pinned = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera", "--to", "csv", "--pairs", pins], in: CoraCLI.packageRoot)
        #expect(pinned.stdoutText.contains("reference,\(referenceID),Afhandelen klacht en bezwaar,business-process,primary,partial,ww-p08,pinned,1\n"), "\(pinned)")
    }

    @Test("bad arguments: a reference that is neither shipped nor a file, --reference-mapping with a shipped one")
    func badArguments() throws {
        let missing = try CoraCLI.run(["coverage", Self.sample, "--reference", "doelmodel-2027.csv"], in: CoraCLI.packageRoot)
        #expect(missing.status == 2 && missing.stdout.isEmpty, "\(missing)")
        #expect(missing.errorLines.first?.hasPrefix("doelmodel-2027.csv: error: ") == true, "\(missing)")
        let near = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera-5"], in: CoraCLI.packageRoot)
        #expect(near.status == 64 && near.stderrText.contains("did you mean \"vera\"?"), "\(near)")
        let mapping = try CoraCLI.run(["coverage", Self.sample, "--reference", "vera", "--reference-mapping", "canonical"], in: CoraCLI.packageRoot)
        #expect(mapping.status == 64 && mapping.stderrText.contains("--reference-mapping is for a reference read from a file; vera is shipped"), "\(mapping)")
        let noReference = try CoraCLI.run(["coverage", Self.sample], in: CoraCLI.packageRoot)
        #expect(noReference.status == 64 && noReference.stderrText.contains("Missing expected argument '--reference <name|path>'"), "\(noReference)")
    }
}
