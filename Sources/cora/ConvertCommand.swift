import ArgumentParser
import CoraCSV
import CoraKit

/// `cora convert`: reads inventories, maps them to the canonical model and writes it out.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert inventories to the canonical process model.",
        discussion: """
        Formats (--to):
          csv        the canonical CSV: 15 fixed columns, then one column per property; ',' LF UTF-8.
          excel-csv  the same table for Excel: ';' delimiter, UTF-8 with BOM, CRLF. A cell that \
        starts with = + - @ TAB or CR gets a leading ' so Excel shows it as text instead of running \
        it as a formula (CSV injection); note that this also turns a value like -5 into '-5.
          json       the model as JSON: a "processes" array and the "diagnostics".

        Several inputs are converted into one model. Diagnostics go to standard error \
        (file:line:column: error: message [code]), and with --report to a JSON or CSV file.
        """)

    @Argument(help: ArgumentHelp("The CSV files to convert; - reads standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("The mapping: a shipped name (see Mappings/) or the path of a YAML file.", valueName: "name|path"))
    var mapping: String = "canonical"

    @Option(name: .long, help: ArgumentHelp("The output format: csv, excel-csv or json.", valueName: "format"))
    var to: OutputFormat = .csv

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the output (standard output when left out or -).", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write the diagnostics to this file, as JSON or CSV (from the extension or --report-format).", valueName: "path"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("The format of --report: json or csv.", valueName: "format"))
    var reportFormat: DiagnosticReportRenderer.Format?

    @Flag(name: .long, help: "Keep rows with errors in the model instead of leaving them out.")
    var keepInvalid = false

    @OptionGroup var reading: ReadingOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, excelCSV = "excel-csv", json
    }

    func validate() throws {
        if let report, reportFormat == nil, DiagnosticReportRenderer.Format(pathExtension: report) == nil {
            throw ValidationError("--report \(report): say the format with --report-format json|csv, or end the path in .json or .csv")
        }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        do {
            let mapping = try MappingResolver.resolve(mapping)
            let converter = Converter(mapping: mapping, readOptions: reading.readOptions, keepInvalid: keepInvalid)
            var run = ConversionRun(converter: converter)
            for path in inputs {
                let input = try InputFile(path: path)
                defer { input.close() }
                do {
                    try run.add(input.source, file: path)
                } catch {
                    throw RunFailure(message: "\(path): error: cannot read: \(error) [unreadable-input]")
                }
            }
            let result = run.finish()
            let model = result.model
            let diagnostics = result.diagnostics
            let bytes: [UInt8]
            switch to {
            case .csv: bytes = CanonicalCSVRenderer(options: .canonical).render(model)
            case .excelCSV: bytes = CanonicalCSVRenderer(options: .excel).render(model)
            case .json: bytes = Array(ModelJSONRenderer().render(model, diagnostics: diagnostics).utf8)
            }
            Terminal.report(diagnostics)
            try OutputFile.write(bytes, to: output)
            if let report {
                let format = reportFormat ?? DiagnosticReportRenderer.Format(pathExtension: report) ?? .json
                try OutputFile.write(DiagnosticReportRenderer(format: format).render(diagnostics), to: report)
            }
            if diagnostics.contains(where: { $0.severity == .error }) { throw ExitStatus.dataErrors }
        } catch let failure as RunFailure {
            Terminal.writeStderr(failure.message + "\n")
            throw ExitStatus.cannotContinue
        }
    }
}

extension DiagnosticReportRenderer.Format: ExpressibleByArgument {}
