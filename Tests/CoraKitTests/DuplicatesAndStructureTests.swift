import CoraCSV
import CoraKit
import Testing

/// Issue 14, points 1 and 4: a code or name used twice is never settled in silence, and a lost
/// hierarchy (a missing parent column, a work process at the top) is a finding a user cannot miss.
@Suite("Duplicates and structure (issue 14)")
struct DuplicatesAndStructureTests {
    /// `code@line:column: message` of each diagnostic.
    static func lines(_ result: ConversionResult) -> [String] {
        result.diagnostics.map { "\(summary($0)): \($0.message)" }
    }

    static let excelHeader = "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces;Volgend proces\n"

    // MARK: Point 1: duplicate codes

    @Test("a code used twice in one file: duplicate-code on the later row, naming the first's line; a parent naming it is ambiguous")
    func duplicateCode() throws {
        let result = try convert(Self.excelHeader + """
            PR-03;Verhuren eenheden;Bedrijfsproces;Primair;;
            PR-03.1;Toewijzen woning;Werkproces;;PR-03;PR-03.2
            PR-03.2;Opstellen huurcontract;Werkproces;;PR-03;
            PR-03.2;Innen waarborgsom;Werkproces;;PR-03;
            PR-03.2.1;Controleren gegevens;Processtap;;PR-03.2;

            """, mapping: "excel-nl", file: "inventaris.csv")
        #expect(Self.lines(result) == [
            "ambiguous-next@3:6: the next process \"PR-03.2\" matches more than one process (by code): lines 4 and 5; kept as written",
            "duplicate-code@5:1: the code \"PR-03.2\" is also used on line 4",
            "ambiguous-parent@6:5: the parent \"PR-03.2\" matches more than one process (by code): lines 4 and 5",
        ])
        let duplicate = try #require(result.diagnostics.first { $0.code == .duplicateCode })
        #expect(duplicate.severity == .error && duplicate.file == "inventaris.csv" && duplicate.value == "PR-03.2")
        #expect(duplicate.hint == "a code names one process: give this row its own code (line 4 keeps it)")
        #expect(result.diagnostics.first { $0.code == .ambiguousNext }?.severity == .warning)
        // The later row and the row that named the code are left out; the first keeps it.
        #expect(result.model.processes.map(\.name) == ["Verhuren eenheden", "Toewijzen woning", "Opstellen huurcontract"])
        #expect(result.model.processes[1].next == ["PR-03.2"])
        #expect(result.rejectedRecords.map(\.line) == [5, 6])
    }

    @Test("a dotted code used twice (dotted numbering): the same finding; the children of the code are ambiguous, not hung under the first")
    func duplicateDottedCode() throws {
        let text = "code,name,level\n4,Verhuren eenheden,business-process\n4.1,Toewijzen woning,work-process\n4.1,Opzeggen huur,work-process\n4.1.1,Controleren gegevens,process-step\n"
        let mapping = try MappingParser.parse("""
            name: dotted
            fields: {code: code, name: name, level: level}
            hierarchy: {from: dotted-codes}
            """, file: "dotted.yaml")
        let result = try Pipeline.convert(MemoryByteSource(text: text), file: "nummers.csv", mapping: mapping)
        #expect(Self.lines(result) == [
            "duplicate-code@4:1: the code \"4.1\" is also used on line 3",
            "ambiguous-parent@5: the parent \"4.1\" matches more than one process (by code): lines 3 and 4",
        ])
        #expect(result.model.processes.map(\.code) == ["4", "4.1"])
    }

    @Test("a code twice with keep-invalid: both rows stay, and a reference to the code is still reported, not guessed")
    func duplicateCodeKept() throws {
        let result = try convert(Self.excelHeader + """
            PR-03;Verhuren eenheden;Bedrijfsproces;Primair;;
            PR-03.2;Opstellen huurcontract;Werkproces;;PR-03;
            PR-03.2;Innen waarborgsom;Werkproces;;PR-03;
            PR-03.2.1;Controleren gegevens;Processtap;;PR-03.2;

            """, mapping: "excel-nl", keepInvalid: true)
        // The step stays at the top, but its row named a parent: ambiguous-parent says it, not missing-parent.
        #expect(result.diagnostics.map(summary) == ["duplicate-code@4:1", "ambiguous-parent@5:5"])
        #expect(result.model.processes.map(\.id) == ["PR-03", "PR-03.2", "PR-03.2-2", "PR-03.2.1"])
        #expect(result.model.processes[3].parent == "")
    }

    @Test("an id given twice with the same code is one finding (duplicate-id), not two")
    func duplicateIDAndCode() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", code: "P1", "Verhuren eenheden", level: "business-process"),
            canonicalRow("bp", code: "P1", "Verhuren eenheden", level: "business-process")))
        #expect(result.diagnostics.map(summary) == ["duplicate-id@3:1"])
    }

    @Test("the same code in two files read together is no duplicate: each file's references find their own")
    func sameCodeInTwoFiles() throws {
        var pipeline = Pipeline(.table(try MappingCatalog.builtin.mapping(named: "excel-nl")))
        try pipeline.read(table: MemoryByteSource(text: Self.excelHeader + "P1;Verhuren eenheden;Bedrijfsproces;Primair;;\nP1.1;Toewijzen woning;Werkproces;;P1;\n"), file: "a.csv")
        try pipeline.read(table: MemoryByteSource(text: Self.excelHeader + "P1;Beheren vastgoed;Bedrijfsproces;Primair;;\nP1.1;Plannen onderhoud;Werkproces;;P1;\n"), file: "b.csv")
        let result = pipeline.finish()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.processes.map(\.parent) == ["", "P1", "", "P1-2"])
    }

    // MARK: Point 1: names used twice where references match by name

    @Test("a parent matched by name that two rows have: ambiguous-parent naming both lines")
    func duplicateNameByName() throws {
        let result = try convert("""
            Werkproces,Gebruikt in bedrijfsproces(sen),Type
            Verhuren eenheden,,Bedrijfsproces
            Verhuren eenheden,,Bedrijfsproces
            Toewijzen woning,Verhuren eenheden,

            """, mapping: "cora-wiki", file: "wiki.csv")
        #expect(Self.lines(result) == [
            "ambiguous-parent@4:2: the parent \"Verhuren eenheden\" matches more than one process (by name): lines 2 and 3",
        ])
        #expect(result.diagnostics[0].hint == "name the parent by its code or id, or give the processes different names")
        #expect(result.model.processes.count == 2)
    }

    @Test("an any lookup that falls through to names: a next naming a name two rows have is ambiguous-next; one row of it is found")
    func duplicateNameByAny() throws {
        let result = try convert(canonicalCSV(
            "a,,Verhuren eenheden,business-process,,,,,,,,,,,",
            "b,,Verhuren eenheden,business-process,,,,,,,,,,,",
            "c,,Beheren vastgoed,business-process,,,,,,,,,Verhuren eenheden,,",
            "d,,Opstellen jaarrekening,business-process,,,,,,,,,Beheren vastgoed,,"))
        #expect(Self.lines(result) == [
            "ambiguous-next@4:13: the next process \"Verhuren eenheden\" matches more than one process (by name): lines 2 and 3; kept as written",
        ])
        #expect(result.model.processes.map(\.next) == [[], [], ["Verhuren eenheden"], ["c"]])
    }

    // MARK: Point 1: per-level layouts repeat their parents' cells

    @Test("a per-level layout whose code column repeats the business process's code: no duplicate-code")
    func perLevelRepeatedCode() throws {
        let result = try convert("""
            Code;Niveau 1;Niveau 2;Bedrijfsfunctie
            P1;Verhuren eenheden;;
            P1;Verhuren eenheden;Toewijzen woning;Verhuur
            P1;Verhuren eenheden;Opzeggen huur;Verhuur

            """, mapping: "niveaus")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.processes.count == 3)
    }

    // MARK: Point 1: batch --merge

    @Test("merging: the same process (code and name) in two files is one process with a merged-duplicate warning; its children follow")
    func mergedDuplicate() throws {
        let a = try convert(Self.excelHeader + "PR-03;Verhuren eenheden;Bedrijfsproces;Primair;;\nPR-03.1;Toewijzen woning;Werkproces;;PR-03;\n",
                            mapping: "excel-nl", file: "a.csv")
        let b = try convert(Self.excelHeader + "PR-03;Verhuren eenheden;Bedrijfsproces;Primair;;\nPR-03.2;Opzeggen huur;Werkproces;;PR-03;PR-03.1\n",
                            mapping: "excel-nl", file: "b.csv")
        let merged = BatchMerger().merge([BatchMerger.Part(result: a, idsGiven: false), BatchMerger.Part(result: b, idsGiven: false)])
        #expect(merged.diagnostics.map { "\($0.code)@\($0.file):\($0.line ?? 0): \($0.message)" } == [
            "merged-duplicate@b.csv:2: the process \"Verhuren eenheden\" (code \"PR-03\") is also in a.csv, line 2; the merged model has it once",
        ])
        #expect(merged.diagnostics[0].severity == .warning)
        #expect(merged.model.processes.map(\.name) == ["Verhuren eenheden", "Toewijzen woning", "Opzeggen huur"])
        #expect(merged.model.processes.map(\.parent) == ["", "PR-03", "PR-03"])
        #expect(merged.model.processes.map { $0.source?.file ?? "" } == ["a.csv", "a.csv", "b.csv"])
        #expect(merged.rejected.isEmpty)
        // Another name under the same code stays conflicting-code: two processes.
        let other = try convert(Self.excelHeader + "PR-03;Beheren vastgoed;Bedrijfsproces;Primair;;\n", mapping: "excel-nl", file: "c.csv")
        let conflict = BatchMerger().merge([BatchMerger.Part(result: a, idsGiven: false), BatchMerger.Part(result: other, idsGiven: false)])
        #expect(conflict.diagnostics.map(\.code) == [.conflictingCode])
        #expect(conflict.model.processes.count == 3)
    }

    // MARK: Point 4: missing columns

    @Test("the parent column the mapping names is missing: a missing-column error, with the column meant when it looks misspelled")
    func missingParentColumn() throws {
        let misspelled = try convert("Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend procs\nP1;Verhuren eenheden;Bedrijfsproces;Primair;\nP1.1;Toewijzen woning;Werkproces;;P1\n",
                                     mapping: "excel-nl", file: "inventaris.csv")
        let error = try #require(misspelled.diagnostics.first)
        #expect(misspelled.diagnostics.count == 1)
        #expect("\(error.code)@\(error.file):\(error.line ?? 0) \(error.severity)" == "missing-column@builtin:excel-nl:75 error")
        #expect(error.message == "inventaris.csv has no column \"Bovenliggend proces\" or \"Bovenliggende procescode\" or \"Hoofdproces\" or \"Onderdeel van\" or \"Valt onder\" for the field parent (header on line 1)")
        #expect(error.hint == "did you mean \"Bovenliggend procs\"?")
        #expect(misspelled.model.processes.isEmpty)

        let absent = try convert("Procescode;Procesnaam;Soort;Procesgroep\nP1;Verhuren eenheden;Bedrijfsproces;Primair\n", mapping: "excel-nl",
                                 file: "inventaris.csv")
        #expect(absent.diagnostics.map { "\($0.code) \($0.severity)" } == ["missing-column error"])
        #expect(absent.diagnostics.first?.hint == "the header has: Procescode, Procesnaam, Soort, Procesgroep")
    }

    @Test("a level column of a per-level layout that is misspelled: an error with the column meant; one missing at the end is a file that stops there")
    func misspelledLevelColumn() throws {
        let misspelled = try convert("Niveau 1;Niveau 2;Niveua 3\nVerhuren eenheden;;\n;Toewijzen woning;\n;;Controleren gegevens\n",
                                     mapping: "niveaus", file: "niveaus.csv")
        #expect(misspelled.diagnostics.map { "\($0.code)@\($0.file):\($0.line ?? 0) \($0.severity): \($0.message)" } == [
            "missing-column@builtin:niveaus:53 error: niveaus.csv has no column \"Niveau 3\" or \"Processtap\" for a level of the hierarchy (header on line 1)",
        ])
        #expect(misspelled.diagnostics.first?.hint == "did you mean \"Niveua 3\"?")
        let stops = try convert("Niveau 1;Niveau 2;Bedrijfsfunctie\nVerhuren eenheden;;\n;Toewijzen woning;Verhuur\n", mapping: "niveaus")
        #expect(stops.diagnostics.isEmpty, "\(stops.diagnostics)")
        #expect(stops.model.processes.count == 2)
    }

    // MARK: Point 4: work processes and steps at the top

    @Test("a work process or step at the top: a missing-parent warning each, with file and line; a business process at the top is fine")
    func missingParent() throws {
        let result = try convert(canonicalCSV(
            canonicalRow("bp", "Verhuren eenheden", level: "business-process"),
            canonicalRow("wp", "Toewijzen woning", level: "work-process"),
            canonicalRow("st", "Controleren gegevens", level: "process-step"),
            canonicalRow("wp2", "Opzeggen huur", level: "work-process", parent: "bp"),
            canonicalRow("x", "Iets zonder niveau")), file: "plat.csv")
        #expect(result.diagnostics.map { "\($0.code)@\($0.file):\($0.line ?? 0):\($0.column?.index ?? 0) \($0.severity): \($0.message)" } == [
            "missing-parent@plat.csv:3:6 warning: the werkproces \"Toewijzen woning\" has no parent: it stands at the top of the model",
            "missing-parent@plat.csv:4:6 warning: the processtap \"Controleren gegevens\" has no parent: it stands at the top of the model",
        ])
        #expect(result.diagnostics.first?.hint == "a werkproces is part of a bedrijfsproces; fill in its parent")
        #expect(result.model.processes.count == 5)
    }
}
