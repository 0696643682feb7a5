import Foundation
import Testing

/// The encodings and dialects that Excel writes in the Netherlands, read through the command line.
@Suite("cora convert encodings and dialects")
struct EncodingTests {
    /// The canonical original (UTF-8, ',', LF) with non-ASCII letters and a quoted field with a comma.
    static let original = Canonical.document(
        Canonical.row("a", "A", "Beëindigen huur", category: "primary", description: "\"Twee, regels\""),
        Canonical.row("b", "B", "Überprüfen café", level: "work-process", category: "primary", parent: "a"))

    /// The same table with `;` (or another delimiter) between the cells and `eol` after each line.
    static func table(delimiter: String, eol: String) -> String {
        let header = Canonical.header.replacingOccurrences(of: ",", with: delimiter)
        let rows = [
            ["a", "A", "Beëindigen huur", "business-process", "primary", "", "1", "", "", "", "", "", "", "", "\"Twee, regels\"", "", "", "", ""],
            ["b", "B", "Überprüfen café", "work-process", "primary", "a", "1", "", "", "", "", "", "", "", "", "", "", "", ""],
        ].map { $0.joined(separator: delimiter) }
        return ([header] + rows).map { $0 + eol }.joined()
    }

    @Test("the UTF-8 original converts to itself")
    func utf8Original() throws {
        let scratch = try Scratch()
        try scratch.write("utf8.csv", Self.original)
        #expect(Self.table(delimiter: ",", eol: "\n") == Self.original)
        let run = try scratch.cora("convert", "utf8.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: utf8.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 2 rows read, 2 processes, 0 rejected; 0 errors, 0 warnings\n")
        #expect(run.stdoutText == Self.original)
    }

    @Test("Windows-1252: the same canonical CSV, with an encoding-fallback warning and exit 0")
    func windows1252() throws {
        let scratch = try Scratch()
        let data = try #require(Self.original.data(using: .windowsCP1252))
        #expect(data.contains(0xEB))  // ë
        #expect(String(data: data, encoding: .utf8) == nil)
        try scratch.write("ansi.csv", Array(data))
        let run = try scratch.cora("convert", "ansi.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == Self.original)
        // The first byte that is not UTF-8 is the ë on line 2.
        expectDiagnostic(run, prefix: "ansi.csv:2: warning: ", code: "encoding-fallback")
        #expect(run.errorLines.isEmpty)
    }

    @Test("Windows-1252 named with --encoding: no warning")
    func windows1252Named() throws {
        let scratch = try Scratch()
        try scratch.write("ansi.csv", Array(try #require(Self.original.data(using: .windowsCP1252))))
        let run = try scratch.cora("convert", "--encoding", "windows-1252", "ansi.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: ansi.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 2 rows read, 2 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        #expect(run.stdoutText == Self.original)
    }

    @Test("UTF-8 with BOM, a sep=; line and ';' delimiters")
    func utf8BOMWithSepLine() throws {
        let scratch = try Scratch()
        let text = "sep=;\n" + Self.table(delimiter: ";", eol: "\n")
        try scratch.write("excel.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let run = try scratch.cora("convert", "excel.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: excel.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 2 rows read, 2 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        #expect(run.stdoutText == Self.original)
    }

    @Test("UTF-8 with BOM, sep=; and CRLF, as Excel saves it")
    func utf8BOMWithSepLineCRLF() throws {
        let scratch = try Scratch()
        let text = "sep=;\r\n" + Self.table(delimiter: ";", eol: "\r\n")
        try scratch.write("excel.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let run = try scratch.cora("convert", "excel.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == Self.original)
    }

    @Test("Windows-1252 with sep=;, ';' and CRLF (Excel's plain \"CSV\" in the Netherlands)")
    func windows1252WithSepLine() throws {
        let scratch = try Scratch()
        let text = "sep=;\r\n" + Self.table(delimiter: ";", eol: "\r\n")
        try scratch.write("ansi.csv", Array(try #require(text.data(using: .windowsCP1252))))
        let run = try scratch.cora("convert", "ansi.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == Self.original)
        // Line 1 is the sep= line, line 2 the header: the ë is on line 3.
        expectDiagnostic(run, prefix: "ansi.csv:3: warning: ", code: "encoding-fallback")
        #expect(run.errorLines.isEmpty)
    }

    @Test("UTF-16LE with BOM and tabs (Excel \"Unicode text\")")
    func utf16LETabs() throws {
        let scratch = try Scratch()
        let text = Self.table(delimiter: "\t", eol: "\r\n")
        let units = Array(text.utf16)
        let data: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try scratch.write("unicode.txt", data)
        let run = try scratch.cora("convert", "unicode.txt")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: unicode.txt: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 2 rows read, 2 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        #expect(run.stdoutText == Self.original)
    }

    @Test("--to excel-csv output reads back to the canonical CSV")
    func excelOutputReadsBack() throws {
        let scratch = try Scratch()
        try scratch.write("utf8.csv", Self.original)
        let excel = try scratch.cora("convert", "utf8.csv", "--to", "excel-csv", "-o", "excel.csv")
        #expect(excel.status == 0, "\(excel)")
        let back = try scratch.cora("convert", "excel.csv")
        #expect(back.status == 0, "\(back)")
        #expect(back.stdoutText == Self.original)
    }

    @Test("warnings alone leave the exit status 0")
    func warningsDoNotFail() throws {
        let scratch = try Scratch()
        // A short row (missing-cells) and an all-empty row (empty-row) are warnings.
        let input = Canonical.header + "\n" + Canonical.row("a", "A", "Alpha") + "\n"
            + "b,B,Beta,business-process,steering,,2\n" + String(repeating: ",", count: 14) + "\n"
        try scratch.write("warn.csv", input)
        let run = try scratch.cora("convert", "warn.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.errorLines.isEmpty)
        expectDiagnostic(run, prefix: "warn.csv:3:8: warning: ", code: "missing-cells")
        expectDiagnostic(run, prefix: "warn.csv:4: warning: ", code: "empty-row")
        #expect(run.stdoutText == Canonical.document(Canonical.row("a", "A", "Alpha"), Canonical.row("b", "B", "Beta", order: "2")))
    }
}
