import CoraCSV
import CoraKit
import Foundation
import Testing

/// The requirements and PDCA fields (issue 17): the requirement catalog, a mapping's `flags` and
/// `requirement-tags`, the `steers` and `reports-to` references, the canonical layouts 1 and 2.
@Suite("Requirements and the PDCA fields: catalog, mapping, references, canonical layout")
struct RequirementsAndPDCAFieldsTests {
    static func convertWith(_ text: String, mappingYAML: String) throws -> ConversionResult {
        let mapping = try MappingParser.parse(mappingYAML, file: "m.yaml")
        return try Pipeline.convert(MemoryByteSource(text: text), file: "inv.csv", mapping: mapping)
    }

    // MARK: The catalog

    @Test("CORA's sixteen requirements in five groups; synonyms, labels and spellings find their tag")
    func catalog() {
        let catalog = RequirementCatalog.cora
        #expect(catalog.tags.map(\.tag) == ["arbo", "milieu", "privacy", "verantwoording", "ao-ic", "interne-rapportage", "flexibiliteit",
                                            "risicomanagement", "procuratie", "procesefficientie", "kwh", "energielabel",
                                            "informatiebeveiliging", "veiligheidscontrole", "logistiek", "gegevensuitwisseling"])
        #expect(Set(catalog.tags.map(\.group)) == Set(RequirementGroup.allCases.filter { $0 != .own }))
        let words = ["AVG": "privacy", "gdpr": "privacy", "Persoonsgegevens": "privacy", "BIV": "informatiebeveiliging",
                     "BIO": "informatiebeveiliging", "AO/IC": "ao-ic", "ao-ic": "ao-ic", "Procesefficiëntie": "procesefficientie",
                     "Privacy (AVG)": "privacy", "Working conditions": "arbo", "KWH-label": "kwh", "Visitatie": "verantwoording"]
        for (word, tag) in words { #expect(catalog.lookUp(word) == .found(tag), "\(word)") }
        #expect(catalog.lookUp("Wkb") == .unknown)
        #expect(catalog.tag("privacy")?.englishLabel == "Privacy (GDPR)")
        #expect(RequirementTag.isValidTag("passend-toewijzen") && RequirementTag.isValidTag("iso9001"))
        #expect(!RequirementTag.isValidTag("Passend") && !RequirementTag.isValidTag("a--b") && !RequirementTag.isValidTag("-a") && !RequirementTag.isValidTag(""))
    }

    // MARK: The mapping

    static let inventory = """
        Code;Proces;Soort;Categorie;Eigenaar;Beschrijving;Eisen;KWH;AVG;Stuurt;Rapporteert aan;PDCA
        S01;Sturen op beleid;Bedrijfsproces;Sturend;Directie;Beleid;Verantwoording;nee;;P01;;Plan
        S02;Monitoren prestaties;Bedrijfsproces;Sturend;Control;Rapportages;AO/IC, Wkb;nee;nee;;;Check
        S03;Bijsturen;Bedrijfsproces;Sturend;Directie;Maatregelen;;;;P01;;Act
        P01;Verhuren eenheden;Bedrijfsproces;Primair;Verhuur;Van aanbieding tot sleutel;"Arbo; Privasy";ja;x;;Monitoren prestaties;
        P02;Innen huur;Bedrijfsproces;Primair;Incasso;Huur innen;passendheid;misschien;j;S99;S02;

        """

    static let mapping = """
        dialect: {delimiter: ";"}
        fields:
          code: Code
          name: Proces
          level: Soort
          category: Categorie
          owner: Eigenaar
          description: Beschrijving
          requirements:
            column: Eisen
            split: [";", ","]
            values: {Wet bescherming persoonsgegevens: privacy}
            flags: {KWH: kwh, AVG: AVG}
          steers: {column: Stuurt, split: [";"]}
          reports-to: {column: Rapporteert aan, split: [";"]}
          pdca-phase: PDCA
        requirement-tags:
          passend-toewijzen:
            group: wetgever
            label: Passend toewijzen
            synonyms: [Passendheid]
        """

    @Test("a column of tags, yes/no columns and the mapping's own tags: the right tags per process; each problem at its cell")
    func mappingFillsRequirements() throws {
        let result = try Self.convertWith(Self.inventory, mappingYAML: Self.mapping)
        #expect(result.model.processes.map(\.requirements) == [
            ["verantwoording"], ["ao-ic", "Wkb"], [], ["arbo", "Privasy", "kwh", "privacy"], ["passend-toewijzen", "privacy"],
        ])
        #expect(result.model.processes.map(\.steers) == [["P01"], [], ["P01"], [], ["S99"]])
        #expect(result.model.processes.map(\.reportsTo) == [[], [], [], ["S02"], ["S02"]])
        #expect(result.model.processes.map(\.pdcaPhase) == [.plan, .check, .act, nil, nil])
        #expect(result.model.ownRequirementTags.map(\.tag) == ["passend-toewijzen"])
        #expect(result.diagnostics.map(summary) == [
            "unknown-requirement@3:7", "unknown-requirement@5:7", "unsteered-process@6:2", "unclear-flag@6:8", "unknown-pdca-reference@6:10",
        ])
        let byCode = Dictionary(grouping: result.diagnostics, by: \.code)
        let unknown = try #require(byCode[.unknownRequirement])
        #expect(unknown.map(\.message) == ["unknown requirement \"Wkb\"; kept as written", "unknown requirement \"Privasy\"; kept as written"])
        #expect(unknown.last?.hint?.hasPrefix("did you mean \"privacy\"? CORA's requirements are arbo, milieu, privacy,") == true)
        #expect(unknown.allSatisfy { $0.severity == .warning })
        let flag = try #require(byCode[.unclearFlag]?.first)
        #expect(flag.message == "the yes/no column \"KWH\" says \"misschien\"; the requirement kwh is not added")
        #expect(flag.hint == "write ja or nee (yes, no, x and empty are understood too)")
        let reference = try #require(byCode[.unknownPDCAReference]?.first)
        #expect(reference.message == "the steered process \"S99\" matches no process in the model (by id, code or name); kept as written")
        #expect(reference.column?.name == "Stuurt")
    }

    @Test("a flag naming no known requirement is reported once, at the mapping; its column still adds what it says")
    func unknownFlagTag() throws {
        let result = try Self.convertWith("Proces;Wkb\nVerhuren eenheden;ja\n", mappingYAML: """
            dialect: {delimiter: ";"}
            fields:
              name: Proces
              requirements: {flags: {Wkb: kwaliteitsborging}}
            """)
        #expect(result.diagnostics.map(summary) == ["unknown-requirement@4"])
        #expect(result.diagnostics.first?.file == "m.yaml")
        #expect(result.diagnostics.first?.message
                == "the yes/no column \"Wkb\" stands for \"kwaliteitsborging\", which is no known requirement; kept as written")
        #expect(result.model.processes.map(\.requirements) == [["kwaliteitsborging"]])
    }

    @Test("the parser refuses flags elsewhere, a tag that is no tag, an unknown group or key, each at its line")
    func parserErrors() {
        func problem(_ yaml: String) -> String {
            do {
                _ = try MappingParser.parse(yaml, file: "m.yaml")
                return "parsed"
            } catch {
                return "\(error.line.map(String.init) ?? "-"): \(error.message)"
            }
        }
        #expect(problem("fields:\n  name: N\n  owner: {column: E, flags: {A: b}}\n") == "3: flags applies to requirements only, not to owner")
        #expect(problem("fields:\n  name: N\n  next: {column: V, match: code}\n  steers: {column: S, match: nam}\n")
                == "4: match must be any, id, code or name, not \"nam\"")
        #expect(problem("fields:\n  name: N\n  pdca-phase: {column: P, match: id}\n")
                == "3: match applies to parent, next, steers and reports-to only, not to pdca-phase")
        #expect(problem("requirement-tags:\n  Passend Toewijzen: x\n") == "2: the requirement tag \"Passend Toewijzen\" is not a tag")
        #expect(problem("requirement-tags:\n  passend:\n    group: overheid\n") == "3: unknown requirement group \"overheid\"")
        #expect(problem("requirement-tags:\n  passend:\n    lable: Passend\n") == "3: unknown key \"lable\" in the requirement tag passend")
        #expect(problem("fields:\n  name: N\n  requirements: {flags: {AVG: \"\"}}\n") == "3: the column \"AVG\" names no requirement")
    }

    @Test("cora mapping init drafts the new fields from Dutch headers, and yes/no requirement columns as flags")
    func draft() throws {
        let text = "Code;Proces;Eisen;KWH;Stuurt;Rapporteert aan;PDCA-fase\nS1;Sturen op beleid;AVG;nee;P1;;plan\nP1;Verhuren eenheden;Arbo;ja;;S1;\n"
        let reader = try CSVReader(source: MemoryByteSource(text: text))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        let draft = MappingDraft(file: "inv.csv", name: "inv", records: records, delimiter: reader.dialect.delimiter)
        let mapping = try MappingParser.parse(draft.yaml, file: "inv.yaml")
        #expect(mapping.fields[.requirements]?.columns == ["Eisen"])
        #expect(mapping.fields[.requirements]?.flags.map(\.column) == ["KWH"])
        #expect(mapping.fields[.requirements]?.flags.map(\.tag) == ["kwh"])
        #expect(mapping.fields[.steers]?.columns == ["Stuurt"])
        #expect(mapping.fields[.reportsTo]?.columns == ["Rapporteert aan"])
        #expect(mapping.fields[.pdcaPhase]?.columns == ["PDCA-fase"])
        #expect(draft.yaml.contains("    flags:   # a yes (ja, x, 1, …) in the column adds the requirement\n      KWH: kwh\n"))
        let result = try Pipeline.convert(MemoryByteSource(text: text), file: "inv.csv", mapping: mapping)
        #expect(result.model.processes.map(\.requirements) == [["privacy"], ["arbo", "kwh"]])
    }

    // MARK: References

    @Test("steers and reports-to name processes by id, code or name; ambiguous names are reported and kept as written")
    func references() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", code: "S1", "Bepalen beleid", level: "business-process", category: "steering", steers: "P1|Innen huur|Beheren sleutels"),
            canonicalRow("p1", code: "P1", "Verhuren eenheden", level: "business-process", category: "primary", reportsTo: "Bepalen beleid"),
            canonicalRow("p2", code: "P2", "Innen huur", level: "business-process", category: "primary", reportsTo: "s1"),
            canonicalRow("d1", code: "D1", "Beheren sleutels", level: "business-process", category: "primary", reportsTo: "S1"),
            canonicalRow("d2", code: "D2", "Beheren sleutels", level: "business-process", category: "primary", reportsTo: "S1")))
        #expect(result.model.processes.map(\.steers) == [["p1", "p2", "Beheren sleutels"], [], [], [], []])
        #expect(result.model.processes.map(\.reportsTo) == [[], ["s1"], ["s1"], ["s1"], ["s1"]])
        #expect(result.diagnostics.map(summary) == ["ambiguous-pdca-reference@2:17", "unsteered-process@5:3", "unsteered-process@6:3"])
        #expect(result.diagnostics.first?.message
                == "the steered process \"Beheren sleutels\" matches more than one process (by name): lines 5 and 6; kept as written")
    }

    @Test("a reference to a process a model rule leaves out later is reported when the model is final, with its line, and kept as written")
    func referenceToProcessLeftOutByARule() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", steers: "w2"),
            canonicalRow("bp", "Verhuren eenheden", level: "business-process", category: "primary"),
            canonicalRow("w1", "Verhuren eenheid", level: "work-process", category: "primary", parent: "bp", function: "Verhuur"),
            canonicalRow("w2", "Opleveren eenheid", level: "work-process", category: "primary", parent: "w1", function: "Verhuur",
                         reportsTo: "s1")))
        #expect(result.diagnostics.filter { $0.code == .invalidNesting || $0.code == .unknownPDCAReference }.map(summary)
                == ["unknown-pdca-reference@2:17", "invalid-nesting@5:6"])
        let reference = try #require(result.diagnostics.first { $0.code == .unknownPDCAReference })
        #expect(reference.message == "the steered process \"w2\" (line 5) is left out of the model for its errors; kept as written")
        #expect(reference.hint == "the findings on line 5 say why")
        #expect(result.model.processes.map(\.id) == ["s1", "bp", "w1"])
        #expect(result.model.processes[0].steers == ["w2"])
    }

    // MARK: The canonical layout

    @Test("a layout-1 file (15 columns) reads, and converts byte for byte to layout 2 with the four columns empty")
    func layoutOne() throws {
        let layout1 = canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process", category: "primary", owner: "Verhuur"),
            canonicalRow("wp", "Verhuren eenheid", level: "work-process", category: "primary", parent: "bp", function: "Verhuur"))
        let result = try convert(layout1)
        #expect(result.diagnostics.isEmpty)
        let written = String(decoding: CanonicalCSVRenderer().render(result.model), as: UTF8.self)
        #expect(written == """
            id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,requirements,steers,reports-to,pdca-phase
            bp,,Verhuren eenheden,business-process,primary,,,Verhuur,,,,,,,,,,,
            wp,,Verhuren eenheid,work-process,primary,bp,,,Verhuur,,,,,,,,,,

            """)
        #expect(CanonicalField.canonicalLayoutVersion == 2)
        #expect(try convert(written).diagnostics.isEmpty)
        #expect(String(decoding: CanonicalCSVRenderer().render(try convert(written).model), as: UTF8.self) == written)
    }

    @Test("layout 2 round-trips every new field byte for byte; JSON has them as arrays and a phase")
    func layoutTwo() throws {
        let text = canonicalCSV2(
            canonicalRow("s1", "Bepalen beleid", level: "business-process", category: "steering", owner: "Directie", description: "Koers",
                         requirements: "verantwoording|risicomanagement", steers: "p1", pdcaPhase: "plan"),
            canonicalRow("s2", "Monitoren prestaties", level: "business-process", category: "steering", owner: "Control", description: "Cijfers",
                         pdcaPhase: "check"),
            canonicalRow("s3", "Bijsturen koers", level: "business-process", category: "steering", owner: "Directie", description: "Acties",
                         steers: "p1", pdcaPhase: "act"),
            canonicalRow("p1", "Verhuren eenheden", level: "business-process", category: "primary", owner: "Verhuur", description: "Sleutel",
                         requirements: "privacy|kwh", reportsTo: "s2"))
        let result = try convert(text)
        #expect(result.diagnostics.isEmpty)
        #expect(String(decoding: CanonicalCSVRenderer().render(result.model), as: UTF8.self) == text)
        let json = ModelJSONRenderer().render(result.model, diagnostics: [])
        #expect(json.contains("""
                  "description": "Koers",
                  "requirements": ["verantwoording", "risicomanagement"],
                  "steers": ["p1"],
                  "reports-to": [],
                  "pdca-phase": "plan",
            """), "\(json)")
        #expect(json.contains("\"pdca-phase\": null"))
    }

    @Test("every canonical field has its own slot in the inline tables, in the order of the header")
    func ordinals() {
        #expect(CanonicalField.allCases.map(\.ordinal) == Array(0..<CanonicalField.allCases.count))
        #expect(CanonicalField.allCases.count == 19)
        var table = FieldTable<String>()
        for field in CanonicalField.allCases { table[field] = field.rawValue }
        #expect(table.values == CanonicalField.canonicalHeader)
    }
}
