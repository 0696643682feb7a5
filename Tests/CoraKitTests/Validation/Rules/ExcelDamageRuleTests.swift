import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``ExcelDamageRule``: each case on a small canonical input with the exact code, line and column
/// expected, and the inputs that must pass.
@Suite("excel-damage: values Excel mangled")
struct ExcelDamageRuleTests {
    @Test("excel-damage: a long code in scientific notation is an error; the row is left out",
          arguments: ["1,23E+18", "1.23E+18", "4,5e+10", "7E+15"])
    func scientificNotation(code: String) throws {
        let result = try convert(canonicalCSV(canonicalRow("a", code: code, "Verhuren eenheden"),
                                              canonicalRow("b", code: "P1.2.3", "Opleveren eenheid")))
        #expect(result.diagnostics.map(summary) == ["excel-damage@2:2"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.value == code)
        #expect(diagnostic.column?.name == "code")
        #expect(diagnostic.hint?.contains("format the column as text") == true)
        #expect(result.model.processes.map(\.id) == ["b"])
        #expect(result.rejectedRecords.map(\.line) == [2])
    }

    @Test("excel-damage: a =\"0123\" formula wrapper, straight or curly quotes; the hint gives the value")
    func formulaWrapper() throws {
        let result = try convert(canonicalCSV(canonicalRow("a", code: "=\"0123\"", "Verhuren eenheden"),
                                              canonicalRow("b", "Opleveren eenheid", owner: "=\u{201C}0456\u{201D}")))
        #expect(result.diagnostics.map(summary) == ["excel-damage@2:2", "excel-damage@3:8"])
        #expect(result.diagnostics.map(\.value) == ["=\"0123\"", "=\u{201C}0456\u{201D}"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        #expect(result.diagnostics[0].hint?.hasPrefix("the value is probably \"0123\"") == true)
        #expect(result.diagnostics[1].hint?.hasPrefix("the value is probably \"0456\"") == true)
        #expect(result.model.processes.isEmpty)
    }

    @Test("excel-damage: error values in any field or list item, English and Dutch, and #####",
          arguments: [("#N/A", "applications", 12), ("#REF!", "owner", 8), ("#VALUE!", "description", 15),
                      ("#NAME?", "status", 14), ("#DIV/0!", "function", 9), ("#NULL!", "code", 2), ("#NUM!", "owner", 8),
                      ("#####", "status", 14), ("#WAARDE!", "description", 15), ("#n/b", "applications", 12)])
    func errorValues(value: String, field: String, column: Int) throws {
        let values = Dictionary(uniqueKeysWithValues: [(field, value)])
        let text = canonicalCSV(
            canonicalRow("a", code: values["code"] ?? "", "Verhuren eenheden", owner: values["owner"] ?? "",
                     function: values["function"] ?? "", applications: (values["applications"]).map { "Empire|\($0)" } ?? "",
                     status: values["status"] ?? "", description: values["description"] ?? ""),
            canonicalRow("b", "Opleveren eenheid"))
        let result = try convert(text)
        #expect(result.diagnostics.map(summary) == ["excel-damage@2:\(column)"])
        #expect(result.diagnostics.first?.value == value)
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.model.processes.map(\.id) == ["b"])
    }

    @Test("excel-damage: a dotted code that Dutch Excel turned into a date")
    func dateFromCode() throws {
        let result = try convert(canonicalCSV(canonicalRow("a", code: "1-feb", "Verhuren eenheden"),
                                              canonicalRow("b", code: "3-dec", "Opleveren eenheid")))
        #expect(result.diagnostics.map(summary) == ["excel-damage@2:2", "excel-damage@3:2"])
        #expect(result.diagnostics[0].hint?.hasPrefix("probably \"1.2\"") == true)
        #expect(result.diagnostics[1].hint?.hasPrefix("probably \"3.12\"") == true)
    }

    @Test("no excel-damage: ordinary numbers, codes, ids and text")
    func noExcelDamage() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("a", code: "1234", "Verhuren eenheden", status: "1,5", description: "Kosten 4,5E+10 euro? Nee: 1.234 euro"),
            canonicalRow("b", code: "P1.2.3", "Opleveren eenheid", parent: "a", owner: "#1 in de regio"),
            canonicalRow("c", code: "VHU-03", "Bepalen visie", description: "=formule in de tekst"),
            canonicalRow("d", code: "2E3", "Opstellen jaarrekening", status: "12-2024"),
            canonicalRow("id-27464", code: "0123", "Uitvoeren control", owner: "#")))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.processes.count == 5)
    }
}
