/// The last line of `cora convert` and `cora validate` on standard error: what the run read, what
/// it made and what it found, counted per code.
///
/// ```
/// cora: 42 rows read, 40 processes, 2 rejected; 3 errors (unknown-parent 2, duplicate-id 1), 1 warning (name-noise 1)
/// ```
///
/// The files are named only when there are several (`cora: 3 files, 13 rows read, …`), the lines
/// that malformed input left unread only when there are any (`…, 2 rejected, 997 lines not read; …`).
/// The codes are in order of how often they were found, then by name.
public struct RunSummary: Sendable {
    /// The result summarised.
    public let result: ConversionResult

    /// Creates a summary.
    public init(result: ConversionResult) {
        self.result = result
    }

    /// The summary, one line ending with a line break.
    public var line: String {
        var read: [String] = []
        if result.inputs.count > 1 { read.append(BatchText.count(result.inputs.count, "file")) }
        read.append("\(result.rowsRead) row\(result.rowsRead == 1 ? "" : "s") read")
        read.append(BatchText.count(result.model.processes.count, "process"))
        read.append("\(result.rejectedRows) rejected")
        if result.unreadLines > 0 { read.append("\(BatchText.count(result.unreadLines, "line")) not read") }
        let errors = result.diagnostics.filter { $0.severity == .error }
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        return "cora: \(read.joined(separator: ", ")); \(Self.counted(errors, "error")), \(Self.counted(warnings, "warning"))\n"
    }

    /// `3 errors (unknown-parent 2, duplicate-id 1)`, or `0 errors`.
    static func counted(_ diagnostics: [Diagnostic], _ noun: String) -> String {
        let total = BatchText.count(diagnostics.count, noun)
        guard !diagnostics.isEmpty else { return total }
        let perCode = Dictionary(grouping: diagnostics, by: \.code).map { (code: $0.key, count: $0.value.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.code.rawValue < $1.code.rawValue }
        return total + " (" + perCode.map { "\($0.code.rawValue) \($0.count)" }.joined(separator: ", ") + ")"
    }
}
