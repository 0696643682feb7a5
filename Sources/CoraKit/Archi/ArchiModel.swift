/// An Archi CSV set as Archi's importer reads it: the rows of `elements.csv`, `relations.csv` and
/// `properties.csv` that it would accept, in file order, values unchanged.
///
/// ``ArchiCSVReader`` makes one from the three files; ``ArchiImport`` turns it into a
/// ``ProcessModel``; ``ArchiExportRenderer`` writes one out.
public struct ArchiModel: Sendable, Equatable {
    /// The element rows, the model row (Type `ArchimateModel`) included where the file has it.
    public var elements: [ArchiElement]
    /// The relation rows.
    public var relations: [ArchiRelation]
    /// The property rows.
    public var properties: [ArchiProperty]

    /// Creates a set.
    public init(elements: [ArchiElement] = [], relations: [ArchiRelation] = [], properties: [ArchiProperty] = []) {
        self.elements = elements
        self.relations = relations
        self.properties = properties
    }

    /// The model row: the first element of Type `ArchimateModel`.
    public var modelRow: ArchiElement? { elements.first(where: \.isModel) }

    /// The elements without the model row.
    public var concepts: [ArchiElement] { elements.filter { !$0.isModel } }

    /// The properties of the concept or model row with id `id`, in file order.
    public func properties(of id: String) -> [ArchiProperty] {
        properties.filter { $0.id == id }
    }
}
