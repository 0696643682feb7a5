/// Ids: every process has one, and no two the same.
extension ModelBuilder {
    /// Checks the ids the inputs gave (a repeated one is a `duplicate-id` error on the later
    /// process) and gives every other process one: from the id it has (a process of a merged
    /// model), else from its code or name (`ww-p03-01`, `verhuren-eenheden`). The first process of
    /// an id keeps it; the others get a number (`bepalen-visie-2`) that no process has.
    mutating func assignIDs(sink: inout DiagnosticSink) {
        var given = PositionIndex(capacity: candidates.count)
        var derivedCount = 0
        for index in candidates.indices {
            guard candidates[index].idWasGiven else {
                derivedCount += 1
                continue
            }
            guard let firstIndex = given.insert(hash: processes.idHash(at: index), position: index, hasKey: { processes.sameID($0, index) })
            else { continue }
            let id = processes.id(at: index)
            let location = location(of: index), first = self.location(of: firstIndex)
            let place = first.file == location.file ? "line \(first.line)" : "\(first.file), line \(first.line)"
            sink.report(Diagnostic(
                .duplicateID, "the id \"\(id)\" is also used on \(place)",
                file: location.file, line: location.line, record: location.record,
                column: columns(of: index)[.id], value: id,
                hint: "ids must be unique; \(place) keeps it"))
            if !settings.keepInvalid { candidates[index].rejected = true }
        }
        guard derivedCount > 0 else { return }
        // First every process whose id is free keeps it, so that a number added to another
        // (`bepalen-visie-2`) never takes the id that a later process has of its own.
        var derived = PositionIndex(capacity: derivedCount)
        var taken: [(index: Int, base: String)] = []
        for index in candidates.indices where !candidates[index].idWasGiven {
            // The name is read only when the code gives no id (as `derive(code:name:)` would take it).
            let base = (processes.hasID(at: index) ? processes.id(at: index) : nil)
                ?? ProcessIdentifier.derive(code: processes.code(at: index), name: "")
                ?? ProcessIdentifier.derive(code: "", name: processes.name(at: index))
                ?? "p-line-\(candidates[index].line)"
            let free = (given.count == 0 || given.position(of: base) { processes.id(at: $0, is: base) } == nil)
                && derived.position(of: base) { processes.id(at: $0, is: base) } == nil
            guard free else {
                taken.append((index, base))
                continue
            }
            processes.setID(base, at: index)
            derived.insert(base, position: index, hasKey: { processes.id(at: $0, is: base) })
        }
        // Where the search for a free number of each base ended: ids are only added here, so the
        // numbers below it stay taken (a thousand rows of one name are numbered in one pass, not
        // half a million tries).
        var nextNumber: [String: Int] = [:]
        for (index, base) in taken {
            let (id, number) = ProcessIdentifier.unique(base, from: nextNumber[base] ?? 1) { key in
                (given.count > 0 && given.position(of: key) { processes.id(at: $0, is: key) } != nil)
                    || derived.position(of: key) { processes.id(at: $0, is: key) } != nil
            }
            nextNumber[base] = number + 1
            processes.setID(id, at: index)
            derived.insert(id, position: index, hasKey: { processes.id(at: $0, is: id) })
        }
    }
}
