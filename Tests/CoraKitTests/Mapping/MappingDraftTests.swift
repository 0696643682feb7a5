import CoraCSV
@testable import CoraKit
import Foundation
import Testing

@Suite("Drafting a mapping (cora mapping init)")
struct MappingDraftTests {
    /// The records of `text` as the reader reads them.
    static func records(_ text: String) throws -> (records: [CSVRecord], dialect: CSVDialect) {
        let reader = try CSVReader(source: MemoryByteSource(text: text))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (records, reader.dialect)
    }

    /// Drafts a mapping for `text`, and parses the YAML it writes.
    static func draft(_ text: String, name: String = "draft") throws -> (draft: MappingDraft, mapping: Mapping) {
        let (records, dialect) = try records(text)
        let draft = MappingDraft(file: "input.csv", name: name, records: records, delimiter: dialect.delimiter, encoding: dialect.encoding)
        do {
            return (draft, try MappingParser.parse(draft.yaml, file: "draft.yaml"))
        } catch {
            Issue.record("the draft does not parse: \(error)\n\(draft.yaml)")
            throw error
        }
    }

    /// Converts `text` with `mapping`.
    static func convert(_ text: String, with mapping: Mapping) throws -> ConversionResult {
        try Pipeline.convert(MemoryByteSource(text: text), file: "input.csv", mapping: mapping)
    }

