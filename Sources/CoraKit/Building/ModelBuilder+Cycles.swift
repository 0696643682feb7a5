/// Cycles: processes that are their own ancestors.
extension ModelBuilder {
    /// Finds processes that are their own ancestors, in one pass: each walk up stops at a process
    /// already settled, so every process is visited a bounded number of times.
    ///
    /// A cycle made by relations of their own (Archi aggregations) is cut at the relation that
    /// comes last in its file: that relation is a `parent-cycle` error and left out, the processes
    /// stay. A cycle made by the rows' own parent cells leaves every process on it out, each with a
    /// `parent-cycle` error, and their descendants with them.
    mutating func breakCycles(sink: inout DiagnosticSink) {
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
                let cycle = Array(path[cycleStart...])
                if cycle.allSatisfy({ relations[$0] != nil }) {
                    cut(cycle, sink: &sink)
                } else {
                    inCycle.append(contentsOf: cycle)
                }
            }
            for node in path { state[node] = .settled }
        }
        guard !inCycle.isEmpty else { return }
        for position in inCycle.sorted() {
            let row = row(of: position)
            sink.report(Diagnostic(
                .parentCycle, "the process \"\(processes.name(at: position))\" is its own ancestor",
                file: row.location.file, line: row.location.line, record: row.location.record,
                column: row.columns[.parent], value: processes.string(at: candidates[position].parentReference),
                hint: "follow the parents from here: one of them points back down"))
            if !settings.keepInvalid { candidates[position].rejected = true }
        }
        rejectDescendants(of: inCycle, sink: &sink)
    }

    /// Cuts a cycle of relations at the one that comes last in its file.
    private mutating func cut(_ cycle: [Int], sink: inout DiagnosticSink) {
        guard let last = cycle.max(by: { relations[$0]!.location.line < relations[$1]!.location.line }),
              let relation = relations[last] else { return }
        // At most ten names: a cycle of a hundred thousand processes is one line, not megabytes.
        var names = cycle.prefix(10).map { "\"\(processes.name(at: $0))\"" }.joined(separator: " → ")
        if cycle.count > 10 { names += " → … (\(cycle.count - 10) more)" }
        sink.report(Diagnostic(
            .parentCycle, "the processes \(names) are each other's ancestors; this relation is left out",
            file: relation.location.file, line: relation.location.line, record: relation.location.record,
            column: relation.column, value: relation.value, hint: "one of the aggregations points the wrong way"))
        cutRelations.append(relation.location)
        parentPosition[last] = -1
        processes.setParent("", at: last)
        relations[last] = nil
    }
}
