/// One value of a row as a ``CellRule`` sees it.
public struct Cell: Sendable {
    /// Where the value is in the row.
    public enum Place: Sendable, Equatable {
        /// The value of a single-valued field.
        case field(CanonicalField)
        /// One item of a multi-valued field.
        case item(CanonicalField)
        /// A property (an unmapped column) of this name.
        case property(String)
    }

    /// The value.
    public var value: String
    /// Where it is.
    public var place: Place

    /// The field, unless the value is a property.
    public var field: CanonicalField? {
        switch place {
        case .field(let field), .item(let field): return field
        case .property: return nil
        }
    }

    /// How messages name the value: `the name`, `"X" in services`, `the property "Afdeling"`.
    public var subject: String {
        switch place {
        case .field(let field): return "the \(field.rawValue)"
        case .item(let field): return "\"\(value)\" in \(field.rawValue)"
        case .property(let name): return "the property \"\(name)\""
        }
    }
}
