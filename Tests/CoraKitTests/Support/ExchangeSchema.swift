import CoraKit
import Foundation
import Testing

/// The ArchiMate exchange format's schemas (`../shared/schemas/archimate-exchange-3.1`) and xmllint.
enum ExchangeSchema {
    /// The diagram schema, which includes the view and model schemas.
    static let diagramSchema = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/archimate-exchange-3.1/archimate3_Diagram.xsd").path

    /// What `xmllint --schema archimate3_Diagram.xsd` says about `document`: empty when it validates.
    static func problems(_ document: [UInt8]) throws -> String {
        let run = try ExternalTool.run("xmllint", ["--noout", "--nonet", "--schema", diagramSchema, "-"], input: document)
        return run.status == 0 && run.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == "- validates" ? "" : run.stderr
    }

    /// The VERA release `version` (`3.2.1`, `4.0`, `4.3.1`) from `../shared/realworld/vera-domeinmodellen`.
    static func vera(_ version: String) throws -> [UInt8] {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/vera-domeinmodellen/VERA-\(version).xml")
        return Array(try Data(contentsOf: url))
    }
}
