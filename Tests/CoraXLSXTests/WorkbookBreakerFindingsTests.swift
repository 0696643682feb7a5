import CoraXLSX
import Testing

/// What the breaker's review of issue 20 found, each fixed and held here.
@Suite("Workbooks: the breaker's findings")
struct WorkbookBreakerFindingsTests {
    static let threeRows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>"#

    @Test("a local header offset past the end of the file is a damaged archive, not a trap in ZIPFoundation")
    func localHeaderOffsetPastTheEnd() throws {
        var bytes = TestWorkbook.sheet(Self.threeRows)
        // The last central directory record: its local header offset (at +42) set past the file.
        let end = try #require((0...(bytes.count - 22)).reversed().first { bytes[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x05, 0x06]) })
        let records = (0..<end).filter { bytes[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) }
        let last = try #require(records.last)
        let offset = bytes.count + 10
        for shift in 0..<4 { bytes[last + 42 + shift] = UInt8((offset >> (8 * shift)) & 0xFF) }
        #expect(TestWorkbook.error(bytes) == WorkbookError(.malformed, "the zip archive is damaged: the data of entry \(records.count) lies outside the file"))
    }

    @Test("a merged range over the whole sheet fills the rows the sheet has, no more, and is bounded")
    func mergeOverTheWholeSheet() throws {
        let bytes = TestWorkbook.sheet(Self.threeRows, afterSheetData: #"<mergeCells count="1"><mergeCell ref="B1:D1048576"/></mergeCells>"#)
        let rows = try TestWorkbook.rows(bytes)
        #expect(rows.map(\.number) == [1, 2, 3])
        var limits = WorkbookLimits()
        limits.maxMergedCells = 5
        let wide = TestWorkbook.sheet(Self.threeRows.replacingOccurrences(of: "<v>1</v>", with: "<v>1</v>") , afterSheetData: #"<mergeCells count="1"><mergeCell ref="A2:Z3"/></mergeCells>"#)
        #expect(throws: WorkbookError(.tooLarge, "the merged ranges fill more than 5 cells (row 2), over the limit", part: "xl/worksheets/sheet1.xml")) {
            _ = try TestWorkbook.rows(wide, limits: limits)
        }
    }

    @Test("a shared string used many times, or one cell of too much text, stops at the limits")
    func textAmplification() throws {
        let big = String(repeating: "x", count: 2_000)
        let rows = (1...50).map { #"<row r="\#($0)"><c r="A\#($0)" t="s"><v>0</v></c></row>"# }.joined()
        var limits = WorkbookLimits()
        limits.maxSheetTextBytes = 50_000
        #expect(throws: WorkbookError(.tooLarge, "the cells up to row 26 hold more than 48.8 KiB of text, over the limit (shared strings or merged ranges used many times: a zip bomb?)", part: "xl/worksheets/sheet1.xml")) {
            _ = try TestWorkbook.rows(TestWorkbook.sheet(rows, sharedStrings: ["<si><t>" + big + "</t></si>"]), limits: limits)
        }
        limits = WorkbookLimits()
        limits.maxCellBytes = 1_000
        #expect(throws: WorkbookError(.tooLarge, "the cell A1 holds 2 KiB of text, over the limit of 1000 bytes (a cell of Excel holds 32,767 characters)", part: "xl/worksheets/sheet1.xml")) {
            _ = try TestWorkbook.rows(TestWorkbook.sheet(rows, sharedStrings: ["<si><t>" + big + "</t></si>"]), limits: limits)
        }
    }
}
