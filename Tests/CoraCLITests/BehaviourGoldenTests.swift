import CoraKit
import Foundation
import Testing

/// What `cora` does with every sample, the bad-input corpus, the sector's real files and a
/// 100,000-row generated inventory, recorded once and compared byte for byte on every run: every
/// output format, the reports, the rejects, standard output and error, the exit status, and the
/// folders `cora batch` writes. A change in any of them fails here, so a change of structure can
/// be shown to change nothing.
///
/// Each case is one transcript in `Golden/Behaviour/<case>.txt`: per command its arguments, exit
/// status, standard output, standard error and every file it wrote, each with its size. Small
/// inputs keep the bytes themselves; the real files and the generated inventory keep the SHA-256
/// and size of each (their outputs are large, and derived from data with licenses of their own).
///
/// The commands run in a scratch folder holding copies of `Samples/` and the bad inputs under the
/// same relative paths (no `./Mappings` folder: only the shipped mappings), so every path in an
/// output is relative and the same on every machine. `cora batch` runs with `--jobs 1` and its
/// progress lines have their clock removed. To record after an intended change:
///
///     CORA_RECORD_GOLDEN=1 swift test --filter BehaviourGoldenTests
///
/// then review `git diff Tests/CoraCLITests/Golden/Behaviour` and run again without the variable:
/// a recording run always fails, so it can never pass by accident.
@Suite("Behaviour against recorded transcripts")
struct BehaviourGoldenTests {
    /// One recorded case: a name and the commands it runs, in one scratch folder.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var commands: [[String]]
        /// Whether outputs are kept as SHA-256 and size instead of their bytes.
        var hashed = false
        /// Files whose bytes are kept although others are hashed: the batch's own files and the
        /// reports (the model outputs of a batch are those of `convert`, recorded in full there).
        var verbatim: @Sendable (String) -> Bool = { _ in false }
        /// Files to copy into the scratch folder from outside the package (source → relative path).
        var external: [(source: String, path: String)] = []
        /// A generated inventory of this many rows at `generated.csv`.
        var generatedRows: Int? = nil

