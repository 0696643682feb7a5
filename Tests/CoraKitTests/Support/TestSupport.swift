import CoraCSV
import CoraKit
import Foundation
import Testing

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Converts CSV text with the mapping `mapping` (default canonical).
func convert(_ text: String, mapping: String = "canonical", file: String = "test.csv", keepInvalid: Bool = false,
             options: CSVReadOptions = CSVReadOptions()) throws -> ConversionResult {
    let mapping = try MappingCatalog.builtin.mapping(named: mapping)
    return try Pipeline.convert(MemoryByteSource(text: text), file: file, mapping: mapping,
                                settings: ConversionSettings(readOptions: options, keepInvalid: keepInvalid))
}

/// The header of canonical layout 1: the fifteen columns up to `description`. Most tests write
/// their rows in it (a file of cora before layout 2, which reads as ever, the newer fields empty).
let canonicalHeader = CanonicalField.canonicalHeader.prefix(15).joined(separator: ",")

/// The header of canonical layout 2: all nineteen columns.
let canonicalHeader2 = CanonicalField.canonicalHeader.joined(separator: ",")

/// A canonical CSV text in layout 1: the header, then the given rows (one line each; cells past
/// the fifteenth must be empty).
func canonicalCSV(_ rows: String...) -> String {
    canonicalCSV(rows)
}

/// A canonical CSV text in layout 1: the header, then the given rows (one line each).
func canonicalCSV(_ rows: [String]) -> String {
    ([canonicalHeader] + rows).joined(separator: "\n") + "\n"
}

/// A canonical CSV text in layout 2 (with requirements, steers, reports-to and pdca-phase).
func canonicalCSV2(_ rows: String...) -> String {
    ([canonicalHeader2] + rows).joined(separator: "\n") + "\n"
}

/// A compact view of a diagnostic for exact comparisons: `code@line:column`.
func summary(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.code.rawValue)@\(diagnostic.line.map(String.init) ?? "-")" + (diagnostic.column.map { ":\($0.index)" } ?? "")
}

/// A time limit that only catches a hang (work that is quadratic again takes many minutes): three minutes,
/// or twenty in a sanitizer build (`make sanitize` sets `CORA_SLOW_BUILD`), which runs many times
/// slower. Speed itself is measured by the benchmarks, never by a test.
extension Trait where Self == TimeLimitTrait {
    static var hangGuard: Self {
        .timeLimit(ProcessInfo.processInfo.environment["CORA_SLOW_BUILD"] == nil ? .minutes(3) : .minutes(20))
    }
}
