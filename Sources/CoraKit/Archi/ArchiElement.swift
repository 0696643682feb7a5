/// One row of Archi's `elements.csv`: an ArchiMate element, or the model itself (Type `ArchimateModel`).
///
/// Values are as Archi's importer reads them: the name with line breaks and tabs turned into spaces
/// (Archi's "normalise"), the documentation exactly as written. An empty ``id`` is allowed: Archi
/// gives such an element a new id when it imports it.
public struct ArchiElement: Sendable, Equatable, Hashable {
    /// The id (`[A-Za-z0-9._-]+`), or empty.
    public var id: String
    /// The ArchiMate type as Archi names it: `BusinessProcess`, `Grouping`, … or `ArchimateModel`.
    public var type: String
    /// The name.
    public var name: String
    /// The documentation (for the model row: the model's purpose).
    public var documentation: String
    /// The specialization, or `nil` when the file has the older 4-column header without one.
    public var specialization: String?
    /// Where the row is.
    public var location: SourceLocation?

    /// Creates an element row.
    public init(id: String, type: String, name: String, documentation: String = "", specialization: String? = "",
                location: SourceLocation? = nil) {
        self.id = id
        self.type = type
        self.name = name
        self.documentation = documentation
        self.specialization = specialization
        self.location = location
    }

    /// Whether this is the model row (Type `ArchimateModel`).
    public var isModel: Bool { type == ArchiConceptType.model }
}
