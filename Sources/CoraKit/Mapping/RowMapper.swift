import CoraCSV

/// Applies a mapping to the rows of one table: finds the columns once, then turns every record
/// into a ``MappedRow``.
public struct RowMapper {
    /// The mapping applied.
    public let mapping: Mapping
    /// The header of the table.
    public let header: TableHeader
    private let file: String
    private var fieldColumns: [BoundField] = []
    private var constants: [BoundField] = []
    /// Columns without a header, checked on every row for data.
    private var blankColumns: [Int] = []

    /// A field bound to its column (or its constant). A class, so that walking the list per row
    /// does not copy the rule's arrays; copies of the mapper share it, and its memory of value-map
    /// results, so a mapper and its copies belong to one thread at a time.
    private final class BoundField {
        let field: CanonicalField
        let index: Int
        let constant: String
        let rule: Mapping.FieldRule
        /// Whether values are trimmed and their whitespace collapsed (the rule's setting, or the mapping's).
        let trim: Bool
        let collapse: Bool
        /// The value map, keyed by the match key of the source value, and its `*` entry.
        let valueTable: [String: String]?
        let fallback: String?
        /// Whether a value of the map gives several values (`Foo: "privacy|arbo"`).
        let mapsToSeveral: Bool
        /// Results of the value map already worked out (cells repeat a lot), up to a few thousand.
        var remembered: [String: String] = [:]
        /// For a multi-valued field: what its cells are split on (always also `|`: the canonical
        /// CSV joins values with it, so a value holding one would come back from it as two).
        let listSplitter: ValueSplitter
        /// For a single-valued field with `split`: what gives its first value.
        let firstSplitter: ValueSplitter?
        /// The rule's `strip-prefixes` and `strip-suffixes`.
        let affixes: AffixStripper

        init(_ field: CanonicalField, index: Int = -1, constant: String = "", rule: Mapping.FieldRule, mapping: Mapping) {
            self.field = field
            self.index = index
            self.constant = constant
            self.rule = rule
            self.trim = rule.trim ?? mapping.trim
            self.collapse = rule.collapseWhitespace ?? mapping.collapseWhitespace
            mapsToSeveral = rule.values.contains { $0.to.utf8.contains(UInt8(ascii: "|")) }
            if rule.values.isEmpty {
                valueTable = nil
                fallback = nil
            } else {
                var table: [String: String] = [:]
                for entry in rule.values where entry.from != "*" {
                    let key = TextNormalization.matchKey(entry.from)
                    if table[key] == nil { table[key] = entry.to }
                }
                valueTable = table
                fallback = rule.values.first { $0.from == "*" }?.to
            }
            var separators = rule.split.isEmpty ? [CanonicalField.valueSeparator] : rule.split
            if !separators.contains(CanonicalField.valueSeparator) { separators.append(CanonicalField.valueSeparator) }
            listSplitter = ValueSplitter(separators)
            firstSplitter = rule.split.isEmpty ? nil : ValueSplitter(rule.split)
            affixes = AffixStripper(prefixes: rule.stripPrefixes, suffixes: rule.stripSuffixes)
        }
    }
    private var propertyColumns: [(index: Int, name: String)] = []
    /// The yes/no columns of the requirements field: where each is, and the tags a yes adds (one,
    /// or several when the mapping gives `a|b`).
    private var flagColumns: [(index: Int, tags: [String])] = []
    private var blankHeaderReported = Set<Int>()


    /// The columns of a per-level layout, from coarse to fine, and what was last seen in each.
    private var levelColumns: [(index: Int, level: ProcessLevel?)] = []
    private var carried: [String] = []
    /// Per-level layouts: the last category given, carried down over blank category cells.
    private var carriedCategory: String?

