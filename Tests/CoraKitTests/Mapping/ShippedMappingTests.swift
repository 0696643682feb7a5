import CoraCSV
import CoraKit
import Foundation
import Testing

/// The shipped mappings (`Mappings/*.yaml`) on small exports, and the two row-mapper rules their
/// layouts need: `split` on a single-valued field, and the category as a merged cell in a per-level
/// layout. The full samples are checked against golden output in the CLI tests.
@Suite("Shipped mappings")
struct ShippedMappingTests {
    private func run(_ yaml: String, _ csv: String) throws -> ConversionResult {
        let mapping = try MappingParser.parse(yaml, file: "m.yaml")
        return try Pipeline.convert(MemoryByteSource(text: csv), file: "in.csv", mapping: mapping)
    }

    @Test("every shipped mapping parses", arguments: ["canonical", "excel-nl", "niveaus", "cora-wiki", "english"])
    func parses(_ name: String) throws {
        let mapping = try MappingCatalog.builtin.mapping(named: name)
        #expect(mapping.name == name)
        #expect(!mapping.description.isEmpty)
    }

    @Test("split on a single-valued field: the first value is used, the whole cell kept as '(original)'")
    func splitSingleValuedField() throws {
        let result = try run("""
            fields:
              name: Werkproces
              parent: {columns: [Gebruikt in], split: "\\n", match: name}
            """, "Werkproces,Gebruikt in\nUitvoeren reparatieonderhoud,\nUitvoeren mutatieonderhoud,\n"
                + "Afhandelen opdracht,\"Uitvoeren reparatieonderhoud\nUitvoeren mutatieonderhoud\"\n"
                + "Regisseren reparatieonderhoud,Uitvoeren reparatieonderhoud\n")
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let processes = result.model.processes
        #expect(processes.map(\.parent) == ["", "", processes[0].id, processes[0].id])
        #expect(processes[2].properties == [
            Property(name: "Gebruikt in (original)", value: "Uitvoeren reparatieonderhoud\nUitvoeren mutatieonderhoud"),
        ])
        #expect(processes[3].properties == [], "one value: nothing dropped, no copy kept")
    }

    @Test("level columns: a blank category cell repeats the category above, like the level cells")
    func categoryCarriedInLevelColumns() throws {
        let result = try run("""
            fields:
              category: Categorie
            hierarchy:
              levels:
                - {column: Niveau 1, level: business-process}
                - {column: Niveau 2, level: work-process}
            """, """
            Categorie;Niveau 1;Niveau 2
            Sturend;Bepalen visie;
            ;;Opstellen woonvisie
            ;Uitvoeren control;
            ;;Opstellen maandrapportage
            Primair;Verhuren eenheden;Verhuren eenheid
            ;Incasseren vorderingen;

            """)
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let processes = result.model.processes
        #expect(processes.map(\.name) == [
            "Bepalen visie", "Opstellen woonvisie", "Uitvoeren control", "Opstellen maandrapportage",
            "Verhuren eenheden", "Verhuren eenheid", "Incasseren vorderingen",
        ])
        #expect(processes.map(\.category) == [.steering, .steering, .steering, .steering, .primary, .primary, .primary])
    }

    @Test("excel-nl: header variants, noise in names, levels and categories, parent by code")
    func excelNL() throws {
        let csv = "Nr;Naam;Niveau;Categorie;Hoofdproces;Eigenaar;Systemen;Opmerking\r\n"
            + "P1;BP Verhuren  eenheden ;Hoofdproces;PRIMAIR;;Manager Wonen;Empire, WoningNet;\r\n"
            + "P1.1;Verhuren eenheid (werkproces);WP;;P1;;\"Empire\nSharePoint\";let op\r\n"
            + "P1.1.1;Aanmaken klant;Taak;;P1.1;;;\r\n"
        let result = try convert(csv, mapping: "excel-nl")
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let processes = result.model.processes
        #expect(processes.map(\.name) == ["Verhuren eenheden", "Verhuren eenheid", "Aanmaken klant"])
        #expect(processes.map(\.level) == [.businessProcess, .workProcess, .processStep])
        #expect(processes.map(\.category) == [.primary, .primary, .primary])
        #expect(processes.map(\.parent) == ["", "P1", "P1.1"])
        #expect(processes.map(\.applications) == [["Empire", "WoningNet"], ["Empire", "SharePoint"], []])
        #expect(result.model.propertyNames.first == "Opmerking")
    }
}
