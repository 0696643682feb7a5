import Foundation
import Testing

/// `cora inspect`: the dialect summary and the parsed records.
@Suite("cora inspect")
struct InspectTests {
    @Test("the summary of the sample")
    func sampleSummary() throws {
        let run = try CoraCLI.run(["inspect", "Samples/woonstad-waterland.csv"], in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run.stderrText)")
        let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for expected in [
            "encoding:    utf-8 (detected)",
            "delimiter:   , (detected)",
            "line ending: LF",
            "sep= line:   no",
            "records:     74 (header + 73 rows) on 76 lines",
        ] {
            #expect(lines.contains(expected), "missing \"\(expected)\" in:\n\(run.stdoutText)")
        }
    }

    @Test("the summary of an Excel file: BOM, sep= line, ';' and CRLF")
    func excelSummary() throws {
        let scratch = try Scratch()
        try scratch.write("excel.csv", [0xEF, 0xBB, 0xBF] + Array("sep=;\r\nid;name\r\n1;Een\r\n2;\"Twee\r\nregels\"\r\n".utf8))
        let run = try scratch.cora("inspect", "excel.csv")
        #expect(run.status == 0, "\(run)")
        let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for expected in [
            "encoding:    utf-8 (byte order mark)",
            "BOM:         yes",
            "delimiter:   ; (sep= line)",
            "line ending: CRLF",
            "sep= line:   yes",
            "records:     3 (header + 2 rows) on 5 lines",
        ] {
            #expect(lines.contains(expected), "missing \"\(expected)\" in:\n\(run.stdoutText)")
        }
    }

    @Test("--records --json: an array of arrays of strings, header first")
    func recordsAsJSON() throws {
        let scratch = try Scratch()
        try scratch.write("small.csv", "id;description;owner\r\n1;\"regel een\r\nregel twee\";Jan\r\n2;\"zeg \"\"hoi\"\"\";\r\n")
        let run = try scratch.cora("inspect", "--records", "--json", "small.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run.stderrText)")
        #expect(run.stdout.last == UInt8(ascii: "\n"))
        let records = try #require(try parseJSON(run.stdout) as? [[String]], "\(run.stdoutText)")
        #expect(records == [
            ["id", "description", "owner"],
            ["1", "regel een\r\nregel twee", "Jan"],
            ["2", "zeg \"hoi\"", ""],
        ])
    }

    @Test("--records without --json prints the records as canonical CSV")
    func recordsAsCSV() throws {
        let scratch = try Scratch()
        try scratch.write("small.csv", "id;description\r\n1;\"a, b\"\r\n2;c\r\n")
        let run = try scratch.cora("inspect", "--records", "small.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == "id,description\n1,\"a, b\"\n2,c\n")
    }

    @Test("--records --json reads standard input and UTF-16")
    func recordsFromStdinUTF16() throws {
        let scratch = try Scratch()
        let text = "naam\tplaats\r\nBeëindigen\tÉén\r\n"
        let data: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let run = try scratch.cora("inspect", "--records", "--json", "-", stdin: data)
        #expect(run.status == 0, "\(run)")
        let records = try #require(try parseJSON(run.stdout) as? [[String]], "\(run.stdoutText)")
        #expect(records == [["naam", "plaats"], ["Beëindigen", "Één"]])
    }

    @Test("inspect reports a reader error with exit 1")
    func inspectReaderError() throws {
        let scratch = try Scratch()
        try scratch.write("bad.csv", "id,name\n1,\"open\n2,x\n")
        let run = try scratch.cora("inspect", "bad.csv")
        #expect(run.status == 1, "\(run)")
        expectDiagnostic(run, prefix: "bad.csv:2: error: ", code: "unclosed-quote")
    }
}