    /// Binds `mapping` to `header`; reports columns of the mapping that are not in the file.
    public init(mapping: Mapping, header: TableHeader, file: String, sink: inout DiagnosticSink) {
        self.mapping = mapping
        self.header = header
        self.file = file
        var mapped = Set<Int>()
        var missingFields: [(field: CanonicalField, rule: Mapping.FieldRule, required: Bool)] = []
        for field in CanonicalField.allCases {
            guard let rule = mapping.fields[field] else { continue }
            if let constant = rule.constant {
                constants.append(BoundField(field, constant: constant, rule: rule, mapping: mapping))
            } else if let index = header.index(matchingAny: rule.columns) {
                fieldColumns.append(BoundField(field, index: index, rule: rule, mapping: mapping))
                mapped.insert(index)
            } else {
                // Without its name column no row can become a process: the name is always required.
                // Without the parent column the mapping names, every process would stand at the top
                // and the hierarchy would be lost without a word: required too.
                let required = mapping.needsColumn(of: field)
                if required { lacksRequiredColumn = true }
                missingFields.append((field, rule, required))
                if let defaultValue = rule.defaultValue { constants.append(BoundField(field, constant: defaultValue, rule: rule, mapping: mapping)) }
            }
        }
        let catalog = mapping.requirementCatalog
        for flag in mapping.fields[.requirements]?.flags ?? [] {
            var tag = flag.tag
            if case .found(let known) = catalog.lookUp(flag.tag) {
                tag = known
            } else {
                let mappingFile = mapping.origin.isEmpty ? mapping.name : mapping.origin
                let suggestion = Suggestion.closest(to: flag.tag, in: catalog.knownWords).flatMap { catalog.lookUp($0).foundValue }
                sink.report(Diagnostic(
                    .unknownRequirement, "the yes/no column \"\(flag.column)\" stands for \"\(flag.tag)\", which is no known requirement; kept as written",
                    file: mappingFile, line: mapping.fields[.requirements]?.line, value: flag.tag,
                    hint: (suggestion.map { "did you mean \"\($0)\"? " } ?? "")
                        + "a corporation's own requirements go under `requirement-tags:` in the mapping"))
            }
            if let index = header.index(matchingAny: [flag.column]), !mapped.contains(index) {
                flagColumns.append((index, RowMapper.split(tag, on: [CanonicalField.valueSeparator])))
                mapped.insert(index)
            } else {
                missingFields.append((.requirements, Mapping.FieldRule(columns: [flag.column], line: mapping.fields[.requirements]?.line), false))
            }
        }
        // A "did you mean" names a column that no other field took: `Owner` is not a misspelled `Order`.
        let untaken = (0..<header.count).filter { !mapped.contains($0) }.map { header.columnNames[$0] }
        for missing in missingFields {
            reportMissing(missing.rule.columns, for: "the field \(missing.field.rawValue)", line: missing.rule.line,
                          required: missing.required, among: untaken, sink: &sink)
        }
        if mapping.hierarchy.shape == .levelColumns {
            // The coarsest level column is needed; finer ones may be missing (a file that stops at
            // work processes), but not with a gap above a column that is present, nor misspelled.
            var missing: Mapping.Hierarchy.LevelColumn?
            var trailing: [Mapping.Hierarchy.LevelColumn] = []
            for (depth, column) in mapping.hierarchy.levelColumns.enumerated() {
                if let index = header.index(matchingAny: column.columns) {
                    if let gap = missing {
                        lacksRequiredColumn = true
                        reportMissing(gap.columns, for: "a level of the hierarchy (a finer level column is present)",
                                      line: gap.line, required: true, sink: &sink)
                        missing = nil
                    }
                    trailing = []
                    levelColumns.append((index, column.level))
                    mapped.insert(index)
                } else if depth == 0 {
                    lacksRequiredColumn = true
                    reportMissing(column.columns, for: "the first level of the hierarchy", line: column.line, required: true,
                                  sink: &sink)
                } else {
                    if missing == nil { missing = column }
                    trailing.append(column)
                }
            }
            // Finer level columns missing at the end are a file that stops at a coarser level; one
            // that a column of the header (not mapped otherwise) looks like is misspelled, and the
            // levels under it would be lost: an error, with the column meant.
            let unmapped = (0..<header.count).filter { !mapped.contains($0) }.map { header.columnNames[$0] }
            if let misspelled = trailing.first(where: { level in level.columns.contains { Suggestion.closest(to: $0, in: unmapped) != nil } }) {
                lacksRequiredColumn = true
                reportMissing(misspelled.columns, for: "a level of the hierarchy", line: misspelled.line, required: true,
                              among: unmapped, sink: &sink)
            }
            carried = Array(repeating: "", count: levelColumns.count)
        }
        if mapping.fields[.name] == nil && mapping.hierarchy.shape != .levelColumns {
            // One clear finding instead of a missing name on every row.
            lacksRequiredColumn = true
            sink.report(Diagnostic(.missingColumn, "the mapping \(mapping.name) has no name field, so no process of \(file) would have a name",
                file: mapping.origin.isEmpty ? mapping.name : mapping.origin, line: nil,
                hint: "add `name: COLUMN` under `fields:`, with the header of the column that holds the names; the header has: "
                    + header.columnNames.joined(separator: ", ")))
        }
        blankColumns = (0..<header.count).filter(header.isBlank)
        for index in 0..<header.count where !mapped.contains(index) {
            let name = header.columnNames[index]
            if mapping.properties.includes(name) { propertyColumns.append((index, name)) }
        }
    }

