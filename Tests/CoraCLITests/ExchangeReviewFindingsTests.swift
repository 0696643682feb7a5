import Foundation
import Testing

/// What a new user ran into with the ArchiMate exchange format, each fixed and kept so.
@Suite("ArchiMate exchange format: review findings")
struct ExchangeReviewFindingsTests {
    static let vera = ExchangeCLITests.vera

    @Test("a run that reads nothing leaves an existing -o file as it was, and says so")
    func nothingReadNothingWritten() throws {
        let scratch = try Scratch()
        try scratch.write("other.xml", "<?xml version=\"1.0\"?>\n<root/>\n")
        try scratch.write("good.xml", "het vorige goede model")
        let run = try CoraCLI.run(["convert", "other.xml", "--to", "ameff", "-o", "good.xml"], in: scratch.url)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrLines.contains("good.xml: note: nothing was read from the input, so nothing is written (an existing file is left as it was)"))
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("good.xml"), encoding: .utf8) == "het vorige goede model")
    }

    @Test("an exchange document and a table in one run: refused with both names, not read as the wrong kind")
    func mixedInputs() throws {
        let run = try CoraCLI.run(["convert", "Samples/voorbeeld.csv", "Samples/ameff/verhuren-eenheden.xml", "-o", "-"], in: CoraCLI.packageRoot)
        #expect(run.status == 2, "\(run)")
        #expect(run.errorLines == ["Samples/voorbeeld.csv: error: the inputs need different readers: Samples/ameff/verhuren-eenheden.xml is an ArchiMate exchange document and Samples/voorbeeld.csv is a table [no-mapping-fits]"])
        let named = try CoraCLI.run(["convert", "Samples/ameff/verhuren-eenheden.xml", "--mapping", "canonical", "-o", "-"], in: CoraCLI.packageRoot)
        #expect(named.status == 2)
        #expect(named.errorLines == ["Samples/ameff/verhuren-eenheden.xml: error: the file is an ArchiMate exchange document, which a mapping does not read [no-mapping-fits]"])
    }

    @Test("--title names the model in place of the name read; without one, Procesmodel and the input's name")
    func title() throws {
        let titled = try CoraCLI.run(["convert", Self.vera, "--title", "VERA (cora)", "--to", "ameff", "-o", "-"], in: CoraCLI.packageRoot)
        #expect(titled.stdoutText.split(separator: "\n")[2] == "  <name xml:lang=\"en\">VERA (cora)</name>")
        let plain = try CoraCLI.run(["convert", "Samples/voorbeeld.csv", "--keep-invalid", "--to", "ameff", "-o", "-"], in: CoraCLI.packageRoot)
        #expect(plain.stdoutText.split(separator: "\n")[2] == "  <name xml:lang=\"nl\">Procesmodel voorbeeld</name>")
        let english = try CoraCLI.run(["convert", "Samples/voorbeeld.csv", "--keep-invalid", "--lang", "en", "--to", "ameff", "-o", "-"], in: CoraCLI.packageRoot)
        #expect(english.stdoutText.split(separator: "\n")[2] == "  <name xml:lang=\"en\">Process model voorbeeld</name>")
    }

    @Test("Archi CSV set → ameff → Archi CSV set: the same rows, specializations included")
    func archiSetThroughExchange() throws {
        let scratch = try Scratch()
        var run = try CoraCLI.run(["convert", CoraCLI.packageRoot.appendingPathComponent("Samples/archi").path, "--to", "ameff", "-o", "ww.xml"], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        run = try CoraCLI.run(["convert", "ww.xml", "--to", "archi", "--prefix", "woonstad-waterland-", "-o", "terug"], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        for table in ["elements", "relations", "properties"] {
            let original = try String(contentsOf: CoraCLI.packageRoot.appendingPathComponent("Samples/archi/woonstad-waterland-\(table).csv"), encoding: .utf8)
            let back = try String(contentsOf: scratch.url.appendingPathComponent("terug/woonstad-waterland-\(table).csv"), encoding: .utf8)
            #expect(Set(back.components(separatedBy: "\r\n")) == Set(original.components(separatedBy: "\r\n")), "\(table).csv")
        }
        let document = try String(contentsOf: scratch.url.appendingPathComponent("ww.xml"), encoding: .utf8)
        #expect(document.contains("<name xml:lang=\"nl\">cora-specialization</name>"))
    }

    @Test("standard input: auto recognises an exchange document, --mapping ameff reads it")
    func standardInput() throws {
        let bytes = Array(try Data(contentsOf: CoraCLI.packageRoot.appendingPathComponent("Samples/ameff/verhuren-eenheden.xml")))
        let auto = try CoraCLI.run(["convert", "-", "-o", "-"], stdin: bytes, in: CoraCLI.packageRoot)
        #expect(auto.status == 0, "\(auto)")
        #expect(auto.stderrLines == ["cora: -: mapping ameff (auto: it is an ArchiMate exchange document)",
                                     "cora: 51 rows read, 11 processes, 0 rejected; 0 errors, 0 warnings"])
        let named = try CoraCLI.run(["convert", "-", "--mapping", "ameff", "-o", "-"], stdin: bytes, in: CoraCLI.packageRoot)
        #expect(named.status == 0 && named.stdout == auto.stdout)
        #expect(auto.stdoutText.components(separatedBy: "\nww-p03").count - 1 == 11)
    }

    @Test("inspect: a summary of an exchange document; a broken one its finding")
    func inspect() throws {
        let run = try CoraCLI.run(["inspect", Self.vera], in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == """
            file:          \(Self.vera)
            kind:          ArchiMate exchange document (read with --mapping ameff, or auto)
            model:         VERA 4.0 (identifier bab45d6e-3c12-4b5a-8106-53717c3a0d94)
            language:      en
            elements:      366: DataObject 198, BusinessProcess 111, Grouping 25, BusinessFunction 21, BusinessInteraction 11
            relationships: 1478: Composition 750, Association 600, Triggering 115, Specialization 12, Flow 1
            views:         62
            folders:       none
            properties:    7 definitions

            """)
        let scratch = try Scratch()
        try scratch.write("half.xml", "<?xml version=\"1.0\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" identifier=\"m\">\n<name>x</name>\n")
        let broken = try CoraCLI.run(["inspect", "half.xml"], in: scratch.url)
        #expect(broken.status == 1)
        #expect(broken.errorLines.count == 1 && broken.errorLines[0].hasPrefix("half.xml:") && broken.errorLines[0].hasSuffix("[exchange-not-xml]"))
    }

    @Test("--rejects for an exchange document: the rejected element as a row of ID, Type, Name, …")
    func rejects() throws {
        let scratch = try Scratch()
        let vera431 = Self.vera.replacingOccurrences(of: "VERA-4.0.xml", with: "VERA-4.3.1.xml")
        let run = try CoraCLI.run(["convert", vera431, "--rejects", "rejects.csv", "-o", "vera.csv"], in: scratch.url)
        #expect(run.status == 1)
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("rejects.csv"), encoding: .utf8) == """
            ID,Type,Name,Documentation,Source,Target,Specialization
            id-0653ab35fcf64b64bc7432ef3e2a92f0,BusinessProcess,Processtap,,,,

            """)
    }

    @Test("a process property named cora-id stays a property and does not take over the id")
    func reservedPropertyNames() throws {
        let scratch = try Scratch()
        try scratch.write("ids.csv", "id,name,level,category,parent,cora-id,cora-type\n1,Verhuren,bedrijfsproces,primair,,x,y\n1.2,Toewijzen,werkproces,primair,1,z,\n")
        var run = try CoraCLI.run(["convert", "ids.csv", "--to", "ameff", "-o", "ids.xml"], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        run = try CoraCLI.run(["convert", "ids.xml", "-o", "-"], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == """
            id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,requirements,steers,reports-to,pdca-phase,cora-id,cora-type
            1,,Verhuren,business-process,primary,,,,,,,,,,,,,,,x,y
            1.2,,Toewijzen,work-process,primary,1,,,,,,,,,,,,,,z,

            """)
    }
}
