import CoraCSV

/// What the model builder keeps of a row once its process is made: where the row was, the record
/// as read (for rejects), which columns fed which fields, and the category, function and parent as written
/// (for findings). Much smaller than the mapped row, which holds every value once more.
public struct RowTrace: Sendable {
    /// Where the row is.
    public var location: SourceLocation
    /// The record as read.
    public var record: CSVRecord
    /// The column each field came from.
    public var columns: FieldColumns
    /// The category cell as the mapping left it, before it was read as a category.
    public var categoryText: String
    /// The function cell as the mapping left it.
    public var functionText: String
    /// The parent cell as the mapping left it.
    public var parentText: String

    /// A trace from its parts.
    init(location: SourceLocation, record: CSVRecord, columns: FieldColumns, categoryText: String, functionText: String,
         parentText: String) {
        self.location = location
        self.record = record
        self.columns = columns
        self.categoryText = categoryText
        self.functionText = functionText
        self.parentText = parentText
    }

    /// The trace of `row`.
    public init(_ row: MappedRow) {
        location = row.location
        record = row.record
        columns = row.columns
        categoryText = row[.category]
        functionText = row[.function]
        parentText = row[.parent]
    }
}
