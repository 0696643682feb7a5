import CoraCSV
import CoraKit
import CoraXLSX
import Testing

/// ``XLSXFormat``: `--to xlsx`.
@Suite("xlsx: the canonical table as an Excel workbook")
struct XLSXFormatTests {
    /// The canonical CSV of the model read back from `workbook` (its first sheet, mapping canonical).
    private func readBack(_ workbook: [UInt8], file: String = "model.xlsx") throws -> (csv: [UInt8], result: ConversionResult) {
        var pipeline = Pipeline(.table(try MappingCatalog.builtin.mapping(named: "canonical")))
        pipeline.read(workbook: workbook, file: file)
        let result = pipeline.finish()
        return (CanonicalCSVRenderer().render(result.model), result)
    }

    @Test("one file, the workbook of the renderer, read back into the same model")
    func writes() throws {
        let format = XLSXFormat()
        #expect(format.name == "xlsx" && format.fileSuffix == ".xlsx" && !format.writesFolder)
        let bytes = try #require(try FormatFixture.write(format).bytes())
        #expect(Workbook.startsAsZip(bytes))
        let result = ConversionResult(model: FormatFixture.model, diagnostics: FormatFixture.diagnostics)
        #expect(bytes == (try WorkbookRenderer().render(result)))
        let workbook = try Workbook(bytes: bytes)
        #expect(workbook.sheets.map(\.name) == ["Processen", "Bevindingen", "Afgewezen rijen"])
        let back = try readBack(bytes)
        #expect(back.result.diagnostics.isEmpty, "\(back.result.diagnostics)")
        #expect(back.csv == CanonicalCSVRenderer().render(FormatFixture.model))
    }

    @Test("the same model gives the same bytes")
    func deterministic() throws {
        let first = try FormatFixture.write(XLSXFormat()).bytes()
        let second = try FormatFixture.write(XLSXFormat()).bytes()
        #expect(first == second)
    }

    @Test("property test: random models with formulas, line breaks and control characters survive canonical → xlsx → model → canonical byte for byte")
    func roundTrip() throws {
        var random = SplitMix64(seed: 0x5_1A5_7)
        let alphabet = CanonicalRoundTripTests.alphabet + ["'=", "@", "+", "1.10", "0012", "_x0041_", "\u{1}", "\u{B}", "\u{FFFE}", " ", "\u{A0}", "TRUE"]
        for round in 0..<120 {
            let model = CanonicalRoundTripTests.randomModel(round, &random, alphabet: alphabet)
            let canonical = CanonicalCSVRenderer().render(model)
            let result = ConversionResult(model: model, diagnostics: [])
            let back = try readBack(try WorkbookRenderer().render(result))
            #expect(back.result.errorCount == 0, "round \(round): \(DiagnosticTextRenderer().render(back.result.diagnostics))")
            #expect(back.csv == canonical, "round \(round): \(String(decoding: back.csv, as: UTF8.self).debugDescription) against \(String(decoding: canonical, as: UTF8.self).debugDescription)")
        }
    }

    @Test("a text longer than a cell holds: an error naming the sheet and cell, nothing written")
    func tooLong() throws {
        let model = ProcessModel(processes: [CoraProcess(id: "bp", name: "Verhuren", level: .businessProcess, description: String(repeating: "x", count: 40_000))])
        var output = CollectedOutput()
        #expect(throws: WorkbookError.self) { try XLSXFormat().write(model, diagnostics: [], options: OutputOptions(), to: &output) }
        #expect(output.files.isEmpty)
    }
}
