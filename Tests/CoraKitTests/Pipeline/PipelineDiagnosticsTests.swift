import CoraCSV
import CoraKit
import Testing

/// The pipeline end to end on small canonical inputs: one test per code of reading, mapping and
/// building, with the exact code, line and column expected.
@Suite("The pipeline's findings on canonical input")
struct PipelineDiagnosticsTests {
    @Test("unknown level: lists the accepted values and suggests the closest")
    func unknownLevel() throws {
        let result = try convert(canonicalCSV("a,,Verhuren,werkprocess,,,,,,,,,,,"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.map(summary) == ["unknown-level@2:4"])
        #expect(diagnostic.value == "werkprocess")
        #expect(diagnostic.column?.name == "level")
        #expect(diagnostic.hint?.hasPrefix("did you mean \"werkproces\"?") == true)
        #expect(diagnostic.hint?.contains("steering-scenario, process-chain, business-process, work-process, process-step") == true)
    }

    @Test("Dutch level and category words are understood")
    func dutchWords() throws {
        let result = try convert(canonicalCSV("a,,Verhuren eenheden,Bedrijfsproces,Primair,,,,,,,,,,",
                                              "b,,Verhuren eenheid,WP,primaire processen,a,,,,,,,,,"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.processes.map(\.level) == [.businessProcess, .workProcess])
        #expect(result.model.processes.map(\.category) == [.primary, .primary])
    }

    @Test("a bare S is an ambiguous category")
    func ambiguousCategory() throws {
        let result = try convert(canonicalCSV("a,,Bepalen visie,,S,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["unknown-category@2:5"])
        #expect(result.diagnostics.first?.message == "the category \"S\" is ambiguous")
    }

    @Test("an id ArchiMate tools refuse")
    func invalidID() throws {
        let result = try convert(canonicalCSV("bp 1/a,,Verhuren,,,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["invalid-id@2:1"])
        #expect(result.diagnostics.first?.hint == "for example \"bp-1-a\"")
    }

    @Test("an order that is not a whole number")
    func invalidOrder() throws {
        let result = try convert(canonicalCSV("a,,Verhuren,,,,1.5,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["invalid-order@2:7"])
    }

    @Test("a duplicate id names the first line; the second row is left out")
    func duplicateID() throws {
        let result = try convert(canonicalCSV("a,,Een,,,,,,,,,,,,", "b,,Twee,,,,,,,,,,,,", "a,,Drie,,,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["duplicate-id@4:1"])
        #expect(result.diagnostics.first?.message == "the id \"a\" is also used on line 2")
        #expect(result.model.processes.map(\.name) == ["Een", "Twee"])
    }

    @Test("a parent that matches nothing; its children are left out with it")
    func unknownParent() throws {
        let result = try convert(canonicalCSV("a,,Een,,,x,,,,,,,,,", "b,,Twee,,,a,,,,,,,,,", "c,,Drie,,,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["unknown-parent@2:6", "unknown-parent@3:6"])
        #expect(result.model.processes.map(\.id) == ["c"])
        #expect(result.rejectedRecords.map(\.line) == [2, 3])
    }

    @Test("a parent may be given by code or by name")
    func parentByCodeOrName() throws {
        let result = try convert(canonicalCSV("a,P1,Verhuren eenheden,,,,,,,,,,,,", "b,P1.1,Verhuren eenheid,,,P1,,,,,,,,,",
                                              "c,P1.2,Opleveren eenheid,,,verhuren  EENHEDEN,,,,,,,,,"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.processes.map(\.parent) == ["", "a", "a"])
    }

    @Test("a cycle of parents")
    func cycle() throws {
        let result = try convert(canonicalCSV("a,,Een,,,b,,,,,,,,,", "b,,Twee,,,a,,,,,,,,,", "c,,Drie,,,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["parent-cycle@2:6", "parent-cycle@3:6"])
        #expect(result.model.processes.map(\.id) == ["c"])
    }

    @Test("a next reference that matches nothing is a warning and kept")
    func unknownNext() throws {
        let result = try convert(canonicalCSV("a,,Een,,,,,,,,,,zz,,"))
        #expect(result.diagnostics.map(summary) == ["unknown-next@2:13"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.model.processes.first?.next == ["zz"])
    }

    @Test("extra cells with data are an error; missing cells a warning")
    func cellCounts() throws {
        let result = try convert(canonicalHeader + "\n" + "a,,Een,,,,,,,,,,,,,,oeps\n" + "b,,Twee\n" + "c,,Drie,,,,,,,,,,,,,,\n")
        #expect(result.diagnostics.map(summary) == ["extra-cells@2:17", "missing-cells@3:4"])
        #expect(result.diagnostics[0].value == "oeps")
        #expect(result.model.processes.map(\.id) == ["b", "c"])
    }

    @Test("a duplicate header is an error; the second column is kept as a property")
    func duplicateHeader() throws {
        let result = try convert(canonicalHeader + ",name\n" + "a,,Een,,,,,,,,,,,,,Eén\n")
        #expect(result.diagnostics.map(summary) == ["duplicate-header@1:16"])
        #expect(result.model.processes.first?.name == "Een")
        #expect(result.model.processes.first?.properties == [Property(name: "name (2)", value: "Eén")])
    }

    @Test("a blank header over data is a warning; the column is kept as a property")
    func blankHeader() throws {
        let result = try convert(canonicalHeader + ",\n" + "a,,Een,,,,,,,,,,,,,x\n")
        #expect(result.diagnostics.map(summary) == ["blank-header@1:16"])
        #expect(result.model.processes.first?.properties == [Property(name: "column 16", value: "x")])
    }

    @Test("a row of only delimiters is skipped with a warning")
    func emptyRow() throws {
        let result = try convert(canonicalCSV(",,,,,,,,,,,,,,", "a,,Een,,,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["empty-row@2"])
        #expect(result.model.processes.count == 1)
    }

    @Test("a file without rows, and a header without data")
    func emptyInputs() throws {
        #expect(try convert("").diagnostics.map(summary) == ["empty-file@1"])
        #expect(try convert("\n\n").diagnostics.map(summary) == ["empty-file@1"])
        #expect(try convert(canonicalHeader + "\n").diagnostics.map(summary) == ["no-data@1"])
    }

    @Test("a missing required column stops the mapping; every row is rejected, not dropped; the finding names the mapping's line")
    func missingColumn() throws {
        let result = try convert("id,names\na,Een\nb,Twee\n")
        #expect(result.diagnostics.map(summary) == ["missing-column@21"])
        #expect(result.diagnostics.first?.file == "builtin:canonical")
        #expect(result.diagnostics.first?.message == "test.csv has no column \"name\" for the field name (header on line 1)")
        #expect(result.diagnostics.first?.hint == "did you mean \"names\"?")
        #expect(result.model.processes.isEmpty)
        #expect(result.rejectedRecords.map(\.line) == [2, 3])
    }

    @Test("reader problems arrive as diagnostics with the file and line")
    func readerProblems() throws {
        let unclosed = try convert(canonicalCSV("a,,Een,,,,,,,,,,,,", "b,,\"Twee,,,,,,,,,,,,"), file: "x.csv")
        #expect(unclosed.diagnostics.map(summary) == ["unclosed-quote@3"])
        #expect(unclosed.diagnostics.first?.file == "x.csv")
        #expect(unclosed.model.processes.map(\.id) == ["a"])
        #expect(unclosed.stoppedEarly)
        let nul = try convert(canonicalCSV("a,,Een,,,,,,,,,,,,", "b,,Tw\u{0}ee,,,,,,,,,,,,"))
        #expect(nul.diagnostics.map(summary) == ["nul-byte@3"])
        let large = try convert(canonicalCSV("a,,\(String(repeating: "x", count: 300)),,,,,,,,,,,,"),
                                options: CSVReadOptions(maxFieldBytes: 100))
        #expect(large.diagnostics.map(summary) == ["field-too-large@2"])
    }

    @Test("rows with errors can be kept with keepInvalid")
    func keepInvalid() throws {
        let result = try convert(canonicalCSV("a,,,,,,,,,,,,,,"), keepInvalid: true)
        #expect(result.diagnostics.map(summary) == ["missing-name@2:3"])
        #expect(result.model.processes.map(\.id) == ["a"])
        #expect(result.rejectedRecords.isEmpty)
    }

    @Test("missing ids are derived from the code, or the name, and stay unique")
    func derivedIDs() throws {
        // The code used twice is a duplicate-code error; kept with keepInvalid, its id is still unique.
        let result = try convert(canonicalCSV(",P 1.2,Een,,,,,,,,,,,,", ",,Beëindigen huurcontract,,,,,,,,,,,,",
                                              ",1.3,Drie,,,,,,,,,,,,", ",P 1.2,Vier,,,,,,,,,,,,"), keepInvalid: true)
        #expect(result.model.processes.map(\.id) == ["P-1.2", "beeindigen-huurcontract", "p-1.3", "P-1.2-2"])
        #expect(result.diagnostics.map(summary) == ["duplicate-code@5:2"])
        let again = try convert(canonicalCSV(",P 1.2,Een,,,,,,,,,,,,", ",,Beëindigen huurcontract,,,,,,,,,,,,",
                                             ",1.3,Drie,,,,,,,,,,,,", ",P 1.2,Vier,,,,,,,,,,,,"), keepInvalid: true)
        #expect(again.model.processes.map(\.id) == result.model.processes.map(\.id))
    }

    @Test("a table handed to an Archi pipeline, or an Archi set to a table pipeline, is an error, never a crash")
    func mismatchedReadsThrow() throws {
        var archi = Pipeline(.archiSet)
        #expect(throws: ByteSourceError(reason: "a table cannot be read as an Archi set")) {
            try archi.read(table: MemoryByteSource(text: "id\n"), file: "in.csv")
        }
        var table = Pipeline(.table(try MappingCatalog.builtin.mapping(named: "canonical")))
        #expect(throws: ByteSourceError(reason: "an Archi set cannot be read through a mapping")) {
            try table.read(archiSet: [])
        }
    }
}
