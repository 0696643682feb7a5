import CoraCSV

extension Diagnostic {
    /// A diagnostic for a problem the CSV reader reported: an error that ended the read (the
    /// message says so, and which lines that left unread), or a warning it worked around.
    public init(_ issue: CSVIssue, file: String, unread: UnreadRest? = nil) {
        var message = issue.message
        if issue.isFatal {
            message += "; reading stopped here"
            if let unread, unread.lineCount > 0 {
                let last = unread.line + unread.lineCount - 1
                message += unread.lineCount == 1
                    ? " (line \(unread.line) was not read)"
                    : " (lines \(unread.line)–\(last), \(unread.lineCount) lines, were not read)"
            }
        }
        self.init(DiagnosticCode(issue.kind), message, severity: issue.isFatal ? .error : .warning,
                  file: file, line: issue.line, record: issue.record, hint: issue.hint)
    }
}
