import Foundation
import Testing

/// The ArchiMate exchange format on the command line: `--to ameff` (valid against the schema, the
/// same as the golden file), exchange documents as inputs (`--mapping auto` and `ameff`, and in a
/// batch), and broken or hostile documents (a diagnostic with its line, exit status 1, no hang).
@Suite("ArchiMate exchange format on the command line")
struct ExchangeCLITests {
    static let schema = CoraCLI.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/archimate-exchange-3.1/archimate3_Diagram.xsd").path
    static let vera = CoraCLI.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/realworld/vera-domeinmodellen/VERA-4.0.xml").path

    /// What xmllint says of `file` against the diagram schema: "FILE validates" when valid.
    static func validate(_ file: URL) throws -> String {
        let run = try Tool.run("xmllint", ["--noout", "--nonet", "--schema", schema, file.path], input: [])
        return run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("--to ameff writes the sample as the golden document, which xmllint validates against archimate3_Diagram.xsd")
    func sample() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("ww.xml")
        let run = try CoraCLI.run(["convert", "Samples/woonstad-waterland.csv", "--to", "ameff", "--title", "Woonstad Waterland", "-o", out.path],
                                  in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines == ["cora: Samples/woonstad-waterland.csv: mapping canonical (auto: 19 of 19 columns matched)",
                                    "cora: 73 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings"])
        #expect(try Self.validate(out) == "\(out.path) validates")
        let written = Array(try Data(contentsOf: out))
        let golden = SampleGoldenTests.goldenDirectory.appendingPathComponent("canonical-woonstad-waterland.ameff.xml")
        if SampleGoldenTests.recording {
            try Data(written).write(to: golden)
            Issue.record("recorded \(golden.lastPathComponent); rerun without CORA_RECORD_GOLDEN")
            return
        }
        #expect(written == Array(try Data(contentsOf: golden)), "differs from \(golden.lastPathComponent)")
    }

    @Test("an exchange document is an input: auto recognises it, --to ameff gives it back valid, with cora's views added")
    func veraInput() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("vera.xml")
        let run = try CoraCLI.run(["convert", Self.vera, "--to", "ameff", "-o", out.path], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.first == "cora: \(Self.vera): mapping ameff (auto: the file is an ArchiMate exchange document)")
        #expect(run.stderrLines.last == "cora: 1844 rows read, 122 processes, 0 rejected; 0 errors, 61 warnings (name-noise 43, naming-convention 17, archi-two-parents 1)")
        #expect(try Self.validate(out) == "\(out.path) validates")
        let text = try String(contentsOf: out, encoding: .utf8)
        // VERA's 62 views, cora's landscape and one view for each of the 28 business processes.
        #expect(text.components(separatedBy: "<view identifier=").count - 1 == 62 + 1 + 28)
        // --mapping ameff names the reader; the canonical CSV holds the 122 processes.
        let csv = try CoraCLI.run(["convert", Self.vera, "--mapping", "ameff", "-o", "-"], in: scratch.url)
        #expect(csv.status == 0)
        #expect(csv.stdoutText.split(separator: "\n").count == 1 + 122)
    }

    @Test("a broken document: its line and code, exit status 2 (nothing of it read)")
    func broken() throws {
        let scratch = try Scratch()
        try scratch.write("kapot.xml", """
            <?xml version="1.0"?>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">
              <name>Kapot</name>
              <elements>
                <element identifier="a"><name>A</name></element>
            </model>
            """)
        let run = try CoraCLI.run(["validate", "kapot.xml"], in: scratch.url)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrLines.last == "cora: 0 rows read, 0 processes, 0 rejected, 6 lines not read; 1 error (exchange-not-xml 1), 0 warnings")
        #expect(run.errorLines == [
            "kapot.xml:6: error: the file is not well-formed XML: the end tag does not match the start tag <elements> (line 4) (line 6, column 9); nothing of the file is read [exchange-not-xml]",
        ])
    }

    @Test("entity expansion and external entities: refused before parsing, quickly, nothing of the entities anywhere")
    func hostile() throws {
        let scratch = try Scratch()
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE model [\n  <!ENTITY a0 \"ha\">\n"
        for level in 1...12 { laughs += "  <!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">\n" }
        laughs += "]>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" identifier=\"m\"><name>&a12;</name></model>\n"
        try scratch.write("laughs.xml", laughs)
        try scratch.write("xxe.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE model [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&x;</name></model>
            """)
        for name in ["laughs.xml", "xxe.xml"] {
            let run = try CoraCLI.run(["convert", name, "--to", "ameff", "-o", "-"], in: scratch.url)
            #expect(run.status == 2 && !run.crashed, "\(run)")
            #expect(run.errorLines == ["\(name):2: error: the document has a DOCTYPE declaration; cora reads no DTD (its entities could expand without bound or read other files), so nothing of the file is read [exchange-doctype]"])
            #expect(!run.stdoutText.contains("root:") && !run.stdoutText.contains("haha"))
        }
    }

    @Test("a batch takes exchange documents from a folder (other XML files are no inputs) and writes ameff for every input")
    func batch() throws {
        let scratch = try Scratch()
        let input = scratch.url.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.vera, toPath: input.appendingPathComponent("VERA-4.0.xml").path)
        try FileManager.default.copyItem(at: CoraCLI.sample, to: input.appendingPathComponent("ww.csv"))
        try Data("<?xml version=\"1.0\"?><note>geen model</note>".utf8).write(to: input.appendingPathComponent("notitie.xml"))
        let run = try CoraCLI.run(["batch", "in", "--out", "out", "--to", "csv,ameff"], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.first == "in/notitie.xml: note: an XML file, but no ArchiMate exchange document (no <model> of the exchange format in its first 4 KB); not an input (name it to read it anyway)")
        let out = scratch.url.appendingPathComponent("out")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["VERA-4.0.csv", "VERA-4.0.report.json", "VERA-4.0.xml", "summary.json", "summary.md", "ww.csv", "ww.report.json", "ww.xml"])
        for name in ["VERA-4.0.xml", "ww.xml"] {
            #expect(try Self.validate(out.appendingPathComponent(name)) == "\(out.appendingPathComponent(name).path) validates")
        }
    }
}
