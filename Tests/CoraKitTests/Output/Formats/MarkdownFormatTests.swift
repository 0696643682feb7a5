import CoraKit
import Testing

/// ``MarkdownFormat``: `--to md`.
@Suite("md: the Markdown document")
struct MarkdownFormatTests {
    @Test("the renderer's document, in the language and with the title asked for, with the findings")
    func document() throws {
        let format = MarkdownFormat()
        #expect(format.name == "md" && format.fileSuffix == ".md" && !format.writesFolder)
        let options = OutputOptions(language: .en, title: "Woonstad <Waterland>")
        let text = String(decoding: try FormatFixture.write(format, options: options).bytes() ?? [], as: UTF8.self)
        #expect(text == MarkdownRenderer(language: .en, title: "Woonstad <Waterland>").render(FormatFixture.model, diagnostics: FormatFixture.diagnostics))
        #expect(text.hasPrefix("# Woonstad &lt;Waterland&gt;\n"))
        #expect(text.contains("Primary processes"))
        let dutch = String(decoding: try FormatFixture.write(format).bytes() ?? [], as: UTF8.self)
        #expect(dutch.contains("Primaire processen"))
    }
}
