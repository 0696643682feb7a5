import Foundation
import Testing

/// `--mapping auto` is the default of convert and validate, and says the mapping it chose in one
/// line; Archi sets are recognised by their header, read from a folder with prefixed files, and a
/// set without processes says what it holds instead (issue 14, points 2 and 9).
@Suite("auto by default, and Archi input")
struct AutoDefaultAndArchiInputTests {
    static let archiTestData = CoraCLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/archi-csv-testdata")
    static let test1NoProcesses = "test1-elements.csv:1: error: the Archi set holds 3 elements (BusinessActor 1, BusinessInterface 1, BusinessRole 1), "
        + "none a BusinessProcess or BusinessInteraction; nothing to convert [no-processes]"

    @Test("convert without --mapping chooses by the header and says so in one line before the findings")
    func convertDefaultsToAuto() throws {
        let run = try CoraCLI.run(["convert", "Samples/excel-nl/woningstichting-de-polder.csv"], in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.first == "cora: Samples/excel-nl/woningstichting-de-polder.csv: mapping excel-nl (auto: 11 of 14 columns matched)")
        #expect(run.stderrLines.last == "cora: 59 rows read, 59 processes, 0 rejected; 0 errors, 1 warning (encoding-fallback 1)")
        #expect(run.stdoutText.split(separator: "\n").count == 61)
    }

    @Test("validate defaults to auto too; naming a mapping (canonical) prints no chosen-mapping line")
    func validateDefaultsToAutoAndNamedMappingIsQuiet() throws {
        let scratch = try Scratch()
        try scratch.write("ok.csv", Canonical.document(Canonical.row("a", "P1", "Verhuren eenheden")))
        let auto = try scratch.cora("validate", "ok.csv")
        #expect(auto.status == 0, "\(auto)")
        #expect(auto.stderrText == "cora: ok.csv: mapping canonical (auto: 19 of 19 columns matched)\ncora: 1 row read, 1 process, 0 rejected; 0 errors, 0 warnings\n")
        let named = try scratch.cora("validate", "ok.csv", "--mapping", "canonical")
        #expect(named.status == 0, "\(named)")
        #expect(named.stderrText == "cora: 1 row read, 1 process, 0 rejected; 0 errors, 0 warnings\n")
    }

    @Test("an export without a name column: no-mapping-fits with the scores, exit 2, nothing written")
    func noMappingFits() throws {
        let scratch = try Scratch()
        try scratch.write("export.csv", "code;omschrijving;order\nA;B;1\n")
        let run = try scratch.cora("convert", "export.csv")
        #expect(run.status == 2, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrLines.first?.hasPrefix("export.csv: error: --mapping auto: no mapping fits the header of export.csv: ") == true, "\(run)")
        #expect(run.stderrLines.first?.contains("canonical: 2 of 19 columns matched (code, order), but lacks the required name column (name)") == true)
        #expect(run.stderrLines.first?.hasSuffix("[no-mapping-fits]") == true)
        #expect(!run.stderrText.contains("builtin:canonical"))
    }

