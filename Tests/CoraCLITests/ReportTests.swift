import Foundation
import Testing

/// `cora convert --report`: the diagnostics as a JSON or CSV file.
@Suite("cora convert --report")
struct ReportTests {
    static let keys: Set<String> = ["severity", "code", "message", "file", "line", "record", "column", "value", "columnIndex", "hint"]

    /// One error (unknown level on line 3, column 4) and one warning (missing cells on line 4).
    static let input = Canonical.document(
        Canonical.row("a", "A", "Bepalen visie"),
        Canonical.row("b", "B", "Verhuren eenheden", level: "bogus", order: "2"),
        "c,C,Leveren diensten,business-process,steering,,3")

    @Test("--report out.json: errors, warnings and diagnostics with exactly the ten keys")
    func jsonReport() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.input)
        let run = try scratch.cora("convert", "in.csv", "--report", "out.json")
        #expect(run.status == 1, "\(run)")
        // The report comes in addition to the output and the text on standard error.
        #expect(run.stdoutText == Canonical.document(Canonical.row("a", "A", "Bepalen visie"), Canonical.row("c", "C", "Leveren diensten", order: "3")))
        expectDiagnostic(run, prefix: "in.csv:3:4: error: ", code: "unknown-level")

        let root = try #require(try parseJSON(try scratch.read("out.json")) as? [String: Any])
        #expect(Set(root.keys) == ["errors", "warnings", "diagnostics"])
        #expect((root["errors"] as? NSNumber)?.intValue == 1)
        #expect((root["warnings"] as? NSNumber)?.intValue == 1)
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        for diagnostic in diagnostics { #expect(Set(diagnostic.keys) == Self.keys) }

        let error = try #require(diagnostics.first { $0["code"] as? String == "unknown-level" })
        #expect(error["severity"] as? String == "error")
        #expect(error["file"] as? String == "in.csv")
        #expect((error["line"] as? NSNumber)?.intValue == 3)
        #expect((error["record"] as? NSNumber)?.intValue == 3)
        #expect(error["column"] as? String == "level")
        #expect(error["value"] as? String == "bogus")
        #expect((error["columnIndex"] as? NSNumber)?.intValue == 4)
        #expect((error["message"] as? String)?.contains("bogus") == true)
        #expect(error["hint"] is String)

        let warning = try #require(diagnostics.first { $0["code"] as? String == "missing-cells" })
        #expect(warning["severity"] as? String == "warning")
        #expect((warning["line"] as? NSNumber)?.intValue == 4)
        #expect(warning["value"] is NSNull)
        #expect(warning["hint"] is NSNull)
    }

    @Test("--report of a clean run: zero counts and an empty array")
    func emptyJSONReport() throws {
        let scratch = try Scratch()
        let run = try scratch.cora("convert", CoraCLI.sample.path, "--report", "out.json", "-o", "out.csv")
        #expect(run.status == 0, "\(run)")
        let root = try #require(try parseJSON(try scratch.read("out.json")) as? [String: Any])
        #expect((root["errors"] as? NSNumber)?.intValue == 0)
        #expect((root["warnings"] as? NSNumber)?.intValue == 0)
        #expect((root["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test("--report out.csv: the exact header, one row per diagnostic")
    func csvReport() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.input)
        let run = try scratch.cora("convert", "in.csv", "--report", "out.csv")
        #expect(run.status == 1, "\(run)")
        let text = String(decoding: try scratch.read("out.csv"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "severity,code,message,file,line,record,column,value,columnIndex,hint,sheet,cell")
        #expect(lines.count == 4, "\(text)")  // header, two rows, and the empty string after the final LF
        #expect(lines.last == "")
        #expect(lines.contains { $0.hasPrefix("error,unknown-level,\"unknown level \"\"bogus\"\"\",in.csv,3,3,level,bogus,4,") },
                "\(text)")
        #expect(lines.contains { $0.hasPrefix("warning,missing-cells,") && $0.contains(",in.csv,4,4,") }, "\(text)")
    }

    @Test("--report with another extension and --report-format csv")
    func reportFormatOption() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.input)
        let run = try scratch.cora("convert", "in.csv", "--report", "out.txt", "--report-format", "csv")
        #expect(run.status == 1, "\(run)")
        let text = String(decoding: try scratch.read("out.txt"), as: UTF8.self)
        #expect(text.hasPrefix("severity,code,message,file,line,record,column,value,columnIndex,hint,sheet,cell\n"))
    }

    @Test("--report out.txt without --report-format is rejected with 64")
    func reportWithoutFormat() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.input)
        let run = try scratch.cora("convert", "in.csv", "--report", "out.txt")
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText.contains("--report-format"))
        #expect(try scratch.listing() == ["in.csv"])
    }
}
