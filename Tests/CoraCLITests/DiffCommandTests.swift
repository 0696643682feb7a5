import Foundation
import Testing

/// `cora diff OLD NEW`: the sample against its 2026 version (`Samples/diff/`) in every format,
/// compared byte for byte with `Golden/Diff/`; exit statuses; narrowing; the pairs file.
///
/// To update the golden files after an intended change, run
///
///     CORA_RECORD_GOLDEN=1 swift test --filter DiffCommandTests
///
/// then review `git diff Tests/CoraCLITests/Golden/Diff` and run the tests again without the variable.
@Suite("cora diff")
struct DiffCommandTests {
    static let old = "Samples/woonstad-waterland.csv"
    static let new = "Samples/diff/woonstad-waterland-2026.csv"
    static let goldenDirectory = CoraCLI.packageRoot.appendingPathComponent("Tests/CoraCLITests/Golden/Diff")

    /// The lines on standard error of a diff of the two samples.
    static let readingLines = [
        "cora: Samples/woonstad-waterland.csv: mapping canonical (auto: 19 of 19 columns matched)",
        "cora: Samples/diff/woonstad-waterland-2026.csv: mapping canonical (auto: 19 of 19 columns matched)",
        "cora: Samples/woonstad-waterland.csv: 73 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings",
        "cora: Samples/diff/woonstad-waterland-2026.csv: 75 rows read, 75 processes, 0 rejected; 0 errors, 0 warnings",
    ]

    @Test("the sample against its 2026 version: the golden output in every format, exit status 1", arguments: ["text", "md", "csv", "excel-csv", "json", "html"])
    func golden(format: String) throws {
        // A fixed date for the page's footer (SOURCE_DATE_EPOCH: 2026-12-05).
        let run = try CoraCLI.run(["diff", Self.old, Self.new, "--to", format], in: CoraCLI.packageRoot,
                                  environment: ["SOURCE_DATE_EPOCH": "1796428800"])
        #expect(!run.crashed && run.status == 1, "\(run)")
        #expect(run.stderrLines == Self.readingLines, "\(run)")
        try GoldenFile.check(run.stdout, Self.goldenDirectory.appendingPathComponent("woonstad-waterland-2026.\(format == "text" ? "txt" : format == "excel-csv" ? "excel.csv" : format)"))
        if format == "md" {
            let html = try MarkdownAndChainTests.gfm(run.stdout)
            #expect(html.contains("<td>Opstellen klantbeloften</td>\n<td>hernoemd</td>\n<td>name</td>\n<td>Opstellen klantvisie</td>\n<td>Opstellen klantbeloften</td>\n<td>id</td>"), "\(html)")
            #expect(html.components(separatedBy: "<table>").count - 1 == 5, "\(html)")
        }
        if format == "excel-csv" {
            // For a Dutch Excel: a byte order mark, ; between cells, CRLF.
            #expect(Array(run.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF] && run.stdoutText.contains(";") && run.stdoutText.contains("\r\n"))
        }
        if format == "html" {
            let page = run.stdoutText
            #expect(page.contains("<tr class=\"removed\"><td><bdi>Managen klantwaardering</bdi></td><td>bedrijfsproces</td><td><bdi>ww-p09</bdi></td></tr>"), "\(page)")
            #expect(page.contains("<time datetime=\"2026-12-05\">") && !page.contains("<script"))
        }
        if format == "json" {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
            let changes = try #require(object["changes"] as? [[String: Any]])
            #expect(changes.count == 18)
            #expect(changes.first?["kind"] as? String == "removed" && changes.first?["old"] as? String == "ww-p09")
            #expect(changes.first?["new"] is NSNull && changes.first?["score"] is NSNull)
            let renamed = try #require(changes.first { $0["kind"] as? String == "renamed" })
            #expect(renamed["oldValue"] as? String == "Opstellen klantvisie" && renamed["newValue"] as? String == "Opstellen klantbeloften")
            #expect(renamed["match"] as? String == "id" && renamed["score"] as? Int == 1)
        }
    }

