/// One row of Archi's `properties.csv`: a key and a value on the concept (or the model) with id ``id``.
///
/// A concept may have the same key more than once; Archi keeps every row.
public struct ArchiProperty: Sendable, Equatable, Hashable {
    /// The id of the element, relation or model row the property belongs to.
    public var id: String
    /// The key.
    public var key: String
    /// The value.
    public var value: String
    /// Where the row is.
    public var location: SourceLocation?

    /// Creates a property row.
    public init(id: String, key: String, value: String, location: SourceLocation? = nil) {
        self.id = id
        self.key = key
        self.value = value
        self.location = location
    }
}
