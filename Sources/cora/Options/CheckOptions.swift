import ArgumentParser
import CoraKit

/// How strict a run is and when it stops: shared by `convert`, `validate` and `batch`.
struct CheckOptions: ParsableArguments {
    @Flag(name: .long, help: "Treat warnings as errors: rows with warnings are left out too, and the exit status is 1.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Stop reading a file after this many errors found while reading it (the report says where); what spans rows is still checked.", valueName: "count"))
    var maxErrors: Int?

    @Option(name: .long, help: ArgumentHelp(
        "The deepest nesting accepted (CORA has five levels): a process deeper in its parent chain is an error.",
        valueName: "levels"))
    var maxDepth: Int = ConversionSettings.defaultMaxDepth

    @Option(name: .customLong("ignore"), help: ArgumentHelp(
        "Leave out warnings with this code (repeatable), e.g. --ignore naming-convention. Errors are never left out.", valueName: "code"))
    var ignoredCodes: [String] = []

    func validate() throws {
        if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
        if maxDepth < 1 { throw ValidationError("--max-depth must be at least 1") }
        if let problem = ignoredCodes.lazy.compactMap(DiagnosticCode.problem(naming:)).first { throw ValidationError("--ignore: " + problem) }
    }

    /// The conversion settings these options and `reading` stand for.
    func settings(reading: ReadingOptions, keepInvalid: Bool = false, keepsRejectedRecords: Bool = true) -> ConversionSettings {
        ConversionSettings(
            readOptions: reading.readOptions, skipRows: reading.skipRows, sheet: reading.sheet, keepInvalid: keepInvalid,
            policy: DiagnosticPolicy(strict: strict, ignored: Set(ignoredCodes.compactMap { DiagnosticCode(rawValue: $0) }), maxErrors: maxErrors),
            maxDepth: maxDepth, keepsRejectedRecords: keepsRejectedRecords)
    }
}