    /// Reports columns of the mapping that the header lacks: an error when the mapping needs them,
    /// a warning when one of the header's columns looks like a misspelling of them.
    private func reportMissing(_ columns: [String], for purpose: String, line: Int?, required: Bool, among candidates: [String]? = nil,
                               sink: inout DiagnosticSink) {
        let names = candidates ?? header.columnNames
        let suggestion = columns.lazy.compactMap { Suggestion.closest(to: $0, in: names) }.first
        guard required || suggestion != nil else { return }
        let wanted = columns.map { "\"\($0)\"" }.joined(separator: " or ")
        let mappingFile = mapping.origin.isEmpty ? mapping.name : mapping.origin
        sink.report(Diagnostic(
            .missingColumn, "\(file) has no column \(wanted) for \(purpose) (header on line \(header.line))",
            severity: required ? .error : .warning, file: mappingFile, line: line,
            hint: suggestion.map { "did you mean \"\($0)\"?" } ?? "the header has: \(header.columnNames.joined(separator: ", "))"))
    }

    /// The names of the columns kept as properties, in the order of the header.
    public var propertyNames: [String] { propertyColumns.map(\.name) }

    /// Whether a column that the mapping requires is missing, so that no row can be mapped.
    public private(set) var lacksRequiredColumn = false

    /// Maps one data record; reports cells that do not fit the header.
    public mutating func map(_ record: CSVRecord, sink: inout DiagnosticSink) -> MappedRow? {
        let location = SourceLocation(file: file, line: record.line, record: record.number)
        if record.isBlank {
            sink.report(Diagnostic(.emptyRow, "every cell of this row is empty; the row is skipped",
                file: file, line: record.line, record: record.number))
            return nil
        }
        checkWidth(of: record, sink: &sink)

        var row = MappedRow(values: [:], lists: [:], properties: [], location: location, record: record,
                            columns: FieldColumns(names: header.columnNames))
        row.language = mapping.language
        for (index, name) in propertyColumns {
            guard index < record.count, !record.isEmpty(at: index) else { continue }
            row.properties.append(Property(name: name, value: record[index]))
        }
        for bound in fieldColumns {
            let raw = record.field(at: bound.index) ?? ""
            row.columns.setPosition(bound.index, of: bound.field)
            store(raw, for: bound, column: header.columnNames[bound.index], in: &row)
        }
        for bound in constants {
            store(bound.constant, for: bound, column: nil, in: &row)
        }
        if !flagColumns.isEmpty { readFlags(of: record, into: &row, sink: &sink) }
        if !levelColumns.isEmpty {
            carryCategory(into: &row)
            placeInLevels(record, row: &row)
        }
        return row
    }

