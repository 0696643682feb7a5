/// The source column of each mapped field of a row: positions per row, names shared by every row
/// of the table (so a row carries a few integers, not a copy of the header).
public struct FieldColumns: Sendable, ExpressibleByDictionaryLiteral {
    private var positions: FieldTable<Int>
    private let names: [String]

    /// No columns.
    public init(dictionaryLiteral elements: (CanonicalField, Diagnostic.Column)...) {
        positions = FieldTable()
        names = elements.map(\.1.name)
        for (offset, element) in elements.enumerated() { positions[element.0] = -1 - offset }
    }

    /// Columns of a table whose header has the column names `names`.
    init(names: [String]) {
        positions = FieldTable()
        self.names = names
    }

    /// The column of `field`, if the field came from a column. Setting a column of the table's
    /// header stores its position only.
    public subscript(field: CanonicalField) -> Diagnostic.Column? {
        get {
            guard let position = positions[field] else { return nil }
            // Negative positions point at names given by a literal.
            if position < 0 { return Diagnostic.Column(name: names[-1 - position], index: 0) }
            return Diagnostic.Column(name: position < names.count ? names[position] : "column \(position + 1)", index: position + 1)
        }
        set {
            positions[field] = newValue.map { $0.index - 1 }
        }
    }
}