    @Test("a model against itself: no differences, exit status 0")
    func same() throws {
        let run = try CoraCLI.run(["diff", Self.old, Self.old], in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == """
            --- Samples/woonstad-waterland.csv (73 processes)
            +++ Samples/woonstad-waterland.csv (73 processes)
            73 pairs (73 by id); no differences

            """)
    }

    @Test("--only and --ignore-field narrow the changes; what is left decides the exit status")
    func narrowing() throws {
        let renames = try CoraCLI.run(["diff", Self.old, Self.new, "--only", "renamed,moved", "--to", "csv"], in: CoraCLI.packageRoot)
        #expect(renames.status == 1, "\(renames)")
        #expect(renames.stdoutText == """
            kind,old,new,name,field,oldValue,newValue,match,score
            renamed,ww-s01-02,ww-s01-02,Opstellen klantbeloften,name,Opstellen klantvisie,Opstellen klantbeloften,id,1
            moved,ww-p09-01,ww-p09-01,Uitvoeren KTO,parent,ww-p09,ww-p08,id,1
            moved,ww-o01-02,ww-o01-02,Opstellen informatieplan,parent,ww-o01,,id,1

            """)
        let ignored = try CoraCLI.run(["diff", Self.old, Self.new, "--only", "changed", "--ignore-field", "property:Laatst herzien",
                                       "--ignore-field", "code", "--ignore-field", "order", "--to", "csv"], in: CoraCLI.packageRoot)
        #expect(ignored.stdoutText == """
            kind,old,new,name,field,oldValue,newValue,match,score
            changed,ww-p01-02,ww-p01-02,Actualiseren woonwensen,status,Vastgesteld,Concept,id,1
            changed,ww-p08-02,ww-p08-02,Afhandelen klacht,owner,Klachtencoördinator,Manager Klantcontact,id,1

            """, "\(ignored)")
        let nothing = try CoraCLI.run(["diff", Self.old, Self.new, "--only", "relevelled", "--ignore-field", "level"], in: CoraCLI.packageRoot)
        #expect(nothing.status == 0, "\(nothing)")
        #expect(nothing.stdoutText.hasSuffix("72 pairs (72 by id); no differences\n"), "\(nothing)")
    }

    @Test("bad arguments: an unknown kind or field, both sides standard input (exit 64)")
    func badArguments() throws {
        let kind = try CoraCLI.run(["diff", Self.old, Self.new, "--only", "renamed,deleted"], in: CoraCLI.packageRoot)
        #expect(kind.status == 64 && kind.stderrText.contains("--only: no kind \"deleted\"; use added, removed, renamed, moved, relevelled, recategorised, changed"), "\(kind)")
        let field = try CoraCLI.run(["diff", Self.old, Self.new, "--ignore-field", "ownr"], in: CoraCLI.packageRoot)
        #expect(field.status == 64 && field.stderrText.contains("--ignore-field: no field \"ownr\"; did you mean \"owner\"?"), "\(field)")
        let format = try CoraCLI.run(["diff", Self.old, Self.new, "--to", "xlsx"], in: CoraCLI.packageRoot)
        #expect(format.status == 64 && format.stderrText.contains("--to must be text, md, csv, excel-csv, json, html, dot, svg or png, not \"xlsx\""), "\(format)")
        let picture = try CoraCLI.run(["diff", Self.old, Self.new, "--to", "svg"], in: CoraCLI.packageRoot)
        #expect(picture.status == 64 && picture.stderrText.contains("--to svg draws the heat map of cora coverage; a diff is text, md, csv, excel-csv, json or html"), "\(picture)")
        let stdin = try CoraCLI.run(["diff", "-", "-"], in: CoraCLI.packageRoot)
        #expect(stdin.status == 64 && stdin.stderrText.contains("standard input (-) can be read only once"), "\(stdin)")
        let over = try CoraCLI.run(["diff", Self.old, Self.new, "-o", Self.new], in: CoraCLI.packageRoot)
        #expect(over.status == 64, "\(over)")
        #expect(over.errorLines == ["Samples/diff/woonstad-waterland-2026.csv: error: the output of -o is Samples/diff/woonstad-waterland-2026.csv, which this run reads or writes; nothing was read or written [output-over-input]"], "\(over)")
    }

    @Test("an input that cannot be read ends the run with exit status 2 and nothing on standard output")
    func unreadable() throws {
        let run = try CoraCLI.run(["diff", Self.old, "Samples/no-such-file.csv"], in: CoraCLI.packageRoot)
        #expect(run.status == 2 && run.stdout.isEmpty, "\(run)")
        #expect(run.errorLines.count == 1 && run.errorLines[0].hasPrefix("Samples/no-such-file.csv: error: "), "\(run)")
    }

    @Test("VERA 3.2.1 against 4.0: with --match id exactly what the ids prove (11 removed, 25 added, 26 renamed); by default two namesakes VERA gave new ids pair by name")
    func vera() throws {
        let folder = CoraCLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/vera-domeinmodellen")
        let old = folder.appendingPathComponent("VERA-3.2.1.xml").path, new = folder.appendingPathComponent("VERA-4.0.xml").path
        func summary(_ extra: [String]) throws -> [String: Int] {
            let run = try CoraCLI.run(["diff", old, new, "--to", "json"] + extra, in: CoraCLI.packageRoot)
            #expect(run.status == 1, "\(run)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
            return try #require(object["summary"] as? [String: Int])
        }
        let byID = try summary(["--match", "id"])
        #expect(byID["pairs"] == 97 && byID["removed"] == 11 && byID["added"] == 25 && byID["renamed"] == 26, "\(byID)")
        let all = try summary([])
        #expect(all["pairs"] == 99 && all["removed"] == 9 && all["added"] == 23 && all["renamed"] == 28, "\(all)")
        let bad = try CoraCLI.run(["diff", old, new, "--match", "id,guess"], in: CoraCLI.packageRoot)
        #expect(bad.status == 64 && bad.stderrText.contains("--match: no method \"guess\"; use id, code, name or similarity"), "\(bad)")
    }

    @Test("a side of which not one process is made (a wrong mapping) stops the run: exit 2, nothing written")
    func wrongMapping() throws {
        let run = try CoraCLI.run(["diff", "Samples/excel-nl/woningstichting-de-polder.csv", Self.old, "--old-mapping", "niveaus"], in: CoraCLI.packageRoot)
        #expect(run.status == 2 && run.stdout.isEmpty, "\(run)")
        #expect(run.errorLines.last == "Samples/excel-nl/woningstichting-de-polder.csv: error: 59 rows read and not one process made of them, so there is nothing to compare [nothing-to-compare]", "\(run)")
        #expect(run.stderrLines.last == "Samples/excel-nl/woningstichting-de-polder.csv: note: check the mapping (cora validate shows the errors)", "\(run)")
    }

    @Test("--write-pairs writes the pairs for a person to check; --pairs reads them back and pins what the matcher cannot find")
    func pairsFile() throws {
        let scratch = try Scratch()
        // The old model without ids and with a name the matcher cannot pair: only the pairs file can.
        var lines = try String(contentsOf: CoraCLI.sample, encoding: .utf8).components(separatedBy: "\n")
        lines = lines.map { $0.replacingOccurrences(of: "Uitvoeren KTO", with: "Klanttevredenheidsonderzoek") }
        let oldPath = try scratch.write("old.csv", lines.joined(separator: "\n")).path, pairsPath = scratch.url.appendingPathComponent("pairs.yaml").path
        let first = try CoraCLI.run(["diff", oldPath, Self.new, "--only", "renamed", "--write-pairs", pairsPath], in: CoraCLI.packageRoot)
        #expect(first.status == 1, "\(first)")
        var pairs = try String(contentsOfFile: pairsPath, encoding: .utf8)
        #expect(pairs.hasPrefix("# Pairs for cora diff: which process of the old model is which of the new.\n"))
        #expect(pairs.contains("#  - old: ww-s01-02    # same id: \"Opstellen klantvisie\" (werkproces)\n#    new: ww-s01-02    # \"Opstellen klantbeloften\" (werkproces)\n"), "\(pairs)")
        #expect(pairs.contains("\n# Not paired in the old model:\n#   old: ww-p09    # \"Managen klantwaardering\" (bedrijfsproces)\n"), "\(pairs)")
        // Same ids: every process pairs by id, so the one renamed by hand shows as renamed.
        #expect(first.stdoutText.contains("    renamed        name: \"Klanttevredenheidsonderzoek\" → \"Uitvoeren KTO\""), "\(first)")

        // A pairs file that names an id the new model lacks: exit 2, the line named.
        pairs += "  - old: ww-p09\n    new: ww-p99\n"
        _ = try scratch.write("pairs.yaml", pairs)
        let wrong = try CoraCLI.run(["diff", oldPath, Self.new, "--pairs", pairsPath], in: CoraCLI.packageRoot)
        #expect(wrong.status == 2 && wrong.stdout.isEmpty, "\(wrong)")
        let line = pairs.components(separatedBy: "\n").firstIndex(of: "  - old: ww-p09")! + 1
        #expect(wrong.errorLines == ["\(pairsPath):\(line): error: the new model has no process with the id \"ww-p99\" [invalid-pairs]"], "\(wrong)")

        // Pinning the removed business process to the new one: it is paired, renamed and no longer removed or added.
        let pins = try scratch.write("pins.yaml", "pairs:\n  - old: ww-p09\n    new: ww-p10\n").path
        let pinned = try CoraCLI.run(["diff", oldPath, Self.new, "--pairs", pins, "--to", "csv", "--only", "renamed,removed,added"],
                                     in: CoraCLI.packageRoot)
        #expect(pinned.stdoutText == """
            kind,old,new,name,field,oldValue,newValue,match,score
            renamed,ww-s01-02,ww-s01-02,Opstellen klantbeloften,name,Opstellen klantvisie,Opstellen klantbeloften,id,1
            renamed,ww-p09,ww-p10,Beëindigen huurovereenkomsten,name,Managen klantwaardering,Beëindigen huurovereenkomsten,pinned,1
            renamed,ww-p09-01,ww-p09-01,Uitvoeren KTO,name,Klanttevredenheidsonderzoek,Uitvoeren KTO,id,1
            added,,ww-p10-01,Registreren huuropzegging,,,,,
            added,,ww-p10-02,Uitvoeren eindinspectie,,,,,

            """, "\(pinned)")

        // Not YAML, an unknown key: exit 2 with the line.
        let badPath = try scratch.write("bad.yaml", "pairs:\n  - old: ww-p09\n    nieuw: ww-p10\n").path
        let bad = try CoraCLI.run(["diff", oldPath, Self.new, "--pairs", badPath], in: CoraCLI.packageRoot)
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.errorLines == ["\(badPath):3: error: unknown key \"nieuw\" in a pair; use old and new (or inventory and reference) [invalid-pairs]"], "\(bad)")
    }
}

/// A golden file: compared byte for byte, or recorded with `CORA_RECORD_GOLDEN=1` (a recording
/// run always fails, so it can never pass by accident).
enum GoldenFile {
    static func check(_ bytes: [UInt8], _ golden: URL) throws {
        if ProcessInfo.processInfo.environment["CORA_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: golden)
            Issue.record("recorded \(golden.lastPathComponent); rerun without CORA_RECORD_GOLDEN")
            return
        }
        guard FileManager.default.fileExists(atPath: golden.path) else {
            Issue.record("no golden file \(golden.path); record it with CORA_RECORD_GOLDEN=1")
            return
        }
        let expected = Array(try Data(contentsOf: golden))
        if bytes != expected {
            let diff = try Tool.run("diff", ["-u", golden.path, "-"], input: bytes)
            Issue.record("the output differs from \(golden.lastPathComponent) (record with CORA_RECORD_GOLDEN=1 if the change is intended):\n\(diff.stdoutText.prefix(20_000))")
        }
    }
}
