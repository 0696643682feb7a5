import CoraCSV
import Foundation
import Testing
@testable import CoraKit

/// The coverage renderers on the fixture reference against the sample, byte for byte against
/// `Golden/Coverage/`. To update them after an intended change, run
///
///     CORA_RECORD_GOLDEN=1 swift test --filter CoverageRendererTests
///
/// then review `git diff Tests/CoraKitTests/Golden/Coverage` and run again without the variable.
@Suite("Coverage reports in every format against golden output")
struct CoverageRendererTests {
    static let goldenDirectory = packageRoot.appendingPathComponent("Tests/CoraKitTests/Golden/Coverage")

    static func expectGolden(_ bytes: [UInt8], _ name: String) throws {
        let golden = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CORA_RECORD_GOLDEN"] == "1" {
            try Data(bytes).write(to: golden)
            Issue.record("recorded \(name); rerun without CORA_RECORD_GOLDEN")
            return
        }
        guard FileManager.default.fileExists(atPath: golden.path) else {
            Issue.record("no golden file \(golden.path); record it with CORA_RECORD_GOLDEN=1")
            return
        }
        if bytes != Array(try Data(contentsOf: golden)) {
            let diff = try ExternalTool.run("diff", ["-u", golden.path, "-"], input: bytes)
            Issue.record("\(name) differs (record with CORA_RECORD_GOLDEN=1 if intended):\n\(diff.stdoutText.prefix(20_000))")
        }
    }

    @Test("text")
    func text() throws {
        try Self.expectGolden(Array(CoverageTextRenderer().render(try CoverageReportTests.fixtureReport()).utf8), "woonstad-waterland.txt")
    }

    @Test("text with colours: each status word coloured, the columns aligned as without")
    func colours() throws {
        let report = try CoverageReportTests.fixtureReport()
        let plain = CoverageTextRenderer().render(report).split(separator: "\n", omittingEmptySubsequences: false)
        let coloured = CoverageTextRenderer(colours: true).render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(coloured[1] == "  \u{1B}[32mcovered\u{1B}[0m  business-process  Opstellen portefeuilleplannen            ww-s02 Opstellen portefeuilleplan (name 1)")
        #expect(coloured[2].hasPrefix("  \u{1B}[33mpartial\u{1B}[0m  ") && coloured[4].hasPrefix("  \u{1B}[31mmissing\u{1B}[0m  "))
        #expect(coloured.map { $0.replacing(/\x{1B}\[[0-9]+m/, with: "") } == plain)
    }

    @Test("Markdown in Dutch and English; cmark-gfm reads the tables: totals, one per category, the unmatched, the ambiguities",
          arguments: DocumentLanguage.allCases)
    func markdown(language: DocumentLanguage) throws {
        let markdown = CoverageMarkdownRenderer(language: language, inventory: "woonstad-waterland.csv", reference: "reference.csv")
            .render(try CoverageReportTests.fixtureReport())
        try Self.expectGolden(Array(markdown.utf8), "woonstad-waterland.\(language.rawValue).md")
        let html = try ExternalTool.run("cmark-gfm", EscapingPropertyTests.cmarkGFM, input: Array(markdown.utf8))
        #expect(html.status == 0)
        let output = html.stdoutText
        // Two totals, steering, primary, supporting, no category, unmatched, ambiguities.
        #expect(output.components(separatedBy: "<table>").count - 1 == 8)
        #expect(output.contains("<td>Beheren vastgoedgegevens (BAG | WOZ)</td>"))
        let missing = language == .nl ? "ontbreekt" : "missing"
        #expect(output.contains("<tr>\n<td>\(missing)</td>\n<td></td>\n<td>Beheren vastgoedgegevens (BAG | WOZ)</td>\n<td></td>\n</tr>"), "\(output)")
    }

    @Test("CSV, and with the Excel profile a name that starts like a formula gets its quote")
    func csv() throws {
        let report = try CoverageReportTests.fixtureReport()
        try Self.expectGolden(CoverageCSVRenderer().render(report), "woonstad-waterland.csv")
        let hostile = CoverageReport(reference: ProcessModel(processes: [CoraProcess(id: "r", name: "=1+1")]), inventory: ProcessModel())
        #expect(String(decoding: CoverageCSVRenderer(options: .excel).render(hostile), as: UTF8.self)
                == "\u{FEFF}side;id;name;level;category;status;matches;methods;scores\r\nreference;r;'=1+1;;;missing;;;\r\n")
    }

    @Test("JSON, which JSONSerialization reads back")
    func json() throws {
        let json = CoverageJSONRenderer().render(try CoverageReportTests.fixtureReport())
        try Self.expectGolden(Array(json.utf8), "woonstad-waterland.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["reference", "unmatched", "ambiguities", "totals"])
    }
}
