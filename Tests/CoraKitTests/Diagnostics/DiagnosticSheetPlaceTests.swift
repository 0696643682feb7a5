import CoraCSV
import CoraKit
import Testing

@Suite("Findings in a workbook name the sheet and the cell")
struct DiagnosticSheetPlaceTests {
    private func finding(sheet: String?, line: Int? = 14, column: Int? = 3) -> Diagnostic {
        var diagnostic = Diagnostic(.unknownLevel, "unknown level \"hoofd\"", file: "inventaris.xlsx", line: line, record: 9,
                                    column: column.map { Diagnostic.Column(name: "niveau", index: $0) }, value: "hoofd")
        diagnostic.sheet = sheet
        return diagnostic
    }

    @Test("as Excel writes a reference: the sheet quoted when it must be, the column in letters")
    func places() {
        #expect(finding(sheet: "Processen").sheetPlace == "Processen!C14")
        #expect(finding(sheet: "Processen", column: 28).sheetPlace == "Processen!AB14")
        #expect(finding(sheet: "Processen", column: nil).sheetPlace == "Processen!14")
        #expect(finding(sheet: "Blad 1").sheetPlace == "'Blad 1'!C14")
        #expect(finding(sheet: "O'Brien").sheetPlace == "'O''Brien'!C14")
        #expect(finding(sheet: "2024").sheetPlace == "'2024'!C14")
        #expect(finding(sheet: "Processen", line: nil).sheetPlace == nil)
        #expect(finding(sheet: nil).sheetPlace == nil)
    }

    @Test("the text names file, sheet and cell instead of line and column")
    func text() {
        #expect(DiagnosticTextRenderer().render(finding(sheet: "Processen")) == """
            inventaris.xlsx:Processen!C14: error: unknown level "hoofd" (column "niveau") [unknown-level]

            """)
        #expect(DiagnosticTextRenderer().render(finding(sheet: nil)).hasPrefix("inventaris.xlsx:14:3: error:"))
    }

    @Test("the reports carry the sheet and the cell; JSON only for a finding in a sheet")
    func reports() {
        let csv = String(decoding: DiagnosticReportRenderer(format: .csv).render([finding(sheet: "Blad 1"), finding(sheet: nil)]), as: UTF8.self)
        #expect(csv == #"""
            severity,code,message,file,line,record,column,value,columnIndex,hint,sheet,cell
            error,unknown-level,"unknown level ""hoofd""",inventaris.xlsx,14,9,niveau,hoofd,3,,Blad 1,C14
            error,unknown-level,"unknown level ""hoofd""",inventaris.xlsx,14,9,niveau,hoofd,3,,,

            """#)
        let json = String(decoding: DiagnosticReportRenderer(format: .json).render([finding(sheet: "Processen", column: nil), finding(sheet: nil)]), as: UTF8.self)
        #expect(json.contains("""
                  "hint": null,
                  "sheet": "Processen",
                  "cell": "14"
                },
            """), "\(json)")
        #expect(json.components(separatedBy: "\"sheet\"").count == 2, "\(json)")
    }
}
