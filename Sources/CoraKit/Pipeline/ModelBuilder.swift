import CoraCSV

/// Builds the process model from mapped rows: typed values, ids, and the references between
/// processes. Every row is either accepted into the model or rejected with at least one error.
public struct ModelBuilder {
    /// Whether rows with errors are kept in the model anyway.
    public var keepInvalid: Bool
    /// Whether warnings count as errors (`--strict`): a row with a warning is left out too.
    public var strict = false
    /// Warning codes that neither show nor count.
    public var ignoredWarnings: Set<DiagnosticCode> = []
    /// The level words understood.
    public var levels: Vocabulary<ProcessLevel>
    /// The category words understood.
    public var categories: Vocabulary<ProcessCategory>
    /// How the hierarchy is written.
    public var hierarchy: Mapping.Hierarchy
    /// What a `parent` reference names.
    public var parentMatch: Mapping.ReferenceMatch
    /// What a `next` reference names.
    public var nextMatch: Mapping.ReferenceMatch
    /// The deepest nesting accepted (`nesting-too-deep` beyond it).
    public var maxDepth = ModelRules.defaultMaxDepth
    /// Whether each row's record is kept whole (for rejects files), or only its line and number.
    /// Set it before the first row is added.
    public var keepsRecords = true

    /// The rows on their way into the model, and their processes at the same positions (apart, so
    /// that the accepted processes become the model's array in place, without a copy).
    private var candidates: [Candidate] = []
    private var processes: [CoraProcess] = []
    /// Level and category words already looked up (a file uses a handful, on every row).
    private var levelWords: [String: Vocabulary<ProcessLevel>.Lookup] = [:]
    private var categoryWords: [String: Vocabulary<ProcessCategory>.Lookup] = [:]
    /// Level words as the cell rules read them (CORA's own vocabulary), looked up once.
    private var cellRuleLevels: [String: ProcessLevel?] = [:]
    /// Per-level layouts: the candidate for each path of names (ancestors and own name).
    private var pathIndex: [String: Int] = [:]
    private var propertyNames: [String] = []
    private var seenPropertyNames = Set<String>()
    /// Once the parents are resolved: the position of each candidate's parent, -1 at the top. The
    /// later stages follow these instead of looking ids up again.
    private var parentPosition: [Int32] = []

    /// The inputs' names and the column layouts of the rows, shared by the candidates (a row keeps
    /// their positions, not a copy), and the rows' records when they are kept for rejects.
    private var files: [String] = []
    private var columnSets: [FieldColumns] = []
    private var records: [CSVRecord] = []

    /// Where a candidate's row is and what it said, in a few bytes: the full ``RowTrace`` is made
    /// from it only when a finding or a rejected row needs it.
    private struct CompactTrace {
        var file: Int32
        var columnSet: Int32
        var line: Int
        var record: Int
        /// The category and parent cells as the mapping left them (the function is the process's).
        var categoryText: String
        var parentText: String
    }

    /// A row on its way into the model.
    private struct Candidate {
        var trace: CompactTrace
        var parentReference: String
        var parentMatch: Mapping.ReferenceMatch
        var idWasGiven: Bool
        var rejected: Bool
        /// The parent found from the layout itself (per-level columns), not from a reference.
        var structuralParent: Int? = nil
        /// Made for an ancestor named in a per-level layout that has no row of its own.
        var implicit = false
    }

    /// Creates a builder.
    public init(keepInvalid: Bool = false, hierarchy: Mapping.Hierarchy = Mapping.Hierarchy(),
                parentMatch: Mapping.ReferenceMatch = .any, nextMatch: Mapping.ReferenceMatch = .any,
                levels: Vocabulary<ProcessLevel> = .levels, categories: Vocabulary<ProcessCategory> = .categories) {
        self.keepInvalid = keepInvalid
        self.hierarchy = hierarchy
        self.parentMatch = parentMatch
        self.nextMatch = nextMatch
        self.levels = levels
        self.categories = categories
    }

