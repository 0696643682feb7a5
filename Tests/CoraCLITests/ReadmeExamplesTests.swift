import Foundation
import Testing

/// Every example in README.md runs as written, from a copy of the clone, with `cora` on the `PATH`.
///
/// A ```` ```text ```` block that starts with `$ ` is a transcript: each `$ ` line is a command, run
/// with `/bin/sh` in the copy (standard output and error into one file, so their lines come in the
/// order `cora` wrote them), and the lines up to the next command are what it must print. A line
/// that is only `...` or `…` stands for any number of lines; `echo $?` prints the status of the
/// command before it. Progress lines of a batch (`[3/8 0:01] file: ok (…)`) are compared without
/// their number and time, as a set: files finish in any order when they run in parallel.
///
/// In a ```` ```sh ```` block every line that is not a comment (nor a `make` target) is a command
/// that must run and end with status 0 or 1 (findings in the data), never 2 or 64; the commands of
/// one block run one after the other in one folder.
///
/// `CORA_RECORD_README=1` writes what the transcripts printed to a file, to update the README from.
@Suite("README examples", .serialized)
struct ReadmeExamplesTests {
    /// One command of the README with what it must print, if the README shows it.
    struct Example: CustomStringConvertible {
        var command: String
        /// The lines shown after it; `nil` for a command of an `sh` block.
        var expected: [String]?
        /// The README line of the command.
        var line: Int
        var description: String { "README.md:\(line): $ \(command)" }
    }

    /// The examples, in README order, grouped as they must run: a transcript's commands in one
    /// folder one after the other (a later one may read what an earlier one wrote).
    static func examples(in readme: String) -> [[Example]] {
        var groups: [[Example]] = []
        var block: (kind: String, lines: [(Int, String)])?
        for (offset, raw) in readme.components(separatedBy: "\n").enumerated() {
            let number = offset + 1
            if raw.hasPrefix("```") {
                if let open = block {
                    groups.append(contentsOf: parse(open.kind, open.lines))
                    block = nil
                } else {
                    block = (String(raw.dropFirst(3)).trimmingCharacters(in: .whitespaces), [])
                }
                continue
            }
            block?.lines.append((number, raw))
        }
        return groups.filter { !$0.isEmpty }
    }

    private static func parse(_ kind: String, _ lines: [(Int, String)]) -> [[Example]] {
        switch kind {
        case "text":
            guard let first = lines.first, first.1.hasPrefix("$ ") else { return [] }
            var examples: [Example] = []
            for (number, text) in lines {
                if text.hasPrefix("$ ") {
                    examples.append(Example(command: String(text.dropFirst(2)), expected: [], line: number))
                } else {
                    examples[examples.count - 1].expected!.append(text)
                }
            }
            return [examples]
        case "sh":
            // One folder for the block: a later command may read what an earlier one wrote.
            return [lines.compactMap { number, text -> Example? in
                let command = withoutComment(text).trimmingCharacters(in: .whitespaces)
                guard !command.isEmpty, !command.hasPrefix("make ") else { return nil }
                return Example(command: command, expected: nil, line: number)
            }]
        default:
            return []
        }
    }

