import CoraCSV

/// Runs the pipeline for one input: read → map → build → validate.
///
/// ```swift
/// let converter = Converter(mapping: try MappingCatalog.builtin.mapping(named: "canonical"))
/// let result = try converter.convert(MemoryByteSource(text: csv), file: "inventory.csv")
/// print(result.model.processes.count, result.diagnostics.count)
/// ```
public struct Converter: Sendable {
    /// The mapping applied.
    public var mapping: Mapping
    /// Reader options; `nil` values are taken from the mapping, then detected.
    public var readOptions: CSVReadOptions
    /// Whether rows with errors are kept in the model.
    public var keepInvalid: Bool
    /// Whether warnings count as errors.
    public var strict: Bool
    /// Stop reading after this many errors (`nil`: no limit).
    public var maxErrors: Int?
    /// Warning codes to leave out (`--ignore`); they neither show nor count, even with `strict`.
    public var ignoredWarnings: Set<DiagnosticCode> = []
    /// The deepest nesting accepted (`--max-depth`); a deeper process is a `nesting-too-deep` error.
    public var maxDepth = ModelRules.defaultMaxDepth
    /// Whether the rejected rows' records are kept whole, for a rejects file. Without (for a caller
    /// that writes none), ``ConversionResult/rejectedRecords`` holds each rejected row's line and
    /// number only, and a large input is not held in memory a second time as records.
    public var keepsRejectedRecords = true
    /// Whether the input is parsed on a thread of its own, ahead of the mapping (``ReadAhead``):
    /// faster for one large input on a machine with a core to spare; off where inputs are already
    /// converted in parallel (`cora batch`).
    public var readsAhead = false

    /// Creates a converter.
    public init(mapping: Mapping, readOptions: CSVReadOptions = CSVReadOptions(), keepInvalid: Bool = false,
                strict: Bool = false, maxErrors: Int? = nil) {
        self.mapping = mapping
        self.readOptions = readOptions
        self.keepInvalid = keepInvalid
        self.strict = strict
        self.maxErrors = maxErrors
    }

    /// Converts the table in `source`; `file` names it in diagnostics.
    ///
    /// Problems in the data become diagnostics in the result; only a source that cannot be read
    /// throws.
    public func convert(_ source: some ByteSource, file: String) throws(ByteSourceError) -> ConversionResult {
        var run = ConversionRun(converter: self)
        try run.add(source, file: file)
        return run.finish()
    }

    /// Reads one input into `builder`: the header, then every row through the mapping.
    func read(_ source: some ByteSource, file: String, into builder: inout ModelBuilder,
              errorsBefore: Int = 0) throws(ByteSourceError) -> InputSummary {
        var options = readOptions
        if options.delimiter == nil { options.delimiter = mapping.dialect.delimiter }
        if options.encoding == nil { options.encoding = mapping.dialect.encoding }
        let reader = try CSVReader(source: source, options: options)
        let readAhead = readsAhead ? ReadAhead(reader) : nil
        defer { readAhead?.finish() }
        func nextRecord() throws -> CSVRecord? {
            if let readAhead { return try readAhead.next() }
            return try reader.next()
        }
        var diagnostics: [Diagnostic] = []
        var rowsRead = 0
        var skipped = 0
        var header: TableHeader?
        var mapper: RowMapper?
        var unmapped: [CSVRecord] = []
        var fatal: CSVIssue?
        var errors = errorsBefore
        var stoppedAtLimit = false
        var headerHintGiven = false
        var sampledBytes = 0
        let expectedBytes = source.expectedByteCount  // asked once: for a file, a system call

        do {
            while let record = try nextRecord() {
                if let maxErrors, errors >= maxErrors {
                    stoppedAtLimit = true
                    diagnostics.append(Diagnostic(
                        .error, .maxErrorsReached,
                        "stopped after \(errors) errors (--max-errors \(maxErrors)); line \(record.line) and the rest of the file were not checked",
                        file: file, line: record.line, record: record.number,
                        hint: "fix these errors first, or raise --max-errors"))
                    break
                }
                guard mapper != nil else {
                    if skipped < mapping.dialect.skipRows {
                        skipped += 1
                        continue
                    }
                    let tableHeader = TableHeader(record: record, file: file, diagnostics: &diagnostics)
                    header = tableHeader
                    let rowMapper = RowMapper(mapping: mapping, header: tableHeader, file: file, diagnostics: &diagnostics)
                    builder.declareProperties(rowMapper.propertyNames)
                    mapper = rowMapper
                    continue
                }
                rowsRead += 1
                if rowsRead <= Self.sampleRows, let expected = expectedBytes {
                    sampledBytes += (0..<record.count).reduce(record.count + 1) { $0 + record.byteCount(at: $1) }
                    if rowsRead == Self.sampleRows {
                        // The size of the whole input over that of the first rows: about how many rows come.
                        let estimate = Double(expected) / Double(max(sampledBytes, 1)) * Double(Self.sampleRows) * 1.05
                        builder.reserveCapacity(forMoreRows: Int(min(estimate, Double(options.maxRecords))) - rowsRead)
                    }
                }
                if mapper!.lacksRequiredColumn {
                    unmapped.append(record)
                    if !headerHintGiven, unmapped.count <= 20, let hint = Self.headerHint(for: record, mapping: mapping, file: file) {
                        diagnostics.append(hint)
                        headerHintGiven = true
                    }
                    continue
                }
                let findingsBefore = diagnostics.count
                defer { errors += diagnostics[findingsBefore...].count { strict || $0.severity == .error } }
                // Mapped in place: a copy of the mapper per row would copy its state too.
                let row = mapper!.map(record, diagnostics: &diagnostics)
                if let row {
                    CellRules.check(row, level: builder.level(of: row), diagnostics: &diagnostics)
                    if !ignoredWarnings.isEmpty {
                        let kept = diagnostics[findingsBefore...].filter { $0.severity == .error || !ignoredWarnings.contains($0.code) }
                        diagnostics.replaceSubrange(findingsBefore..., with: kept)
                    }
                    let mappingFoundErrors = diagnostics[findingsBefore...].contains { strict || $0.severity == .error }
                    builder.add(row, rowHasErrors: mappingFoundErrors, diagnostics: &diagnostics)
                }
            }
        } catch let issue as CSVIssue {
            fatal = issue
        } catch let error as ByteSourceError {
            throw error
        } catch {
            throw ByteSourceError(reason: "\(error)")
        }

        readAhead?.finish()  // the reader's warnings and line count are settled once its thread ended
        for warning in reader.warnings {
            diagnostics.append(Diagnostic(warning, file: file))
        }
        if let fatal {
            diagnostics.append(Diagnostic(fatal, file: file))
        }
        if header == nil && fatal == nil {
            diagnostics.append(Diagnostic(.error, .emptyFile, "the file holds no rows, not even a header", file: file, line: 1))
        } else if let header, rowsRead == 0, fatal == nil {
            diagnostics.append(Diagnostic(.warning, .noData, "the file has a header but no data rows", file: file, line: header.line))
        }
        return InputSummary(
            file: file, dialect: reader.dialect, header: header, rowsRead: rowsRead, linesRead: reader.linesRead,
            stoppedEarly: fatal != nil || stoppedAtLimit, unmappedRecords: unmapped, diagnostics: diagnostics)
    }
}

