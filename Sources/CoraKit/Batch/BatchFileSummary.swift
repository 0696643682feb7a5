import CoraCSV

/// What happened to one input of a batch: the line of the summary.
public struct BatchFileSummary: Sendable, Equatable, Codable {
    /// How an input came through.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Converted without findings.
        case ok
        /// Converted; warnings only.
        case warnings
        /// Converted, but some rows had errors and are not in the model (see the rejects file).
        case errors
        /// Nothing usable: unreadable, empty, binary, no mapping fits, or every row invalid.
        case failed
        /// Not finished: the run was interrupted first.
        case interrupted
    }

    /// The input as named (``BatchInput/path``).
    public var input: String
    /// Its path inside the output folder (``BatchInput/relativePath``).
    public var relativePath: String
    /// How it came through.
    public var status: Status
    /// Why it failed (``Status/failed`` and ``Status/interrupted`` only).
    public var reason: String?
    /// Something to know about its outputs: they were given a shortened name.
    public var note: String?
    /// The mapping used (its name), if one was.
    public var mapping: String?
    /// The encoding it was read in (`utf-8`, `windows-1252`, …), if it was read.
    public var encoding: String?
    /// The delimiter it was read with (`,`, `;`, `tab`, `|`), if it was read.
    public var delimiter: String?
    /// Data rows read.
    public var rowsRead: Int
    /// Processes it contributed to the model.
    public var processes: Int
    /// Rows left out because of errors (they are in the rejects file).
    public var rejectedRows: Int
    /// Physical lines that malformed input left unread, or that a `--max-errors` stop left unchecked (they follow the rejected rows in the
    /// rejects file); `nil` when it was read to its end.
    public var unreadLines: Int?
    /// Errors found.
    public var errors: Int
    /// Warnings found.
    public var warnings: Int
    /// Errors and warnings per code.
    public var codes: [BatchCodeCount]
    /// What was written for it, relative to the output folder, sorted.
    public var outputs: [String]

    /// Creates the summary of an input from what reading it produced (`read` is `nil` when it was
    /// never read: unreadable, empty, binary, no mapping) and its diagnostics.
    ///
    /// The status is ``Status/failed`` when the input gave no processes and had errors, was never
    /// read, or its outputs could not be written safely (`output-conflict`, `unsafe-output`); else
    /// ``Status/errors``, ``Status/warnings`` or ``Status/ok`` by its worst finding.
    public init(input: BatchInput, mapping: String?, read: InputSummary?, processes: Int, rejectedRows: Int,
                diagnostics: [Diagnostic], outputs: [String]) {
        self.input = input.path
        self.relativePath = input.relativePath
        let exchange = read?.isExchangeDocument == true
        self.mapping = exchange ? MappingLibrary.exchange : mapping
        // A workbook and an exchange document have no encoding or delimiter of a table.
        let noDialect = exchange || read?.isWorkbook == true
        self.encoding = noDialect ? nil : read.map { $0.dialect.encoding.rawValue }
        self.delimiter = noDialect ? nil : read.map { CSVDialect.name(ofDelimiter: $0.dialect.delimiter) }
        self.rowsRead = read?.rowsRead ?? 0
        self.processes = processes
        self.rejectedRows = rejectedRows
        self.unreadLines = read?.unread?.lineCount
        self.errors = diagnostics.count { $0.severity == .error }
        self.warnings = diagnostics.count { $0.severity == .warning }
        self.codes = BatchCodeCount.counts(of: diagnostics)
        self.outputs = outputs.sorted()
        let unwritten = diagnostics.contains { [.outputConflict, .unsafeOutput, .unwritableOutput].contains($0.code) }
        if read == nil || (processes == 0 && errors > 0) || unwritten {
            status = .failed
            reason = Self.failureReason(rowsRead: rowsRead, diagnostics: diagnostics)
        } else {
            status = errors > 0 ? .errors : warnings > 0 ? .warnings : .ok
            reason = nil
        }
    }

    /// The summary of an input the run did not finish.
    public static func interrupted(_ input: BatchInput, mapping: String? = nil) -> BatchFileSummary {
        var summary = BatchFileSummary(input: input, mapping: mapping, read: nil, processes: 0, rejectedRows: 0, diagnostics: [], outputs: [])
        summary.status = .interrupted
        summary.reason = "the run was interrupted before this file was finished"
        return summary
    }

    /// Why an input gave nothing: the first error that says it, in words.
    static func failureReason(rowsRead: Int, diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        if let first = errors.first(where: { [.unreadableInput, .emptyFile, .binaryInput, .noMappingFits, .noProcesses, .outputConflict, .unsafeOutput, .unwritableOutput].contains($0.code) }) {
            switch first.code {
            case .emptyFile: return "empty file"
            default: return first.message
            }
        }
        if rowsRead > 0, errors.contains(where: { $0.code == .missingColumn }) {
            return "the header lacks a column the mapping requires"
        }
        if let fatal = errors.first(where: { $0.message.contains("; reading stopped here") }), rowsRead == 0 {
            return "unreadable: " + fatal.message
        }
        if rowsRead > 0 { return "every row was rejected (\(BatchText.count(rowsRead, "row")) with errors)" }
        return errors.first.map { "\($0.message) [\($0.code.rawValue)]" } ?? "nothing could be read"
    }
}