    /// Creates a builder for the settings of `mapping`.
    public init(mapping: Mapping, keepInvalid: Bool = false) {
        self.init(keepInvalid: keepInvalid, hierarchy: mapping.hierarchy,
                  parentMatch: mapping.fields[.parent]?.match ?? .any, nextMatch: mapping.fields[.next]?.match ?? .any)
    }

    /// Makes room for `count` more rows up front, so that the arrays of a large input are not
    /// copied as they grow.
    public mutating func reserveCapacity(forMoreRows count: Int) {
        let total = candidates.count + max(0, count)
        candidates.reserveCapacity(total)
        processes.reserveCapacity(total)
        if keepsRecords { records.reserveCapacity(total) }
    }

    /// Declares property columns up front, so the model lists them even when every cell is empty.
    public mutating func declareProperties(_ names: [String]) {
        for name in names where seenPropertyNames.insert(name).inserted { propertyNames.append(name) }
    }

    /// The level of `row` as its level cell (or its column in a per-level layout) says: what the
    /// cell rules need to know for the naming convention. Words are looked up once per file.
    mutating func level(of row: MappedRow) -> ProcessLevel? {
        let text = row[.level]
        if text.isEmpty { return row.levelFromHierarchy }
        if let known = cellRuleLevels[text] { return known }
        var level: ProcessLevel?
        if case .found(let found) = Vocabulary.levels.lookUp(text) { level = found }
        if cellRuleLevels.count < 1024 { cellRuleLevels[text] = level }
        return level
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

        for property in row.properties where !knowsProperty(property.name) {
            seenPropertyNames.insert(property.name)
            propertyNames.append(property.name)
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
        let trace = CompactTrace(file: fileNumber(row.location.file), columnSet: columnSetNumber(row.columns),
                                 line: row.location.line, record: row.location.record,
                                 categoryText: row[.category], parentText: row[.parent])
        var candidate = Candidate(trace: trace, parentReference: row[.parent], parentMatch: parentMatch,
                                  idWasGiven: !givenID.isEmpty, rejected: hasErrors && !keepInvalid)
        if hierarchy.shape == .dottedCodes, candidate.parentReference.isEmpty {
            candidate.parentReference = Self.dottedParent(of: process.code)
            candidate.parentMatch = .code
        }
        if let path = row.levelPath {
            place(candidate, process, record: row.record, under: path, levels: row.levelPathLevels, diagnostics: &diagnostics)
        } else {
            append(candidate, process, record: row.record)
        }
    }

    /// Adds a candidate with its process (and its record, when records are kept).
    private mutating func append(_ candidate: consuming Candidate, _ process: consuming CoraProcess, record: CSVRecord) {
        candidates.append(candidate)
        processes.append(process)
        if keepsRecords { records.append(record) }
    }

    /// The number of the input `file` in ``files``.
    private mutating func fileNumber(_ file: String) -> Int32 {
        if let last = files.last, last == file { return Int32(files.count - 1) }
        if let known = files.firstIndex(of: file) { return Int32(known) }
        files.append(file)
        return Int32(files.count - 1)
    }

    /// The number of `columns` in ``columnSets`` (rows of one table share one; a per-level layout
    /// has one per level column).
    private mutating func columnSetNumber(_ columns: FieldColumns) -> Int32 {
        if let known = columnSets.lastIndex(of: columns) { return Int32(known) }
        columnSets.append(columns)
        return Int32(columnSets.count - 1)
    }

    /// Where the row of the candidate at `index` is.
    private func location(of index: Int) -> SourceLocation {
        let trace = candidates[index].trace
        return SourceLocation(file: files[Int(trace.file)], line: trace.line, record: trace.record)
    }

    /// The columns the fields of the candidate at `index` came from.
    private func columns(of index: Int) -> FieldColumns {
        columnSets[Int(candidates[index].trace.columnSet)]
    }

    /// What the builder kept of the row of the candidate at `index`.
    private func row(of index: Int) -> RowTrace {
        let trace = candidates[index].trace
        let location = location(of: index)
        return RowTrace(location: location,
                        record: keepsRecords ? records[index] : CSVRecord.locationOnly(line: location.line, number: location.record),
                        columns: columns(of: index), categoryText: trace.categoryText,
                        functionText: processes[index].function, parentText: trace.parentText)
    }

    /// Whether a property of this name was seen before: a look through the few names an inventory
    /// has, a hash only for many.
    private func knowsProperty(_ name: String) -> Bool {
        propertyNames.count <= 16 ? propertyNames.contains(name) : seenPropertyNames.contains(name)
    }

    /// `lookup`, remembered for `word` in `words` (up to a thousand words: a file uses a handful).
    private static func remember<Value>(_ lookup: Vocabulary<Value>.Lookup, for word: String,
                                 in words: inout [String: Vocabulary<Value>.Lookup]) -> Vocabulary<Value>.Lookup {
        if words.count < 1024 { words[word] = lookup }
        return lookup
    }

    /// The code of the parent in a dotted numbering: `1.2.3` → `1.2`, `P03.01` → `P03`; empty at the top.
    public static func dottedParent(of code: String) -> String {
        guard let dot = code.lastIndex(of: ".") else { return "" }
        return String(code[..<dot])
    }

    /// Adds a candidate from a per-level layout: finds (or makes) its ancestors by their names.
    private mutating func place(_ candidate: Candidate, _ process: CoraProcess, record: CSVRecord, under path: [String],
                                levels: [ProcessLevel?], diagnostics: inout [Diagnostic]) {
        var candidate = candidate
        var parent: Int?
        var key = ""
        let location = SourceLocation(file: files[Int(candidate.trace.file)], line: candidate.trace.line, record: candidate.trace.record)
        for (depth, name) in path.enumerated() {
            key += TextNormalization.matchKey(name) + "\u{1F}"
            if let existing = pathIndex[key] {
                parent = existing
                continue
            }
            // An ancestor without a row of its own: it exists because its descendants name it.
            let ancestor = CoraProcess(id: "", name: name, level: depth < levels.count ? levels[depth] : nil,
                                       category: process.category, source: location)
            var implicit = Candidate(trace: candidate.trace, parentReference: "", parentMatch: .any,
                                     idWasGiven: false, rejected: false, structuralParent: parent, implicit: true)
            implicit.trace.columnSet = columnSetNumber([:])
            append(implicit, ancestor, record: record)
            parent = candidates.count - 1
            pathIndex[key] = parent
        }
        key += TextNormalization.matchKey(process.name) + "\u{1F}"
        candidate.structuralParent = parent
        if let existing = pathIndex[key] {
            if candidates[existing].implicit {
                // The row of an ancestor made earlier from its descendants: it takes the ancestor's place.
                candidate.structuralParent = candidates[existing].structuralParent
                candidates[existing] = candidate
                processes[existing] = process
                if keepsRecords { records[existing] = record }
                return
            }
            let first = self.location(of: existing)
            diagnostics.append(Diagnostic(
                .error, .duplicateProcess,
                "the process \"\(process.name)\"" + (path.last.map { " under \"\($0)\"" } ?? "") + " is also on line \(first.line)",
                file: location.file, line: location.line, record: location.record,
                column: columnSets[Int(candidate.trace.columnSet)][.name], value: process.name,
                hint: "a process appears once per parent; line \(first.line) keeps it"))
            if !keepInvalid { candidate.rejected = true }
            append(candidate, process, record: record)
            return
        }
        append(candidate, process, record: record)
        if !candidate.rejected { pathIndex[key] = candidates.count - 1 }
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

    /// Finishes the model: assigns missing ids, resolves parents and `next` references, and checks
    /// what spans rows (duplicate ids, unknown parents, cycles). The rows move into the model: the
    /// builder is empty afterwards.
    public mutating func build(diagnostics: inout [Diagnostic]) -> (model: ProcessModel, rejected: [RowTrace]) {
        assignIDs(diagnostics: &diagnostics)
        resolveParents(diagnostics: &diagnostics)
        breakCycles(diagnostics: &diagnostics)
        completeFromAncestors()
        applyModelRules(diagnostics: &diagnostics)
        resolveNext(diagnostics: &diagnostics)
        let rejected = candidates.indices.filter { candidates[$0].rejected && !candidates[$0].implicit }.map(row(of:))
        // The accepted processes move to the front of the array, which becomes the model's.
        var accepted = processes
        processes = []
        var kept = 0
        for index in candidates.indices where !candidates[index].rejected {
            if kept != index { accepted.swapAt(kept, index) }
            kept += 1
        }
        accepted.removeLast(accepted.count - kept)
        candidates = []
        records = []
        return (ProcessModel(processes: accepted, listedPropertyNames: propertyNames), rejected)
    }

    private mutating func assignIDs(diagnostics: inout [Diagnostic]) {
        var given = PositionIndex(capacity: candidates.count)
        var derivedCount = 0
        for index in candidates.indices {
            guard candidates[index].idWasGiven else {
                derivedCount += 1
                continue
            }
            let id = processes[index].id
            guard let firstIndex = given.insert(id, position: index, hasKey: { processes[$0].id == id }) else { continue }
            let location = location(of: index), first = self.location(of: firstIndex)
            let place = first.file == location.file ? "line \(first.line)" : "\(first.file), line \(first.line)"
            diagnostics.append(Diagnostic(
                .error, .duplicateID, "the id \"\(id)\" is also used on \(place)",
                file: location.file, line: location.line, record: location.record,
                column: columns(of: index)[.id], value: id,
                hint: "ids must be unique; \(place) keeps it"))
            if !keepInvalid { candidates[index].rejected = true }
        }
        guard derivedCount > 0 else { return }
        var derived = PositionIndex(capacity: derivedCount)
        for index in candidates.indices where !candidates[index].idWasGiven {
            let base = ProcessIdentifier.derive(code: processes[index].code, name: processes[index].name)
                ?? "p-line-\(candidates[index].trace.line)"
            let id = ProcessIdentifier.unique(base) { key in
                (given.count > 0 && given.position(of: key) { processes[$0].id == key } != nil)
                    || derived.position(of: key) { processes[$0].id == key } != nil
            }
            processes[index].id = id
            derived.insert(id, position: index, hasKey: { processes[$0].id == id })
        }
    }

    /// Finds the candidate a reference points to: by id, then by code, then by name (the name
    /// index is built only when a reference needs it).
    private func lookUp(_ reference: String, match: Mapping.ReferenceMatch = .any, in index: inout ReferenceIndex) -> Int? {
        switch match {
        case .id: return index.ids.position(of: reference) { processes[$0].id == reference }
        case .code: return index.codes.position(of: reference) { processes[$0].code == reference }
        case .any:
            if let found = index.ids.position(of: reference, hasKey: { processes[$0].id == reference })
                ?? index.codes.position(of: reference, hasKey: { processes[$0].code == reference }) {
                return found
            }
        case .name: break
        }
        if index.names == nil {
            var names: [String: Int] = [:]
            for position in candidates.indices {
                let key = TextNormalization.matchKey(processes[position].name)
                guard !key.isEmpty else { continue }
                // The first row of a name that is in the model, as for ids: a rejected row of the
                // same name before it would otherwise make a good reference "match no process".
                if let existing = names[key] {
                    if candidates[existing].rejected && !candidates[position].rejected { names[key] = position }
                } else {
                    names[key] = position
                }
            }
            index.names = names
        }
        return index.names?[TextNormalization.matchKey(reference)]
    }

    /// Where to find candidates by id, code and name.
    private struct ReferenceIndex {
        var ids: PositionIndex
        var codes: PositionIndex
        var names: [String: Int]?
    }

    /// The parent of the candidate at `position` while it is in the model: `nil` at the top, or
    /// when the parent was left out.
    private func liveParent(of position: Int) -> Int? {
        let parent = Int(parentPosition[position])
        return parent >= 0 && !candidates[parent].rejected ? parent : nil
    }

    private func referenceIndex() -> ReferenceIndex {
        var index = ReferenceIndex(ids: PositionIndex(capacity: candidates.count), codes: PositionIndex(capacity: candidates.count))
        for position in candidates.indices {
            // The first row of an id, unless it was rejected; the first row of a code that is in the model.
            let id = processes[position].id, code = processes[position].code
            index.ids.insert(id, position: position, hasKey: { processes[$0].id == id }, replace: { candidates[$0].rejected })
            if !code.isEmpty {
                index.codes.insert(code, position: position, hasKey: { processes[$0].code == code },
                                   replace: { candidates[$0].rejected && !candidates[position].rejected })
            }
        }
        return index
    }

    private mutating func resolveParents(diagnostics: inout [Diagnostic]) {
        parentPosition = [Int32](repeating: -1, count: candidates.count)
        var references: ReferenceIndex?
        for index in candidates.indices {
            if let parent = candidates[index].structuralParent {
                parentPosition[index] = Int32(parent)
                processes[index].parent = processes[parent].id
                continue
            }
            let reference = candidates[index].parentReference
            guard !reference.isEmpty else { continue }
            if references == nil { references = referenceIndex() }
            let row = row(of: index)
            let match = candidates[index].parentMatch
            guard let parent = lookUp(reference, match: match, in: &references!), parent != index else {
                let how = match == .any ? "by id, code or name" : "by \(match.rawValue)"
                diagnostics.append(Diagnostic(
                    .error, .unknownParent, "the parent \"\(reference)\" matches no process (\(how))",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.parent], value: reference))
                if !keepInvalid { candidates[index].rejected = true }
                continue
            }
            parentPosition[index] = Int32(parent)
            processes[index].parent = processes[parent].id
        }
        // A row whose parent was rejected is rejected too, so the model never points at a missing parent.
        // Down from each rejected parent through a list of children: passes over all rows until
        // nothing changes took one pass per level, hours for a chain of 100,000 rows written bottom up.
        guard !keepInvalid else { return }
        let rejectedParents = candidates.indices.filter { candidates[$0].rejected }
        guard !rejectedParents.isEmpty else { return }
        let children = ChildLists(parents: parentPosition)
        var queue = rejectedParents
        var head = 0
        while head < queue.count {
            let parent = queue[head]
            head += 1
            for child in children[parent] where !candidates[child].rejected {
                candidates[child].rejected = true
                queue.append(child)
                let row = row(of: child)
                diagnostics.append(Diagnostic(
                    .error, .unknownParent,
                    "the parent \"\(candidates[child].parentReference)\" (line \(candidates[parent].trace.line)) has errors and is not in the model",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.parent], value: candidates[child].parentReference,
                    hint: "fix the parent's row first"))
            }
        }
    }

