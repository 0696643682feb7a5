import Foundation
import Testing

/// Runs that cannot go on (exit 2, with a message naming the file) and bad arguments (exit 64).
@Suite("cora exit statuses 2 and 64")
struct FailureTests {
    /// Checks exit status 2, no crash, nothing on standard output, and one error line that starts
    /// with `prefix`.
    @discardableResult
    func expectCannotContinue(_ run: CLIRun, prefix: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        #expect(!run.crashed, "\(run)", sourceLocation: sourceLocation)
        #expect(run.status == 2, "\(run)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "\(run)", sourceLocation: sourceLocation)
        let line = run.stderrLines.first { $0.hasPrefix(prefix) }
        #expect(line != nil, "no line starting with \"\(prefix)\" in:\n\(run.stderrText)", sourceLocation: sourceLocation)
        return line
    }

    @Test("a missing input file", arguments: ["convert", "inspect"])
    func missingInput(command: String) throws {
        let scratch = try Scratch()
        let run = try scratch.cora(command, "nope.csv")
        let line = expectCannotContinue(run, prefix: "nope.csv: error: ")
        #expect(line?.hasSuffix("[unreadable-input]") == true)
        #expect(line?.contains("No such file or directory") == true)
    }

    @Test("a directory as input", arguments: ["convert", "inspect"])
    func directoryInput(command: String) throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("folder"), withIntermediateDirectories: false)
        let run = try scratch.cora(command, "folder")
        let line = expectCannotContinue(run, prefix: "folder: error: ")
        #expect(line?.hasSuffix("[unreadable-input]") == true)
    }

    @Test("a missing second input stops the run and writes no output file")
    func missingSecondInput() throws {
        let scratch = try Scratch()
        try scratch.write("one.csv", Canonical.document(Canonical.row("a", "A", "Alpha")))
        let run = try scratch.cora("convert", "one.csv", "two.csv", "-o", "out.csv")
        expectCannotContinue(run, prefix: "two.csv: error: ")
        #expect(try scratch.listing() == ["one.csv"])
    }

    @Test("a mapping name that does not exist, with a did-you-mean")
    func unknownMappingName() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "A", "Alpha")))
        let run = try scratch.cora("convert", "--mapping", "canonicl", "in.csv")
        expectCannotContinue(run, prefix: "canonicl: error: ")
        #expect(run.stderrText.contains("no mapping named \"canonicl\""), "\(run.stderrText)")
        #expect(run.stderrText.contains("did you mean \"canonical\"?"), "\(run.stderrText)")
    }

    @Test("a mapping file with an unknown key names the file and the line")
    func mappingFileUnknownKey() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "A", "Alpha")))
        try scratch.write("bad.yaml", "name: bad\ntrim: false\nbogus: 1\n")
        let run = try scratch.cora("convert", "--mapping", "bad.yaml", "in.csv")
        let line = expectCannotContinue(run, prefix: "bad.yaml:3: error: ")
        #expect(line?.contains("\"bogus\"") == true, "\(run.stderrText)")
    }

    @Test("a mapping file with an unknown field names the file and the line")
    func mappingFileUnknownField() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "A", "Alpha")))
        try scratch.write("bad.yaml", "name: bad\nfields:\n  nmae: name\n")
        let run = try scratch.cora("convert", "--mapping", "./bad.yaml", "in.csv")
        let line = expectCannotContinue(run, prefix: "./bad.yaml:3: error: ")
        #expect(line?.contains("\"nmae\"") == true, "\(run.stderrText)")
    }

    @Test("a mapping file that does not exist")
    func missingMappingFile() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "A", "Alpha")))
        let run = try scratch.cora("convert", "--mapping", "gone.yaml", "in.csv")
        expectCannotContinue(run, prefix: "gone.yaml: error: ")
    }

    @Test("an output file that cannot be written")
    func unwritableOutput() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "A", "Alpha")))
        let run = try scratch.cora("convert", "in.csv", "-o", "no-such-folder/out.csv")
        expectCannotContinue(run, prefix: "no-such-folder/out.csv: error: ")
    }

    @Test("bad arguments exit 64", arguments: [
        ["convert", "--to", "pdf", "in.csv"],
        ["convert", "--delimiter", "ab", "in.csv"],
        ["convert", "--encoding", "klingon", "in.csv"],
        ["inspect", "--encoding", "klingon", "in.csv"],
        ["convert", "--max-field-size", "0", "in.csv"],
        ["convert", "-", "-"],
        ["convert"],
        ["frobnicate", "in.csv"],
    ])
    func badArguments(arguments: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "A", "Alpha")))
        let run = try CoraCLI.run(arguments, in: scratch.url)
        #expect(!run.crashed, "\(run)")
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(!run.stderr.isEmpty)
    }

    @Test("--help and --version exit 0")
    func helpAndVersion() throws {
        let scratch = try Scratch()
        let help = try scratch.cora("convert", "--help")
        #expect(help.status == 0, "\(help)")
        #expect(help.stdoutText.contains("excel-csv"))
        let version = try scratch.cora("--version")
        #expect(version.status == 0, "\(version)")
        #expect(version.stdoutText == "0.1.0\n")
    }
}
