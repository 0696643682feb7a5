import CoraCSV
import CoraXLSX

/// The conversion of one run's inputs into one model, stage by stage. Every input goes through the
/// same stages, whatever it is:
///
/// 1. **read**: a table with ``CSVReader`` (libcsv; encoding, delimiter and line numbers), an Archi
///    set with ``ArchiCSVReader``;
/// 2. **map**: a table row through its ``Mapping`` by a ``RowMapper`` into a ``MappedRow``; the
///    elements and relations of an Archi set by ``ArchiImport``;
/// 3. **build**: ``ModelBuilder`` makes the processes, their ids, parents, levels and categories;
/// 4. **validate**: the ``Validator`` runs the ``ValidationRules``, the row rules on each row as it
///    is mapped, the model rules once the hierarchy is settled; what has errors is left out with its
///    descendants;
/// 5. **render**: the caller writes the ``ConversionResult`` in any of the ``OutputFormats``.
///
/// Every finding of every stage goes to one ``DiagnosticSink``, which applies the policy.
///
/// ```swift
/// var pipeline = Pipeline(.table(try MappingCatalog.builtin.mapping(named: "canonical")))
/// try pipeline.read(table: MemoryByteSource(text: csv), file: "inventaris.csv")
/// let result = pipeline.finish()
/// print(result.model.processes.count, result.diagnostics.count)
/// ```
public struct Pipeline {
    /// What a run reads.
    public enum Source: Sendable {
        /// Tables, each through the mapping.
        case table(Mapping)
        /// Archi CSV sets.
        case archiSet
    }

    /// What the run reads.
    public let source: Source
    /// How it reads and what it keeps.
    public let settings: ConversionSettings
    private let validator: Validator
    private var sink: DiagnosticSink
    private var builder: ModelBuilder
    private var inputs: [InputSummary] = []
    /// The files in the order they were read (or noted missing): the order of the diagnostics.
    private var files: [String] = []
    /// Rows rejected before they reached the builder, with their files.
    private var rejectedEarly: [(file: String, record: CSVRecord)] = []
    /// Archi: every data row by location (for rows rejected once the model is built), and what the
    /// sets keep besides their processes.
    private var archiRecords: [SourceLocation: CSVRecord] = [:]
    private var archiRetained: [ArchiImport.Retained] = []
    /// The sheet read of each workbook input: its findings name the sheet and cell.
    private var sheets: [String: String] = [:]

    /// A run over `source` with `settings`, checked by `validator`.
    public init(_ source: Source, settings: ConversionSettings = ConversionSettings(), validator: Validator = Validator()) {
        self.source = source
        self.settings = settings
        self.validator = validator
        self.sink = DiagnosticSink(policy: settings.policy)
        var builderSettings: ModelBuilder.Settings
        switch source {
        case .table(let mapping): builderSettings = ModelBuilder.Settings(mapping: mapping)
        case .archiSet: builderSettings = ArchiImport.builderSettings(keepInvalid: settings.keepInvalid)
        }
        builderSettings.keepInvalid = settings.keepInvalid
        builderSettings.keepsRecords = settings.keepsRejectedRecords
        self.builder = ModelBuilder(settings: builderSettings)
    }

    /// Converts one table with `mapping`; `file` names it in diagnostics. Only a source that
    /// cannot be read throws.
    public static func convert(_ table: some ByteSource, file: String, mapping: Mapping,
                               settings: ConversionSettings = ConversionSettings()) throws(ByteSourceError) -> ConversionResult {
        var pipeline = Pipeline(.table(mapping), settings: settings)
        try pipeline.read(table: table, file: file)
        return pipeline.finish()
    }

    // MARK: 1-4: tables

