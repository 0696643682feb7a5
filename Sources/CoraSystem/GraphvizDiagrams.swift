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

    /// How much of what `dot` says on standard error a failure quotes.
    static let messageLimit = 2_000

    /// The seconds one drawing may take before `dot` is ended: `$CORA_DOT_TIMEOUT`, else 600 (a
    /// diagram of tens of thousands of processes takes minutes; a `dot` that hangs would hold
    /// cora forever).
    public var timeout: Double = {
        if let text = ProcessInfo.processInfo.environment["CORA_DOT_TIMEOUT"], let seconds = Double(text), seconds > 0 { return seconds }
        return 600
    }()

    public func draw(_ dot: String, as format: String) throws(RunFailure) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(format)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        // A `dot` that exits before it read the whole diagram must not end cora with SIGPIPE: the
        // write fails with EPIPE instead, and that is reported below.
        signal(SIGPIPE, SIG_IGN)
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw RunFailure(.graphvizFailed, "cannot run \(executable): \(error)")
        }
        // Ended with cora when a signal ends it, never left running on its own.
        let child = ChildProcessRegistry.register(process.processIdentifier)
        defer { ChildProcessRegistry.unregister(child) }
        // The diagram is fed and the messages are read on threads of their own, so that neither a
        // large diagram nor a flood of warnings can leave both sides waiting on a full pipe.
        let data = Data(dot.utf8)
        let writeFailed = Locked(false)
        let messages = Locked(Data())
        let done = DispatchGroup()
        done.enter()
        Thread {
            do {
                try input.fileHandleForWriting.write(contentsOf: data)
            } catch {
                // EPIPE: dot closed its input.
                writeFailed.withLock { $0 = true }
            }
            try? input.fileHandleForWriting.close()
            done.leave()
        }.start()
        done.enter()
        Thread {
            let text = errors.fileHandleForReading.readDataToEndOfFile()
            messages.withLock { $0 = text }
            done.leave()
        }.start()
        // A dot that takes longer than the timeout is ended (its output then ends too).
        let timedOut = Locked(false)
        let finished = Locked(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            guard !finished.withLock({ $0 }), process.isRunning else { return }
            timedOut.withLock { $0 = true }
            kill(process.processIdentifier, SIGKILL)
        }
        let picture = Locked(Data())
        done.enter()
        Thread {
            let bytes = output.fileHandleForReading.readDataToEndOfFile()
            picture.withLock { $0 = bytes }
            done.leave()
        }.start()
        // Waits for dot to end; ended for taking too long, it is not waited for much longer (a
        // program it started itself may keep it from being reaped).
        var waitedAfterEnding = 0
        while exited.wait(timeout: .now() + 1) == .timedOut {
            if timedOut.withLock({ $0 }) {
                waitedAfterEnding += 1
                if waitedAfterEnding >= 3 { break }
            }
        }
        finished.withLock { $0 = true }
        if timedOut.withLock({ $0 }) {
            // A program it started may still hold the pipes: what it wrote is not waited for.
            _ = done.wait(timeout: .now() + 2)
            let said = Self.summary(messages.withLock { $0 })
            throw RunFailure(.graphvizFailed, "dot did not finish drawing the diagram within \(Int(timeout)) s and was ended (CORA_DOT_TIMEOUT sets the seconds)" + said)
        }
        done.wait()
        let drawn = picture.withLock { $0 }
        let said = Self.summary(messages.withLock { $0 })
        if process.terminationReason == .uncaughtSignal {
            throw RunFailure(.graphvizFailed, "dot was killed by signal \(process.terminationStatus) while drawing the diagram" + said)
        }
        guard process.terminationStatus == 0 else {
            throw RunFailure(.graphvizFailed, "dot could not draw the diagram (exit \(process.terminationStatus))" + said)
        }
        if writeFailed.withLock({ $0 }) {
            throw RunFailure(.graphvizFailed, "dot exited before it had read the whole diagram (\(data.count) bytes of DOT)" + said)
        }
        // A small diagram fits in the pipe's buffer, so a dot that stopped reading early is not
        // always seen above: what it wrote must at least be a whole picture.
        guard Self.isWhole(Array(drawn), as: format) else {
            throw RunFailure(.graphvizFailed, "dot wrote no whole \(format.uppercased()) (\(drawn.count) bytes)" + said)
        }
        return Array(drawn)
    }

    /// Whether `bytes` is a whole picture of `format`: an SVG document that closes its `svg`
    /// element, a PNG from its signature to its `IEND` chunk; other formats are taken as they are.
    static func isWhole(_ bytes: [UInt8], as format: String) -> Bool {
        switch format {
        case "svg":
            let text = String(decoding: bytes.suffix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.hasSuffix("</svg>") && bytes.count > 64
        case "png":
            return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && bytes.suffix(12).starts(with: [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44])
        default:
            return true
        }
    }

    /// `": "` and what dot said, trimmed, at most ``messageLimit`` bytes (cut on a character), or nothing.
    static func summary(_ messages: Data) -> String {
        let text = String(decoding: messages, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return "" }
        guard text.utf8.count > messageLimit else { return ": " + text }
        var kept = ""
        for character in text {
            guard kept.utf8.count + character.utf8.count <= messageLimit else { break }
            kept.append(character)
        }
        return ": " + kept + " …"
    }
}
