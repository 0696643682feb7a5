/// `invalid-nesting`: a process under a parent whose level may not contain it (a work process
/// under a work process, a business process under a step). An error; see
/// ``ProcessLevel/allowedParents``. A process at the top is never an error here: an inventory may
/// list work processes without their business processes (``MissingParentRule`` warns).
public struct InvalidNestingRule: ModelRule {
    public let code = DiagnosticCode.invalidNesting
    public let scope = ModelRuleScope.run

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        for index in 0..<model.count {
            guard let parentIndex = model.parent(of: index), let level = model.levels[index],
                  let parentLevel = model.levels[parentIndex], !level.allowedParents.contains(parentLevel) else { continue }
            let parent = model.process(parentIndex)
            let allowed = level.allowedParents.sorted().map(\.dutchName)
            report(index, ModelFinding(
                RuleFinding(
                    "a \(level.dutchName) cannot be part of the \(parentLevel.dutchName) \"\(parent.name)\"\(parent.placeNote)",
                    hint: allowed.isEmpty
                        ? "a \(level.dutchName) stands at the top; leave the parent empty or check the level"
                        : "a \(level.dutchName) is part of a \(ListFormatting.or(allowed)); check the parent or the level of either row"),
                field: .parent, value: model.row(index)?.parentText.nonEmpty ?? parent.name))
        }
    }
}
