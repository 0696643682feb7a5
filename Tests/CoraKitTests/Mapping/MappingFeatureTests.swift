import CoraCSV
import CoraKit
import Testing

/// Each feature of the mapping format, applied to a small export, with the exact model expected.
@Suite("Mapping features")
struct MappingFeatureTests {
    private func run(_ yaml: String, _ csv: String, keepInvalid: Bool = false) throws -> ConversionResult {
        let mapping = try MappingParser.parse(yaml, file: "m.yaml")
        return try Pipeline.convert(MemoryByteSource(text: csv), file: "in.csv", mapping: mapping, settings: ConversionSettings(keepInvalid: keepInvalid))
    }

    @Test("headers match case-, whitespace- and accent-insensitively; the first listed column present wins")
    func headerMatching() throws {
        let result = try run("""
            fields:
              name: [Naam proces, Procesnaam]
              code: [Nummer, Procescode]
            """, "  PROCESNAAM ;procés-code;Naam proces\nA;1;Eerste\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.processes.map(\.name) == ["Eerste"])
        #expect(result.model.processes.map(\.code) == ["1"])
        #expect(result.model.propertyNames == ["PROCESNAAM"])
    }

    @Test("constant, default, trim and collapse-whitespace")
    func constantsAndCleaning() throws {
        let result = try run("""
            collapse-whitespace: true
            fields:
              name: Naam
              status: {columns: [Status], default: Concept}
              category: {constant: primary}
              owner: {columns: [Eigenaar], trim: false}
            """, "Naam;Status;Eigenaar\n  Verhuren   eenheid ;; Manager  Wonen \nOpleveren eenheid;Vastgesteld;x\n")
        #expect(result.model.processes.map(\.name) == ["Verhuren eenheid", "Opleveren eenheid"])
        #expect(result.model.processes.map(\.status) == ["Concept", "Vastgesteld"])
        #expect(result.model.processes.map(\.category) == [.primary, .primary])
        #expect(result.model.processes.first?.owner == " Manager Wonen ")
    }

    @Test("split on several separators, a line break inside the cell included")
    func splitting() throws {
        let result = try run("""
            fields:
              name: Naam
              applications: {columns: [Applicaties], split: [",", ";", "\\n"]}
            """, "Naam|Applicaties\nA|\"Empire, AFAS\r\nSharePoint;  Viewpoint \"\n")
        #expect(result.model.processes.first?.applications == ["Empire", "AFAS", "SharePoint", "Viewpoint"])
    }

    @Test("prefixes and suffixes are stripped; the original stays as a property")
    func stripping() throws {
        let result = try run("""
            fields:
              name: {columns: [Procesnaam], strip-prefixes: ["WP ", "BP "], strip-suffixes: ["(werkproces)"]}
            """, "Procesnaam\nWP Verhuren eenheid (werkproces)\nbp Verhuren eenheden\nOpleveren eenheid\n")
        #expect(result.model.processes.map(\.name) == ["Verhuren eenheid", "Verhuren eenheden", "Opleveren eenheid"])
        #expect(result.model.processes[0].properties == [Property(name: "Procesnaam (original)", value: "WP Verhuren eenheid (werkproces)")])
        #expect(result.model.processes[2].properties == [])
    }

    @Test("value maps define what a corporation's codes mean, including a bare S")
    func valueMaps() throws {
        let yaml = """
            fields:
              name: Naam
              category: {columns: [Groep], values: {S: steering, K: primary, O: supporting}}
              level: {columns: [Type], values: {HP: business-process, DP: work-process}}
            """
        let result = try run(yaml, "Naam;Groep;Type\nBepalen visie;S;HP\nVerhuren eenheid;k;DP\nLeveren ICT;Ondersteunend;werkproces\n")
        // The mapping has no parent: the two work processes stand at the top.
        #expect(result.diagnostics.map(summary) == ["missing-parent@3", "missing-parent@4"], "\(result.diagnostics)")
        #expect(result.model.processes.map(\.category) == [.steering, .primary, .supporting])
        #expect(result.model.processes.map(\.level) == [.businessProcess, .workProcess, .workProcess])
        #expect(throws: MappingError.self) { try MappingParser.parse("fields:\n  level: {columns: [T], values: {X: hoofdzaak}}\n", file: "m.yaml") }
    }

    @Test("hierarchy by parent column, matched by code only")
    func parentByCode() throws {
        let result = try run("""
            fields:
              code: Code
              name: Naam
              parent: {columns: [Hoofdproces], match: code}
            hierarchy:
              levels-by-depth: [business-process, work-process, process-step]
            """, "Code;Naam;Hoofdproces\nP1;Verhuren eenheden;\nP1.1;Verhuren eenheid;P1\nP1.1.1;Aanmaken klant;P1.1\nX;Fout;Verhuren eenheden\n")
        #expect(result.model.processes.map(\.parent) == ["", "P1", "P1.1"])
        #expect(result.model.processes.map(\.level) == [.businessProcess, .workProcess, .processStep])
        #expect(result.diagnostics.map(summary) == ["unknown-parent@5:3"])
        #expect(result.diagnostics.first?.message == "the parent \"Verhuren eenheden\" matches no process (by code)")
    }

    @Test("hierarchy from dotted codes, levels from the depth, categories inherited")
    func dottedCodes() throws {
        let result = try run("""
            fields:
              code: Nr
              name: Naam
              category: Categorie
            hierarchy:
              from: dotted-codes
              levels-by-depth: [business-process, work-process, process-step]
            """, "Nr;Naam;Categorie\n1;Verhuren eenheden;primair\n1.1;Verhuren eenheid;\n1.1.1;Aanmaken klant;\n1.2;Opleveren eenheid;\n2;Leveren ICT-diensten;ondersteunend\n2.1;Leveren ICT middelen;\n3.1;Wees;\n")
        let byCode = Dictionary(uniqueKeysWithValues: result.model.processes.map { ($0.code, $0) })
        #expect(byCode["1.1"]?.parent == byCode["1"]?.id)
        #expect(byCode["1.1.1"]?.parent == byCode["1.1"]?.id)
        #expect(byCode["1.1.1"]?.level == .processStep)
        #expect(byCode["1.2"]?.level == .workProcess)
        #expect(byCode["1.1.1"]?.category == .primary)
        #expect(byCode["2.1"]?.category == .supporting)
        #expect(result.diagnostics.map(summary) == ["unknown-parent@8"])
        #expect(result.diagnostics.first?.value == "3")
    }

    @Test("hierarchy from one column per level: blank cells mean 'same as above', ancestors without a row are made")
    func levelColumns() throws {
        let result = try run("""
            fields:
              category: Categorie
              owner: Eigenaar
            hierarchy:
              levels:
                - {column: Niveau 1, level: business-process}
                - {column: Niveau 2, level: work-process}
                - {column: Niveau 3, level: process-step}
            """, """
            Categorie;Niveau 1;Niveau 2;Niveau 3;Eigenaar
            Primair;Verhuren eenheden;;;Manager Wonen
            ;;Verhuren eenheid;;Teamleider Verhuur
            ;;;Voorbereiden verhuurdossier;
            ;;;Aanmaken klant;
            ;;Opleveren eenheid;;
            Ondersteunend;Leveren ICT-diensten;Leveren ICT middelen;Beheren werkplekken;ICT
            ;;Opleveren eenheid;;

            """)
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let processes = result.model.processes
        #expect(processes.map(\.name) == [
            "Verhuren eenheden", "Verhuren eenheid", "Voorbereiden verhuurdossier", "Aanmaken klant", "Opleveren eenheid",
            "Leveren ICT-diensten", "Leveren ICT middelen", "Beheren werkplekken", "Opleveren eenheid",
        ])
        #expect(processes.map(\.level) == [
            .businessProcess, .workProcess, .processStep, .processStep, .workProcess,
            .businessProcess, .workProcess, .processStep, .workProcess,
        ])
        let ids = processes.map(\.id)
        #expect(processes.map(\.parent) == ["", ids[0], ids[1], ids[1], ids[0], "", ids[5], ids[6], ids[5]])
        #expect(processes.map(\.category) == [.primary, .primary, .primary, .primary, .primary,
                                              .supporting, .supporting, .supporting, .supporting])
        #expect(processes[1].owner == "Teamleider Verhuur")
        #expect(processes[7].owner == "ICT")
        #expect(processes[5].source?.line == 7, "a process made for an ancestor points at the row that named it")
        #expect(Set(ids).count == ids.count)
    }

    @Test("level columns: the same process twice under one parent is a duplicate-process error")
    func duplicateProcess() throws {
        let result = try run("""
            hierarchy:
              levels:
                - {column: Niveau 1, level: business-process}
                - {column: Niveau 2, level: work-process}
            """, "Niveau 1;Niveau 2\nVerhuren eenheden;\n;Verhuren eenheid\n;verhuren EENHEID\n")
        #expect(result.diagnostics.map(summary) == ["duplicate-process@4:2"])
        #expect(result.diagnostics.first?.message == "the process \"verhuren EENHEID\" under \"Verhuren eenheden\" is also on line 3")
        #expect(result.model.processes.count == 2)
    }

    @Test("skip-rows and header-row skip titles above the table")
    func skipRows() throws {
        let csv = "Procesoverzicht 2024;\nWoonstad;\nNaam;Code\nVerhuren;P1\n"
        let skip = try run("dialect: {skip-rows: 2}\nfields: {name: Naam, code: Code}\n", csv)
        let header = try run("dialect: {header-row: 3}\nfields: {name: Naam, code: Code}\n", csv)
        #expect(skip.model.processes.map(\.code) == ["P1"])
        #expect(header.model.processes.map(\.code) == ["P1"])
        #expect(skip.inputs.first?.header?.line == 3)
    }

    @Test("properties: all, none, only and except")
    func propertySelection() throws {
        let csv = "Naam;Afdeling;Opmerking;Versie\nA;Wonen;let op;2\n"
        let names = { (selection: String) in try self.run("fields: {name: Naam}\nproperties: \(selection)\n", csv).model.propertyNames }
        #expect(try names("all") == ["Afdeling", "Opmerking", "Versie"])
        #expect(try names("none") == [])
        #expect(try names("{only: [afdeling]}") == ["Afdeling"])
        #expect(try names("{except: [Opmerking]}") == ["Afdeling", "Versie"])
    }

    @Test("a column the file lacks: an error at the mapping's line when required, a warning with a suggestion for a likely typo")
    func missingColumns() throws {
        let yaml = """
            name: typos
            fields:
              name:
                columns: [Procesnaam]
                required: true
              owner: Proceseigenaar
              function: Bedrijfsfunctie
            """
        let result = try run(yaml, "Procesnaam;Proceseigenaaar\nA;B\n")
        #expect(result.diagnostics.map(summary) == ["missing-column@6"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.file == "m.yaml")
        #expect(result.diagnostics.first?.hint == "did you mean \"Proceseigenaaar\"?")
    }

    @Test("an empty right-hand side clears a value (a parent of 0 is the top; a category left empty is inherited); * matches any other value")
    func clearingAndCatchAll() throws {
        let result = try run("""
            dialect: {skip-rows: 1}
            fields:
              code: Nr.
              name: Omschrijving proces
              parent: {columns: [Hoort bij], match: code, values: {"0": ""}}
              level: {columns: [Type], values: {HOOFD: business-process, SUB: work-process}}
              category: {columns: [Nr.], values: {"1": primary, "3": supporting, "*": ""}}
            """, "Overzicht 2023\nNr.|Omschrijving proces|Hoort bij|Type\n1|Innen huur|0|HOOFD\n1.1|Versturen aanmaning|1|SUB\n3|Betalen salarissen|0|HOOFD\n")
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        #expect(result.model.processes.map(\.parent) == ["", "p-1", ""])
        #expect(result.model.processes.map(\.category) == [.primary, .primary, .supporting])
        #expect(result.model.processes.map(\.level) == [.businessProcess, .workProcess, .businessProcess])
    }

    @Test("a mapping without a name field: one finding, every row rejected")
    func noNameField() throws {
        let result = try run("fields: {code: Nr}\n", "Nr;Naam\n1;Een\n2;Twee\n")
        #expect(result.diagnostics.map(summary) == ["missing-column@-"])
        #expect(result.diagnostics.first?.message == "the mapping mapping has no name field, so no process of in.csv would have a name")
        #expect(result.rejectedRecords.count == 2)
    }

    @Test("titles above the table: the missing name column, and the line that looks like the header")
    func headerElsewhere() throws {
        let result = try run("fields: {name: Procesnaam}\n", "Procesoverzicht 2023\n\nProcescode;Procesnaam\nP1;Verhuren eenheden\n")
        #expect(result.diagnostics.map(summary) == ["header-elsewhere@3", "missing-column@1"])
        #expect(result.diagnostics.first?.hint == "skip the 1 row above it: `dialect: {skip-rows: 1}` in the mapping, or --skip-rows 1")
        #expect(result.rejectedRecords.map(\.line) == [3, 4])
    }

    @Test("level columns: finer levels may be missing; a gap above a present column is an error")
    func optionalLevelColumns() throws {
        let yaml = """
            hierarchy:
              levels:
                - {column: Niveau 1, level: business-process}
                - {column: Niveau 2, level: work-process}
                - {column: Niveau 3, level: process-step}
            """
        let twoLevels = try run(yaml, "Niveau 1;Niveau 2\nVerhuren eenheden;\n;Verhuren eenheid\n")
        #expect(twoLevels.diagnostics.isEmpty, "\(twoLevels.diagnostics)")
        #expect(twoLevels.model.processes.map(\.level) == [.businessProcess, .workProcess])
        let gap = try run(yaml, "Niveau 1;Niveau 3\nVerhuren eenheden;\n;Aanmaken klant\n")
        #expect(gap.diagnostics.map(summary) == ["missing-column@4"])
        #expect(gap.model.processes.isEmpty)
    }

    @Test("ignored warnings neither show nor count, even with strict; errors cannot be ignored")
    func ignoredWarnings() throws {
        let mapping = try MappingParser.parse("fields: {name: Naam, level: Type}\n", file: "m.yaml")
        let settings = ConversionSettings(policy: DiagnosticPolicy(strict: true, ignored: [.namingConvention, .unknownLevel]))
        let result = try Pipeline.convert(MemoryByteSource(text: "Naam;Type\nHuur innen;bedrijfsproces\nX;bogus\n"), file: "in.csv",
                                          mapping: mapping, settings: settings)
        #expect(result.diagnostics.map(summary) == ["unknown-level@3:2"])
        #expect(result.model.processes.map(\.name) == ["Huur innen"])
    }
}