    static func columns(_ mapping: Mapping) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: mapping.fields.compactMap { field, rule in rule.columns.isEmpty ? nil : (field.rawValue, rule.columns) })
    }

    static func errors(_ result: ConversionResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map { "\($0.line ?? 0): \($0.message)" }
    }

    // MARK: The three layouts

    static let excel = """
        Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces;Proceseigenaar;Bedrijfsfunctie;Levert dienst;Applicaties;Omschrijving
        S01;BP Bepalen visie;Bedrijfsproces;S;;Directeur;;Visie;SharePoint;
        S01.01;WP Opstellen woonvisie;Werkproces;;S01;Manager Strategie;Besturing;Woonvisie;SharePoint, Teams;Met de gemeente
        P01;BP Verhuren eenheden;Bedrijfsproces;Primair;;Manager Wonen;;Verhuurde eenheid;Empire;
        P01.01;WP Verhuren eenheid;Werkproces;;P01;Teamleider Verhuur;Vastgoedverhuur;;Empire, WoningNet;"Van aanbieding
        tot sleutel"
        O01;BP Leveren ICT-diensten;Bedrijfsproces;Ondersteunend;;CIO;;ICT-diensten;TOPdesk;

        """

    @Test("Excel style: every column placed, S mapped, BP/WP stripped, parent by code")
    func excelStyle() throws {
        let (draft, mapping) = try Self.draft(Self.excel)
        #expect(Self.columns(mapping) == [
            "code": ["Procescode"], "name": ["Procesnaam"], "level": ["Soort"], "category": ["Procesgroep"],
            "parent": ["Bovenliggend proces"], "owner": ["Proceseigenaar"], "function": ["Bedrijfsfunctie"],
            "services": ["Levert dienst"], "applications": ["Applicaties"], "description": ["Omschrijving"],
        ])
        #expect(draft.unplaced.isEmpty)
        #expect(mapping.dialect.delimiter == UInt8(ascii: ";"))
        #expect(mapping.dialect.encoding == nil)
        #expect(mapping.fields[.name]?.required == true)
        #expect(mapping.fields[.name]?.stripPrefixes == ["BP ", "WP "])
        #expect(mapping.fields[.category]?.values.map(\.from) == ["S"])
        #expect(mapping.fields[.category]?.values.map(\.to) == ["steering"])
        #expect(mapping.fields[.parent]?.match == .code)
        #expect(mapping.fields[.applications]?.split == [","])
        #expect(mapping.fields[.services]?.split == [])
        #expect(mapping.hierarchy.shape == .parentColumn)
        #expect(mapping.hierarchy.levelsByDepth.isEmpty)
        #expect(mapping.properties == .all)
        #expect(draft.yaml.contains("S: steering   # TODO: a bare S is ambiguous"))

        let result = try Self.convert(Self.excel, with: mapping)
        #expect(Self.errors(result).isEmpty)
        let processes = result.model.processes
        #expect(processes.map(\.name) == ["Bepalen visie", "Opstellen woonvisie", "Verhuren eenheden", "Verhuren eenheid", "Leveren ICT-diensten"])
        #expect(processes.map(\.level) == [.businessProcess, .workProcess, .businessProcess, .workProcess, .businessProcess])
        #expect(processes.map(\.category) == [.steering, .steering, .primary, .primary, .supporting])
        #expect(processes.map(\.parent) == ["", "S01", "", "P01", ""])
        #expect(processes[3].applications == ["Empire", "WoningNet"])
        #expect(processes[1].properties.map(\.name) == ["Procesnaam (original)"])
    }

    static let niveaus = """
        Categorie;Niveau 1;Niveau 2;Niveau 3;Eigenaar
        Sturend;Bepalen visie;;;Bestuurder
        ;;Opstellen woonvisie;;Manager Strategie
        Primair;Verhuren eenheden;;;Manager Wonen
        ;;Verhuren eenheid;;Teamleider
        ;;;Opstellen huurovereenkomst;Verhuurder
        ;;;Overhandigen sleutels;Opzichter
        Ondersteunend;Leveren ICT-diensten;;;CIO

        """

    @Test("per-level style: Niveau 1/2/3 become level columns of business processes, work processes and steps")
    func perLevelStyle() throws {
        let (draft, mapping) = try Self.draft(Self.niveaus)
        #expect(Self.columns(mapping) == ["category": ["Categorie"], "owner": ["Eigenaar"]])
        #expect(draft.unplaced.isEmpty)
        #expect(mapping.hierarchy.shape == .levelColumns)
        #expect(mapping.hierarchy.levelColumns.map(\.columns) == [["Niveau 1"], ["Niveau 2"], ["Niveau 3"]])
        #expect(mapping.hierarchy.levelColumns.map(\.level) == [.businessProcess, .workProcess, .processStep])
        #expect(mapping.hierarchy.inheritCategory)

        let result = try Self.convert(Self.niveaus, with: mapping)
        #expect(Self.errors(result).isEmpty)
        let processes = result.model.processes
        #expect(processes.map(\.name) == ["Bepalen visie", "Opstellen woonvisie", "Verhuren eenheden", "Verhuren eenheid",
                                          "Opstellen huurovereenkomst", "Overhandigen sleutels", "Leveren ICT-diensten"])
        #expect(processes.map(\.level) == [.businessProcess, .workProcess, .businessProcess, .workProcess, .processStep, .processStep, .businessProcess])
        #expect(processes.map(\.category) == [.steering, .steering, .primary, .primary, .primary, .primary, .supporting])
        let ids = Dictionary(uniqueKeysWithValues: processes.map { ($0.name, $0.id) })
        #expect(processes.map(\.parent) == ["", ids["Bepalen visie"], "", ids["Verhuren eenheden"], ids["Verhuren eenheid"], ids["Verhuren eenheid"], ""])
    }

    static let wiki = """
        Werkproces,Levert bedrijfsservice(s),Gebruikt in bedrijfsproces(sen),Beschrijving
        Verhuren eenheid,"Huurovereenkomst
        Sleuteloverdracht",Verhuren eenheden,Van verhuurdossier tot sleutel
        Administratief afhandelen niet planmatig onderhoud,Afgehandelde onderhoudsopdracht,"Uitvoeren reparatieonderhoud
        Uitvoeren mutatieonderhoud",Registreren en afhandelen
        Publiceren eenheid,Gepubliceerde eenheid,Werven en selecteren kandidaten,

        """

    @Test("CORA wiki style: one value per line, every row a work process, the business processes kept as a property")
    func wikiStyle() throws {
        let (draft, mapping) = try Self.draft(Self.wiki)
        #expect(Self.columns(mapping) == ["name": ["Werkproces"], "services": ["Levert bedrijfsservice(s)"], "description": ["Beschrijving"]])
        #expect(mapping.fields[.level]?.constant == "work-process")
        #expect(mapping.fields[.services]?.split == ["\n"])
        #expect(mapping.dialect.delimiter == nil)
        #expect(draft.unplaced == [2])
        #expect(mapping.detectHeaders == ["Gebruikt in bedrijfsproces(sen)"])
        #expect(draft.yaml.contains("#     parent: {column: \"Gebruikt in bedrijfsproces(sen)\", split: \"\\n\", match: name}"))

        let result = try Self.convert(Self.wiki, with: mapping)
        #expect(Self.errors(result).isEmpty)
        let processes = result.model.processes
        #expect(processes.count == 3)
        #expect(processes.allSatisfy { $0.level == .workProcess && $0.parent.isEmpty })
        #expect(processes[0].services == ["Huurovereenkomst", "Sleuteloverdracht"])
        #expect(processes[1].properties.map(\.name) == ["Gebruikt in bedrijfsproces(sen)"])
    }

    @Test("CORA wiki style with the business processes as rows: the 'Gebruikt in' column becomes the parent by name")
    func wikiStyleWithParents() throws {
        let text = """
            Werkproces,Levert bedrijfsservice(s),Gebruikt in bedrijfsproces(sen),Type
            Verhuren eenheden,Verhuurde eenheid,,Bedrijfsproces
            Uitvoeren reparatieonderhoud,Onderhouden eenheid,,Bedrijfsproces
            Verhuren eenheid,Huurovereenkomst,Verhuren eenheden,
            Administratief afhandelen,Opdracht,"Uitvoeren reparatieonderhoud
            Verhuren eenheden",

            """
        let (draft, mapping) = try Self.draft(text)
        #expect(draft.unplaced.isEmpty)
        #expect(mapping.fields[.parent]?.columns == ["Gebruikt in bedrijfsproces(sen)"])
        #expect(mapping.fields[.parent]?.split == ["\n"])
        #expect(mapping.fields[.parent]?.match == .name)
        #expect(mapping.fields[.level]?.columns == ["Type"])
        // The work processes leave Type empty, so depth 2 has no level of its own in the sample: the usual three.
        #expect(mapping.hierarchy.levelsByDepth == [.businessProcess, .workProcess, .processStep])

        let result = try Self.convert(text, with: mapping)
        #expect(Self.errors(result).isEmpty)
        #expect(result.model.processes.map(\.level) == [.businessProcess, .businessProcess, .workProcess, .workProcess])
        #expect(result.model.processes.map(\.parent) == ["", "", "verhuren-eenheden", "uitvoeren-reparatieonderhoud"])
    }

    @Test("the canonical sample: the draft converts it exactly as the canonical mapping does")
    func canonicalSample() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv"), encoding: .utf8)
        let (draft, mapping) = try Self.draft(text, name: "woonstad")
        #expect(Set(mapping.fields.keys) == Set(CanonicalField.allCases))
        for field in CanonicalField.allCases { #expect(mapping.fields[field]?.columns == [field.rawValue]) }
        #expect(mapping.fields[.parent]?.match == .id)
        #expect(mapping.detectHeaders == ["Afdeling", "Laatst herzien"])
        #expect(draft.unplaced.map { draft.header[$0] } == ["Afdeling", "Laatst herzien"])

        let drafted = try Self.convert(text, with: mapping)
        let canonical = try Self.convert(text, with: try MappingCatalog.builtin.mapping(named: "canonical"))
        #expect(Self.errors(drafted).isEmpty)
        #expect(CanonicalCSVRenderer(options: .canonical).render(drafted.model) == CanonicalCSVRenderer(options: .canonical).render(canonical.model))

        // And --mapping auto would choose the draft over the shipped mappings for this file.
        let selection = MappingSelector(candidates: try MappingCatalog.builtin.names.map { try MappingCatalog.builtin.mapping(named: $0) } + [mapping])
            .select(header: draft.header)
        #expect(selection.mapping?.name == "woonstad", "\(selection.reason)")
    }

    // MARK: Details

    @Test("ID alone is the code; beside a code column it is the id")
    func idColumn() throws {
        let alone = try Self.draft("ID,Naam\n1,Bepalen visie\n1.1,Opstellen woonvisie\n").mapping
        #expect(Self.columns(alone) == ["code": ["ID"], "name": ["Naam"]])
        #expect(alone.hierarchy.shape == .dottedCodes)
        #expect(alone.hierarchy.levelsByDepth == [.businessProcess, .workProcess, .processStep])

        let both = try Self.draft("ID,Code,Naam\nbp-1,P1,Bepalen visie\n").mapping
        #expect(Self.columns(both) == ["id": ["ID"], "code": ["Code"], "name": ["Naam"]])

        // Values that are not valid ids make it a property when there is a code column.
        let (draft, invalid) = try Self.draft("Id,Code,Naam\nproces 1,P1,Bepalen visie\n")
        #expect(Self.columns(invalid) == ["code": ["Code"], "name": ["Naam"]])
        #expect(draft.unplaced == [0])
    }

    @Test("title rows above the header become skip-rows; the delimiter and encoding are kept when they are not , and UTF-8")
    func titleRowsAndDialect() throws {
        var bytes = Array("sep=;\r\nProcesoverzicht Woonstad 2024;;\r\n;;\r\nNr;Naam;Eigenaar\r\n1;Financi".utf8)
        bytes += [0xEB] + Array("n;Controller\r\n".utf8)
        let reader = try CSVReader(source: MemoryByteSource(bytes))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        let draft = MappingDraft(file: "oud.csv", name: "oud", records: records, delimiter: reader.dialect.delimiter, encoding: reader.dialect.encoding)
        #expect(draft.skipRows == 2)
        #expect(draft.headerLine == 4)
        let mapping = try MappingParser.parse(draft.yaml, file: "oud.yaml")
        #expect(mapping.dialect.skipRows == 2)
        #expect(mapping.dialect.delimiter == UInt8(ascii: ";"))
        #expect(mapping.dialect.encoding == .windows1252)
        #expect(Self.columns(mapping) == ["code": ["Nr"], "name": ["Naam"], "owner": ["Eigenaar"]])

        let result = try Pipeline.convert(MemoryByteSource(bytes), file: "oud.csv", mapping: mapping)
        #expect(Self.errors(result).isEmpty)
        #expect(result.model.processes.map(\.name) == ["Financiën"])
        #expect(result.diagnostics.isEmpty, "the mapping fixes the encoding: no fallback warning")
    }

    @Test("level and category values outside the built-in words: guessed from the word or the depth, else left to fill in")
    func valueMaps() throws {
        let text = """
            Nr;Naam;Type;Categorie
            1;Bepalen visie;Hoofdprocessen;Sturende
            1.1;Opstellen woonvisie;Taak;
            2;Verhuren eenheden;Proces;M
            2.1;Verhuren eenheid;Onbekend;
            2.1.1;Overhandigen sleutels;Xyzzy;
            2.1.2;Nazorg;Xyzzy;
            3;Leveren ICT-diensten;Proces;Kern

            """
        let (draft, mapping) = try Self.draft(text)
        let level = try #require(draft.fields[.level])
        #expect(level.values.map(\.from) == ["Hoofdprocessen", "Taak", "Proces", "Onbekend", "Xyzzy"])
        #expect(level.values.map(\.to) == ["business-process", "work-process", "business-process", "work-process", "process-step"])
        let category = try #require(draft.fields[.category])
        #expect(category.values.map(\.from) == ["Sturende", "M"])
        #expect(category.values.map(\.to) == ["steering", "steering"])
        #expect(mapping.hierarchy.shape == .dottedCodes)

        let result = try Self.convert(text, with: mapping)
        #expect(Self.errors(result).isEmpty)
        #expect(result.model.processes.map(\.level) == [.businessProcess, .workProcess, .businessProcess, .workProcess, .processStep, .processStep, .businessProcess])

        // Without a hierarchy an unknown word has no guess: a commented entry to fill in.
        let flat = try Self.draft("Naam;Soort\nA;Bedrijfsproces\nB;Xyzzy\nC;Werkproces\n")
        #expect(flat.draft.fields[.level]?.values == [MappingDraft.ValueDraft(from: "Xyzzy", to: nil, note: "TODO: which level is this? steering-scenario, process-chain, business-process, work-process, process-step")])
        #expect(flat.draft.yaml.contains("    # values:\n      # Xyzzy: ???   # TODO: which level is this?"))
        #expect(flat.mapping.fields[.level]?.values.isEmpty == true)

        // A "level" column whose values are mostly not levels is not the level.
        let notLevels = try Self.draft("Naam;Type\nA;Handmatig\nB;Automatisch\nC;Gemengd\n")
        #expect(notLevels.mapping.fields[.level] == nil)
        #expect(notLevels.draft.unplaced == [1])
        #expect(notLevels.draft.yaml.contains("#   Type\n#     looked like the level, but most of its values are not levels"))
    }

    @Test("multi-valued cells: line breaks, then the separators many other cells hold")
    func separators() {
        #expect(MappingDraft.separators(in: ["A\nB", "C"]) == ["\n"])
        #expect(MappingDraft.separators(in: ["A\nB", "C, D", "E, F", "G"]) == ["\n", ","])
        #expect(MappingDraft.separators(in: ["A; B", "C", "D", "E"]) == [";"])
        #expect(MappingDraft.separators(in: ["A; B", "C", "D", "E", "F"]) == [])
        #expect(MappingDraft.separators(in: ["A|B", "C|D", "E", "F", "G", "H", "I", "J", "K"]) == ["|"])
        #expect(MappingDraft.separators(in: []) == [])
    }

    @Test("prefixes and suffixes in names")
    func prefixesAndSuffixes() {
        #expect(MappingDraft.prefixesFound(in: ["BP Verhuren eenheden", "WP: Verhuren eenheid", "Overig"]) == ["WP: ", "BP "])
        #expect(MappingDraft.prefixesFound(in: ["bp verhuren", "BPM-project"]) == ["BP "])
        #expect(MappingDraft.suffixesFound(in: ["Verhuren eenheid (werkproces)", "Visie"]) == ["(werkproces)"])
        #expect(MappingDraft.prefixesFound(in: ["Verhuren eenheden"]).isEmpty)
    }

    @Test("headers that need quoting in YAML read back as they are")
    func quotedHeaders() throws {
        let header = ["Naam: volledig", "#Nr", "- code", "yes", "123", "Omschrijving \"kort\"", "a, b", "Eigenaar ", "[Team]", "Status?", "Naam: volledig"]
        let line = header.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",")
        let (draft, mapping) = try Self.draft(line + "\n" + Array(repeating: "x", count: header.count).joined(separator: ",") + "\n")
        #expect(mapping.detectHeaders.count == 8, "each once: \(mapping.detectHeaders)")
        #expect(Set(mapping.detectHeaders) == Set(draft.unplaced.map { draft.header[$0] }))
        #expect(Set(mapping.detectHeaders) == ["Naam: volledig", "#Nr", "yes", "123", "Omschrijving \"kort\"", "a, b", "[Team]", "Status?"])
        // `-`, `_` and `.` count as spaces in headers: "- code" is the code.
        #expect(mapping.fields[.code]?.columns == ["- code"])
        #expect(mapping.fields[.owner]?.columns == ["Eigenaar"])
        #expect(mapping.fields[.status]?.columns == nil)
        for text in ["yes", "No", "123", "1.5", "-x", "a: b", "a #b", "tab\there", "ok", "Procesnaam (oud)", "Levert bedrijfsservice(s)", "é"] {
            let yaml = "name: \(YAMLText.scalar(text))\n"
            #expect(try MappingParser.parse(yaml, file: "t").name == text, "\(text) → \(YAMLText.scalar(text))")
        }
        #expect(YAMLText.scalar("Levert bedrijfsservice(s)") == "Levert bedrijfsservice(s)")
        #expect(YAMLText.scalar("yes") == "\"yes\"")
    }

    @Test("an empty file or a header that nothing recognises still drafts a mapping that parses")
    func emptyInput() throws {
        let empty = MappingDraft(file: "leeg.csv", name: "leeg", records: [])
        #expect(try MappingParser.parse(empty.yaml, file: "leeg.yaml").fields.isEmpty)
        let (draft, mapping) = try Self.draft("Kolom A,Kolom B\n1,2\n")
        #expect(mapping.fields.isEmpty)
        #expect(draft.yaml.contains("fields: {}\n  # TODO: no column was recognised"))
        #expect(mapping.detectHeaders == ["Kolom A", "Kolom B"])
    }

    // MARK: The vocabulary

    /// CORA.md §3: the headers seen per canonical field.
    static let headersSeen: [(CanonicalField, [String])] = [
        (.name, ["Proces", "Procesnaam", "Naam", "Naam proces", "Bedrijfsproces", "Werkproces", "Processtap"]),
        (.code, ["Procescode", "Code", "Procesnummer", "Nr", "Nummer", "ID", "Kenmerk", "Referentie"]),
        (.level, ["Type", "Soort", "Niveau", "Procesniveau", "Element", "CORA-concepttype", "Elementtype"]),
        (.category, ["Categorie", "Procestype", "Type proces", "Soort proces", "Procesgroep", "Proceslaag"]),
        (.parent, ["Bovenliggend proces", "Hoofdproces", "Onderdeel van", "Valt onder", "Bedrijfsproces", "Procesketen"]),
        (.owner, ["Eigenaar", "Proceseigenaar", "Verantwoordelijke", "Afdeling", "Team"]),
        (.function, ["Bedrijfsfunctie", "Functie", "Hoofdbedrijfsfunctie", "Domein"]),
        (.services, ["Dienst", "Levert dienst", "Bedrijfsservice", "Levert bedrijfsservice(s)", "Resultaat", "Output"]),
        (.events, ["Trigger", "Aanleiding", "Gebeurtenis", "Startmoment"]),
        (.applications, ["Applicatie", "Applicaties", "Systeem", "Systemen", "Pakket"]),
        (.description, ["Beschrijving", "Toelichting", "Omschrijving", "Doel", "Documentatie"]),
        (.status, ["Status", "Versie", "Vastgesteld"]),
    ]

    @Test("every header of CORA.md §3 is known for its field, case-, space- and accent-insensitively")
    func vocabulary() {
        for (field, headers) in Self.headersSeen {
            for header in headers {
                #expect(HeaderVocabulary.isHeader(header, of: field), "\(header) → \(field)")
                #expect(HeaderVocabulary.fields(forHeader: " " + header.uppercased() + " ").contains(field), "\(header) → \(field)")
            }
        }
        // A field's own name stands for it first; only `id` is first a code (CORA.md §3), the draft sorts it out.
        for field in CanonicalField.allCases where field != .id { #expect(HeaderVocabulary.fields(forHeader: field.rawValue).first == field) }
        // Not in the list, but "eigenaar" gives it away.
        #expect(HeaderVocabulary.fields(forHeader: "Proces-eigenaar") == [.owner])
        #expect(HeaderVocabulary.fields(forHeader: "Verantwoordelijk team") == [.owner])
        #expect(HeaderVocabulary.fields(forHeader: "Hoort bij") == [.parent])
        #expect(HeaderVocabulary.fields(forHeader: "Kleur") == [])
        #expect(HeaderVocabulary.fields(forHeader: "Catégorie") == [.category])
        #expect(HeaderVocabulary.fields(forHeader: "ID") == [.code, .id])
        #expect(HeaderVocabulary.levelNumber(ofHeader: "Niveau 2") == 2)
        #expect(HeaderVocabulary.levelNumber(ofHeader: "niveau_10") == 10)
        #expect(HeaderVocabulary.levelNumber(ofHeader: "Procesniveau3") == 3)
        #expect(HeaderVocabulary.levelNumber(ofHeader: "Versie 2") == nil)
        #expect(HeaderVocabulary.level(ofLevelColumn: "Werkproces") == .workProcess)
        #expect(HeaderVocabulary.level(ofLevelColumn: "WP") == nil)
    }
}
