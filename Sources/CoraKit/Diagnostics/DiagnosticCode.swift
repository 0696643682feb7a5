/// A stable, kebab-case name for a kind of finding.
///
/// Codes never change once published: scripts filter on them and reports count them. Each code is
/// declared once, here, with what it means.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticCode {
    // MARK: Reading the file

    /// The input could not be opened or read.
    public static let unreadableInput: DiagnosticCode = "unreadable-input"
    /// `--max-errors` was reached; the rest of the input was not read.
    public static let maxErrorsReached: DiagnosticCode = "max-errors-reached"
    /// The input holds no records at all.
    public static let emptyFile: DiagnosticCode = "empty-file"
    /// The input has a header but no data rows.
    public static let noData: DiagnosticCode = "no-data"

    // MARK: The header

    /// A header cell is empty while the column holds data.
    public static let blankHeader: DiagnosticCode = "blank-header"
    /// Two columns have the same header.
    public static let duplicateHeader: DiagnosticCode = "duplicate-header"
    /// The header lacks the mapping's columns, and a later row has them (titles above the table).
    public static let headerElsewhere: DiagnosticCode = "header-elsewhere"
    /// A column the mapping needs is not in the header.
    public static let missingColumn: DiagnosticCode = "missing-column"

    // MARK: One row

    /// A row has more cells than the header, and the extra cells hold data.
    public static let extraCells: DiagnosticCode = "extra-cells"
    /// A row has fewer cells than the header; the missing cells count as empty.
    public static let missingCells: DiagnosticCode = "missing-cells"
    /// A row whose cells are all empty; it is skipped.
    public static let emptyRow: DiagnosticCode = "empty-row"
    /// A process without a name.
    public static let missingName: DiagnosticCode = "missing-name"
    /// A level that is not one of the known levels.
    public static let unknownLevel: DiagnosticCode = "unknown-level"
    /// A category that is not one of the known categories.
    public static let unknownCategory: DiagnosticCode = "unknown-category"
    /// An id that ArchiMate tools would refuse (allowed: letters, digits, `.`, `_`, `-`).
    public static let invalidID: DiagnosticCode = "invalid-id"
    /// An order that is not a whole number.
    public static let invalidOrder: DiagnosticCode = "invalid-order"

    // MARK: Cell values (CellRules)

    /// A value Excel mangled: a long number in scientific notation, a dotted code turned into a
    /// date, a `="…"` formula wrapper, or an error value such as `#N/A` or `#####`.
    public static let excelDamage: DiagnosticCode = "excel-damage"
    /// UTF-8 text that was read as Windows-1252 and saved again (`Ã«` for `ë`), or a lost character (`�`).
    public static let mojibake: DiagnosticCode = "mojibake"
    /// A name with surrounding or doubled whitespace, a `WP `/`BP ` prefix or a `(werkproces)` suffix.
    public static let nameNoise: DiagnosticCode = "name-noise"
    /// A process name that breaks CORA's naming convention (a verb first: "Verhuren eenheden").
    public static let namingConvention: DiagnosticCode = "naming-convention"

    // MARK: Across rows

    /// Two processes with the same id.
    public static let duplicateID: DiagnosticCode = "duplicate-id"
    /// The same process twice under the same parent (per-level layouts).
    public static let duplicateProcess: DiagnosticCode = "duplicate-process"
    /// A parent reference that matches no process.
    public static let unknownParent: DiagnosticCode = "unknown-parent"
    /// A `next` reference that matches no process.
    public static let unknownNext: DiagnosticCode = "unknown-next"
    /// Processes that are each other's ancestors.
    public static let parentCycle: DiagnosticCode = "parent-cycle"

    // MARK: The model (ModelRules)

    /// A process under a parent of a level that may not contain it (a work process under a work process).
    public static let invalidNesting: DiagnosticCode = "invalid-nesting"
    /// A process whose category differs from its parent's.
    public static let categoryMismatch: DiagnosticCode = "category-mismatch"
    /// A work process without a responsible business function (an error with `--strict`).
    public static let missingFunction: DiagnosticCode = "missing-function"

    // MARK: Archi CSV sets (--mapping archi)

    /// The first row of an Archi file is not Archi's header for that file (the file is not read).
    public static let archiHeader: DiagnosticCode = "archi-header"
    /// A row of an Archi file with another number of fields than its header; Archi refuses it.
    public static let archiRecordSize: DiagnosticCode = "archi-record-size"
    /// A Type that is not an ArchiMate element (elements.csv) or relationship (relations.csv) type.
    public static let archiUnknownType: DiagnosticCode = "archi-unknown-type"
    /// A relation whose source or target is no element or relation of the set.
    public static let archiMissingEnd: DiagnosticCode = "archi-missing-end"
    /// A property whose id is no element, relation or model row of the set.
    public static let archiUnknownOwner: DiagnosticCode = "archi-unknown-owner"
    /// A file of the set is missing (elements.csv; relations.csv and properties.csv are optional).
    public static let archiMissingFile: DiagnosticCode = "archi-missing-file"
    /// A second model row (Type ArchimateModel); the first is kept.
    public static let archiModelRow: DiagnosticCode = "archi-model-row"
    /// A process that is part of two processes (two aggregations or compositions); the first is its parent.
    public static let archiTwoParents: DiagnosticCode = "archi-two-parents"
    /// A process under more than one business function; the first is its function.
    public static let archiSeveralFunctions: DiagnosticCode = "archi-several-functions"
}

extension DiagnosticCode {
    /// The code for a problem the CSV reader found.
    public init(_ kind: CSVIssueKindCode) { self.init(rawValue: kind.rawValue) }
}

/// The stable code of a reader issue (re-exported so that callers need not import CoraCSV).
public typealias CSVIssueKindCode = CoraCSV.CSVIssue.Kind
import CoraCSV
