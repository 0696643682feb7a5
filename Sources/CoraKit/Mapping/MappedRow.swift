import CoraCSV

/// One data row after the mapping: canonical field values as text, plus the kept source cells.
public struct MappedRow: Sendable {
    /// The value of each single-valued field the mapping filled (after clean-up).
    public var values: FieldTable<String>
    /// The values of each multi-valued field.
    public var lists: FieldTable<[String]>
    /// Unmapped cells kept as properties.
    public var properties: [Property]
    /// Where the row is.
    public var location: SourceLocation
    /// The record as read, for rejects files.
    public var record: CSVRecord
    /// The column each field came from, for diagnostics.
    public var columns: FieldColumns
    /// In a per-level layout: the names of the process's ancestors, from the top down.
    public var levelPath: [String]? = nil
    /// In a per-level layout: the level of each ancestor in ``levelPath``.
    public var levelPathLevels: [ProcessLevel?] = []
    /// The level given by the column the process is in (per-level layouts).
    public var levelFromHierarchy: ProcessLevel? = nil
    /// The language of the names, from the mapping (`nil`: not said, checked as Dutch).
    public var language: InventoryLanguage? = nil

    /// A row from its parts.
    public init(values: FieldTable<String>, lists: FieldTable<[String]>, properties: [Property], location: SourceLocation,
                record: CSVRecord, columns: FieldColumns) {
        self.values = values
        self.lists = lists
        self.properties = properties
        self.location = location
        self.record = record
        self.columns = columns
    }

    /// The value of `field`, or an empty string.
    public subscript(field: CanonicalField) -> String { values[field] ?? "" }
}
