import CoraCSV
import CoraKit
import Foundation
import Testing

/// A conversion that parses on a thread of its own (`ConversionSettings.readsAhead`, as the CLI does) gives
/// exactly the result of one that does not.
@Suite("Conversion with the input read ahead")
struct ReadAheadConversionTests {
    /// Both ways, with the parts of the result that the reading can change.
    static func compare(_ bytes: [UInt8], mapping name: String, maxErrors: Int? = nil,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let mapping = try MappingCatalog.builtin.mapping(named: name)
        var settings = ConversionSettings(policy: DiagnosticPolicy(maxErrors: maxErrors))
        let plain = try Pipeline.convert(MemoryByteSource(bytes), file: "inventory.csv", mapping: mapping, settings: settings)
        settings.readsAhead = true
        let ahead = try Pipeline.convert(MemoryByteSource(bytes), file: "inventory.csv", mapping: mapping, settings: settings)
        #expect(ahead.model == plain.model, sourceLocation: sourceLocation)
        #expect(ahead.diagnostics == plain.diagnostics, sourceLocation: sourceLocation)
        #expect(ahead.rejectedRecords == plain.rejectedRecords, sourceLocation: sourceLocation)
        #expect(ahead.rowsRead == plain.rowsRead, sourceLocation: sourceLocation)
        #expect(ahead.inputs.map(\.stoppedEarly) == plain.inputs.map(\.stoppedEarly), sourceLocation: sourceLocation)
        #expect(ahead.dialect == plain.dialect, sourceLocation: sourceLocation)
    }

    @Test("every shipped sample", arguments: ArchiRoundTripTests.samples)
    func samples(path: String, mapping: String) throws {
        try Self.compare(try bytesOfFile(path), mapping: mapping)
    }

    /// 30,000 rows of an Excel inventory, with a wrong level, an unknown parent and a duplicate
    /// code every few hundred rows, and quoted line breaks.
    static func inventory() -> [UInt8] {
        var text = "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces;Omschrijving\r\n"
        for block in 1...3_000 {
            let code = "P\(block)"
            text += "\(code);Verhuren eenheden \(block);Bedrijfsproces;Primair;;\"Twee\r\nregels\"\r\n"
            for step in 1...9 {
                let level = block % 97 == 0 && step == 3 ? "Onbekend" : "Werkproces"
                let parent = block % 89 == 0 && step == 5 ? "P-weg" : code
                let own = block % 83 == 0 && step == 7 ? "\(code).01" : "\(code).0\(step)"
                text += "\(own);Verhuren eenheid \(block)-\(step);\(level);Primair;\(parent);\r\n"
            }
        }
        return Array(text.utf8)
    }

    @Test("30,000 rows with errors: the same model, diagnostics and rejected rows")
    func largeInventoryWithErrors() throws {
        let bytes = Self.inventory()
        try Self.compare(bytes, mapping: "excel-nl")
        let result = try convert(String(decoding: bytes, as: UTF8.self), mapping: "excel-nl")
        #expect(result.rowsRead == 30_000)
        #expect(result.errorCount > 50)
    }

    @Test("stopping at --max-errors: the same diagnostics up to the stop, and no reading thread left behind")
    func maxErrors() throws {
        try Self.compare(Self.inventory(), mapping: "excel-nl", maxErrors: 5)
    }

    @Test("a file that ends in malformed input: the rows before it, then the same fatal finding")
    func malformedEnd() throws {
        let bytes = Self.inventory() + Array("P9;\"nooit gesloten\r\nen verder\r\n".utf8)
        try Self.compare(bytes, mapping: "excel-nl")
    }
}
