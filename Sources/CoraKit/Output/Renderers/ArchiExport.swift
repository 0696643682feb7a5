/// The three files of an Archi CSV set, as bytes.
public struct ArchiExport: Sendable, Equatable {
    /// `elements.csv`.
    public var elements: [UInt8]
    /// `relations.csv`.
    public var relations: [UInt8]
    /// `properties.csv`.
    public var properties: [UInt8]

    /// The bytes of `table`.
    public func bytes(of table: ArchiTable) -> [UInt8] {
        switch table {
        case .elements: return elements
        case .relations: return relations
        case .properties: return properties
        }
    }
}