    /// Reads one table: the header, then every row through the mapping (map), the row rules
    /// (validate) and into the builder (build). Problems in the data become diagnostics; only a
    /// source that cannot be read throws.
    public mutating func read(table source: some ByteSource, file: String) throws(ByteSourceError) {
        // Every caller reads what the source says; a mismatch is said, never a crash.
        guard case .table(let mapping) = self.source else { throw ByteSourceError(reason: "a table cannot be read as an Archi set") }
        start(file)
        var options = settings.readOptions
        if options.delimiter == nil { options.delimiter = mapping.dialect.delimiter }
        if options.encoding == nil { options.encoding = mapping.dialect.encoding }
        let skipRows = settings.skipRows ?? mapping.dialect.skipRows
        let reader = try CSVReader(source: source, options: options)
        let readsExcelCSV = mapping.readsExcelCSV(delimiter: reader.dialect.delimiter)
        if settings.readsAhead { reader.handsRecordsToOtherThreads = true }
        var table = TableReading(mapping: mapping, file: file, skipRows: skipRows, readsExcelCSV: readsExcelCSV,
                                 expectedBytes: source.expectedByteCount,  // asked once: for a file, a system call
                                 maxRecords: options.maxRecords)
        // With `readsAhead`, the rows after the header are read, mapped and checked on a thread of
        // their own while this one builds (``PreparedRows``); the findings are the same.
        var prepared: PreparedRows?
        defer { prepared?.finish() }
        var fatal: CSVIssue?
        do {
            while let record = try reader.next() {
                guard table.take(record, validator: validator, builder: &builder, sink: &sink) else { break }
                if settings.readsAhead, let preparation = table.handOverPreparation() {
                    let rows = PreparedRows(reader, preparation: preparation, readsExcelCSV: readsExcelCSV,
                                            policy: sink.policy, input: sink.input)
                    prepared = rows
                    while let row = try rows.next() {
                        guard table.take(consume row, builder: &builder, sink: &sink) else { break }
                    }
                    break
                }
            }
        } catch let issue as CSVIssue {
            fatal = issue
        } catch let error as ByteSourceError {
            throw error
        } catch {
            throw ByteSourceError(reason: "\(error)")
        }
        let rest = try table.stoppedBefore.map { stop throws(ByteSourceError) in
            try uncheckedRest(from: stop, of: reader, after: prepared?.finishTakingRest() ?? [], readsExcelCSV: readsExcelCSV)
        }
        let unchecked = rest?.records ?? []

        prepared?.finish()  // the reader's warnings and line count are settled once its thread ended
        // After a `--max-errors` stop the reader went on to the end, but what it found there was
        // not checked: only its findings before the stop are said.
        for warning in reader.warnings where table.stoppedBefore.map({ warning.line < $0.line }) ?? true {
            sink.report(Diagnostic(warning, file: file))
        }
        // What the problem left unread is counted, and kept for the rejects file: every line of the
        // input is then in the model, among the rejected rows, or in that rest.
        var unread = fatal == nil && rest?.isMalformed != true ? nil : try reader.unreadRest(keepingBytes: settings.keepsRejectedRecords)
        if let fatal { sink.report(Diagnostic(fatal, file: file, unread: unread)) }
        if let stop = table.stoppedBefore {
            // From the record `--max-errors` stopped before to the end (or to what malformed input
            // after it left unread, whose bytes follow the records in the rejects file).
            let end = unread.map { $0.line + $0.lineCount } ?? reader.linesRead + 1
            unread = UnreadRest(line: stop.line, lineCount: max(0, end - stop.line), bytes: unread?.bytes ?? [])
        }
        table.reportEmpty(what: "the file", fatal: fatal != nil, sink: &sink)
        rejectedEarly += (table.unmapped + unchecked).map { (file, $0) }
        var summary = InputSummary(
            file: file, dialect: reader.dialect, header: table.header, rowsRead: table.rowsRead, linesRead: reader.linesRead,
            stoppedEarly: fatal != nil || table.stoppedAtLimit, unread: unread, unmappedRecords: table.unmapped, readAsExcelCSV: readsExcelCSV)
        summary.stoppedAtErrorLimit = table.stoppedAtLimit
        summary.uncheckedRows = unchecked.count
        inputs.append(summary)
    }

    /// After a `--max-errors` stop before `stop`: the rest of the table is not checked, but not lost
    /// either. Its records (`stop`, the rows prepared ahead, then what `reader` has left) follow the
    /// rejected rows in the rejects file when they are kept; malformed input in it is not reported
    /// (not checked), and what it left unread follows them as bytes (`isMalformed`).
    private func uncheckedRest(from stop: CSVRecord, of reader: CSVReader, after preparedAhead: [PreparedRows.Row],
                               readsExcelCSV: Bool) throws(ByteSourceError) -> (records: [CSVRecord], isMalformed: Bool) {
        // Read to the end all the same: its lines are counted.
        let keeps = settings.keepsRejectedRecords
        var records = keeps ? [stop] + preparedAhead.map(\.record) : []
        do {
            while var record = try reader.next() {
                guard keeps else { continue }
                if readsExcelCSV { record = record.unprotectingForSpreadsheets() }
                records.append(record)
            }
        } catch is CSVIssue {
            return (records, true)
        } catch let error as ByteSourceError {
            throw error
        } catch {
            throw ByteSourceError(reason: "\(error)")
        }
        return (records, false)
    }

    // MARK: 1-4: sheets of workbooks

