import CoraCSV
import CoraKit
import Foundation
import Testing

/// The cell rules (Excel damage, mojibake, name noise, naming convention) and the model rules
/// (nesting, categories, functions), each on a small canonical input with the exact code, line and
/// column expected, and the inputs that must pass.
@Suite("Cell and model rules")
struct RuleTests {
    /// One canonical row from named fields, quoted where CSV needs it.
    private static func row(_ id: String, code: String = "", _ name: String, level: String = "", category: String = "",
                            parent: String = "", owner: String = "", function: String = "", applications: String = "",
                            status: String = "", description: String = "") -> String {
        [id, code, name, level, category, parent, "", owner, function, "", "", applications, "", status, description]
            .map { value in
                value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
            }
            .joined(separator: ",")
    }

    /// Converts with the canonical mapping and `--strict`.
    private func convertStrict(_ text: String) throws -> ConversionResult {
        let mapping = try MappingCatalog.builtin.mapping(named: "canonical")
        return try Pipeline.convert(MemoryByteSource(text: text), file: "test.csv", mapping: mapping, settings: ConversionSettings(policy: DiagnosticPolicy(strict: true)))
    }

    // MARK: excel-damage

    @Test("excel-damage: a long code in scientific notation is an error; the row is left out",
          arguments: ["1,23E+18", "1.23E+18", "4,5e+10", "7E+15"])
    func scientificNotation(code: String) throws {
        let result = try convert(canonicalCSV(Self.row("a", code: code, "Verhuren eenheden"),
                                              Self.row("b", code: "P1.2.3", "Opleveren eenheid")))
        #expect(result.diagnostics.map(summary) == ["excel-damage@2:2"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.value == code)
        #expect(diagnostic.column?.name == "code")
        #expect(diagnostic.hint?.contains("format the column as text") == true)
        #expect(result.model.processes.map(\.id) == ["b"])
        #expect(result.rejectedRecords.map(\.line) == [2])
    }

    @Test("excel-damage: a =\"0123\" formula wrapper, straight or curly quotes; the hint gives the value")
    func formulaWrapper() throws {
        let result = try convert(canonicalCSV(Self.row("a", code: "=\"0123\"", "Verhuren eenheden"),
                                              Self.row("b", "Opleveren eenheid", owner: "=\u{201C}0456\u{201D}")))
        #expect(result.diagnostics.map(summary) == ["excel-damage@2:2", "excel-damage@3:8"])
        #expect(result.diagnostics.map(\.value) == ["=\"0123\"", "=\u{201C}0456\u{201D}"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        #expect(result.diagnostics[0].hint?.hasPrefix("the value is probably \"0123\"") == true)
        #expect(result.diagnostics[1].hint?.hasPrefix("the value is probably \"0456\"") == true)
        #expect(result.model.processes.isEmpty)
    }

