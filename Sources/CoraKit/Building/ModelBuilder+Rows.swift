import CoraCSV

/// Table rows: the process made from a mapped row, with what can be checked on the row alone
/// (a known level and category, a whole-number order, a valid id), and the places of the rows of
/// a per-level layout.
extension ModelBuilder {
    /// Adds one table row. `rowHasErrors` says that an earlier stage (the mapping, the row rules)
    /// already reported an error in the row; one found here counts too, and either keeps the row
    /// out of the model (unless invalid rows are kept).
    public mutating func add(_ row: MappedRow, rowHasErrors: Bool = false, sink: inout DiagnosticSink) {
        let errorsBefore = sink.errorCount
        let location = row.location
        let file = location.file
        let columns = row.columns
        // Takes the row's parts, not the row: a function that captured the row would copy it for every row.
        func report(_ code: DiagnosticCode, _ field: CanonicalField, _ message: String, value: String, hint: String? = nil) {
            sink.report(Diagnostic(code, message, file: file, line: location.line, record: location.record,
                                   column: columns[field], value: value, hint: hint))
        }

        let levelText = row[.level], categoryText = row[.category]
        let levelLookup = levelText.isEmpty ? nil
            : levelWords[levelText] ?? Self.remember(settings.levels.lookUp(levelText), for: levelText, in: &levelWords)
        let categoryLookup = categoryText.isEmpty ? nil
            : categoryWords[categoryText] ?? Self.remember(settings.categories.lookUp(categoryText), for: categoryText, in: &categoryWords)
        let level = Self.parse(levelText, lookup: levelLookup, field: .level, vocabulary: settings.levels,
                               accepted: ProcessLevel.canonicalValues, unknown: .unknownLevel, report: report)
            ?? (levelText.isEmpty ? row.levelFromHierarchy : nil)
        let category = Self.parse(categoryText, lookup: categoryLookup, field: .category, vocabulary: settings.categories,
                                  accepted: ProcessCategory.canonicalValues, unknown: .unknownCategory, report: report)
        var order: Int?
        let orderText = row[.order]
        if !orderText.isEmpty {
            if let value = Int(orderText), value >= 0 {
                order = value
            } else {
                report(.invalidOrder, .order, "the order \"\(orderText)\" is not a whole number", value: orderText)
            }
        }
        let givenID = row[.id]
        if !givenID.isEmpty && !ProcessIdentifier.isValid(givenID) {
            let suggestion = ProcessIdentifier.slug(givenID)
            report(.invalidID, .id, "the id \"\(givenID)\" has characters that ArchiMate tools refuse (allowed: letters, digits, . _ -)",
                   value: givenID, hint: suggestion.isEmpty ? nil : "for example \"\(suggestion)\"")
        }

        let phaseText = row[.pdcaPhase]
        let phase = Self.parse(phaseText, lookup: nil, field: .pdcaPhase, vocabulary: .pdcaPhases,
                               accepted: PDCAPhase.canonicalValues, unknown: .unknownPDCAPhase, report: report)
        let requirements = row.lists[.requirements].map { requirementTags($0, report: report) } ?? []
        var properties = row.properties
        if phase == nil && !phaseText.isEmpty {
            // Not understood: the phase stays empty, the value is kept beside the other properties.
            properties.append(Property(name: (columns[.pdcaPhase]?.name ?? CanonicalField.pdcaPhase.rawValue) + " (original)", value: phaseText))
        }

        let process = CoraProcess(
            id: givenID, code: row[.code], name: row[.name], level: level, category: category, parent: "",
            order: order, owner: row[.owner], function: row[.function],
            services: row.lists[.services] ?? [], events: row.lists[.events] ?? [],
            applications: row.lists[.applications] ?? [], next: row.lists[.next] ?? [],
            status: row[.status], description: row[.description], requirements: requirements,
            steers: row.lists[.steers] ?? [], reportsTo: row.lists[.reportsTo] ?? [], pdcaPhase: phase,
            properties: properties, source: row.location)
        let hasErrors = rowHasErrors || sink.errorCount > errorsBefore
        var parentReference = row[.parent], match = settings.parentMatch
        if settings.hierarchy.shape == .dottedCodes, parentReference.isEmpty {
            parentReference = Self.dottedParent(of: process.code)
            match = .code
        }
        for property in process.properties where !knowsProperty(property.name) {
            seenPropertyNames.insert(property.name)
            propertyNames.append(property.name)
        }
        let parentText = processes.store(row[.parent])
        let candidate = Candidate(
            file: fileNumber(file), columnSet: columnSetNumber(row.columns), line: row.location.line, record: row.location.record,
            categoryText: processes.store(categoryText), parentText: parentText,
            parentReference: parentReference == row[.parent] ? parentText : processes.store(parentReference), parentMatch: match,
            structuralParent: -1, idWasGiven: !givenID.isEmpty, origin: .tableRow, levelFromParent: false,
            rejected: hasErrors && !settings.keepInvalid)
        if let path = row.levelPath {
            place(candidate, process, record: row.record, under: path, levels: row.levelPathLevels, sink: &sink)
        } else {
            append(candidate, process, record: row.record)
        }
    }