    @Test("an empty file under auto: the reading says what is wrong (empty-file, exit 1), not no-mapping-fits")
    func emptyFileUnderAuto() throws {
        let scratch = try Scratch()
        try scratch.write("leeg.csv", "")
        let run = try scratch.cora("validate", "leeg.csv")
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrText == """
            cora: leeg.csv: mapping canonical (auto: no header to choose by)
            leeg.csv:1: error: the file holds no rows, not even a header [empty-file]
            cora: 0 rows read, 0 processes, 0 rejected; 1 error (empty-file 1), 0 warnings

            """)
    }

    @Test("an Archi elements.csv without --mapping is read as its set; without processes: no-processes naming the types, exit 1")
    func archiElementsByDefault() throws {
        let run = try CoraCLI.run(["convert", "test1-elements.csv", "--to", "md"], in: Self.archiTestData)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrText == """
            cora: test1-elements.csv: mapping archi (auto: the file name ends in elements.csv and the header is Archi's)
            \(Self.test1NoProcesses)
            test1-elements.csv:1: note: cora reads the processes of an Archi model: its BusinessProcess and BusinessInteraction elements, with the relations between them
            cora: 3 files, 13 rows read, 0 processes, 0 rejected; 1 error (no-processes 1), 0 warnings

            """)
        // The model row's name is the title.
        #expect(run.stdoutText.hasPrefix("# Test Model\n"))
    }

    @Test("relations.csv of a set, without --mapping: the whole set, not 'processes' with missing-name errors")
    func archiRelationsByDefault() throws {
        let run = try CoraCLI.run(["validate", "test3-relations.csv"], in: Self.archiTestData)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrLines.first == "cora: test3-relations.csv: mapping archi (auto: the file name ends in relations.csv and the header is Archi's)")
        #expect(run.errorLines == ["test3-elements.csv:1: error: the Archi set holds 5 elements (BusinessActor 2, BusinessRole 2, BusinessInterface 1), "
            + "none a BusinessProcess or BusinessInteraction; nothing to convert [no-processes]"])
        #expect(!run.stderrText.contains("missing-name"))
    }

    @Test("an Archi header in a file named otherwise is read as Archi's table")
    func archiByHeaderAlone() throws {
        let scratch = try Scratch()
        try scratch.write("export.csv", "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n\"a1\",\"ApplicationComponent\",\"Tobias\",\"\",\"\"\r\n")
        let run = try scratch.cora("validate", "export.csv")
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrText == """
            cora: export.csv: mapping archi (auto: the header is that of Archi's elements.csv)
            export.csv:1: error: the Archi set holds 1 element (ApplicationComponent 1), none a BusinessProcess or BusinessInteraction; nothing to convert [no-processes]
            export.csv:1: note: cora reads the processes of an Archi model: its BusinessProcess and BusinessInteraction elements, with the relations between them
            cora: 1 row read, 0 processes, 0 rejected; 1 error (no-processes 1), 0 warnings

            """)
    }

    @Test("a folder whose set has a prefix: read with --mapping archi and with auto; the model's name is the title")
    func prefixedFolder() throws {
        let named = try CoraCLI.run(["convert", "Samples/archi/", "--mapping", "archi", "--to", "md"], in: CoraCLI.packageRoot)
        #expect(named.status == 0, "\(named)")
        #expect(named.stderrText == "cora: 3 files, 1033 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings\n")
        #expect(named.stdoutText.hasPrefix("# Woonstad Waterland\n\n73 processen: "))

        let auto = try CoraCLI.run(["convert", "Samples/archi", "--to", "dot"], in: CoraCLI.packageRoot)
        #expect(auto.status == 0, "\(auto)")
        #expect(auto.stderrLines.first == "cora: Samples/archi: mapping archi (auto: the folder holds the Archi CSV set woonstad-waterland-elements.csv)")
        #expect(auto.stdoutText.contains("<FONT POINT-SIZE=\"20\"><B>Woonstad Waterland</B></FONT>"))

        // --title still wins.
        let titled = try CoraCLI.run(["convert", "Samples/archi/", "--to", "md", "--title", "Eigen titel"], in: CoraCLI.packageRoot)
        #expect(titled.stdoutText.hasPrefix("# Eigen titel\n"))
        // A table input keeps the renderer's own title.
        let table = try CoraCLI.run(["convert", "Samples/woonstad-waterland.csv", "--to", "md"], in: CoraCLI.packageRoot)
        #expect(table.stdoutText.hasPrefix("# Procesmodel\n"))
    }

    @Test("a folder of several Archi sets is refused, naming them; a folder of none says so")
    func folderOfSeveralSets() throws {
        let scratch = try Scratch()
        let elements = "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n\"p1\",\"BusinessProcess\",\"Verhuren\",\"\",\"\"\r\n"
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("sets"), withIntermediateDirectories: true)
        try scratch.write("sets/a-elements.csv", elements)
        try scratch.write("sets/b-elements.csv", elements)
        let run = try scratch.cora("validate", "sets", "--mapping", "archi")
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrText == """
            sets: error: the folder holds 2 Archi CSV sets (a-elements.csv, b-elements.csv); one input is one set [unreadable-input]
            sets: note: name the elements file of each set to read, e.g. sets/a-elements.csv

            """)
        let one = try scratch.cora("convert", "sets/b-elements.csv")
        #expect(one.status == 0, "\(one)")
        #expect(one.stdoutText.contains("p1,,Verhuren,business-process,"))

        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("leeg"), withIntermediateDirectories: true)
        try scratch.write("leeg/notities-elements.csv", "geen archi\n")
        let none = try scratch.cora("validate", "leeg", "--mapping", "archi")
        #expect(none.status == 2, "\(none)")
        #expect(none.stderrText == "leeg: error: the folder holds no Archi CSV set (elements.csv, relations.csv, properties.csv, "
            + "or such files with the same prefix, as test1-elements.csv) [unreadable-input]\n")
    }

    @Test("the chosen-mapping line escapes a control character in the file name")
    func chosenLineEscaped() throws {
        let scratch = try Scratch()
        try scratch.write("a\u{1B}[2Jb.csv", Canonical.document(Canonical.row("a", "P1", "Verhuren eenheden")))
        let run = try scratch.cora("validate", "a\u{1B}[2Jb.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.first == "cora: a\\u001b[2Jb.csv: mapping canonical (auto: 19 of 19 columns matched)", "\(run.stderrText)")
    }

    @Test("batch reports an Archi set without processes by its no-processes message")
    func batchNoProcesses() throws {
        let scratch = try Scratch()
        let source = Self.archiTestData
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        for table in ["elements", "relations", "properties"] {
            try scratch.write("in/test1-\(table).csv", Array(try Data(contentsOf: source.appendingPathComponent("test1-\(table).csv"))))
        }
        let run = try scratch.cora("batch", "in", "--out", "out")
        #expect(run.status != 0, "\(run)")
        #expect(run.stderrText.contains("test1-elements.csv: failed: the Archi set holds 3 elements (BusinessActor 1, BusinessInterface 1, BusinessRole 1), "
            + "none a BusinessProcess or BusinessInteraction; nothing to convert\n"), "\(run.stderrText)")
    }
}
