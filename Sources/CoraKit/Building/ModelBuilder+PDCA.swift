/// The PDCA relations between processes (CORA.md §5): the processes a steering process `steers`,
/// and the steering processes a process `reports-to`. They are references like `next`: found by
/// id, code or name once the hierarchy is settled (so that the model rules see them), and written
/// as ids once the model is final.
extension ModelBuilder {
    /// Finds the processes every `steers` and `reports-to` reference names. One that names no
    /// process is an `unknown-pdca-reference` warning, one that names several an
    /// `ambiguous-pdca-reference` warning; either is kept as written.
    mutating func resolvePDCA(sink: inout DiagnosticSink) {
        guard processes.contains(where: { !$0.steers.isEmpty || !$0.reportsTo.isEmpty }) else { return }
        var references = referenceIndex()
        for index in candidates.indices where !candidates[index].rejected {
            let steers = processes[index].steers, reportsTo = processes[index].reportsTo
            guard !steers.isEmpty || !reportsTo.isEmpty else { continue }
            if let given = givenPDCATargets[index] {
                // Resolved already, within the model the process came from (and reported there).
                pdcaTargets[index] = PDCATargets(steers: given.steers.map { $0 >= 0 && candidates[Int($0)].rejected ? -1 : $0 },
                                                 reportsTo: given.reportsTo.map { $0 >= 0 && candidates[Int($0)].rejected ? -1 : $0 })
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
        let match = field == .steers ? settings.steersMatch : settings.reportsToMatch
        let what = field == .steers ? "the steered process" : "the steering process reported to"
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
        case .found, .none:
            sink.report(Diagnostic(
                .unknownPDCAReference, "\(what) \"\(reference)\" matches no process in the model; kept as written",
                file: row.location.file, line: row.location.line, record: row.location.record,
                column: row.columns[field], value: reference))
        }
        return -1
    }

    /// Writes the resolved references as the ids of the processes they name. A process left out
    /// since (for an error a model rule found) is reported as `unknown-pdca-reference`; what named
    /// no process stays as written.
    mutating func finishPDCA(sink: inout DiagnosticSink) {
        for (index, targets) in pdcaTargets.sorted(by: { $0.key < $1.key }) where !candidates[index].rejected {
            processes[index].steers = ids(of: targets.steers, written: processes[index].steers, field: .steers, from: index, sink: &sink)
            processes[index].reportsTo = ids(of: targets.reportsTo, written: processes[index].reportsTo, field: .reportsTo,
                                             from: index, sink: &sink)
        }
    }

    private func ids(of positions: [Int32], written: [String], field: CanonicalField, from referrer: Int,
                     sink: inout DiagnosticSink) -> [String] {
        var result: [String] = []
        for (position, reference) in zip(positions, written) {
            let id = position >= 0 ? processes[Int(position)].id : reference
            if position >= 0 && candidates[Int(position)].rejected {
                let row = row(of: referrer)
                sink.report(Diagnostic(
                    .unknownPDCAReference,
                    "\(field == .steers ? "the steered process" : "the steering process reported to") \"\(reference)\" is left out "
                        + "of the model for its errors; kept as written",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[field], value: reference))
                if !result.contains(reference) { result.append(reference) }
                continue
            }
            if !result.contains(id) { result.append(id) }
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
            if let phase = processes[position].pdcaPhase { facts.phases[Int(factIndex[position])] = phase }
            if !processes[position].requirements.isEmpty { facts.requirements[Int(factIndex[position])] = processes[position].requirements }
        }
        return facts
    }
}
