import CoraCSV

/// How one kind of spreadsheet export becomes the canonical model.
///
/// A mapping is written by hand as YAML (see `Mappings/README.md`) and read with
/// ``MappingParser``. It says, for each canonical field, which source columns feed it and how their
/// values are cleaned; which unmapped columns are kept as properties; and, when detection is not
/// wanted, the dialect.
public struct Mapping: Sendable, Equatable {
    /// The mapping's name (`canonical`, `excel-nl`, …).
    public var name: String
    /// What exports the mapping is for.
    public var description: String
    /// The dialect, where the mapping fixes it.
    public var dialect: Dialect
    /// The rule for each canonical field that the mapping fills.
    public var fields: [CanonicalField: FieldRule]
    /// Whether values are trimmed of surrounding whitespace, unless a field says otherwise.
    public var trim: Bool
    /// Which unmapped columns become properties.
    public var properties: PropertySelection
    /// Where the mapping came from (a path, or `builtin:NAME`), for messages.
    public var origin: String

    /// Creates a mapping.
    public init(name: String, description: String = "", dialect: Dialect = Dialect(), fields: [CanonicalField: FieldRule] = [:],
                trim: Bool = true, properties: PropertySelection = .all, origin: String = "") {
        self.name = name
        self.description = description
        self.dialect = dialect
        self.fields = fields
        self.trim = trim
        self.properties = properties
        self.origin = origin
    }

    /// The dialect settings of a mapping; `nil` means "detect".
    public struct Dialect: Sendable, Equatable {
        /// The delimiter.
        public var delimiter: UInt8?
        /// The encoding.
        public var encoding: CSVEncoding?
        /// Rows to skip before the header (titles above the table).
        public var skipRows: Int

        /// Creates dialect settings.
        public init(delimiter: UInt8? = nil, encoding: CSVEncoding? = nil, skipRows: Int = 0) {
            self.delimiter = delimiter
            self.encoding = encoding
            self.skipRows = skipRows
        }
    }

    /// How one canonical field is filled.
    public struct FieldRule: Sendable, Equatable {
        /// Source header names that feed the field; the first present in the file is used. Headers
        /// match case-, whitespace- and accent-insensitively.
        public var columns: [String]
        /// A fixed value for every row, instead of a column.
        public var constant: String?
        /// The value used when the cell is empty.
        public var defaultValue: String?
        /// Separators that split a multi-valued cell (`"\n"` for a line break inside the cell).
        public var split: [String]
        /// Whether to trim this field's values; `nil` follows the mapping.
        public var trim: Bool?
        /// Whether the field must be present in the file.
        public var required: Bool

        /// Creates a rule.
        public init(columns: [String] = [], constant: String? = nil, defaultValue: String? = nil,
                    split: [String] = [], trim: Bool? = nil, required: Bool = false) {
            self.columns = columns
            self.constant = constant
            self.defaultValue = defaultValue
            self.split = split
            self.trim = trim
            self.required = required
        }
    }

    /// Which unmapped columns become properties.
    public enum PropertySelection: Sendable, Equatable {
        /// Every unmapped column (the default: nothing is lost).
        case all
        /// No column.
        case none
        /// Only the listed columns.
        case only([String])
        /// Every unmapped column except the listed ones.
        case except([String])

        /// Whether the column with header `name` is kept.
        public func includes(_ name: String) -> Bool {
            switch self {
            case .all: return true
            case .none: return false
            case .only(let names): return names.contains { TextNormalization.matchKey($0) == TextNormalization.matchKey(name) }
            case .except(let names): return !names.contains { TextNormalization.matchKey($0) == TextNormalization.matchKey(name) }
            }
        }
    }
}
