import CoraCSV

/// Renders the model as the three files of an Archi CSV set, ready for Archi's "Import CSV Data
/// Into Model": `elements.csv`, `relations.csv`, `properties.csv`.
///
/// The files are exactly what Archi's importer expects and what its own export writes: the headers
/// `"ID","Type","Name","Documentation","Specialization"`,
/// `"ID","Type","Name","Documentation","Source","Target","Specialization"` and `"ID","Key","Value"`,
/// every field quoted, CRLF between rows and none after the last, UTF-8 without a byte order mark,
/// `,` (or the ``delimiter`` given).
///
/// What is written, in this order:
///
/// - **elements.csv**: the model row (the one read from Archi, else one named after ``title``);
///   the processes (`BusinessProcess`; `BusinessInteraction` for process chains and steering
///   scenarios); the business functions, services (`BusinessService`), events (`BusinessEvent`)
///   and applications (`ApplicationComponent`) that the processes name, one per name; a `Grouping`
///   per category ("Sturende processen", "Primaire processen", "Ondersteunende processen"); then
///   the elements kept from an Archi import, unchanged and in their order.
/// - **relations.csv**: per process, the relationships listed in ``ArchiProcessRelation`` (grouping
///   → top process Aggregation, parent → child Aggregation, function → process Aggregation,
///   process → service Realization, event → process Triggering, application → process Serving,
///   process → next process Triggering), then the kept relations.
/// - **properties.csv**: the kept properties, then per process `CORA-concepttype`, `Code`,
///   `Eigenaar`, `Status`, `Volgorde` (those that have a value) and the process's own properties.
///
/// Ids: a process keeps its id; an element or relation read from Archi keeps its id (and its type
/// and documentation); a new element gets an id from its name (`function-vastgoedverhuur`,
/// `service-verhuurde-eenheid`, `grouping-primary`), a new relation one from its type and ends
/// (`aggregation-ww-p03-ww-p03-01`), made unique with `-2`, `-3`. Kept relations and properties
/// whose concept is no longer written are left out, so Archi never meets a missing end.
public struct ArchiExportRenderer: Sendable {
    /// The delimiter: `,` (Archi's default), `;` or tab.
    public var delimiter: UInt8
    /// The name of a new model row (when the model did not come from Archi).
    public var title: String?

    /// Creates a renderer.
    public init(delimiter: UInt8 = UInt8(ascii: ","), title: String? = nil) {
        self.delimiter = delimiter
        self.title = title
    }

    /// The grouping names for the categories.
    public static func groupingName(of category: ProcessCategory) -> String {
        switch category {
        case .steering: return "Sturende processen"
        case .primary: return "Primaire processen"
        case .supporting: return "Ondersteunende processen"
        }
    }

    /// The three files for `model`.
    public func render(_ model: ProcessModel) -> ArchiExport {
        render(archiModel(for: model))
    }

    /// The three files for the rows of `archi`, in its order.
    public func render(_ archi: ArchiModel) -> ArchiExport {
        ArchiExport(
            elements: write(.elements, archi.elements.map { [$0.id, $0.type, $0.name, $0.documentation, $0.specialization ?? ""] }),
            relations: write(.relations, archi.relations.map {
                [$0.id, $0.type, $0.name, $0.documentation, $0.source, $0.target, $0.specialization ?? ""]
            }),
            properties: write(.properties, archi.properties.map { [$0.id, $0.key, $0.value] }))
    }

    private func write(_ table: ArchiTable, _ rows: [[String]]) -> [UInt8] {
        var writer = CSVWriter(options: CSVWriteOptions(delimiter: delimiter, lineEnding: .crlf, byteOrderMark: false, quoting: .all))
        writer.write(table.header)
        for row in rows { writer.write(row) }
        var bytes = writer.takeOutput()
        // Archi's own export ends without a line break after the last row.
        if bytes.suffix(2) == [0x0D, 0x0A] { bytes.removeLast(2) }
        return bytes
    }

    /// The rows written for `model`.
    public func archiModel(for model: ProcessModel) -> ArchiModel {
        // Read many times and in any order: the processes as values, made once from the columns.
        var plan = ArchiExportPlan(model: model.withProcessesAsValues, title: title)
        return plan.make()
    }

    /// The rows written for `model`, with the id each process got (by its id in the model).
    func archiModelAndProcessIDs(for model: ProcessModel) -> (model: ArchiModel, processIDs: [String: String]) {
        var plan = ArchiExportPlan(model: model, title: title)
        let rows = plan.make()
        return (rows, plan.processIDs)
    }
}
