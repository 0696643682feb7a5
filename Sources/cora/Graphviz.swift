import Foundation

/// Runs Graphviz `dot` to turn DOT text into SVG or PNG.
enum Graphviz {
    /// What to say when `dot` cannot be found.
    static let installHint = """
        Graphviz is not installed: cora needs its `dot` program to draw SVG and PNG.
        Install it with `sudo apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` (macOS) \
        or from https://graphviz.org/download/, or write DOT with --to dot and render it elsewhere.
        """

    /// The path of `dot`: `$CORA_DOT`, else the first `dot` on `PATH`.
    static func executable() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CORA_DOT"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders `dot` text in `format` (`svg` or `png`).
    static func render(_ dotText: String, format: String) throws -> [UInt8] {
        guard let executable = executable() else { throw CLIFailure(message: "error: " + installHint) }
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
            throw CLIFailure(message: "error: cannot run \(executable): \(error)")
        }
        // Feed the input on another thread so a large output cannot block both sides.
        let data = Data(dotText.utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let rendered = output.fileHandleForReading.readDataToEndOfFile()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: messages, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CLIFailure(message: "error: dot could not draw the diagram (exit \(process.terminationStatus)): \(text)")
        }
        return Array(rendered)
    }
}
