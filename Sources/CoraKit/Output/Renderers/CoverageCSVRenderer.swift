import CoraCSV

/// Renders a ``CoverageReport`` as CSV (`cora coverage --to csv`): a header, then one row per
/// reference process (in the report's order), then one per inventory process that covers none.
///
///     side,id,name,level,category,status,matches,methods,scores
///     reference,r-verhuur,Verhuren eenheden,business-process,primary,covered,ww-p03|ww-p04,name|similarity,1|0.85
///     inventory,ww-s01,Bepalen visie,business-process,steering,unmatched,,,
///
/// `matches` lists the ids of the inventory processes that cover a reference process, `methods`
/// and `scores` how and how well, in the same order, joined with `|`. Written with the project's
/// CSV writer: with ``CSVWriteOptions/excel``, ready for Excel with formulas defused.
public struct CoverageCSVRenderer: Sendable {
    /// The CSV layout.
    public var options: CSVWriteOptions

    /// Creates a renderer.
    public init(options: CSVWriteOptions = .canonical) {
        self.options = options
    }

    /// The columns.
    public static let header = ["side", "id", "name", "level", "category", "status", "matches", "methods", "scores"]

    /// The CSV document.
    public func render(_ report: CoverageReport) -> [UInt8] {
        var writer = CSVWriter(options: options)
        writer.write(Self.header)
        let reference = report.reference.processes, inventory = report.inventory.processes
        for entry in report.entries {
            let process = reference[entry.reference]
            writer.write([
                "reference", process.id, process.name, process.level?.rawValue ?? "", process.category?.rawValue ?? "", entry.status.rawValue,
                entry.matches.map { inventory[$0.inventory].id }.joined(separator: "|"),
                entry.matches.map(\.method.rawValue).joined(separator: "|"),
                entry.matches.map { DecimalText.score($0.score) }.joined(separator: "|"),
            ])
        }
        for position in report.unmatched {
            let process = inventory[position]
            writer.write(["inventory", process.id, process.name, process.level?.rawValue ?? "", process.category?.rawValue ?? "",
                          CoverageStatus.unmatched.rawValue, "", "", ""])
        }
        return writer.takeOutput()
    }
}