        var testDescription: String { name }
    }

    static let directory = CoraCLI.packageRoot.appendingPathComponent("Tests/CoraCLITests/Golden/Behaviour")
    static let shared = CoraCLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static var recording: Bool { ProcessInfo.processInfo.environment["CORA_RECORD_GOLDEN"] == "1" }

    // MARK: The cases

    /// The shipped samples with their mappings, and a business process of each for `--view process:`.
    static let samples: [(name: String, path: String, mapping: String, process: String)] = [
        ("canonical", "Samples/woonstad-waterland.csv", "canonical", "ww-p03"),
        ("excel-nl", "Samples/excel-nl/woningstichting-de-polder.csv", "excel-nl", "S-01"),
        ("niveaus", "Samples/niveaus/woonbron-noord.csv", "niveaus", "bepalen-visie"),
        ("cora-wiki", "Samples/cora-wiki/werkprocessen.csv", "cora-wiki", "bepalen-visie"),
        ("edge-cases", "Samples/edge-cases/vreemde-tekens.csv", "canonical", "x-s1"),
        ("archi", "Samples/archi/woonstad-waterland-elements.csv", "archi", "ww-p03"),
    ]

    /// Every format and option of `convert` and `validate` on one input with one mapping.
    static func conversions(_ path: String, mapping: String, process: String) -> [[String]] {
        [
            ["convert", path, "--mapping", mapping, "--to", "csv", "-o", "out/model.csv", "--report", "out/report.json", "--rejects", "out/rejects.csv"],
            ["convert", path, "--mapping", mapping, "--to", "excel-csv", "-o", "out/model.excel.csv", "--report", "out/report.csv"],
            ["convert", path, "--mapping", mapping, "--to", "json"],
            ["convert", path, "--mapping", mapping, "--to", "md"],
            ["convert", path, "--mapping", mapping, "--to", "md", "--lang", "en", "--title", "Process model <test> & co"],
            ["convert", path, "--mapping", mapping, "--to", "dot"],
            ["convert", path, "--mapping", mapping, "--to", "dot", "--view", "full", "--lang", "en"],
            ["convert", path, "--mapping", mapping, "--to", "dot", "--view", "process:\(process)", "--title", "Eén proces"],
            ["convert", path, "--mapping", mapping, "--to", "archi", "-o", "out/archi", "--title", "Model"],
            ["convert", path, "--mapping", mapping, "--to", "archi", "-o", "out/archi-semicolon", "--prefix", "ww-", "--archi-delimiter", "semicolon"],
            ["convert", path, "--mapping", mapping, "--keep-invalid", "--to", "csv"],
            ["validate", path, "--mapping", mapping],
            ["validate", path, "--mapping", mapping, "--strict", "--report", "out/strict.json"],
            ["validate", path, "--mapping", mapping, "--ignore", "naming-convention", "--ignore", "category-mismatch", "--max-errors", "2"],
            ["validate", path, "--mapping", mapping, "--max-depth", "2"],
            ["convert", path, "--mapping", "auto", "--to", "csv"],
        ]
    }

    static let badInputs: [String] = {
        let folder = CoraCLI.packageRoot.appendingPathComponent("Tests/CoraCLITests/BadInputs")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    static let batchInputs = ["Samples", "BadInputs"]

    static let cases: [Case] = {
        var cases: [Case] = samples.map { sample in
            Case(name: "sample-\(sample.name)", commands: conversions(sample.path, mapping: sample.mapping, process: sample.process))
        }
        cases.append(Case(name: "bad-inputs-csv", commands: badInputs.filter { $0.hasSuffix(".csv") }.flatMap { name in
            [
                ["convert", "BadInputs/\(name)", "--to", "json", "--report", "out/\(name).report.csv", "--rejects", "out/\(name).rejects.csv"],
                ["validate", "BadInputs/\(name)", "--mapping", "auto"],
            ]
        }))
        cases.append(Case(name: "bad-inputs-yaml", commands: badInputs.filter { $0.hasSuffix(".yaml") }.map { name in
            ["convert", "Samples/excel-nl/woningstichting-de-polder.csv", "--mapping", "BadInputs/\(name)", "--to", "csv"]
        }))
        cases.append(Case(name: "several-inputs", commands: [
            ["convert", "Samples/woonstad-waterland.csv", "Samples/edge-cases/vreemde-tekens.csv", "--to", "json",
             "--rejects", "out/rejects.csv", "--report", "out/report.json"],
            ["convert", "-", "--mapping", "auto", "--to", "csv"],
            ["convert", "Samples/archi", "--mapping", "auto", "--to", "md"],
            ["mapping", "list"],
            ["mapping", "show", "excel-nl"],
            ["mapping", "init", "Samples/excel-nl/woningstichting-de-polder.csv"],
            ["inspect", "Samples/excel-nl/woningstichting-de-polder.csv"],
            ["inspect", "Samples/woonstad-waterland.csv", "--records", "--json"],
        ]))
        cases.append(Case(name: "batch", commands: [
            ["batch"] + batchInputs + ["--out", "migrated", "--to", "csv,md,dot,json,archi", "--jobs", "1"],
            ["batch"] + batchInputs + ["--out", "migrated", "--to", "csv,md,dot,json,archi", "--jobs", "1"],
            ["batch", "Samples", "--out", "merged", "--merge", "--to", "csv,md,dot,json,archi", "--jobs", "1"],
            ["batch", "Samples", "--out", "strict", "--strict", "--mapping", "canonical", "--jobs", "1"],
        ], hashed: true, verbatim: { path in
            path == "stdout" || path == "stderr" || path.hasSuffix("summary.json") || path.hasSuffix("summary.md")
                || path.hasSuffix(".cora-batch.json") || path.hasSuffix(".report.json")
        }))
        cases.append(Case(
            name: "realworld", commands: [
                ["convert", "realworld/archi-csv-testdata/test1-elements.csv", "--mapping", "archi", "--to", "json", "--rejects", "out/rejects.csv"],
                ["convert", "realworld/archi-csv-testdata/test2-elements.csv", "--mapping", "archi", "--to", "archi", "-o", "out/test2"],
                ["convert", "realworld/archi-csv-testdata/test3-elements.csv", "--mapping", "auto", "--to", "csv"],
                ["convert", "realworld/archi-csv-testdata/test4-elements.csv", "--mapping", "archi", "--to", "md"],
                ["convert", "realworld/archi-csv-testdata/test5-elements.csv", "--mapping", "archi", "--to", "dot"],
                ["validate", "realworld/archi-csv-testdata/test6-relations.csv", "--mapping", "archi"],
                ["convert", "realworld/vera-referentiedata/Referentiedata.csv", "--mapping", "auto", "--to", "json"],
                ["validate", "realworld/vera-referentiedata/Referentiedata.csv", "--mapping", "auto"],
                ["batch", "realworld", "--out", "migrated", "--to", "csv,md,json", "--jobs", "1"],
            ],
            hashed: true,
            external: ["archi-csv-testdata", "vera-referentiedata"].map { (shared.appendingPathComponent("realworld/\($0)").path, "realworld/\($0)") }))
        let large = ["generated.csv", "--mapping", "excel-nl"]
        cases.append(Case(
            name: "generated-100000", commands: [
                ["convert"] + large + ["--to", "csv", "-o", "out/model.csv", "--report", "out/report.json", "--rejects", "out/rejects.csv"],
                ["convert"] + large + ["--to", "excel-csv", "-o", "out/model.excel.csv"],
                ["convert"] + large + ["--to", "json", "-o", "out/model.json"],
                ["convert"] + large + ["--to", "md", "-o", "out/model.md"],
                ["convert"] + large + ["--to", "dot", "-o", "out/model.dot"],
                ["validate"] + large + ["--strict"],
            ],
            hashed: true, generatedRows: 100_000))
        return cases
    }()

    // MARK: The test

    @Test("cora does exactly what the transcript recorded", arguments: cases)
    func transcript(_ golden: Case) throws {
        let scratch = try Scratch()
        try Self.prepare(scratch.url, for: golden)
        var transcript: [UInt8] = []
        for arguments in golden.commands {
            try Self.record(arguments, in: scratch.url, hashed: golden.hashed, verbatim: golden.verbatim, into: &transcript)
        }
        let file = Self.directory.appendingPathComponent("\(golden.name).txt")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(transcript).write(to: file)
            Issue.record("recorded \(file.lastPathComponent); rerun without CORA_RECORD_GOLDEN")
            return
        }
        guard FileManager.default.fileExists(atPath: file.path) else {
            Issue.record("no transcript \(file.path); record it with CORA_RECORD_GOLDEN=1")
            return
        }
        let expected = try bytes(of: file)
        if transcript != expected {
            Issue.record("""
                \(golden.name) differs from \(file.lastPathComponent) (record with CORA_RECORD_GOLDEN=1 if the change is intended):
                \(try SampleGoldenTests.unifiedDiff(expected: expected, actual: transcript, name: file.lastPathComponent))
                """)
        }
    }

    /// Copies what the case reads into `folder`.
    static func prepare(_ folder: URL, for golden: Case) throws {
        let manager = FileManager.default
        try manager.copyItem(at: CoraCLI.packageRoot.appendingPathComponent("Samples"), to: folder.appendingPathComponent("Samples"))
        try manager.copyItem(at: CoraCLI.packageRoot.appendingPathComponent("Tests/CoraCLITests/BadInputs"),
                             to: folder.appendingPathComponent("BadInputs"))
        try manager.removeItem(at: folder.appendingPathComponent("BadInputs/README.md"))
        for (source, path) in golden.external {
            let target = folder.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: URL(fileURLWithPath: source), to: target)
            // The copies of read-only files are read-only too: make them the test's own.
            for name in try manager.subpathsOfDirectory(atPath: target.path) {
                try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.appendingPathComponent(name).path)
            }
        }
        if let rows = golden.generatedRows {
            let generator = Process()
            generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            generator.arguments = ["python3", CoraCLI.packageRoot.appendingPathComponent("Benchmarks/generate_inventory.py").path,
                                   "--rows", String(rows), "--out", folder.appendingPathComponent("generated.csv").path]
            try generator.run()
            generator.waitUntilExit()
            try #require(generator.terminationStatus == 0, "the inventory generator failed")
            let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("generated.csv"))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(plantedProblems.utf8))
        }
    }

    /// Rows with a problem each, appended to the generated inventory so that its outputs hold
    /// diagnostics, rejects and the rejection of descendants too: unknown parents, unknown levels
    /// and categories, mojibake, missing names, cycles, wrong nesting, Excel damage, and children
    /// of rejected rows.
    static let plantedProblems: String = (0..<300).map { index -> String in
        let cells: [String]
        switch index % 10 {
        case 0: cells = ["Z\(index)", "Verhuren extra \(index)", "Werkproces", "Primair", "Q\(index)", "", "Verhuur"]
        case 1: cells = ["Z\(index)", "Verhuren fout \(index)", "Werkprocess", "Primair", "P00001", "", "Verhuur"]
        case 2: cells = ["P00001", "Dubbel \(index)", "Bedrijfsproces", "Primair", "", "", ""]
        case 3: cells = ["Z\(index)", "Beëindigen huur Ã« \(index)", "Werkproces", "Primair", "P00001", "", "Verhuur"]
        case 4: cells = ["Z\(index)", "", "Werkproces", "Primair", "P00001", "", "Verhuur"]
        case 5: cells = ["Z\(index)", "Indelen \(index)", "Bedrijfsproces", "Xyz", "", "", ""]
        case 6: cells = ["C\(index)", "Draaien rond \(index)", "Werkproces", "Primair", "C\(index + 1)", "", "Verhuur"]
        case 7: cells = ["C\(index)", "Draaien terug \(index)", "Werkproces", "Primair", "C\(index - 1)", "", "Verhuur"]
        case 8: cells = ["Z\(index)", "Verkeerd genest \(index)", "Werkproces", "Primair", "P00001.01.01", "", "Verhuur"]
        default: cells = ["1,23E+18", "Beschadigd \(index)", "Processtap", "Primair", "Z\(index - 9)", "", ""]
        }
        return (cells + ["", "", "", ""]).joined(separator: ";") + "\r\n"
    }.joined()

    /// Runs one command and appends what it did to `transcript`.
    static func record(_ arguments: [String], in folder: URL, hashed: Bool, verbatim: (String) -> Bool,
                       into transcript: inout [UInt8]) throws {
        let manager = FileManager.default
        let out = folder.appendingPathComponent("out")
        try? manager.removeItem(at: out)
        try manager.createDirectory(at: out, withIntermediateDirectories: true)
        let before = try files(in: folder)
        let stdin: [UInt8]? = arguments.contains("-") ? try bytes(of: folder.appendingPathComponent("Samples/woonstad-waterland.csv")) : nil
        let run = try CoraCLI.run(arguments, stdin: stdin, in: folder, environment: ["CI": "1"])
        #expect(!run.crashed, "\(arguments.joined(separator: " ")) crashed:\n\(run)")

        func append(_ text: String) { transcript += Array(text.utf8) }
        func section(_ title: String, _ content: [UInt8], path: String) {
            if hashed && !verbatim(path) {
                append("--- \(title): \(content.count) bytes, sha256 \(SHA256.hexDigest(of: content))\n")
            } else {
                append("--- \(title): \(content.count) bytes\n")
                transcript += content
                append("\n")
            }
        }
        append("$ cora \(arguments.joined(separator: " "))\nexit \(run.status)\n")
        section("stdout", run.stdout, path: "stdout")
        section("stderr", normalizeClock(run.stderr), path: "stderr")
        // The files the command wrote or changed (the first batch run writes its folder, the second
        // rewrites nothing: listed again only when a file's bytes changed).
        let after = try files(in: folder)
        for (path, content) in after.sorted(by: { $0.key < $1.key }) where before[path] != content {
            section("file \(path)", content, path: path)
        }
        for path in before.keys.sorted() where after[path] == nil {
            append("--- removed \(path)\n")
        }
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func files(in folder: URL) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let manager = FileManager.default
        for path in try manager.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[path] = try bytes(of: url)
        }
        return result
    }

    /// Standard error with the clock of batch progress lines (`[3/8 0:01]`) left out.
    static func normalizeClock(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: #"^\[(\d+)/(\d+) \d+:\d\d(:\d\d)?\]"#, options: [.anchorsMatchLines])
        let normalized = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "[$1/$2]")
        return normalized == text ? bytes : Array(normalized.utf8)
    }
}
