import CoraCSV

/// Checks on the values of one mapped row that need no other row: damage done by Excel, mojibake,
/// noise in names, CORA's naming conventions.
///
/// Called for every row after the mapping and before the model is built; an error keeps the row
/// out of the model.
///
/// | code | severity | what |
/// |---|---|---|
/// | `excel-damage` | error | `1,23E+18` or `1-feb` in an id, code, parent or next; `="0123"`, `#N/A`, `#####` in any field |
/// | `mojibake` | error | `Ã«`, `â€™`, `Â `, `�` in any field or property (see ``Mojibake``) |
/// | `name-noise` | warning | a name with surrounding or doubled whitespace, `WP `/`BP `, `(werkproces)` |
/// | `naming-convention` | warning | a business process, work process or step whose name does not start with a verb |
public enum CellRules {
    /// The fields that hold ids or codes (or refer to one), where a number in scientific notation
    /// or a date can only be Excel's doing.
    static let identifierFields: Set<CanonicalField> = [.id, .code, .parent, .next]

    /// Whether `field` is one of ``identifierFields`` (a switch: this is asked for every cell).
    static func isIdentifier(_ field: CanonicalField) -> Bool {
        switch field {
        case .id, .code, .parent, .next: return true
        default: return false
        }
    }

    /// Appends the findings for `row` to `diagnostics`.
    public static func check(_ row: MappedRow, diagnostics: inout [Diagnostic]) {
        check(row, level: level(of: row), diagnostics: &diagnostics)
    }

    /// Appends the findings for `process`, read from somewhere other than a table (an Archi set):
    /// the same rules on its fields, list items and properties, at its source line, without columns.
    public static func check(_ process: CoraProcess, diagnostics: inout [Diagnostic]) {
        var row = MappedRow(values: [:], lists: [:], properties: process.properties,
                            location: process.source ?? SourceLocation(file: "", line: 0, record: 0),
                            record: CSVRecord.locationOnly(line: process.source?.line ?? 0, number: process.source?.record ?? 0),
                            columns: [:])
        let texts: [(CanonicalField, String)] = [
            (.id, process.id), (.code, process.code), (.name, process.name), (.parent, process.parent), (.owner, process.owner),
            (.function, process.function), (.status, process.status), (.description, process.description),
        ]
        for (field, value) in texts { row.values[field] = value }
        row.lists[.services] = process.services
        row.lists[.events] = process.events
        row.lists[.applications] = process.applications
        row.lists[.next] = process.next
        check(row, level: process.level, diagnostics: &diagnostics)
    }

    /// Appends the findings for `row`, whose level (as its level cell or column says) the caller
    /// already knows, to `diagnostics`.
    static func check(_ row: MappedRow, level: ProcessLevel?, diagnostics: inout [Diagnostic]) {
        for field in CanonicalField.allCases {
            if field.isMultiValued {
                for item in row.lists[field] ?? [] {
                    checkValue(item, field: field, isItem: true, row: row, diagnostics: &diagnostics)
                }
            } else if let value = row.values[field], !value.isEmpty {
                checkValue(value, field: field, isItem: false, row: row, diagnostics: &diagnostics)
            }
        }
        checkProperties(row, diagnostics: &diagnostics)
        checkName(row, level: level, diagnostics: &diagnostics)
    }

    /// Excel damage and mojibake in one field value (or one item of a multi-valued field).
    private static func checkValue(_ value: String, field: CanonicalField, isItem: Bool, row: MappedRow,
                                   diagnostics: inout [Diagnostic]) {
        if let damage = ExcelDamage.inspect(value, identifier: isIdentifier(field)) {
            let subject = isItem ? "\"\(value)\" in \(field.rawValue)" : "the \(field.rawValue) \"\(value)\""
            diagnostics.append(diagnostic(.error, .excelDamage, "\(subject) \(damage.what)", row: row,
                                          column: row.columns[field], value: value, hint: damage.hint))
        }
        if let finding = Mojibake.inspect(value) {
            let what = isItem ? "\"\(value)\" in \(field.rawValue)" : "the \(field.rawValue)"
            diagnostics.append(mojibakeDiagnostic(finding, what: what, value: value, row: row, column: row.columns[field]))
        }
    }

