/// Leaving out: a process with an error goes, and every process below it goes with it, so that
/// the model never points at a parent that is not in it.
extension ModelBuilder {
    /// Leaves out the descendants of the processes at `positions` (already left out), each with an
    /// `unknown-parent` error naming the parent. Walks down through a list of children: passes over
    /// all processes until nothing changes took one pass per level, hours for a chain of 100,000
    /// rows written bottom up.
    mutating func rejectDescendants(of positions: [Int], sink: inout DiagnosticSink) {
        guard !settings.keepInvalid, !positions.isEmpty else { return }
        let children = ChildLists(parents: parentPosition)
        var queue = positions
        var head = 0
        while head < queue.count {
            let parent = queue[head]
            head += 1
            for child in children[parent] where !candidates[child].rejected {
                candidates[child].rejected = true
                queue.append(child)
                let row = row(of: child)
                let reference = processes.string(at: candidates[child].parentReference)
                let named = reference.nonEmpty ?? processes.name(at: parent).nonEmpty ?? processes.id(at: parent)
                sink.report(Diagnostic(
                    .unknownParent,
                    "the parent \"\(named)\" (line \(candidates[parent].line)) has errors and is not in the model",
                    file: row.location.file, line: row.location.line, record: row.location.record,
                    column: row.columns[.parent], value: reference.nonEmpty ?? processes.id(at: parent),
                    hint: "fix the parent's row first"))
            }
        }
    }
}