    /// Finds processes that are their own ancestors, in one pass: each walk up stops at a process
    /// already settled, so every process is visited a bounded number of times.
    private mutating func breakCycles(diagnostics: inout [Diagnostic]) {
        enum State { case unvisited, onPath, settled }
        var state = [State](repeating: .unvisited, count: candidates.count)
        var inCycle: [Int] = []
        for start in candidates.indices where !candidates[start].rejected && state[start] == .unvisited {
            var path: [Int] = []
            var current: Int? = start
            while let node = current, state[node] == .unvisited {
                state[node] = .onPath
                path.append(node)
                current = liveParent(of: node)
            }
            if let node = current, state[node] == .onPath, let cycleStart = path.firstIndex(of: node) {
                inCycle.append(contentsOf: path[cycleStart...])
            }
            for node in path { state[node] = .settled }
        }
        for position in inCycle.sorted() {
            let row = row(of: position)
            diagnostics.append(Diagnostic(
                .error, .parentCycle, "the process \"\(processes[position].name)\" is its own ancestor",
                file: row.location.file, line: row.location.line, record: row.location.record,
                column: row.columns[.parent], value: candidates[position].parentReference,
                hint: "follow the parents from here: one of them points back down"))
            if !keepInvalid { candidates[position].rejected = true }
        }
    }

