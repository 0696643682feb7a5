import CoraCSV

/// Applies a mapping to the rows of one table: finds the columns once, then turns every record
/// into a ``MappedRow``.
public struct RowMapper {
    /// The mapping applied.
    public let mapping: Mapping
    /// The header of the table.
    public let header: TableHeader
    private let file: String
    private var fieldColumns: [(field: CanonicalField, index: Int, rule: Mapping.FieldRule)] = []
    private var constants: [(field: CanonicalField, value: String, rule: Mapping.FieldRule)] = []
    private var propertyColumns: [(index: Int, name: String)] = []
    private var blankHeaderReported = Set<Int>()

    /// Binds `mapping` to `header`; reports required columns that are missing.
    public init(mapping: Mapping, header: TableHeader, file: String, diagnostics: inout [Diagnostic]) {
        self.mapping = mapping
        self.header = header
        self.file = file
        var mapped = Set<Int>()
        for field in CanonicalField.allCases {
            guard let rule = mapping.fields[field] else { continue }
            if let constant = rule.constant {
                constants.append((field, constant, rule))
            } else if let index = header.index(matchingAny: rule.columns) {
                fieldColumns.append((field, index, rule))
                mapped.insert(index)
            } else if rule.required {
                lacksRequiredColumn = true
                let wanted = rule.columns.map { "\"\($0)\"" }.joined(separator: " or ")
                let suggestion = rule.columns.lazy.compactMap { Suggestion.closest(to: $0, in: header.columnNames) }.first
                diagnostics.append(Diagnostic(
                    .error, .missingColumn,
                    "the mapping \(mapping.name) needs a column \(wanted) for the field \(field.rawValue), and the header has none",
                    file: file, line: header.line, record: header.record,
                    hint: suggestion.map { "did you mean \"\($0)\"?" } ?? "the header has: \(header.columnNames.joined(separator: ", "))"))
            } else if let defaultValue = rule.defaultValue {
                constants.append((field, defaultValue, rule))
            }
        }
        for index in 0..<header.count where !mapped.contains(index) {
            let name = header.columnNames[index]
            if mapping.properties.includes(name) { propertyColumns.append((index, name)) }
        }
    }

    /// The names of the columns kept as properties, in the order of the header.
    public var propertyNames: [String] { propertyColumns.map(\.name) }

    /// Whether a column that the mapping requires is missing, so that no row can be mapped.
    public private(set) var lacksRequiredColumn = false

    /// Maps one data record; reports cells that do not fit the header.
    public mutating func map(_ record: CSVRecord, diagnostics: inout [Diagnostic]) -> MappedRow? {
        let location = SourceLocation(file: file, line: record.line, record: record.number)
        if record.isBlank {
            diagnostics.append(Diagnostic(
                .warning, .emptyRow, "every cell of this row is empty; the row is skipped",
                file: file, line: record.line, record: record.number))
            return nil
        }
        checkWidth(of: record, diagnostics: &diagnostics)

        var row = MappedRow(values: [:], lists: [:], properties: [], location: location, record: record, columns: [:])
        for (field, index, rule) in fieldColumns {
            let raw = record.field(at: index) ?? ""
            row.columns[field] = .init(name: header.columnNames[index], index: index + 1)
            store(raw, for: field, rule: rule, in: &row)
        }
        for (field, value, rule) in constants {
            store(value, for: field, rule: rule, in: &row)
        }
        for (index, name) in propertyColumns {
            guard index < record.count, !record.isEmpty(at: index) else { continue }
            row.properties.append(Property(name: name, value: record[index]))
        }
        return row
    }

    private func store(_ raw: String, for field: CanonicalField, rule: Mapping.FieldRule, in row: inout MappedRow) {
        let trim = rule.trim ?? mapping.trim
        var value = trim ? raw.trimmingWhitespace() : raw
        if value.isEmpty, let defaultValue = rule.defaultValue { value = defaultValue }
        if field.isMultiValued {
            let separators = rule.split.isEmpty ? [CanonicalField.valueSeparator] : rule.split
            row.lists[field] = Self.split(value, on: separators)
        } else {
            row.values[field] = value
        }
    }

    /// Splits a multi-valued cell on any of `separators`; `"\n"` also splits on CRLF and CR. Values
    /// are trimmed and empty ones dropped.
    public static func split(_ value: String, on separators: [String]) -> [String] {
        guard !value.isEmpty else { return [] }
        var parts = [value]
        for separator in separators {
            let pieces = separator == "\n" ? ["\r\n", "\n", "\r"] : [separator]
            for piece in pieces {
                parts = parts.flatMap { $0.components(separatedBy: piece) }
            }
        }
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    private mutating func checkWidth(of record: CSVRecord, diagnostics: inout [Diagnostic]) {
        let width = header.count
        if record.count > width {
            let extra = (width..<record.count).filter { !record.isEmpty(at: $0) }
            if let first = extra.first {
                diagnostics.append(Diagnostic(
                    .error, .extraCells,
                    "the row has \(record.count) cells and the header \(width); cell \(first + 1) holds data that belongs to no column",
                    file: file, line: record.line, record: record.number,
                    column: .init(name: "column \(first + 1)", index: first + 1), value: record[first],
                    hint: "a delimiter inside a value must be quoted; check the cells before it"))
            }
        } else if record.count < width {
            diagnostics.append(Diagnostic(
                .warning, .missingCells,
                "the row has \(record.count) cells and the header \(width); the missing cells count as empty",
                file: file, line: record.line, record: record.number,
                column: .init(name: header.columnNames[record.count], index: record.count + 1)))
        }
        for index in 0..<min(width, record.count) where header.isBlank(index) && !record.isEmpty(at: index) {
            guard blankHeaderReported.insert(index).inserted else { continue }
            diagnostics.append(Diagnostic(
                .warning, .blankHeader,
                "column \(index + 1) has no header but holds data; it is kept as the property \"\(header.columnNames[index])\"",
                file: file, line: header.line, record: header.record,
                column: .init(name: header.columnNames[index], index: index + 1), value: record[index],
                hint: "give the column a header in the spreadsheet"))
        }
    }
}
