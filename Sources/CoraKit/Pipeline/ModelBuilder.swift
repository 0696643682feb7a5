import CoraCSV

/// Builds the process model from mapped rows: typed values, ids, and the references between
/// processes. Every row is either accepted into the model or rejected with at least one error.
public struct ModelBuilder {
    /// Whether rows with errors are kept in the model anyway.
    public var keepInvalid: Bool
    /// The level words understood.
    public var levels: Vocabulary<ProcessLevel>
    /// The category words understood.
    public var categories: Vocabulary<ProcessCategory>

    private var candidates: [Candidate] = []
    private var propertyNames: [String] = []
    private var seenPropertyNames = Set<String>()

    /// A row on its way into the model.
    private struct Candidate {
        var process: CoraProcess
        var row: MappedRow
        var parentReference: String
        var idWasGiven: Bool
        var rejected: Bool
    }

    /// Creates a builder.
    public init(keepInvalid: Bool = false, levels: Vocabulary<ProcessLevel> = .levels,
                categories: Vocabulary<ProcessCategory> = .categories) {
        self.keepInvalid = keepInvalid
        self.levels = levels
        self.categories = categories
    }

    /// Declares property columns up front, so the model lists them even when every cell is empty.
    public mutating func declareProperties(_ names: [String]) {
        for name in names where seenPropertyNames.insert(name).inserted { propertyNames.append(name) }
    }

    /// Adds one row, checking what can be checked on the row alone. `rowHasErrors` says that an
    /// earlier stage (the mapping) already found an error in the row.
    public mutating func add(_ row: MappedRow, rowHasErrors: Bool = false, diagnostics: inout [Diagnostic]) {
        let findingsBefore = diagnostics.count
        let file = row.location.file
        func report(_ code: DiagnosticCode, _ field: CanonicalField, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) {
            diagnostics.append(Diagnostic(severity, code, message, file: file, line: row.location.line, record: row.location.record,
                                          column: row.columns[field], value: row.values[field], hint: hint))
        }

        let name = row[.name]
        if name.trimmingWhitespace().isEmpty {
            report(.missingName, .name, "the process has no name")
        }
        let level = parse(row[.level], field: .level, vocabulary: levels, accepted: ProcessLevel.canonicalValues,
                          unknown: .unknownLevel, report: report)
        let category = parse(row[.category], field: .category, vocabulary: categories, accepted: ProcessCategory.canonicalValues,
                             unknown: .unknownCategory, report: report)
        var order: Int?
        let orderText = row[.order]
        if !orderText.isEmpty {
            if let value = Int(orderText), value >= 0 {
                order = value
            } else {
                report(.invalidOrder, .order, "the order \"\(orderText)\" is not a whole number")
            }
        }
        let givenID = row[.id]
        if !givenID.isEmpty && !ProcessIdentifier.isValid(givenID) {
            let suggestion = ProcessIdentifier.slug(givenID)
            report(.invalidID, .id, "the id \"\(givenID)\" has characters that ArchiMate tools refuse (allowed: letters, digits, . _ -)",
                   hint: suggestion.isEmpty ? nil : "for example \"\(suggestion)\"")
        }

        for property in row.properties where seenPropertyNames.insert(property.name).inserted {
            propertyNames.append(property.name)
        }
        let process = CoraProcess(
            id: givenID, code: row[.code], name: name, level: level, category: category, parent: "",
            order: order, owner: row[.owner], function: row[.function],
            services: row.lists[.services] ?? [], events: row.lists[.events] ?? [],
            applications: row.lists[.applications] ?? [], next: row.lists[.next] ?? [],
            status: row[.status], description: row[.description], properties: row.properties, source: row.location)
        let hasErrors = rowHasErrors || diagnostics[findingsBefore...].contains { $0.severity == .error }
        candidates.append(Candidate(process: process, row: row, parentReference: row[.parent],
                                    idWasGiven: !givenID.isEmpty, rejected: hasErrors && !keepInvalid))
    }