    /// Runs ``ModelRules`` over the processes still in the model; an error (or, with `strict`, any
    /// finding) keeps the process out, and its descendants with it.
    private mutating func applyModelRules(diagnostics: inout [Diagnostic]) {
        var positions: [Int] = []
        positions.reserveCapacity(candidates.count)
        var subjectIndex = [Int32](repeating: -1, count: candidates.count)
        for position in candidates.indices where !candidates[position].rejected {
            subjectIndex[position] = Int32(positions.count)
            positions.append(position)
        }
        var facts = ModelRules.Facts()
        facts.levels = positions.map { processes[$0].level }
        facts.categories = positions.map { processes[$0].category }
        facts.parents = positions.map { position in liveParent(of: position).map { subjectIndex[$0] } ?? -1 }
        facts.hasFunction = positions.map { !processes[$0].function.trimmingWhitespace().isEmpty }
        let findings = ModelRules.check(facts, strict: strict, maxDepth: maxDepth) { index in
            let position = positions[index]
            return ModelRules.Subject(process: processes[position], parentIndex: liveParent(of: position).map { Int(subjectIndex[$0]) },
                                      row: candidates[position].implicit ? nil : row(of: position))
        }.filter {
            $0.diagnostic.severity == .error || !ignoredWarnings.contains($0.diagnostic.code)
        }
        var leftOut = false
        for finding in findings {
            diagnostics.append(finding.diagnostic)
            if !keepInvalid && (strict || finding.diagnostic.severity == .error) {
                candidates[positions[finding.index]].rejected = true
                leftOut = true
            }
        }
        guard leftOut else { return }
        // Descendants of a process left out go with it, so the model never points at a missing parent.
        var changed = true
        while changed {
            changed = false
            for position in positions where !candidates[position].rejected {
                let parent = Int(parentPosition[position])
                guard parent >= 0, subjectIndex[parent] >= 0, candidates[parent].rejected else { continue }
                candidates[position].rejected = true
                changed = true
                let row = row(of: position)
                diagnostics.append(Diagnostic(
                    .error, .unknownParent,
                    "the parent \"\(processes[position].parent)\" has errors and is not in the model",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.parent], value: candidates[position].parentReference, hint: "fix the parent's row first"))
            }
        }
    }

    /// Fills in what the hierarchy implies: a level from the depth (when the mapping lists
    /// levels by depth) and the category of the nearest ancestor that has one.
    private mutating func completeFromAncestors() {
        var depth = [Int?](repeating: nil, count: candidates.count)
        var inherited = [ProcessCategory??](repeating: nil, count: candidates.count)
        func depthOf(_ start: Int) -> Int {
            var chain: [Int] = []
            var current: Int? = start
            while let node = current, depth[node] == nil, chain.count <= candidates.count {
                chain.append(node)
                current = liveParent(of: node)
            }
            var base = current.flatMap { depth[$0] } ?? 0
            for node in chain.reversed() {
                base += 1
                depth[node] = base
            }
            return depth[start] ?? 1
        }
        func categoryOf(_ start: Int) -> ProcessCategory? {
            var chain: [Int] = []
            var current: Int? = start
            var found: ProcessCategory?
            while let node = current, chain.count <= candidates.count {
                if let known = inherited[node] { found = known; break }
                if let own = processes[node].category { found = own; inherited[node] = own; break }
                chain.append(node)
                current = liveParent(of: node)
            }
            for node in chain { inherited[node] = .some(found) }
            return found
        }
        for position in candidates.indices where !candidates[position].rejected {
            if processes[position].level == nil, !hierarchy.levelsByDepth.isEmpty {
                let level = depthOf(position)
                if level <= hierarchy.levelsByDepth.count {
                    processes[position].level = hierarchy.levelsByDepth[level - 1]
                }
            }
            if processes[position].category == nil, hierarchy.inheritCategory {
                processes[position].category = categoryOf(position)
            }
        }
    }

    private mutating func resolveNext(diagnostics: inout [Diagnostic]) {
        guard candidates.indices.contains(where: { !candidates[$0].rejected && !processes[$0].next.isEmpty }) else { return }
        var references = referenceIndex()
        for index in candidates.indices where !candidates[index].rejected && !processes[index].next.isEmpty {
            let row = row(of: index)
            processes[index].next = processes[index].next.map { reference in
                if let target = lookUp(reference, match: nextMatch, in: &references), !candidates[target].rejected {
                    return processes[target].id
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