    /// A row of a sheet as a record: its cells' text, the empty cells a sheet leaves off at the end
    /// of a row (they are empty, not missing) up to `width`, the row's number as its line.
    private static func record(of row: SheetRow, number: Int, width: Int?) -> CSVRecord {
        var fields = row.cells.map { $0?.text ?? "" }
        if let width, fields.count < width { fields += repeatElement("", count: width - fields.count) }
        return CSVRecord(fields: fields, line: row.number, number: number)
    }

    /// Reads the sheet that `selector` names (its name or number; when `nil`, the first sheet the
    /// mapping fits, else the first that looks like a table) of the workbook in `bytes` as a table, as ``read(table:file:)`` reads a CSV file: each
    /// row with a value is a record whose line is the row's number, so that every finding names the
    /// sheet and the cell (`inventaris.xlsx:Processen!C14`). A workbook that cannot be read (not
    /// one, password-protected, broken, over the ``WorkbookLimits``) or lacks the sheet is an
    /// error of the input, as malformed CSV is. Returns the sheet read and how many the workbook has.
    @discardableResult
    public mutating func read(workbook bytes: [UInt8], file: String, sheet selector: String? = nil,
                              limits: WorkbookLimits = WorkbookLimits()) -> (sheet: WorkbookSheet, sheetCount: Int)? {
        do throws(WorkbookError) {
            let workbook = try Workbook(bytes: bytes, limits: limits)
            var mapping: Mapping?
            if case .table(let tableMapping) = source { mapping = tableMapping }
            let sheet = try WorkbookInput.sheet(selector, of: workbook, fitting: mapping,
                                                skipRows: settings.skipRows ?? mapping?.dialect.skipRows ?? 0)
            try read(sheet: sheet, of: workbook, file: file)
            return (sheet, workbook.sheets.count)
        } catch {
            if files.last != file { start(file) }
            sink.report(WorkbookInput.diagnostic(error, file: file))
            if inputs.last?.file != file {
                var summary = InputSummary(file: file, dialect: CSVDialect(), header: nil, rowsRead: 0, linesRead: 0, stoppedEarly: true,
                                           unread: nil, unmappedRecords: [])
                summary.isWorkbook = true
                summary.readFailed = true
                inputs.append(summary)
            }
            return nil
        }
    }

    /// Reads `sheet` of `workbook` (see ``read(workbook:file:sheet:limits:)``); a part that turns
    /// out broken or too large midway throws, after the rows before it were read.
    private mutating func read(sheet: WorkbookSheet, of workbook: Workbook, file: String) throws(WorkbookError) {
        guard case .table(let mapping) = self.source else {
            throw WorkbookError(.notAWorkbook, "a workbook is read through a mapping, not as an Archi set")
        }
        start(file)
        sheets[file] = sheet.name
        var rows = try workbook.rows(of: sheet)
        let skipRows = settings.skipRows ?? mapping.dialect.skipRows
        var table = TableReading(mapping: mapping, file: file, skipRows: skipRows, readsExcelCSV: false, expectedBytes: nil,
                                 maxRecords: settings.readOptions.maxRecords)
        table.isSheet = true
        var number = 0
        var lastRow = 0
        var failure: WorkbookError?
        var overLimit = false
        do throws(WorkbookError) {
            while let row = try rows.next() {
                number += 1
                lastRow = row.number
                if row.cells.count > settings.readOptions.maxFieldsPerRecord {
                    overLimit = true
                    sink.report(Diagnostic(.tooManyFields, "the row has \(row.cells.count) cells, more than \(settings.readOptions.maxFieldsPerRecord) (--max-fields); the rest of the sheet was not read",
                                           file: file, line: row.number, record: number))
                    break
                }
                if number > settings.readOptions.maxRecords {
                    overLimit = true
                    sink.report(Diagnostic(.tooManyRows, "the sheet has more than \(settings.readOptions.maxRecords) rows (--max-rows); the rest was not read",
                                           file: file, line: row.number, record: number))
                    break
                }
                guard table.take(Self.record(of: row, number: number, width: table.header?.count), validator: validator,
                                 builder: &builder, sink: &sink) else { break }
            }
        } catch {
            failure = error
        }
        // After a `--max-errors` stop the rest of the sheet is not checked, but not lost either: as
        // in a table, its rows follow the rejected rows in the rejects file and count as not read.
        // What goes wrong in it (a row over the limits, a broken part) is not checked either: the
        // rows before it are kept, and the reading ends there.
        var unchecked: [CSVRecord] = []
        if let stop = table.stoppedBefore, failure == nil {
            let keeps = settings.keepsRejectedRecords
            if keeps { unchecked.append(stop) }
            do throws(WorkbookError) {
                while let row = try rows.next() {
                    guard number < settings.readOptions.maxRecords, row.cells.count <= settings.readOptions.maxFieldsPerRecord else { break }
                    number += 1
                    lastRow = row.number
                    if keeps { unchecked.append(Self.record(of: row, number: number, width: table.header?.count)) }
                }
            } catch {}
        }
        for warning in rows.warnings {
            sink.report(Diagnostic(.workbookCell, warning.message, file: file, line: warning.row, record: nil,
                                   column: Diagnostic.Column(name: table.header.flatMap { $0.columnNames.indices.contains(warning.column - 1) ? $0.columnNames[warning.column - 1] : nil }
                                                                 ?? ColumnName.letters(warning.column),
                                                             index: warning.column)))
        }
        if let failure { sink.report(WorkbookInput.diagnostic(failure, file: file)) }
        table.reportEmpty(what: "the sheet \(sheet.name)", fatal: failure != nil, sink: &sink)
        rejectedEarly += (table.unmapped + unchecked).map { (file, $0) }
        let unread = table.stoppedBefore.map { UnreadRest(line: $0.line, lineCount: max(0, lastRow + 1 - $0.line), bytes: []) }
        var summary = InputSummary(file: file, dialect: CSVDialect(), header: table.header, rowsRead: table.rowsRead, linesRead: lastRow,
                                   stoppedEarly: failure != nil || overLimit || table.stoppedAtLimit, unread: unread, unmappedRecords: table.unmapped)
        summary.stoppedAtErrorLimit = table.stoppedAtLimit
        summary.uncheckedRows = unchecked.count
        summary.isWorkbook = true
        summary.readFailed = failure != nil || overLimit
        summary.sheet = sheet.name
        inputs.append(summary)
    }

