import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``PrivacyWithoutOwnerRule``: each case on a small canonical input (layout 2) with the exact code,
/// line and column expected, and the inputs that must pass.
@Suite("privacy-without-owner: personal data without an owner or a description")
struct PrivacyWithoutOwnerRuleTests {
    @Test("privacy-without-owner: at the owner column, else the description column; AVG counts as privacy; other tags pass")
    func privacyWithoutOwner() throws {
        let result = try convert(canonicalCSV2(
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", owner: "", description: "Van aanbieding tot sleutel", requirements: "AVG"),
            canonicalRow("bp2", "Innen huur", level: "business-process", owner: "Incasso", requirements: "privacy|arbo"),
            canonicalRow("bp3", "Beheren klantdossier", level: "business-process", requirements: "GDPR"),
            canonicalRow("bp4", "Uitvoeren onderhoud", level: "business-process", requirements: "arbo"),
            canonicalRow("bp5", "Registreren klant", level: "business-process", owner: "Verhuur", description: "Klantgegevens", requirements: "privacy")))
        #expect(result.diagnostics.map(summary) == ["privacy-without-owner@2:8", "privacy-without-owner@3:15", "privacy-without-owner@4:8"])
        #expect(result.diagnostics.map(\.message) == [
            "\"Verhuren eenheden\" handles personal data (privacy) but has no owner",
            "\"Innen huur\" handles personal data (privacy) but has no description",
            "\"Beheren klantdossier\" handles personal data (privacy) but has no owner and no description",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(result.diagnostics[2].hint == "a register of processing activities (AVG article 30) names who is responsible (the owner) and what the "
                + "processing is for (the description); fill in an owner and a description")
        #expect(result.model.processes.map(\.requirements) == [["privacy"], ["privacy", "arbo"], ["privacy"], ["arbo"], ["privacy"]])
    }

    @Test("privacy-without-owner with strict: an error that fails the run; the process stays")
    func strict() throws {
        let result = try convertStrict(canonicalCSV2(
            canonicalRow("bp1", "Verhuren eenheden", level: "business-process", description: "x", requirements: "persoonsgegevens")))
        #expect(result.diagnostics.map(summary) == ["privacy-without-owner@2:8"])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.model.processes.map(\.id) == ["bp1"])
    }
}
