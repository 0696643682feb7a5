import CoraCSV
import CoraKit
import Testing

/// `--max-errors N` stops reading a file after N errors found while reading it: each file of a run
/// counts its own, and a file the limit stopped is not reported empty.
@Suite("--max-errors counts per file")
struct MaxErrorsPerFileTests {
    /// Errors on lines 3 and 5 (an unknown level each), then two good rows.
    static let table = """
        Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces
        P1;Verhuren eenheden;Bedrijfsproces;Primair;
        P2;Intake;Wolk;Primair;P1
        P3;Bezichtiging;Werkproces;Primair;P1
        P4;Contract;Wolk;Primair;P1
        P5;Sleutels;Werkproces;Primair;P1
        P6;Oplevering;Werkproces;Primair;P1

        """

    static func run(_ files: [String], maxErrors: Int, readsAhead: Bool) throws -> ConversionResult {
        var settings = ConversionSettings(policy: DiagnosticPolicy(maxErrors: maxErrors))
        settings.readsAhead = readsAhead
        var pipeline = Pipeline(.table(try MappingCatalog.builtin.mapping(named: "excel-nl")), settings: settings)
        for file in files { try pipeline.read(table: MemoryByteSource(text: table), file: file) }
        return pipeline.finish()
    }

    @Test("two files with the same errors stop at the same line", arguments: [false, true])
    func twoFiles(readsAhead: Bool) throws {
        let result = try Self.run(["a.csv", "b.csv"], maxErrors: 2, readsAhead: readsAhead)
        let stops = result.diagnostics.filter { $0.code == .maxErrorsReached }
        #expect(stops.map { "\($0.file):\($0.line ?? 0)" } == ["a.csv:6", "b.csv:6"])
        #expect(stops.map(\.message) == Array(repeating: "stopped after 2 errors (--max-errors 2); line 6 and the rest of the file were not checked", count: 2))
        #expect(!result.diagnostics.contains { $0.code == .emptyFile || $0.code == .noData })
        #expect(result.inputs.map(\.rowsRead) == [4, 4])
        #expect(result.inputs.map(\.stoppedEarly) == [true, true])
    }

    @Test("one error: \"1 error\", and a stop before the first data row does not call the file empty")
    func stopBeforeData() throws {
        // Dutch headers read with the canonical mapping: no name column, an error of the header;
        // the stop then comes before the first data row.
        let text = "Procescode;Procesnaam;Soort;Procesgroep\nP1;Verhuren;Bedrijfsproces;Primair\n"
        var pipeline = Pipeline(.table(try MappingCatalog.builtin.mapping(named: "canonical")),
                                settings: ConversionSettings(policy: DiagnosticPolicy(maxErrors: 1)))
        try pipeline.read(table: MemoryByteSource(text: text), file: "inv.csv")
        let result = pipeline.finish()
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains(.missingColumn))
        #expect(codes.contains(.maxErrorsReached))
        #expect(!codes.contains(.noData) && !codes.contains(.emptyFile))
        #expect(result.diagnostics.first { $0.code == .maxErrorsReached }?.message
                == "stopped after 1 error (--max-errors 1); line 2 and the rest of the file were not checked")
    }
}

/// After a `--max-errors` stop the rest of the file is not checked, but not lost: its rows follow
/// the rejected ones (for the rejects file) and its lines count as not read, and what the reader
/// found there is not reported.
@Suite("--max-errors: the rows after the stop")
struct MaxErrorsRestTests {
    static func run(_ text: [UInt8], maxErrors: Int, readsAhead: Bool, keeps: Bool = true) throws -> ConversionResult {
        var settings = ConversionSettings(policy: DiagnosticPolicy(maxErrors: maxErrors))
        settings.readsAhead = readsAhead
        settings.keepsRejectedRecords = keeps
        return try Pipeline.convert(MemoryByteSource(text), file: "inv.csv", mapping: try MappingCatalog.builtin.mapping(named: "excel-nl"),
                                    settings: settings)
    }

