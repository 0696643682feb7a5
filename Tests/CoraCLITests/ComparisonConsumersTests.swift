import Foundation
import Testing

/// The reports of `cora diff` and `cora coverage` read by the programs a user opens them with:
/// the HTML pages in headless Chromium (no script or style refused, nothing fetched, every row
/// there), the excel-csv in LibreOffice Calc in Dutch (every cell text as written, codes and
/// dates too, no formula). Markdown (cmark-gfm), DOT (dot) and JSON are read in the golden tests.
@Suite("diff and coverage reports in Chromium and LibreOffice", .serialized)
struct ComparisonConsumersTests {
    static let old = "Samples/woonstad-waterland.csv", new = "Samples/diff/woonstad-waterland-2026.csv"

    @Test("both HTML pages open in Chromium offline: no console message (no CSP violation), no request, the rows and the heat map there")
    func pagesInChromium() throws {
        let scratch = try Scratch()
        let diff = try CoraCLI.run(["diff", Self.old, Self.new, "--to", "html", "-o", scratch.url.appendingPathComponent("diff.html").path], in: CoraCLI.packageRoot)
        #expect(diff.status == 1, "\(diff)")
        let coverage = try CoraCLI.run(["coverage", Self.old, "--reference", "vera", "--to", "html", "-o", scratch.url.appendingPathComponent("dekking.html").path],
                                       in: CoraCLI.packageRoot)
        #expect(coverage.status == 0, "\(coverage)")
        let diffPage = try HeadlessChromium.open(scratch.url.appendingPathComponent("diff.html"), netLog: true)
        #expect(diffPage.console.isEmpty, "\(diffPage.console)")
        #expect(diffPage.network?.pageRequests == [] && diffPage.network?.pageLookups == [], "\(String(describing: diffPage.network))")
        let diffRows = try diffPage.document().nodes(forXPath: "//table//tr[td]")
        // 2 files + 7 kinds + 1 removed + 14 changes + 3 added.
        #expect(diffRows.count == 27, "\(diffRows.count)")
        let coveragePage = try HeadlessChromium.open(scratch.url.appendingPathComponent("dekking.html"), netLog: true)
        #expect(coveragePage.console.isEmpty, "\(coveragePage.console)")
        #expect(coveragePage.network?.pageRequests == [] && coveragePage.network?.pageLookups == [], "\(String(describing: coveragePage.network))")
        let document = try coveragePage.document()
        #expect(try document.nodes(forXPath: "//figure/svg//text").count > 50, "the heat map has no text")
        // 140 reference processes and 60 unmatched in the tables.
        #expect(try document.nodes(forXPath: "//td[@class='covered' or @class='partial' or @class='missing']").count == 140)
        #expect(try document.nodes(forXPath: "//tr[@class='unmatched']").count == 60)
    }

    @Test("excel-csv of both opens in a Dutch LibreOffice Calc with every cell as written, as text, and no formula but cora's own =\"…\" around codes and dates")
    func excelCSVInCalc() throws {
        let scratch = try Scratch()
        for (arguments, file) in [(["diff", Self.old, Self.new], "diff.csv"), (["coverage", Self.old, "--reference", "vera"], "dekking.csv")] {
            let run = try CoraCLI.run(arguments + ["--to", "excel-csv", "-o", scratch.url.appendingPathComponent(file).path], in: CoraCLI.packageRoot)
            #expect(run.status <= 1, "\(run)")
        }
        let plain = try CoraCLI.run(["diff", Self.old, Self.new, "--to", "csv"], in: CoraCLI.packageRoot)
        let sheets = try ExcelCodesAsTextTests.TypedCalc.open(["diff.csv", "dekking.csv"], in: scratch, language: ExcelCodesAsTextTests.TypedCalc.dutch)
        let diff = try #require(sheets["diff.csv"])
        for sheet in [diff, try #require(sheets["dekking.csv"])] {
            #expect(sheet.formulas.allSatisfy { $0.hasPrefix("of:=\"") && $0.hasSuffix("\"") && $0.dropFirst(5).dropLast().allSatisfy { $0 != "\"" } }, "\(sheet.formulas)")
        }
        // The dates of "Laatst herzien", which Calc would turn into dates; codes such as P09.01 stay text by themselves.
        #expect(diff.formulas == ["of:=\"03-02-2025\"", "of:=\"05-01-2026\"", "of:=\"25-09-2024\"", "of:=\"05-01-2026\""], "\(diff.formulas)")
        // Row by row what the plain CSV says, each non-empty cell text (codes like P09.01 and dates
        // like 03-02-2025 too, through cora's ="…"), whole numbers (the score, an order) numbers.
        let expected = plain.stdoutText.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(diff.rows.count == expected.count, "\(diff.rows.count) rows")
        for (row, cells) in zip(diff.rows, expected) {
            for (cell, value) in zip(row, cells) where !value.isEmpty {
                if Int(value) != nil {
                    #expect(cell == .number(value), "\(cell) for \(value) in \(cells)")
                } else {
                    #expect(cell == .text(value), "\(cell) for \(value) in \(cells)")
                }
            }
        }
    }
}
