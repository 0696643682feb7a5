import Foundation
import Testing

/// Errors in the data: one compiler-style line per finding on standard error, exit status 1, and
/// the rows without errors still in the output.
@Suite("cora convert diagnostics")
struct DiagnosticTests {
    static let alpha = Canonical.row("a", "A", "Bepalen visie")
    static let gamma = Canonical.row("c", "C", "Leveren diensten", order: "3")

    /// Converts `input` (written to `bad.csv`) and checks the status (1: the data has errors; 2 when
    /// a reader error ended the read early) and a single error line.
    func convert(_ input: String, _ extra: String..., status: Int32 = 1) throws -> CLIRun {
        let scratch = try Scratch()
        try scratch.write("bad.csv", input)
        let run = try CoraCLI.run(["convert", "bad.csv"] + extra, in: scratch.url)
        #expect(!run.crashed, "\(run)")
        #expect(run.status == status, "\(run)")
        #expect(run.errorLines.count == 1, "\(run.stderrText)")
        return run
    }

    // MARK: Reader errors: reading stops at the error, the rows before it are kept.

    @Test("an unclosed quote is reported on the line where the quote opened")
    func unclosedQuote() throws {
        let run = try convert(Canonical.header + "\n"
            + Canonical.row("a", "A", "Bepalen visie", description: "\"two\nlines\"") + "\n"  // lines 2-3
            + "b,B,Verhuren eenheden,business-process,steering,,2,,,,,,,,\"never closed\n"            // line 4
            + Self.gamma + "\n" + Self.gamma + "\n", status: 2)
        expectDiagnostic(run, prefix: "bad.csv:4: error: ", code: "unclosed-quote")
        #expect(run.stdoutText == Canonical.document(Canonical.row("a", "A", "Bepalen visie", description: "\"two\nlines\"")))
    }

    @Test("a stray quote in an unquoted field")
    func strayQuote() throws {
        let run = try convert(Canonical.document(Self.alpha, "b,B,Be\"ta,business-process,steering,,2,,,,,,,,", Self.gamma), status: 2)
        expectDiagnostic(run, prefix: "bad.csv:3: error: ", code: "stray-quote")
        #expect(run.stdoutText == Canonical.document(Self.alpha))
    }

    @Test("text after a closing quote is a stray quote")
    func textAfterClosingQuote() throws {
        let run = try convert(Canonical.document(Self.alpha, "b,B,\"Beta\"x,business-process,steering,,2,,,,,,,,", Self.gamma), status: 2)
        expectDiagnostic(run, prefix: "bad.csv:3: error: ", code: "stray-quote")
        #expect(run.stdoutText == Canonical.document(Self.alpha))
    }

    @Test("a NUL byte")
    func nulByte() throws {
        let run = try convert(Canonical.document(Self.alpha, "b,B,Be\u{0}ta,business-process,steering,,2,,,,,,,,", Self.gamma), status: 2)
        expectDiagnostic(run, prefix: "bad.csv:3: error: ", code: "nul-byte")
        #expect(run.stdoutText == Canonical.document(Self.alpha))
    }