    @Test("the small table: lines 6 and 7 follow the rejected rows, 2 lines not read, not incomplete", arguments: [false, true])
    func small(readsAhead: Bool) throws {
        let result = try Self.run(Array(MaxErrorsPerFileTests.table.utf8), maxErrors: 2, readsAhead: readsAhead)
        // The rejects file writes them in the order of their lines.
        let rejected = result.rejectedRecords.sorted { $0.line < $1.line }
        #expect(rejected.map(\.line) == [3, 5, 6, 7])
        #expect(rejected.last?.fields == ["P6", "Oplevering", "Werkproces", "Primair", "P1"])
        #expect(result.inputs.first?.unread == UnreadRest(line: 6, lineCount: 2, bytes: []))
        #expect(result.unreadLines == 2)
        #expect(!result.isIncomplete)
        #expect(result.model.processes.map(\.code) == ["P1", "P3"])
        let counted = try Self.run(Array(MaxErrorsPerFileTests.table.utf8), maxErrors: 2, readsAhead: readsAhead, keeps: false)
        #expect(counted.rejectedRecords.map(\.line).sorted() == [3, 5])
        #expect(counted.inputs.first?.unread?.lineCount == 2)
    }

    /// 30,000 rows, errors on the first rows: the stop comes while thousands of rows are prepared
    /// ahead; every one of them is among the rejected rows, once, in order.
    @Test("30,000 rows stopped at the third error: every row in the model or the rejected rows", arguments: [false, true])
    func large(readsAhead: Bool) throws {
        var text = "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces\n"
        for number in 1...30_000 {
            text += "P\(number);Proces \(number);\(number % 10 == 3 ? "Wolk" : "Bedrijfsproces");Primair;\n"
        }
        let result = try Self.run(Array(text.utf8), maxErrors: 3, readsAhead: readsAhead)
        let stop = try #require(result.diagnostics.first { $0.code == .maxErrorsReached })
        #expect(stop.line == 25)  // errors on lines 4, 14 and 24 (P3, P13, P23)
        #expect(result.model.processes.count == 20)
        let lines = result.rejectedRecords.map(\.line).sorted()
        #expect(lines.count == 3 + 30_001 - 24)
        #expect(lines == [4, 14, 24] + Array(25...30_001), "rejected lines \(lines.count)")
        #expect(result.inputs.first?.unread?.lineCount == 30_001 - 25 + 1)
        #expect(result.inputs.first?.rowsRead == 23)
    }

    /// A byte that is not UTF-8 far after the stop: the reader falls back to Windows-1252 there,
    /// but that part was not checked, so nothing is said of it (it was said on some runs before,
    /// depending on how far the reading thread had got).
    @Test("what the reader finds after the stop is not reported; malformed input there neither, its bytes kept", arguments: [false, true])
    func findingsAfterTheStop(readsAhead: Bool) throws {
        var bytes = Array("Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces\nP1;Een;Wolk;Primair;\n".utf8)
        for number in 2...9_000 { bytes += Array("P\(number);Proces \(number);Bedrijfsproces;Primair;\n".utf8) }
        bytes += Array("P9001;Verh".utf8) + [0xE9] + Array("ren;Bedrijfsproces;Primair;\n".utf8)
        let result = try Self.run(bytes, maxErrors: 1, readsAhead: readsAhead)
        #expect(result.diagnostics.map(\.code) == [.unknownLevel, .maxErrorsReached])
        #expect(result.rejectedRecords.count == 9_001)
        #expect(result.inputs.first?.unread?.lineCount == 9_000)

        let broken = Array("Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces\nP1;Een;Wolk;Primair;\nP2;Twee;Bedrijfsproces;Primair;\nP3;\"nooit dicht;x;y;\n".utf8)
        let stopped = try Self.run(broken, maxErrors: 1, readsAhead: readsAhead)
        #expect(stopped.diagnostics.map(\.code) == [.unknownLevel, .maxErrorsReached])
        #expect(stopped.rejectedRecords.map(\.line).sorted() == [2, 3])
        #expect(stopped.inputs.first?.unread == UnreadRest(line: 3, lineCount: 2, bytes: Array("P3;\"nooit dicht;x;y;\n".utf8)))
        #expect(!stopped.isIncomplete)
    }
}
