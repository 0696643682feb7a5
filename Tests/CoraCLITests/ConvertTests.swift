import Foundation
import Testing

/// `cora convert` of valid canonical input: the round trip, the output formats and several inputs.
@Suite("cora convert")
struct ConvertTests {
    @Test("the sample converts back to the same bytes (file argument)")
    func sampleRoundTripFromFile() throws {
        let run = try CoraCLI.run(["convert", "Samples/woonstad-waterland.csv"], in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(!run.crashed)
        #expect(run.stdout == (try bytes(of: CoraCLI.sample)))
        #expect(run.stderrText == "cora: Samples/woonstad-waterland.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 73 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
    }

    @Test("the sample converts back to the same bytes through standard input")
    func sampleRoundTripFromStdin() throws {
        let scratch = try Scratch()
        let run = try scratch.cora("convert", "-", stdin: try bytes(of: CoraCLI.sample))
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == (try bytes(of: CoraCLI.sample)))
        #expect(run.stderrText == "cora: -: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 73 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
    }

    @Test("-o writes the same bytes to the file and nothing to standard output")
    func sampleRoundTripToFile() throws {
        let scratch = try Scratch()
        let run = try scratch.cora("convert", CoraCLI.sample.path, "-o", "out.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText == "cora: \(CoraCLI.sample.path): mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 73 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        #expect(try scratch.read("out.csv") == (try bytes(of: CoraCLI.sample)))
        // Written through a temporary file that is renamed into place: nothing else is left behind.
        #expect(try scratch.listing() == ["out.csv"])
    }

    @Test("-o replaces an existing file")
    func outputReplacesExistingFile() throws {
        let scratch = try Scratch()
        try scratch.write("out.csv", String(repeating: "old content\n", count: 5000))
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        let run = try scratch.cora("convert", "in.csv", "--output", "out.csv")
        #expect(run.status == 0, "\(run)")
        #expect(try scratch.read("out.csv") == Array(Canonical.document(Canonical.row("a", "A", "Bepalen visie")).utf8))
    }

    @Test("--to json: 73 processes, the first one's fields, no diagnostics")
    func sampleAsJSON() throws {
        let scratch = try Scratch()
        let canonical = try scratch.cora("convert", CoraCLI.sample.path)
        #expect(canonical.status == 0)
        try scratch.write("canonical.csv", canonical.stdout)
        let run = try scratch.cora("convert", "canonical.csv", "--to", "json")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: canonical.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 73 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        #expect(run.stdout.last == UInt8(ascii: "\n"))

        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        #expect(root["propertyNames"] as? [String] == ["Afdeling", "Laatst herzien"])
        let processes = try #require(root["processes"] as? [[String: Any]])
        #expect(processes.count == 73)
        let diagnostics = try #require(root["diagnostics"] as? [Any])
        #expect(diagnostics.isEmpty)

        let first = try #require(processes.first)
        #expect(first["id"] as? String == "ww-s01")
        #expect(first["code"] as? String == "S01")
        #expect(first["name"] as? String == "Bepalen visie")
        #expect(first["level"] as? String == "business-process")
        #expect(first["category"] as? String == "steering")
        #expect(first["parent"] is NSNull)
        #expect((first["order"] as? NSNumber)?.intValue == 1)
        #expect(first["owner"] as? String == "Directeur-bestuurder")
        #expect(first["services"] as? [String] == ["Visie"])
        #expect(first["events"] as? [String] == ["Start strategiecyclus"])
        #expect(first["applications"] as? [String] == ["SharePoint"])
        #expect(first["next"] as? [String] == [])
        #expect(first["status"] as? String == "Vastgesteld")
        let properties = try #require(first["properties"] as? [String: String])
        #expect(properties == ["Afdeling": "Bestuur", "Laatst herzien": "14-01-2025"])

        // Multi-valued cells are split on "|" (ww-s02: "Viewpoint|Power BI").
        let second = try #require(processes.first { $0["id"] as? String == "ww-s02" })
        #expect(second["applications"] as? [String] == ["Viewpoint", "Power BI"])
        // Every process has the same keys.
        let keys: Set<String> = ["id", "code", "name", "level", "category", "parent", "order", "owner", "function",
                                 "services", "events", "applications", "next", "status", "description",
                                 "requirements", "steers", "reports-to", "pdca-phase", "properties", "source"]
        for process in processes { #expect(Set(process.keys) == keys) }
    }

    @Test("--to excel-csv: BOM, ';' and CRLF, with the exact header")
    func sampleAsExcelCSV() throws {
        let scratch = try Scratch()
        let run = try scratch.cora("convert", CoraCLI.sample.path, "--to", "excel-csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: \(CoraCLI.sample.path): mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 73 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        #expect(Array(run.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: run.stdout.dropFirst(3), as: UTF8.self)
        let header = "id;code;name;level;category;parent;order;owner;function;services;events;applications;next;status;description;requirements;steers;reports-to;pdca-phase;Afdeling;Laatst herzien"
        #expect(text.hasPrefix(header + "\r\n"))
        #expect(text.hasSuffix("\r\n"))
        // Every record ends with CRLF (header + 73 rows); the only bare LFs are the line breaks
        // inside the two quoted descriptions that span two lines.
        let lf = run.stdout.count(where: { $0 == 0x0A })
        let crlf = zip(run.stdout, run.stdout.dropFirst()).count(where: { $0 == 0x0D && $1 == 0x0A })
        #expect(crlf == 74)
        #expect(lf == 76)
        #expect(text.split(separator: "\r\n").count == 74)
        #expect(text.contains("\r\nww-s01;S01;Bepalen visie;business-process;steering;;1;Directeur-bestuurder;;Visie;"))
    }

    @Test("--to excel-csv defuses cells that start with = + - @ TAB or CR")
    func excelCSVDefusesFormulas() throws {
        let scratch = try Scratch()
        let input = Canonical.header + "\n"
            + "a,A,\"=HYPERLINK(\"\"x\"\")\",business-process,steering,,1,,,,,,,,-5,,,,\n"
            + "b,B,+plus,business-process,steering,,2,@owner,,,,,,,plain,,,,\n"
            + "c,C,\"\tTab\",business-process,steering,,3,,,,,,,,\"\rcr\",,,,\n"
            + "d,D,x=1,business-process,steering,,4,,,,,,,,a-b,,,,\n"
        try scratch.write("in.csv", input)

        // The canonical CSV keeps the values as they are.
        let canonical = try scratch.cora("convert", "in.csv")
        #expect(canonical.status == 0, "\(canonical)")
        #expect(canonical.stdoutText == input)

        let run = try scratch.cora("convert", "in.csv", "--to", "excel-csv")
        #expect(run.status == 0, "\(run)")
        let expected = "\u{FEFF}id;code;name;level;category;parent;order;owner;function;services;events;applications;next;status;description;"
            + "requirements;steers;reports-to;pdca-phase\r\n"
            + "a;A;\"'=HYPERLINK(\"\"x\"\")\";business-process;steering;;1;;;;;;;;'-5;;;;\r\n"
            + "b;B;'+plus;business-process;steering;;2;'@owner;;;;;;;plain;;;;\r\n"
            + "c;C;'\tTab;business-process;steering;;3;;;;;;;;\"'\rcr\";;;;\r\n"
            + "d;D;x=1;business-process;steering;;4;;;;;;;;a-b;;;;\r\n"
        #expect(run.stdoutText == expected)
        #expect(run.stdout == Array(expected.utf8))
    }

    @Test("two inputs give one CSV with the rows of both, in order")
    func twoInputs() throws {
        let scratch = try Scratch()
        try scratch.write("one.csv", Canonical.document(
            Canonical.row("a", "A", "Bepalen visie"),
            Canonical.row("a-1", "A.1", "Opstellen woonvisie", level: "work-process", parent: "a")))
        try scratch.write("two.csv", Canonical.document(
            Canonical.row("b", "B", "Verhuren eenheden", category: "primary", order: "2"),
            Canonical.row("b-1", "B.1", "Verhuren eenheid", level: "work-process", category: "primary", parent: "b")))
        let run = try scratch.cora("convert", "one.csv", "two.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: one.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 2 files, 4 rows read, 4 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        #expect(run.stdoutText == Canonical.document(
            Canonical.row("a", "A", "Bepalen visie"),
            Canonical.row("a-1", "A.1", "Opstellen woonvisie", level: "work-process", parent: "a"),
            Canonical.row("b", "B", "Verhuren eenheden", category: "primary", order: "2"),
            Canonical.row("b-1", "B.1", "Verhuren eenheid", level: "work-process", category: "primary", parent: "b")))

        // The other order gives the other order of rows.
        let reversed = try scratch.cora("convert", "two.csv", "one.csv")
        #expect(reversed.status == 0)
        #expect(reversed.stdoutText == Canonical.document(
            Canonical.row("b", "B", "Verhuren eenheden", category: "primary", order: "2"),
            Canonical.row("b-1", "B.1", "Verhuren eenheid", level: "work-process", category: "primary", parent: "b"),
            Canonical.row("a", "A", "Bepalen visie"),
            Canonical.row("a-1", "A.1", "Opstellen woonvisie", level: "work-process", parent: "a")))
    }