    @Test("a field larger than --max-field-size")
    func fieldTooLarge() throws {
        let long = String(repeating: "x", count: 150)
        let input = Canonical.document(Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", order: "2", description: long), Self.gamma)
        let run = try convert(input, "--max-field-size", "100", status: 2)
        let line = expectDiagnostic(run, prefix: "bad.csv:3: error: ", code: "field-too-large")
        #expect(line?.contains("100") == true)
        #expect(run.stdoutText == Canonical.document(Self.alpha))

        // Without the option the same file is fine.
        let scratch = try Scratch()
        try scratch.write("ok.csv", input)
        let fine = try scratch.cora("convert", "ok.csv")
        #expect(fine.status == 0, "\(fine)")
        #expect(fine.stdoutText == input)
    }

    // MARK: Row errors: the row is left out, the rows around it are kept.

    @Test("an unknown level, with line and column 4")
    func unknownLevel() throws {
        let run = try convert(Canonical.document(Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", level: "bogus", order: "2"), Self.gamma))
        let line = expectDiagnostic(run, prefix: "bad.csv:3:4: error: ", code: "unknown-level")
        #expect(line?.contains("\"bogus\"") == true)
        #expect(run.stdoutText == Canonical.document(Self.alpha, Self.gamma))
    }

    @Test("a level with a typo gets a did-you-mean")
    func unknownLevelSuggestion() throws {
        let run = try convert(Canonical.document(Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", level: "work-proces", order: "2"), Self.gamma))
        expectDiagnostic(run, prefix: "bad.csv:3:4: error: ", code: "unknown-level")
        #expect(run.stderrLines.contains { $0.hasPrefix("bad.csv:3:4: note: ") && $0.contains("did you mean \"work") },
                "\(run.stderrText)")
        #expect(run.stdoutText == Canonical.document(Self.alpha, Self.gamma))
    }

    @Test("a missing name")
    func missingName() throws {
        let run = try convert(Canonical.document(Self.alpha, Canonical.row("b", "B", "", order: "2"), Self.gamma))
        expectDiagnostic(run, prefix: "bad.csv:3:3: error: ", code: "missing-name")
        #expect(run.stdoutText == Canonical.document(Self.alpha, Self.gamma))
    }

    @Test("a duplicate id is reported on the second line and names the first")
    func duplicateID() throws {
        let run = try convert(Canonical.document(Self.alpha, Canonical.row("a", "B", "Verhuren eenheden", order: "2"), Self.gamma))
        let line = expectDiagnostic(run, prefix: "bad.csv:3:1: error: ", code: "duplicate-id")
        #expect(line?.contains("line 2") == true, "\(run.stderrText)")
        #expect(run.stdoutText == Canonical.document(Self.alpha, Self.gamma))
    }

    @Test("an unknown parent")
    func unknownParent() throws {
        let run = try convert(Canonical.document(
            Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", level: "work-process", parent: "zz"), Self.gamma))
        let line = expectDiagnostic(run, prefix: "bad.csv:3:6: error: ", code: "unknown-parent")
        #expect(line?.contains("\"zz\"") == true)
        #expect(run.stdoutText == Canonical.document(Self.alpha, Self.gamma))
    }

    @Test("a row with extra non-empty cells")
    func extraCells() throws {
        let run = try convert(Canonical.document(Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", order: "2") + ",,extra", Self.gamma))
        expectDiagnostic(run, prefix: "bad.csv:3:21: error: ", code: "extra-cells")
        // The row has an error, so it is left out like any other row with an error.
        #expect(run.stdoutText == Canonical.document(Self.alpha, Self.gamma))
    }

    @Test("extra cells that are empty are no error")
    func extraEmptyCells() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", order: "2") + ",,", Self.gamma))
        let run = try scratch.cora("convert", "in.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: in.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 3 rows read, 3 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        #expect(run.stdoutText == Canonical.document(Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", order: "2"), Self.gamma))
    }

    @Test("line numbers count the lines inside quoted fields and CRLF")
    func lineNumbersAfterMultilineField() throws {
        let first = Canonical.row("a", "A", "Bepalen visie", description: "\"one\r\ntwo\r\nthree\"")   // lines 2-4
        let run = try convert(Canonical.header + "\r\n" + first + "\r\n"
            + Canonical.row("b", "B", "Verhuren eenheden", level: "bogus", order: "2") + "\r\n"  // line 5
            + Self.gamma + "\r\n")
        expectDiagnostic(run, prefix: "bad.csv:5:4: error: ", code: "unknown-level")
        #expect(run.stdoutText == Canonical.document(first, Self.gamma))
    }

    @Test("diagnostics for standard input name the file -")
    func standardInputName() throws {
        let scratch = try Scratch()
        let input = Canonical.document(Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", level: "bogus", order: "2"))
        let run = try scratch.cora("convert", "-", stdin: Array(input.utf8))
        #expect(run.status == 1, "\(run)")
        expectDiagnostic(run, prefix: "-:3:4: error: ", code: "unknown-level")
    }

    @Test("--keep-invalid keeps the row with the error, and the exit status stays 1")
    func keepInvalid() throws {
        let scratch = try Scratch()
        let input = Canonical.document(Self.alpha, Canonical.row("b", "B", "", order: "2"), Self.gamma)
        try scratch.write("bad.csv", input)
        let run = try scratch.cora("convert", "bad.csv", "--keep-invalid")
        #expect(run.status == 1, "\(run)")
        expectDiagnostic(run, prefix: "bad.csv:3:3: error: ", code: "missing-name")
        #expect(run.stdoutText == input)
    }

    @Test("errors are also in the JSON output, and -o still writes the good rows")
    func errorsInJSONAndOutputFile() throws {
        let scratch = try Scratch()
        try scratch.write("bad.csv", Canonical.document(Self.alpha, Canonical.row("b", "B", "Verhuren eenheden", level: "bogus", order: "2")))
        let run = try scratch.cora("convert", "bad.csv", "--to", "json", "-o", "out.json")
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.isEmpty)
        let root = try #require(try parseJSON(try scratch.read("out.json")) as? [String: Any])
        let processes = try #require(root["processes"] as? [[String: Any]])
        #expect(processes.map { $0["id"] as? String } == ["a"])
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] as? String == "unknown-level")
        #expect((diagnostics.first?["line"] as? NSNumber)?.intValue == 3)
        #expect((diagnostics.first?["columnIndex"] as? NSNumber)?.intValue == 4)
    }
}
