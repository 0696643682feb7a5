import CoraCSV

/// What the model builder works out from one row alone, before the row joins the others: the
/// process with its typed values, and what the row checks found. Made by a ``RowPreparer``, which
/// may run on another thread than the builder.
struct PreparedRow {
    var process: CoraProcess
    var location: SourceLocation
    var record: CSVRecord
    var columns: FieldColumns
    /// The category and parent cells as the mapping left them.
    var categoryText: String
    var parentText: String
    /// What the parent cell refers to (in a dotted numbering: the code above), and how.
    var parentReference: String
    var parentMatch: Mapping.ReferenceMatch
    var idWasGiven: Bool
    /// Whether the row had an error (or with `strict` any finding), in the mapping or here.
    var hasErrors: Bool
    /// In a per-level layout: the names and levels of the process's ancestors.
    var levelPath: [String]?
    var levelPathLevels: [ProcessLevel?]
}

/// The row checks of the model builder that need no other row: a name, a known level and
/// category, a whole-number order, a valid id; and the process made from the row.
///
/// It holds only the words already looked up (a file uses a handful on every row), so a copy of it
/// can prepare rows on another thread while the builder adds the ones before.
struct RowPreparer {
    let levels: Vocabulary<ProcessLevel>
    let categories: Vocabulary<ProcessCategory>
    let hierarchy: Mapping.Hierarchy
    let parentMatch: Mapping.ReferenceMatch
    let strict: Bool
    let ignoredWarnings: Set<DiagnosticCode>
    private var levelWords: [String: Vocabulary<ProcessLevel>.Lookup] = [:]
    private var categoryWords: [String: Vocabulary<ProcessCategory>.Lookup] = [:]
    /// Level words as the cell rules read them (CORA's own vocabulary).
    private var cellRuleLevels: [String: ProcessLevel?] = [:]

    init(levels: Vocabulary<ProcessLevel>, categories: Vocabulary<ProcessCategory>, hierarchy: Mapping.Hierarchy,
         parentMatch: Mapping.ReferenceMatch, strict: Bool, ignoredWarnings: Set<DiagnosticCode>) {
        self.levels = levels
        self.categories = categories
        self.hierarchy = hierarchy
        self.parentMatch = parentMatch
        self.strict = strict
        self.ignoredWarnings = ignoredWarnings
    }

    /// The level of `row` as its level cell (or its column in a per-level layout) says: what the
    /// cell rules need to know for the naming convention.
    mutating func level(of row: MappedRow) -> ProcessLevel? {
        let text = row[.level]
        if text.isEmpty { return row.levelFromHierarchy }
        if let known = cellRuleLevels[text] { return known }
        var level: ProcessLevel?
        if case .found(let found) = Vocabulary.levels.lookUp(text) { level = found }
        if cellRuleLevels.count < 1024 { cellRuleLevels[text] = level }
        return level
    }

    /// Checks `row` on its own and makes its process; findings go to `diagnostics`.
    /// `rowHasErrors` says that an earlier stage (the mapping) already found an error in the row.
    mutating func prepare(_ row: MappedRow, rowHasErrors: Bool, diagnostics: inout [Diagnostic]) -> PreparedRow {
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
        let levelText = row[.level], categoryText = row[.category]
        let levelLookup = levelText.isEmpty ? nil : levelWords[levelText] ?? Self.remember(levels.lookUp(levelText), for: levelText, in: &levelWords)
        let categoryLookup = categoryText.isEmpty ? nil
            : categoryWords[categoryText] ?? Self.remember(categories.lookUp(categoryText), for: categoryText, in: &categoryWords)
        let level = parse(levelText, lookup: levelLookup, field: .level, vocabulary: levels, accepted: ProcessLevel.canonicalValues,
                          unknown: .unknownLevel, report: report) ?? (levelText.isEmpty ? row.levelFromHierarchy : nil)
        let category = parse(categoryText, lookup: categoryLookup, field: .category, vocabulary: categories,
                             accepted: ProcessCategory.canonicalValues, unknown: .unknownCategory, report: report)
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

        let process = CoraProcess(
            id: givenID, code: row[.code], name: name, level: level, category: category, parent: "",
            order: order, owner: row[.owner], function: row[.function],
            services: row.lists[.services] ?? [], events: row.lists[.events] ?? [],
            applications: row.lists[.applications] ?? [], next: row.lists[.next] ?? [],
            status: row[.status], description: row[.description], properties: row.properties, source: row.location)
        if !ignoredWarnings.isEmpty {
            let kept = diagnostics[findingsBefore...].filter { $0.severity == .error || !ignoredWarnings.contains($0.code) }
            diagnostics.replaceSubrange(findingsBefore..., with: kept)
        }
        let hasErrors = rowHasErrors || diagnostics[findingsBefore...].contains { strict || $0.severity == .error }
        var parentReference = row[.parent], match = parentMatch
        if hierarchy.shape == .dottedCodes, parentReference.isEmpty {
            parentReference = ModelBuilder.dottedParent(of: process.code)
            match = .code
        }
        return PreparedRow(process: process, location: row.location, record: row.record, columns: row.columns,
                           categoryText: categoryText, parentText: row[.parent], parentReference: parentReference,
                           parentMatch: match, idWasGiven: !givenID.isEmpty, hasErrors: hasErrors,
                           levelPath: row.levelPath, levelPathLevels: row.levelPathLevels)
    }

    /// `lookup`, remembered for `word` in `words` (up to a thousand words: a file uses a handful).
    private static func remember<Value>(_ lookup: Vocabulary<Value>.Lookup, for word: String,
                                        in words: inout [String: Vocabulary<Value>.Lookup]) -> Vocabulary<Value>.Lookup {
        if words.count < 1024 { words[word] = lookup }
        return lookup
    }

    private func parse<Value>(
        _ text: String, lookup: Vocabulary<Value>.Lookup?, field: CanonicalField, vocabulary: Vocabulary<Value>, accepted: [String],
        unknown: DiagnosticCode, report: (DiagnosticCode, CanonicalField, String, String?, Diagnostic.Severity) -> Void
    ) -> Value? {
        guard !text.isEmpty else { return nil }
        switch lookup ?? vocabulary.lookUp(text) {
        case .found(let value):
            return value
        case .ambiguous:
            report(unknown, field, "the \(field.rawValue) \"\(text)\" is ambiguous",
                   "say what \"\(text)\" means in the mapping (`values: {\(text): ...}` in the \(field.rawValue) field); accepted: \(accepted.joined(separator: ", "))", .error)
        case .unknown:
            // Suggest the canonical spelling when the closest word is just another way to write it.
            let suggestion = Suggestion.closest(to: text, in: vocabulary.knownWords).map { word in
                accepted.first { TextNormalization.matchKey($0) == TextNormalization.matchKey(word) } ?? word
            }
            report(unknown, field, "unknown \(field.rawValue) \"\(text)\"",
                   (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "accepted: \(accepted.joined(separator: ", ")) and their Dutch names"
                   + " (see `cora help convert`); a corporation's own words go in the mapping: `values: {\(text): ...}`", .error)
        }
        return nil
    }

}
