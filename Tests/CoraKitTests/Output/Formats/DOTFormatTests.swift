import CoraKit
import Testing

/// ``DOTFormat``: `--to dot`.
@Suite("dot: a Graphviz diagram")
struct DOTFormatTests {
    @Test("the view asked for, by the renderer")
    func views() throws {
        let format = DOTFormat()
        #expect(format.name == "dot" && format.fileSuffix == ".dot" && !format.writesFolder && !format.drawsWithGraphviz)
        for view in [DOTRenderer.View.landscape, .full, .process("bp")] {
            let options = OutputOptions(title: "Titel", view: view)
            let text = String(decoding: try FormatFixture.write(format, options: options).bytes() ?? [], as: UTF8.self)
            #expect(text == (try DOTRenderer(title: "Titel").render(FormatFixture.model, view: view)))
            #expect(text.hasPrefix("digraph"))
        }
    }

    @Test("a view of a process the model lacks fails before anything is written: invalid-view")
    func invalidView() throws {
        let options = OutputOptions(view: .process("nergens"))
        #expect(throws: RunFailure.self) { try DOTFormat().check(FormatFixture.model, options: options) }
        do {
            try DOTFormat().check(FormatFixture.model, options: options)
        } catch {
            #expect(error.diagnostics.map(\.code) == [.invalidView])
            #expect(error.diagnostics[0].message.hasPrefix("--view: "))
        }
    }
}
