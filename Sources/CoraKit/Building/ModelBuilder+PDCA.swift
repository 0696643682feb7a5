/// The PDCA relations between processes (CORA.md §5): the processes a steering process `steers`,
/// and the steering processes a process `reports-to`. They are references like `next`: found by
/// id, code or name once the hierarchy is settled (so that the model rules see them), and written
/// as ids once the model is final.
extension ModelBuilder {
    /// Finds the processes every `steers` and `reports-to` reference names. One that names no
    /// process is an `unknown-pdca-reference` warning, one that names several an
    /// `ambiguous-pdca-reference` warning; either is kept as written.
    mutating func resolvePDCA(sink: inout DiagnosticSink) {
        guard (0..<processes.count).contains(where: { processes.hasItems(in: .steers, at: $0) || processes.hasItems(in: .reportsTo, at: $0) })
        else { return }
        var references = referenceIndex()
        for index in candidates.indices where !candidates[index].rejected {
            let steers = processes.list(.steers, at: index), reportsTo = processes.list(.reportsTo, at: index)
            guard !steers.isEmpty || !reportsTo.isEmpty else { continue }
            if let given = givenPDCATargets[index] {
                // Resolved already, within the model the process came from (and reported there); one
                // that named no process there may name a process of another file of the merge.
                func settle(_ positions: [Int32], _ written: [String], _ field: CanonicalField) -> [Int32] {
                    zip(positions, written).map { position, reference in
                        if position >= 0 { return candidates[Int(position)].rejected ? -1 : position }
                        guard case .found(let found) = lookUp(reference, match: match(of: field), from: index, in: &references),
                              !candidates[found].rejected, candidates[found].file != candidates[index].file else { return -1 }
                        return Int32(found)
                    }
                }
                pdcaTargets[index] = PDCATargets(steers: settle(given.steers, steers, .steers),
                                                 reportsTo: settle(given.reportsTo, reportsTo, .reportsTo))
                continue
            }
            var targets = PDCATargets()
            targets.steers = steers.map { position(of: $0, field: .steers, from: index, in: &references, sink: &sink) }
            targets.reportsTo = reportsTo.map { position(of: $0, field: .reportsTo, from: index, in: &references, sink: &sink) }
            pdcaTargets[index] = targets
        }
    }

    /// The position of the process `reference` names from the row at `referrer` (-1 when it names
    /// none or several, which is reported).
    private func position(of reference: String, field: CanonicalField, from referrer: Int, in references: inout ReferenceIndex,
                          sink: inout DiagnosticSink) -> Int32 {
        let match = match(of: field), what = Self.noun(of: field)
        let row = row(of: referrer)
        switch lookUp(reference, match: match, from: referrer, in: &references) {
        case .found(let position) where !candidates[position].rejected:
            return Int32(position)
        case .ambiguous(let positions, let count, let by):
            sink.report(Diagnostic(
                .ambiguousPDCAReference,
                "\(what) \"\(reference)\" matches more than one process (by \(by.rawValue)): "
                    + "\(places(of: positions, count: count, from: referrer)); kept as written",
                file: row.location.file, line: row.location.line, record: row.location.record,
                column: row.columns[field], value: reference,
                hint: by == .code ? "a code names one process: give each of them its own code"
                    : "name the process by its code or id, or give the processes different names"))
        case .found(let position):
            sink.report(leftOut(reference, at: position, field: field, from: referrer))
        case .none:
            let how = match == .any ? "by id, code or name" : "by \(match.rawValue)"
            sink.report(Diagnostic(
                .unknownPDCAReference, "\(what) \"\(reference)\" matches no process in the model (\(how)); kept as written",
                file: row.location.file, line: row.location.line, record: row.location.record,
                column: row.columns[field], value: reference,
                hint: referenceHint(reference, match: match, field: field, from: referrer, in: &references)))
        }
        return -1
    }

    /// What `steers` and `reports-to` references name.
    private func match(of field: CanonicalField) -> Mapping.ReferenceMatch {
        field == .steers ? settings.steersMatch : settings.reportsToMatch
    }

    /// How findings name the process a reference of `field` is to.
    private static func noun(of field: CanonicalField) -> String {
        field == .steers ? "the steered process" : "the steering process reported to"
    }

