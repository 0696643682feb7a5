import ArgumentParser
import CoraKit

/// The options shared by `cora convert` and `cora validate`: the mapping, how strict to be, and
/// where findings and rejected rows go.
struct ConversionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The mapping: auto (the default: the one that fits the first input's header best, said on standard error), a shipped name (cora mapping list), the path of a YAML file, archi for an Archi CSV export (name any file of the set: elements.csv, relations.csv, properties.csv, prefixed or not, or its folder; auto picks archi for a file with an Archi header or a folder holding one set), or ameff for an ArchiMate exchange document (.xml; auto picks it by its root element).",
        valueName: "name|path|auto|archi|ameff"))
    var mapping: String = MappingLibrary.auto

    @OptionGroup var checks: CheckOptions

    @Option(name: .long, help: ArgumentHelp(
        "Write the rows that had errors to this file exactly as they were read (same delimiter, encoding and line endings, header first), to fix and feed back; with --to excel-csv, or read from an excel-csv file, protected against formulas as excel-csv is. With several inputs, one file per input: PATH-INPUTNAME.csv.",
        valueName: "path"))
    var rejects: String?

    @Option(name: .long, help: ArgumentHelp(
        "Also write the diagnostics to this file, as JSON or CSV (from the extension or --report-format); the CSV is protected against formulas as excel-csv is.", valueName: "path"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("The format of --report: json or csv.", valueName: "format"))
    var reportFormat: DiagnosticReportRenderer.Format?

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if let report, DiagnosticReportRenderer.Format(given: reportFormat, path: report) == nil {
            throw ValidationError("--report \(report): say the format with --report-format json|csv, or end the path in .json or .csv")
        }
    }

    /// The job these options stand for, over `inputs`.
    func job(_ inputs: [String], keepInvalid: Bool) -> ConversionJob {
        var settings = checks.settings(reading: reading, keepInvalid: keepInvalid, keepsRejectedRecords: rejects != nil)
        settings.readsAhead = true
        return ConversionJob(
            inputs: inputs, mapping: mapping, settings: settings,
            report: report.map { ($0, DiagnosticReportRenderer.Format(given: reportFormat, path: $0) ?? .json) }, rejects: rejects)
    }
}

extension DiagnosticReportRenderer.Format: ExpressibleByArgument {}
extension DocumentLanguage: ExpressibleByArgument {}
extension DOTRenderer.View: ExpressibleByArgument {}
