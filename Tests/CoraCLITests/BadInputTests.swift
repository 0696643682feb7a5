import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile and broken input (issue 8): every file in `BadInputs/` (and the large ones made here at
/// run time) ends with a clear diagnostic naming the file and line, the right exit status, and no
/// crash or hang. `BadInputs/README.md` lists the files.
@Suite("bad inputs: broken, huge and hostile files")
struct BadInputTests {
    /// The corpus folder.
    static let corpus = CoraCLI.packageRoot.appendingPathComponent("Tests/CoraCLITests/BadInputs")

    /// Runs `cora` in a scratch folder holding a copy of the corpus.
    func cora(_ arguments: String..., setUp: (Scratch) throws -> Void = { _ in }) throws -> CLIRun {
        let scratch = try Scratch()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path) {
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name), to: scratch.url.appendingPathComponent(name))
        }
        try setUp(scratch)
        return try CoraCLI.run(arguments, in: scratch.url)
    }

    /// Checks the exit status, that the run did not crash, and one diagnostic `prefix…[code]`.
    @discardableResult
    func expect(_ run: CLIRun, status: Int32, prefix: String, code: String,
                sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        #expect(!run.crashed, "\(run)", sourceLocation: sourceLocation)
        #expect(run.status == status, "\(run)", sourceLocation: sourceLocation)
        return expectDiagnostic(run, prefix: prefix, code: code, sourceLocation: sourceLocation)
    }

    /// Checks exit status 2 (the mapping cannot be used) and one error line that names the mapping
    /// file and `line` and says `what`.
    func expectMappingRejected(_ run: CLIRun, file: String, line: Int, saying what: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!run.crashed, "\(run)", sourceLocation: sourceLocation)
        #expect(run.status == 2, "\(run)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "\(run)", sourceLocation: sourceLocation)
        let errors = run.stderrLines.filter { $0.hasPrefix("\(file):\(line): error: ") }
        #expect(errors.count == 1, "expected one error on \(file):\(line):\n\(run.stderrText)", sourceLocation: sourceLocation)
        #expect(errors.first?.contains(what) == true, "\(run.stderrText)", sourceLocation: sourceLocation)
    }

    // MARK: Files that are not inventories

    @Test("an 8 GB sparse file after 1,100 short rows, --max-rows raised: no reservation beyond memory, the rows, nul-byte, exit 2")
    func sparseFileWithRaisedRowLimit() throws {
        // The first rows estimate 950,000,000 rows; the reservation from that estimate asked
        // for tens of GB at once and the run ended on signal 6 (a breaker's finding).
        for limit in ["350000000", "2000000000"] {
            let run = try cora("validate", "sparse.csv", "--mapping", "canonical", "--max-rows", limit) { scratch in
                try scratch.write("sparse.csv", "name\n" + String(repeating: "Verhuren\n", count: 1_100))
                let handle = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("sparse.csv"))
                try handle.truncate(atOffset: 8 << 30)
                try handle.close()
            }
            expect(run, status: 2, prefix: "sparse.csv:1102: error: a NUL byte", code: "nul-byte")
            #expect(run.stderrLines.last == "cora: 1100 rows read, 1100 processes, 0 rejected, 1 line not read; 1 error (nul-byte 1), 0 warnings", "\(run)")
        }
    }

    @Test("an empty file: empty-file on line 1, exit 1")
    func emptyFile() throws {
        let run = try cora("convert", "empty.csv")
        expect(run, status: 1, prefix: "empty.csv:1: error: ", code: "empty-file")
    }

    @Test("a header without rows: a no-data warning, exit 0")
    func headerOnly() throws {
        let run = try cora("convert", "header-only.csv")
        expect(run, status: 0, prefix: "header-only.csv:1: warning: ", code: "no-data")
        #expect(run.stdoutText.split(separator: "\n").count == 1, "only the canonical header: \(run)")
    }

    @Test("random binary bytes: a NUL byte ends the read with nul-byte, exit 2 (incomplete); inspect says the same")
    func randomBinary() throws {
        let convert = try cora("convert", "random-binary.csv")
        expect(convert, status: 2, prefix: "random-binary.csv:2: error: ", code: "nul-byte")
        let inspect = try cora("inspect", "random-binary.csv")
        #expect(!inspect.crashed, "\(inspect)")
        #expect(inspect.status == 1, "\(inspect)")
        #expect(inspect.stderrText.contains("[nul-byte]"), "\(inspect)")
    }

    @Test("an unclosed quote: unclosed-quote on the line it opens, the row before it kept, exit 2 (incomplete)")
    func unclosedQuote() throws {
        let run = try cora("convert", "unclosed-quote.csv")
        expect(run, status: 2, prefix: "unclosed-quote.csv:3: error: ", code: "unclosed-quote")
        #expect(run.stdoutText.contains("bp-1,P1,Verhuren eenheden"), "\(run)")
        #expect(!run.stdoutText.contains("Opzeggen huur"), "the rest of the file is not swallowed into a row: \(run)")
    }

    @Test("a stray quote: stray-quote on its line, exit 2 (incomplete)")
    func strayQuote() throws {
        let run = try cora("convert", "stray-quote.csv")
        expect(run, status: 2, prefix: "stray-quote.csv:3: error: ", code: "stray-quote")
        #expect(run.stdoutText.contains("bp-1,P1,Verhuren eenheden"), "\(run)")
    }

    @Test("a NUL byte: nul-byte on its line, the row before it kept, exit 2 (incomplete)")
    func nulByte() throws {
        let run = try cora("convert", "nul-byte.csv")
        expect(run, status: 2, prefix: "nul-byte.csv:3: error: ", code: "nul-byte")
        #expect(run.stdoutText.contains("bp-1,P1,Verhuren eenheden"), "\(run)")
    }

    @Test("UTF-8 mixed with Windows-1252: all read as Windows-1252 (one encoding per file), one warning naming the first bad line, the UTF-8 line's mojibake reported, exit 1")
    func mixedEncoding() throws {
        let run = try cora("convert", "mixed-encoding.csv")
        expect(run, status: 1, prefix: "mixed-encoding.csv:3: warning: the file is not valid UTF-8 (first bad byte on line 3); it was read as Windows-1252 ",
               code: "encoding-fallback")
        _ = expectDiagnostic(run, prefix: "mixed-encoding.csv:2:3: error: the name has \"Ã«\": text saved in the wrong encoding (mojibake)", code: "mojibake")
        #expect(run.stderrText.contains("mixed-encoding.csv:2:3: note: probably \"Beëindigen huur\";"), "\(run)")
    }

    @Test("duplicate headers: duplicate-header on the header line and column, the second kept as a property, exit 1")
    func duplicateHeaders() throws {
        let run = try cora("convert", "duplicate-headers.csv")
        let line = expect(run, status: 1, prefix: "duplicate-headers.csv:1:5: error: ", code: "duplicate-header")
        #expect(line?.contains("\"name\"") == true)
        #expect(run.stdoutText.hasPrefix(Canonical.header + ",name (2)\n"), "\(run)")
        #expect(run.stdoutText.contains("Verhuren eenheden") && run.stdoutText.contains("Verhuur"), "nothing dropped: \(run)")
    }

    @Test("UTF-16 without a byte order mark: read as UTF-16 with a utf16-without-bom warning, exit 0")
    func utf16WithoutBOM() throws {
        let run = try cora("convert", "utf16-no-bom.csv")
        expect(run, status: 0, prefix: "utf16-no-bom.csv:1: warning: ", code: "utf16-without-bom")
        #expect(run.stdoutText.contains("bp-1,P1,Beëindigen huur,business-process,primary"), "\(run)")
    }

    @Test("lines of only delimiters: skipped with an empty-row warning each, the real row kept, exit 0")
    func onlyDelimiters() throws {
        let run = try cora("convert", "only-delimiters.csv")
        #expect(!run.crashed)
        #expect(run.status == 0, "\(run)")
        for line in 2...4 { expectDiagnostic(run, prefix: "only-delimiters.csv:\(line): warning: ", code: "empty-row") }
        #expect(run.stdoutText.contains("bp-1,P1,Verhuren eenheden"), "\(run)")
    }

    @Test("a file of nothing but delimiters: no name column (missing-column, naming the mapping's line), exit 1")
    func allDelimiters() throws {
        let run = try cora("convert", "all-delimiters.csv", "--mapping", "canonical")
        let line = expect(run, status: 1, prefix: "builtin:canonical:", code: "missing-column")
        #expect(line?.contains("all-delimiters.csv has no column \"name\"") == true, "\(run)")
        // With auto, the default, no mapping fits that header.
        expect(try cora("convert", "all-delimiters.csv"), status: 2, prefix: "all-delimiters.csv: error: --mapping auto: no mapping fits", code: "no-mapping-fits")
    }

    // MARK: Large files, made here (never committed)

    @Test("a 5 MB field: field-too-large on its line (1 MiB limit), exit 2 (incomplete); accepted with --max-field-size")
    func fiveMegabyteField() throws {
        let field = String(repeating: "x", count: 5_000_000)
        let setUp: (Scratch) throws -> Void = { scratch in
            try scratch.write("big-field.csv", Canonical.document(
                Canonical.row("a", "A", "Bepalen visie"), Canonical.row("b", "B", "Verhuren eenheden", order: "2", description: field)))
        }
        let run = try cora("convert", "big-field.csv", setUp: setUp)
        expect(run, status: 2, prefix: "big-field.csv:3: error: ", code: "field-too-large")
        #expect(run.stdoutText == Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        let raised = try cora("convert", "big-field.csv", "--max-field-size", "6000000", setUp: setUp)
        #expect(raised.status == 0, "\(raised.stderrText)")
        #expect(raised.stdoutText.contains(field))
    }

    /// A header of `columns` columns (`id`, `name`, then `c3`…) and one row.
    static func wide(_ columns: Int) -> String {
        let header = ["id", "name"] + (3...max(3, columns)).map { "c\($0)" }
        let row = ["a", "Bepalen visie"] + Array(repeating: "v", count: max(1, columns - 2))
        return header.prefix(columns).joined(separator: ",") + "\n" + row.prefix(columns).joined(separator: ",") + "\n"
    }

    @Test("10,000 columns: read and converted (the limit), in seconds; 10,001 ends with too-many-fields, exit 2 (incomplete)")
    func tenThousandColumns() throws {
        let start = Date()
        let run = try cora("convert", "wide.csv", setUp: { try $0.write("wide.csv", Self.wide(10_000)) })
        #expect(!run.crashed)
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(run.stdoutText.split(separator: "\n").first?.split(separator: ",").count == 19 + 9_998, "every column kept as a property")
        #expect(Date().timeIntervalSince(start) < 60, "10,000 columns took \(Date().timeIntervalSince(start)) s")
        let over = try cora("convert", "wider.csv", setUp: { try $0.write("wider.csv", Self.wide(10_001)) })
        expect(over, status: 2, prefix: "wider.csv:1: error: ", code: "too-many-fields")
    }

    @Test("10,000 columns with the same header: duplicate-header per column, in seconds (was minutes)")
    func tenThousandDuplicateHeaders() throws {
        let text = (["id", "name"] + Array(repeating: "x", count: 9_998)).joined(separator: ",") + "\n"
            + (["a", "Bepalen visie"] + Array(repeating: "v", count: 9_998)).joined(separator: ",") + "\n"
        let start = Date()
        let run = try cora("validate", "same.csv", setUp: { try $0.write("same.csv", text) })
        #expect(!run.crashed)
        #expect(run.status == 1, "\(run.stderrText.suffix(500))")
        // 20 of them shown, the other 9,977 counted (--report has every one).
        #expect(run.stderrLines.count { $0.hasSuffix("[duplicate-header]") } == 20)
        #expect(run.stderrLines.contains("… and 9977 more [duplicate-header]; --report FILE lists all of them"), "\(run.stderrText.suffix(500))")
        #expect(Date().timeIntervalSince(start) < 60, "took \(Date().timeIntervalSince(start)) s")
    }

    @Test("a million blank lines: skipped but counted (the row after them is on line 1,000,002), fast, in little memory")
    func millionBlankLines() throws {
        var bytes = Array((Canonical.header + "\n").utf8)
        bytes += [UInt8](repeating: 0x0A, count: 1_000_000)
        bytes += Array("a,A,Bepalen visie,frobnicate,steering,,1,,,,,,,,\n".utf8)
        let scratch = try Scratch()
        try scratch.write("blank.csv", bytes)
        let start = Date()
        let (run, maxRSS) = try runMeasured(["validate", "blank.csv"], in: scratch.url)
        let seconds = Date().timeIntervalSince(start)
        expect(run, status: 1, prefix: "blank.csv:1000002:4: error: ", code: "unknown-level")
        #expect(seconds < 30, "a million blank lines took \(seconds) s")
        // Under a sanitizer (`make sanitize` sets its options) the allocator's quarantine and shadow
        // memory come on top.
        let environment = ProcessInfo.processInfo.environment
        let sanitized = environment["ASAN_OPTIONS"] != nil || environment["TSAN_OPTIONS"] != nil
        #expect(maxRSS < (sanitized ? 2048 : 400) << 20, "a million blank lines took \(maxRSS >> 20) MiB")
    }

    @Test("more rows than --max-rows: too-many-rows on the first row over, the rows before it kept, exit 2 (incomplete)")
    func tooManyRows() throws {
        let rows = (1...5).map { Canonical.row("p\($0)", "P\($0)", "Bepalen visie \($0)", order: "\($0)") }
        let run = try cora("convert", "rows.csv", "--max-rows", "3", setUp: {
            try $0.write("rows.csv", Canonical.header + "\n" + rows.joined(separator: "\n") + "\n")
        })
        let line = expect(run, status: 2, prefix: "rows.csv:4: error: ", code: "too-many-rows")
        #expect(line?.contains("more than 3 records") == true, "\(run)")
        #expect(run.stdoutText == Canonical.document(rows[0], rows[1]))
    }

    @Test("a parent chain deeper than 64: nesting-too-deep on every row below level 64, exit 1; --max-depth raises it")
    func nestingTooDeep() throws {
        // p1 at the top, p2 under p1, …: p65 (line 66) is 65 levels deep.
        let rows = (1...70).map { "p\($0),,Bepalen stap \($0),,,\($0 == 1 ? "" : "p\($0 - 1)"),,,,,,,,," }
        let setUp: (Scratch) throws -> Void = { try $0.write("deep.csv", Canonical.layout1Header + "\n" + rows.joined(separator: "\n") + "\n") }
        let run = try cora("convert", "deep.csv", setUp: setUp)
        #expect(!run.crashed)
        #expect(run.status == 1, "\(run)")
        let deep = run.stderrLines.filter { $0.hasSuffix("[nesting-too-deep]") }
        #expect(deep.count == 6, "\(run.stderrText)")
        #expect(deep.first?.hasPrefix("deep.csv:66:6: error: the process is nested 65 levels deep, more than the limit of 64") == true,
                "\(run.stderrText)")
        #expect(run.stdoutText.split(separator: "\n").count == 1 + 64)
        let raised = try cora("convert", "deep.csv", "--max-depth", "100", setUp: setUp)
        #expect(raised.status == 0, "\(raised.stderrText)")
        #expect(raised.stdoutText.split(separator: "\n").count == 1 + 70)
    }

    @Test("cora batch: --max-depth as in convert; the limit is part of what a rerun compares, so changing it redoes the file")
    func batchNestingTooDeep() throws {
        let rows = (1...70).map { "p\($0),,Bepalen stap \($0),,,\($0 == 1 ? "" : "p\($0 - 1)"),,,,,,,,," }
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        try scratch.write("in/deep.csv", Canonical.layout1Header + "\n" + rows.joined(separator: "\n") + "\n")
        let output = scratch.url.appendingPathComponent("out/deep.csv")
        let run = try CoraCLI.run(["batch", "in", "--out", "out", "--mapping", "canonical"], in: scratch.url)
        #expect(!run.crashed)
        #expect(run.status == 1, "\(run)")
        #expect(try String(contentsOf: output, encoding: .utf8).split(separator: "\n").count == 1 + 64)
        let raised = try CoraCLI.run(["batch", "in", "--out", "out", "--mapping", "canonical", "--max-depth", "100"], in: scratch.url)
        #expect(raised.status == 0, "\(raised.stderrText)")
        #expect(try String(contentsOf: output, encoding: .utf8).split(separator: "\n").count == 1 + 70)
        let zero = try CoraCLI.run(["batch", "in", "--out", "out", "--max-depth", "0"], in: scratch.url)
        #expect(zero.status == 64)
        #expect(zero.stderrText.contains("--max-depth must be at least 1"))
    }

    @Test("a parent chain of 20,000 rows written bottom up, its top rejected: seconds, not minutes")
    func longChainRejectedFromTheTop() throws {
        let count = 20_000
        // p1 under p2 under … under p20000, whose parent does not exist.
        let rows = (1...count).map { "p\($0),,Bepalen stap \($0),,,\($0 == count ? "missing" : "p\($0 + 1)"),,,,,,,,," }
        let start = Date()
        let run = try cora("validate", "chain.csv", setUp: { try $0.write("chain.csv", Canonical.layout1Header + "\n" + rows.joined(separator: "\n") + "\n") })
        #expect(!run.crashed)
        #expect(run.status == 1)
        #expect(run.stderrLines.count { $0.hasSuffix("[unknown-parent]") } == 20)
        #expect(run.stderrLines.contains("… and \(count - 20) more [unknown-parent]; --report FILE lists all of them"), "\(run.stderrText.suffix(500))")
        #expect(Date().timeIntervalSince(start) < 60, "took \(Date().timeIntervalSince(start)) s")
    }

    // MARK: Inputs that cannot be read

    @Test("a directory as input: exit 2, unreadable-input", arguments: ["convert", "validate", "inspect"])
    func directory(command: String) throws {
        let run = try cora(command, "folder.csv", setUp: {
            try FileManager.default.createDirectory(at: $0.url.appendingPathComponent("folder.csv"), withIntermediateDirectories: false)
        })
        expect(run, status: 2, prefix: "folder.csv: error: ", code: "unreadable-input")
        #expect(run.stderrText == "folder.csv: error: is a directory, not a CSV file [unreadable-input]\n", "\(run)")
    }

    @Test("a file without read permission: exit 2, unreadable-input (not as root, who may read anything)",
          .enabled(if: getuid() != 0, "root reads a file without permissions"))
    func noPermission() throws {
        let run = try cora("convert", "locked.csv", setUp: { scratch in
            let url = try scratch.write("locked.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        })
        let line = expect(run, status: 2, prefix: "locked.csv: error: ", code: "unreadable-input")
        #expect(line?.contains("Permission denied") == true)
    }

    @Test("a link to itself (cannot be opened): exit 2, unreadable-input")
    func symbolicLinkLoop() throws {
        let run = try cora("convert", "loop.csv", setUp: {
            try FileManager.default.createSymbolicLink(atPath: $0.url.appendingPathComponent("loop.csv").path, withDestinationPath: "loop.csv")
        })
        let line = expect(run, status: 2, prefix: "loop.csv: error: ", code: "unreadable-input")
        #expect(line?.contains("cannot open") == true)
    }

    @Test("a file that opens but cannot be read (/proc/self/mem): exit 2, unreadable-input", arguments: ["convert", "inspect"])
    func readError(command: String) throws {
        try #require(FileManager.default.fileExists(atPath: "/proc/self/mem"))
        let run = try cora(command, "/proc/self/mem")
        let line = expect(run, status: 2, prefix: "/proc/self/mem: error: ", code: "unreadable-input")
        #expect(line?.contains("cannot read") == true)
    }

    // MARK: Bad mapping files: rejected with the line in the mapping

    @Test("a mapping with an unknown key")
    func unknownKey() throws {
        let run = try cora("convert", "header-only.csv", "--mapping", "unknown-key.yaml")
        expectMappingRejected(run, file: "unknown-key.yaml", line: 3, saying: "unknown key \"feilds\"")
        #expect(run.stderrText.contains("did you mean \"fields\"?"))
    }

    @Test("a mapping with an unknown field")
    func unknownField() throws {
        let run = try cora("convert", "header-only.csv", "--mapping", "unknown-field.yaml")
        expectMappingRejected(run, file: "unknown-field.yaml", line: 4, saying: "unknown field \"ownr\"")
    }

    @Test("a mapping with a value of the wrong type", arguments: [
        ("wrong-type.yaml", 4, "trim must be true or false, not \"sometimes\""),
        ("wrong-type-list.yaml", 6, "split must be a single value, not a mapping"),
    ])
    func wrongType(file: String, line: Int, message: String) throws {
        let run = try cora("convert", "header-only.csv", "--mapping", file)
        expectMappingRejected(run, file: file, line: line, saying: message)
    }

    @Test("a mapping that is not YAML (a tab in the indentation), or nests lists 5,000 deep", arguments: [
        ("not-yaml.yaml", 4), ("deep-yaml.yaml", 3),
    ])
    func notYAML(file: String, line: Int) throws {
        let run = try cora("convert", "header-only.csv", "--mapping", file)
        expectMappingRejected(run, file: file, line: line, saying: "not valid YAML")
    }

    @Test("a column that is not in the file: missing-column naming the mapping's line, exit 1", arguments: [
        ("missing-column.yaml", 3, "no column \"Procesnaam\" for the field name"),
        ("missing-required-column.yaml", 4, "no column \"Proceseigenaar\" for the field owner"),
    ])
    func columnNotInTheFile(file: String, line: Int, message: String) throws {
        let run = try cora("convert", "header-only.csv", "--mapping", file)
        let found = expect(run, status: 1, prefix: "\(file):\(line): error: ", code: "missing-column")
        #expect(found?.contains(message) == true, "\(run)")
    }

    @Test("a YAML alias bomb (the billion laughs): rejected at once, at its line")
    func aliasBomb() throws {
        let start = Date()
        let run = try cora("convert", "header-only.csv", "--mapping", "alias-bomb.yaml")
        expectMappingRejected(run, file: "alias-bomb.yaml", line: 4, saying: "a level must be a single value, not a list")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("aliases that multiply a list 1,000 times: more than 20,000 nodes, rejected at the anchor's line")
    func aliasFanOut() throws {
        let start = Date()
        let run = try cora("convert", "header-only.csv", "--mapping", "alias-fan-out.yaml")
        expectMappingRejected(run, file: "alias-fan-out.yaml", line: 4, saying: "more than 20000 YAML nodes")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("a mapping file over 1 MiB: rejected, naming the line where the limit is passed")
    func hugeMapping() throws {
        // 40,000 comment lines of 40 bytes: the limit of 1,048,576 bytes is passed on line 26,215.
        let line = "# " + String(repeating: "x", count: 37) + "\n"
        let run = try cora("convert", "header-only.csv", "--mapping", "huge.yaml", setUp: {
            try $0.write("huge.yaml", "name: huge\n" + String(repeating: line, count: 40_000))
        })
        let expected = 1 + (1 << 20 - "name: huge\n".utf8.count) / 40 + 1
        expectMappingRejected(run, file: "huge.yaml", line: expected, saying: "larger than 1048576 bytes")
    }

    @Test("a mapping of 30,000 headers (under 1 MiB): more than 20,000 nodes, at the line where the count is passed")
    func manyNodes() throws {
        let headers = (1...30_000).map { "  - h\($0)" }.joined(separator: "\n")
        let run = try cora("convert", "header-only.csv", "--mapping", "many.yaml", setUp: {
            try $0.write("many.yaml", "name: many\ndetect:\n  headers:\n" + headers + "\n")
        })
        // Nodes counted: the top mapping, the key "name" and its value, the key "detect", the detect
        // mapping, the key "headers", the list, then one per header: h19994 on line 19,997 is the 20,001st.
        expectMappingRejected(run, file: "many.yaml", line: 19_997, saying: "more than 20000 YAML nodes")
    }

    // MARK: Support

    /// Runs `cora` and returns the run with the peak resident memory of that one process (in bytes),
    /// as GNU time reports it. (Not from `wait4` on a process spawned from the test: `posix_spawn`
    /// starts it in the test process's memory, and Linux carries that memory's peak over the
    /// `exec`, so the figure would be the test process's once it is larger than cora's.)
    func runMeasured(_ arguments: [String], in directory: URL) throws -> (CLIRun, Int) {
        let out = directory.appendingPathComponent(".stdout"), err = directory.appendingPathComponent(".stderr")
        let peak = directory.appendingPathComponent(".maxrss")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // GNU time (a small process) starts the shell, which changes the folder and becomes `cora`.
        let argv = (["/usr/bin/time", "-f", "%M", "-o", peak.path, "/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path,
                     CoraCLI.executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "GNU time is not installed; `make test` installs it")
        let spawned = posix_spawn(&pid, "/usr/bin/time", &actions, nil, argv, envp)
        try #require(spawned == 0, "posix_spawn: \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let signalled = status & 0x7F != 0
        let run = CLIRun(status: signalled ? status & 0x7F : (status >> 8) & 0xFF, crashed: signalled,
                         stdout: Array(try Data(contentsOf: out)), stderr: Array(try Data(contentsOf: err)))
        let kilobytes = String(decoding: try Data(contentsOf: peak), as: UTF8.self)
            .split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return (run, try #require(kilobytes, "GNU time wrote no figure") * 1024)
    }
}