    /// The rows whose size estimates how many rows a large input has.
    static let sampleRows = 1024

    /// The most rows, and bytes of their text, reserved up front from that estimate; beyond them
    /// the model's arrays grow as rows come. An estimate from short first rows of a large file
    /// (or a sparse one) with `--max-rows` raised could otherwise ask for more memory at once than
    /// the machine has, and end the run on the spot. The default `--max-rows` is below both.
    static let reservedRowsLimit = 1 << 24
    static let reservedBytesLimit = 1 << 31

    // MARK: 1-3: Archi sets

    /// One file of an Archi set, or a file the set lacks (`source` `nil`).
    public struct ArchiFile {
        /// The file's table.
        public var table: ArchiTable
        /// Its path, as diagnostics name it.
        public var file: String
        /// Its bytes; `nil` when the set has no such file.
        public var source: (any ByteSource)?
        /// Whether the file is an ArchiMate exchange document (the whole model in one file) rather
        /// than a table of a CSV set.
        public var isExchange = false

        /// Creates a file of a set.
        public init(table: ArchiTable, file: String, source: (any ByteSource)?) {
            self.table = table
            self.file = file
            self.source = source
        }

        /// An ArchiMate exchange document at `file`.
        public init(exchange file: String, source: any ByteSource) {
            self.table = .elements
            self.file = file
            self.source = source
            self.isExchange = true
        }

        /// Closes the opened files among `files`.
        public static func close(_ files: [ArchiFile]) {
            for file in files { (file.source as? any OpenedFile)?.close() }
        }
    }

    /// Reads one Archi set (read), and maps its processes into the builder (map); their processes
    /// come after those of the sets read before. Only a source that cannot be read throws.
    public mutating func read(archiSet setFiles: [ArchiFile]) throws(ByteSourceError) {
        guard case .archiSet = source else { throw ByteSourceError(reason: "an Archi set cannot be read through a mapping") }
        if let document = setFiles.first(where: \.isExchange), let bytes = document.source {
            try read(exchange: bytes, file: document.file)
            return
        }
        var reader = ArchiCSVReader(options: settings.readOptions)
        for setFile in setFiles {
            start(setFile.file)
            guard let byteSource = setFile.source else {
                reader.noteMissing(setFile.table, file: setFile.file, sink: &sink)
                continue
            }
            try reader.read(setFile.table, from: byteSource, file: setFile.file, sink: &sink)
        }
        let reading = reader.finish(sink: &sink)
        inputs += reading.inputs
        rejectedEarly += zip(reading.rejectedFiles, reading.rejectedRecords).map { ($0, $1) }
        archiRecords.merge(reading.records) { first, _ in first }
        archiRetained.append(ArchiImport().add(reading.model, to: &builder, sink: &sink))
        // A set without processes converts to nothing: said, with what the set holds instead (not
        // when the reading stopped early: the processes may be in what was not read).
        if !reading.inputs.contains(where: \.stoppedEarly), let elements = setFiles.first(where: { $0.table == .elements }),
           let finding = ArchiImport.noProcessesFinding(reading.model, elementsFile: elements.file, elementsRead: elements.source != nil) {
            sink.report(finding)
        }
    }

