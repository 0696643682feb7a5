import CoraCSV
import CoraKit
import Testing

/// ``MissingNameRule``: a process without a name, from a table row and from an Archi element.
@Suite("missing-name: a process without a name")
struct MissingNameRuleTests {
    @Test("missing name: error on the row, in the name column; the row is left out")
    func missingName() throws {
        let result = try convert(canonicalCSV("a,,,,,,,,,,,,,,", "b,,Verhuren eenheid,,,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["missing-name@2:3"])
        #expect(result.diagnostics.first?.message == "the process has no name")
        #expect(result.model.processes.map(\.id) == ["b"])
        #expect(result.rejectedRecords.map(\.line) == [2])
    }

    @Test("a name of only spaces counts as missing")
    func blankName() throws {
        let result = try convert(canonicalCSV("a,,   ,,,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["missing-name@2:3"])
    }

    @Test("an Archi element without a name: the same finding at its Name column; its children go with it")
    func archiElement() throws {
        let result = try importArchiSet(
            elements: ArchiImportTests.elements(["a", "BusinessProcess", ""], ["b", "BusinessProcess", "Verhuren eenheid"]),
            relations: ArchiImportTests.relations(["r1", "AggregationRelationship", "a", "b"]))
        #expect(result.diagnostics.map(summary) == ["missing-name@2:3", "unknown-parent@3"])
        #expect(result.model.processes.isEmpty)
    }

    @Test("the rule alone: a finding for an empty or blank name, none for a name")
    func rule() {
        func row(_ name: String) -> MappedRow {
            MappedRow(values: [.name: name], lists: [:], properties: [], location: SourceLocation(file: "t.csv", line: 2, record: 2),
                      record: CSVRecord.locationOnly(line: 2, number: 2), columns: [:])
        }
        #expect(MissingNameRule().check(row(""), level: nil) == RuleFinding("the process has no name"))
        #expect(MissingNameRule().check(row(" \t"), level: nil) != nil)
        #expect(MissingNameRule().check(row("Verhuren eenheid"), level: .workProcess) == nil)
    }
}
