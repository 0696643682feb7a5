import CoraKit
import Testing

/// ``DiagramImageFormat``: `--to svg` and `--to png`, drawn by whatever ``DiagramDrawing`` the
/// caller gives (Graphviz on the command line; here a recorder).
@Suite("svg and png: the diagram drawn")
struct DiagramImageFormatTests {
    /// Records what it is asked to draw and answers with the format's name.
    final class Recorder: DiagramDrawing, @unchecked Sendable {
        var asked: [(dot: String, format: String)] = []
        func draw(_ dot: String, as format: String) throws(RunFailure) -> [UInt8] {
            asked.append((dot, format))
            return Array("drawn \(format)".utf8)
        }
    }

    @Test("the DOT of the view goes to the drawing, as svg or png; the drawing's bytes are the file")
    func drawn() throws {
        for format in [DiagramImageFormat.svg, .png] {
            #expect(format.drawsWithGraphviz && format.fileSuffix == "." + format.name && !format.writesFolder)
            let recorder = Recorder()
            let options = OutputOptions(view: .full, diagrams: recorder)
            try format.check(FormatFixture.model, options: options)
            let output = try FormatFixture.write(format, options: options)
            #expect(output.bytes() == Array("drawn \(format.name)".utf8))
            #expect(recorder.asked.map(\.format) == [format.name])
            #expect(recorder.asked.first?.dot == (try DOTRenderer().render(FormatFixture.model, view: .full)))
        }
    }

    @Test("without a way to draw: graphviz-failed before anything is written, with how to install it")
    func withoutGraphviz() throws {
        do {
            try DiagramImageFormat.svg.check(FormatFixture.model, options: OutputOptions())
            Issue.record("no failure")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.graphvizFailed])
            #expect(error.diagnostics[0].hint?.contains("apt-get install graphviz") == true)
        }
    }
}
