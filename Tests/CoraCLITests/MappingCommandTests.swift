import Foundation
import Testing

@Suite("cora mapping list/show/init and --mapping auto")
struct MappingCommandTests {
    /// No folder of local mappings from the environment that runs the tests.
    static let noLocal = ["CORA_MAPPINGS": ""]

    static let builtinNames = ["canonical", "cora-wiki", "english", "excel-nl", "niveaus", "sturing"]

    static let excel = """
        Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces;Proceseigenaar;Bedrijfsfunctie;Levert dienst;Applicaties;Omschrijving
        S01;BP Bepalen visie;Bedrijfsproces;S;;Directeur;;Visie;SharePoint;
        S01.01;WP Opstellen woonvisie;Werkproces;;S01;Manager Strategie;Besturing;Woonvisie;SharePoint, Teams;Met de gemeente
        P01;BP Verhuren eenheden;Bedrijfsproces;Primair;;Manager Wonen;;Verhuurde eenheid;Empire;
        P01.01;WP Verhuren eenheid;Werkproces;;P01;Teamleider Verhuur;Vastgoedverhuur;;Empire, WoningNet;"Van aanbieding
        tot sleutel"

        """

    static let niveaus = """
        Categorie;Niveau 1;Niveau 2;Niveau 3;Eigenaar
        Sturend;Bepalen visie;;;Bestuurder
        ;;Opstellen woonvisie;;Manager Strategie
        Primair;Verhuren eenheden;;;Manager Wonen
        ;;Verhuren eenheid;;Teamleider
        ;;;Opstellen huurovereenkomst;Verhuurder

        """

    static let wiki = """
        Werkproces,Levert bedrijfsservice(s),Gebruikt in bedrijfsproces(sen),Beschrijving
        Verhuren eenheid,"Huurovereenkomst
        Sleuteloverdracht",Verhuren eenheden,Van verhuurdossier tot sleutel
        Publiceren eenheid,Gepubliceerde eenheid,Werven en selecteren kandidaten,

        """

    func run(_ scratch: Scratch, _ arguments: String..., stdin: [UInt8]? = nil, environment: [String: String] = noLocal) throws -> CLIRun {
        try CoraCLI.run(arguments, stdin: stdin, in: scratch.url, environment: environment)
    }

    // MARK: list and show

