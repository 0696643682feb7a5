import ArgumentParser
import CoraCSV

/// Options that say how to read the input; everything left out is detected.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The field delimiter, instead of detecting it: one character, or tab, comma, semicolon, pipe.",
        valueName: "char"))
    var delimiter: String?

    @Option(name: .long, help: ArgumentHelp(
        "The encoding, instead of detecting it: \(CSVEncoding.acceptedNames).", valueName: "name"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp(
        "The largest field accepted, in bytes; a larger one (often a quote never closed) ends the read.",
        valueName: "bytes"))
    var maxFieldSize: Int = CSVReadOptions.defaultMaxFieldBytes

    @Option(name: .long, help: ArgumentHelp(
        "Rows to skip before the header (titles above the table), instead of what the mapping says.", valueName: "count"))
    var skipRows: Int?

    @Option(name: .long, help: ArgumentHelp("The sheet of a workbook (.xlsx) to read: its name or number (default: the first the mapping fits, else the first table).", valueName: "sheet"))
    var sheet: String?

    @Option(name: .long, help: ArgumentHelp("The most fields accepted in one record.", valueName: "count"))
    var maxFields: Int = CSVReadOptions.defaultMaxFieldsPerRecord

    @Option(name: .long, help: ArgumentHelp(
        "The most rows read from one file, the header included; the next one ends the read with an error.",
        valueName: "count"))
    var maxRows: Int = CSVReadOptions.defaultMaxRecords

    func validate() throws {
        if let delimiter, CSVDialect.delimiter(named: delimiter) == nil {
            throw ValidationError("--delimiter must be one character (or tab, comma, semicolon, pipe), not \"\(delimiter)\"")
        }
        if let encoding, CSVEncoding(name: encoding) == nil {
            throw ValidationError("unknown --encoding \"\(encoding)\"; use one of \(CSVEncoding.acceptedNames)")
        }
        if maxFieldSize < 1 { throw ValidationError("--max-field-size must be at least 1") }
        if maxFields < 1 { throw ValidationError("--max-fields must be at least 1") }
        if maxRows < 1 { throw ValidationError("--max-rows must be at least 1") }
        if let skipRows, skipRows < 0 { throw ValidationError("--skip-rows must be 0 or more") }
    }

    /// The reader options these stand for.
    var readOptions: CSVReadOptions {
        CSVReadOptions(
            delimiter: delimiter.flatMap(CSVDialect.delimiter(named:)),
            encoding: encoding.flatMap(CSVEncoding.init(name:)),
            maxFieldBytes: maxFieldSize, maxFieldsPerRecord: maxFields, maxRecords: maxRows)
    }
}