    /// Adds the tag of every yes/no column that says yes to the row's requirements; a cell that
    /// says neither yes nor no is an `unclear-flag` warning.
    private func readFlags(of record: CSVRecord, into row: inout MappedRow, sink: inout DiagnosticSink) {
        // Gathered apart and stored once: appending through the row's table would copy the list per column.
        var added: [String] = []
        var firstColumn: Int?
        defer {
            if !added.isEmpty {
                row.lists[.requirements] = (row.lists[.requirements] ?? []) + added
                if row.columns[.requirements] == nil, let firstColumn { row.columns.setPosition(firstColumn, of: .requirements) }
            }
        }
        for (index, tags) in flagColumns {
            let cell = record.field(at: index) ?? ""
            switch FlagWords.answer(cell) {
            case .no: continue
            case .yes:
                added += tags
                if firstColumn == nil { firstColumn = index }
            case .unclear:
                sink.report(Diagnostic(
                    .unclearFlag, "the yes/no column \"\(header.columnNames[index])\" says \"\(cell)\"; the requirement \(tags.joined(separator: "|")) is not added",
                    file: file, line: record.line, record: record.number,
                    column: .init(name: header.columnNames[index], index: index + 1), value: cell,
                    hint: "write ja or nee (yes, no, x and empty are understood too)"))
            }
        }
    }

    /// For a per-level layout: the category column is a merged cell like the level columns (filled
    /// on the first row of a block), so a blank category cell means "the same as the row above".
    /// Without this, only the first business process of a block would have the category.
    private mutating func carryCategory(into row: inout MappedRow) {
        guard fieldColumns.contains(where: { $0.field == .category }) else { return }
        if row[.category].isEmpty {
            if let carriedCategory { row.values[.category] = carriedCategory }
        } else {
            carriedCategory = row[.category]
        }
    }

    /// For a per-level layout: the row's process is in its finest filled level column; the coarser
    /// columns, filled or carried down from the rows above, are its ancestors.
    private mutating func placeInLevels(_ record: CSVRecord, row: inout MappedRow) {
        let cells = levelColumns.map { clean(record.field(at: $0.index) ?? "", trim: mapping.trim, collapse: mapping.collapseWhitespace) }
        guard let deepest = cells.lastIndex(where: { !$0.isEmpty }) else { return }
        var path: [String] = []
        var levels: [ProcessLevel?] = []
        for depth in 0..<deepest {
            let value = cells[depth].isEmpty ? carried[depth] : cells[depth]
            carried[depth] = value
            // A coarser level that is blank, with nothing above to carry down, has no process:
            // the row hangs under the level above it (and the model rules say if that nesting is
            // wrong) instead of under a process without a name.
            guard !value.isEmpty else { continue }
            path.append(value)
            levels.append(levelColumns[depth].level)
        }
        carried[deepest] = cells[deepest]
        for depth in (deepest + 1)..<carried.count { carried[depth] = "" }
        row.levelPath = path
        row.levelPathLevels = levels
        if row[.name].isEmpty {
            row.values[.name] = cells[deepest]
            let index = levelColumns[deepest].index
            row.columns.setPosition(index, of: .name)
        }
        if row[.level].isEmpty, let level = levelColumns[deepest].level {
            row.levelFromHierarchy = level
        }
    }

    /// Trims and collapses whitespace as the mapping (or the field's rule) says.
    private func clean(_ raw: String, trim: Bool, collapse: Bool) -> String {
        var value = trim ? raw.trimmingWhitespace() : raw
        if collapse { value = value.collapsingWhitespace() }
        return value
    }

    /// Cleans one value: prefixes and suffixes stripped, then the value map. Results of value-mapped
    /// fields are remembered per distinct value (up to a few thousand), since those cells repeat.
    private func transform(_ value: String, bound: BoundField) -> String {
        if bound.valueTable != nil, let known = bound.remembered[value] { return known }
        var result = bound.affixes.isEmpty ? value : bound.affixes.strip(value)
        if let table = bound.valueTable {
            if let mapped = table[TextNormalization.matchKey(result)] {
                result = mapped
            } else if !result.isEmpty, let fallback = bound.fallback {
                result = fallback
            }
            if bound.remembered.count < 4096 { bound.remembered[value] = result }
        }
        return result
    }

