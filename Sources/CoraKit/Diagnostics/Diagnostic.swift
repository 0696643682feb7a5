import CoraXLSX

/// One finding about the input: where it is, what is wrong, and how bad it is.
///
/// Diagnostics are data: the library collects them and the command line renders them as text,
/// JSON or CSV. Every diagnostic has a stable kebab-case ``code`` that scripts can rely on.
public struct Diagnostic: Sendable, Equatable {
    /// How bad a finding is.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// The data is wrong; the run exits with status 1.
        case error
        /// Worth a look; the data was used as it is (or as the hint says).
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// How bad the finding is.
    public var severity: Severity
    /// The stable code, such as `unknown-level` or `unclosed-quote`.
    public var code: DiagnosticCode
    /// A sentence for people.
    public var message: String
    /// The input file (`-` for standard input), or the mapping file.
    public var file: String
    /// The physical line (1-based), or `nil` when the finding is about the file as a whole.
    public var line: Int?
    /// The record number (1-based, the header is record 1), when the finding is about a record.
    public var record: Int?
    /// The column, when the finding is about one cell or column.
    public var column: Column?
    /// The raw value in question, as it was in the input.
    public var value: String?
    /// What to do about it.
    public var hint: String?
    /// The sheet, when the input is a workbook and the finding is about a place in it: ``line`` is
    /// then the row's number and ``Column/index`` the column's (A is 1), so that the place reads
    /// `inventaris.xlsx:Processen!C14`.
    public var sheet: String?
    /// The input the finding belongs to: the same as ``file`` unless the finding is filed under
    /// another file (a column the input lacks is a finding in the mapping file). Set by the
    /// ``DiagnosticSink`` of the input's run; not part of any report.
    public var input: String?

    /// A column of the input: its header text and its 1-based position.
    public struct Column: Sendable, Equatable {
        /// The header text (or a made-up name such as `column 7` when the header is blank).
        public var name: String
        /// The 1-based position in the record.
        public var index: Int

        /// Creates a column reference.
        public init(name: String, index: Int) {
            self.name = name
            self.index = index
        }
    }

    /// Creates a diagnostic of `code`, with the code's ``DiagnosticCode/defaultSeverity`` unless
    /// `severity` says otherwise.
    public init(
        _ code: DiagnosticCode, _ message: String, severity: Severity? = nil, file: String, line: Int? = nil,
        record: Int? = nil, column: Column? = nil, value: String? = nil, hint: String? = nil
    ) {
        self.severity = severity ?? code.defaultSeverity
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.record = record
        self.column = column
        self.value = value
        self.hint = hint
    }
}

extension Diagnostic {
    /// The cell or row the finding is about in a workbook's sheet, as Excel writes a reference:
    /// `Processen!C14`, `'Blad 1'!C14`, or `Processen!14` for a whole row; `nil` for a CSV input.
    public var sheetPlace: String? {
        guard let sheet, let line else { return nil }
        let name = sheet.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) && !(sheet.first?.isNumber ?? true)
            ? sheet : "'" + sheet.map { $0 == "'" ? "''" : String($0) }.joined() + "'"
        guard let column else { return "\(name)!\(line)" }
        return "\(name)!\(ColumnName.cell(column: column.index, row: line))"
    }

    /// Orders diagnostics by file (in `fileOrder`, else by first appearance), then line, then
    /// column, keeping the original order otherwise.
    public static func sortedByLocation(_ diagnostics: [Diagnostic], fileOrder: [String: Int] = [:]) -> [Diagnostic] {
        var rank = fileOrder
        for diagnostic in diagnostics where rank[diagnostic.file] == nil { rank[diagnostic.file] = rank.count + 1_000_000 }
        return diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return rank[x.file]! < rank[y.file]! }
            let lineX = x.line ?? 0, lineY = y.line ?? 0
            if lineX != lineY { return lineX < lineY }
            let columnX = x.column?.index ?? 0, columnY = y.column?.index ?? 0
            if columnX != columnY { return columnX < columnY }
            return a.offset < b.offset
        }.map(\.element)
    }
}
