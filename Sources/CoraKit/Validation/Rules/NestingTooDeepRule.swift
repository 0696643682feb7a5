/// `nesting-too-deep`: a process more than `--max-depth` levels below the top (64 by default). An
/// error: CORA has five levels, so a chain this long is a parent column pointing the wrong way (or a
/// hostile file), and every renderer would walk it for every process.
public struct NestingTooDeepRule: ModelRule {
    public let code = DiagnosticCode.nestingTooDeep
    public let scope = ModelRuleScope.run

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        let depths = model.depths()
        for index in 0..<model.count where depths[index] > model.maxDepth {
            let parent = model.parent(of: index).map(model.process)
            report(index, ModelFinding(
                RuleFinding(
                    "the process is nested \(depths[index]) levels deep, more than the limit of \(model.maxDepth)",
                    hint: "CORA has five levels: a parent chain this long usually means the parent column points the wrong way; raise the limit with --max-depth"),
                field: .parent, value: model.row(index)?.parentText.nonEmpty ?? parent?.name))
        }
    }
}
