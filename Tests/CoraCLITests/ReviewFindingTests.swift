#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// What the two reviews of the redesign (a new user, a tester trying to break it) found, each
/// fixed and shown here.
@Suite("Findings of the redesign's reviews")
struct ReviewFindingTests {
    @Test("-o onto a FIFO (or a device) writes into it instead of replacing it with a file")
    func outputIntoAFIFO() throws {
        let scratch = try Scratch()
        let fifo = scratch.url.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let received = Locked<Data>(Data())
        let reader = Thread {
            // Opening a FIFO to read waits for its writer; reading ends when the writer closes it.
            let data = FileHandle(forReadingAtPath: fifo.path)?.readDataToEndOfFile() ?? Data()
            received.withLock { $0 = data }
        }
        reader.start()
        let run = try scratch.cora("convert", CoraCLI.sample.path, "-o", "pipe")
        #expect(run.status == 0, "\(run)")
        for _ in 0..<100 where received.withLock({ $0.isEmpty }) { usleep(20_000) }
        #expect(Array(received.withLock { $0 }) == (try bytes(of: CoraCLI.sample)))
        var status = stat()
        #expect(lstat(fifo.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO, "the FIFO was replaced")
    }

    @Test("--mapping auto on an input that is not there says so, not that no mapping fits")
    func autoOnAMissingInput() throws {
        let run = try Scratch().cora("convert", "nothere.csv", "--mapping", "auto")
        #expect(run.status == 2)
        #expect(run.stderrText == "nothere.csv: error: cannot open: No such file or directory [unreadable-input]\n")
    }

    @Test("--to archi -o makes the missing folders of its path")
    func archiIntoNewFolders() throws {
        let scratch = try Scratch()
        let run = try scratch.cora("convert", CoraCLI.sample.path, "--to", "archi", "-o", "a/b/set")
        #expect(run.status == 0, "\(run)")
        #expect(try scratch.read("a/b/set/elements.csv").count > 1000)
    }

    @Test("--ignore with a code that does not exist is a bad argument, with a suggestion")
    func unknownIgnoredCode() throws {
        let run = try Scratch().cora("validate", CoraCLI.sample.path, "--ignore", "naming-conventions")
        #expect(run.status == 64)
        #expect(run.stderrText.contains("--ignore: no code \"naming-conventions\"; did you mean \"naming-convention\"?"), "\(run)")
    }

    @Test("a failure about no file in particular starts with the severity, not an empty location")
    func failureWithoutFile() throws {
        let run = try Scratch().cora("convert", CoraCLI.sample.path, "--mapping", "canonical", "--to", "dot", "--view", "process:nergens")
        #expect(run.status == 2)
        #expect(run.stderrText.hasPrefix("error: --view: "), "\(run)")
        #expect(run.stderrText.hasSuffix(" [invalid-view]\n"), "\(run)")
    }

    @Test("the unknown-level hint names the Dutch level words it promises")
    func dutchLevelWords() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie", level: "kwartier")))
        let run = try scratch.cora("validate", "in.csv")
        #expect(run.stderrText.contains("and their Dutch names (stuurscenario, procesketen, bedrijfsproces, werkproces, processtap)"), "\(run)")
    }

    @Test("batch: spreadsheets that happen to be called elements, relations and properties stay three inputs")
    func spreadsheetsNamedLikeArchi() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        for name in ["elements", "relations", "properties"] {
            try scratch.write("in/\(name).csv", Canonical.document(Canonical.row(name, name, "Bepalen \(name)")))
        }
        let run = try scratch.cora("batch", "in", "--out", "out", "--mapping", "canonical")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText.contains("3 files: 3 ok"), "\(run)")
    }

    @Test("batch --mapping archi reads Archi sets, and says of a spreadsheet that it is none")
    func batchMappingArchi() throws {
        let scratch = try Scratch()
        try scratch.folder("in/archi")
        for table in ["elements", "relations", "properties"] {
            let name = "woonstad-waterland-\(table).csv"
            try scratch.write("in/archi/\(name)", try bytes(of: CoraCLI.packageRoot.appendingPathComponent("Samples/archi/\(name)")))
        }
        try scratch.write("in/sheet.csv", try bytes(of: CoraCLI.sample))
        let run = try scratch.cora("batch", "in", "--out", "out", "--mapping", "archi")
        #expect(run.status == 1, "\(run)")
        #expect(try scratch.read("out/archi/woonstad-waterland-elements.csv") == (try bytes(of: CoraCLI.sample)))
        #expect(run.stdoutText.contains("sheet.csv: failed: not a file of an Archi CSV set"), "\(run)")
    }

    @Test("batch: a diagram that failed is not recorded as done; the next run draws it")
    func failedDiagramIsRedone() throws {
        let scratch = try Scratch()
        try scratch.folder("in")
        try scratch.write("in/a.csv", try bytes(of: CoraCLI.sample))
        let failing = try scratch.write("faildot.sh", "#!/bin/sh\necho 'no' >&2\nexit 3\n")
        #expect(chmod(failing.path, 0o755) == 0)
        let first = try CoraCLI.run(["batch", "in", "--out", "out", "--to", "csv,svg"], in: scratch.url, environment: ["CORA_DOT": failing.path])
        #expect(first.status == 1, "\(first)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/a.svg").path))
        let second = try scratch.cora("batch", "in", "--out", "out", "--to", "csv,svg")
        #expect(second.status == 0, "\(second)")
        #expect(String(decoding: try scratch.read("out/a.svg"), as: UTF8.self).contains("<svg"))

        let merged = try CoraCLI.run(["batch", "in", "--out", "m", "--merge", "--to", "csv,svg"], in: scratch.url,
                                     environment: ["CORA_DOT": failing.path])
        #expect(merged.status == 1, "\(merged)")
        #expect(merged.stderrText.contains("m/merged.svg: error: dot could not draw the diagram"), "\(merged)")
        let again = try scratch.cora("batch", "in", "--out", "m", "--merge", "--to", "csv,svg")
        #expect(again.status == 0, "\(again)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("m/merged.svg").path))
    }
}

extension Scratch {
    /// Makes the folder `name` (and its parents) inside the directory.
    func folder(_ name: String) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent(name), withIntermediateDirectories: true)
    }
}

/// A value shared between threads, behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
