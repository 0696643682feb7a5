/// The closing lines of `cora validate`: rows read, processes accepted, rows rejected, and the
/// findings counted per code.
public struct ValidationSummary: Sendable {
    /// The result summarised.
    public let result: ConversionResult

    /// Creates a summary.
    public init(result: ConversionResult) {
        self.result = result
    }

    /// The summary text, ending with a line break.
    public var text: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : (noun.hasSuffix("s") ? "es" : "s"))" }
        var text = "\(count(result.inputs.count, "file")), \(count(result.rowsRead, "row")): "
            + "\(count(result.model.processes.count, "process")), \(count(result.rejectedRecords.count, "row")) rejected"
            + (result.unreadLines > 0 ? ", \(count(result.unreadLines, "line")) not read (the read stopped early); " : "; ")
            + "\(count(result.errorCount, "error")), \(count(result.warningCount, "warning"))\n"
        var counts: [DiagnosticCode: (errors: Int, warnings: Int)] = [:]
        for diagnostic in result.diagnostics {
            var count = counts[diagnostic.code] ?? (0, 0)
            if diagnostic.severity == .error { count.errors += 1 } else { count.warnings += 1 }
            counts[diagnostic.code] = count
        }
        for code in counts.keys.sorted() {
            let count = counts[code]!
            var parts: [String] = []
            if count.errors > 0 { parts.append("\(count.errors) error\(count.errors == 1 ? "" : "s")") }
            if count.warnings > 0 { parts.append("\(count.warnings) warning\(count.warnings == 1 ? "" : "s")") }
            text += "  \(code.rawValue): \(parts.joined(separator: ", "))\n"
        }
        return text
    }
}
