/// Codes: within one file, a code names one process.
extension ModelBuilder {
    /// Reports a code that an earlier row of the same file has: a `duplicate-code` error on the
    /// later row, naming the earlier one's line, and that row is left out with its descendants
    /// (unless invalid rows are kept). The earlier row stays; a parent or `next` reference that
    /// names the code is ambiguous and reported as such (``resolveParents(sink:)``), never hung
    /// under the first row in silence.
    ///
    /// Not checked: a per-level layout, whose rows repeat their ancestors' cells (a repeated
    /// process there is a `duplicate-process`); codes that rows of different files share (files
    /// of one layout read together number their processes each on their own; merging tells
    /// `conflicting-code` and `merged-duplicate`); processes of merged models and ancestors without
    /// a row; and a row whose given id repeats the same earlier row's, already a `duplicate-id`.
    mutating func checkCodes(sink: inout DiagnosticSink) {
        guard settings.hierarchy.shape != .levelColumns else { return }
        var first = PositionIndex(capacity: candidates.count)
        for index in candidates.indices where candidates[index].origin == .tableRow || candidates[index].origin == .element {
            guard let codeHash = processes.codeHash(at: index) else { continue }
            let file = candidates[index].file
            guard let earlier = first.insert(hash: codeHash, position: index, hasKey: { processes.sameCode($0, index) && candidates[$0].file == file })
            else { continue }
            let code = processes.code(at: index)
            if candidates[index].idWasGiven && candidates[earlier].idWasGiven && processes.id(at: index) == processes.id(at: earlier) { continue }
            let location = location(of: index), line = self.location(of: earlier).line
            sink.report(Diagnostic(
                .duplicateCode, "the code \"\(code)\" is also used on line \(line)",
                file: location.file, line: location.line, record: location.record,
                column: columns(of: index)[.code], value: code,
                hint: "a code names one process: give this row its own code (line \(line) keeps it)"))
            if !settings.keepInvalid { candidates[index].rejected = true }
        }
    }
}
