import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``MojibakeRule``: each case on a small canonical input with the exact code, line and column
/// expected, and the inputs that must pass.
@Suite("mojibake: text saved in the wrong encoding")
struct MojibakeRuleTests {
    @Test("mojibake in a name: an error with the suspicious part and the repaired text")
    func mojibakeInName() throws {
        let result = try convert(canonicalCSV(canonicalRow("a", "BeÃ«indigen huurcontract", level: "work-process"),
                                              canonicalRow("b", "Opleveren eenheid")))
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
        let result = try convert(canonicalCSV(canonicalRow("a", "Verhuren eenheden", description: damaged)))
        #expect(result.diagnostics.map(summary) == ["mojibake@2:15"])
        #expect(result.diagnostics.first?.value == damaged)
        #expect(result.diagnostics.first?.hint?.hasPrefix("probably \"\(repaired)\";") == true, "\(result.diagnostics)")
    }

    @Test("mojibake without a repair: Ã or Â before a plain space, â€ without its third character, and �",
          arguments: ["Ã la carte", "Kosten:Â 100", "â€ zo", "Financi\u{FFFD}n"])
    func mojibakeUnrepaired(damaged: String) throws {
        let result = try convert(canonicalCSV(canonicalRow("a", "Verhuren eenheden", owner: damaged)))
        #expect(result.diagnostics.map(summary) == ["mojibake@2:8"])
        #expect(result.diagnostics.first?.hint?.contains("probably") == false)
        #expect(result.model.processes.isEmpty)
    }

    @Test("mojibake in a list item and in a property (its own column)")
    func mojibakeInListAndProperty() throws {
        let text = canonicalHeader2 + ",Afdeling,Opmerking\n"
            + canonicalRow("a", "Verhuren eenheden", applications: "Empire|CafÃ© Portaal") + ",FinanciÃ«n,ok\n"
        let result = try convert(text)
        #expect(result.diagnostics.map(summary) == ["mojibake@2:12", "mojibake@2:20"])
        #expect(result.diagnostics.map(\.value) == ["CafÃ© Portaal", "FinanciÃ«n"])
        #expect(result.diagnostics[1].column?.name == "Afdeling")
        #expect(result.diagnostics[1].hint?.hasPrefix("probably \"Financiën\"") == true)
    }

    @Test("no mojibake: Dutch text with ë, é, ï, ö, ü, quotes, dashes, signs and euros")
    func noMojibake() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("a", "Beëindigen huurcontract", owner: "Coördinator", description: "Één café, naïef, reünie, Financiën"),
            canonicalRow("b", "Opleveren eenheid", description: "’s-Hertogenbosch – “CORA” — 10 m² à € 100,- ©"),
            canonicalRow("c", "Actualiseren woonwensen", description: "ÀÉÈË ÏÖÜ âme ÂGE château")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}
