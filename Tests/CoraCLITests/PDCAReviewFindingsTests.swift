import Foundation
import Testing

/// What the two reviews of issue 17 (a new user, and a breaker) found in the requirements and
/// PDCA support, each pinned down through the command line.
@Suite("Requirements and PDCA: review findings")
struct PDCAReviewFindingsTests {
    /// The lines of standard output.
    static func lines(_ run: CLIRun) -> [String] { run.stdoutText.split(separator: "\n").map(String.init) }

    /// Cells 16 to 19 of a canonical CSV line (requirements, steers, reports-to, pdca-phase), or as many as asked.
    static func pdcaCells(_ line: String, count: Int = 2) -> String {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return cells.dropFirst(15).prefix(count).joined(separator: ",")
    }

    /// An Archi set with two requirement elements of one tag and the same `stuurt` flow twice.
    static func duplicateSet(in scratch: Scratch) throws {
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("m"), withIntermediateDirectories: true)
        try scratch.write("m/elements.csv", """
            "ID","Type","Name","Documentation","Specialization"\r
            "S1","BusinessProcess","Sturen beleid","",""\r
            "P1","BusinessProcess","Verhuren eenheden","d",""\r
            "P2","BusinessProcess","Innen huur","d",""\r
            "req-a","Requirement","AVG","",""\r
            "req-b","Requirement","Privacy","",""
            """)
        try scratch.write("m/relations.csv", """
            "ID","Type","Name","Documentation","Source","Target","Specialization"\r
            "r1","RealizationRelationship","","","P1","req-a",""\r
            "r2","RealizationRelationship","","","P1","req-b",""\r
            "r3","RealizationRelationship","","","P2","req-b",""\r
            "f1","FlowRelationship","stuurt","","S1","P1",""\r
            "f2","FlowRelationship","stuurt","","S1","P1",""\r
            "f3","FlowRelationship"," Stuurt ","","S1","P2",""
            """)
        try scratch.write("m/properties.csv", """
            "ID","Key","Value"\r
            "S1","Categorie","Sturend"\r
            "P1","Categorie","Primair"
            """)
    }

    @Test("Archi: a second requirement element of a tag and a second flow between the same two stay relations; archi → archi keeps every one, stable")
    func duplicatesKept() throws {
        let scratch = try Scratch()
        try Self.duplicateSet(in: scratch)
        let csv = try scratch.cora("convert", "m", "--mapping", "archi", "--to", "csv")
        let rows = Self.lines(csv).dropFirst().map { line -> String in
            String(line.prefix { $0 != "," }) + ":" + Self.pdcaCells(line)
        }
        #expect(rows == ["S1:,P1|P2", "P1:privacy,", "P2:privacy,"], "\(csv)")
        #expect(try scratch.cora("convert", "m", "--mapping", "archi", "--to", "archi", "-o", "once").status == 0)
        let relations = String(decoding: try scratch.read("once/relations.csv"), as: UTF8.self)
        for id in ["r1", "r2", "r3", "f1", "f2", "f3"] { #expect(relations.contains("\"\(id)\","), "\(id) in \(relations)") }
        #expect(try scratch.cora("convert", "once", "--mapping", "archi", "--to", "archi", "-o", "twice").status == 0)
        for file in ["elements.csv", "relations.csv", "properties.csv"] {
            #expect(try scratch.read("once/\(file)") == scratch.read("twice/\(file)"), "\(file)")
        }
    }

    @Test("exchange: a Flow from a process to a Requirement stays a relation (never a requirement), and ameff → ameff is stable")
    func flowToRequirement() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", "name,level,category,requirements\nVerhuren eenheden,business-process,primary,privacy\nInnen huur,business-process,primary,arbo\n")
        #expect(try scratch.cora("convert", "in.csv", "--to", "ameff", "-o", "a.xml").status == 0)
        var xml = String(decoding: try scratch.read("a.xml"), as: UTF8.self)
        xml = xml.replacingOccurrences(of: "  </relationships>", with: """
              <relationship identifier="evil1" source="innen-huur" target="requirement-privacy" xsi:type="Flow">
                <name xml:lang="nl">foo</name>
              </relationship>
              </relationships>
            """)
        try scratch.write("b.xml", xml)
        let first = try scratch.cora("convert", "b.xml", "--to", "csv")
        #expect(Self.lines(first).last?.hasSuffix(",arbo,,,") == true, "\(first)")
        #expect(try scratch.cora("convert", "b.xml", "--to", "ameff", "-o", "c.xml").status == 0)
        #expect(try scratch.cora("convert", "c.xml", "--to", "csv").stdoutText == first.stdoutText)
        #expect(try scratch.cora("convert", "c.xml", "--to", "ameff", "-o", "d.xml").status == 0)
        #expect(try scratch.read("c.xml") == scratch.read("d.xml"))
        #expect(try ExchangeCLITests.validate(scratch.url.appendingPathComponent("d.xml")) == "\(scratch.url.appendingPathComponent("d.xml").path) validates")
    }

    @Test("a value map or flag that gives several values (privacy|arbo) gives them as the canonical CSV reads them back")
    func severalValuesFromOneWord() throws {
        let scratch = try Scratch()
        try scratch.write("m.yaml", """
            dialect: {delimiter: ";"}
            fields:
              name: Proces
              requirements: {column: Eisen, values: {Foo: "privacy|arbo"}, flags: {AVG: "kwh|milieu"}}
            """)
        try scratch.write("in.csv", "Proces;Eisen;AVG\nVerhuren eenheden;Foo;ja\n")
        let run = try scratch.cora("convert", "in.csv", "--mapping", "m.yaml", "--to", "json", "-o", "out.json")
        #expect(run.status == 0, "\(run)")
        let json = String(decoding: try scratch.read("out.json"), as: UTF8.self)
        #expect(json.contains(#""requirements": ["privacy", "arbo", "kwh", "milieu"]"#), "\(json)")
    }

    @Test("batch --merge: a steers naming a process of another file of the merge is resolved to its id")
    func mergeAcrossFiles() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        try scratch.write("in/a.csv", "id,name,level,category,steers\ns1,Bepalen visie,business-process,steering,Innen huur\n")
        try scratch.write("in/b.csv", "id,name,level,category,reports-to\np1,Innen huur,business-process,primary,Bepalen visie\n")
        let run = try CoraCLI.run(["batch", "in", "--out", "out", "--merge", "--mapping", "canonical"], in: scratch.url)
        #expect(run.status == 0, "\(run)")
        let merged = String(decoding: try scratch.read("out/merged.csv"), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(merged.dropFirst().map { Self.pdcaCells($0, count: 3) } == [",p1,", ",,s1"], "\(merged)")
    }

    @Test("requirement-tags: CORA's tag names, words that already stand for a requirement, twice, an empty label are refused at their line")
    func ownTagCollisions() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", "Proces\nVerhuren eenheden\n")
        func problem(_ tags: String) throws -> String {
            try scratch.write("m.yaml", "fields:\n  name: Proces\nrequirement-tags:\n" + tags)
            let run = try scratch.cora("convert", "in.csv", "--mapping", "m.yaml")
            #expect(run.status == 2, "\(run)")
            return run.errorLines.first ?? ""
        }
        #expect(try problem("  privacy: Mijn privacy\n")
                == #"m.yaml:4: error: "privacy" is one of CORA's requirements; an own tag needs a name of its own [invalid-mapping]"#)
        #expect(try problem("  aaa: {label: AVG}\n")
                == #"m.yaml:4: error: "AVG" of the requirement tag "aaa" already stands for the requirement privacy [invalid-mapping]"#)
        #expect(try problem("  aaa: Eigen\n  bbb: {synonyms: [aaa]}\n")
                == #"m.yaml:5: error: "aaa" of the requirement tag "bbb" already stands for the requirement aaa [invalid-mapping]"#)
        #expect(try problem("  aaa: \"  \"\n") == #"m.yaml:4: error: the requirement tag "aaa" has an empty label [invalid-mapping]"#)
    }

    @Test("an own tag's English label survives Archi and the exchange format (property Label-en)")
    func englishLabel() throws {
        let scratch = try Scratch()
        try scratch.write("m.yaml", """
            dialect: {delimiter: ";"}
            fields:
              name: Proces
              requirements: {column: Eisen}
            requirement-tags:
              passend-toewijzen: {group: wetgever, label: Passend toewijzen, label-en: Appropriate allocation}
            """)
        try scratch.write("in.csv", "Proces;Eisen\nVerhuren eenheden;Passend toewijzen\n")
        #expect(try scratch.cora("convert", "in.csv", "--mapping", "m.yaml", "--to", "archi", "-o", "a").status == 0)
        #expect(String(decoding: try scratch.read("a/properties.csv"), as: UTF8.self).contains(#""requirement-passend-toewijzen","Label-en","Appropriate allocation""#))
        #expect(try scratch.cora("convert", "a", "--to", "ameff", "-o", "b.xml").status == 0)
        let english = try scratch.cora("convert", "b.xml", "--to", "md", "--lang", "en")
        #expect(english.stdoutText.contains("| Code | Name | Appropriate allocation |"), "\(english)")
        #expect(english.stdoutText.contains("| Appropriate allocation | Legislator |"), "\(english)")
    }

    @Test("a canonical CSV with an own tag reads back without a finding; a typo of a CORA tag still gets did you mean")
    func ownTagInCanonical() throws {
        let scratch = try Scratch()
        let written = try CoraCLI.run(["convert", "Samples/sturing/woonstad-waterland-sturing.csv", "-o", scratch.url.appendingPathComponent("s.csv").path],
                                      in: CoraCLI.packageRoot)
        #expect(written.status == 0)
        let back = try scratch.cora("convert", "s.csv", "--to", "csv")
        #expect(back.stdoutText == String(decoding: try scratch.read("s.csv"), as: UTF8.self))
        #expect(!back.stderrText.contains("unknown-requirement"), "\(back)")
        try scratch.write("typo.csv", "name,requirements\nVerhuren eenheden,privasy\n")
        let typo = try scratch.cora("convert", "typo.csv")
        expectDiagnostic(typo, prefix: #"typo.csv:2:2: warning: unknown requirement "privasy"; kept as written"#, code: "unknown-requirement")
        #expect(typo.stderrText.contains(#"note: did you mean "privacy"?"#), "\(typo)")
    }

    @Test("unknown-pdca-reference says why: several references in one cell, or a name where the mapping matches codes")
    func referenceHints() throws {
        let scratch = try Scratch()
        try scratch.write("m.yaml", """
            dialect: {delimiter: ";"}
            fields:
              code: Code
              name: Proces
              category: Categorie
              steers: {column: Stuurt, match: code}
              reports-to: Rapporteert aan
            """)
        try scratch.write("in.csv", "Code;Proces;Categorie;Stuurt;Rapporteert aan\nS1;Bepalen visie;sturend;Innen huur;\nP1;Innen huur;primair;;\"S1; S2\"\n")
        let run = try scratch.cora("convert", "in.csv", "--mapping", "m.yaml")
        #expect(run.stderrLines.contains(#"in.csv:2:4: warning: the steered process "Innen huur" matches no process in the model (by code); kept as written (column "Stuurt") [unknown-pdca-reference]"#), "\(run)")
        #expect(run.stderrLines.contains(#"in.csv:2:4: note: a process is named "Innen huur": the mapping says `match: code`; `match: any` also finds names"#), "\(run)")
        #expect(run.stderrLines.contains(#"in.csv:3:5: note: the cell looks like several references: split it (`split: [";"]` in the reports-to field of the mapping)"#), "\(run)")
    }

    @Test("mapping init: one cell with ; is enough to split references and requirements; requirement words that are no tag get a TODO")
    func initDraft() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", """
            Code;Proces;Eisen;Stuurt;Rapporteert aan
            S1;Bepalen visie;Verantwoording;P1;
            S2;Monitoren;;;
            S3;Bijsturen;;;
            P1;Verhuren eenheden;Passend toewijzen;;S1; S2
            P2;Innen huur;;;S2

            """.replacingOccurrences(of: "S1; S2", with: "\"S1; S2\""))
        let run = try scratch.cora("mapping", "init", "in.csv", "-o", "m.yaml")
        #expect(run.status == 0, "\(run)")
        let yaml = String(decoding: try scratch.read("m.yaml"), as: UTF8.self)
        #expect(yaml.contains("  reports-to:\n    column: Rapporteert aan\n    split: [\";\"]"), "\(yaml)")
        #expect(yaml.contains(#"  # TODO: no requirement tag for "Passend toewijzen"; map them to a tag with `values:`, or define them under `requirement-tags:`"#), "\(yaml)")
    }

    @Test("--view pdca draws every primary business process; one that nothing steers has a dashed border")
    func unsteeredDrawn() throws {
        let run = try CoraCLI.run(["convert", "Samples/sturing/woonstad-waterland-sturing.csv", "--to", "dot", "--view", "pdca"], in: CoraCLI.packageRoot)
        #expect(run.status == 0)
        let p01 = Self.lines(run).first { $0.contains(#""P01" [label="#) } ?? ""
        #expect(p01.contains(#"style="rounded,filled,dashed""#), "\(p01)")
        let p03 = Self.lines(run).first { $0.contains(#""P03" [label="#) } ?? ""
        #expect(!p03.contains("dashed"), "\(p03)")
        #expect(run.stdoutText.contains(#""S03" -> "P03" [dir=back, style=dashed"#))
    }

    @Test("more than 40 requirements in use: the Markdown lists them per process instead of a matrix")
    func manyRequirements() throws {
        let scratch = try Scratch()
        let rows = (1...45).map { "p\($0),Proces \($0),business-process,eis-\($0)" }
        try scratch.write("in.csv", "id,name,level,requirements\n" + rows.joined(separator: "\n") + "\n")
        let run = try scratch.cora("convert", "in.csv", "--to", "md", "--ignore", "naming-convention")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText.contains("| Code | Naam | Eisen |\n| --- | --- | --- |\n|  | Proces 1 | eis-1 |\n"), "\(run.stdoutText)")
    }

    @Test("LibreOffice Calc (nl-NL) reads the Excel CSV of the sturing sample back cell by cell as the canonical CSV, the new columns as text")
    func excelCSVInCalc() throws {
        let scratch = try Scratch()
        let sample = "Samples/sturing/woonstad-waterland-sturing.csv"
        for (format, file) in [("csv", "s.csv"), ("excel-csv", "s.excel.csv")] {
            let run = try CoraCLI.run(["convert", sample, "--to", format, "-o", scratch.url.appendingPathComponent(file).path], in: CoraCLI.packageRoot)
            #expect(run.status == 0, "\(run)")
        }
        // The canonical CSV's cells, as cora's reader (libcsv) gives them.
        let records = try scratch.cora("inspect", "s.csv", "--records", "--json")
        let canonical = try #require(try parseJSON(records.stdout) as? [[String]])
        let sheet = try #require(try ExcelCodesAsTextTests.TypedCalc.open(["s.excel.csv"], in: scratch, language: ExcelCodesAsTextTests.TypedCalc.dutch)["s.excel.csv"])
        #expect(sheet.formulas.isEmpty)
        #expect(sheet.rows.count == canonical.count)
        for (cells, expected) in zip(sheet.rows, canonical) {
            let filled = expected.enumerated().filter { !$0.element.isEmpty }
            for (column, value) in filled {
                let cell = column < cells.count ? cells[column] : .empty
                #expect(cell == .text(value) || (Int(value) != nil && cell == .number(value)), "column \(column + 1): \(cell), expected \(value)")
            }
        }
        #expect(sheet.rows[1].count > 18 && sheet.rows[1][15] == .text("risicomanagement") && sheet.rows[1][16] == .text("K01|P04|P06|P07|P08|P09"))
    }
}
