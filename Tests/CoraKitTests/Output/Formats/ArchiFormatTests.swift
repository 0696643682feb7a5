import CoraKit
import Testing

/// ``ArchiFormat``: `--to archi`, Archi's CSV import set in a folder.
@Suite("archi: the Archi CSV set")
struct ArchiFormatTests {
    @Test("three files in a folder, named with the prefix, with the delimiter asked for")
    func files() throws {
        let format = ArchiFormat()
        #expect(format.name == "archi" && format.fileSuffix == ".archi" && format.writesFolder)
        #expect(format.files(at: "out/hr.archi") == ["out/hr.archi/elements.csv", "out/hr.archi/relations.csv", "out/hr.archi/properties.csv"])
        let options = OutputOptions(title: "Woonstad", archiPrefix: "ww-", archiDelimiter: UInt8(ascii: ";"))
        let output = try FormatFixture.write(format, options: options)
        #expect(output.files.map(\.name) == ["ww-elements.csv", "ww-relations.csv", "ww-properties.csv"])
        let export = ArchiExportRenderer(delimiter: UInt8(ascii: ";"), title: "Woonstad").render(FormatFixture.model)
        #expect(output.bytes(of: "ww-elements.csv") == export.elements)
        #expect(output.bytes(of: "ww-relations.csv") == export.relations)
        #expect(output.bytes(of: "ww-properties.csv") == export.properties)
        #expect(String(decoding: export.elements, as: UTF8.self).hasPrefix("\"ID\";\"Type\";\"Name\";\"Documentation\";\"Specialization\"\r\n"))
    }

    @Test("reads back as the same model")
    func roundTrip() throws {
        let output = try FormatFixture.write(ArchiFormat())
        let back = try importArchiFiles([ArchiTable.allCases.map { ($0, $0.fileName, output.bytes(of: $0.fileName)) }])
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(withoutSources(back.model.processes).map(\.id) == ["bp", "wp"])
        #expect(back.model.processes.first { $0.id == "wp" }?.function == "Vastgoedverhuur")
    }
}