    /// The code of the parent in a dotted numbering: `1.2.3` → `1.2`, `P03.01` → `P03`; empty at the top.
    public static func dottedParent(of code: String) -> String {
        guard let dot = code.lastIndex(of: ".") else { return "" }
        return String(code[..<dot])
    }

    /// Adds a row of a per-level layout: finds (or makes) its ancestors by their names.
    private mutating func place(_ candidate: Candidate, _ process: CoraProcess, record: CSVRecord, under path: [String],
                                levels: [ProcessLevel?], sink: inout DiagnosticSink) {
        var candidate = candidate
        var parent: Int32 = -1
        var key = ""
        let location = SourceLocation(file: files[Int(candidate.file)], line: candidate.line, record: candidate.record)
        for (depth, name) in path.enumerated() {
            key += TextNormalization.matchKey(name) + "\u{1F}"
            if let existing = pathIndex[key] {
                parent = Int32(existing)
                continue
            }
            // An ancestor without a row of its own: it exists because its descendants name it.
            let ancestor = CoraProcess(id: "", name: name, level: depth < levels.count ? levels[depth] : nil,
                                       category: process.category, source: location)
            var implicit = candidate
            implicit.parentReference = 0
            implicit.parentMatch = .any
            implicit.idWasGiven = false
            implicit.rejected = false
            implicit.structuralParent = parent
            implicit.origin = .implicit
            implicit.columnSet = columnSetNumber([:])
            append(implicit, ancestor, record: record)
            parent = Int32(candidates.count - 1)
            pathIndex[key] = candidates.count - 1
        }
        key += TextNormalization.matchKey(process.name) + "\u{1F}"
        candidate.structuralParent = parent
        if let existing = pathIndex[key] {
            if candidates[existing].origin == .implicit {
                // The row of an ancestor made earlier from its descendants: it takes the ancestor's place.
                candidate.structuralParent = candidates[existing].structuralParent
                candidates[existing] = candidate
                processes.replace(at: existing, with: process)
                if settings.keepsRecords { records[existing] = record }
                return
            }
            let first = self.location(of: existing)
            sink.report(Diagnostic(
                .duplicateProcess,
                "the process \"\(process.name)\"" + (path.last.map { " under \"\($0)\"" } ?? "") + " is also on line \(first.line)",
                file: location.file, line: location.line, record: location.record,
                column: columnSets[Int(candidate.columnSet)][.name], value: process.name,
                hint: "a process appears once per parent; line \(first.line) keeps it"))
            if !settings.keepInvalid { candidate.rejected = true }
            append(candidate, process, record: record)
            return
        }
        append(candidate, process, record: record)
        if !candidate.rejected { pathIndex[key] = candidates.count - 1 }
    }

    /// The requirement tags `words` stand for, each once, in order; a word that is no tag is an
    /// `unknown-requirement` warning (with the closest tag) and kept as written.
    ///
    /// A word written as a tag (lower case letters, digits, `-`: `passend-toewijzen`) that is not
    /// close to a known one is a tag of the corporation's own, taken without a finding: that is how
    /// cora's canonical CSV writes an own tag, so that it reads back as it was written.
    mutating func requirementTags(_ words: [String], report: (DiagnosticCode, CanonicalField, String, String, String?) -> Void) -> [String] {
        var tags: [String] = []
        tags.reserveCapacity(words.count)
        // A row with many yes/no columns looks its tags up in a set, not in the list.
        var seen: Set<String>? = words.count > 16 ? [] : nil
        for word in words {
            let outcome = requirementOutcomes[word] ?? requirementOutcome(of: word)
            if let hint = outcome.hint {
                report(.unknownRequirement, .requirements, "unknown requirement \"\(word)\"; kept as written", word, hint)
            }
            if seen != nil {
                if seen!.insert(outcome.tag).inserted { tags.append(outcome.tag) }
            } else if !tags.contains(outcome.tag) {
                tags.append(outcome.tag)
            }
        }
        return tags
    }

