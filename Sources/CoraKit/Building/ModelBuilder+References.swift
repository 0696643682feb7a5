/// References between processes: the parent a row names, and the processes that follow it.
extension ModelBuilder {
    /// Where to find candidates by id, code and name.
    struct ReferenceIndex {
        var ids: PositionIndex
        var codes: PositionIndex
        /// The first row of each name (by its match key), built when a reference first needs it.
        var names: [String: Int]?
        /// For an id that more than one row has: per file, its first row in the model (else its
        /// first row).
        var repeatedIDs: [String: [Int32: Int]] = [:]
        /// Every row of a code that more than one row has, in input order.
        var repeatedCodes: [String: [Int]] = [:]
        /// Every row of a name (by its match key) that more than one row has, in input order.
        var repeatedNames: [String: [Int]] = [:]
        /// The rows of a repeated code or name per file, made when a reference first needs them,
        /// so that each further reference to the key costs no more than one to a unique key.
        var repeatedByFile: [String: [Int32: [Int]]] = [:]
    }

    /// What a reference found: one process, several (the reference is ambiguous), or none.
    enum ReferenceMatch: Equatable {
        /// The process at this position.
        case found(Int)
        /// More than one process with the code or name referred to (`field`): the first few of
        /// them (`shown`, in input order) and how many there are in all.
        case ambiguous(shown: [Int], count: Int, field: CanonicalField)
        /// No process.
        case none
    }

    /// Ids and codes of the candidates: the first row of an id, unless it was rejected; the first
    /// row of a code; and every row of an id or code used more than once.
    func referenceIndex() -> ReferenceIndex {
        var index = ReferenceIndex(ids: PositionIndex(capacity: candidates.count), codes: PositionIndex(capacity: candidates.count))
        for position in candidates.indices {
            // Hashed and compared as bytes in the columns: no string per row.
            if let earlier = index.ids.insert(hash: processes.idHash(at: position), position: position,
                                              hasKey: { processes.sameID($0, position) }, replace: { candidates[$0].rejected }) {
                remember(position, after: earlier, in: &index.repeatedIDs[processes.id(at: position)])
            }
            if let codeHash = processes.codeHash(at: position),
               let earlier = index.codes.insert(hash: codeHash, position: position, hasKey: { processes.sameCode($0, position) }) {
                index.repeatedCodes[processes.code(at: position), default: [earlier]].append(position)
            }
        }
        return index
    }

    /// Finds the candidate a reference from the row at `referrer` points to: by id, then by code,
    /// then by name (the name index is built only when a reference needs it). An id that rows of
    /// several files have means the row of the referrer's own file (`cora batch --merge` reads the
    /// files of one layout together): a child is never hung under another file's process, and the
    /// children of a rejected duplicate are rejected with it.
    ///
    /// A code or name is looked for in the referrer's own file first, then in the others. When
    /// more than one row has it there, the reference is ambiguous: it is reported, never settled
    /// by taking the first (a code used twice in one file is a `duplicate-code` error besides; a
    /// name used twice matters only here). An id that cora derived (the input has no ids) counts
    /// only when no code matches.
    func lookUp(_ reference: String, match: Mapping.ReferenceMatch = .any, from referrer: Int, in index: inout ReferenceIndex) -> ReferenceMatch {
        switch match {
        case .id:
            guard let found = index.ids.position(of: reference, hasKey: { processes.id(at: $0, is: reference) }) else { return .none }
            return .found(ownFile(index.repeatedIDs[reference], referrer) ?? found)
        case .code:
            return lookUpCode(reference, from: referrer, in: &index)
        case .any:
            let byID = index.ids.position(of: reference, hasKey: { processes.id(at: $0, is: reference) })
            if let byID, candidates[byID].idWasGiven {
                return .found(ownFile(index.repeatedIDs[reference], referrer) ?? byID)
            }
            let byCode = lookUpCode(reference, from: referrer, in: &index)
            if byCode != .none { return byCode }
            if let byID { return .found(byID) }
        case .name: break
        }
        if index.names == nil { indexNames(in: &index) }
        let key = TextNormalization.matchKey(reference)
        guard let first = index.names?[key] else { return .none }
        return choose(among: index.repeatedNames[key], first: first, from: referrer, field: .name, key: key,
                      referrerHasKey: TextNormalization.matchKey(processes.name(at: referrer)) == key, in: &index)
    }

