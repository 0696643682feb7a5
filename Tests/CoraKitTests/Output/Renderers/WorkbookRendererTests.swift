import CoraCSV
import CoraKit
import CoraXLSX
import Testing

@Suite("The workbook's sheets: typed cells, findings, rejected rows")
struct WorkbookRendererTests {
    private let csv = """
        id,code,name,level,category,parent,order,owner
        bp-1,1.10,Verhuren,bedrijfsproces,primair,,3,Team Verhuur
        wp-1,0012,=Inschrijven,werkproces,,bp-1,,
        wp-2,2.10,Toewijzen,niveau 9,,bp-1,,

        """

    @Test("the canonical table: the order a number, codes and names text as written, empty cells empty")
    func processes() throws {
        let result = try convert(csv, file: "inventaris.csv")
        let sheets = WorkbookRenderer().sheets(result)
        #expect(sheets.map(\.name) == ["Processen", "Bevindingen", "Afgewezen rijen"])
        let processes = sheets[0]
        #expect(processes.header == CanonicalField.canonicalHeader)
        #expect(processes.rows.count == 2)
        let first = processes.rows[0]
        #expect(first.count == CanonicalField.canonicalHeader.count)
        #expect(Array(first.prefix(9)) == [.text("bp-1"), .text("1.10"), .text("Verhuren"), .text("business-process"), .text("primary"),
                                           .empty, .number("3"), .text("Team Verhuur"), .empty])
        let second = processes.rows[1]
        #expect(Array(second.prefix(7)) == [.text("wp-1"), .text("0012"), .text("=Inschrijven"), .text("work-process"), .empty,
                                            .text("bp-1"), .empty])
    }

    @Test("the findings in the columns of the CSV report, line and record as numbers")
    func findings() throws {
        let result = try convert(csv, file: "inventaris.csv")
        let findings = WorkbookRenderer().sheets(result)[1]
        #expect(findings.header == DiagnosticReportRenderer.csvHeader)
        let level = try #require(findings.rows.first { $0[1] == .text("unknown-level") })
        #expect(level[0] == .text("error"))
        #expect(level[3] == .text("inventaris.csv"))
        #expect(level[4] == .number("4"))
        #expect(level[5] == .number("4"))
        #expect(level[6] == .text("level"))
        #expect(level[7] == .text("niveau 9"))
        #expect(level[8] == .number("4"))
    }

    @Test("the rejected rows as read, after their file and line")
    func rejected() throws {
        let result = try convert(csv, file: "inventaris.csv")
        let rejected = WorkbookRenderer().sheets(result)[2]
        #expect(rejected.header == ["file", "line", "id", "code", "name", "level", "category", "parent", "order", "owner"])
        #expect(rejected.rows == [[.text("inventaris.csv"), .number("4"), .text("wp-2"), .text("2.10"), .text("Toewijzen"), .text("niveau 9"),
                                   .empty, .text("bp-1"), .empty, .empty]])
    }

    @Test("nothing rejected: the sheet has its header alone")
    func nothingRejected() throws {
        let result = try convert("id,name,level\nbp-1,Verhuren,bedrijfsproces\n", file: "a.csv")
        let sheets = WorkbookRenderer().sheets(result)
        #expect(sheets[2].name == "Afgewezen rijen")
        #expect(sheets[2].rows.isEmpty)
        #expect(sheets[1].rows.isEmpty)
    }
}