extension Converter {
    /// The rows whose size estimates how many rows a large input has.
    static let sampleRows = 1024

    /// When the header lacks the columns the mapping needs, a later row may be the real header
    /// (titles above the table): a finding that says which line and how to skip to it.
    static func headerHint(for record: CSVRecord, mapping: Mapping, file: String) -> Diagnostic? {
        let wanted = (mapping.fields[.name]?.columns ?? []) + mapping.hierarchy.levelColumns.flatMap(\.columns)
        guard !wanted.isEmpty else { return nil }
        let keys = Set(wanted.map(TextNormalization.headerKey))
        guard record.fields.contains(where: { keys.contains(TextNormalization.headerKey($0)) }) else { return nil }
        let skip = record.number - 1
        return Diagnostic(
            .warning, .headerElsewhere,
            "line \(record.line) looks like the header: it has the column the mapping needs",
            file: file, line: record.line, record: record.number,
            hint: "skip the \(skip) row\(skip == 1 ? "" : "s") above it: `dialect: {skip-rows: \(skip)}` in the mapping, or --skip-rows \(skip)")
    }
}

/// Several inputs converted into one model: parents may be in another input, and an id used in two
/// inputs is a duplicate.
///
/// ```swift
/// var run = ConversionRun(converter: converter)
/// for (source, name) in inputs { try run.add(source, file: name) }
/// let result = run.finish()
/// ```
public struct ConversionRun {
    /// The converter used for every input.
    public let converter: Converter
    private var builder: ModelBuilder
    private var inputs: [InputSummary] = []

    /// Starts a run.
    public init(converter: Converter) {
        self.converter = converter
        self.builder = ModelBuilder(mapping: converter.mapping, keepInvalid: converter.keepInvalid)
        self.builder.strict = converter.strict
        self.builder.ignoredWarnings = converter.ignoredWarnings
        self.builder.maxDepth = converter.maxDepth
        self.builder.keepsRecords = converter.keepsRejectedRecords
    }

    /// Reads one more input.
    public mutating func add(_ source: some ByteSource, file: String) throws(ByteSourceError) {
        let errorsBefore = inputs.reduce(0) { total, input in
            total + input.diagnostics.count { converter.strict || $0.severity == .error }
        }
        inputs.append(try converter.read(source, file: file, into: &builder, errorsBefore: errorsBefore))
    }

    /// Builds the model from every input read and checks what spans rows and files. Call it once:
    /// the rows move into the result.
    public mutating func finish() -> ConversionResult {
        var diagnostics = inputs.flatMap(\.diagnostics)
        let (model, rejected) = builder.build(diagnostics: &diagnostics)
        diagnostics.removeAll { $0.severity == .warning && converter.ignoredWarnings.contains($0.code) }
        if converter.strict {
            for index in diagnostics.indices where diagnostics[index].severity == .warning {
                diagnostics[index].severity = .error
                diagnostics[index].message += " (an error with --strict)"
            }
        }
        let order = Dictionary(inputs.enumerated().map { ($0.element.file, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let sorted = Diagnostic.sortedByLocation(diagnostics, fileOrder: order)
        let rejectedRecords = inputs.flatMap { input in input.unmappedRecords.map { (input.file, $0) } }
            + rejected.map { ($0.location.file, $0.record) }
        return ConversionResult(model: model, diagnostics: sorted, inputs: inputs,
                                rejectedRecords: rejectedRecords.map(\.1), rejectedFiles: rejectedRecords.map(\.0))
    }
}

extension Diagnostic {
    /// A diagnostic for a problem the CSV reader reported.
    public init(_ issue: CSVIssue, file: String) {
        self.init(issue.isFatal ? .error : .warning, DiagnosticCode(rawValue: issue.kind.rawValue),
                  issue.isFatal ? issue.message + "; reading stopped here" : issue.message,
                  file: file, line: issue.line, record: issue.record, hint: issue.hint)
    }
}
