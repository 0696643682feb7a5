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
            let id = processes[index].id
            guard let firstIndex = given.insert(id, position: index, hasKey: { processes[$0].id == id }) else { continue }
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
            let base = processes[index].id.nonEmpty
                ?? ProcessIdentifier.derive(code: processes[index].code, name: processes[index].name)
                ?? "p-line-\(candidates[index].line)"
            let free = (given.count == 0 || given.position(of: base) { processes[$0].id == base } == nil)
                && derived.position(of: base) { processes[$0].id == base } == nil
            guard free else {
                taken.append((index, base))
                continue
            }
            processes[index].id = base
            derived.insert(base, position: index, hasKey: { processes[$0].id == base })
        }
        for (index, base) in taken {
            let id = ProcessIdentifier.unique(base) { key in
                (given.count > 0 && given.position(of: key) { processes[$0].id == key } != nil)
                    || derived.position(of: key) { processes[$0].id == key } != nil
            }
            processes[index].id = id
            derived.insert(id, position: index, hasKey: { processes[$0].id == id })
        }
    }
}