    @Test("two inputs with different property columns: the union of the columns, in order")
    func twoInputsWithDifferentProperties() throws {
        let scratch = try Scratch()
        try scratch.write("one.csv", Canonical.header + ",Afdeling\n" + Canonical.row("a", "A", "Bepalen visie") + ",Bestuur\n")
        try scratch.write("two.csv", Canonical.header + ",Team\n" + Canonical.row("b", "B", "Verhuren eenheden", order: "2") + ",Blauw\n")
        let run = try scratch.cora("convert", "one.csv", "-", stdin: try scratch.read("two.csv"))
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == Canonical.header + ",Afdeling,Team\n"
            + Canonical.row("a", "A", "Bepalen visie") + ",Bestuur,\n"
            + Canonical.row("b", "B", "Verhuren eenheden", order: "2") + ",,Blauw\n")
    }

    @Test("a child in the second input may name its parent in the first input")
    func parentInAnotherInput() throws {
        let scratch = try Scratch()
        try scratch.write("one.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        try scratch.write("two.csv", Canonical.document(Canonical.row("a-1", "A.1", "Opstellen klantvisie", level: "work-process", parent: "a")))
        let run = try scratch.cora("convert", "one.csv", "two.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == Canonical.document(
            Canonical.row("a", "A", "Bepalen visie"),
            Canonical.row("a-1", "A.1", "Opstellen klantvisie", level: "work-process", parent: "a")))
    }

    @Test("the same id in two inputs is a duplicate-id error")
    func duplicateIDAcrossInputs() throws {
        let scratch = try Scratch()
        try scratch.write("one.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        try scratch.write("two.csv", Canonical.document(Canonical.row("a", "B", "Verhuren eenheden", order: "2")))
        let run = try scratch.cora("convert", "one.csv", "two.csv")
        #expect(run.status == 1, "\(run)")
        expectDiagnostic(run, prefix: "two.csv:2:1: error: ", code: "duplicate-id")
        #expect(run.stderrText.contains("the id \"a\" is also used on one.csv, line 2"), "\(run)")
        #expect(run.stdoutText == Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
    }
}
