/// References between processes: the parent a row names, and the processes that follow it.
extension ModelBuilder {
    /// Where to find candidates by id, code and name.
    struct ReferenceIndex {
        var ids: PositionIndex
        var codes: PositionIndex
        var names: [String: Int]?
        /// For an id that more than one row has: per file, its first row in the model (else its
        /// first row).
        var repeatedIDs: [String: [Int32: Int]] = [:]
        /// The same for a code.
        var repeatedCodes: [String: [Int32: Int]] = [:]
    }

    /// Ids and codes of the candidates: the first row of an id, unless it was rejected; the first
    /// row of a code that is in the model; and every row of an id or code used more than once.
    func referenceIndex() -> ReferenceIndex {
        var index = ReferenceIndex(ids: PositionIndex(capacity: candidates.count), codes: PositionIndex(capacity: candidates.count))
        for position in candidates.indices {
            let id = processes[position].id, code = processes[position].code
            if let earlier = index.ids.insert(id, position: position, hasKey: { processes[$0].id == id }, replace: { candidates[$0].rejected }) {
                remember(position, after: earlier, in: &index.repeatedIDs[id])
            }
            if !code.isEmpty, let earlier = index.codes.insert(code, position: position, hasKey: { processes[$0].code == code },
                                                                replace: { candidates[$0].rejected && !candidates[position].rejected }) {
                remember(position, after: earlier, in: &index.repeatedCodes[code])
            }
        }
        return index
    }

    /// Finds the candidate a reference from the row at `referrer` points to: by id, then by code,
    /// then by name (the name index is built only when a reference needs it). An id or code that
    /// rows of several files have means the row of the referrer's own file (`cora batch --merge`
    /// reads the files of one layout together): a child is never hung under another file's
    /// process, and the children of a rejected duplicate are rejected with it.
    func lookUp(_ reference: String, match: Mapping.ReferenceMatch = .any, from referrer: Int, in index: inout ReferenceIndex) -> Int? {
        switch match {
        case .id: return ownFile(index.repeatedIDs[reference], referrer) ?? index.ids.position(of: reference) { processes[$0].id == reference }
        case .code: return ownFile(index.repeatedCodes[reference], referrer) ?? index.codes.position(of: reference) { processes[$0].code == reference }
        case .any:
            if let found = index.ids.position(of: reference, hasKey: { processes[$0].id == reference }) {
                return ownFile(index.repeatedIDs[reference], referrer) ?? found
            }
            if let found = index.codes.position(of: reference, hasKey: { processes[$0].code == reference }) {
                return ownFile(index.repeatedCodes[reference], referrer) ?? found
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

    /// Records `position` as a row of a repeated key (`earlier` had it before): the first row per
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

    /// Of the rows of a repeated id or code, the one of the referrer's file; `nil` when that file
    /// has none (or the key is not repeated).
    private func ownFile(_ rows: [Int32: Int]?, _ referrer: Int) -> Int? {
        guard let rows, let own = rows[candidates[referrer].file], own != referrer else { return nil }
        return own
    }

    /// Finds every parent: by position where the input gives it, else by looking its reference
    /// up. A reference that matches nothing is an `unknown-parent` error; a process whose parent
    /// is left out is left out too.
    mutating func resolveParents(sink: inout DiagnosticSink) {
        parentPosition = [Int32](repeating: -1, count: candidates.count)
        var references: ReferenceIndex?
        for index in candidates.indices {
            let structural = Int(candidates[index].structuralParent)
            if structural >= 0 {
                parentPosition[index] = Int32(structural)
                processes[index].parent = processes[structural].id
                continue
            }
            let reference = candidates[index].parentReference
            guard !reference.isEmpty else { continue }
            if references == nil { references = referenceIndex() }
            let match = candidates[index].parentMatch
            guard let parent = lookUp(reference, match: match, from: index, in: &references!), parent != index else {
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
            processes[index].parent = processes[parent].id
        }
        rejectDescendants(of: candidates.indices.filter { candidates[$0].rejected }, sink: &sink)
    }

    /// Turns every `next` reference into the id of the process it names; one that names no
    /// process in the model is an `unknown-next` warning and kept as written.
    mutating func resolveNext(sink: inout DiagnosticSink) {
        guard candidates.indices.contains(where: { !candidates[$0].rejected && (!processes[$0].next.isEmpty || keptNext[$0] != nil) })
        else { return }
        var references: ReferenceIndex?
        for index in candidates.indices where !candidates[index].rejected && !processes[index].next.isEmpty {
            let targets = nextTargets[index]
            var resolved: [String] = []
            resolved.reserveCapacity(processes[index].next.count)
            for (offset, reference) in processes[index].next.enumerated() {
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
                    target = lookUp(reference, match: settings.nextMatch, from: index, in: &references!)
                }
                if let target, !candidates[target].rejected {
                    resolved.append(processes[target].id)
                    continue
                }
                let row = row(of: index)
                sink.report(Diagnostic(
                    .unknownNext, "the next process \"\(reference)\" matches no process in the model; kept as written",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.next], value: reference))
                resolved.append(reference)
            }
            processes[index].next = resolved
        }
        for (index, kept) in keptNext where !candidates[index].rejected {
            processes[index].next += kept
        }
    }
}
