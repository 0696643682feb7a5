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
    /// Whether standard error (2) or output (1) is a terminal that shows colour (`NO_COLOR` unset, `TERM` not dumb).
    static func showsColour(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && getenv("NO_COLOR") == nil && String(cString: getenv("TERM") ?? strdup("dumb")) != "dumb"
    }

    /// Runs a check made before anything is read; what it refuses is a bad argument (exit 64),
    /// said as a diagnostic without the usage text.
    static func refuseAsBadArgument(_ check: () throws(RunFailure) -> Void) throws {
        do {
            try check()
        } catch {
            show(error.diagnostics)
            throw ExitCode(64)
        }
    }

    /// Ends the process with `status` (the C library's `exit`, which `ParsableCommand` hides).
    static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }

    /// Writes text for people to standard output, every control character in it escaped
    /// (``TerminalText``): nothing from the data steers the terminal.
    static func writeStdout(_ text: String) throws {
        try writeStdout(Array(TerminalText.escaped(text).utf8))
    }

    /// Writes bytes to standard output as they are: data (CSV, JSON, YAML), never escaped.
    static func writeStdout(_ bytes: [UInt8]) throws {
        let result: Result<Void, FileSystemError> = bytes.withUnsafeBytes { bytes in
            Result { () throws(FileSystemError) in try Machine.fileSystem.writeStandardOutput(bytes) }
        }
        if case .failure(let error) = result { throw RunFailure(.unwritableOutput, "cannot write output: \(error.reason)") }
    }

    /// Writes text for people to standard error, every control character in it escaped.
    static func writeStderr(_ text: String) {
        writeStderr(raw: TerminalText.escaped(text))
    }

    /// Writes text to standard error as it is: cora's own colours and progress bar, and text made
    /// safe already (errors ignored: there is nowhere left to report them).
    static func writeStderr(raw text: String) {
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
        writeStderr(raw: DiagnosticTextRenderer(colored: showsColour(2)).render(diagnostics))
    }

    /// Prints the findings of a conversion: at most ``CappedDiagnostics/defaultLimitPerCode`` of each
    /// code, then a line per code with how many more there are and where they all are (`report`).
    static func showFindings(_ diagnostics: [Diagnostic], report: String?) {
        let capped = CappedDiagnostics(diagnostics)
        show(capped.shown)
        writeStderr(capped.leftOutText(reportPath: report))
    }

    /// Ends a conversion: the summary line (``RunSummary``), then the exit status its findings
    /// call for.
    static func finish(_ result: ConversionResult) throws {
        writeStderr(RunSummary(result: result).line)
        if result.isIncomplete { throw ExitStatus.incomplete }
        if result.errorCount > 0 { throw ExitStatus.dataErrors }
    }

    /// Ends the reading of the models a comparison compares: per input its errors (at most 20 of
    /// a code; `cora validate` lists them all) and its summary line; then whether they can be
    /// compared at all (``ComparisonJob/checkComparable(_:)``).
    static func finishReading(_ results: [ConversionResult]) throws(RunFailure) {
        for result in results {
            let file = TerminalText.oneLine(result.inputs.first?.file ?? "-")
            let capped = CappedDiagnostics(result.diagnostics.filter { $0.severity == .error })
            show(capped.shown)
            for left in capped.leftOut { writeStderr("… and \(left.count) more [\(left.code.rawValue)]; cora validate \(file) lists all of them\n") }
            writeStderr("cora: \(file): " + RunSummary(result: result).line.dropFirst("cora: ".count))
        }
        try ComparisonJob.checkComparable(results)
    }

    /// Prints what a run says while it works.
    static func tell(_ message: RunMessage) {
        switch message {
        case .note(let note): writeStderr(note.file.isEmpty ? note.message + "\n" : "\(TerminalText.oneLine(note.file)): note: \(note.message)\n")
        case .warning(let diagnostic): show([diagnostic])
        case .mappingChosen(var choice):
            choice.file = TerminalText.oneLine(choice.file)
            choice.origin = choice.origin.map(TerminalText.oneLine)
            writeStderr("cora: \(choice.text)\n")
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
