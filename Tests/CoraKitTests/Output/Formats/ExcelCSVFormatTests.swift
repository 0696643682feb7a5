import CoraCSV
import CoraKit
import Testing

/// ``ExcelCSVFormat``: `--to excel-csv`.
@Suite("excel-csv: the canonical table for Excel")
struct ExcelCSVFormatTests {
    @Test("`;`, a byte order mark, CRLF, and a formula defused with a leading quote")
    func excel() throws {
        let format = ExcelCSVFormat()
        #expect(format.name == "excel-csv" && format.fileSuffix == ".excel.csv" && !format.writesFolder)
        let bytes = try FormatFixture.write(format).bytes() ?? []
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id;code;name;level;category;parent;order;owner;function;services;events;applications;next;status;description;requirements;steers;reports-to;pdca-phase;Afdeling\r\n"))
        #expect(text.contains(";'=Wonen\r\n"))
        #expect(bytes == CanonicalCSVRenderer(options: .excel).render(FormatFixture.model))
    }

    @Test("property test: random models with formulas in their texts survive canonical → excel-csv → model → canonical byte for byte")
    func excelRoundTrip() throws {
        var random = SplitMix64(seed: 0xE6CE1)
        let alphabet = CanonicalRoundTripTests.alphabet + ["'=", "''", "@", "+", "＝", "－", "\u{A0}", "\u{3000}", "\r"]
        for round in 0..<150 {
            let model = CanonicalRoundTripTests.randomModel(round, &random, alphabet: alphabet)
            let canonical = CanonicalCSVRenderer().render(model)
            let excel = CanonicalCSVRenderer(options: .excel).render(model)
            let result = try convert(String(decoding: excel, as: UTF8.self), file: "model.excel.csv")
            #expect(result.errorCount == 0, "round \(round): \(result.diagnostics)")
            #expect(result.inputs.first?.readAsExcelCSV == true)
            #expect(CanonicalCSVRenderer().render(result.model) == canonical, "round \(round)")
        }
    }

    @Test("only the canonical mapping with ';' reads a table as excel-csv: a ' in a ',' file or through another mapping is data")
    func onlyExcelCSVIsUnprotected() throws {
        let semicolon = canonicalHeader.replacingOccurrences(of: ",", with: ";") + "\na;;'=1;;;;;;;;;;;;'-5\n"
        let excel = try convert(semicolon)
        #expect(excel.model.processes.map(\.name) == ["=1"])
        #expect(excel.model.processes.map(\.description) == ["-5"])
        let comma = try convert(canonicalHeader + "\na,,'=1,,,,,,,,,,,,'-5\n")
        #expect(comma.model.processes.map(\.name) == ["'=1"])
        #expect(comma.inputs.first?.readAsExcelCSV == false)
        #expect(!(try MappingCatalog.builtin.mapping(named: "excel-nl")).readsExcelCSV(delimiter: UInt8(ascii: ";")))
        #expect(try MappingCatalog.builtin.mapping(named: "canonical").readsExcelCSV(delimiter: UInt8(ascii: ";")))
    }
}
