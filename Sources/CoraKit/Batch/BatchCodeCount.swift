import CoraCSV

/// How many errors and warnings one diagnostic code had.
public struct BatchCodeCount: Sendable, Equatable, Codable {
    /// The code, such as `unknown-parent`.
    public var code: String
    /// Its errors.
    public var errors: Int
    /// Its warnings.
    public var warnings: Int

    /// Creates a count.
    public init(code: String, errors: Int, warnings: Int) {
        self.code = code
        self.errors = errors
        self.warnings = warnings
    }

    /// The counts of `diagnostics`, one per code, sorted by code.
    public static func counts(of diagnostics: [Diagnostic]) -> [BatchCodeCount] {
        var counts: [DiagnosticCode: BatchCodeCount] = [:]
        for diagnostic in diagnostics {
            var count = counts[diagnostic.code] ?? BatchCodeCount(code: diagnostic.code.rawValue, errors: 0, warnings: 0)
            if diagnostic.severity == .error { count.errors += 1 } else { count.warnings += 1 }
            counts[diagnostic.code] = count
        }
        return counts.keys.sorted().map { counts[$0]! }
    }

    /// `unknown-parent: 2 errors, 1 warning`.
    public var text: String {
        var parts: [String] = []
        if errors > 0 { parts.append(BatchText.count(errors, "error")) }
        if warnings > 0 { parts.append(BatchText.count(warnings, "warning")) }
        return "\(code): \(parts.joined(separator: ", "))"
    }
}
