import ArgumentParser
import CoraCSV
import CoraKit

/// The options shared by `cora convert` and `cora validate`: the mapping, how strict to be, and
/// where findings and rejected rows go.
struct ConversionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The mapping: a shipped name (cora mapping list), the path of a YAML file, auto, or archi for an Archi CSV export (name any file of the set: elements.csv, relations.csv, properties.csv, or its folder; auto picks archi for a file with an Archi header or a folder holding elements.csv).",
        valueName: "name|path|auto|archi"))
    var mapping: String = "canonical"

    @Flag(name: .long, help: "Treat warnings as errors: rows with warnings are left out too, and the exit status is 1.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp(
        "Stop after this many errors; the report says where it stopped.", valueName: "count"))
    var maxErrors: Int?

    @Option(name: .long, help: ArgumentHelp(
        "The deepest nesting accepted (CORA has five levels): a process deeper in its parent chain is an error.",
        valueName: "levels"))
    var maxDepth: Int = ConversionSettings.defaultMaxDepth

    @Option(name: .customLong("ignore"), help: ArgumentHelp(
        "Leave out warnings with this code (repeatable), e.g. --ignore naming-convention. Errors are never left out.", valueName: "code"))
    var ignoredCodes: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Write the rows that had errors to this file exactly as they were read (same delimiter, encoding and line endings, header first), to fix and feed back. With several inputs, one file per input: PATH-INPUTNAME.csv.",
        valueName: "path"))
    var rejects: String?

    @Option(name: .long, help: ArgumentHelp(
        "Also write the diagnostics to this file, as JSON or CSV (from the extension or --report-format).", valueName: "path"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("The format of --report: json or csv.", valueName: "format"))
    var reportFormat: DiagnosticReportRenderer.Format?

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if let report, reportFormat == nil, DiagnosticReportRenderer.Format(pathExtension: report) == nil {
            throw ValidationError("--report \(report): say the format with --report-format json|csv, or end the path in .json or .csv")
        }
        if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
        if maxDepth < 1 { throw ValidationError("--max-depth must be at least 1") }
    }

    /// Reads, maps, builds and validates `inputs` into one model.
    func convert(_ inputs: [String], keepInvalid: Bool) throws -> ConversionResult {
        if ArchiInput.isChosen(mapping: mapping, inputs: inputs) {
            return try ArchiInput.convert(inputs, options: self, keepInvalid: keepInvalid)
        }
        // `--mapping auto` looks at the first input; standard input is then read from memory.
        let (mapping, bufferedStandardInput) = try MappingResolver.resolve(self.mapping, inputs: inputs, readOptions: reading.readOptions)
        var settings = settings(keepInvalid: keepInvalid)
        settings.readsAhead = true
        var pipeline = Pipeline(.table(mapping), settings: settings)
        for path in inputs {
            let input = try InputFile(path: path)
            defer { input.close() }
            do {
                if path == "-", let bufferedStandardInput {
                    try pipeline.read(table: MemoryByteSource(bufferedStandardInput), file: path)
                } else {
                    try pipeline.read(table: input.source, file: path)
                }
            } catch {
                throw CLIFailure(message: "\(path): error: cannot read: \(error) [unreadable-input]")
            }
        }
        return pipeline.finish()
    }

    /// The conversion settings these options stand for.
    func settings(keepInvalid: Bool) -> ConversionSettings {
        ConversionSettings(
            readOptions: reading.readOptions, skipRows: reading.skipRows, keepInvalid: keepInvalid,
            policy: DiagnosticPolicy(strict: strict, ignored: Set(ignoredCodes.compactMap(DiagnosticCode.init(rawValue:))), maxErrors: maxErrors),
            maxDepth: maxDepth, keepsRejectedRecords: rejects != nil)
    }

    /// Prints the diagnostics and writes the report and the rejects files.
    func deliverFindings(of result: ConversionResult) throws {
        Terminal.report(result.diagnostics)
        if let report {
            let format = reportFormat ?? DiagnosticReportRenderer.Format(pathExtension: report) ?? .json
            try OutputFile.write(DiagnosticReportRenderer(format: format).render(result.diagnostics), to: report)
        }
        if let rejects {
            // One rejects file per input (the header alone when nothing was rejected, so an old
            // file never lingers); with several inputs each gets its own name.
            for input in result.inputs {
                guard let header = input.header else { continue }
                let records = zip(result.rejectedFiles, result.rejectedRecords).filter { $0.0 == input.file }.map(\.1)
                let path = RejectsRenderer.path(rejects, for: input.file, among: result.inputs.count)
                try OutputFile.write(RejectsRenderer().render(header: header.cells, records: records, dialect: input.dialect), to: path)
            }
        }
    }
}
