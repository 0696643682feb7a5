import Foundation
import Testing

/// What one run of the `cora` binary left behind: its exit status and everything it printed.
struct CLIRun: CustomStringConvertible {
    /// The exit status (the signal number when it was killed by a signal, with `crashed` set).
    var status: Int32
    /// Whether the process ended by a signal instead of exiting.
    var crashed: Bool
    /// The bytes written to standard output.
    var stdout: [UInt8]
    /// The bytes written to standard error.
    var stderr: [UInt8]

    /// Standard output as UTF-8 text.
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    /// The lines of standard error, without their line breaks.
    var stderrLines: [String] { stderrText.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    /// The lines of standard error that report an error (`…: error: …`).
    var errorLines: [String] { stderrLines.filter { $0.contains(": error: ") } }

    var description: String {
        "exit \(status)\(crashed ? " (signal)" : "")\n--- stdout ---\n\(stdoutText)\n--- stderr ---\n\(stderrText)"
    }
}

/// Runs the built `cora` executable.
enum CoraCLI {
    /// The package root: this file is `<root>/Tests/CoraCLITests/CoraCLI.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample inventory shipped with the package.
    static let sample: URL = packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv")

    /// The `cora` binary built beside the tests (so `swift test --sanitize=address --scratch-path
    /// .build-asan` runs the sanitized one), else `<root>/.build/debug/cora`.
    static let executable: URL = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("cora"))
        }
        let bundle = URL(fileURLWithPath: Bundle.main.bundlePath)
        candidates.append(bundle.appendingPathComponent("cora"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("cora"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/cora"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Whether the `cora` run is built with a sanitizer (`make sanitize`), which needs more address
    /// space than a limit like `prlimit --as` leaves.
    static let isSanitized: Bool = [".build-asan", ".build-tsan"].contains { executable.path.contains($0) }

    /// Runs `cora` (or `program`, such as `prlimit` running `cora`) with `arguments` in `directory`,
    /// with `NO_COLOR=1`, feeding `stdin` (or nothing) on standard input. Standard output and error go to files, so a large output cannot block.
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, in directory: URL,
                    environment extra: [String: String] = [:], program: URL? = nil) throws -> CLIRun {
        let process = Process()
        process.executableURL = program ?? executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment

        let captures = FileManager.default.temporaryDirectory
            .appendingPathComponent("cora-cli-capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: captures, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: captures) }
        let outURL = captures.appendingPathComponent("stdout")
        let errURL = captures.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle

        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        // Feed standard input from another thread: the child may not read it all before it writes.
        let writer = inputPipe.fileHandleForWriting
        let bytes = Data(stdin ?? [])
        let feeder = Thread {
            if !bytes.isEmpty { try? writer.write(contentsOf: bytes) }
            try? writer.close()
        }
        feeder.start()
        process.waitUntilExit()

        return CLIRun(
            status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal,
            stdout: Array(try Data(contentsOf: outURL)),
            stderr: Array(try Data(contentsOf: errURL)))
    }
}

/// A fresh, empty directory under the temporary directory, removed when the value goes away.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cora-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` inside the directory and returns its URL.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    /// Writes `text` as UTF-8 to `name` inside the directory and returns its URL.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Array(text.utf8))
    }

    /// The bytes of `name` inside the directory.
    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url.appendingPathComponent(name)))
    }

    /// The names of the files in the directory, sorted.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// Writes an executable shell script `name` (`#!/bin/sh` and `body`) and returns its URL: a
    /// stand-in for a program cora runs (`CORA_DOT`).
    @discardableResult
    func script(_ name: String, _ body: String) throws -> URL {
        let file = try write(name, "#!/bin/sh\n" + body)
        #expect(chmod(file.path, 0o755) == 0)
        return file
    }

    /// Starts `cora` with `arguments` in this directory with `environment` added, standard error
    /// discarded, and returns the running process (to signal it).
    func start(_ arguments: [String], environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = CoraCLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = url
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The process ids written to `name` one per line, once there are at least `count` (waiting up
    /// to 20 s), or what there is then.
    func pids(in name: String, atLeast count: Int) -> [Int32] {
        var pids: [Int32] = []
        for _ in 0..<400 where pids.count < count {
            pids = String(decoding: (try? read(name)) ?? [], as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
            if pids.count < count { usleep(50_000) }
        }
        return pids
    }

    /// Runs `cora` with this directory as the working directory.
    func cora(_ arguments: String..., stdin: [UInt8]? = nil) throws -> CLIRun {
        try CoraCLI.run(arguments, stdin: stdin, in: url)
    }

    /// Runs `cora` with `arguments` (a list) with this directory as the working directory.
    func cora(_ arguments: [String]) throws -> CLIRun {
        try CoraCLI.run(arguments, in: url)
    }
}

/// Whether the process `pid` has ended within `seconds`; one that has not is killed (so a test
/// leaves nothing running) and counts as not ended.
func hasEnded(_ pid: Int32, within seconds: Double) -> Bool {
    var gone = false
    for _ in 0..<max(1, Int(seconds * 50)) where !gone {
        gone = kill(pid, 0) != 0 && errno == ESRCH
        if !gone { usleep(20_000) }
    }
    if !gone { kill(pid, SIGKILL) }
    return gone
}

/// Small canonical CSV inputs.
enum Canonical {
    /// The 19 canonical columns (layout 2).
    static let header = "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,"
        + "requirements,steers,reports-to,pdca-phase"
    /// The 15 columns of canonical layout 1 (before requirements and the PDCA fields).
    static let layout1Header = "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description"

    /// A canonical row with the given id, code, name, level, category, parent and order, the rest
    /// empty except `description`.
    static func row(_ id: String, _ code: String, _ name: String, level: String = "business-process",
                    category: String = "steering", parent: String = "", order: String = "1",
                    description: String = "") -> String {
        [id, code, name, level, category, parent, order, "", "", "", "", "", "", "", description, "", "", "", ""].joined(separator: ",")
    }

    /// A document: the header and `rows`, each ending with LF.
    static func document(_ rows: String...) -> String {
        document(rows)
    }

    /// A document: the header and `rows`, each ending with LF.
    static func document(_ rows: [String]) -> String {
        ([header] + rows).map { $0 + "\n" }.joined()
    }
}

/// The bytes of a file.
func bytes(of url: URL) throws -> [UInt8] {
    Array(try Data(contentsOf: url))
}

/// Parses JSON bytes.
func parseJSON(_ bytes: [UInt8]) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
}

/// Expects exactly one diagnostic line on standard error that starts with `prefix` (for example
/// `bad.csv:3:4: error: `) and ends with ` [code]`, and returns it.
@discardableResult
func expectDiagnostic(_ run: CLIRun, prefix: String, code: String,
                      sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    let matches = run.stderrLines.filter { $0.hasPrefix(prefix) && $0.hasSuffix(" [\(code)]") }
    #expect(matches.count == 1, "expected one line \"\(prefix)… [\(code)]\" on stderr:\n\(run.stderrText)",
            sourceLocation: sourceLocation)
    return matches.first
}

/// A time limit that only catches a hang (work that is quadratic again takes many minutes): three minutes,
/// or twenty in a sanitizer build (`make sanitize` sets `CORA_SLOW_BUILD`), which runs many times
/// slower. Speed itself is measured by the benchmarks, never by a test.
extension Trait where Self == TimeLimitTrait {
    static var hangGuard: Self {
        .timeLimit(ProcessInfo.processInfo.environment["CORA_SLOW_BUILD"] == nil ? .minutes(3) : .minutes(20))
    }
}
