import CoraCSV

/// The reading of one table, record by record, whatever the records come from (a CSV file through
/// libcsv, a sheet of a workbook): rows skipped before the header, the header, then every row
/// through the mapping (map), the row rules (validate) and into the builder (build).
struct TableReading {
    let mapping: Mapping
    let file: String
    /// Rows to skip before the header.
    let skipRows: Int
    /// Whether the table is cora's `excel-csv`, whose `'` before formulas comes off.
    let readsExcelCSV: Bool
    /// The size of the whole input, to estimate how many rows come; `nil` when not known.
    let expectedBytes: Int?
    /// The most records read.
    let maxRecords: Int

    private(set) var rowsRead = 0
    private(set) var header: TableHeader?
    private(set) var unmapped: [CSVRecord] = []
    /// The record `--max-errors` stopped before: it and every record after it were not checked.
    private(set) var stoppedBefore: CSVRecord?
    /// Whether the table is a sheet of a workbook, whose records' lines are its rows' numbers.
    var isSheet = false
    /// Whether `--max-errors` stopped the reading.
    var stoppedAtLimit: Bool { stoppedBefore != nil }
    private var skipped = 0
    private var headerRead = false
    /// Whether the rows are prepared elsewhere (``handOverPreparation()``).
    private var handedOver = false
    /// The mapper and the row rules, once the header is read and the mapping fits it.
    private var preparation: RowPreparation?
    private var headerHintGiven = false
    private var sampledBytes = 0

    init(mapping: Mapping, file: String, skipRows: Int, readsExcelCSV: Bool, expectedBytes: Int?, maxRecords: Int) {
        self.mapping = mapping
        self.file = file
        self.skipRows = skipRows
        self.readsExcelCSV = readsExcelCSV
        self.expectedBytes = expectedBytes
        self.maxRecords = maxRecords
    }

    /// Takes one record; `false` when reading stops before it (`--max-errors` reached).
    mutating func take(_ input: CSVRecord, validator: Validator, builder: inout ModelBuilder, sink: inout DiagnosticSink) -> Bool {
        var record = input
        // cora's excel-csv: the ' it put before formulas comes off (FormulaProtection).
        if readsExcelCSV { record = record.unprotectingForSpreadsheets() }
        guard !stops(before: record, sink: &sink) else { return false }
        // 1. read: the header.
        // Once the rows are prepared elsewhere they come through take(_:builder:sink:); a record
        // handed in here then (no caller does) ends the reading instead of being mapped twice.
        guard !handedOver else { return false }
        guard headerRead else {
            if skipped < skipRows {
                skipped += 1
                return true
            }
            let tableHeader = TableHeader(record: record, file: file, sink: &sink)
            header = tableHeader
            let rowMapper = RowMapper(mapping: mapping, header: tableHeader, file: file, sink: &sink)
            builder.declareProperties(rowMapper.propertyNames)
            headerRead = true
            if !rowMapper.lacksRequiredColumn { preparation = RowPreparation(mapper: rowMapper, validator: validator) }
            return true
        }
        count(record, builder: &builder)
        guard preparation != nil else {
            take(unmapped: record, sink: &sink)
            return true
        }
        // 2. map, 4. validate the row; 3. build its process.
        var outcome = preparation!.prepare(record, sink: &sink)
        build(&outcome, builder: &builder, sink: &sink)
        return true
    }

    /// Once the header is read and the mapping fits it: what prepares the rows, handed to a thread
    /// of its own (``PreparedRows``), whose rows then come back through ``take(_:builder:sink:)``.
    /// `nil` before the header, and when the header lacks a column the mapping needs.
    mutating func handOverPreparation() -> RowPreparation? {
        guard let preparation else { return nil }
        handedOver = true
        self.preparation = nil
        return preparation
    }

    /// Takes a row prepared on another thread (after ``handOverPreparation()``) with its findings;
    /// `false` when reading stops before it (`--max-errors` reached).
    mutating func take(_ row: consuming PreparedRows.Row, builder: inout ModelBuilder, sink: inout DiagnosticSink) -> Bool {
        var prepared = row
        let record = prepared.record
        guard !stops(before: record, sink: &sink) else { return false }
        count(record, builder: &builder)
        sink.take(prepared.diagnostics)
        build(&prepared.outcome, builder: &builder, sink: &sink)
        return true
    }

    /// Whether `--max-errors` is reached before `record` (said once, by the sink): the reading
    /// stops there.
    private mutating func stops(before record: CSVRecord, sink: inout DiagnosticSink) -> Bool {
        guard sink.stopsBefore(line: record.line, record: record.number, of: file, inSheet: isSheet) else { return false }
        stoppedBefore = record
        return true
    }

    /// Counts a data row; after the first ``Pipeline/sampleRows`` rows, reserves room in the
    /// builder for the rows to come.
    private mutating func count(_ record: CSVRecord, builder: inout ModelBuilder) {
        rowsRead += 1
        guard rowsRead <= Pipeline.sampleRows, let expected = expectedBytes else { return }
        sampledBytes += record.byteCount + record.count + 1  // its fields, delimiters and line break
        guard rowsRead == Pipeline.sampleRows else { return }
        // The size of the whole input over that of the first rows: about how many rows come.
        let estimate = Double(expected) / Double(max(sampledBytes, 1)) * Double(Pipeline.sampleRows) * 1.05
        let rows = min(estimate, Double(maxRecords), Double(Pipeline.reservedRowsLimit))
        // The text of the rows goes into one arena: about as many bytes as the rows to come
        // have, the input's size at most (pages reserved and not written are not in memory).
        // Bounded by the rows as the rows are: `--max-rows` on a file larger than memory, or
        // a source whose size is only a hint (`Int.max`), would otherwise ask for more memory
        // than there is, or for more bytes than an `Int` holds.
        let bytes = min(Double(expected), Double(sampledBytes) / Double(Pipeline.sampleRows) * rows, Double(Pipeline.reservedBytesLimit)) * 1.05
        builder.reserveCapacity(forMoreRows: Int(rows) - rowsRead, textBytes: Int(bytes))
    }

    /// A row of a table whose header lacks a column the mapping needs: kept for the rejects file;
    /// one of the first that looks like the real header says so.
    private mutating func take(unmapped record: CSVRecord, sink: inout DiagnosticSink) {
        unmapped.append(record)
        if !headerHintGiven, unmapped.count <= 20, let hint = RowMapper.headerHint(for: record, mapping: mapping, file: file) {
            sink.report(hint)
            headerHintGiven = true
        }
    }

    /// 3. build: the process of a prepared row.
    private func build(_ outcome: inout RowPreparation.Outcome, builder: inout ModelBuilder, sink: inout DiagnosticSink) {
        guard let row = outcome.row.take() else { return }
        builder.add(row, rowHasErrors: outcome.hasErrors, sink: &sink)
    }

    /// Says what the table lacked once it was read whole (`fatal`: reading ended on malformed
    /// input): no rows at all, or a header without data. `what` names the table ("the file", "the
    /// sheet Processen"). A table whose reading `--max-errors` stopped was not read whole: its
    /// rows may come after the stop, so nothing is said.
    func reportEmpty(what: String, fatal: Bool, sink: inout DiagnosticSink) {
        guard !stoppedAtLimit else { return }
        if header == nil && !fatal {
            sink.report(Diagnostic(.emptyFile, "\(what) holds no rows, not even a header", file: file, line: 1))
        } else if let header, rowsRead == 0, !fatal {
            sink.report(Diagnostic(.noData, "\(what) has a header but no data rows", file: file, line: header.line))
        }
    }
}
