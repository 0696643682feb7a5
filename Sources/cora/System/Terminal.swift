#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import ArgumentParser
import CoraKit
import CoraSystem

/// Standard output and standard error: what the library produced, printed; colour on a terminal.
enum Terminal {
    /// Whether standard error is a terminal and `NO_COLOR` is not set.
    static var stderrIsColorTerminal: Bool {
        isatty(2) == 1 && getenv("NO_COLOR") == nil && String(cString: getenv("TERM") ?? strdup("dumb")) != "dumb"
    }

    /// Writes text to standard output.
    static func writeStdout(_ text: String) throws {
        try writeStdout(Array(text.utf8))
    }

    /// Writes bytes to standard output.
    static func writeStdout(_ bytes: [UInt8]) throws {
        let result: Result<Void, FileSystemError> = bytes.withUnsafeBytes { bytes in
            Result { () throws(FileSystemError) in try Machine.fileSystem.writeStandardOutput(bytes) }
        }
        if case .failure(let error) = result { throw RunFailure(.unwritableOutput, "cannot write output: \(error.reason)") }
    }

    /// Writes text to standard error (errors ignored: there is nowhere left to report them).
    static func writeStderr(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Prints diagnostics, compiler-style.
    static func show(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        writeStderr(DiagnosticTextRenderer(colored: stderrIsColorTerminal).render(diagnostics))
    }

    /// Prints what a run says while it works.
    static func tell(_ message: RunMessage) {
        switch message {
        case .note(let note): writeStderr(note.file.isEmpty ? note.message + "\n" : "\(note.file): note: \(note.message)\n")
        case .warning(let diagnostic): show([diagnostic])
        }
    }

    /// Runs a command's work: a run that cannot go on prints why and ends with exit status 2. A
    /// SIGINT or SIGTERM removes the temporary files being written before it ends the process
    /// (`cora batch` has stopped cleanly on the first already).
    static func perform(_ work: () throws -> Void) throws {
        InterruptSignal.installEnding()
        do {
            try work()
        } catch let failure as RunFailure {
            show(failure.diagnostics)
            throw ExitStatus.cannotContinue
        }
    }
}
