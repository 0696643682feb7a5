import CoraCSV

/// The data rows of a table prepared (``RowPreparation``) on a thread of their own, a few
/// thousand rows ahead of the caller, each with the findings it gave: the caller hands them to the
/// run's sink in order, so that `--max-errors` stops at the same row as on one thread.
final class PreparedRows {
    /// One record and what became of it.
    struct Row {
        var record: CSVRecord
        var outcome: RowPreparation.Outcome
        /// The findings of its mapping and row rules, already judged by the run's policy.
        var diagnostics: [Diagnostic]
    }

    private let ahead: ReadAhead<Row>

    /// Prepares the rest of `reader`'s records with `preparation`; `readsExcelCSV` takes the `'`
    /// off formulas as ``TableReading`` does. Findings are judged by `policy` and stamped with `input`.
    init(_ reader: CSVReader, preparation: RowPreparation, readsExcelCSV: Bool, policy: DiagnosticPolicy, input: String?) {
        reader.handsRecordsToOtherThreads = true
        var preparation = preparation
        // `--max-errors` is the caller's: it counts the findings as it takes them.
        var sink = DiagnosticSink(policy: DiagnosticPolicy(strict: policy.strict, ignored: policy.ignored))
        sink.input = input
        ahead = ReadAhead { weight in
            guard var record = try reader.next() else { return nil }
            // A row weighs about twice its record: the record, and the values mapped from it.
            weight += 2 * record.byteCount
            if readsExcelCSV { record = record.unprotectingForSpreadsheets() }
            let outcome = preparation.prepare(record, sink: &sink)
            return Row(record: record, outcome: outcome, diagnostics: sink.takeDiagnostics())
        }
    }

    /// The next row, or `nil` at the end.
    ///
    /// - Throws: what the reader threw, once every row before it was returned.
    func next() throws -> Row? { try ahead.next() }

    /// Stops preparing and waits for the thread; afterwards the reader may be touched again.
    func finish() { ahead.finish() }

    /// Stops as ``finish()`` does and returns the rows prepared and not taken, in order: the reader
    /// goes on after the last of them.
    func finishTakingRest() -> [Row] { ahead.finishTakingRest() }
}
