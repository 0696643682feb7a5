import CoraKit
import Foundation
import Testing

/// The handbook of the shipped sample `Samples/woonstad-waterland.csv`, in Dutch and English,
/// compared byte for byte with `Golden/Handbook/`. Without diagrams (Graphviz's version would
/// change them) and with a fixed date.
///
/// To update the golden files after an intended change, run
///
///     CORA_RECORD_GOLDEN=1 swift test --filter HandbookGoldenTests
///
/// then review `git diff Tests/CoraKitTests/Golden` and run the tests again without the variable:
/// a recording run always fails, so it can never pass by accident.
@Suite("The sample's handbook against golden output")
struct HandbookGoldenTests {
    static let goldenDirectory = packageRoot.appendingPathComponent("Tests/CoraKitTests/Golden/Handbook")
    static var recording: Bool { ProcessInfo.processInfo.environment["CORA_RECORD_GOLDEN"] == "1" }

    @Test("woonstad-waterland.csv as a handbook equals the golden page, and an HTML parser reads it without errors", arguments: DocumentLanguage.allCases)
    func sample(language: DocumentLanguage) throws {
        let sample = try convertSample("Samples/woonstad-waterland.csv", mapping: "canonical")
        #expect(sample.diagnostics.isEmpty, "\(sample.diagnostics)")
        // The title the command line gives a model read from woonstad-waterland.csv.
        let title = language.text(.processModel) + " woonstad-waterland"
        let page = HTMLRenderer(language: language, title: title, date: DocumentDate(year: 2026, month: 12, day: 4))
            .render(sample.model, diagnostics: sample.diagnostics)
        let parsed = try HTMLPageCheck.parse(page)
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        try HTMLPageCheck.expectUniqueIDsAndLinks(parsed.document)

        let golden = Self.goldenDirectory.appendingPathComponent("woonstad-waterland.\(language.rawValue).html")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(page.utf8).write(to: golden)
            Issue.record("recorded \(golden.lastPathComponent); rerun without CORA_RECORD_GOLDEN")
            return
        }
        guard FileManager.default.fileExists(atPath: golden.path) else {
            Issue.record("no golden file \(golden.path); record it with CORA_RECORD_GOLDEN=1")
            return
        }
        let expected = try Data(contentsOf: golden)
        if Array(page.utf8) != Array(expected) {
            let diff = try ExternalTool.run("diff", ["-u", golden.path, "-"], input: Array(page.utf8))
            Issue.record("the handbook differs from \(golden.lastPathComponent) (record with CORA_RECORD_GOLDEN=1 if the change is intended):\n\(diff.stdoutText.prefix(20_000))")
        }
    }
}
