/// The source column of each mapped field of a row: positions per row, names shared by every row
/// of the table (so a row carries a few integers, not a copy of the header).
public struct FieldColumns: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// 0-based column positions; -1 for a field that came from no column.
    private var positions: InlineArray<19, Int32>  // one per CanonicalField (FieldTable has the same count)
    private let names: [String]

    /// Columns given as a literal; only the empty literal `[:]` makes sense (no columns).
    public init(dictionaryLiteral elements: (CanonicalField, Diagnostic.Column)...) {
        positions = InlineArray(repeating: -1)
        names = []
        for (field, column) in elements { self[field] = column }
    }

    /// Columns of a table whose header has the column names `names`.
    init(names: [String]) {
        positions = InlineArray(repeating: -1)
        self.names = names
    }

    /// Whether both name the same columns for the same fields.
    public static func == (lhs: FieldColumns, rhs: FieldColumns) -> Bool {
        for index in 0..<CanonicalField.allCases.count where lhs.positions[index] != rhs.positions[index] { return false }
        return lhs.names == rhs.names
    }

    /// Records that `field` came from the column at the 0-based `position` (the name is the header's).
    mutating func setPosition(_ position: Int, of field: CanonicalField) {
        positions[field.ordinal] = Int32(clamping: position)
    }

    /// The column of `field`, if the field came from a column. Setting stores the position only;
    /// the name is the header's.
    public subscript(field: CanonicalField) -> Diagnostic.Column? {
        get {
            let position = Int(positions[field.ordinal])
            guard position >= 0 else { return nil }
            return Diagnostic.Column(name: position < names.count ? names[position] : "column \(position + 1)", index: position + 1)
        }
        set {
            positions[field.ordinal] = newValue.map { Int32(clamping: $0.index - 1) } ?? -1
        }
    }
}
