/// `missing-parent`: a work process or process step at the top of the model. CORA puts every
/// werkproces under a bedrijfsproces and every processtap under a werkproces, so one at the top
/// usually means a hierarchy that was lost on the way (an empty parent cell, a parent column the
/// export left out). A warning, one per process: the process stays where it is, and the summary
/// counts them. A process whose row names a parent that was not found is an `unknown-parent` (or
/// `ambiguous-parent`) already and is not reported again.
public struct MissingParentRule: ModelRule {
    public let code = DiagnosticCode.missingParent
    public let scope = ModelRuleScope.run

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        for index in 0..<model.count where model.parents[index] < 0 {
            guard let level = model.levels[index], level > .businessProcess else { continue }
            let row = model.row(index)
            // A parent named but not found is reported already (unknown-parent), not `0` or `geen`.
            if let row, !row.parentText.isEmpty, !NoParentWords.contains(row.parentText) { continue }
            let process = model.process(index)
            let above = level.allowedParents.sorted().map(\.dutchName)
            report(index, ModelFinding(
                RuleFinding(
                    "the \(level.dutchName) \"\(process.name)\" has no parent: it stands at the top of the model",
                    hint: "a \(level.dutchName) is part of a \(ListFormatting.or(above)); "
                        + (row.map { $0.columns[.parent] == nil } == true
                            ? "the mapping has no parent field, so no process of this file has a parent"
                            : "fill in its parent")),
                field: .parent, value: row?.parentText))
        }
    }
}
