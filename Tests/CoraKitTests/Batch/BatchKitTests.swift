import CoraCSV
import CoraKit
import Foundation
import Testing

@Suite("Batch: SHA-256, paths, plans, manifests, summaries and merging")
struct BatchKitTests {
    // MARK: SHA-256

    @Test("SHA-256 test vectors (FIPS 180-4), in one piece and in uneven chunks")
    func sha256Vectors() {
        let vectors: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ]
        for (text, expected) in vectors {
            #expect(SHA256.hexDigest(of: text) == expected)
            var hash = SHA256()
            for byte in text.utf8 { hash.update([byte]) }
            #expect(hash.hexDigest() == expected)
        }
        var million = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { million.update(chunk) }
        #expect(million.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        var odd = SHA256()
        let bytes = Array("The quick brown fox jumps over the lazy dog".utf8)
        odd.update(Array(bytes[0..<7]))
        odd.update(Array(bytes[7...]))
        #expect(odd.hexDigest() == "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")
    }

    // MARK: Paths

    @Test("normalising, joining and relating paths")
    func paths() {
        #expect(BatchPath.normalize("a//b/./c/../d") == "a/b/d")
        #expect(BatchPath.normalize("/x/../../y") == "/y")
        #expect(BatchPath.normalize("../a/./b") == "../a/b")
        #expect(BatchPath.normalize("a/..") == ".")
        #expect(BatchPath.join(".", "x.csv") == "x.csv")
        #expect(BatchPath.join("in", "/abs") == "/abs")
        #expect(BatchPath.parent("a/b/c.csv") == "a/b")
        #expect(BatchPath.parent("c.csv") == ".")
        #expect(BatchPath.relative("/a/b/c.csv", to: "/a") == "b/c.csv")
        #expect(BatchPath.relative("/ab/c.csv", to: "/a") == nil)
        #expect(BatchPath.relative("/a", to: "/a") == nil)
        #expect(BatchPath.relative("/a/x", to: "/") == "a/x")
        #expect(BatchPath.commonAncestor(["/l/2019", "/l/2020/x", "/l/2019"]) == "/l")
        #expect(BatchPath.commonAncestor(["/a", "/b"]) == "/")
        #expect(BatchPath.stem("2019/hr.export.csv") == "2019/hr.export")
        #expect(BatchPath.stem("a.b/.hidden") == "a.b/.hidden")
        #expect(BatchPath.stem("a.b/plain") == "a.b/plain")
        #expect(BatchPath.replacingExtension("x/y.txt", with: ".csv") == "x/y.csv")
        #expect(BatchPath.hasInputExtension("Export.CSV"))
        #expect(BatchPath.hasInputExtension("a.tsv") && BatchPath.hasInputExtension("a.txt"))
        #expect(BatchPath.hasInputExtension("a.xlsx") && BatchPath.hasInputExtension("A.XLSM"))
        #expect(!BatchPath.hasInputExtension("a.xls") && !BatchPath.hasInputExtension(".csv"))
    }

    @Test("an output path must stay inside the output folder", arguments: [
        ("a.csv", true), ("2019/hr.csv", true), ("", false), ("/etc/passwd", false), ("../x.csv", false),
        ("a/../../x.csv", false), ("a//b.csv", false), ("./a.csv", false), ("a/./b.csv", false), ("a\u{0}b", false),
    ])
    func safeRelative(_ path: String, _ safe: Bool) {
        #expect(BatchPath.isSafeRelative(path) == safe)
    }

    @Test("wildcards: *, ?, classes, escapes, and no leading dot")
    func glob() {
        #expect(GlobPattern("*.csv").matches("a.csv"))
        #expect(!GlobPattern("*.csv").matches("a.csv.bak"))
        #expect(!GlobPattern("*.csv").matches(".hidden.csv"))
        #expect(GlobPattern(".*.csv").matches(".hidden.csv"))
        #expect(GlobPattern("f??.csv").matches("f01.csv") && !GlobPattern("f??.csv").matches("f1.csv"))
        #expect(GlobPattern("[ab]*").matches("beheer.csv") && !GlobPattern("[ab]*").matches("crm.csv"))
        #expect(GlobPattern("[!ab]*").matches("crm.csv") && !GlobPattern("[!ab]*").matches("a.csv"))
        #expect(GlobPattern("201[0-9]").matches("2019") && !GlobPattern("201[0-8]").matches("2019"))
        #expect(GlobPattern("a\\*b").matches("a*b") && !GlobPattern("a\\*b").matches("axb"))
        #expect(GlobPattern("*a*b*c").matches("xxaxxbxxc"))
        #expect(GlobPattern("[").matches("["))
        #expect(GlobPattern.hasWildcards("data/*/x.csv") && !GlobPattern.hasWildcards("data/x\\*.csv"))
        let split = GlobPattern.split("data/2019/*/x*.csv")
        #expect(split.base == "data/2019" && split.rest == ["*", "x*.csv"])
        #expect(GlobPattern.split("/abs/**/*.csv").base == "/abs")
        #expect(GlobPattern.split("*.csv").base == ".")
    }

    // MARK: Plans

    /// The formats named in `list`.
    func formats(_ list: String) -> [any OutputFormat] {
        (try? OutputFormats.list(list).get()) ?? []
    }

    @Test("a plan names every output after the input's relative path")
    func plan() {
        let inputs = [BatchInput(path: "legacy/2019/hr.csv", relativePath: "2019/hr.csv"), BatchInput(path: "legacy/x.txt", relativePath: "x.txt")]
        let plan = BatchPlan(inputs: inputs, formats: formats("csv,md,dot,json"), merge: false)
        #expect(plan.files[0].outputs == ["csv": "2019/hr.csv", "md": "2019/hr.md", "dot": "2019/hr.dot", "json": "2019/hr.json"])
        #expect(plan.files[0].report == "2019/hr.report.json")
        #expect(plan.files[0].rejects == "2019/hr.rejects.csv")
        #expect(plan.files[1].outputs["csv"] == "x.csv")
        #expect(plan.files.allSatisfy { $0.conflict == nil })
        #expect(plan.merged.isEmpty)
        let merged = BatchPlan(inputs: inputs, formats: formats("csv,md"), merge: true)
        #expect(merged.merged == ["csv": "merged.csv", "md": "merged.md"])
        // A format that writes a folder has one per input; its files are planned.
        let archi = BatchPlan(inputs: [inputs[0]], formats: formats("archi,excel-csv"), merge: false)
        #expect(archi.files[0].outputs == ["archi": "2019/hr.archi", "excel-csv": "2019/hr.excel.csv"])
        #expect(archi.files[0].paths == ["2019/hr.excel.csv", "2019/hr.archi/elements.csv", "2019/hr.archi/relations.csv",
                                         "2019/hr.archi/properties.csv", "2019/hr.report.json", "2019/hr.rejects.csv"])
        #expect(merged.files[0].outputs.isEmpty && merged.files[0].report == "2019/hr.report.json")
    }

    @Test("two inputs with one stem, the summary's name, a file where a folder is needed: conflicts")
    func planConflicts() throws {
        let inputs = [
            BatchInput(path: "in/hr.csv", relativePath: "hr.csv"),
            BatchInput(path: "in/hr.txt", relativePath: "hr.txt"),
            BatchInput(path: "in/summary.csv", relativePath: "summary.csv"),
            BatchInput(path: "in/a.csv", relativePath: "a.csv"),
            BatchInput(path: "in/a.csv/b.csv", relativePath: "a.csv/b.csv"),
            BatchInput(path: "../x.csv", relativePath: "../x.csv"),
        ]
        let plan = BatchPlan(inputs: inputs, formats: formats("csv,json"), merge: false)
        #expect(plan.files[0].conflict == nil)
        #expect(plan.files[1].conflict?.contains("an output of in/hr.csv") == true)
        #expect(plan.files[2].conflict?.contains("the batch's own files") == true, "\(plan.files[2].conflict ?? "")")
        #expect(plan.files[3].conflict == nil)
        #expect(plan.files[4].conflict?.contains("in/a.csv") == true)
        #expect(plan.files[5].conflict?.contains("cannot name a file inside the output folder") == true)
        #expect(plan.files.filter { $0.conflict != nil }.allSatisfy { $0.outputs.isEmpty })
        #expect(Set(plan.allPaths).count == plan.allPaths.count)
        #expect(try OutputFormats.list("md, csv,md").get().map(\.name) == ["csv", "md"])
        #expect(throws: OutputFormats.UnknownFormat(name: "xls")) { try OutputFormats.list("csv,xls").get() }
    }

    // MARK: What the bytes are

    @Test("empty, text in several encodings, and binary files")
    func inputContent() {
        #expect(InputContent.classify([]) == .empty)
        #expect(InputContent.classify(Array("id,name\n1,a\n".utf8)) == .text)
        #expect(InputContent.classify([0x63, 0x61, 0x66, 0xE9, 0x0A]) == .text)  // Windows-1252
        let utf16 = Array("id,name\n1,Verhuren\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(InputContent.classify(utf16) == .text)
        #expect(InputContent.classify([0xFF, 0xFE] + utf16) == .text)
        if case .binary(let what) = InputContent.classify([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) {
            #expect(what.contains("xlsx"))
        } else {
            Issue.record("a ZIP file is not text")
        }
        if case .binary = InputContent.classify([0x00, 0x01, 0x02, 0x00, 0x00, 0x41, 0x42, 0x00, 0x00, 0x00]) {} else {
            Issue.record("NUL bytes that are not UTF-16 are binary")
        }
        if case .binary = InputContent.classify([UInt8](repeating: 0x01, count: 100) + Array("abc".utf8)) {} else {
            Issue.record("control characters are binary")
        }
    }

    // MARK: Summaries

    static func result(_ text: String, file: String = "in/a.csv") throws -> ConversionResult {
        try Pipeline.convert(MemoryByteSource(text: text), file: file, mapping: MappingCatalog.builtin.mapping(named: "canonical"))
    }

    @Test("a file's status: ok, warnings, errors, failed (every row invalid, never read)")
    func statuses() throws {
        let input = BatchInput(path: "in/a.csv", relativePath: "a.csv")
        func summary(_ text: String) throws -> BatchFileSummary {
            let result = try Self.result(text)
            return BatchFileSummary(input: input, mapping: "canonical", read: result.inputs.first, processes: result.model.processes.count,
                                    rejectedRows: result.rejectedRecords.count, diagnostics: result.diagnostics, outputs: ["a.csv", "a.report.json"])
        }
        let ok = try summary(canonicalCSV("a,A,Bepalen visie,business-process,steering,,1,,,,,,,,"))
        #expect(ok.status == .ok && ok.reason == nil && ok.processes == 1 && ok.encoding == "utf-8" && ok.delimiter == ",")
        let errors = try summary(canonicalCSV("a,A,Bepalen visie,business-process,steering,,1,,,,,,,,", "b,B,Verhuren eenheid,business-process,steering,zz,1,,,,,,,,"))
        #expect(errors.status == .errors && errors.rejectedRows == 1)
        #expect(errors.codes == [BatchCodeCount(code: "unknown-parent", errors: 1, warnings: 0)])
        let failed = try summary(canonicalCSV("b,B,Verhuren eenheid,business-process,steering,zz,1,,,,,,,,"))
        #expect(failed.status == .failed)
        #expect(failed.reason == "every row was rejected (1 row with errors)")
        let unread = BatchFileSummary(input: input, mapping: nil, read: nil, processes: 0, rejectedRows: 0,
                                      diagnostics: [Diagnostic(.emptyFile, "empty", file: "in/a.csv")], outputs: [])
        #expect(unread.status == .failed && unread.reason == "empty file" && unread.encoding == nil)
        #expect(BatchFileSummary.interrupted(input).status == .interrupted)
    }

    @Test("summary JSON and Markdown: totals, per-file codes and outputs; the same bytes every time")
    func summaryRendering() throws {
        let input = BatchInput(path: "in/a|b.csv", relativePath: "a|b.csv")
        let result = try Self.result(canonicalCSV("a,A,Bepalen visie,business-process,steering,,1,,,,,,,,", "b,B,Verhuren eenheid,business-process,steering,zz,1,,,,,,,,"))
        let file = BatchFileSummary(input: input, mapping: "canonical", read: result.inputs.first, processes: 1, rejectedRows: 1,
                                    diagnostics: result.diagnostics, outputs: ["a|b.report.json", "a|b.csv"])
        let failed = BatchFileSummary(input: BatchInput(path: "in/e.csv", relativePath: "e.csv"), mapping: nil, read: nil, processes: 0,
                                      rejectedRows: 0, diagnostics: [Diagnostic(.emptyFile, "empty", file: "in/e.csv")], outputs: [])
        let summary = BatchSummary(tool: "cora test", mapping: "auto", formats: ["csv"], merge: false, interrupted: false, files: [failed, file])
        #expect(summary.files.map(\.relativePath) == ["a|b.csv", "e.csv"])
        #expect(summary.hasErrors)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.json())) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["files"] as? Int == 2 && totals["errors"] as? Int == 2 && totals["rowsRead"] as? Int == 2)
        #expect((totals["statuses"] as? [String: Int]) == ["ok": 0, "warnings": 0, "errors": 1, "failed": 1, "interrupted": 0])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files[0]["outputs"] as? [String] == ["a|b.csv", "a|b.report.json"])
        #expect((files[0]["codes"] as? [String: [String: Int]])?["unknown-parent"] == ["errors": 1, "warnings": 0])
        #expect(summary.json() == summary.json())
        let markdown = summary.markdown()
        #expect(markdown.contains("| a\\|b.csv | errors | canonical | utf-8 | , | 2 | 1 | 1 | 1 | 0 | unknown-parent: 1 error |"))
        #expect(markdown.contains("- e.csv (failed): empty file"))
        let table = summary.table(unchanged: ["e.csv"])
        #expect(table.contains("failed (unchanged)"))
        #expect(table.hasSuffix("2 files: 0 ok, 1 with errors, 1 failed; 2 rows read, 1 process, 1 row rejected; 2 errors, 0 warnings\n"))
    }

    // MARK: Manifests

    @Test("a manifest reads back, and a record counts only for the same name, content, mapping and options")
    func manifest() throws {
        let input = BatchInput(path: "in/a.csv", relativePath: "a.csv")
        var manifest = BatchManifest()
        let summary = BatchFileSummary.interrupted(input)
        manifest.files["a.csv"] = BatchManifest.FileRecord(
            input: "in/a.csv", contentHash: "c", mappingHash: "m", optionsHash: "o",
            outputs: [BatchManifest.OutputRecord(path: "a.csv", size: 10)], summary: summary)
        let bytes = manifest.render()
        #expect(BatchManifest.parse(bytes) == manifest)
        #expect(manifest.render() == bytes)
        #expect(BatchManifest.parse(Array("{\"version\": 99, \"files\": {}}".utf8)) == nil)
        #expect(BatchManifest.parse(Array("not json".utf8)) == nil)
        #expect(manifest.unchangedRecord(for: input, contentHash: "c", mappingHash: "m", optionsHash: "o") != nil)
        #expect(manifest.unchangedRecord(for: input, contentHash: "x", mappingHash: "m", optionsHash: "o") == nil)
        #expect(manifest.unchangedRecord(for: input, contentHash: "c", mappingHash: "x", optionsHash: "o") == nil)
        #expect(manifest.unchangedRecord(for: input, contentHash: "c", mappingHash: "m", optionsHash: "x") == nil)
        #expect(manifest.unchangedRecord(for: BatchInput(path: "other/a.csv", relativePath: "a.csv"), contentHash: "c", mappingHash: "m", optionsHash: "o") == nil)
        let key = BatchManifest.mergeKey([(input, "c", "m")], optionsHash: "o")
        #expect(key == BatchManifest.mergeKey([(input, "c", "m")], optionsHash: "o"))
        #expect(key != BatchManifest.mergeKey([(input, "c2", "m")], optionsHash: "o"))
    }

    // MARK: Merging

    @Test("merging: derived ids renumbered with their references, given ids that clash left out, conflicting codes")
    func merging() throws {
        let given = try Self.result(canonicalCSV(
            "bp-1,P1,Verhuren eenheden,business-process,primary,,1,,,,,,,,",
            "wp-1,P1.1,Verhuren eenheid,work-process,primary,bp-1,1,,Verhuur,,,,,,"), file: "a.csv")
        let clash = try Self.result(canonicalCSV(
            "bp-1,P9,Beheren vastgoed,business-process,supporting,,1,,,,,,,,",
            "wp-9,P9.1,Plannen onderhoud,work-process,supporting,bp-1,1,,Onderhoud,,,,,,",
            "bp-2,P1,Verhuur eenheden,business-process,primary,,2,,,,,,,,"), file: "b.csv")
        var derived = clash
        derived.model.processes = [
            CoraProcess(id: "bp-1", code: "", name: "Bepalen visie", parent: "", next: ["bp-x"], source: SourceLocation(file: "c.csv", line: 2, record: 2)),
            CoraProcess(id: "bp-x", code: "", name: "Opstellen woonvisie", parent: "bp-1", source: SourceLocation(file: "c.csv", line: 3, record: 3)),
        ]
        let merged = BatchMerger().merge([
            BatchMerger.Part(result: given, idsGiven: true),
            BatchMerger.Part(result: clash, idsGiven: true),
            BatchMerger.Part(result: derived, idsGiven: false),
        ])
        let (model, diagnostics) = (merged.model, merged.diagnostics)
        let ids = model.processes.map(\.id)
        #expect(ids == ["bp-1", "wp-1", "bp-2", "bp-1-2", "bp-x"])
        #expect(Set(ids).count == ids.count)
        #expect(model.process(withID: "bp-x")?.parent == "bp-1-2")
        #expect(model.process(withID: "bp-1-2")?.next == ["bp-x"])
        #expect(model.processes.allSatisfy { $0.parent.isEmpty || ids.contains($0.parent) })
        #expect(diagnostics.map { "\($0.code.rawValue)@\($0.file):\($0.line ?? 0)" }.sorted()
                == ["conflicting-code@b.csv:4", "duplicate-id@b.csv:2", "unknown-parent@b.csv:3"])
        // The rows left out are told, so that the batch can reject them in their input's rejects.
        #expect(merged.rejected.map { "\($0.file):\($0.line)" } == ["b.csv:2", "b.csv:3"])
        let conflict = try #require(diagnostics.first { $0.code == .conflictingCode })
        #expect(conflict.severity == .warning)
        #expect(conflict.message == "the code \"P1\" names \"Verhuur eenheden\" here and \"Verhuren eenheden\" in a.csv, line 2")

        let strict = BatchMerger(policy: DiagnosticPolicy(strict: true)).merge([BatchMerger.Part(result: given, idsGiven: true), BatchMerger.Part(result: clash, idsGiven: true)])
        #expect(strict.model.process(withID: "bp-2") == nil)
        #expect(strict.diagnostics.first { $0.code == .conflictingCode }?.severity == .error)
        let ignored = BatchMerger(policy: DiagnosticPolicy(ignored: [.conflictingCode])).merge([BatchMerger.Part(result: given, idsGiven: true), BatchMerger.Part(result: clash, idsGiven: true)])
        #expect(!ignored.diagnostics.contains { $0.code == .conflictingCode })
    }
}