    /// The row a code names, seen from the row at `referrer`.
    private func lookUpCode(_ code: String, from referrer: Int, in index: inout ReferenceIndex) -> ReferenceMatch {
        guard let first = index.codes.position(of: code, hasKey: { processes.code(at: $0, is: code) }) else { return .none }
        return choose(among: index.repeatedCodes[code], first: first, from: referrer, field: .code, key: code,
                      referrerHasKey: processes.code(at: referrer, is: code), in: &index)
    }

    /// Of the rows of a code or name (`rows`, when more than one has it, else just `first`), the
    /// one meant from the row at `referrer`: the one of its own file, else the one of another;
    /// more than one there is ambiguous.
    ///
    /// Costs the same for every reference to a key, however many rows have it: the rows are
    /// grouped by file once, the referrer (when it has the key itself) is found by binary search,
    /// and an ambiguous match carries only the first rows it names.
    private func choose(among rows: [Int]?, first: Int, from referrer: Int, field: CanonicalField, key: String,
                        referrerHasKey: Bool, in index: inout ReferenceIndex) -> ReferenceMatch {
        guard let rows else { return .found(first) }
        let cacheKey = (field == .code ? "c:" : "n:") + key
        if index.repeatedByFile[cacheKey] == nil {
            index.repeatedByFile[cacheKey] = Dictionary(grouping: rows) { candidates[$0].file }
        }
        let own = index.repeatedByFile[cacheKey]?[candidates[referrer].file] ?? []
        /// `list` (in input order) without the referrer: how many, and the first few.
        func without(_ list: [Int]) -> (count: Int, shown: [Int]) {
            let holdsReferrer = referrerHasKey && Self.sortedContains(list, referrer)
            let shown = Array(list.lazy.filter { $0 != referrer }.prefix(Self.ambiguousShown))
            return (list.count - (holdsReferrer ? 1 : 0), shown)
        }
        var meant = without(own)
        if meant.count == 0 { meant = without(rows) }
        switch meant.count {
        case 0: return .found(first)
        case 1: return .found(meant.shown[0])
        default: return .ambiguous(shown: meant.shown, count: meant.count, field: field)
        }
    }

    /// How many of the processes an ambiguous reference matches its finding names.
    static var ambiguousShown: Int { 3 }

    /// Whether `sorted` (ascending) holds `value`.
    static func sortedContains(_ sorted: [Int], _ value: Int) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// Indexes the candidates' names by their match key: the first row of each, and every row of
    /// a name that more than one row has.
    private func indexNames(in index: inout ReferenceIndex) {
        var names: [String: Int] = [:]
        for position in candidates.indices {
            let key = TextNormalization.matchKey(processes.name(at: position))
            guard !key.isEmpty else { continue }
            if let existing = names[key] {
                index.repeatedNames[key, default: [existing]].append(position)
            } else {
                names[key] = position
            }
        }
        index.names = names
    }

    /// Records `position` as a row of a repeated id (`earlier` had it before): the first row per
    /// file, replaced by a later one of that file only when the first is left out and it is not.
    private func remember(_ position: Int, after earlier: Int, in rows: inout [Int32: Int]?) {
        if rows == nil { rows = [candidates[earlier].file: earlier] }
        let file = candidates[position].file
        if let first = rows![file] {
            if candidates[first].rejected && !candidates[position].rejected { rows![file] = position }
        } else {
            rows![file] = position
        }
    }

    /// Of the rows of a repeated id, the one of the referrer's file; `nil` when that file has none
    /// (or the id is not repeated).
    private func ownFile(_ rows: [Int32: Int]?, _ referrer: Int) -> Int? {
        guard let rows, let own = rows[candidates[referrer].file], own != referrer else { return nil }
        return own
    }

    /// Where the row at `position` is, as seen from a finding on the row at `referrer`: "line 4",
    /// or "b.csv, line 4" in another file.
    func place(of position: Int, from referrer: Int) -> String {
        let location = location(of: position)
        return candidates[position].file == candidates[referrer].file ? "line \(location.line)" : "\(location.file), line \(location.line)"
    }

    /// The rows of an ambiguous reference, as seen from the row at `referrer`: "lines 4 and 5", or
    /// "a.csv, line 4 and b.csv, line 2".
    func places(of positions: [Int], count: Int, from referrer: Int) -> String {
        let file = candidates[referrer].file
        let more = count > positions.count ? ["\(count - positions.count) more"] : []
        if positions.allSatisfy({ candidates[$0].file == file }) {
            return "lines " + ListFormatting.and(positions.map { String(location(of: $0).line) } + more)
        }
        return ListFormatting.and(positions.map { place(of: $0, from: referrer) } + more)
    }

