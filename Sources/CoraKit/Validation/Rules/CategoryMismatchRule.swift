/// `category-mismatch`: a process whose category differs from its parent's, unless the parent is a
/// steering scenario or a process chain (which span categories). A warning: CORA puts a process in
/// the category of the process it is part of.
public struct CategoryMismatchRule: ModelRule {
    public let code = DiagnosticCode.categoryMismatch
    public let scope = ModelRuleScope.run

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        for index in 0..<model.count {
            guard let parentIndex = model.parent(of: index), let category = model.categories[index],
                  let parentCategory = model.categories[parentIndex], category != parentCategory else { continue }
            let parentLevel = model.levels[parentIndex]
            guard parentLevel != .steeringScenario && parentLevel != .processChain else { continue }
            let parent = model.process(parentIndex)
            report(index, ModelFinding(
                RuleFinding(
                    "the category \(category.rawValue) differs from \(parentCategory.rawValue), the category of the parent \"\(parent.name)\"\(parent.placeNote)",
                    hint: "a process has the category of the process it is part of; check the category of either row"),
                field: .category, value: model.row(index)?.categoryText.nonEmpty ?? category.rawValue))
        }
    }
}
