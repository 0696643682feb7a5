import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``DiagnosticCode``: every code declared once, with its default severity, and listed for users.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    @Test("every code is kebab-case and unique; every reader issue has its code")
    func codes() {
        let raw = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } })
        for kind in CSVIssue.Kind.allCases { #expect(DiagnosticCode(kind).rawValue == kind.rawValue) }
    }

    @Test("default severities: the warnings are the findings the data can live with")
    func severities() {
        let warnings = DiagnosticCode.allCases.filter { $0.defaultSeverity == .warning }.map(\.rawValue).sorted()
        #expect(warnings == [
            "ambiguous-next", "ambiguous-pdca-reference", "archi-missing-file", "archi-model-row", "archi-several-functions", "archi-two-parents",
            "blank-header", "category-mismatch", "conflicting-code", "empty-row", "encoding-fallback", "exchange-unknown-reference", "header-elsewhere",
            "invalid-encoding", "merged-duplicate", "missing-cells", "missing-function", "missing-parent", "name-noise", "naming-convention", "no-data",
            "not-steering", "open-pdca-loop", "pdca-incomplete", "privacy-without-owner", "steers-nothing", "unclear-flag", "unknown-next",
            "unknown-pdca-phase", "unknown-pdca-reference", "unknown-requirement", "unsteered-process", "utf16-without-bom", "workbook-cell",
        ])
    }

    @Test("the README lists every code")
    func readme() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(readme.contains("`\(code.rawValue)`"), "README.md does not list `\(code.rawValue)`")
        }
    }
}
