/// A source column that no canonical field took, kept with the process so that nothing is lost.
public struct Property: Sendable, Equatable, Hashable {
    /// The column's header text.
    public var name: String
    /// The cell's value.
    public var value: String

    /// Creates a property.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
