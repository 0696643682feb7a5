#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CoraKit

/// Standard output and standard error, and whether to colour them.
enum Terminal {
    /// Whether standard error is a terminal and `NO_COLOR` is not set.
    static var stderrIsColorTerminal: Bool {
        isatty(2) == 1 && getenv("NO_COLOR") == nil && String(cString: getenv("TERM") ?? strdup("dumb")) != "dumb"
    }

    /// Writes bytes to standard output.
    static func writeStdout(_ bytes: [UInt8]) throws {
        try write(bytes, to: 1)
    }

    /// Writes text to standard output.
    static func writeStdout(_ text: String) throws {
        try write(Array(text.utf8), to: 1)
    }

    /// Writes text to standard error (errors ignored: there is nowhere left to report them).
    static func writeStderr(_ text: String) {
        try? write(Array(text.utf8), to: 2)
    }

    /// Prints diagnostics on standard error, compiler-style.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        writeStderr(DiagnosticTextRenderer(colored: stderrIsColorTerminal).render(diagnostics))
    }

    /// Writes bytes to standard output.
    static func writeStdout(_ bytes: UnsafeRawBufferPointer) throws {
        try write(bytes, to: 1)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) throws {
        try bytes.withUnsafeBytes { try write($0, to: descriptor) }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw CLIFailure(message: "cannot write output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