    /// The line without a shell comment (`#` after a blank, outside quotes).
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var result = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#", previous.isWhitespace {
                break
            }
            result.append(character)
            previous = character
        }
        return result
    }

    /// Whether `actual` is what `expected` shows: line for line, `...`/`…` for any lines.
    static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if ["...", "…"].contains(first.trimmingCharacters(in: .whitespaces)) {
            let rest = expected.dropFirst()
            var tail = actual
            while true {
                if matches(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let line = actual.first, line == first else { return false }
        return matches(expected.dropFirst(), actual.dropFirst())
    }

    /// Batch progress lines without number and time, each run of them sorted.
    static func normalised(_ lines: [String]) -> [String] {
        var result: [String] = []
        var run: [String] = []
        func flush() {
            result += run.sorted()
            run = []
        }
        for line in lines {
            if let range = line.range(of: #"^\[\d+/(\d+) \d+:\d\d\] "#, options: .regularExpression) {
                let total = line[range].split(separator: "/")[1].split(separator: " ")[0]
                run.append("[·/\(total)] " + line[range.upperBound...])
            } else {
                flush()
                result.append(line)
            }
        }
        flush()
        return result
    }

    /// A copy of what the examples read (`Samples/`, `Mappings/`) and a `bin` folder with `cora`.
    static func workspace() throws -> (folder: URL, bin: URL) {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("cora-readme-\(UUID().uuidString)")
        let clone = folder.appendingPathComponent("clone"), bin = folder.appendingPathComponent("bin")
        try manager.createDirectory(at: clone, withIntermediateDirectories: true)
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        for name in ["Samples", "Mappings"] {
            try manager.copyItem(at: CoraCLI.packageRoot.appendingPathComponent(name), to: clone.appendingPathComponent(name))
        }
        try manager.createSymbolicLink(at: bin.appendingPathComponent("cora"), withDestinationURL: CoraCLI.executable)
        return (clone, bin)
    }

    /// Runs `command` with `/bin/sh -c` in `folder`; its output and status.
    static func shell(_ command: String, in folder: URL, bin: URL) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        // Set-up examples (shell completion) write under the home folder: the test's own.
        environment["HOME"] = folder.deletingLastPathComponent().appendingPathComponent("home").path
        environment.removeValue(forKey: "CORA_MAPPINGS")
        environment.removeValue(forKey: "CI")
        process.environment = environment
        let capture = folder.deletingLastPathComponent().appendingPathComponent("output-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: capture) }
        let handle = try FileHandle(forWritingTo: capture)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (String(decoding: try Data(contentsOf: capture), as: UTF8.self), process.terminationStatus)
    }

    @Test("every command of the README runs as written and prints what the README shows", .hangGuard)
    func readmeExamplesRun() throws {
        let readme = try String(contentsOf: CoraCLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let groups = Self.examples(in: readme)
        #expect(groups.flatMap { $0 }.filter { $0.expected != nil }.count >= 8, "the README's transcripts were not found")
        let recording = ProcessInfo.processInfo.environment["CORA_RECORD_README"] != nil
        var record = ""
        for group in groups {
            let (folder, bin) = try Self.workspace()
            defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
            var status: Int32 = 0
            for example in group {
                let output: String
                if example.command == "echo $?" {
                    output = "\(status)\n"
                } else {
                    (output, status) = try Self.shell(example.command, in: folder, bin: bin)
                }
                var lines = output.components(separatedBy: "\n")
                if lines.last == "" { lines.removeLast() }
                record += "README.md:\(example.line)\n$ \(example.command)\n" + lines.map { $0 + "\n" }.joined()
                guard let expected = example.expected else {
                    #expect(status == 0 || status == 1, "\(example) ended with status \(status):\n\(output)")
                    continue
                }
                if recording { continue }
                let want = Self.normalised(expected), got = Self.normalised(lines)
                #expect(Self.matches(want[...], got[...]), """
                    \(example) printed other lines than the README shows.
                    --- README ---
                    \(expected.joined(separator: "\n"))
                    --- printed ---
                    \(lines.joined(separator: "\n"))
                    """)
            }
        }
        if recording {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("cora-readme-transcripts.txt")
            try Data(record.utf8).write(to: file)
            Issue.record("recorded what the README's commands print in \(file.path); rerun without CORA_RECORD_README")
        }
    }

    @Test("the matcher: `...` stands for any lines, progress lines compare as a set without number and time")
    func matcher() {
        #expect(Self.matches(["a", "...", "d"][...], ["a", "b", "c", "d"][...]))
        #expect(Self.matches(["a", "  ...", "d"][...], ["a", "d"][...]))
        #expect(!Self.matches(["a", "...", "d"][...], ["a", "b", "c"][...]))
        #expect(!Self.matches(["a", "b"][...], ["a", "b", "c"][...]))
        #expect(Self.normalised(["[2/2 0:01] b.csv: ok", "[1/2 0:00] a.csv: ok", "done"])
            == ["[·/2] a.csv: ok", "[·/2] b.csv: ok", "done"])
        #expect(Self.withoutComment("cora convert x.csv --mapping auto     # picks it") == "cora convert x.csv --mapping auto     ")
        #expect(Self.withoutComment("find m -path '*#*' | sort") == "find m -path '*#*' | sort")
    }
}
