import CoraKit
import Testing

/// What the command line checks its option values with, in the library: codes for `--ignore`,
/// Archi's delimiters for `--archi-delimiter`, the format of `--report`.
@Suite("Option values read by the library")
struct OptionWordsTests {
    @Test("--ignore: a known code is fine, an unknown one says the closest")
    func codes() {
        #expect(DiagnosticCode.problem(naming: "naming-convention") == nil)
        #expect(DiagnosticCode.problem(naming: "naming-conventon")
                == "no code \"naming-conventon\"; did you mean \"naming-convention\"? (the README lists every code)")
        #expect(DiagnosticCode.problem(naming: "zzzzzzzzzzzzzzzz") == "no code \"zzzzzzzzzzzzzzzz\"; (the README lists every code)")
    }

    @Test("--archi-delimiter: comma, semicolon and tab, by name or character; nothing else")
    func archiDelimiters() {
        #expect(OutputOptions.archiDelimiter(named: "comma") == UInt8(ascii: ","))
        #expect(OutputOptions.archiDelimiter(named: ";") == UInt8(ascii: ";"))
        #expect(OutputOptions.archiDelimiter(named: "tab") == 0x09)
        #expect(OutputOptions.archiDelimiter(named: "pipe") == nil)
        #expect(OutputOptions.archiDelimiter(named: "xx") == nil)
    }

    @Test("--report: the format given wins, else the path's extension, else none")
    func reportFormat() {
        #expect(DiagnosticReportRenderer.Format(given: .csv, path: "f.json") == .csv)
        #expect(DiagnosticReportRenderer.Format(given: nil, path: "F.JSON") == .json)
        #expect(DiagnosticReportRenderer.Format(given: nil, path: "findings.txt") == nil)
    }
}
