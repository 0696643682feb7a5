import ArgumentParser
import CoraCSV
import CoraKit

/// `cora inspect`: shows how a CSV file is written and what its columns hold.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the dialect, header and columns of a CSV file or a workbook's sheet (or its parsed records).",
        discussion: """
        Shows the detected encoding, byte order mark, delimiter, line ending and sep= line, the \
        header, the number of records, and per column its fill rate and a sample value. With \
        --records, prints the parsed records instead (header first); with --json as a JSON array \
        of arrays of strings.
        """)

    @Argument(help: ArgumentHelp("The CSV file (or ArchiMate exchange document: a summary of it); - reads standard input.", valueName: "input"))
    var input: String

    @Flag(name: .long, help: "Print the parsed records (header first) instead of the summary.")
    var records = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let job = InspectionJob(input: input, readOptions: reading.readOptions, skipRows: reading.skipRows ?? 0, keepsRecords: records, sheet: reading.sheet)
        try Terminal.perform {
            let result = try job.run(fileSystem: Machine.fileSystem)
            if let summary = result.exchangeSummary {
                try Terminal.writeStdout(Array(summary.utf8))
            } else if records && json {
                try Terminal.writeStdout(Array(result.recordsJSON.utf8))
            } else if records {
                var writer = CSVWriter(options: .canonical)
                for row in result.records { writer.write(row) }
                try Terminal.writeStdout(writer.takeOutput())
            } else if json {
                try Terminal.writeStdout(Array(result.profile.json(dialect: result.dialect, lines: result.linesRead, file: input, workbook: result.workbook).utf8))
            } else {
                try Terminal.writeStdout(result.profile.text(dialect: result.dialect, lines: result.linesRead, file: input, workbook: result.workbook))
            }
            Terminal.show(result.diagnostics)
            if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitStatus.dataErrors }
        }
    }
}
