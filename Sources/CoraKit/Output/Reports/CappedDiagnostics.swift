/// The diagnostics a terminal shows: at most ``limitPerCode`` of each code, in their order, and for
/// each code with more a line `… and 180 more [unknown-parent]` after them. A report (`--report`)
/// always has every one.
public struct CappedDiagnostics: Sendable {
    /// How many diagnostics of one code are shown when nothing else is said.
    public static let defaultLimitPerCode = 20

    /// The diagnostics shown, in their order.
    public let shown: [Diagnostic]
    /// The codes of which some were left out, in the order they were first found, with how many.
    public let leftOut: [(code: DiagnosticCode, count: Int)]

    /// Splits `diagnostics` into those shown and the counts of those left out.
    public init(_ diagnostics: [Diagnostic], limitPerCode: Int = Self.defaultLimitPerCode) {
        var seen: [DiagnosticCode: Int] = [:]
        var order: [DiagnosticCode] = []
        var shown: [Diagnostic] = []
        for diagnostic in diagnostics {
            let count = seen[diagnostic.code, default: 0]
            if count == 0 { order.append(diagnostic.code) }
            seen[diagnostic.code] = count + 1
            if count < limitPerCode { shown.append(diagnostic) }
        }
        self.shown = shown
        self.leftOut = order.compactMap { code in seen[code]! > limitPerCode ? (code, seen[code]! - limitPerCode) : nil }
    }

    /// The lines about those left out, each ending with a line break: where they all are (the report
    /// at `reportPath`, shown as ``TerminalText/oneLine(_:)``), or how to get them.
    public func leftOutText(reportPath: String?) -> String {
        let whereAll = reportPath.map { "all of them are in \(TerminalText.oneLine($0))" } ?? "--report FILE lists all of them"
        return leftOut.map { "… and \($0.count) more [\($0.code.rawValue)]; \(whereAll)\n" }.joined()
    }
}
