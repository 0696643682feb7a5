import CoraKit
import Testing

/// ``MarkdownRenderer``: the rows of a business process's table, however deep or nested.
@Suite("Markdown renderer: tables of deep and nested processes")
struct MarkdownRendererTests {
    @Test("indentation: none for a work process, one ↳ per level up to eight, then ↳×N")
    func indentation() {
        #expect(MarkdownRenderer.indentMarks == 8)
        #expect(MarkdownRenderer.indent(depth: 1) == "")
        #expect(MarkdownRenderer.indent(depth: 2) == "↳ ")
        #expect(MarkdownRenderer.indent(depth: 9) == String(repeating: "↳ ", count: 8))
        #expect(MarkdownRenderer.indent(depth: 10) == "↳×9 ")
        #expect(MarkdownRenderer.indent(depth: 100_000) == "↳×99999 ")
    }

    @Test("a business process below another is a row of the other's table; its own rows are in its own section")
    func nestedBusinessProcess() {
        let text = MarkdownRenderer().render(ProcessTreeTests.model)
        let sectionA = text.components(separatedBy: "### A\n")[1].components(separatedBy: "### ")[0]
        let sectionB = text.components(separatedBy: "### B\n")[1].components(separatedBy: "### ")[0]
        #expect(sectionA.hasSuffix("""
            |  | X |  |  |  |  |
            |  | ↳ B (bedrijfsproces) |  |  |  |  |


            """), "\(sectionA)")
        #expect(sectionB.hasSuffix("""
            |  | Y |  |  |  |  |


            """), "\(sectionB)")
        // The chain lists its business process; D names the chain it is part of.
        #expect(text.contains("| C (procesketen) |  | D |"), "\(text)")
        #expect(text.contains("Onderdeel van: C"), "\(text)")
    }

    @Test("a 50,000-deep chain under a business process: a few bytes per row (one ↳ per level was 5 GB)", .hangGuard)
    func deepChain() {
        let count = 50_000
        let processes = (1...count).map { index in
            CoraProcess(id: "p\(index)", name: "Stap \(index)", level: index == 1 ? .businessProcess : nil, category: .primary,
                        parent: index == 1 ? "" : "p\(index - 1)")
        }
        let text = MarkdownRenderer().render(ProcessModel(processes: processes))
        #expect(text.utf8.count < 3_000_000, "\(text.utf8.count) bytes")
        #expect(text.contains("\n|  | ↳×49998 Stap 50000 (proces) |  |  |  |  |\n"))
    }
}