    /// Reads one ArchiMate exchange document (read) with ``ExchangeReader``, and maps its processes
    /// into the builder (map) as those of an Archi set; what only the exchange format has (views,
    /// organizations, …) is kept for writing it back. Only a source that cannot be read throws.
    public mutating func read(exchange source: some ByteSource, file: String) throws(ByteSourceError) {
        guard case .archiSet = self.source else { throw ByteSourceError(reason: "an exchange document cannot be read through a mapping") }
        start(file)
        let reader = ExchangeReader(limits: settings.exchangeLimits)
        let bytes = try reader.bytes(of: source)
        // The rejected elements and relationships are written as rows of these columns.
        var quiet = DiagnosticSink()
        let header = TableHeader(record: CSVRecord(fields: ExchangeArchiRows.rejectsHeader), file: file, sink: &quiet)
        var summary = InputSummary(file: file, dialect: CSVDialect(), header: header, rowsRead: 0, linesRead: 0, stoppedEarly: false,
                                   unread: nil, unmappedRecords: [])
        summary.isExchangeDocument = true
        guard let document = reader.read(bytes: bytes, file: file, sink: &sink) else {
            // Nothing of the document was read: the run is incomplete (exit status 2), as when
            // malformed input stops a table, unless there was nothing to read.
            let lines = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } + (bytes.last == 0x0A || bytes.isEmpty ? 0 : 1)
            let blank = bytes.allSatisfy { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            summary.linesRead = lines
            summary.stoppedEarly = !blank
            summary.unread = blank ? nil : UnreadRest(line: 1, lineCount: lines, bytes: [])
            inputs.append(summary)
            return
        }
        let rows = ExchangeArchiRows(document, file: file)
        summary.rowsRead = document.elements.count + document.relationships.count
        summary.linesRead = (document.elements + document.relationships).compactMap(\.line).max() ?? 0
        inputs.append(summary)
        archiRecords.merge(rows.records) { first, _ in first }
        var retained = ArchiImport().add(rows.model, to: &builder, sink: &sink)
        retained.content.exchange = rows.kept
        archiRetained.append(retained)
        if let finding = ArchiImport.noProcessesFinding(rows.model, elementsFile: file, elementsRead: true) {
            sink.report(finding)
        }
    }

    // MARK: 3-4: what spans rows

    /// Builds the model from every input read and checks what spans rows and files. Call it once:
    /// the rows move into the result.
    public mutating func finish() -> ConversionResult {
        sink.input = nil
        // 3. build: ids, parents, cycles, levels and categories from the hierarchy.
        builder.resolve(sink: &sink)
        // 4. validate: the row rules of the elements (once their level is known), the model rules.
        builder.checkElements(with: validator, sink: &sink)
        validator.check(&builder, scope: .run, maxDepth: settings.maxDepth, sink: &sink)
        let built = builder.finish(sink: &sink)

        var model = built.model
        var rejected = rejectedEarly
        for retained in archiRetained {
            let content = retained.content(cutting: built.cutRelations)
            if model.archi == nil { model.archi = content } else { model.archi?.append(contentsOf: content) }
            rejected += retained.rejected.compactMap { location in archiRecords[location].map { (location.file, $0) } }
        }
        rejected += built.cutRelations.compactMap { location in archiRecords[location].map { (location.file, $0) } }
        for trace in built.rejected {
            if case .archiSet = source {
                if let record = archiRecords[trace.location] { rejected.append((trace.location.file, record)) }
            } else {
                rejected.append((trace.location.file, trace.record))
            }
        }
        var diagnostics = sink.diagnostics
        if !sheets.isEmpty {
            for index in diagnostics.indices where diagnostics[index].line != nil && diagnostics[index].sheet == nil {
                diagnostics[index].sheet = sheets[diagnostics[index].file]
            }
        }
        let order = Dictionary(files.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return ConversionResult(model: model, diagnostics: Diagnostic.sortedByLocation(diagnostics, fileOrder: order), inputs: inputs,
                                rejectedRecords: rejected.map(\.record), rejectedFiles: rejected.map(\.file))
    }

    /// Notes that `file` is read from now on.
    private mutating func start(_ file: String) {
        sink.input = file
        files.append(file)
    }
}
