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
