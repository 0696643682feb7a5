/// Where every stage of a run reports what it finds, and the one place where the run's
/// ``DiagnosticPolicy`` is applied: ignored warnings are dropped here, `--strict` makes warnings
/// errors here, and `--max-errors` is counted here.
///
/// A stage reports a finding and learns from the answer whether it counts as an error, so that it
/// can leave the row or process out; it never looks at the policy itself.
///
/// ```swift
/// var sink = DiagnosticSink(policy: DiagnosticPolicy(strict: true))
/// sink.input = "inventaris.csv"
/// if sink.report(Diagnostic(.nameNoise, "…", file: "inventaris.csv", line: 4)) == .error { /* leave the row out */ }
/// ```
public struct DiagnosticSink: Sendable {
    /// The policy applied to every finding.
    public let policy: DiagnosticPolicy
    /// The findings kept, in the order reported.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The number of errors kept (warnings made errors by `--strict` included).
    public private(set) var errorCount = 0
    /// The input being read; stamped on every finding reported meanwhile (``Diagnostic/input``).
    /// Setting it starts the count of errors that `--max-errors` compares: it counts per file.
    public var input: String? {
        didSet { errorsBeforeInput = errorCount }
    }
    /// The errors kept before ``input`` was last set.
    private var errorsBeforeInput = 0

    /// A sink applying `policy`.
    public init(policy: DiagnosticPolicy = DiagnosticPolicy()) {
        self.policy = policy
    }

    /// Records `diagnostic` under the policy and returns the severity it was kept with, or `nil`
    /// when it was left out (a warning of an ignored code).
    @discardableResult
    public mutating func report(_ diagnostic: Diagnostic) -> Diagnostic.Severity? {
        var diagnostic = diagnostic
        if diagnostic.severity == .warning {
            if policy.ignored.contains(diagnostic.code) { return nil }
            if policy.strict {
                diagnostic.severity = .error
                diagnostic.message += DiagnosticPolicy.strictSuffix
            }
        }
        if diagnostic.input == nil { diagnostic.input = input ?? diagnostic.file }
        if diagnostic.severity == .error { errorCount += 1 }
        diagnostics.append(diagnostic)
        return diagnostic.severity
    }

    /// Records every one of `diagnostics`.
    public mutating func report(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { report(diagnostic) }
    }

    /// Hands over the findings kept so far and starts again from none: a sink on another thread
    /// (``PreparedRows``) passes its findings to the run's sink with ``take(_:)``.
    mutating func takeDiagnostics() -> [Diagnostic] {
        guard !diagnostics.isEmpty else { return [] }
        defer {
            diagnostics = []
            errorCount = 0
        }
        return diagnostics
    }

    /// Records findings that a sink with the same policy already judged (``takeDiagnostics()``):
    /// counted as they were kept, not judged again.
    mutating func take(_ judged: [Diagnostic]) {
        for diagnostic in judged {
            if diagnostic.severity == .error { errorCount += 1 }
            diagnostics.append(diagnostic)
        }
    }

    /// Whether a warning of `code` would be left out, so that a check can skip the work.
    public func ignores(_ code: DiagnosticCode) -> Bool {
        policy.ignored.contains(code)
    }

    /// Whether `--max-errors` is reached by the errors of the input being read (since ``input``
    /// was set): reading stops before its next record.
    public var isFull: Bool {
        guard let maxErrors = policy.maxErrors else { return false }
        return errorCount - errorsBeforeInput >= maxErrors
    }

    /// Reports `max-errors-reached` and returns `true` when `--max-errors` is reached: the reader
    /// of `file` then stops before the record at `line` (the row of that number, `inSheet`).
    public mutating func stopsBefore(line: Int, record: Int, of file: String, inSheet: Bool = false) -> Bool {
        guard isFull, let maxErrors = policy.maxErrors else { return false }
        let errors = errorCount - errorsBeforeInput
        let rest = inSheet ? "row \(line) and the rest of the sheet" : "line \(line) and the rest of the file"
        report(Diagnostic(
            .maxErrorsReached,
            "stopped after \(errors) error\(errors == 1 ? "" : "s") (--max-errors \(maxErrors)); \(rest) were not checked",
            file: file, line: line, record: record, hint: "fix these errors first, or raise --max-errors"))
        return true
    }

    /// The findings sorted by file (in `fileOrder`, else by first appearance), line and column.
    public func sorted(fileOrder: [String: Int] = [:]) -> [Diagnostic] {
        Diagnostic.sortedByLocation(diagnostics, fileOrder: fileOrder)
    }
}
