/// One row of Archi's `relations.csv`: an ArchiMate relationship from one concept to another.
///
/// ``source`` and ``target`` hold ids of elements or (for relationships on relationships) of other
/// relations in the same set.
public struct ArchiRelation: Sendable, Equatable, Hashable {
    /// The id (`[A-Za-z0-9._-]+`), or empty (Archi then gives it a new one).
    public var id: String
    /// The relationship type as Archi names it: `AggregationRelationship`, `TriggeringRelationship`, …
    public var type: String
    /// The name (often empty).
    public var name: String
    /// The documentation.
    public var documentation: String
    /// The id of the source concept.
    public var source: String
    /// The id of the target concept.
    public var target: String
    /// The specialization, or `nil` when the file has the older 6-column header without one.
    public var specialization: String?
    /// Where the row is.
    public var location: SourceLocation?

    /// Creates a relation row.
    public init(id: String, type: String, name: String = "", documentation: String = "", source: String, target: String,
                specialization: String? = "", location: SourceLocation? = nil) {
        self.id = id
        self.type = type
        self.name = name
        self.documentation = documentation
        self.source = source
        self.target = target
        self.specialization = specialization
        self.location = location
    }
}
