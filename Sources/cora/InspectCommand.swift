import ArgumentParser
import CoraCSV
import CoraKit

/// `cora inspect`: shows how a CSV file is written and what its columns hold.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the dialect, header and columns of a CSV file (or its parsed records).",
        discussion: """
        Shows the detected encoding, byte order mark, delimiter, line ending and sep= line, the \
        header, the number of records, and per column its fill rate and a sample value. With \
        --records, prints the parsed records instead (header first); with --json as a JSON array \
        of arrays of strings.
        """)

    @Argument(help: ArgumentHelp("The CSV file; - reads standard input.", valueName: "input"))
    var input: String

    @Flag(name: .long, help: "Print the parsed records (header first) instead of the summary.")
    var records = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var reading: ReadingOptions

    /// A finding when the first row looks like a title above the table: few filled cells, while a
    /// row below is as wide as the table.
    static func titleRowNote(_ records: [CSVRecord], file: String, skipped: Int) -> Diagnostic? {
        guard let first = records.first else { return nil }
        let filled = { (record: CSVRecord) in (0..<record.count).count { !record.isEmpty(at: $0) } }
        guard let header = records.dropFirst().first(where: { filled($0) >= 2 && filled($0) > 2 * filled(first) }) else { return nil }
        let skip = skipped + header.number - first.number
        return Diagnostic(.headerElsewhere, "line \(first.line) looks like a title, and line \(header.line) like the header",
            file: file, line: header.line, record: header.number,
            hint: "inspect with --skip-rows \(skip), and put `dialect: {skip-rows: \(skip)}` in the mapping")
    }

    func run() throws {
        do {
            let file = try InputFile(path: input)
            defer { file.close() }
            let reader: CSVReader
            do {
                reader = try CSVReader(source: file.source, options: reading.readOptions)
            } catch {
                throw CLIFailure(message: "\(input): error: cannot read: \(error) [unreadable-input]")
            }
            var profile = TableProfile()
            var rows: [[String]] = []
            var failure: CSVIssue?
            var skipped = 0
            var firstRecords: [CSVRecord] = []
            do {
                while let record = try reader.next() {
                    if skipped < reading.skipRows ?? 0 {
                        skipped += 1
                        continue
                    }
                    if firstRecords.count < 20 { firstRecords.append(record) }
                    if records { rows.append(record.fields) } else { profile.add(record) }
                }
            } catch let issue as CSVIssue {
                failure = issue
            } catch {
                throw CLIFailure(message: "\(input): error: cannot read: \(error) [unreadable-input]")
            }
            var diagnostics = reader.warnings.map { Diagnostic($0, file: input) }
            if let note = Self.titleRowNote(firstRecords, file: input, skipped: skipped) { diagnostics.append(note) }
            if let failure { diagnostics.append(Diagnostic(failure, file: input)) }

            if records {
                if json {
                    var writer = JSONWriter(pretty: false)
                    writer.beginArray()
                    for row in rows { writer.strings(nil, row) }
                    writer.endArray()
                    try Terminal.writeStdout(writer.text + "\n")
                } else {
                    var writer = CSVWriter(options: .canonical)
                    for row in rows { writer.write(row) }
                    try Terminal.writeStdout(writer.takeOutput())
                }
            } else if json {
                try Terminal.writeStdout(profile.json(dialect: reader.dialect, lines: reader.linesRead, file: input))
            } else {
                try Terminal.writeStdout(profile.text(dialect: reader.dialect, lines: reader.linesRead, file: input))
            }
            Terminal.report(diagnostics)
            if diagnostics.contains(where: { $0.severity == .error }) { throw ExitStatus.dataErrors }
        } catch let failure as CLIFailure {
            Terminal.writeStderr(failure.message + "\n")
            throw ExitStatus.cannotContinue
        }
    }
}
