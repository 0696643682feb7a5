import Foundation
import Testing
@testable import CoraKit

/// The HTML reports of `cora diff` and `cora coverage`: hostile names add no element or attribute
/// (the same elements as harmless ones), the style is the one the policy's hash allows, the page
/// parses without errors.
@Suite("The HTML reports of diff and coverage")
struct ComparisonHTMLRendererTests {
    static let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> \u{202E}evil\u{202C} &amp; javascript:alert(3)"

    static func models(_ name: String) -> (ProcessModel, ProcessModel) {
        let old = ProcessModel(processes: [
            ModelDiffTests.process("a", "P1", name, level: .businessProcess, owner: name),
            ModelDiffTests.process("b", "P2", "Innen huur", level: .businessProcess),
        ])
        let new = ProcessModel(processes: [
            ModelDiffTests.process("a", "P1", name + " nieuw", level: .businessProcess, owner: "Team"),
            ModelDiffTests.process("c", "P3", name + " erbij", level: .businessProcess),
        ])
        return (old, new)
    }

    @Test("the diff page: hostile names and files give exactly the elements and attributes of harmless ones, shown as text")
    func diff() throws {
        func page(_ name: String) -> String {
            let (old, new) = Self.models(name)
            return ComparisonHTMLRenderer(language: .nl, date: DocumentDate(year: 2026, month: 12, day: 5))
                .render(ModelComparison(old: old, new: new, oldSource: name + ".csv", newSource: "nieuw.csv"))
        }
        let hostile = try HTMLPageCheck.parse(page(Self.hostile)), harmless = try HTMLPageCheck.parse(page("Verhuren eenheden"))
        #expect(hostile.errors.isEmpty && harmless.errors.isEmpty, "\(hostile.errors)")
        #expect(HTMLPageCheck.elements(hostile.document) == HTMLPageCheck.elements(harmless.document))
        #expect(try HTMLPageCheck.text(page(Self.hostile)).contains(Self.hostile + " nieuw"))
        let text = page(Self.hostile)
        let policy = ContentSecurityPolicy.policy(styles: [ComparisonHTMLRenderer.css], scripts: [])
        #expect(text.contains("content=\"\(HTMLText.attribute(policy))\"") && text.contains("<style>\(ComparisonHTMLRenderer.css)</style>"))
        #expect(!text.contains("script-src") && !text.contains("<script"))
    }

    @Test("the coverage page: statuses as classes, hostile names as text, a picture rebuilt by InlineSVG or a note without one")
    func coverage() throws {
        func page(_ name: String, heatMap: [UInt8]?) -> String {
            let (reference, inventory) = Self.models(name)
            let report = CoverageReport(reference: reference, inventory: inventory)
            return ComparisonHTMLRenderer(language: .en).render(report, inventory: name, reference: "ref.csv", note: nil, heatMap: heatMap)
        }
        let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><g><rect fill=\"#b7e0a5\" width=\"1\" height=\"1\"/><script>alert(1)</script><text>\(HTMLText.text(Self.hostile))</text></g></svg>".utf8)
        let hostile = try HTMLPageCheck.parse(page(Self.hostile, heatMap: svg)), harmless = try HTMLPageCheck.parse(page("Verhuren eenheden", heatMap: svg))
        #expect(hostile.errors.isEmpty, "\(hostile.errors)")
        #expect(HTMLPageCheck.elements(hostile.document) == HTMLPageCheck.elements(harmless.document))
        let text = page(Self.hostile, heatMap: svg)
        #expect(text.contains("<figure><svg") && !text.contains("<script"))
        #expect(text.contains("<td class=\"covered\">covered</td>") && text.contains("<td class=\"missing\">missing</td>"), "\(text)")
        #expect(page("x", heatMap: nil).contains("<p class=\"note\">No landscape: Graphviz (dot) is not installed or could not draw it.</p>"))
    }
}
