import Foundation
import Testing
@testable import CoraKit

/// What `cora diff` writes, from the library: hostile names stay text in every format, colour only
/// when asked, ambiguities in every format, scores as three decimals.
@Suite("The differences written: text, Markdown, CSV, JSON")
struct DiffRendererTests {
    static let hostile = "=HYPERLINK(\"http://x\")\n\u{1B}[31m| *a* <b>"

    static func comparison(oldName: String = "Verhuren eenheden", newName: String = "Verhuren eenheid") -> ModelComparison {
        let old = ProcessModel(processes: [
            ModelDiffTests.process("a", "", oldName, level: .businessProcess),
            ModelDiffTests.process("x", "", "Beheren gegevens"),
            ModelDiffTests.process("y", "", "Beheer gegevens"),
        ])
        let new = ProcessModel(processes: [
            ModelDiffTests.process("b", "", newName, level: .businessProcess),
            ModelDiffTests.process("z", "", "Beheren gegevens."),
        ])
        return ModelComparison(old: old, new: new, oldSource: "oud.csv", newSource: "nieuw.csv")
    }

    @Test("text: a name with a line break and an escape stays on its line, escaped; colour only when asked")
    func text() {
        let comparison = Self.comparison(oldName: Self.hostile, newName: "Verhuren")
        let plain = String(decoding: DiffRenderer(format: .text).render(comparison), as: UTF8.self)
        #expect(plain == """
            --- oud.csv (3 processes)
            +++ nieuw.csv (2 processes)
            - removed "=HYPERLINK("http://x")\\n\\u001b[31m| *a* <b>" (bedrijfsproces, id a)
            - removed "Beheren gegevens" (werkproces, id x)
            - removed "Beheer gegevens" (werkproces, id y)
            + added "Verhuren" (bedrijfsproces, id b)
            + added "Beheren gegevens." (werkproces, id z)
            ? ambiguous by name: old "Beheren gegevens" (id x), "Beheer gegevens" (id y); new "Beheren gegevens." (id z): pair them with --pairs
            0 pairs; 2 added, 3 removed; 1 ambiguity

            """)
        let coloured = String(decoding: DiffRenderer(format: .text, colours: true).render(comparison), as: UTF8.self)
        #expect(coloured.contains("\u{1B}[31m- removed \"Beheren gegevens\" (werkproces, id x)\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32m+ added \"Verhuren\" (bedrijfsproces, id b)\u{1B}[0m"))
        #expect(!plain.contains("\u{1B}"))
    }

    @Test("a pair by similarity says its score; Markdown escapes names and lists the ambiguity; English on request")
    func similarityAndMarkdown() {
        let comparison = Self.comparison(oldName: "Verhuren eenheden garages", newName: "Verhuren eenheden | *nu*")
        #expect(comparison.match.pairs == [ProcessPair(old: 0, new: 0, method: .similarity, score: 0.733)])
        let text = String(decoding: DiffRenderer(format: .text).render(comparison), as: UTF8.self)
        #expect(text.contains("~ \"Verhuren eenheden | *nu*\" (bedrijfsproces, id a → b; paired by similarity 0.733)\n"
            + "    renamed        name: \"Verhuren eenheden garages\" → \"Verhuren eenheden | *nu*\"\n"), "\(text)")
        let markdown = String(decoding: DiffRenderer(format: .markdown).render(comparison), as: UTF8.self)
        #expect(markdown.contains("| Verhuren eenheden \\| \\*nu\\* | hernoemd | name | Verhuren eenheden garages | Verhuren eenheden \\| \\*nu\\* | gelijkenis 0,733 |"), "\(markdown)")
        #expect(markdown.contains("## Twijfelgevallen\n"))
        #expect(markdown.contains("| naam | Beheren gegevens (x)<br>Beheer gegevens (y) | Beheren gegevens. (z) |"), "\(markdown)")
        let english = String(decoding: DiffRenderer(format: .markdown, language: .en).render(comparison), as: UTF8.self)
        #expect(english.hasPrefix("# Differences between two process models\n"))
        #expect(english.contains("| renamed | name |") && english.contains("## Ambiguities\n"))
    }

    @Test("CSV: formulas defused, the ambiguity as a row; JSON: the same changes, scores as numbers, nulls where a side is missing")
    func csvAndJSON() throws {
        let comparison = Self.comparison(oldName: Self.hostile, newName: "Verhuren")
        let csv = String(decoding: DiffRenderer(format: .csv).render(comparison), as: UTF8.self)
        #expect(csv.hasPrefix("kind,old,new,name,field,oldValue,newValue,match,score\nremoved,a,,\"'=HYPERLINK(\"\"http://x\"\")\n"), "\(csv)")
        #expect(csv.hasSuffix("ambiguous,x|y,z,Beheren gegevens|Beheer gegevens,,,,name,\n"), "\(csv)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(DiffRenderer(format: .json).render(comparison))) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.map { $0["kind"] as? String } == ["removed", "removed", "removed", "added", "added"])
        #expect(changes[0]["name"] as? String == Self.hostile && changes[0]["new"] is NSNull)
        let ambiguities = try #require(json["ambiguities"] as? [[String: Any]])
        #expect(ambiguities.count == 1 && ambiguities[0]["old"] as? [String] == ["x", "y"] && ambiguities[0]["new"] as? [String] == ["z"])
        #expect((json["summary"] as? [String: Int])?["ambiguities"] == 1 && json["same"] as? Bool == false)

        let similar = Self.comparison(oldName: "Verhuren eenheden garages", newName: "Verhuren eenheden | nu")
        let scored = try #require(try JSONSerialization.jsonObject(with: Data(DiffRenderer(format: .json).render(similar))) as? [String: Any])
        let renamed = try #require((scored["changes"] as? [[String: Any]])?.first { $0["kind"] as? String == "renamed" })
        #expect(renamed["score"] as? Double == 0.733 && renamed["match"] as? String == "similarity")
    }

    @Test("scores are written with at most three decimals, without trailing zeros, whatever the locale", arguments: [
        (1.0, "1"), (0.0, "0"), (0.7, "0.7"), (0.65, "0.65"), (0.7333333, "0.733"), (0.0004, "0"), (0.0005, "0.001"), (0.05, "0.05"),
    ])
    func scores(value: Double, text: String) {
        #expect(DecimalText.score(value) == text)
    }
}
