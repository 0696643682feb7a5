import CoraCSV

/// Runs the ``ValidationRules``: the cell and row rules on every row as it is read (for an Archi
/// set, on every element once the nesting has given it its level), the model rules once the model's
/// hierarchy is settled. A row or process with an error is left out of the model (with its
/// descendants) unless `--keep-invalid`.
public struct Validator: Sendable {
    private let cellRules: [any CellRule]
    private let rowRules: [any RowRule]
    private let modelRules: [any ModelRule]

    /// A validator running `rules` (by default all of them).
    public init(rules: [any ValidationRule] = ValidationRules.all) {
        cellRules = rules.compactMap { $0 as? any CellRule }
        rowRules = rules.compactMap { $0 as? any RowRule }
        modelRules = rules.compactMap { $0 as? any ModelRule }
    }

    // MARK: Rows

    /// Checks one row; `level` is the level the row gives (its level cell or column), for the rules
    /// that depend on it. Returns whether an error was reported.
    @discardableResult
    public func check(_ row: MappedRow, level: ProcessLevel?, sink: inout DiagnosticSink) -> Bool {
        let errorsBefore = sink.errorCount
        for field in CanonicalField.allCases {
            if field.isMultiValued {
                for item in row.lists[field] ?? [] {
                    check(Cell(value: item, place: .item(field)), of: field, in: row, sink: &sink)
                }
            } else if let value = row.values[field], !value.isEmpty {
                check(Cell(value: value, place: .field(field)), of: field, in: row, sink: &sink)
            }
        }
        for (position, property) in row.properties.enumerated() {
            for rule in cellRules where rule.checksProperties {
                guard let finding = rule.check(Cell(value: property.value, place: .property(property.name))) else { continue }
                guard let column = Self.column(of: property, at: position, in: row) else { continue }
                sink.report(diagnostic(rule.code, finding, row: row, column: column, value: property.value))
            }
        }
        for rule in rowRules {
            guard let finding = rule.check(row, level: level) else { continue }
            sink.report(diagnostic(rule.code, finding, row: row, column: row.columns[rule.field], value: row.values[rule.field] ?? ""))
        }
        return sink.errorCount > errorsBefore
    }

    /// Runs the cell rules on `cell`, a value of `field`; the column is worked out only for a finding.
    private func check(_ cell: Cell, of field: CanonicalField, in row: MappedRow, sink: inout DiagnosticSink) {
        for rule in cellRules {
            guard let finding = rule.check(cell) else { continue }
            sink.report(diagnostic(rule.code, finding, row: row, column: row.columns[field], value: cell.value))
        }
    }

    /// The column of a property: among the cells of the row in no mapped column that hold its
    /// value, the one in the property's place. `.some(nil)` for a row read from elsewhere than a
    /// table (an Archi set), which has no cells to point at; `nil` when no cell holds the value (a
    /// copy of a mapped cell, "Procesnaam (original)", checked as that field already).
    private static func column(of property: Property, at position: Int, in row: MappedRow) -> Diagnostic.Column?? {
        guard row.record.count > 0 else { return .some(nil) }
        let mapped = Set(CanonicalField.allCases.compactMap { row.columns[$0]?.index })
        let cells = (0..<row.record.count).filter { !mapped.contains($0 + 1) && row.record[$0] == property.value }
        let earlier = row.properties[..<position].count { $0.value == property.value }
        guard earlier < cells.count else { return nil }
        return .some(Diagnostic.Column(name: property.name, index: cells[earlier] + 1))
    }

    private func diagnostic(_ code: DiagnosticCode, _ finding: RuleFinding, row: MappedRow, column: Diagnostic.Column?,
                            value: String) -> Diagnostic {
        Diagnostic(code, finding.message, severity: finding.severity, file: row.location.file, line: row.location.line,
                   record: row.location.record, column: column, value: value, hint: finding.hint)
    }

    // MARK: The model

    /// Runs the model rules of `scope` over the processes still in `builder`, and leaves out (with
    /// its descendants) every process with an error, unless the builder keeps invalid processes.
    func check(_ builder: inout ModelBuilder, scope: ModelRuleScope, maxDepth: Int, sink: inout DiagnosticSink) {
        let rules = modelRules.filter { $0.scope == scope }
        guard !rules.isEmpty else { return }
        // The facts share the builder's storage; they are gone before the builder changes it
        // again, so that leaving processes out copies nothing.
        var findings: [(index: Int, rule: Int, diagnostic: Diagnostic)] = {
            let facts = builder.facts(maxDepth: maxDepth, strict: sink.policy.strict)
            var findings: [(index: Int, rule: Int, diagnostic: Diagnostic)] = []
            for (order, rule) in rules.enumerated() {
                rule.check(facts) { index, found in
                    findings.append((index, order, Self.diagnostic(rule.code, found, facts: facts, index: index)))
                }
            }
            return findings
        }()
        // Reported process by process, in the order of the rules, as one pass over the processes would.
        findings.sort { ($0.index, $0.rule) < ($1.index, $1.rule) }
        var withErrors: [Int] = []
        for finding in findings where sink.report(finding.diagnostic) == .error && rules[finding.rule].leavesProcessOut {
            if withErrors.last != finding.index { withErrors.append(finding.index) }
        }
        builder.leaveOut(factsPositions: withErrors, sink: &sink)
    }

    /// A diagnostic at the process's row and the column of the finding's field, or at its source
    /// line for a process without a row of its own.
    private static func diagnostic(_ code: DiagnosticCode, _ found: ModelFinding, facts: ModelFacts, index: Int) -> Diagnostic {
        let finding = found.finding
        if let row = facts.row(index) {
            return Diagnostic(code, finding.message, severity: finding.severity, file: row.location.file, line: row.location.line,
                              record: row.location.record, column: row.columns[found.field], value: found.value, hint: finding.hint)
        }
        let source = facts.process(index).source
        return Diagnostic(code, finding.message, severity: finding.severity, file: source?.file ?? "", line: source?.line,
                          record: source?.record, value: found.value, hint: finding.hint)
    }
}