    /// Finds every parent: by position where the input gives it, else by looking its reference
    /// up. A reference that matches nothing is an `unknown-parent` error, one that matches more
    /// than one process an `ambiguous-parent` error; a process whose parent is left out is left out too.
    mutating func resolveParents(sink: inout DiagnosticSink) {
        parentPosition = [Int32](repeating: -1, count: candidates.count)
        var references: ReferenceIndex?
        for index in candidates.indices {
            let structural = Int(candidates[index].structuralParent)
            if structural >= 0 {
                parentPosition[index] = Int32(structural)
                processes.setParent(toIDAt: structural, at: index)
                continue
            }
            guard candidates[index].parentReference != 0 else { continue }
            let reference = processes.string(at: candidates[index].parentReference)
            if references == nil { references = referenceIndex() }
            let match = candidates[index].parentMatch
            let found = lookUp(reference, match: match, from: index, in: &references!)
            if case .ambiguous(let positions, let count, let field) = found {
                let row = row(of: index)
                sink.report(Diagnostic(
                    .ambiguousParent,
                    "the parent \"\(reference)\" matches more than one process (by \(field.rawValue)): \(places(of: positions, count: count, from: index))",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.parent], value: reference,
                    hint: field == .code
                        ? "a code names one process: give each of them its own code"
                        : "name the parent by its code or id, or give the processes different names"))
                if !settings.keepInvalid { candidates[index].rejected = true }
                continue
            }
            guard case .found(let parent) = found, parent != index else {
                if case .none = found, NoParentWords.contains(reference) {
                    // `0`, `-`, `n.v.t.`, `geen`: what spreadsheets write for "no parent", when no
                    // process has that code or name. The process stands at the top.
                    processes.setParent("", at: index)
                    continue
                }
                let row = row(of: index)
                let how = match == .any ? "by id, code or name" : "by \(match.rawValue)"
                sink.report(Diagnostic(
                    .unknownParent, "the parent \"\(reference)\" matches no process (\(how))",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.parent], value: reference))
                if !settings.keepInvalid { candidates[index].rejected = true }
                continue
            }
            parentPosition[index] = Int32(parent)
            processes.setParent(toIDAt: parent, at: index)
        }
        rejectDescendants(of: candidates.indices.filter { candidates[$0].rejected }, sink: &sink)
    }

    /// Turns every `next` reference into the id of the process it names; one that names no
    /// process in the model is an `unknown-next` warning, one that names more than one an
    /// `ambiguous-next` warning, and either is kept as written.
    mutating func resolveNext(sink: inout DiagnosticSink) {
        guard candidates.indices.contains(where: { !candidates[$0].rejected && (processes.hasItems(in: .next, at: $0) || keptNext[$0] != nil) })
        else { return }
        var references: ReferenceIndex?
        for index in candidates.indices where !candidates[index].rejected && processes.hasItems(in: .next, at: index) {
            let written = processes.list(.next, at: index)
            let targets = nextTargets[index]
            var resolved: [String] = []
            resolved.reserveCapacity(written.count)
            for (offset, reference) in written.enumerated() {
                var target: Int?
                if let targets {
                    // Resolved already, within the model the process came from.
                    let position = Int(targets[offset])
                    if position < 0 {
                        resolved.append(reference)
                        continue
                    }
                    target = position
                } else {
                    if references == nil { references = referenceIndex() }
                    switch lookUp(reference, match: settings.nextMatch, from: index, in: &references!) {
                    case .found(let position): target = position
                    case .none: target = nil
                    case .ambiguous(let positions, let count, let field):
                        let row = row(of: index)
                        sink.report(Diagnostic(
                            .ambiguousNext,
                            "the next process \"\(reference)\" matches more than one process (by \(field.rawValue)): "
                                + "\(places(of: positions, count: count, from: index)); kept as written",
                            file: row.location.file, line: row.location.line, record: row.location.record,
                            column: row.columns[.next], value: reference,
                            hint: field == .code
                                ? "a code names one process: give each of them its own code"
                                : "name the next process by its code or id, or give the processes different names"))
                        resolved.append(reference)
                        continue
                    }
                }
                if let target, !candidates[target].rejected {
                    resolved.append(processes.id(at: target))
                    continue
                }
                let row = row(of: index)
                sink.report(Diagnostic(
                    .unknownNext, "the next process \"\(reference)\" matches no process in the model; kept as written",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.next], value: reference))
                resolved.append(reference)
            }
            processes.setList(.next, resolved, at: index)
        }
        for (index, kept) in keptNext where !candidates[index].rejected {
            processes.setList(.next, processes.list(.next, at: index) + kept, at: index)
        }
    }
}
