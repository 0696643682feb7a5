import Foundation
import Testing

/// The shape the redesign gave the code, kept: the library does no I/O of its own, and the command
/// line stays a thin layer of options over one library call per command.
@Suite("The code's structure")
struct StructureTests {
    /// The Swift files under `folder` of the package, with their text.
    static func sources(_ folder: String) throws -> [(path: String, text: String)] {
        let root = CoraCLI.packageRoot.appendingPathComponent(folder)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }.sorted()
        return try paths.map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("the library touches no file, process, signal or environment itself: those come through its protocols")
    func libraryDoesNoIO() throws {
        let forbidden = ["import Glibc", "import Musl", "FileManager", "fopen(", "opendir(", "Process()", "getenv(", "ProcessInfo", "signal("]
        for (path, text) in try Self.sources("Sources/CoraKit") {
            for word in forbidden where Self.uses(word, in: text) {
                Issue.record("Sources/CoraKit/\(path) uses \(word)")
            }
        }
    }

    /// Whether `text` has `word` on its own: a C function such as `signal(` counts when it is not
    /// the method of something (`semaphore.signal()`) nor the end of a longer name.
    static func uses(_ word: String, in text: String) -> Bool {
        guard word.hasSuffix("(") else { return text.contains(word) }
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            if !(before.map { $0 == "." || $0.isLetter || $0.isNumber || $0 == "_" } ?? false) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// Eight commands since `diff` and `coverage` (each parses its options and hands a job to the
    /// library): about 150 lines a command is thin.
    @Test("the command line is thin: under 1,100 lines for its eight commands, in Commands/, Options/ and System/")
    func thinCommandLine() throws {
        let files = try Self.sources("Sources/cora")
        let lines = files.reduce(0) { $0 + $1.text.split(separator: "\n", omittingEmptySubsequences: false).count }
        #expect(lines < 1_100, "Sources/cora has \(lines) lines")
        #expect(files.allSatisfy { ["Commands/", "Options/", "System/"].contains(where: $0.path.hasPrefix) }, "\(files.map(\.path))")
    }
}
