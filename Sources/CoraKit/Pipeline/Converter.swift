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

    /// Creates a converter.
    public init(mapping: Mapping, readOptions: CSVReadOptions = CSVReadOptions(), keepInvalid: Bool = false) {
        self.mapping = mapping
        self.readOptions = readOptions
        self.keepInvalid = keepInvalid
    }

    /// Converts the table in `source`; `file` names it in diagnostics.
    ///
    /// Problems in the data become diagnostics in the result; only a source that cannot be read
    /// throws.
    public func convert(_ source: some ByteSource, file: String) throws(ByteSourceError) -> ConversionResult {
        var options = readOptions
        if options.delimiter == nil { options.delimiter = mapping.dialect.delimiter }
        if options.encoding == nil { options.encoding = mapping.dialect.encoding }
        let reader = try CSVReader(source: source, options: options)
        var diagnostics: [Diagnostic] = []
        var rowsRead = 0
        var skipped: [CSVRecord] = []
        var header: TableHeader?
        var mapper: RowMapper?
        var builder = ModelBuilder(keepInvalid: keepInvalid)
        var unmapped: [CSVRecord] = []
        var fatal: CSVIssue?

        do {
            while let record = try reader.next() {
                if header == nil {
                    if skipped.count < mapping.dialect.skipRows {
                        skipped.append(record)
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
                if mapper!.lacksRequiredColumn {
                    unmapped.append(record)
                    continue
                }
                let findingsBefore = diagnostics.count
                if let row = mapper!.map(record, diagnostics: &diagnostics) {
                    let mappingFoundErrors = diagnostics[findingsBefore...].contains { $0.severity == .error }
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

        for warning in reader.warnings {
            diagnostics.append(Diagnostic(warning, file: file))
        }
        if let fatal {
            diagnostics.append(Diagnostic(fatal, file: file))
        }
        if header == nil && fatal == nil {
            diagnostics.append(Diagnostic(.error, .emptyFile, "the file holds no rows, not even a header", file: file, line: 1))
        } else if header != nil && rowsRead == 0 && fatal == nil {
            diagnostics.append(Diagnostic(.warning, .noData, "the file has a header but no data rows", file: file, line: header!.line))
        }

        let (model, rejected) = builder.build(diagnostics: &diagnostics)
        return ConversionResult(
            file: file, model: model, diagnostics: Diagnostic.sortedByLocation(diagnostics), dialect: reader.dialect,
            header: header, rowsRead: rowsRead, rejectedRecords: unmapped + rejected.map(\.record),
            linesRead: reader.linesRead, stoppedEarly: fatal != nil)
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
