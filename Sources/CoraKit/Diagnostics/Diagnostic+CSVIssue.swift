import CoraCSV

extension Diagnostic {
    /// A diagnostic for a problem the CSV reader reported: an error that ended the read (the
    /// message says so), or a warning it worked around.
    public init(_ issue: CSVIssue, file: String) {
        self.init(DiagnosticCode(issue.kind), issue.isFatal ? issue.message + "; reading stopped here" : issue.message,
                  severity: issue.isFatal ? .error : .warning, file: file, line: issue.line, record: issue.record, hint: issue.hint)
    }
}
