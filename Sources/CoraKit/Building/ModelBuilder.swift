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
    /// Works out what each row says on its own (made on first use, from the settings then).
    private var preparer: RowPreparer?
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

    /// A preparer with this builder's settings, for rows mapped elsewhere (another thread).
    func makePreparer() -> RowPreparer {
        RowPreparer(levels: levels, categories: categories, hierarchy: hierarchy, parentMatch: parentMatch,
                    strict: strict, ignoredWarnings: ignoredWarnings)
    }

    /// The level of `row` as its level cell (or its column in a per-level layout) says: what the
    /// cell rules need to know for the naming convention.
    mutating func level(of row: MappedRow) -> ProcessLevel? {
        if preparer == nil { preparer = makePreparer() }
        return preparer!.level(of: row)
    }

    /// Adds one row, checking what can be checked on the row alone. `rowHasErrors` says that an
    /// earlier stage (the mapping) already found an error in the row.
    public mutating func add(_ row: MappedRow, rowHasErrors: Bool = false, diagnostics: inout [Diagnostic]) {
        if preparer == nil { preparer = makePreparer() }
        let prepared = preparer!.prepare(row, rowHasErrors: rowHasErrors, diagnostics: &diagnostics)
        append(prepared, diagnostics: &diagnostics)
    }

    /// Adds a row that a ``RowPreparer`` with this builder's settings made ready.
    mutating func append(_ prepared: consuming PreparedRow, diagnostics: inout [Diagnostic]) {
        for property in prepared.process.properties where !knowsProperty(property.name) {
            seenPropertyNames.insert(property.name)
            propertyNames.append(property.name)
        }
        let trace = CompactTrace(file: fileNumber(prepared.location.file), columnSet: columnSetNumber(prepared.columns),
                                 line: prepared.location.line, record: prepared.location.record,
                                 categoryText: prepared.categoryText, parentText: prepared.parentText)
        let candidate = Candidate(trace: trace, parentReference: prepared.parentReference, parentMatch: prepared.parentMatch,
                                  idWasGiven: prepared.idWasGiven, rejected: prepared.hasErrors && !keepInvalid)
        if let path = prepared.levelPath {
            place(candidate, prepared.process, record: prepared.record, under: path, levels: prepared.levelPathLevels,
                  diagnostics: &diagnostics)
        } else {
            append(candidate, prepared.process, record: prepared.record)
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
