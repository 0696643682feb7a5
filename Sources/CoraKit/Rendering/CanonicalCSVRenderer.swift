import CoraCSV

/// Renders the model as the canonical CSV: the 15 canonical columns in their fixed order, then one
/// column per property; multi-valued fields joined with `|`.
///
/// With ``CSVWriteOptions/canonical`` the output reads back into the same model and renders to the
/// same bytes. With ``CSVWriteOptions/excel`` it is ready for Excel (`;`, BOM, CRLF, formulas defused).
public struct CanonicalCSVRenderer: Sendable {
    /// The CSV layout.
    public var options: CSVWriteOptions

    /// Creates a renderer.
    public init(options: CSVWriteOptions = .canonical) {
        self.options = options
    }

    /// The header row: canonical field names, then the property names.
    public func header(for model: ProcessModel) -> [String] {
        CanonicalField.canonicalHeader + model.propertyNames
    }

    /// The cells of one process, in the order of ``header(for:)``.
    public func cells(of process: CoraProcess, propertyNames: [String]) -> [String] {
        var cells: [String] = [
            process.id, process.code, process.name, process.level?.rawValue ?? "", process.category?.rawValue ?? "",
            process.parent, process.order.map(String.init) ?? "", process.owner, process.function,
            process.services.joined(separator: CanonicalField.valueSeparator),
            process.events.joined(separator: CanonicalField.valueSeparator),
            process.applications.joined(separator: CanonicalField.valueSeparator),
            process.next.joined(separator: CanonicalField.valueSeparator),
            process.status, process.description,
        ]
        for name in propertyNames { cells.append(process.property(name) ?? "") }
        return cells
    }

    /// The whole CSV document.
    public func render(_ model: ProcessModel) -> [UInt8] {
        var writer = CSVWriter(options: options)
        writer.write(header(for: model))
        var output = writer.takeOutput()
        for process in model.processes {
            writer.write(cells(of: process, propertyNames: model.propertyNames))
            output.append(contentsOf: writer.takeOutput())
        }
        return output
    }
}