    @Test("excel-damage: error values in any field or list item, English and Dutch, and #####",
          arguments: [("#N/A", "applications", 12), ("#REF!", "owner", 8), ("#VALUE!", "description", 15),
                      ("#NAME?", "status", 14), ("#DIV/0!", "function", 9), ("#NULL!", "code", 2), ("#NUM!", "owner", 8),
                      ("#####", "status", 14), ("#WAARDE!", "description", 15), ("#n/b", "applications", 12)])
    func errorValues(value: String, field: String, column: Int) throws {
        let values = Dictionary(uniqueKeysWithValues: [(field, value)])
        let text = canonicalCSV(
            Self.row("a", code: values["code"] ?? "", "Verhuren eenheden", owner: values["owner"] ?? "",
                     function: values["function"] ?? "", applications: (values["applications"]).map { "Empire|\($0)" } ?? "",
                     status: values["status"] ?? "", description: values["description"] ?? ""),
            Self.row("b", "Opleveren eenheid"))
        let result = try convert(text)
        #expect(result.diagnostics.map(summary) == ["excel-damage@2:\(column)"])
        #expect(result.diagnostics.first?.value == value)
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.model.processes.map(\.id) == ["b"])
    }

    @Test("excel-damage: a dotted code that Dutch Excel turned into a date")
    func dateFromCode() throws {
        let result = try convert(canonicalCSV(Self.row("a", code: "1-feb", "Verhuren eenheden"),
                                              Self.row("b", code: "3-dec", "Opleveren eenheid")))
        #expect(result.diagnostics.map(summary) == ["excel-damage@2:2", "excel-damage@3:2"])
        #expect(result.diagnostics[0].hint?.hasPrefix("probably \"1.2\"") == true)
        #expect(result.diagnostics[1].hint?.hasPrefix("probably \"3.12\"") == true)
    }

    @Test("no excel-damage: ordinary numbers, codes, ids and text")
    func noExcelDamage() throws {
        let result = try convert(canonicalCSV(
            Self.row("a", code: "1234", "Verhuren eenheden", status: "1,5", description: "Kosten 4,5E+10 euro? Nee: 1.234 euro"),
            Self.row("b", code: "P1.2.3", "Opleveren eenheid", parent: "a", owner: "#1 in de regio"),
            Self.row("c", code: "VHU-03", "Bepalen visie", description: "=formule in de tekst"),
            Self.row("d", code: "2E3", "Opstellen jaarrekening", status: "12-2024"),
            Self.row("id-27464", code: "0123", "Uitvoeren control", owner: "#")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.processes.count == 5)
    }

    // MARK: mojibake

    @Test("mojibake in a name: an error with the suspicious part and the repaired text")
    func mojibakeInName() throws {
        let result = try convert(canonicalCSV(Self.row("a", "BeÃ«indigen huurcontract", level: "work-process"),
                                              Self.row("b", "Opleveren eenheid")))
        #expect(result.diagnostics.map(summary) == ["mojibake@2:3"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.value == "BeÃ«indigen huurcontract")
        #expect(diagnostic.message.contains("\"Ã«\""))
        #expect(diagnostic.hint?.hasPrefix("probably \"Beëindigen huurcontract\"") == true)
        #expect(result.model.processes.map(\.id) == ["b"])
    }

    @Test("mojibake: each pattern, with the repair where it is unambiguous",
          arguments: [
              ("CoÃ¶rdineren", "Coördineren"), ("Ã©Ã©n", "één"), ("Ã¨", "è"), ("naÃ¯ef", "naïef"), ("Ã¼", "ü"),
              ("dâ€™Artagnan", "d’Artagnan"), ("â€œCORAâ€\u{9D}", "“CORA”"), ("2023â€“2025", "2023–2025"),
              ("2023â€”2025", "2023—2025"), ("10Â\u{A0}m²", "10\u{A0}m²"), ("100 mÂ²", "100 m²"), ("FinanciÃƒÂ«n", "Financiën"),
          ])
    func mojibakeRepaired(damaged: String, repaired: String) throws {
        let result = try convert(canonicalCSV(Self.row("a", "Verhuren eenheden", description: damaged)))
        #expect(result.diagnostics.map(summary) == ["mojibake@2:15"])
        #expect(result.diagnostics.first?.value == damaged)
        #expect(result.diagnostics.first?.hint?.hasPrefix("probably \"\(repaired)\";") == true, "\(result.diagnostics)")
    }

    @Test("mojibake without a repair: Ã or Â before a plain space, â€ without its third character, and �",
          arguments: ["Ã la carte", "Kosten:Â 100", "â€ zo", "Financi\u{FFFD}n"])
    func mojibakeUnrepaired(damaged: String) throws {
        let result = try convert(canonicalCSV(Self.row("a", "Verhuren eenheden", owner: damaged)))
        #expect(result.diagnostics.map(summary) == ["mojibake@2:8"])
        #expect(result.diagnostics.first?.hint?.contains("probably") == false)
        #expect(result.model.processes.isEmpty)
    }

    @Test("mojibake in a list item and in a property (its own column)")
    func mojibakeInListAndProperty() throws {
        let text = canonicalHeader + ",Afdeling,Opmerking\n"
            + Self.row("a", "Verhuren eenheden", applications: "Empire|CafÃ© Portaal") + ",FinanciÃ«n,ok\n"
        let result = try convert(text)
        #expect(result.diagnostics.map(summary) == ["mojibake@2:12", "mojibake@2:16"])
        #expect(result.diagnostics.map(\.value) == ["CafÃ© Portaal", "FinanciÃ«n"])
        #expect(result.diagnostics[1].column?.name == "Afdeling")
        #expect(result.diagnostics[1].hint?.hasPrefix("probably \"Financiën\"") == true)
    }

    @Test("no mojibake: Dutch text with ë, é, ï, ö, ü, quotes, dashes, signs and euros")
    func noMojibake() throws {
        let result = try convert(canonicalCSV(
            Self.row("a", "Beëindigen huurcontract", owner: "Coördinator", description: "Één café, naïef, reünie, Financiën"),
            Self.row("b", "Opleveren eenheid", description: "’s-Hertogenbosch – “CORA” — 10 m² à € 100,- ©"),
            Self.row("c", "Actualiseren woonwensen", description: "ÀÉÈË ÏÖÜ âme ÂGE château")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    // MARK: name-noise

    @Test("name-noise: a warning naming what is wrong and the mapping setting that cleans it; the row stays",
          arguments: [
              (" Verhuren eenheid ", "leading and trailing whitespace", "trim: true"),
              ("Verhuren  eenheid", "several spaces in a row", "collapse-whitespace: true"),
              ("WP Verhuren eenheid", "the prefix \"WP \"", "strip-prefixes: [\"WP \"]"),
              ("BP Verhuren eenheden", "the prefix \"BP \"", "strip-prefixes: [\"BP \"]"),
              ("Verhuren eenheid (werkproces)", "the suffix \"(werkproces)\"", "strip-suffixes: [\"(werkproces)\"]"),
              ("Verhuren eenheden (Bedrijfsproces)", "the suffix \"(Bedrijfsproces)\"", "strip-suffixes: [\"(bedrijfsproces)\"]"),
          ])
    func nameNoise(name: String, problem: String, setting: String) throws {
        let result = try convert(canonicalCSV(Self.row("a", name, level: "work-process")))
        #expect(result.diagnostics.map(summary) == ["name-noise@2:3"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == name)
        #expect(diagnostic.message == "the name \"\(name)\" has \(problem)")
        #expect(diagnostic.hint?.contains(setting) == true)
        #expect(result.model.processes.map(\.name) == [name])
    }

    @Test("name-noise: several problems in one warning")
    func nameNoiseCombined() throws {
        let result = try convert(canonicalCSV(Self.row("a", "WP  Verhuren eenheid (werkproces) ")))
        #expect(result.diagnostics.map(summary) == ["name-noise@2:3"])
        #expect(result.diagnostics.first?.message
                == "the name \"WP  Verhuren eenheid (werkproces) \" has trailing whitespace, several spaces in a row, the prefix \"WP \" and the suffix \"(werkproces)\"")
    }

    @Test("no name-noise when the mapping strips and collapses")
    func mappingCleansNames() throws {
        let mapping = try MappingParser.parse("""
            collapse-whitespace: true
            fields:
              name: {columns: [Naam], strip-prefixes: ["WP ", "BP "], strip-suffixes: ["(werkproces)"]}
              level: Niveau
            """, file: "m.yaml")
        let result = try Pipeline.convert(
            MemoryByteSource(text: "Naam;Niveau\n WP Verhuren   eenheid (werkproces);werkproces\n"), file: "in.csv", mapping: mapping)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.processes.map(\.name) == ["Verhuren eenheid"])
    }

    // MARK: naming-convention

    @Test("naming-convention: a business process, work process or step that does not start with a verb",
          arguments: [("Verhuur woningen", "business-process"), ("Eenheid verhuren", "work-process"),
                      ("Huurincasso", "werkproces"), ("Sleuteloverdracht", "process-step")])
    func namingConvention(name: String, level: String) throws {
        let result = try convert(canonicalCSV(Self.row("a", name, level: level)))
        #expect(result.diagnostics.map(summary) == ["naming-convention@2:3"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == name)
        #expect(diagnostic.message.contains("does not start with a verb"))
        #expect(result.model.processes.map(\.name) == [name])
    }

    @Test("no naming-convention warning on CORA's own names, nor without a level, nor for chains and scenarios")
    func namingConventionPasses() throws {
        let result = try convert(canonicalCSV(
            Self.row("bp", "Verhuren eenheden", level: "business-process"),
            Self.row("bp2", "(Her)ontwikkelen eenheden", level: "business-process"),
            Self.row("bp3", "Werven en selecteren kandidaten", level: "bedrijfsproces"),
            Self.row("wp", "Opstellen jaarrekening", level: "work-process", parent: "bp", function: "Verantwoording"),
            Self.row("wp2", "Intake klantvraag", level: "work-process", parent: "bp", function: "Klantbeheer"),
            Self.row("wp3", "Administratief afhandelen niet planmatig onderhoud", level: "work-process", parent: "bp",
                     function: "Onderhoud"),
            Self.row("wp4", "Pre-notificeren contractant", level: "WP", parent: "bp", function: "Incasso"),
            Self.row("wp5", "Aanvragen taxatie(s)", level: "work-process", parent: "bp", function: "Vastgoedverkoop"),
            Self.row("st", "Publiceren/adverteren", level: "process-step", parent: "wp"),
            Self.row("st2", "Nazorg nieuwe huurder", level: "process-step", parent: "wp"),
            Self.row("st3", "Beëindigen huurcontract", level: "processtap", parent: "wp"),
            Self.row("x", "Verhuur"),
            Self.row("k", "Incasso", level: "process-chain"),
            Self.row("s", "Verhuurmutatie", level: "steering-scenario")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("naming-convention looks past noise: a prefixed name gets name-noise only")
    func namingConventionAfterNoise() throws {
        let result = try convert(canonicalCSV(Self.row("a", "BP Verhuren eenheden", level: "business-process"),
                                              Self.row("b", "BP Verhuur", level: "business-process")))
        #expect(result.diagnostics.map(summary) == ["name-noise@2:3", "name-noise@3:3", "naming-convention@3:3"])
    }

    // MARK: invalid-nesting

    @Test("invalid-nesting: a work process under a work process is an error at the parent column; the row is left out")
    func workProcessUnderWorkProcess() throws {
        let result = try convert(canonicalCSV(
            Self.row("bp", "Verhuren eenheden", level: "business-process"),
            Self.row("wp1", "Verhuren eenheid", level: "work-process", parent: "bp"),
            Self.row("wp2", "Opleveren eenheid", level: "werkproces", parent: "wp1")))
        #expect(result.diagnostics.map(summary) == ["invalid-nesting@4:6"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.value == "wp1")
        #expect(diagnostic.message == "a werkproces cannot be part of the werkproces \"Verhuren eenheid\" (line 3)")
        #expect(diagnostic.hint?.hasPrefix("a werkproces is part of a bedrijfsproces") == true)
        #expect(result.model.processes.map(\.id) == ["bp", "wp1"])
        #expect(result.rejectedRecords.map(\.line) == [4])
    }

    @Test("invalid-nesting: a step directly under a business process, a scenario under anything; children go with them")
    func stepUnderBusinessProcess() throws {
        let result = try convert(canonicalCSV(
            Self.row("bp", "Verhuren eenheden", level: "business-process"),
            Self.row("st", "Aanmaken klant", level: "process-step", parent: "bp"),
            Self.row("sc", "Verhuurmutatie", level: "steering-scenario", parent: "Verhuren eenheden"),
            Self.row("k", "Verhuren eenheid", level: "process-chain", parent: "sc")))
        #expect(result.diagnostics.map(summary) == ["invalid-nesting@3:6", "invalid-nesting@4:6", "unknown-parent@5:6"])
        #expect(result.diagnostics[1].value == "Verhuren eenheden")
        #expect(result.diagnostics[1].hint?.contains("stands at the top") == true)
        #expect(result.model.processes.map(\.id) == ["bp"])
    }

    @Test("no invalid-nesting: every allowed parent, a work process at the top, and unknown levels")
    func validNesting() throws {
        let result = try convert(canonicalCSV(
            Self.row("sc", "Verhuurmutatie", level: "steering-scenario"),
            Self.row("k", "Verhuren eenheid", level: "process-chain", parent: "sc"),
            Self.row("bp", "Verhuren eenheden", level: "business-process", parent: "k"),
            Self.row("bp2", "Werven en selecteren kandidaten", level: "business-process", parent: "sc"),
            Self.row("wp", "Verhuren eenheid", level: "work-process", parent: "bp", function: "Contracteren"),
            Self.row("st", "Aanmaken klant", level: "process-step", parent: "wp"),
            Self.row("wp2", "Opleveren eenheid", level: "work-process", function: "Vastgoedverhuur"),
            Self.row("x", "Iets zonder niveau", parent: "st"),
            Self.row("y", "Nog een stap", level: "", parent: "x")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.processes.count == 9)
    }

    // MARK: category-mismatch

    @Test("category-mismatch: a warning at the category column with the value as written; the row stays")
    func categoryMismatch() throws {
        let result = try convert(canonicalCSV(
            Self.row("bp", "Verhuren eenheden", level: "business-process", category: "primary"),
            Self.row("wp", "Leveren ICT middelen", level: "work-process", category: "ondersteunend", parent: "bp")))
        #expect(result.diagnostics.map(summary) == ["category-mismatch@3:5"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == "ondersteunend")
        #expect(diagnostic.message == "the category supporting differs from primary, the category of the parent \"Verhuren eenheden\" (line 2)")
        #expect(result.model.processes.map(\.id) == ["bp", "wp"])
    }

    @Test("no category-mismatch under a steering scenario or process chain, or without a category")
    func categoryPasses() throws {
        let result = try convert(canonicalCSV(
            Self.row("sc", "Planmatig onderhoud", level: "steering-scenario", category: "steering"),
            Self.row("bp", "Uitvoeren planmatig onderhoud", level: "business-process", category: "primary", parent: "sc"),
            Self.row("k", "Reparatieonderhoud", level: "process-chain", category: "primary"),
            Self.row("bp2", "Inkopen producten en diensten", level: "business-process", category: "supporting", parent: "k"),
            Self.row("wp", "Inkopen service", level: "work-process", parent: "bp2", function: "Inkoop")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    // MARK: missing-function

    @Test("missing-function: a warning at the function column; the row stays")
    func missingFunction() throws {
        let result = try convert(canonicalCSV(
            Self.row("bp", "Verhuren eenheden", level: "business-process"),
            Self.row("wp1", "Verhuren eenheid", level: "work-process", parent: "bp", function: "Contracteren"),
            Self.row("wp2", "Opleveren eenheid", level: "work-process", parent: "bp")))
        #expect(result.diagnostics.map(summary) == ["missing-function@4:9"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == "")
        #expect(diagnostic.message == "the work process \"Opleveren eenheid\" has no responsible business function")
        #expect(result.model.processes.map(\.id) == ["bp", "wp1", "wp2"])
    }

    @Test("missing-function with strict: an error, and the row is left out")
    func missingFunctionStrict() throws {
        let result = try convertStrict(canonicalCSV(
            Self.row("bp", "Verhuren eenheden", level: "business-process"),
            Self.row("wp1", "Verhuren eenheid", level: "work-process", parent: "bp", function: "Contracteren"),
            Self.row("wp2", "Opleveren eenheid", level: "work-process", parent: "bp")))
        #expect(result.diagnostics.map(summary) == ["missing-function@4:9"])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.model.processes.map(\.id) == ["bp", "wp1"])
        #expect(result.rejectedRecords.map(\.line) == [4])
    }

    @Test("missing-function: not reported when the inventory records no functions at all, unless strict")
    func noFunctionsAtAll() throws {
        let text = canonicalCSV(Self.row("bp", "Verhuren eenheden", level: "business-process"),
                                Self.row("wp", "Verhuren eenheid", level: "work-process", parent: "bp"))
        #expect(try convert(text).diagnostics.isEmpty)
        #expect(try convertStrict(text).diagnostics.map(summary) == ["missing-function@3:9"])
    }

    @Test("missing-function on a work process made from a per-level layout: the line that named it, no column")
    func missingFunctionWithoutRow() throws {
        let mapping = try MappingParser.parse("""
            fields:
              function: Functie
            hierarchy:
              levels:
                - {column: Niveau 1, level: business-process}
                - {column: Niveau 2, level: work-process}
                - {column: Niveau 3, level: process-step}
            """, file: "m.yaml")
        let csv = """
            Niveau 1;Niveau 2;Niveau 3;Functie
            Verhuren eenheden;Verhuren eenheid;;Contracteren
            ;Opleveren eenheid;Overhandigen sleutels;

            """
        let result = try Pipeline.convert(MemoryByteSource(text: csv), file: "in.csv", mapping: mapping)
        #expect(result.diagnostics.map(summary) == ["missing-function@3"])
        #expect(result.diagnostics.first?.file == "in.csv")
        #expect(result.diagnostics.first?.column == nil)
        #expect(result.diagnostics.first?.message == "the work process \"Opleveren eenheid\" has no responsible business function")
    }

    // MARK: The shipped sample

    @Test("the shipped sample converts without errors and without naming-convention warnings")
    func sample() throws {
        let url = packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv")
        let result = try convert(String(decoding: try Data(contentsOf: url), as: UTF8.self), file: "woonstad-waterland.csv")
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.code == .namingConvention }, "\(result.diagnostics)")
        #expect(result.model.processes.count > 70)
    }
}