    @Test("list: the shipped mappings with their origin and description; local ones from ./Mappings and $CORA_MAPPINGS")
    func list() throws {
        let scratch = try Scratch()
        var run = try self.run(scratch, "mapping", "list")
        #expect(run.status == 0, "\(run)")
        var lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("NAME") == true)
        #expect(lines.dropFirst().map { String($0.prefix { $0 != " " }) } == Self.builtinNames + ["archi", "ameff", "auto"])
        #expect(lines.dropFirst().allSatisfy { $0.contains(" builtin ") })
        #expect(lines.contains { $0.hasPrefix("archi ") && $0.contains("Archi's CSV export set") })
        #expect(lines.contains { $0.hasPrefix("canonical ") && $0.hasSuffix("cora's own canonical CSV (layout 2, 19 fixed columns, then properties; layout 1 reads too)") })

        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("Mappings"), withIntermediateDirectories: true)
        try scratch.write("Mappings/eigen.yaml", "name: eigen\ndescription: Onze export\nfields: {name: Naam}\n")
        try scratch.write("Mappings/kapot.yaml", "fields: {naam: Naam}\n")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("elders"), withIntermediateDirectories: true)
        try scratch.write("elders/canonical.yaml", "name: canonical\ndescription: Onze eigen canonical\nfields: {name: name}\n")
        run = try self.run(scratch, "mapping", "list", environment: ["CORA_MAPPINGS": scratch.url.appendingPathComponent("elders").path])
        #expect(run.status == 0, "\(run)")
        lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 6 + 3 + 3)
        #expect(lines.contains { $0.hasPrefix("canonical ") && $0.contains("builtin (replaced by a local mapping)") })
        #expect(lines.contains { $0.hasPrefix("eigen ") && $0.contains("Mappings/eigen.yaml") && $0.hasSuffix("Onze export") })
        #expect(lines.contains { $0.hasPrefix("kapot ") && $0.contains("unusable: line 1: unknown field \"naam\" in fields") })
        #expect(lines.contains { $0.hasPrefix("canonical ") && $0.contains("elders/canonical.yaml") && $0.hasSuffix("Onze eigen canonical") })
    }

    @Test("show: the YAML text of a shipped mapping, a local one or a file; an unknown name is exit 2 with a suggestion")
    func show() throws {
        let scratch = try Scratch()
        var run = try self.run(scratch, "mapping", "show", "canonical")
        #expect(run.status == 0, "\(run)")
        let file = try bytes(of: CoraCLI.packageRoot.appendingPathComponent("Mappings/canonical.yaml"))
        #expect(run.stdout == file)

        try scratch.write("mijn.yaml", "name: mijn\nfields: {name: Naam}\n")
        run = try self.run(scratch, "mapping", "show", "mijn.yaml")
        #expect(run.status == 0)
        #expect(run.stdoutText == "name: mijn\nfields: {name: Naam}\n")

        // archi and auto are readers, not YAML: a comment says so.
        run = try self.run(scratch, "mapping", "show", "archi")
        #expect(run.status == 0)
        #expect(run.stdoutText.hasPrefix("# archi: Archi's CSV export set"))
        #expect(run.stdoutText.hasSuffix("# It has no YAML text; see cora mapping list and the README.\n"))

        run = try self.run(scratch, "mapping", "show", "excel-n")
        #expect(run.status == 2)
        #expect(run.stderrText.contains("error: no mapping named \"excel-n\""))
        #expect(run.stderrText.contains("did you mean \"excel-nl\"?"))
    }

    // MARK: init → convert

    @Test("init on the sample, then convert with the new mapping: the same output as the canonical mapping")
    func initSample() throws {
        let scratch = try Scratch()
        var run = try self.run(scratch, "mapping", "init", CoraCLI.sample.path, "-o", "ww.yaml")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText.contains("note: drafted mapping ww: 19 of 21 columns placed; then: cora convert \(CoraCLI.sample.path) --mapping ww.yaml"))
        let yaml = String(decoding: try scratch.read("ww.yaml"), as: UTF8.self)
        #expect(yaml.hasPrefix("# ww: drafted by `cora mapping init` from \(CoraCLI.sample.path)\n"))
        #expect(yaml.contains("\nname: ww\n"))
        #expect(yaml.contains("#   Afdeling\n#   Laatst herzien\nproperties: all\n"))

        let drafted = try self.run(scratch, "convert", CoraCLI.sample.path, "--mapping", "ww.yaml")
        let canonical = try self.run(scratch, "convert", CoraCLI.sample.path, "--mapping", "canonical")
        #expect(drafted.status == 0, "\(drafted)")
        #expect(drafted.stdout == canonical.stdout)

        // The file exists now: init keeps it unless --force.
        run = try self.run(scratch, "mapping", "init", CoraCLI.sample.path, "-o", "ww.yaml")
        #expect(run.status == 2)
        #expect(run.stderrText == "ww.yaml: error: the file exists; choose another path or add --force [output-exists]\n")
        run = try self.run(scratch, "mapping", "init", CoraCLI.sample.path, "-o", "ww.yaml", "--force", "--name", "woonstad")
        #expect(run.status == 0)
        #expect(String(decoding: try scratch.read("ww.yaml"), as: UTF8.self).contains("\nname: woonstad\n"))
    }

    @Test("init → convert on the three layouts", arguments: [
        ("excel.csv", excel, "excel.yaml",
         "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,"
         + "requirements,steers,reports-to,pdca-phase,Procesnaam (original)\n"
         + "S01,S01,Bepalen visie,business-process,steering,,,Directeur,,Visie,,SharePoint,,,,,,,,BP Bepalen visie\n"
         + "S01.01,S01.01,Opstellen woonvisie,work-process,steering,S01,,Manager Strategie,Besturing,Woonvisie,,SharePoint|Teams,,,Met de gemeente,,,,,WP Opstellen woonvisie\n"
         + "P01,P01,Verhuren eenheden,business-process,primary,,,Manager Wonen,,Verhuurde eenheid,,Empire,,,,,,,,BP Verhuren eenheden\n"
         + "P01.01,P01.01,Verhuren eenheid,work-process,primary,P01,,Teamleider Verhuur,Vastgoedverhuur,,,Empire|WoningNet,,,\"Van aanbieding\ntot sleutel\",,,,,WP Verhuren eenheid\n"),
        ("niveaus.csv", niveaus, "niveaus.yaml",
         "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,"
         + "requirements,steers,reports-to,pdca-phase\n"
         + "bepalen-visie,,Bepalen visie,business-process,steering,,,Bestuurder,,,,,,,,,,,\n"
         + "opstellen-woonvisie,,Opstellen woonvisie,work-process,steering,bepalen-visie,,Manager Strategie,,,,,,,,,,,\n"
         + "verhuren-eenheden,,Verhuren eenheden,business-process,primary,,,Manager Wonen,,,,,,,,,,,\n"
         + "verhuren-eenheid,,Verhuren eenheid,work-process,primary,verhuren-eenheden,,Teamleider,,,,,,,,,,,\n"
         + "opstellen-huurovereenkomst,,Opstellen huurovereenkomst,process-step,primary,verhuren-eenheid,,Verhuurder,,,,,,,,,,,\n"),
        ("wiki.csv", wiki, "wiki.yaml",
         "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,"
         + "requirements,steers,reports-to,pdca-phase,Gebruikt in bedrijfsproces(sen)\n"
         + "verhuren-eenheid,,Verhuren eenheid,work-process,,,,,,Huurovereenkomst|Sleuteloverdracht,,,,,Van verhuurdossier tot sleutel,,,,,Verhuren eenheden\n"
         + "publiceren-eenheid,,Publiceren eenheid,work-process,,,,,,Gepubliceerde eenheid,,,,,,,,,,Werven en selecteren kandidaten\n"),
    ])
    func initThenConvert(_ input: String, _ text: String, _ mappingFile: String, _ expected: String) throws {
        let scratch = try Scratch()
        try scratch.write(input, text)
        let initRun = try self.run(scratch, "mapping", "init", input, "-o", mappingFile)
        #expect(initRun.status == 0, "\(initRun)")
        let convert = try self.run(scratch, "convert", input, "--mapping", mappingFile)
        let mappingText = String(decoding: try scratch.read(mappingFile), as: UTF8.self)
        #expect(convert.status == 0, "\(convert)\n\(mappingText)")
        #expect(convert.stdoutText == expected)
        #expect(convert.errorLines.isEmpty)
    }

    @Test("init reads standard input and writes to standard output")
    func initStandardStreams() throws {
        let scratch = try Scratch()
        let run = try self.run(scratch, "mapping", "init", "-", stdin: Array(Self.excel.utf8))
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText.hasPrefix("# mapping: drafted by `cora mapping init` from standard input\n"))
        #expect(run.stdoutText.contains("\n  delimiter: \";\"\n"))
        #expect(run.stderrText == "-: note: drafted mapping mapping: 10 of 10 columns placed; 1 TODO to check\n")
    }

    // MARK: --mapping auto

    @Test("auto chooses the mapping that fits the header and says why on standard error")
    func autoChooses() throws {
        let scratch = try Scratch()
        try scratch.write("excel.csv", Self.excel)
        try scratch.write("niveaus.csv", Self.niveaus)
        var run = try self.run(scratch, "convert", "excel.csv", "--mapping", "auto", "--to", "json")
        #expect(run.stderrLines.first?.hasPrefix("cora: excel.csv: mapping excel-nl (auto: ") == true, "\(run)")
        #expect(run.stderrLines.first?.hasSuffix(" of 14 columns matched)") == true, "\(run)")
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        let processes = try #require(json["processes"] as? [[String: Any]])
        // excel-nl leaves a bare S ambiguous: the two steering rows are errors (exit 1), the others convert.
        #expect(processes.map { $0["code"] as? String } == ["P01", "P01.01"])
        #expect(run.status == 1)
        #expect(run.errorLines.first?.hasPrefix("excel.csv:2:4: error: the category \"S\" is ambiguous") == true, "\(run)")

        run = try self.run(scratch, "convert", "niveaus.csv", "--mapping", "auto")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.first?.hasPrefix("cora: niveaus.csv: mapping niveaus (auto: ") == true, "\(run)")

        // The canonical sample.
        run = try self.run(scratch, "convert", CoraCLI.sample.path, "--mapping", "auto")
        #expect(run.status == 0)
        #expect(run.stderrText.hasPrefix("cora: \(CoraCLI.sample.path): mapping canonical (auto: 19 of 19 columns matched)\n"))
    }

    @Test("auto on standard input: read into memory, then converted")
    func autoStandardInput() throws {
        let scratch = try Scratch()
        let viaStdin = try self.run(scratch, "convert", "-", "--mapping", "auto", stdin: try bytes(of: CoraCLI.sample))
        let named = try self.run(scratch, "convert", CoraCLI.sample.path, "--mapping", "canonical")
        #expect(viaStdin.status == 0, "\(viaStdin)")
        #expect(viaStdin.stdout == named.stdout)
        #expect(viaStdin.stderrText.hasPrefix("cora: -: mapping canonical (auto: 19 of 19 columns matched)\n"))
    }

    @Test("auto prefers a local mapping made for the export (./Mappings or $CORA_MAPPINGS)")
    func autoLocal() throws {
        let scratch = try Scratch()
        try scratch.write("wiki.csv", Self.wiki)
        var run = try self.run(scratch, "convert", "wiki.csv", "--mapping", "auto")
        #expect(run.stderrLines.first?.hasPrefix("cora: wiki.csv: mapping cora-wiki (auto: ") == true, "\(run)")

        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("eigen"), withIntermediateDirectories: true)
        run = try self.run(scratch, "mapping", "init", "wiki.csv", "-o", "eigen/onze-wiki.yaml")
        #expect(run.status == 0, "\(run)")
        run = try self.run(scratch, "convert", "wiki.csv", "--mapping", "auto", environment: ["CORA_MAPPINGS": "eigen"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.first?.hasPrefix("cora: wiki.csv: mapping onze-wiki from eigen/onze-wiki.yaml (auto: 4 of 4 columns matched)") == true, "\(run)")

        // And by name, from the same folder.
        let byName = try self.run(scratch, "convert", "wiki.csv", "--mapping", "onze-wiki", environment: ["CORA_MAPPINGS": "eigen"])
        #expect(byName.status == 0)
        #expect(byName.stdout == run.stdout)

        // ./Mappings works without the variable; a broken local mapping is left out with a warning.
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("Mappings"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: scratch.url.appendingPathComponent("eigen/onze-wiki.yaml"), to: scratch.url.appendingPathComponent("Mappings/onze-wiki.yaml"))
        try scratch.write("Mappings/kapot.yaml", "fields: [\n")
        run = try self.run(scratch, "convert", "wiki.csv", "--mapping", "auto")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.contains { $0.hasPrefix("Mappings/kapot.yaml:2: warning: left out of --mapping auto: not valid YAML") && $0.hasSuffix("[invalid-mapping]") }, "\(run)")
        #expect(run.stderrLines.contains { $0 == "cora: wiki.csv: mapping onze-wiki from Mappings/onze-wiki.yaml (auto: 4 of 4 columns matched)" })
    }

    @Test("auto with a header no mapping fits: exit 2, and a pointer to cora mapping init")
    func autoNothingFits() throws {
        let scratch = try Scratch()
        try scratch.write("vreemd.csv", "Kolom A,Kolom B\n1,2\n")
        let run = try self.run(scratch, "convert", "vreemd.csv", "--mapping", "auto")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderrLines.count == 2, "\(run)")
        #expect(run.stderrLines.first?.hasPrefix("vreemd.csv: error: --mapping auto: no mapping fits the header of vreemd.csv: ") == true)
        #expect(run.stderrLines.first?.contains("canonical: 0 of 19 columns matched, but lacks the required name column (name)") == true)
        #expect(run.stderrLines.last == "vreemd.csv: note: draft a mapping with `cora mapping init vreemd.csv -o Mappings/NAME.yaml`, or name one with --mapping")
    }

    @Test("init on each shipped sample drafts a mapping that converts that sample without errors", arguments: [
        "Samples/woonstad-waterland.csv", "Samples/excel-nl/woningstichting-de-polder.csv",
        "Samples/niveaus/woonbron-noord.csv", "Samples/cora-wiki/werkprocessen.csv",
    ])
    func initOnSamples(_ sample: String) throws {
        let scratch = try Scratch()
        let path = CoraCLI.packageRoot.appendingPathComponent(sample).path
        let draft = try scratch.cora("mapping", "init", path, "-o", "draft.yaml")
        #expect(draft.status == 0, "\(draft)")
        let run = try scratch.cora("convert", path, "--mapping", "draft.yaml", "-o", "out.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.errorLines.isEmpty, "\(run)")
        let rows = String(decoding: try scratch.read("out.csv"), as: UTF8.self).split(separator: "\n").count
        #expect(rows > 40, "\(rows) lines")
    }
}
