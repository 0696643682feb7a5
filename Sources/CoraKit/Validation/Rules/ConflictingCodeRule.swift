/// `conflicting-code`: in a model merged from several files (`cora batch --merge`), one code naming
/// processes with different names in two files. A warning on the later one: both stay (with
/// `--strict` the later one is left out).
public struct ConflictingCodeRule: ModelRule {
    public let code = DiagnosticCode.conflictingCode
    public let scope = ModelRuleScope.merged

    public init() {}

    public func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void) {
        var first: [String: CoraProcess] = [:]
        for index in 0..<model.count {
            let process = model.process(index)
            guard !process.code.isEmpty else { continue }
            guard let earlier = first[process.code] else {
                first[process.code] = process
                continue
            }
            guard earlier.source?.file != process.source?.file,
                  TextNormalization.matchKey(earlier.name) != TextNormalization.matchKey(process.name) else { continue }
            let place = earlier.source.map { "\($0.file), line \($0.line)" } ?? "another file"
            report(index, ModelFinding(
                RuleFinding(
                    "the code \"\(process.code)\" names \"\(process.name)\" here and \"\(earlier.name)\" in \(place)",
                    hint: "one code, one process: rename one of them in its source, or give both the same name if they are the same process"),
                field: .code, value: process.code))
        }
    }
}
