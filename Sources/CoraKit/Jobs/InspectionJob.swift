import CoraCSV
import CoraXLSX

/// `cora inspect`: how a CSV file is written and what its columns hold, or the records as read.
public struct InspectionJob: Sendable {
    /// The file; `-` is standard input.
    public var input: String
    /// Reader options; what is not given is detected.
    public var readOptions: CSVReadOptions
    /// Rows to skip before the header (titles above the table).
    public var skipRows: Int
    /// Whether to keep the records themselves instead of a profile of the columns.
    public var keepsRecords: Bool
    /// The sheet of a workbook input (its name or number; `nil`: the first).
    public var sheet: String?

    /// A job.
    public init(input: String, readOptions: CSVReadOptions = CSVReadOptions(), skipRows: Int = 0, keepsRecords: Bool = false, sheet: String? = nil) {
        self.input = input
        self.readOptions = readOptions
        self.skipRows = skipRows
        self.keepsRecords = keepsRecords
        self.sheet = sheet
    }

    /// What reading the file showed.
    public struct Result: Sendable {
        /// The columns: fill rates and sample values (empty when the records were kept).
        public var profile: TableProfile
        /// The records as read, header first (with ``InspectionJob/keepsRecords``).
        public var records: [[String]]
        /// How the file is written.
        public var dialect: CSVDialect
        /// The physical lines read.
        public var linesRead: Int
        /// What the reader noticed, a title above the table, and the error that stopped it.
        public var diagnostics: [Diagnostic]
        /// For an ArchiMate exchange document: its summary (``ExchangeSummary``) instead of a profile.
        public var exchangeSummary: String?
        /// For a workbook: the sheet read, and every sheet it has.
        public var workbook: TableProfile.SheetNote?

        /// The records as a JSON array of arrays of strings, on one line.
        public var recordsJSON: String {
            var writer = JSONWriter(pretty: false)
            writer.beginArray()
            for row in records { writer.strings(nil, row) }
            writer.endArray()
            return writer.text + "\n"
        }
    }

    /// Reads the file.
    public func run(fileSystem: any FileSystem) throws(RunFailure) -> Result {
        if WorkbookInput.isWorkbook(input, in: fileSystem) { return try inspectWorkbook(fileSystem) }
        let file = try fileSystem.openInput(input)
        defer { file.close() }
        if input != "-", InputDetector.isExchangeDocument(input, in: fileSystem) {
            return try inspectExchange(file)
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(source: file, options: readOptions)
        } catch {
            throw RunFailure(.unreadableInput, "cannot read: \(error)", file: input)
        }
        var profile = TableProfile()
        var rows: [[String]] = []
        var failure: CSVIssue?
        var skipped = 0
        var firstRecords: [CSVRecord] = []
        do {
            while let record = try reader.next() {
                if skipped < skipRows {
                    skipped += 1
                    continue
                }
                if firstRecords.count < 20 { firstRecords.append(record) }
                if keepsRecords { rows.append(record.fields) } else { profile.add(record) }
            }
        } catch let issue as CSVIssue {
            failure = issue
        } catch {
            throw RunFailure(.unreadableInput, "cannot read: \(error)", file: input)
        }
        var diagnostics = reader.warnings.map { Diagnostic($0, file: input) }
        if let note = Self.titleRowNote(firstRecords, file: input, skipped: skipped) { diagnostics.append(note) }
        // As for a conversion: the lines the problem left unread are counted, and the file's lines
        // are those read and those not.
        let unread = failure == nil ? nil : try? reader.unreadRest(keepingBytes: false)
        if let failure { diagnostics.append(Diagnostic(failure, file: input, unread: unread)) }
        let lines = unread.map { $0.line - 1 + $0.lineCount } ?? reader.linesRead
        return Result(profile: profile, records: rows, dialect: reader.dialect, linesRead: lines, diagnostics: diagnostics)
    }

    /// The sheet of the workbook at ``input``: its rows as records (the row's number as line).
    private func inspectWorkbook(_ fileSystem: any FileSystem) throws(RunFailure) -> Result {
        let bytes = try WorkbookInput.bytes(of: input, in: fileSystem)
        do throws(WorkbookError) {
            let workbook = try Workbook(bytes: bytes)
            let chosen = try WorkbookInput.sheet(sheet, of: workbook)
            var reader = try workbook.rows(of: chosen)
            var profile = TableProfile()
            var rows: [[String]] = []
            var firstRecords: [CSVRecord] = []
            var number = 0
            var lastRow = 0
            while let row = try reader.next() {
                lastRow = row.number
                number += 1
                guard number > skipRows else { continue }
                let record = CSVRecord(fields: row.cells.map { $0?.text ?? "" }, line: row.number, number: number)
                if firstRecords.count < 20 { firstRecords.append(record) }
                if keepsRecords { rows.append(record.fields) } else { profile.add(record) }
            }
            var diagnostics = reader.warnings.map { warning in
                Diagnostic(.workbookCell, warning.message, file: input, line: warning.row, column: Diagnostic.Column(name: ColumnName.letters(warning.column), index: warning.column))
            }
            if let note = Self.titleRowNote(firstRecords, file: input, skipped: skipRows) { diagnostics.append(note) }
            for index in diagnostics.indices { diagnostics[index].sheet = chosen.name }
            return Result(profile: profile, records: rows, dialect: CSVDialect(), linesRead: lastRow, diagnostics: diagnostics,
                          workbook: TableProfile.SheetNote(sheet: chosen.name, sheets: workbook.sheets.map(\.name)))
        } catch {
            let diagnostic = WorkbookInput.diagnostic(error, file: input)
            throw RunFailure(diagnostic.code, diagnostic.message, file: input, hint: diagnostic.hint)
        }
    }

    /// The summary of the exchange document in `file`, with what the reader found.
    private func inspectExchange(_ file: some ByteSource) throws(RunFailure) -> Result {
        var sink = DiagnosticSink()
        let document: ExchangeDocument?
        do {
            document = try ExchangeReader().read(file, file: input, sink: &sink)
        } catch {
            throw RunFailure(.unreadableInput, "cannot read: \(error.reason)", file: input)
        }
        return Result(profile: TableProfile(), records: [], dialect: CSVDialect(), linesRead: 0, diagnostics: sink.sorted(),
                      exchangeSummary: document.map { ExchangeSummary($0).text(file: input) } ?? "")
    }

    /// A finding when the first row looks like a title above the table: few filled cells, while a
    /// row below is as wide as the table.
    public static func titleRowNote(_ records: [CSVRecord], file: String, skipped: Int) -> Diagnostic? {
        guard let first = records.first else { return nil }
        let filled = { (record: CSVRecord) in (0..<record.count).count { !record.isEmpty(at: $0) } }
        guard let header = records.dropFirst().first(where: { filled($0) >= 2 && filled($0) > 2 * filled(first) }) else { return nil }
        let skip = skipped + header.number - first.number
        return Diagnostic(
            .headerElsewhere, "line \(first.line) looks like a title, and line \(header.line) like the header",
            file: file, line: header.line, record: header.number,
            hint: "inspect with --skip-rows \(skip), and put `dialect: {skip-rows: \(skip)}` in the mapping")
    }
}
