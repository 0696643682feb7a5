import CoraCSV

/// `csv`: the canonical CSV (``CanonicalCSVRenderer`` with ``CSVWriteOptions/canonical``): the 15
/// canonical columns, then one per property; `,`, LF, UTF-8, quotes only where needed. Reads back
/// into the same model and renders to the same bytes.
public struct CanonicalCSVFormat: OutputFormat {
    public let name = "csv"
    public let aliases = ["canonical"]
    public let summary = "the canonical CSV: 19 fixed columns, then one column per property; ',' LF UTF-8"
    public let fileSuffix = ".csv"

    public init() {}

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        // Written as it is rendered: a million rows are not held a second time as bytes.
        try target.write(nil) { write in
            try CanonicalCSVRenderer(options: .canonical).render(model, threads: options.renderThreads, in: write)
        }
    }
}
