/// A value per canonical field, stored inline (no hashing, no heap allocation): what a row holds
/// for each field while it is mapped.
public struct FieldTable<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private var slots: InlineArray<19, Value?>

    /// An empty table.
    public init() {
        slots = InlineArray(repeating: nil)
    }

    /// A table with the given entries.
    public init(dictionaryLiteral elements: (CanonicalField, Value)...) {
        self.init()
        for (field, value) in elements { self[field] = value }
    }

    /// The values that are set, in field order.
    public var values: [Value] { CanonicalField.allCases.compactMap { self[$0] } }

    /// The value of `field`, if set.
    public subscript(field: CanonicalField) -> Value? {
        get { slots[field.ordinal] }
        set { slots[field.ordinal] = newValue }
    }
}

extension CanonicalField {
    /// The position of the field in ``CanonicalField/allCases`` (and in the canonical CSV).
    public var ordinal: Int {
        switch self {
        case .id: return 0
        case .code: return 1
        case .name: return 2
        case .level: return 3
        case .category: return 4
        case .parent: return 5
        case .order: return 6
        case .owner: return 7
        case .function: return 8
        case .services: return 9
        case .events: return 10
        case .applications: return 11
        case .next: return 12
        case .status: return 13
        case .description: return 14
        case .requirements: return 15
        case .steers: return 16
        case .reportsTo: return 17
        case .pdcaPhase: return 18
        }
    }
}
