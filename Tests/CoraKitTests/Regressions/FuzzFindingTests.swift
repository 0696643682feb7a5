import CoraCSV
import CoraKit
import Foundation
import Testing

/// Every finding of the fuzzer (Fuzz/FINDINGS.md), cut down to the input that shows it, plus the
/// hangs found while building the bad-input corpus. Each test names its finding.
@Suite("fuzz findings: regressions")
struct FuzzFindingTests {
    /// Canonical CSV → model → canonical CSV must give the same bytes.
    func expectCanonicalRoundTrip(_ model: ProcessModel, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let first = CanonicalCSVRenderer().render(model)
        let again = try convert(String(decoding: first, as: UTF8.self))
        #expect(again.errorCount == 0, "\(again.diagnostics)", sourceLocation: sourceLocation)
        #expect(CanonicalCSVRenderer().render(again.model) == first,
                "\(String(decoding: first, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// A mapping from YAML text.
    func mapping(_ yaml: String) throws -> Mapping {
        try MappingParser.parse(yaml, file: "test.yaml")
    }

    // MARK: F1 (fuzz): mapping init wrote YAML that does not parse

    @Test("F1: `mapping init` on headers with control characters, line breaks and Unicode line separators writes YAML that parses")
    func draftWithControlCharacters() throws {
        // Windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D: they decode to C1 controls.
        let headers = ["Procesnaam", "Gebruikt in bedrijf\u{81}\u{9D}(sen)", "Eigen\naar\nfields: evil", "Sta\u{2028}tus", "Toe\u{85}lichting",
                       "Code\u{7}", "\u{FEFF}Nr"]
        let csv = headers.map { "\"\($0)\"" }.joined(separator: ";") + "\nVerhuren eenheid;a;b;c;d;e;f\n"
        let reader = try CSVReader(source: MemoryByteSource(text: csv))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        let draft = MappingDraft(file: "export\nname: evil.csv", name: "export", records: records)
        let parsed = try MappingParser.parse(draft.yaml, file: "draft.yaml")
        #expect(parsed.name == "export")
        #expect(!draft.yaml.contains("\nfields: evil"), "a header in a comment cannot start a line of YAML")
        #expect(!draft.yaml.contains("\nname: evil"))
        // Every column named in the mapping is one of the headers (as headers are matched).
        let keys = Set(headers.map(TextNormalization.headerKey))
        let named = Set(parsed.fields.values.flatMap(\.columns) + parsed.detectHeaders)
        #expect(!named.isEmpty)
        for header in named { #expect(keys.contains(TextNormalization.headerKey(header)), "\(header.debugDescription) is not a header") }
    }

    // MARK: F2 (fuzz): a value holding `|` came back from the canonical CSV as two

    @Test("F2: a list value holding | (split on , by the mapping) is split on | too, so the canonical CSV round-trips")
    func listValueWithPipe() throws {
        let mapping = try mapping("name: m\nfields:\n  name: Naam\n  applications:\n    column: Systemen\n    split: [\",\"]\n")
        let result = try Pipeline.convert(MemoryByteSource(text: "Naam;Systemen\nVerhuren eenheid;TOPdesk, Power BI|Excel|||\n"), file: "t.csv", mapping: mapping)
        #expect(result.model.processes.first?.applications == ["TOPdesk", "Power BI", "Excel"])
        try expectCanonicalRoundTrip(result.model)
    }

    // MARK: F3 (fuzz): an unmapped column named like a canonical column

    @Test("F3: an unmapped column named parent (or Status, or two inputs' Afdeling and afdeling) is written as `parent (2)`, so the canonical CSV round-trips")
    func propertyNamedLikeACanonicalColumn() throws {
        let mapping = try mapping("name: m\nfields:\n  id: id\n  name: name\n  parent: {columns: [bovenliggend], default: \"\"}\n")
        var run = Pipeline(.table(mapping))
        try run.read(table: MemoryByteSource(text: "id,name,parent,Status,Afdeling\na,Verhuren eenheid,x,Concept,Wonen\n"), file: "one.csv")
        try run.read(table: MemoryByteSource(text: "id,name,afdeling\nb,Opzeggen huur,Verhuur\n"), file: "two.csv")
        let result = run.finish()
        #expect(result.model.propertyNames == ["parent", "Status", "Afdeling", "afdeling"])
        let header = CanonicalCSVRenderer().header(for: result.model)
        #expect(Array(header.suffix(4)) == ["parent (2)", "Status (2)", "Afdeling", "afdeling (2)"])
        try expectCanonicalRoundTrip(result.model)
        // The model keeps the names as they were; only the CSV header is made unique.
        #expect(result.model.processes[0].property("parent") == "x")
    }

    // MARK: F4 (fuzz): a per-level layout made a process without a name

    @Test("F4: a per-level row whose coarser level is blank with nothing above to carry hangs under the level above, not under a nameless process")
    func levelColumnsWithAGap() throws {
        let mapping = try MappingCatalog.builtin.mapping(named: "niveaus")
        let csv = """
            Categorie;Niveau 1;Niveau 2;Niveau 3
            Primair;Verhuren eenheden;;
            ;;;Controleren dossier
            ;;Verhuren eenheid;
            ;;;Opstellen huurovereenkomst

            """
        let result = try Pipeline.convert(MemoryByteSource(text: csv), file: "t.csv", mapping: mapping)
        #expect(!result.model.processes.contains { $0.name.isEmpty }, "\(result.model.processes.map(\.name))")
        // The step without a work process is under the business process: invalid nesting, rejected.
        let nesting = result.diagnostics.filter { $0.code == .invalidNesting }
        #expect(nesting.map(\.line) == [3], "\(result.diagnostics)")
        #expect(result.model.processes.map(\.name) == ["Verhuren eenheden", "Verhuren eenheid", "Opstellen huurovereenkomst"])
        try expectCanonicalRoundTrip(result.model)
    }

    // MARK: F5 (fuzz): a property name full of `;` made the canonical CSV read back as `;`-separated

    @Test("F5: a property named with ; | or tab in a short file: the header is quoted, so the canonical CSV reads back with ,", arguments: [0, 1])
    func propertyNameWithOtherDelimiters(rows: Int) throws {
        let name = "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces;Proceseigenaar;Bedrijfsfunctie;Levert dienst;Applicaties;Omschrijving;BP;S;;;;;"
        let names = [name, "a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q", "x\ty"]
        let processes = (0..<rows).map { _ in
            CoraProcess(id: "a", name: "Verhuren eenheid", properties: names.map { Property(name: $0, value: "v;w;x;y;z;1;2;3;4;5;6;7;8;9;10;11;12") })
        }
        let model = ProcessModel(processes: processes, propertyNames: names)
        let bytes = CanonicalCSVRenderer().render(model)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("\"id\",\"code\","))
        let again = try convert(String(decoding: bytes, as: UTF8.self))
        #expect(again.model.propertyNames == names)
        #expect(CanonicalCSVRenderer().render(again.model) == bytes)
        // The Excel CSV (;) quotes its header when a name holds , | or tab, and reads back too.
        let excel = CanonicalCSVRenderer(options: .excel).render(model)
        let fromExcel = try convert(String(decoding: excel, as: UTF8.self))
        #expect(fromExcel.model.propertyNames == names)
        // Without such names the header is not quoted.
        let plain = CanonicalCSVRenderer().render(ProcessModel(processes: [], propertyNames: ["Afdeling"]))
        #expect(String(decoding: plain, as: UTF8.self) == canonicalHeader2 + ",Afdeling\n")
    }

    // MARK: F6 (fuzz): a property name with spaces around it (from an Archi set)

    @Test("F6: property names with spaces around them, or blank, are written as the reader names them, so the canonical CSV round-trips")
    func propertyNameWithSpaces() throws {
        let names = ["Afdeling? ", " Afdeling?", "  ", "Laatst herzien"]
        let model = ProcessModel(
            processes: [CoraProcess(id: "a", name: "Verhuren eenheid", properties: names.enumerated().map { Property(name: $1, value: "v\($0)") })],
            propertyNames: names)
        let header = CanonicalCSVRenderer().header(for: model)
        #expect(Array(header.suffix(4)) == ["Afdeling?", "Afdeling? (2)", "column 22", "Laatst herzien"])
        try expectCanonicalRoundTrip(model)
        let again = try convert(String(decoding: CanonicalCSVRenderer().render(model), as: UTF8.self))
        #expect(again.model.processes.first?.properties.map(\.value) == ["v0", "v1", "v2", "v3"])
    }

    // MARK: F7 (fuzz): a reference by name or code to a row whose first namesake was rejected

    // Issue 14 changed the answer: a code that two rows of one file have is a duplicate-code error,
    // and a reference that fits two rows is reported as ambiguous, never settled for one of them
    // (whether the other was rejected for something else or not, so that the answer does not
    // depend on --keep-invalid). A name or code that one row has is still found as before.
    @Test("F7: a next or parent that names a process by name or code that a rejected row has too is ambiguous, not guessed")
    func referenceSkipsRejectedNamesake() throws {
        let result = try convert(canonicalCSV(
            "x,B1,Verantwoorden bedrijfsvoering,business-process,steering,,,,,,,,,,\"Ã«\"",   // rejected: mojibake
            "a,B1,Verantwoorden bedrijfsvoering,business-process,steering,,,,,,,,,,",
            "b,B2,Opstellen jaarrekening,business-process,steering,,,,,,,,Verantwoorden bedrijfsvoering,,",
            "c,W1,Controleren jaarrekening,work-process,steering,B1,,,Control,,,,,,"))
        #expect(result.model.processes.map(\.id) == ["b"], "\(result.diagnostics)")
        #expect(result.model.processes[0].next == ["Verantwoorden bedrijfsvoering"])
        #expect(result.diagnostics.filter { $0.code != .mojibake }.map { "\($0.code)@\($0.line ?? 0): \($0.message)" } == [
            "duplicate-code@3: the code \"B1\" is also used on line 2",
            "ambiguous-next@4: the next process \"Verantwoorden bedrijfsvoering\" matches more than one process (by name): lines 2 and 3; kept as written",
            "ambiguous-parent@5: the parent \"B1\" matches more than one process (by code): lines 2 and 3",
        ])
        try expectCanonicalRoundTrip(result.model)
    }

    // MARK: Found with the bad inputs: hangs on large files

    @Test("H1: 10,000 properties render in a blink (the renderer searched each process's properties per column: 10,000² per row)")
    func manyProperties() throws {
        let names = (1...10_000).map { "kolom \($0)" }
        let model = ProcessModel(
            processes: [CoraProcess(id: "a", name: "Verhuren eenheid", properties: names.map { Property(name: $0, value: "v") })],
            propertyNames: names)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = CanonicalCSVRenderer().render(model) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test("H2: 10,000 equal headers are named x (2) … x (10000) in a blink (each name was searched from 2 up)")
    func manyEqualHeaders() throws {
        let csv = (["name"] + Array(repeating: "x", count: 9_999)).joined(separator: ",") + "\n"
        let reader = try CSVReader(source: MemoryByteSource(text: csv))
        let record = try #require(try reader.next())
        var sink = DiagnosticSink()
        let clock = ContinuousClock()
        var header: TableHeader?
        let elapsed = clock.measure { header = TableHeader(record: record, file: "t.csv", sink: &sink) }
        #expect(header?.columnNames.last == "x (9999)")
        #expect(sink.diagnostics.count == 9_998)
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test("H3: a 5,000-row parent chain written bottom up whose top is rejected: every row rejected, in a blink (one pass per level before)")
    func longChainRejectedFromTheTop() throws {
        let count = 5_000
        let rows = (1...count).map { "p\($0),,Stap \($0),,,\($0 == count ? "missing" : "p\($0 + 1)"),,,,,,,,," }
        let clock = ContinuousClock()
        var result: ConversionResult?
        let elapsed = try clock.measure { result = try convert(canonicalHeader + "\n" + rows.joined(separator: "\n") + "\n") }
        #expect(result?.model.processes.isEmpty == true)
        #expect(result?.rejectedRecords.count == count)
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    @Test("H4: a 5,000-deep chain stops at the depth limit, and Markdown and DOT of what is left take a blink (Markdown walked every chain to the top)")
    func deepChainRenders() throws {
        let rows = (1...5_000).map { "p\($0),,Stap \($0),,,\($0 == 1 ? "" : "p\($0 - 1)"),,,,,,,,," }
        let result = try convert(canonicalHeader + "\n" + rows.joined(separator: "\n") + "\n")
        #expect(result.model.processes.count == ConversionSettings.defaultMaxDepth)
        #expect(result.diagnostics.filter { $0.code == .nestingTooDeep }.count == 5_000 - ConversionSettings.defaultMaxDepth)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = MarkdownRenderer().render(result.model, diagnostics: result.diagnostics)
            _ = try DOTRenderer().render(result.model, view: .full)
        }
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    @Test("H5, decided again in issue 14: UTF-8 mixed with Windows-1252 in the first 64 KiB is read all as Windows-1252 (one encoding per file), so that the UTF-8 parts show as the mojibake they would be in a Windows-1252 file")
    func mixedEncodingInThePrefix() throws {
        let bytes = Array("id,name\na,Beëindigen huur\n".utf8) + Array("b,Be".utf8) + [0xEB] + Array("indigen contract\n".utf8)
        let reader = try CSVReader(source: MemoryByteSource(bytes))
        var names: [String] = []
        while let record = try reader.next() { names.append(record.fields[1]) }
        #expect(names == ["name", "BeÃ«indigen huur", "Beëindigen contract"])
        #expect(reader.warnings.map(\.kind) == [.encodingFallback])
        #expect(reader.warnings.map(\.line) == [3])
        #expect(reader.dialect.encoding == .windows1252)
        #expect(reader.dialect.encodingSource == .fallback)
    }

    // MARK: Found in the Archi code (K1-K5 in Fuzz/FINDINGS.md), fixed

    @Test("K1: a `next` that names no process goes out as a `Volgend proces` property and comes back, with a warning")
    func archiKeepsDanglingNext() throws {
        let result = try convert(canonicalCSV("a,,Verhuren eenheid,,,,,,,,,,b|gone,,", "b,,Opstellen contract,,,,,,,,,,,,"))
        #expect(result.model.processes.first?.next == ["b", "gone"])
        let export = ArchiExportRenderer().render(result.model)
        let properties = String(decoding: export.properties, as: UTF8.self)
        #expect(properties.contains("\"a\",\"Volgend proces\",\"gone\""))
        #expect(!properties.contains("\"Volgend proces\",\"b\""))  // b is in the model: a relation
        let back = try importArchiExport(export)
        #expect(back.model.processes.first?.next == ["b", "gone"])
        #expect(back.diagnostics.map(summary) == ["unknown-next@\(back.diagnostics.first?.line ?? 0):3"])
        #expect(back.diagnostics.first?.value == "gone")
    }

    @Test("K3: a process property named like a field key (status) is exported as `Eigenschap: status` and read back as the property")
    func archiPropertyKeyCollision() throws {
        let model = ProcessModel(
            processes: [CoraProcess(id: "a", name: "Verhuren eenheid", level: .businessProcess, status: "Vastgesteld",
                                    properties: [Property(name: "status", value: "Oud"), Property(name: "Eigenschap: x", value: "1")])],
            propertyNames: ["status", "Eigenschap: x"])
        let export = ArchiExportRenderer().render(model)
        let lines = String(decoding: export.properties, as: UTF8.self).split(separator: "\r\n").map(String.init)
        #expect(lines == [
            "\"ID\",\"Key\",\"Value\"", "\"a\",\"CORA-concepttype\",\"Bedrijfsproces\"", "\"a\",\"Status\",\"Vastgesteld\"",
            "\"a\",\"Eigenschap: status\",\"Oud\"", "\"a\",\"Eigenschap: Eigenschap: x\",\"1\"",
        ])
        let back = try importArchiExport(export)
        #expect(back.model.processes.first?.status == "Vastgesteld")
        #expect(back.model.processes.first?.properties == [Property(name: "status", value: "Oud"), Property(name: "Eigenschap: x", value: "1")])
    }

    @Test("K4: a process without a level goes out with an empty CORA-concepttype and comes back without one, nesting and all")
    func archiProcessWithoutLevel() throws {
        let model = ProcessModel(processes: [
            CoraProcess(id: "a", name: "Verhuren eenheid"),
            CoraProcess(id: "b", name: "Opstellen contract", level: .processStep, parent: "a"),
        ])
        let export = ArchiExportRenderer().render(model)
        #expect(String(decoding: export.properties, as: UTF8.self).contains("\"a\",\"CORA-concepttype\",\"\"\r\n"))
        let back = try importArchiExport(export)
        #expect(back.errorCount == 0, "\(back.diagnostics)")
        #expect(back.model.processes.map(\.level) == [nil, .processStep])
        #expect(back.model.processes.map(\.parent) == ["", "a"])
    }

    @Test("K5: the Archi import rejects a process without a name (missing-name), as a table row is")
    func archiProcessWithoutName() throws {
        let result = try importArchiSet(
            elements: "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n\"p1\",\"BusinessProcess\",\"\",\"\",\"\"\r\n\"p2\",\"BusinessProcess\",\"Verhuren eenheid\",\"\",\"\"")
        #expect(result.diagnostics.map(summary) == ["missing-name@2:3"])
        #expect(result.model.processes.map(\.id) == ["p2"])
        #expect(result.rejectedRecords.map(\.line) == [2])
    }

    @Test("K2: the Archi import runs the cell rules: mojibake in a field or a property is an error there too")
    func archiImportRunsCellRules() throws {
        let model = ProcessModel(processes: [
            CoraProcess(id: "a", name: "Beëindigen huurcontract", level: .businessProcess, description: "doorgeÃ«xploiteerd"),
            CoraProcess(id: "b", name: "Opzeggen huur", level: .businessProcess, properties: [Property(name: "Notitie", value: "geÃ¯nd")]),
            CoraProcess(id: "c", name: "Verhuren eenheden", level: .businessProcess),
        ])
        let back = try importArchiExport(ArchiExportRenderer().render(model))
        #expect(back.diagnostics.map(\.code) == [.mojibake, .mojibake])
        #expect(back.model.processes.map(\.id) == ["c"])
    }
}
