#if canImport(Glibc)
import Glibc
#endif
import enum CoraKit.OutputFormats
import Foundation
import Testing

/// `cora batch`: many inventories in one run, per-file outputs and reports, the summary, re-runs,
/// interruption and `--merge`.
@Suite("cora batch")
struct BatchTests {
    // MARK: Helpers

    /// The package's sample inventories: (path under Samples, path in the test folder).
    static let samples = [
        ("woonstad-waterland.csv", "woonstad-waterland.csv"),
        ("excel-nl/woningstichting-de-polder.csv", "excel-nl/woningstichting-de-polder.csv"),
        ("niveaus/woonbron-noord.csv", "niveaus/woonbron-noord.csv"),
        ("cora-wiki/werkprocessen.csv", "cora-wiki/werkprocessen.csv"),
    ]

    /// Copies the samples into `folder` inside the scratch directory.
    static func copySamples(into scratch: Scratch, folder: String = "in") throws {
        for (source, target) in samples {
            let url = scratch.url.appendingPathComponent(folder).appendingPathComponent(target)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CoraCLI.packageRoot.appendingPathComponent("Samples/\(source)"), to: url)
        }
    }

    /// Writes `bytes` at `name` (folders created) in the scratch directory.
    @discardableResult
    static func put(_ scratch: Scratch, _ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = scratch.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    /// `summary.json` of the output folder, and its files by relative path.
    static func summary(_ scratch: Scratch, _ folder: String = "out") throws -> (json: [String: Any], files: [String: [String: Any]]) {
        let json = try #require(try parseJSON(scratch.read("\(folder)/summary.json")) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        return (json, Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0) }))
    }

    /// Every file under `folder` (relative paths, sorted), links included.
    static func tree(_ url: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            files.append(path)
        }
        return files.sorted()
    }

    /// Inode and modification time of every file under `url`.
    static func stamps(_ url: URL) -> [String: String] {
        var result: [String: String] = [:]
        for path in tree(url) {
            var status = stat()
            if lstat(url.appendingPathComponent(path).path, &status) == 0 {
                result[path] = "\(status.st_ino)/\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
            }
        }
        return result
    }

    /// The cells of the row for `file` in the table on standard output (cells are apart by two
    /// spaces or more).
    static func tableRow(_ run: CLIRun, _ file: String) -> [String]? {
        guard let line = run.stdoutText.split(separator: "\n").first(where: { $0.hasPrefix(file + " ") }) else { return nil }
        return line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A `cora` process running in the background.
    final class Background {
        let process = Process()
        let captures: URL

        init(_ arguments: [String], in directory: URL) throws {
            captures = FileManager.default.temporaryDirectory.appendingPathComponent("cora-batch-capture-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: captures, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: captures.appendingPathComponent("stdout").path, contents: nil)
            FileManager.default.createFile(atPath: captures.appendingPathComponent("stderr").path, contents: nil)
            process.executableURL = CoraCLI.executable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: captures.appendingPathComponent("stdout"))
            process.standardError = try FileHandle(forWritingTo: captures.appendingPathComponent("stderr"))
            try process.run()
        }

        deinit { try? FileManager.default.removeItem(at: captures) }

        func signal(_ number: Int32) { Glibc.kill(process.processIdentifier, number) }

        func wait() throws -> CLIRun {
            process.waitUntilExit()
            return CLIRun(status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
                          stdout: Array(try Data(contentsOf: captures.appendingPathComponent("stdout"))),
                          stderr: Array(try Data(contentsOf: captures.appendingPathComponent("stderr"))))
        }
    }

    /// A canonical inventory of 2,000 rows (100 business processes of 19 work processes each).
    static let bigInventory: [UInt8] = {
        var text = Canonical.header + "\n"
        for b in 0..<100 {
            text += Canonical.row("bp-\(b)", "P\(b)", "Verhuren eenheden \(b)", category: "primary", order: "\(b)") + "\n"
            for w in 0..<19 {
                text += Canonical.row("wp-\(b)-\(w)", "P\(b).\(w)", "Verhuren eenheid \(b) \(w)", level: "work-process",
                                      category: "primary", parent: "bp-\(b)", order: "\(w)", description: "Van aanbieding tot sleutel") + "\n"
            }
        }
        return Array(text.utf8)
    }()

    /// Whether this process may read files without permission (root in CI): then `chmod 000`
    /// does not make a file unreadable.
    static var readsEverything: Bool { geteuid() == 0 }

    // MARK: A folder of everything

    @Test("a folder with good files in four layouts, Windows-1252, UTF-16, empty, binary, unreadable and broken files")
    func mixedFolder() throws {
        let scratch = try Scratch()
        try Self.copySamples(into: scratch)
        let sample = try bytes(of: CoraCLI.sample)
        let text = String(decoding: sample, as: UTF8.self)
        try Self.put(scratch, "in/encodings/cp1252.csv", Array(text.data(using: .windowsCP1252)!))
        try Self.put(scratch, "in/encodings/utf16.txt", [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!))
        try Self.put(scratch, "in/broken/empty.csv", [])
        try Self.put(scratch, "in/broken/workbook.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])
        try Self.put(scratch, "in/broken/unknown-layout.tsv", Array("Foo\tBar\n1\t2\n".utf8))
        try Self.put(scratch, "in/broken/all-invalid.csv", Array(Canonical.document(
            Canonical.row("a", "A", "Bepalen visie", level: "werkprocess"),
            Canonical.row("b", "B", "Opstellen woonvisie", level: "afdeling")).utf8))
        try Self.put(scratch, "in/some-errors.csv", Array(Canonical.document(
            Canonical.row("a", "A", "Bepalen visie"),
            Canonical.row("b", "B", "Opstellen woonvisie", level: "work-process", parent: "zz")).utf8))
        // Unreadable: without permission, or (as root, who reads everything) a link to nothing.
        let unreadable = scratch.url.appendingPathComponent("in/broken/unreadable.csv")
        if Self.readsEverything {
            try FileManager.default.createSymbolicLink(atPath: unreadable.path, withDestinationPath: "does-not-exist.csv")
        } else {
            try Self.put(scratch, "in/broken/unreadable.csv", Array(Canonical.document(Canonical.row("a", "A", "Bepalen visie")).utf8))
            chmod(unreadable.path, 0)
        }
        defer { chmod(unreadable.path, 0o644) }
        // Left out: hidden files and other extensions.
        try Self.put(scratch, "in/.hidden.csv", [0x00])
        try Self.put(scratch, "in/README.md", Array("# notes\n".utf8))

        let run = try scratch.cora("batch", "in", "--out", "out")
        #expect(!run.crashed, "\(run)")
        #expect(run.status == 1, "\(run)")

        let (json, files) = try Self.summary(scratch)
        #expect(json["mapping"] as? String == "auto")
        #expect(json["interrupted"] as? Bool == false)
        // path: status, mapping, encoding, delimiter, rows, processes, rejected, errors, warnings, codes
        typealias Expected = (String, String?, String?, String?, Int, Int, Int, Int, Int, [String])
        let expected: [String: Expected] = [
            "woonstad-waterland.csv": ("ok", "canonical", "utf-8", ",", 73, 73, 0, 0, 0, []),
            "excel-nl/woningstichting-de-polder.csv": ("warnings", "excel-nl", "windows-1252", ";", 59, 59, 0, 0, 1, ["encoding-fallback"]),
            "niveaus/woonbron-noord.csv": ("ok", "niveaus", "utf-8", ";", 45, 46, 0, 0, 0, []),
            "cora-wiki/werkprocessen.csv": ("warnings", "cora-wiki", "utf-8", ",", 54, 54, 0, 0, 1, ["missing-function"]),
            "encodings/cp1252.csv": ("warnings", "canonical", "windows-1252", ",", 73, 73, 0, 0, 1, ["encoding-fallback"]),
            "encodings/utf16.txt": ("ok", "canonical", "utf-16le", ",", 73, 73, 0, 0, 0, []),
            "some-errors.csv": ("errors", "canonical", "utf-8", ",", 2, 1, 1, 1, 0, ["unknown-parent"]),
            "broken/all-invalid.csv": ("failed", "canonical", "utf-8", ",", 2, 0, 2, 2, 0, ["unknown-level"]),
            "broken/empty.csv": ("failed", nil, nil, nil, 0, 0, 0, 1, 0, ["empty-file"]),
            "broken/workbook.csv": ("failed", nil, nil, nil, 0, 0, 0, 1, 0, ["unreadable-workbook"]),
            "broken/unknown-layout.tsv": ("failed", nil, nil, nil, 0, 0, 0, 1, 0, ["no-mapping-fits"]),
            "broken/unreadable.csv": ("failed", nil, nil, nil, 0, 0, 0, 1, 0, ["unreadable-input"]),
        ]
        #expect(Set(files.keys) == Set(expected.keys))
        for (path, want) in expected {
            let file = try #require(files[path], "\(path) missing from the summary")
            let got: Expected = (file["status"] as! String, file["mapping"] as? String, file["encoding"] as? String, file["delimiter"] as? String,
                                 file["rowsRead"] as! Int, file["processes"] as! Int, file["rejectedRows"] as! Int,
                                 file["errors"] as! Int, file["warnings"] as! Int, ((file["codes"] as? [String: Any]) ?? [:]).keys.sorted())
            #expect(String(describing: got) == String(describing: want), "\(path)")
            #expect((file["input"] as? String) == "in/" + path)
        }
        #expect((files["broken/empty.csv"]?["reason"] as? String) == "empty file")
        #expect((files["broken/workbook.csv"]?["reason"] as? String)
            == "the zip archive is damaged or truncated (its central directory is missing) [unreadable-workbook]")
        #expect((files["broken/unreadable.csv"]?["reason"] as? String)?.hasPrefix("cannot read: ") == true)
        #expect((files["broken/all-invalid.csv"]?["reason"] as? String) == "every row was rejected (2 rows with errors)")
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["files"] as? Int == 12)
        #expect((totals["statuses"] as? [String: Int]) == ["ok": 3, "warnings": 3, "errors": 1, "failed": 5, "interrupted": 0])

        // Outputs: the canonical CSV (the sample in any encoding gives the sample back), a report
        // per file, rejects only where rows were left out.
        #expect(try scratch.read("out/woonstad-waterland.csv") == sample)
        #expect(try scratch.read("out/encodings/cp1252.csv") == sample)
        #expect(try scratch.read("out/encodings/utf16.csv") == sample)
        #expect(try scratch.read("out/some-errors.rejects.csv") == Array((Canonical.header + "\n" + Canonical.row("b", "B", "Opstellen woonvisie", level: "work-process", parent: "zz") + "\n").utf8))
        let outputs = Self.tree(scratch.url.appendingPathComponent("out"))
        #expect(outputs == [
            ".cora-batch.json",
            "broken/all-invalid.rejects.csv", "broken/all-invalid.report.json", "broken/empty.report.json",
            "broken/unknown-layout.report.json", "broken/unreadable.report.json", "broken/workbook.report.json",
            "cora-wiki/werkprocessen.csv", "cora-wiki/werkprocessen.report.json",
            "encodings/cp1252.csv", "encodings/cp1252.report.json", "encodings/utf16.csv", "encodings/utf16.report.json",
            "excel-nl/woningstichting-de-polder.csv", "excel-nl/woningstichting-de-polder.report.json",
            "niveaus/woonbron-noord.csv", "niveaus/woonbron-noord.report.json",
            "some-errors.csv", "some-errors.rejects.csv", "some-errors.report.json",
            "summary.json", "summary.md",
            "woonstad-waterland.csv", "woonstad-waterland.report.json",
        ])
        for path in outputs where path.hasSuffix(".json") {
            _ = try parseJSON(scratch.read("out/" + path))
        }
        let report = try #require(try parseJSON(scratch.read("out/broken/unknown-layout.report.json")) as? [String: Any])
        #expect(report["errors"] as? Int == 1)
        #expect(((files["some-errors.csv"]?["outputs"]) as? [String]) == ["some-errors.csv", "some-errors.rejects.csv", "some-errors.report.json"])

        // The screen: a table row per file and the totals; the Markdown summary has them too.
        #expect(Self.tableRow(run, "broken/unknown-layout.tsv") == ["broken/unknown-layout.tsv", "failed", "-", "-", "-", "0", "0", "1", "0"], "\(run.stdoutText)")
        #expect(Self.tableRow(run, "encodings/cp1252.csv") == ["encodings/cp1252.csv", "warnings", "canonical", "windows-1252", ",", "73", "73", "0", "1"])
        #expect(run.stdoutText.contains("12 files: 3 ok, 3 with warnings, 1 with errors, 5 failed; 381 rows read, 379 processes, 3 rows rejected; 7 errors, 3 warnings"), "\(run.stdoutText)")
        let markdown = String(decoding: try scratch.read("out/summary.md"), as: UTF8.self)
        #expect(markdown.contains("| encodings/utf16.txt | ok | canonical | utf-16le | , | 73 | 73 | 0 | 0 | 0 |"), "\(markdown)")
        // Plain progress lines (not a terminal): one per file.
        #expect(run.stderrLines.filter { $0.hasPrefix("[") && $0.contains("/12 ") }.count == 12, "\(run.stderrText)")
    }

    // MARK: Re-runs

    @Test("a second run rewrites nothing; --force redoes everything; a changed input is redone alone")
    func rerun() throws {
        let scratch = try Scratch()
        try Self.copySamples(into: scratch)
        try Self.put(scratch, "in/empty.csv", [])
        let first = try scratch.cora("batch", "in", "--out", "out", "--to", "csv,md,json")
        #expect(first.status == 1, "\(first)")
        let out = scratch.url.appendingPathComponent("out")
        let before = Self.stamps(out)
        #expect(before.count == 4 * 4 + 1 + 3, "\(before.keys.sorted())")

        let second = try scratch.cora("batch", "in", "--out", "out", "--to", "csv,md,json")
        #expect(second.status == 1, "\(second)")
        #expect(Self.stamps(out) == before)
        #expect(Self.tableRow(second, "woonstad-waterland.csv")?[1] == "ok (unchanged)", "\(second.stdoutText)")
        #expect(Self.tableRow(second, "empty.csv")?[1] == "failed (unchanged)", "\(second.stdoutText)")

        let forced = try scratch.cora("batch", "in", "--out", "out", "--to", "csv,md,json", "--force")
        #expect(forced.status == 1)
        let after = Self.stamps(out)
        #expect(!forced.stdoutText.contains("(unchanged)"), "\(forced.stdoutText)")
        for (path, stamp) in before where path != ".cora-batch.json" {
            #expect(after[path] != stamp, "\(path) was not rewritten by --force")
        }
        #expect(try scratch.read("out/summary.json") == (try bytes(of: out.appendingPathComponent("summary.json"))))

        // One input changes: only its outputs (and the summary and manifest, which mention it) are rewritten.
        let sample = scratch.url.appendingPathComponent("in/woonstad-waterland.csv")
        var text = String(decoding: try bytes(of: sample), as: UTF8.self)
        text = text.replacingOccurrences(of: "Bepalen visie", with: "Bepalen koers")
        try Data(text.utf8).write(to: sample)
        let changed = try scratch.cora("batch", "in", "--out", "out", "--to", "csv,md,json")
        #expect(changed.status == 1)
        let final = Self.stamps(out)
        let rewritten = Set(final.keys.filter { final[$0] != after[$0] })
        // The summary's counts did not change, so neither did its bytes: not rewritten either.
        #expect(rewritten == ["woonstad-waterland.csv", "woonstad-waterland.md", "woonstad-waterland.json", ".cora-batch.json"],
                "\(rewritten.sorted())")
        #expect(Self.tableRow(changed, "niveaus/woonbron-noord.csv")?[1] == "ok (unchanged)", "\(changed.stdoutText)")
        #expect(Self.tableRow(changed, "woonstad-waterland.csv")?[1] == "ok", "\(changed.stdoutText)")
    }

    @Test("--jobs 1 and the default number of jobs give the same bytes")
    func jobsDoNotChangeOutputs() throws {
        let scratch = try Scratch()
        try Self.copySamples(into: scratch)
        for index in 0..<6 { try Self.put(scratch, "in/extra/copy-\(index).csv", try bytes(of: CoraCLI.sample)) }
        try Self.put(scratch, "in/empty.csv", [])
        let serial = try scratch.cora("batch", "in", "--out", "serial", "--jobs", "1", "--to", "csv,md,dot,json")
        let parallel = try scratch.cora("batch", "in", "--out", "parallel", "--to", "csv,md,dot,json")
        #expect(serial.status == 1 && parallel.status == 1, "\(serial)\n\(parallel)")
        let files = Self.tree(scratch.url.appendingPathComponent("serial"))
        #expect(files == Self.tree(scratch.url.appendingPathComponent("parallel")))
        #expect(files.count == 10 * 5 + 1 + 3)
        for path in files {
            #expect(try scratch.read("serial/" + path) == (try scratch.read("parallel/" + path)), "\(path)")
        }
        #expect(serial.stdoutText.replacingOccurrences(of: "serial", with: "X") == parallel.stdoutText.replacingOccurrences(of: "parallel", with: "X"))
    }

    @Test("-o names the output folder as --out does (as it names the output of convert)")
    func shortOutputOption() throws {
        let scratch = try Scratch()
        try Self.put(scratch, "in/a.csv", try bytes(of: CoraCLI.sample))
        let long = try scratch.cora("batch", "in", "--out", "long", "--to", "csv")
        let short = try scratch.cora("batch", "in", "-o", "short", "--to", "csv")
        #expect(long.status == 0 && short.status == 0, "\(long)\n\(short)")
        #expect(Self.tree(scratch.url.appendingPathComponent("short")) == Self.tree(scratch.url.appendingPathComponent("long")))
        #expect(try scratch.read("short/a.csv") == (try scratch.read("long/a.csv")))
        #expect(short.stdoutText.replacingOccurrences(of: "short", with: "X") == long.stdoutText.replacingOccurrences(of: "long", with: "X"))
    }

    // MARK: Interruptions

    /// 200 inputs of 2,000 rows each, in `in/`.
    static func bigBatch(_ scratch: Scratch, files: Int = 200) throws {
        for index in 0..<files { try Self.put(scratch, String(format: "in/inventory-%03d.csv", index), bigInventory) }
    }

    /// Waits until `count` reports are in `out` (or 30 seconds passed).
    static func waitForReports(_ scratch: Scratch, count: Int) {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path)) ?? []
            if names.filter({ $0.hasSuffix(".report.json") }).count >= count { return }
            usleep(20_000)
        }
    }

    /// Checks that every output in `out` is whole: each CSV is the input's canonical form, each
    /// report parses; and returns the names of the CSV outputs.
    static func expectWholeOutputs(_ scratch: Scratch, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path)
        var csv: [String] = []
        for name in names {
            if name.hasPrefix("inventory-") && name.hasSuffix(".csv") {
                #expect(try scratch.read("out/" + name) == bigInventory, "\(name) is not whole", sourceLocation: sourceLocation)
                csv.append(name)
            } else if name.hasSuffix(".json") && !name.hasPrefix(".cora-tmp-") {
                _ = try parseJSON(scratch.read("out/" + name))
            }
        }
        return csv.sorted()
    }

    @Test("Ctrl-C midway: no temporary files, every output whole, a summary of what was finished, exit 130")
    func interrupt() throws {
        let scratch = try Scratch()
        try Self.bigBatch(scratch)
        let running = try Background(["batch", "in", "--out", "out", "--mapping", "canonical", "--jobs", "2"], in: scratch.url)
        Self.waitForReports(scratch, count: 2)
        running.signal(SIGINT)
        let run = try running.wait()
        #expect(!run.crashed && run.status == 130, "\(run)")
        #expect(run.stderrText.contains("interrupted: "), "\(run.stderrText)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path)
        #expect(!names.contains { $0.contains(".cora-tmp-") }, "\(names)")
        let csv = try Self.expectWholeOutputs(scratch)
        #expect(csv.count >= 2 && csv.count < 200, "\(csv.count)")
        let (json, files) = try Self.summary(scratch)
        #expect(json["interrupted"] as? Bool == true)
        let finished = files.values.filter { $0["status"] as? String == "ok" }.map { $0["path"] as! String }.sorted()
        #expect(finished == csv)
        #expect(files.values.filter { $0["status"] as? String == "interrupted" }.count == 200 - csv.count)
        #expect(run.stdoutText.contains("(interrupted)"), "\(run.stdoutText)")
        // The manifest knows what was finished: the next run skips those.
        let manifest = try #require(try parseJSON(scratch.read("out/.cora-batch.json")) as? [String: Any])
        #expect(((manifest["files"] as? [String: Any]) ?? [:]).keys.sorted() == csv)
    }

    @Test("killed midway (SIGKILL): every output whole; the next run removes the temporary files left behind")
    func kill() throws {
        let scratch = try Scratch()
        try Self.bigBatch(scratch, files: 60)
        let running = try Background(["batch", "in", "--out", "out", "--mapping", "canonical", "--jobs", "2"], in: scratch.url)
        Self.waitForReports(scratch, count: 2)
        running.signal(SIGKILL)
        let run = try running.wait()
        #expect(run.crashed, "\(run)")
        _ = try Self.expectWholeOutputs(scratch)
        // What a killed writer leaves: a temporary file of a process that is gone.
        try Self.put(scratch, "out/.cora-tmp-99999999-1", Array("half".utf8))
        let again = try scratch.cora("batch", "in/inventory-000.csv", "--out", "out", "--mapping", "canonical")
        #expect(again.status == 0, "\(again)")
        #expect(again.stderrText.contains("removed "), "\(again.stderrText)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path)
        #expect(!names.contains { $0.contains(".cora-tmp-") }, "\(names)")
        #expect(try scratch.read("out/inventory-000.csv") == Self.bigInventory)
    }

    // MARK: --merge

    @Test("--merge over the samples: one consistent model with every process's source")
    func mergeSamples() throws {
        let scratch = try Scratch()
        try Self.copySamples(into: scratch)
        let separate = try scratch.cora("batch", "in", "--out", "separate")
        #expect(separate.status == 0, "\(separate)")
        let run = try scratch.cora("batch", "in", "--out", "out", "--merge")
        #expect(run.status == 0, "\(run)")
        #expect(Self.tree(scratch.url.appendingPathComponent("out")) == [
            ".cora-batch.json", "cora-wiki/werkprocessen.report.json", "excel-nl/woningstichting-de-polder.report.json",
            "merged.csv", "merged.dot", "merged.json", "merged.md", "niveaus/woonbron-noord.report.json",
            "summary.json", "summary.md", "woonstad-waterland.report.json",
        ])
        let (json, files) = try Self.summary(scratch)
        let (_, separateFiles) = try Self.summary(scratch, "separate")
        let perFile = files.values.map { $0["processes"] as! Int }.reduce(0, +)
        #expect(perFile == separateFiles.values.map { $0["processes"] as! Int }.reduce(0, +))
        #expect(perFile == 232)
        let merged = try #require(json["merged"] as? [String: Any])
        #expect(merged["processes"] as? Int == 232)
        #expect(merged["mappings"] as? [String] == ["cora-wiki", "excel-nl", "niveaus", "canonical"])

        let model = try #require(try parseJSON(scratch.read("out/merged.json")) as? [String: Any])
        let processes = try #require(model["processes"] as? [[String: Any]])
        #expect(processes.count == 232)
        let ids = processes.map { $0["id"] as! String }
        #expect(Set(ids).count == ids.count, "duplicate ids")
        for process in processes {
            if let parent = process["parent"] as? String { #expect(ids.contains(parent), "\(process["id"]!) has a missing parent \(parent)") }
            let source = try #require(process["source"] as? [String: Any])
            #expect((source["file"] as? String)?.hasPrefix("in/") == true)
            #expect((source["line"] as? Int ?? 0) >= 2)
        }
        var perSource: [String: Int] = [:]
        for process in processes { perSource[(process["source"] as! [String: Any])["file"] as! String, default: 0] += 1 }
        #expect(perSource == ["in/woonstad-waterland.csv": 73, "in/excel-nl/woningstichting-de-polder.csv": 59,
                              "in/niveaus/woonbron-noord.csv": 46, "in/cora-wiki/werkprocessen.csv": 54])
        // Derived ids that two layouts share are numbered apart, with the references to them.
        #expect(ids.contains("bepalen-visie") && ids.contains("bepalen-visie-2"))
        let csvLines = String(decoding: try scratch.read("out/merged.csv"), as: UTF8.self)
        #expect(csvLines.hasPrefix(Canonical.header))
        #expect(String(decoding: try scratch.read("out/merged.dot"), as: UTF8.self).hasPrefix("digraph"))
        #expect(String(decoding: try scratch.read("out/merged.md"), as: UTF8.self).hasPrefix("# "))

        let again = try scratch.cora("batch", "in", "--out", "out", "--merge")
        #expect(again.status == 0 && again.stdoutText.contains("(unchanged)"), "\(again)")
    }

    @Test("--merge: a parent in another file is found; one code with two names in two files is conflicting-code")
    func mergeAcrossFiles() throws {
        let scratch = try Scratch()
        try Self.put(scratch, "in/a.csv", Array(Canonical.document(
            Canonical.row("bp-1", "P1", "Verhuren eenheden", category: "primary")).utf8))
        try Self.put(scratch, "in/b.csv", Array(Canonical.document(
            Canonical.row("wp-1", "P1.1", "Verhuren eenheid", level: "work-process", category: "primary", parent: "bp-1"),
            Canonical.row("bp-2", "P1", "Beheren vastgoed", category: "primary", order: "2")).utf8))

        let separate = try scratch.cora("batch", "in", "--out", "separate", "--mapping", "canonical")
        #expect(separate.status == 1, "\(separate)")
        let (_, separateFiles) = try Self.summary(scratch, "separate")
        #expect(((separateFiles["b.csv"]?["codes"]) as? [String: Any])?.keys.sorted() == ["unknown-parent"])

        let run = try scratch.cora("batch", "in", "--out", "out", "--mapping", "canonical", "--merge", "--to", "json,csv")
        #expect(run.status == 0, "\(run)")
        let model = try #require(try parseJSON(scratch.read("out/merged.json")) as? [String: Any])
        let processes = try #require(model["processes"] as? [[String: Any]])
        #expect(processes.map { $0["id"] as! String } == ["bp-1", "wp-1", "bp-2"])
        #expect(processes[1]["parent"] as? String == "bp-1")
        #expect((processes[1]["source"] as? [String: Any])?["file"] as? String == "in/b.csv")
        let report = try #require(try parseJSON(scratch.read("out/b.report.json")) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] as? String == "conflicting-code")
        #expect(diagnostics.first?["severity"] as? String == "warning")
        #expect(diagnostics.first?["line"] as? Int == 3)
        #expect(diagnostics.first?["message"] as? String == "the code \"P1\" names \"Beheren vastgoed\" here and \"Verhuren eenheden\" in in/a.csv, line 2")
        let (json, _) = try Self.summary(scratch)
        #expect((json["merged"] as? [String: Any])?["crossFileWarnings"] as? Int == 1)

        let strict = try scratch.cora("batch", "in", "--out", "strict", "--mapping", "canonical", "--merge", "--strict")
        #expect(strict.status == 1, "\(strict)")
    }

    // MARK: Safety and arguments

    @Test("an output folder on top of the inputs is refused; nothing is overwritten")
    func outputOverInput() throws {
        let scratch = try Scratch()
        let document = Array(Canonical.document(Canonical.row("a", "A", "Bepalen visie")).utf8)
        try Self.put(scratch, "in/x.csv", document)
        let same = try scratch.cora("batch", "in", "--out", "in")
        #expect(same.status == 2 && same.errorLines.first?.contains("the output folder is this input folder") == true, "\(same)")
        let over = try scratch.cora("batch", "in/x.csv", "--out", "in")
        #expect(over.status == 2 && over.errorLines.first?.contains("would overwrite this input") == true, "\(over)")
        #expect(try scratch.read("in/x.csv") == document)
        #expect(try scratch.listing() == ["in"])
        #expect(Self.tree(scratch.url.appendingPathComponent("in")) == ["x.csv"])
        // An output folder inside an input folder is fine: it is never read as input.
        let inside = try scratch.cora("batch", "in", "--out", "in/converted", "--to", "json")
        #expect(inside.status == 0, "\(inside)")
        let again = try scratch.cora("batch", "in", "--out", "in/converted", "--to", "json")
        #expect(again.status == 0 && again.stdoutText.contains("1 file: 1 ok"), "\(again)")
    }

    @Test("an output never lands outside the output folder through a link")
    func linkOutOfTheFolder() throws {
        let scratch = try Scratch()
        try Self.put(scratch, "in/sub/a.csv", Array(Canonical.document(Canonical.row("a", "A", "Bepalen visie")).utf8))
        try Self.put(scratch, "in/b.csv", Array(Canonical.document(Canonical.row("b", "B", "Bepalen visie")).utf8))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("out/sub").path,
                                                   withDestinationPath: scratch.url.appendingPathComponent("elsewhere").path)
        let run = try scratch.cora("batch", "in", "--out", "out")
        #expect(run.status == 1, "\(run)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("elsewhere").path).isEmpty)
        let (_, files) = try Self.summary(scratch)
        #expect(files["sub/a.csv"]?["status"] as? String == "failed")
        #expect((files["sub/a.csv"]?["codes"] as? [String: Any])?.keys.contains("unsafe-output") == true)
        #expect(files["b.csv"]?["status"] as? String == "ok")
    }

    @Test("an output folder that cannot be made: exit 2")
    func unwritableOutput() throws {
        let scratch = try Scratch()
        try Self.put(scratch, "in/a.csv", Array(Canonical.document(Canonical.row("a", "A", "Bepalen visie")).utf8))
        try Self.put(scratch, "file", Array("x".utf8))
        let run = try scratch.cora("batch", "in", "--out", "file/out")
        #expect(run.status == 2, "\(run)")
        #expect(run.errorLines.first?.hasPrefix("file/out: error: cannot create the output folder") == true, "\(run.stderrText)")
    }

    @Test("wildcards cora expands itself, files named one by one, and an input that is not there")
    func inputsAndPatterns() throws {
        let scratch = try Scratch()
        let document = Array(Canonical.document(Canonical.row("a", "A", "Bepalen visie")).utf8)
        try Self.put(scratch, "legacy/2019/hr.csv", document)
        try Self.put(scratch, "legacy/2020/hr.csv", document)
        try Self.put(scratch, "legacy/2020/notes.md", Array("x".utf8))
        let pattern = try scratch.cora("batch", "legacy/*/*.csv", "--out", "a", "--mapping", "canonical")
        #expect(pattern.status == 0, "\(pattern)")
        #expect(Self.tree(scratch.url.appendingPathComponent("a")).filter { !$0.hasPrefix(".") && !$0.hasPrefix("summary") }
                == ["2019/hr.csv", "2019/hr.report.json", "2020/hr.csv", "2020/hr.report.json"])
        let recursive = try scratch.cora("batch", "legacy/**/hr.csv", "--out", "b", "--mapping", "canonical")
        #expect(recursive.status == 0 && recursive.stdoutText.contains("2 files: 2 ok"), "\(recursive)")
        // As the shell would have expanded it: relative to the folder the files share.
        let named = try scratch.cora("batch", "legacy/2019/hr.csv", "legacy/2020/hr.csv", "nope.csv", "--out", "c", "--mapping", "canonical")
        #expect(named.status == 1, "\(named)")
        let (_, files) = try Self.summary(scratch, "c")
        #expect(Set(files.keys) == ["legacy/2019/hr.csv", "legacy/2020/hr.csv", "nope.csv"])
        #expect((files["nope.csv"]?["reason"] as? String)?.contains("No such file") == true)
        let shellExpanded = try scratch.cora("batch", "legacy/2019/hr.csv", "legacy/2020/hr.csv", "--out", "e", "--mapping", "canonical")
        #expect(shellExpanded.status == 0, "\(shellExpanded)")
        #expect(Set(try Self.summary(scratch, "e").files.keys) == ["2019/hr.csv", "2020/hr.csv"])
        let nothing = try scratch.cora("batch", "legacy/*.tsv", "--out", "d")
        #expect(nothing.status == 2 && nothing.stderrText.contains("matches no files"), "\(nothing)")
    }

    @Test("bad arguments: exit 64")
    func arguments() throws {
        let scratch = try Scratch()
        try Self.put(scratch, "in/a.csv", Array(Canonical.document(Canonical.row("a", "A", "Bepalen visie")).utf8))
        #expect(try scratch.cora("batch", "in").status == 64)
        #expect(try scratch.cora("batch", "in", "--out", "o", "--to", "xls").status == 64)
        #expect(try scratch.cora("batch", "in", "--out", "o", "--jobs", "0").status == 64)
        #expect(try scratch.cora("batch", "-", "--out", "o").status == 64)
    }

    @Test("--to archi: an Archi CSV set in a folder per input, and one for the merged model")
    func archi() throws {
        let scratch = try Scratch()
        try Self.copySamples(into: scratch)
        let run = try scratch.cora("batch", "in", "--out", "out", "--to", "csv,archi")
        #expect(run.status == 0, "\(run)")
        let (_, files) = try Self.summary(scratch)
        #expect(files["niveaus/woonbron-noord.csv"]?["outputs"] as? [String] == [
            "niveaus/woonbron-noord.archi/elements.csv", "niveaus/woonbron-noord.archi/properties.csv",
            "niveaus/woonbron-noord.archi/relations.csv", "niveaus/woonbron-noord.csv", "niveaus/woonbron-noord.report.json",
        ])
        let elements = String(decoding: try scratch.read("out/woonstad-waterland.archi/elements.csv"), as: UTF8.self)
        #expect(elements.hasPrefix("\"ID\",\"Type\",\"Name\""), "\(elements.prefix(200))")
        #expect(elements.contains("\"ww-p03\",\"BusinessProcess\""))
        // The Archi set reads back as the same processes.
        let back = try scratch.cora("convert", "out/woonstad-waterland.archi", "--mapping", "archi", "--to", "csv")
        #expect(back.status == 0, "\(back)")
        #expect(back.stdout == (try scratch.read("out/woonstad-waterland.csv")), "\(back.stderrText)")
        let merged = try scratch.cora("batch", "in", "--out", "merged", "--merge", "--to", "archi")
        #expect(merged.status == 0, "\(merged)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("merged/merged.archi").path).sorted()
                == ["elements.csv", "properties.csv", "relations.csv"])
    }

    @Test("an Archi CSV set in the folder is one input, read by the Archi reader; a change to its relations redoes it")
    func archiSet() throws {
        let scratch = try Scratch()
        for table in ["elements", "relations", "properties"] {
            let name = "woonstad-waterland-\(table).csv"
            try Self.put(scratch, "in/archi/\(name)", Array(try Data(contentsOf: CoraCLI.packageRoot.appendingPathComponent("Samples/archi/\(name)"))))
        }
        let run = try scratch.cora("batch", "in", "--out", "out", "--to", "csv")
        #expect(run.status == 0, "\(run)")
        let (_, files) = try Self.summary(scratch)
        #expect(files.keys.sorted() == ["archi/woonstad-waterland-elements.csv"], "\(files.keys)")
        #expect(files["archi/woonstad-waterland-elements.csv"]?["mapping"] as? String == "archi")
        #expect(try scratch.read("out/archi/woonstad-waterland-elements.csv")
                == Array(try Data(contentsOf: CoraCLI.sample)))
        // The set is one input: touching relations.csv makes it new.
        let again = try scratch.cora("batch", "in", "--out", "out", "--to", "csv")
        #expect(again.stdoutText.contains("unchanged") || again.stderrText.contains("unchanged"), "\(again)")
        let relations = scratch.url.appendingPathComponent("in/archi/woonstad-waterland-relations.csv")
        var bytes = Array(try Data(contentsOf: relations))
        bytes.append(contentsOf: Array("\r\n".utf8))
        try Data(bytes).write(to: relations)
        let third = try scratch.cora("batch", "in", "--out", "out", "--to", "csv")
        #expect(!(third.stdoutText + third.stderrText).contains("unchanged"), "\(third)")
    }

    @Test("--merge reads an Archi CSV set with the Archi reader too (it was read as a spreadsheet); the rows the merge leaves out are rejected rows of their input")
    func mergeArchiSet() throws {
        let scratch = try Scratch()
        for table in ["elements", "relations", "properties"] {
            let name = "woonstad-waterland-\(table).csv"
            try Self.put(scratch, "in/archi/\(name)", Array(try Data(contentsOf: CoraCLI.packageRoot.appendingPathComponent("Samples/archi/\(name)"))))
        }
        try Self.put(scratch, "in/woonstad-waterland.csv", Array(try Data(contentsOf: CoraCLI.sample)))
        let run = try scratch.cora("batch", "in", "--out", "out", "--merge", "--to", "csv")
        #expect(run.status == 1, "\(run)")
        let (json, files) = try Self.summary(scratch)
        let archi = try #require(files["archi/woonstad-waterland-elements.csv"])
        #expect(archi["mapping"] as? String == "archi")
        #expect(archi["processes"] as? Int == 73)
        // The same 73 ids in the spreadsheet: duplicates across the merged model, each one rejected in its own rejects file.
        let sheet = try #require(files["woonstad-waterland.csv"])
        #expect(sheet["rejectedRows"] as? Int == 73)
        #expect((sheet["codes"] as? [String: Any])?.keys.sorted() == ["duplicate-id"])
        #expect(try scratch.read("out/woonstad-waterland.rejects.csv") == Array(try Data(contentsOf: CoraCLI.sample)))
        #expect((json["merged"] as? [String: Any])?["processes"] as? Int == 73)
        #expect(try scratch.read("out/merged.csv") == Array(try Data(contentsOf: CoraCLI.sample)))
    }

    @Test("batch writes every format convert does: excel-csv, svg and png too")
    func everyFormat() throws {
        let scratch = try Scratch()
        try Self.put(scratch, "in/woonstad-waterland.csv", Array(try Data(contentsOf: CoraCLI.sample)))
        let run = try scratch.cora("batch", "in", "--out", "out", "--to", OutputFormats.names.joined(separator: ","))
        #expect(run.status == 0, "\(run)")
        let written = Self.tree(scratch.url.appendingPathComponent("out")).filter { !$0.hasPrefix("summary") && !$0.hasPrefix(".") }
        #expect(written == [
            "woonstad-waterland.archi/elements.csv", "woonstad-waterland.archi/properties.csv", "woonstad-waterland.archi/relations.csv",
            "woonstad-waterland.csv", "woonstad-waterland.dot", "woonstad-waterland.excel.csv", "woonstad-waterland.html",
            "woonstad-waterland.json", "woonstad-waterland.md", "woonstad-waterland.png", "woonstad-waterland.report.json",
            "woonstad-waterland.svg", "woonstad-waterland.xlsx", "woonstad-waterland.xml",
        ], "\(written)")
        let convert = try scratch.cora("convert", "in/woonstad-waterland.csv", "--to", "excel-csv")
        #expect(try scratch.read("out/woonstad-waterland.excel.csv") == convert.stdout)
        #expect(String(decoding: try scratch.read("out/woonstad-waterland.svg"), as: UTF8.self).contains("<svg"))
        #expect(Array(try scratch.read("out/woonstad-waterland.png").prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }
}