    private func store(_ raw: String, for bound: BoundField, column: String?, in row: inout MappedRow) {
        let field = bound.field
        let value = clean(raw, trim: bound.trim, collapse: bound.collapse)
        if field.isMultiValued {
            var items: [String] = []
            for part in bound.listSplitter.split(value) {
                let item = transform(part, bound: bound)
                if bound.mapsToSeveral, item.utf8.contains(UInt8(ascii: "|")) {
                    // A value map that gives several values (`Foo: "privacy|arbo"`): as the canonical
                    // CSV would read them back.
                    items += RowMapper.split(item, on: [CanonicalField.valueSeparator])
                } else if !item.isEmpty {
                    items.append(item)
                }
            }
            if items.isEmpty, let defaultValue = bound.rule.defaultValue { items = bound.listSplitter.split(defaultValue) }
            row.lists[field] = items
        } else {
            // A single-valued field with `split` takes the first value of the cell (a CORA wiki cell
            // names every business process a work process is used in; the first is its parent).
            var first = value, dropped = false
            if let splitter = bound.firstSplitter {
                let parts = splitter.split(value)
                first = parts.first ?? ""
                dropped = parts.count > 1
            }
            var result = transform(first, bound: bound)
            let stripped = !(bound.rule.stripPrefixes.isEmpty && bound.rule.stripSuffixes.isEmpty) && result != first
            if stripped || dropped, let column {
                // The original stays available when a prefix or suffix was stripped, or values were dropped.
                row.properties.append(Property(name: "\(column) (original)", value: raw))
            }
            if result.isEmpty, let defaultValue = bound.rule.defaultValue { result = defaultValue }
            row.values[field] = result
        }
    }

    /// When the header lacks the columns the mapping needs, a later row may be the real header
    /// (titles above the table): a finding that says which line and how to skip to it.
    public static func headerHint(for record: CSVRecord, mapping: Mapping, file: String) -> Diagnostic? {
        let wanted = (mapping.fields[.name]?.columns ?? []) + mapping.hierarchy.levelColumns.flatMap(\.columns)
        guard !wanted.isEmpty else { return nil }
        let keys = Set(wanted.map(TextNormalization.headerKey))
        guard record.fields.contains(where: { keys.contains(TextNormalization.headerKey($0)) }) else { return nil }
        let skip = record.number - 1
        return Diagnostic(
            .headerElsewhere, "line \(record.line) looks like the header: it has the column the mapping needs",
            file: file, line: record.line, record: record.number,
            hint: "skip the \(skip) row\(skip == 1 ? "" : "s") above it: `dialect: {skip-rows: \(skip)}` in the mapping, or --skip-rows \(skip)")
    }

    /// Splits a multi-valued cell on any of `separators` (``ValueSplitter``); `"\n"` also splits
    /// on CRLF and CR. Values are trimmed and empty ones dropped.
    public static func split(_ value: String, on separators: [String]) -> [String] {
        ValueSplitter(separators).split(value)
    }

    private mutating func checkWidth(of record: CSVRecord, sink: inout DiagnosticSink) {
        let width = header.count
        if record.count > width {
            let extra = (width..<record.count).filter { !record.isEmpty(at: $0) }
            if let first = extra.first {
                sink.report(Diagnostic(.extraCells, "the row has \(record.count) cells and the header \(width); cell \(first + 1) holds data that belongs to no column",
                    file: file, line: record.line, record: record.number,
                    column: .init(name: "column \(first + 1)", index: first + 1), value: record[first],
                    hint: "a delimiter inside a value must be quoted; check the cells before it"))
            }
        } else if record.count < width {
            sink.report(Diagnostic(.missingCells, "the row has \(record.count) cells and the header \(width); the missing cells count as empty",
                file: file, line: record.line, record: record.number,
                column: .init(name: header.columnNames[record.count], index: record.count + 1)))
        }
        for index in blankColumns where index < record.count && !record.isEmpty(at: index) {
            guard blankHeaderReported.insert(index).inserted else { continue }
            sink.report(Diagnostic(.blankHeader, "column \(index + 1) has no header but holds data; it is kept as the property \"\(header.columnNames[index])\"",
                file: file, line: header.line, record: header.record,
                column: .init(name: header.columnNames[index], index: index + 1), value: record[index],
                hint: "give the column a header in the spreadsheet"))
        }
    }
}