    /// The `unknown-pdca-reference` finding for a reference to the process at `position`, which is
    /// left out of the model for its errors: where it is, and that its findings say why.
    private func leftOut(_ reference: String, at position: Int, field: CanonicalField, from referrer: Int) -> Diagnostic {
        let row = row(of: referrer), place = place(of: position, from: referrer)
        return Diagnostic(
            .unknownPDCAReference, "\(Self.noun(of: field)) \"\(reference)\" (\(place)) is left out of the model for its errors; kept as written",
            file: row.location.file, line: row.location.line, record: row.location.record,
            column: row.columns[field], value: reference, hint: "the findings on \(place) say why")
    }

    /// What to do about a reference that names no process: split a cell that holds several,
    /// match by name where a process has that name, else name a process of the model.
    private func referenceHint(_ reference: String, match: Mapping.ReferenceMatch, field: CanonicalField, from referrer: Int,
                               in references: inout ReferenceIndex) -> String {
        if let separator = [";", ",", "/", "\n"].first(where: { reference.contains($0) }) {
            let shown = separator == "\n" ? "\\n" : separator
            return "the cell looks like several references: split it (`split: [\"\(shown)\"]` in the \(field.rawValue) field of the mapping)"
        }
        if match == .id || match == .code, case .found = lookUp(reference, match: .name, from: referrer, in: &references) {
            return "a process is named \"\(reference)\": the mapping says `match: \(match.rawValue)`; `match: any` also finds names"
        }
        return "name a process of the model by its id, code or name"
    }

    /// Writes the resolved references as the ids of the processes they name. A process left out
    /// since (for an error a model rule found) is reported as `unknown-pdca-reference`; what named
    /// no process stays as written.
    mutating func finishPDCA(sink: inout DiagnosticSink) {
        for (index, targets) in pdcaTargets.sorted(by: { $0.key < $1.key }) where !candidates[index].rejected {
            let steers = ids(of: targets.steers, written: processes.list(.steers, at: index), field: .steers, from: index, sink: &sink)
            processes.setList(.steers, steers, at: index)
            let reportsTo = ids(of: targets.reportsTo, written: processes.list(.reportsTo, at: index), field: .reportsTo,
                                from: index, sink: &sink)
            processes.setList(.reportsTo, reportsTo, at: index)
        }
    }

    /// The ids the resolved `positions` name (the reference as written where none, or where the
    /// process was left out since, which is reported), each once.
    private func ids(of positions: [Int32], written: [String], field: CanonicalField, from referrer: Int,
                     sink: inout DiagnosticSink) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for (position, reference) in zip(positions, written) {
            var id = reference
            if position >= 0 {
                if candidates[Int(position)].rejected {
                    sink.report(leftOut(reference, at: Int(position), field: field, from: referrer))
                } else {
                    id = processes.id(at: Int(position))
                }
            }
            if seen.insert(id).inserted { result.append(id) }
        }
        return result
    }

    /// The PDCA relations and requirements as the model rules see them, in the positions of
    /// ``facts(maxDepth:strict:)`` (`factIndex`: the fact position of each candidate, -1 when it
    /// is left out).
    func pdcaFacts(factIndex: [Int32]) -> PDCAFacts {
        var facts = PDCAFacts()
        for (index, targets) in pdcaTargets where factIndex[index] >= 0 {
            let own = Int(factIndex[index])
            let steers = targets.steers.compactMap { $0 >= 0 && factIndex[Int($0)] >= 0 ? Int(factIndex[Int($0)]) : nil }
            let reportsTo = targets.reportsTo.compactMap { $0 >= 0 && factIndex[Int($0)] >= 0 ? Int(factIndex[Int($0)]) : nil }
            if !steers.isEmpty { facts.steers[own] = steers }
            if !reportsTo.isEmpty { facts.reportsTo[own] = reportsTo }
        }
        facts.usesRelations = !pdcaTargets.isEmpty
        for position in candidates.indices where factIndex[position] >= 0 {
            if let phase = processes.phase(at: position) { facts.phases[Int(factIndex[position])] = phase }
            if processes.hasItems(in: .requirements, at: position) { facts.requirements[Int(factIndex[position])] = processes.list(.requirements, at: position) }
        }
        return facts
    }
}