    /// What `word` stands for: a tag, or (with the hint of its finding) itself as written.
    /// Worked out once per word (up to a few thousand words: a column uses a handful).
    private mutating func requirementOutcome(of word: String) -> (tag: String, hint: String?) {
        var outcome: (tag: String, hint: String?) = (word, nil)
        let catalog = settings.requirements
        if case .found(let found) = catalog.lookUp(word) {
            outcome.tag = found
        } else {
            let suggestion = Suggestion.closest(to: word, in: catalog.knownWords).flatMap { catalog.lookUp($0).foundValue }
            if suggestion == nil && RequirementTag.isValidTag(word) {
                if definedRequirementTagNames.insert(word).inserted { definedRequirementTags.append(RequirementTag(tag: word)) }
            } else {
                outcome.hint = (suggestion.map { "did you mean \"\($0)\"? " } ?? "")
                    + "CORA's requirements are \(RequirementCatalog.cora.tags.map(\.tag).joined(separator: ", "))"
                    + (settings.ownRequirementTags.isEmpty ? ""
                        : "; the mapping's own are \(settings.ownRequirementTags.map(\.tag).joined(separator: ", "))")
                    + "; a corporation's own go under `requirement-tags:` in the mapping"
            }
        }
        if requirementOutcomes.count < 4096 { requirementOutcomes[word] = outcome }
        return outcome
    }

    /// The Dutch names of the accepted level, category or phase words, for a hint.
    private static func dutchNames(of accepted: [String]) -> String {
        if accepted == PDCAPhase.canonicalValues { return PDCAPhase.allCases.map(\.dutchName).joined(separator: ", ") }
        if accepted == ProcessLevel.canonicalValues { return ProcessLevel.allCases.map(\.dutchName).joined(separator: ", ") }
        return ProcessCategory.allCases.map(\.dutchName).joined(separator: ", ")
    }

    /// `lookup`, remembered for `word` in `words` (up to a thousand words: a file uses a handful).
    private static func remember<Value>(_ lookup: Vocabulary<Value>.Lookup, for word: String,
                                        in words: inout [String: Vocabulary<Value>.Lookup]) -> Vocabulary<Value>.Lookup {
        if words.count < 1024 { words[word] = lookup }
        return lookup
    }

    /// The value `text` stands for in `vocabulary`; an unknown or ambiguous word is reported.
    private static func parse<Value>(
        _ text: String, lookup: Vocabulary<Value>.Lookup?, field: CanonicalField, vocabulary: Vocabulary<Value>, accepted: [String],
        unknown: DiagnosticCode, report: (DiagnosticCode, CanonicalField, String, String, String?) -> Void
    ) -> Value? {
        guard !text.isEmpty else { return nil }
        switch lookup ?? vocabulary.lookUp(text) {
        case .found(let value):
            return value
        case .ambiguous:
            report(unknown, field, "the \(field.rawValue) \"\(text)\" is ambiguous", text,
                   "say what \"\(text)\" means in the mapping (`values: {\(text): ...}` in the \(field.rawValue) field); accepted: \(accepted.joined(separator: ", "))")
        case .unknown:
            // Suggest the canonical spelling when the closest word is just another way to write it.
            let suggestion = Suggestion.closest(to: text, in: vocabulary.knownWords).map { word in
                accepted.first { TextNormalization.matchKey($0) == TextNormalization.matchKey(word) } ?? word
            }
            report(unknown, field, "unknown \(field.rawValue) \"\(text)\"", text,
                   (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "accepted: \(accepted.joined(separator: ", ")) and their Dutch names"
                   + " (\(Self.dutchNames(of: accepted))); a corporation's own words go in the mapping: `values: {\(text): ...}`")
        }
        return nil
    }
}
