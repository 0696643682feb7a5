import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``NamingConventionRule``: each case on a small canonical input with the exact code, line and column
/// expected, and the inputs that must pass.
@Suite("naming-convention: a verb first")
struct NamingConventionRuleTests {
    @Test("naming-convention: a business process, work process or step that does not start with a verb",
          arguments: [("Verhuur woningen", "business-process"), ("Eenheid verhuren", "work-process"),
                      ("Huurincasso", "werkproces"), ("Sleuteloverdracht", "process-step")])
    func namingConvention(name: String, level: String) throws {
        let result = try convert(canonicalCSV(canonicalRow("a", name, level: level)))
        // A work process or step alone at the top is a missing-parent warning besides.
        #expect(result.diagnostics.filter { $0.code != .missingParent }.map(summary) == ["naming-convention@2:3"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.value == name)
        #expect(diagnostic.message.contains("does not start with a verb"))
        #expect(result.model.processes.map(\.name) == [name])
    }

    @Test("no naming-convention warning on CORA's own names, nor without a level, nor for chains and scenarios")
    func namingConventionPasses() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process"),
            canonicalRow("bp2", "(Her)ontwikkelen eenheden", level: "business-process"),
            canonicalRow("bp3", "Werven en selecteren kandidaten", level: "bedrijfsproces"),
            canonicalRow("wp", "Opstellen jaarrekening", level: "work-process", parent: "bp", function: "Verantwoording"),
            canonicalRow("wp2", "Intake klantvraag", level: "work-process", parent: "bp", function: "Klantbeheer"),
            canonicalRow("wp3", "Administratief afhandelen niet planmatig onderhoud", level: "work-process", parent: "bp",
                     function: "Onderhoud"),
            canonicalRow("wp4", "Pre-notificeren contractant", level: "WP", parent: "bp", function: "Incasso"),
            canonicalRow("wp5", "Aanvragen taxatie(s)", level: "work-process", parent: "bp", function: "Vastgoedverkoop"),
            canonicalRow("st", "Publiceren/adverteren", level: "process-step", parent: "wp"),
            canonicalRow("st2", "Nazorg nieuwe huurder", level: "process-step", parent: "wp"),
            canonicalRow("st3", "Beëindigen huurcontract", level: "processtap", parent: "wp"),
            canonicalRow("x", "Verhuur"),
            canonicalRow("k", "Incasso", level: "process-chain"),
            canonicalRow("s", "Verhuurmutatie", level: "steering-scenario")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("naming-convention looks past noise: a prefixed name gets name-noise only")
    func namingConventionAfterNoise() throws {
        let result = try convert(canonicalCSV(canonicalRow("a", "BP Verhuren eenheden", level: "business-process"),
                                              canonicalRow("b", "BP Verhuur", level: "business-process")))
        #expect(result.diagnostics.map(summary) == ["name-noise@2:3", "name-noise@3:3", "naming-convention@3:3"])
    }
}
