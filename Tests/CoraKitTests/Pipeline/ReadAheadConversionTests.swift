import CoraCSV
import CoraKit
import Foundation
import Testing

/// A conversion that parses on a thread of its own (`ConversionSettings.readsAhead`, as the CLI does) gives
/// exactly the result of one that does not.
@Suite("Conversion with the input read ahead")
struct ReadAheadConversionTests {
    /// Both ways, with the parts of the result that the reading can change.
    @discardableResult
    static func compare(_ bytes: [UInt8], mapping name: String, maxErrors: Int? = nil,
                        policy: DiagnosticPolicy? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ConversionResult {
        let mapping = try MappingCatalog.builtin.mapping(named: name)
        var settings = ConversionSettings(policy: policy ?? DiagnosticPolicy(maxErrors: maxErrors))
        let plain = try Pipeline.convert(MemoryByteSource(bytes), file: "inventory.csv", mapping: mapping, settings: settings)
        settings.readsAhead = true
        let ahead = try Pipeline.convert(MemoryByteSource(bytes), file: "inventory.csv", mapping: mapping, settings: settings)
        #expect(ahead.model == plain.model, sourceLocation: sourceLocation)
        #expect(ahead.diagnostics == plain.diagnostics, sourceLocation: sourceLocation)
        #expect(ahead.rejectedRecords == plain.rejectedRecords, sourceLocation: sourceLocation)
        #expect(ahead.rowsRead == plain.rowsRead, sourceLocation: sourceLocation)
        #expect(ahead.inputs.map(\.stoppedEarly) == plain.inputs.map(\.stoppedEarly), sourceLocation: sourceLocation)
        #expect(ahead.dialect == plain.dialect, sourceLocation: sourceLocation)
        #expect(ahead.diagnostics.map(\.input) == plain.diagnostics.map(\.input), sourceLocation: sourceLocation)
        #expect(ahead.inputs.map(\.unmappedRecords.count) == plain.inputs.map(\.unmappedRecords.count), sourceLocation: sourceLocation)
        return ahead
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

    /// The rows are mapped and checked on the reading thread with a sink of their own: a warning
    /// made an error by --strict is judged there once (its message says so once), an ignored code
    /// stays out, and the rows with errors are left out as on one thread.
    @Test("--strict and --ignore: findings judged once, on the reading thread")
    func strictAndIgnored() throws {
        var text = "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces\r\n"
        for number in 1...5_000 {
            // A name in capitals (a warning), a code with spaces around it, an empty row now and then.
            let name = number % 7 == 0 ? "VERHUREN \(number)" : "Verhuren \(number)"
            text += number % 501 == 0 ? ";;;;\r\n" : "P\(number);\(name);Bedrijfsproces;Primair;\r\n"
        }
        let bytes = Array(text.utf8)
        let strict = try Self.compare(bytes, mapping: "excel-nl", policy: DiagnosticPolicy(strict: true))
        let suffixes = strict.diagnostics.filter { $0.message.hasSuffix(DiagnosticPolicy.strictSuffix) }
        #expect(!suffixes.isEmpty)
        #expect(suffixes.allSatisfy { !$0.message.dropLast(DiagnosticPolicy.strictSuffix.count).hasSuffix(DiagnosticPolicy.strictSuffix) })
        #expect(strict.diagnostics.contains { $0.code == .emptyRow && $0.line == 502 })
        let codes = Set(strict.diagnostics.map(\.code))
        let ignored = try Self.compare(bytes, mapping: "excel-nl", policy: DiagnosticPolicy(ignored: codes.subtracting([.emptyRow])))
        #expect(ignored.diagnostics.map(\.code) == Array(repeating: .emptyRow, count: 9))
        try Self.compare(bytes, mapping: "excel-nl", policy: DiagnosticPolicy(strict: true, maxErrors: 40))
    }

    /// A per-level layout carries the cells of merged blocks down from row to row: the mapper's
    /// memory of the rows before goes with it to the reading thread.
    @Test("a per-level layout with merged cells, a column without a header, rows before the header")
    func levelsAndBlankHeader() throws {
        var text = "Overzicht processen\r\n\r\nCategorie;Bedrijfsproces;Werkproces;;Eigenaar\r\n"
        for block in 1...400 {
            text += "\(block % 3 == 0 ? "Sturend" : "Primair");Proces \(block);;;Team \(block)\r\n"
            for step in 1...4 {
                text += ";;Stap \(block).\(step);\(step == 2 && block % 50 == 0 ? "los" : "");\r\n"
            }
        }
        let mapping = try MappingCatalog.builtin.mapping(named: "niveaus")
        var settings = ConversionSettings()
        settings.skipRows = 1
        let plain = try Pipeline.convert(MemoryByteSource(Array(text.utf8)), file: "niveaus.csv", mapping: mapping, settings: settings)
        settings.readsAhead = true
        let ahead = try Pipeline.convert(MemoryByteSource(Array(text.utf8)), file: "niveaus.csv", mapping: mapping, settings: settings)
        #expect(ahead.model == plain.model)
        #expect(ahead.diagnostics == plain.diagnostics)
        #expect(plain.model.processes.count == 2_000)
        #expect(plain.diagnostics.filter { $0.code == .blankHeader }.count == 1)
    }

    /// cora's own excel-csv: the `'` before a formula comes off on the reading thread too.
    @Test("excel-csv read back: the formula protection comes off")
    func excelCSV() throws {
        var text = "sep=;\r\nid;code;name;level;category;parent\r\n"
        for number in 1...3_000 { text += "p\(number);'=P\(number);'+Naam \(number);bedrijfsproces;primair;\r\n" }
        let result = try Self.compare(Array(text.utf8), mapping: "canonical")
        #expect(result.model.processes.count == 3_000)
        #expect(result.model.processes[0].code == "=P1")
        #expect(result.model.processes[2_999].name == "+Naam 3000")
    }

    /// A header without the column the mapping needs: nothing is prepared, every row is kept for
    /// the rejects file, and the row that looks like the header is named.
    @Test("a header without the name column: unmapped rows and the header hint, as on one thread")
    func missingColumn() throws {
        var text = "Processen 2026;;\r\nProcescode;Procesnaam;Soort\r\n"
        for number in 1...2_500 { text += "P\(number);Verhuren \(number);Werkproces\r\n" }
        let result = try Self.compare(Array(text.utf8), mapping: "excel-nl")
        #expect(result.inputs.first?.unmappedRecords.count == 2_501)
        #expect(result.diagnostics.contains { $0.code == .headerElsewhere && $0.line == 2 })
    }
}
