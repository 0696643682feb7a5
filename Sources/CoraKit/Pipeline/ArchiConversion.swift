import CoraCSV

/// Runs the pipeline for Archi CSV sets: read each set → import → validate, into one model.
///
/// ```swift
/// var conversion = ArchiConversion()
/// var reader = ArchiCSVReader()
/// try reader.read(.elements, from: elementsSource, file: "export/elements.csv")
/// try reader.read(.relations, from: relationsSource, file: "export/relations.csv")
/// conversion.add(reader.finish())
/// let result = conversion.finish()
/// ```
///
/// The result is a ``ConversionResult`` like that of ``ConversionRun``: one input summary per file
/// read, the rows with errors as rejected records, diagnostics sorted by file and line, `strict`
/// turning warnings into errors and ``ignoredWarnings`` leaving warnings out.
public struct ArchiConversion {
    /// How processes are made and checked.
    public var importer: ArchiImport
    /// Warning codes to leave out.
    public var ignoredWarnings: Set<DiagnosticCode> = []
    private var model = ProcessModel()
    private var diagnostics: [Diagnostic] = []
    private var inputs: [InputSummary] = []
    private var rejectedRecords: [CSVRecord] = []
    private var rejectedFiles: [String] = []
    private var files: [String] = []

    /// Creates a conversion.
    public init(keepInvalid: Bool = false, strict: Bool = false) {
        self.importer = ArchiImport(keepInvalid: keepInvalid, strict: strict)
    }

    /// Adds one set: its processes and kept content go after those of the sets added before.
    public mutating func add(_ reading: ArchiReading) {
        var found = reading.diagnostics
        let imported = importer.makeModel(from: reading.model, diagnostics: &found)
        model.append(contentsOf: imported.model)
        diagnostics.append(contentsOf: found)
        inputs.append(contentsOf: reading.inputs)
        files.append(contentsOf: reading.files)
        rejectedRecords.append(contentsOf: reading.rejectedRecords)
        rejectedFiles.append(contentsOf: reading.rejectedFiles)
        for location in imported.rejected {
            if let record = reading.records[location] {
                rejectedRecords.append(record)
                rejectedFiles.append(location.file)
            }
        }
    }

    /// The model of every set added, with the findings.
    public func finish() -> ConversionResult {
        var all = diagnostics.filter { $0.severity == .error || !ignoredWarnings.contains($0.code) }
        if importer.strict {
            for index in all.indices where all[index].severity == .warning {
                all[index].severity = .error
                all[index].message += " (an error with --strict)"
            }
        }
        let order = Dictionary((files + inputs.map(\.file)).enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var summaries = inputs
        for index in summaries.indices { summaries[index].diagnostics = all.filter { $0.file == summaries[index].file } }
        return ConversionResult(model: model, diagnostics: Diagnostic.sortedByLocation(all, fileOrder: order), inputs: summaries,
                                rejectedRecords: rejectedRecords, rejectedFiles: rejectedFiles)
    }
}
