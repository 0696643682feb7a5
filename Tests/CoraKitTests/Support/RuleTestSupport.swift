import CoraCSV
import CoraKit
import Foundation

/// One canonical row from named fields, quoted where CSV needs it.
func canonicalRow(_ id: String, code: String = "", _ name: String, level: String = "", category: String = "",
            parent: String = "", owner: String = "", function: String = "", applications: String = "",
            status: String = "", description: String = "", requirements: String = "", steers: String = "",
            reportsTo: String = "", pdcaPhase: String = "") -> String {
    [id, code, name, level, category, parent, "", owner, function, "", "", applications, "", status, description,
     requirements, steers, reportsTo, pdcaPhase]
        .map { value in
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        .joined(separator: ",")
}

/// Converts with the canonical mapping and `--strict`.
func convertStrict(_ text: String) throws -> ConversionResult {
    let mapping = try MappingCatalog.builtin.mapping(named: "canonical")
    return try Pipeline.convert(MemoryByteSource(text: text), file: "test.csv", mapping: mapping, settings: ConversionSettings(policy: DiagnosticPolicy(strict: true)))
}
