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
    /// Whether runs of whitespace inside values become one space, unless a field says otherwise.
    public var collapseWhitespace: Bool
    /// How the hierarchy is found.
    public var hierarchy: Hierarchy
    /// Headers that identify the layout, for `--mapping auto` (besides the fields' columns).
    public var detectHeaders: [String]
    /// Which unmapped columns become properties.
    public var properties: PropertySelection
    /// The language of the process names, for the naming convention; `nil` when the mapping does
    /// not say (the names are checked as Dutch, CORA's own language).
    public var language: InventoryLanguage?
    /// The corporation's own requirement tags, besides CORA's (``RequirementCatalog/cora``).
    public var requirementTags: [RequirementTag] = []

    /// The requirement tags the mapping's rows are read with: CORA's and the mapping's own.
    public var requirementCatalog: RequirementCatalog { RequirementCatalog.cora.with(requirementTags) }
    /// Where the mapping came from (a path, or `builtin:NAME`), for messages.
    public var origin: String

    /// Creates a mapping.
    public init(name: String, description: String = "", dialect: Dialect = Dialect(), fields: [CanonicalField: FieldRule] = [:],
                trim: Bool = true, collapseWhitespace: Bool = false, hierarchy: Hierarchy = Hierarchy(),
                detectHeaders: [String] = [], properties: PropertySelection = .all, language: InventoryLanguage? = nil,
                origin: String = "") {
        self.name = name
        self.description = description
        self.dialect = dialect
        self.fields = fields
        self.trim = trim
        self.collapseWhitespace = collapseWhitespace
        self.hierarchy = hierarchy
        self.detectHeaders = detectHeaders
        self.properties = properties
        self.language = language
        self.origin = origin
    }

    /// How the hierarchy of processes is written in the export.
    public struct Hierarchy: Sendable, Equatable {
        /// The shape of the hierarchy.
        public var shape: Shape
        /// For ``Shape/levelColumns``: one column per level, from coarse to fine.
        public var levelColumns: [LevelColumn]
        /// The level of a process by its depth (1 = top), for processes without a level of their own.
        public var levelsByDepth: [ProcessLevel]
        /// Whether a process without a category takes its parent's.
        public var inheritCategory: Bool
        /// The line of `hierarchy` in the mapping file.
        public var line: Int?

        /// Creates hierarchy settings.
        public init(shape: Shape = .parentColumn, levelColumns: [LevelColumn] = [], levelsByDepth: [ProcessLevel] = [],
                    inheritCategory: Bool = true, line: Int? = nil) {
            self.shape = shape
            self.levelColumns = levelColumns
            self.levelsByDepth = levelsByDepth
            self.inheritCategory = inheritCategory
            self.line = line
        }

        /// The three shapes found in practice.
        public enum Shape: String, Sendable, Equatable, CaseIterable {
            /// A column names each process's parent (by id, code or name).
            case parentColumn = "parent-column"
            /// Codes carry the hierarchy: `1.2.3` has the parent `1.2`.
            case dottedCodes = "dotted-codes"
            /// One column per level (`Niveau 1`, `Niveau 2`, …); a blank cell means "same as the row above".
            case levelColumns = "level-columns"
        }

        /// One column of a per-level layout.
        public struct LevelColumn: Sendable, Equatable {
            /// Header names of the column (the first present is used).
            public var columns: [String]
            /// The level of the processes named in this column.
            public var level: ProcessLevel?
            /// The line in the mapping file.
            public var line: Int?

            /// Creates a level column.
            public init(columns: [String], level: ProcessLevel?, line: Int? = nil) {
                self.columns = columns
                self.level = level
                self.line = line
            }
        }
    }

    /// The dialect settings of a mapping; `nil` means "detect".
    public struct Dialect: Sendable, Equatable {
        /// The delimiter.
        public var delimiter: UInt8?
        /// The encoding.
        public var encoding: CSVEncoding?
        /// Rows to skip before the header (titles above the table); `header-row: N` is the same as
        /// `skip-rows: N-1`.
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
        /// Whether runs of whitespace become one space; `nil` follows the mapping.
        public var collapseWhitespace: Bool?
        /// Value map: a source value (compared case-, accent- and whitespace-insensitively) and what
        /// it stands for. For `level` and `category` the right-hand side is a canonical value.
        public var values: [(from: String, to: String)]
        /// Prefixes removed from the start of values (case-insensitively), such as `WP `.
        public var stripPrefixes: [String]
        /// Suffixes removed from the end of values (case-insensitively), such as `(werkproces)`.
        public var stripSuffixes: [String]
        /// For the fields that name processes (`parent`, `next`, `steers`, `reports-to`): what the
        /// reference names.
        public var match: ReferenceMatch
        /// For `requirements`: yes/no columns, one per requirement (`AVG` → `privacy`); a cell that
        /// says yes (``FlagWords``) adds the tag.
        public var flags: [(column: String, tag: String)] = []
        /// The line of the field in the mapping file.
        public var line: Int?

        /// Creates a rule.
        public init(columns: [String] = [], constant: String? = nil, defaultValue: String? = nil,
                    split: [String] = [], trim: Bool? = nil, required: Bool = false, collapseWhitespace: Bool? = nil,
                    values: [(from: String, to: String)] = [], stripPrefixes: [String] = [], stripSuffixes: [String] = [],
                    match: ReferenceMatch = .any, line: Int? = nil) {
            self.columns = columns
            self.constant = constant
            self.defaultValue = defaultValue
            self.split = split
            self.trim = trim
            self.required = required
            self.collapseWhitespace = collapseWhitespace
            self.values = values
            self.stripPrefixes = stripPrefixes
            self.stripSuffixes = stripSuffixes
            self.match = match
            self.line = line
        }

        public static func == (lhs: FieldRule, rhs: FieldRule) -> Bool {
            lhs.columns == rhs.columns && lhs.constant == rhs.constant && lhs.defaultValue == rhs.defaultValue
                && lhs.split == rhs.split && lhs.trim == rhs.trim && lhs.required == rhs.required
                && lhs.collapseWhitespace == rhs.collapseWhitespace
                && lhs.values.map(\.from) == rhs.values.map(\.from) && lhs.values.map(\.to) == rhs.values.map(\.to)
                && lhs.stripPrefixes == rhs.stripPrefixes && lhs.stripSuffixes == rhs.stripSuffixes && lhs.match == rhs.match
                && lhs.flags.map(\.column) == rhs.flags.map(\.column) && lhs.flags.map(\.tag) == rhs.flags.map(\.tag)
        }
    }

    /// What a reference to another process (in `parent`, `next`, `steers` or `reports-to`) names.
    public enum ReferenceMatch: String, Sendable, Equatable, CaseIterable {
        /// The id, else the code, else the name.
        case any
        /// The id only.
        case id
        /// The code only.
        case code
        /// The name only (compared case-, accent- and whitespace-insensitively).
        case name
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
            case .only(let names): return names.contains { TextNormalization.headerKey($0) == TextNormalization.headerKey(name) }
            case .except(let names): return !names.contains { TextNormalization.headerKey($0) == TextNormalization.headerKey(name) }
            }
        }
    }
}