    /// Mojibake in the cells kept as properties. The column is found in the record: among the
    /// cells in no mapped column that hold the property's value, the one in the property's place.
    private static func checkProperties(_ row: MappedRow, diagnostics: inout [Diagnostic]) {
        for (position, property) in row.properties.enumerated() {
            guard let finding = Mojibake.inspect(property.value) else { continue }
            guard row.record.count > 0 else {
                // A process read from elsewhere than a table (an Archi set): no cells to point at.
                diagnostics.append(mojibakeDiagnostic(finding, what: "the property \"\(property.name)\"", value: property.value, row: row,
                                                      column: nil))
                continue
            }
            let mapped = Set(CanonicalField.allCases.compactMap { row.columns[$0]?.index })
            let cells = (0..<row.record.count).filter { !mapped.contains($0 + 1) && row.record[$0] == property.value }
            let earlier = row.properties[..<position].count { $0.value == property.value }
            // No such cell: a copy of a mapped cell ("Procesnaam (original)"), checked as that field.
            guard earlier < cells.count else { continue }
            diagnostics.append(mojibakeDiagnostic(finding, what: "the property \"\(property.name)\"", value: property.value, row: row,
                                                  column: .init(name: property.name, index: cells[earlier] + 1)))
        }
    }

    private static func mojibakeDiagnostic(_ finding: Mojibake.Finding, what: String, value: String, row: MappedRow,
                                           column: Diagnostic.Column?) -> Diagnostic {
        let parts = ListFormatting.and(finding.parts.map { "\"\($0)\"" })
        let message = "\(what) has \(parts): text saved in the wrong encoding (mojibake)"
        let cause = "the file was opened as Windows-1252 while it was UTF-8 and saved again; correct the text in the source"
        var hint = cause
        if let repaired = finding.repaired {
            hint = "probably \"\(excerpt(of: repaired, original: value, parts: finding.parts))\"; " + cause
        } else if finding.parts.contains("\u{FFFD}") {
            hint = "\"\u{FFFD}\" stands for a character lost in an earlier conversion; " + cause
        }
        return diagnostic(.error, .mojibake, message, row: row, column: column, value: value, hint: hint)
    }

    /// The repaired text, or for a long text the repaired words around the suspicious parts.
    private static func excerpt(of repaired: String, original: String, parts: [String]) -> String {
        guard repaired.count > 80 else { return repaired }
        let originalWords = original.split(separator: " ", omittingEmptySubsequences: false)
        let repairedWords = repaired.split(separator: " ", omittingEmptySubsequences: false)
        guard originalWords.count == repairedWords.count else { return repaired }
        let picked = originalWords.indices.filter { index in parts.contains { originalWords[index].contains($0) } }
        guard !picked.isEmpty else { return repaired }
        return picked.map { String(repairedWords[$0]) }.joined(separator: " … ")
    }

    /// Noise in the name, and CORA's naming convention for the row's level (when it is known).
    private static func checkName(_ row: MappedRow, level: ProcessLevel?, diagnostics: inout [Diagnostic]) {
        let name = row[.name]
        guard !name.trimmingWhitespace().isEmpty else { return }
        if let noise = NameRules.noise(in: name) {
            diagnostics.append(diagnostic(
                .warning, .nameNoise,
                "the name \"\(name)\" has \(ListFormatting.and(noise.problems))", row: row, column: row.columns[.name], value: name,
                hint: "clean it in the mapping's name field: \(noise.settings.joined(separator: "; "))"))
        }
        if let level, let convention = NameRules.convention(for: name, level: level) {
            diagnostics.append(diagnostic(.warning, .namingConvention, convention.message, row: row, column: row.columns[.name],
                                          value: name, hint: convention.hint))
        }
    }

    /// The level of the row, when its level cell (or its column in a per-level layout) says.
    private static func level(of row: MappedRow) -> ProcessLevel? {
        let text = row[.level]
        if text.isEmpty { return row.levelFromHierarchy }
        if case .found(let level) = Vocabulary.levels.lookUp(text) { return level }
        return nil
    }

    private static func diagnostic(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, row: MappedRow,
                                   column: Diagnostic.Column?, value: String, hint: String) -> Diagnostic {
        Diagnostic(severity, code, message, file: row.location.file, line: row.location.line, record: row.location.record,
                   column: column, value: value, hint: hint)
    }
}

/// Lists in messages: "a, b and c".
enum ListFormatting {
    /// `items` joined with commas and a final "and".
    static func and(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
