import Foundation
import Testing

/// What a tester who tried to break the ArchiMate exchange format found, each fixed and kept so:
/// every document cora writes validates, whatever it read.
@Suite("ArchiMate exchange format: breaker findings")
struct ExchangeBreakerFindingsTests {
    static let vera40 = ExchangeCLITests.vera
    static let vera431 = ExchangeCLITests.vera.replacingOccurrences(of: "VERA-4.0.xml", with: "VERA-4.3.1.xml")

    /// Converts `arguments` in `scratch` and returns what xmllint says of `output`.
    static func convertAndValidate(_ arguments: [String], output: String, in scratch: Scratch) throws -> (CLIRun, String) {
        let run = try CoraCLI.run(["convert"] + arguments + ["--to", "ameff", "-o", output], in: scratch.url)
        return (run, try ExchangeCLITests.validate(scratch.url.appendingPathComponent(output)))
    }

    @Test("a DOCTYPE hidden in UTF-7 (or any encoding whose markup is not ASCII) is refused before parsing")
    func utf7() throws {
        let scratch = try Scratch()
        try scratch.write("u7.xml", """
            <?xml version="1.0" encoding="UTF-7"?>
            +ADw-+ACE-DOCTYPE model +AFs-+ADw-+ACE-ENTITY e +ACI-PWNED+ACI-+AD4-+AF0-+AD4-
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>A &e; B</name></model>
            """)
        let run = try CoraCLI.run(["convert", "u7.xml", "-o", "-"], in: scratch.url)
        #expect(run.status == 2 && !run.crashed, "\(run)")
        #expect(run.errorLines == ["u7.xml:1: error: the document declares the encoding \"UTF-7\", which cora does not read; nothing of the file is read [exchange-not-xml]"])
        #expect(!run.stdoutText.contains("PWNED"))
    }

    @Test("documents over 10 MB are read (libxml2 is fed in chunks): many elements, and long documentation")
    func large() throws {
        let scratch = try Scratch()
        var text = "<?xml version=\"1.0\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"m\">\n<name>Groot</name>\n<elements>\n"
        text += "<element identifier=\"bp\" xsi:type=\"BusinessProcess\"><name>Verhuren eenheden</name><documentation>\(String(repeating: "tekst ", count: 2_000_000))</documentation></element>\n"
        for index in 0..<40_000 { text += "<element identifier=\"d\(index)\" xsi:type=\"DataObject\"><name>Gegevensobject \(index)</name></element>\n" }
        text += "</elements>\n</model>\n"
        #expect(text.utf8.count > 14_000_000)
        try scratch.write("groot.xml", text)
        let run = try CoraCLI.run(["convert", "groot.xml", "-o", "groot.csv"], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.last == "cora: 40001 rows read, 1 process, 0 rejected; 0 errors, 0 warnings")
    }

    @Test("a name of a megabyte: --to ameff is written (each label measured on what it shows, not wrapped whole)")
    func longName() throws {
        let scratch = try Scratch()
        try scratch.write("lang.csv", "id,name,level\nP1,Verhuren \(String(repeating: "A", count: 1_000_000)),bedrijfsproces\n")
        let (run, valid) = try Self.convertAndValidate(["lang.csv"], output: "lang.xml", in: scratch)
        #expect(run.status == 0, "\(run)")
        #expect(valid.hasSuffix("lang.xml validates"))
    }

    @Test("ids that cora's own views use (landscape) or that read the same once joined (a.b + c, a + b.c): unique identifiers, valid")
    func generatedIdentifiers() throws {
        let scratch = try Scratch()
        try scratch.write("land.csv", "id,name,level\nlandscape,Beheren vastgoed,bedrijfsproces\n")
        try scratch.write("dots.csv", "id,name,level,parent\na,Verhuren woningen,bedrijfsproces,\na.b,Innen huur,bedrijfsproces,\nb.c,Opstellen contract,werkproces,a\nc,Versturen factuur,werkproces,a.b\n")
        for name in ["land", "dots"] {
            let (run, valid) = try Self.convertAndValidate(["\(name).csv"], output: "\(name).xml", in: scratch)
            #expect(run.status == 0, "\(run)")
            #expect(valid.hasSuffix("\(name).xml validates"), "\(valid)")
        }
        let text = try String(contentsOf: scratch.url.appendingPathComponent("land.xml"), encoding: .utf8)
        #expect(text.contains("<view identifier=\"cora-view-landscape\"") && text.contains("<view identifier=\"cora-view-landscape-2\""))
    }

    @Test("two exchange documents in one run: their views, nodes and definitions kept apart, the document valid")
    func twoDocuments() throws {
        let scratch = try Scratch()
        let (run, valid) = try Self.convertAndValidate([Self.vera40, Self.vera431], output: "twee.xml", in: scratch)
        #expect(run.status == 1, "\(run)")  // the same processes in both: duplicate-id
        #expect(valid.hasSuffix("twee.xml validates"), "\(valid.prefix(2_000))")
    }

    @Test("a process id that is another's identifier (1.2 and id-1.2): both come back with their ids")
    func identifierClash() throws {
        let scratch = try Scratch()
        try scratch.write("ids.csv", "id,name,level,parent\n1.2,Innen huur,bedrijfsproces,\nid-1.2,Verhuren woningen,bedrijfsproces,\n1.2.1,Opstellen contract,werkproces,id-1.2\n")
        var run = try CoraCLI.run(["convert", "ids.csv", "--to", "ameff", "-o", "ids.xml"], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        run = try CoraCLI.run(["convert", "ids.xml", "-o", "-"], in: scratch.url)
        #expect(run.stdoutText == """
            id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,requirements,steers,reports-to,pdca-phase
            1.2,,Innen huur,business-process,,,,,,,,,,,,,,,
            id-1.2,,Verhuren woningen,business-process,,,,,,,,,,,,,,,
            1.2.1,,Opstellen contract,work-process,,id-1.2,,,,,,,,,,,,,

            """)
    }

    @Test("control characters: said before writing, written as U+FFFD")
    func controlCharacters() throws {
        let scratch = try Scratch()
        try scratch.write("ctl.csv", "id,name,level\nP1,Verhuren\u{1}woningen,bedrijfsproces\nP2,Innen huur,bedrijfsproces\n")
        let (run, valid) = try Self.convertAndValidate(["ctl.csv"], output: "ctl.xml", in: scratch)
        #expect(run.status == 0)
        #expect(run.stderrLines.contains("ctl.xml: note: 1 process holds characters that XML cannot carry (control characters); they are written as U+FFFD (�), which a read back reports as mojibake"))
        #expect(valid.hasSuffix("ctl.xml validates"))
    }

    @Test("an xml:lang that is no language tag (nl_NL) and a data type the schema lacks: the document written is valid")
    func schemaValues() throws {
        let scratch = try Scratch()
        let sample = try String(contentsOf: CoraCLI.packageRoot.appendingPathComponent("Samples/ameff/verhuren-eenheden.xml"), encoding: .utf8)
        try scratch.write("nl_NL.xml", sample.replacingOccurrences(of: "xml:lang=\"nl\"", with: "xml:lang=\"nl_NL\"")
            .replacingOccurrences(of: "type=\"string\"", with: "type=\"notatype\""))
        let (run, valid) = try Self.convertAndValidate(["nl_NL.xml"], output: "uit.xml", in: scratch)
        #expect(run.status == 0, "\(run)")
        #expect(valid.hasSuffix("uit.xml validates"), "\(valid.prefix(2_000))")
    }
}
