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
        #expect(text.hasPrefix("id;code;name;level;category;parent;order;owner;function;services;events;applications;next;status;description;Afdeling\r\n"))
        #expect(text.contains(";'=Wonen\r\n"))
        #expect(bytes == CanonicalCSVRenderer(options: .excel).render(FormatFixture.model))
    }
}