    private func parse<Value>(
        _ text: String, field: CanonicalField, vocabulary: Vocabulary<Value>, accepted: [String], unknown: DiagnosticCode,
        report: (DiagnosticCode, CanonicalField, String, String?, Diagnostic.Severity) -> Void
    ) -> Value? {
        guard !text.isEmpty else { return nil }
        switch vocabulary.lookUp(text) {
        case .found(let value):
            return value
        case .ambiguous:
            report(unknown, field, "the \(field.rawValue) \"\(text)\" is ambiguous",
                   "define what \"\(text)\" means in the mapping; accepted: \(accepted.joined(separator: ", "))", .error)
        case .unknown:
            // Suggest the canonical spelling when the closest word is just another way to write it.
            let suggestion = Suggestion.closest(to: text, in: vocabulary.knownWords).map { word in
                accepted.first { TextNormalization.matchKey($0) == TextNormalization.matchKey(word) } ?? word
            }
            report(unknown, field, "unknown \(field.rawValue) \"\(text)\"",
                   (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "accepted: \(accepted.joined(separator: ", "))", .error)
        }
        return nil
    }

    /// Finishes the model: assigns missing ids, resolves parents and `next` references, and checks
    /// what spans rows (duplicate ids, unknown parents, cycles).
    public mutating func build(diagnostics: inout [Diagnostic]) -> (model: ProcessModel, rejected: [MappedRow]) {
        assignIDs(diagnostics: &diagnostics)
        resolveParents(diagnostics: &diagnostics)
        breakCycles(diagnostics: &diagnostics)
        resolveNext(diagnostics: &diagnostics)
        var accepted: [CoraProcess] = []
        var rejected: [MappedRow] = []
        accepted.reserveCapacity(candidates.count)
        for index in candidates.indices {
            if candidates[index].rejected { rejected.append(candidates[index].row) } else { accepted.append(candidates[index].process) }
        }
        return (ProcessModel(processes: accepted, propertyNames: propertyNames), rejected)
    }

    private mutating func assignIDs(diagnostics: inout [Diagnostic]) {
        var firstLine: [String: SourceLocation] = [:]
        for index in candidates.indices where candidates[index].idWasGiven {
            let id = candidates[index].process.id
            let location = candidates[index].row.location
            if let first = firstLine[id] {
                let place = first.file == location.file ? "line \(first.line)" : "\(first.file), line \(first.line)"
                diagnostics.append(Diagnostic(
                    .error, .duplicateID, "the id \"\(id)\" is also used on \(place)",
                    file: location.file, line: location.line, record: location.record,
                    column: candidates[index].row.columns[.id], value: id,
                    hint: "ids must be unique; \(place) keeps it"))
                if !keepInvalid { candidates[index].rejected = true }
            } else {
                firstLine[id] = location
            }
        }
        var taken = Set(firstLine.keys)
        for index in candidates.indices where !candidates[index].idWasGiven {
            let process = candidates[index].process
            let base = ProcessIdentifier.derive(code: process.code, name: process.name) ?? "p-line-\(candidates[index].row.location.line)"
            let id = ProcessIdentifier.unique(base, avoiding: taken)
            taken.insert(id)
            candidates[index].process.id = id
        }
    }

    /// Finds the candidate a reference points to: by id, then by code, then by name (the name
    /// index is built only when a reference needs it).
    private func lookUp(_ reference: String, in index: inout ReferenceIndex) -> Int? {
        if let found = index.ids[reference] ?? index.codes[reference] { return found }
        if index.names == nil {
            var names: [String: Int] = [:]
            for position in candidates.indices {
                let key = TextNormalization.matchKey(candidates[position].process.name)
                if !key.isEmpty, names[key] == nil { names[key] = position }
            }
            index.names = names
        }
        return index.names?[TextNormalization.matchKey(reference)]
    }

    /// Where to find candidates by id, code and name.
    private struct ReferenceIndex {
        var ids: [String: Int] = [:]
        var codes: [String: Int] = [:]
        var names: [String: Int]?
    }

    private func referenceIndex() -> ReferenceIndex {
        var index = ReferenceIndex()
        index.ids.reserveCapacity(candidates.count)
        for position in candidates.indices {
            let id = candidates[position].process.id, code = candidates[position].process.code
            if let existing = index.ids[id] {
                if candidates[existing].rejected { index.ids[id] = position }
            } else {
                index.ids[id] = position
            }
            if !code.isEmpty, index.codes[code] == nil { index.codes[code] = position }
        }
        return index
    }

    private mutating func resolveParents(diagnostics: inout [Diagnostic]) {
        var references = referenceIndex()
        var target: [Int: Int] = [:]
        for index in candidates.indices {
            let reference = candidates[index].parentReference
            guard !reference.isEmpty else { continue }
            let row = candidates[index].row
            guard let parent = lookUp(reference, in: &references), parent != index else {
                diagnostics.append(Diagnostic(
                    .error, .unknownParent, "the parent \"\(reference)\" matches no process (by id, code or name)",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.parent], value: reference))
                if !keepInvalid { candidates[index].rejected = true }
                continue
            }
            target[index] = parent
            candidates[index].process.parent = candidates[parent].process.id
        }
        // A row whose parent was rejected is rejected too, so the model never points at a missing parent.
        var changed = !keepInvalid
        while changed {
            changed = false
            for (child, parent) in target where !candidates[child].rejected && candidates[parent].rejected {
                candidates[child].rejected = true
                changed = true
                let row = candidates[child].row
                diagnostics.append(Diagnostic(
                    .error, .unknownParent,
                    "the parent \"\(candidates[child].parentReference)\" (line \(candidates[parent].row.location.line)) has errors and is not in the model",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.parent], value: candidates[child].parentReference,
                    hint: "fix the parent's row first"))
            }
        }
    }

    private mutating func breakCycles(diagnostics: inout [Diagnostic]) {
        var index: [String: Int] = [:]
        for position in candidates.indices where !candidates[position].rejected { index[candidates[position].process.id] = position }
        for start in candidates.indices where !candidates[start].rejected {
            var current = start
            var steps = 0
            while let parent = index[candidates[current].process.parent], steps <= candidates.count {
                if parent == start {
                    let row = candidates[start].row
                    diagnostics.append(Diagnostic(
                        .error, .parentCycle, "the process \"\(candidates[start].process.name)\" is its own ancestor",
                        file: row.location.file, line: row.location.line, record: row.location.record,
                        column: row.columns[.parent], value: candidates[start].parentReference,
                        hint: "follow the parents from here: one of them points back down"))
                    break
                }
                current = parent
                steps += 1
            }
        }
        if !keepInvalid {
            for diagnostic in diagnostics where diagnostic.code == .parentCycle {
                if let position = candidates.firstIndex(where: { $0.row.location.line == diagnostic.line && $0.row.location.file == diagnostic.file }) {
                    candidates[position].rejected = true
                }
            }
        }
    }

    private mutating func resolveNext(diagnostics: inout [Diagnostic]) {
        var references = referenceIndex()
        for index in candidates.indices where !candidates[index].rejected && !candidates[index].process.next.isEmpty {
            let row = candidates[index].row
            candidates[index].process.next = candidates[index].process.next.map { reference in
                if let target = lookUp(reference, in: &references), !candidates[target].rejected {
                    return candidates[target].process.id
                }
                diagnostics.append(Diagnostic(
                    .warning, .unknownNext, "the next process \"\(reference)\" matches no process in the model; kept as written",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.next], value: reference))
                return reference
            }
        }
    }
}
