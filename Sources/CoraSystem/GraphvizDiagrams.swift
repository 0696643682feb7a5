#if canImport(Glibc)
import Glibc
#endif
import CoraKit
import Foundation

/// Draws diagrams with Graphviz `dot`: `$CORA_DOT`, else the first `dot` on `PATH`.
public struct GraphvizDiagrams: DiagramDrawing {
    /// The path of `dot`.
    public let executable: String

    /// Graphviz as found on this machine, or `nil` when it is not installed.
    public static func installed() -> GraphvizDiagrams? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CORA_DOT"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? GraphvizDiagrams(executable: path) : nil
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return GraphvizDiagrams(executable: candidate) }
        }
        return nil
    }

    public func draw(_ dot: String, as format: String) throws(RunFailure) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(format)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw RunFailure(.graphvizFailed, "cannot run \(executable): \(error)")
        }
        // Feed the input on another thread so a large output cannot block both sides. A `dot` that
        // exits before reading it all must not end cora with SIGPIPE: the write fails instead, and
        // dot's exit status says what happened.
        signal(SIGPIPE, SIG_IGN)
        let data = Data(dot.utf8)
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let drawn = output.fileHandleForReading.readDataToEndOfFile()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: messages, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw RunFailure(.graphvizFailed, "dot could not draw the diagram (exit \(process.terminationStatus)): \(text)")
        }
        return Array(drawn)
    }
}
