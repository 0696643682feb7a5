import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``ValidationRules``: the list itself, and every rule on the shipped samples.
@Suite("every rule on the shipped samples")
struct ValidationRulesTests {
    @Test("the shipped sample converts without errors and without naming-convention warnings")
    func sample() throws {
        let url = packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv")
        let result = try convert(String(decoding: try Data(contentsOf: url), as: UTF8.self), file: "woonstad-waterland.csv")
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.code == .namingConvention }, "\(result.diagnostics)")
        #expect(result.model.processes.count > 70)
    }

    @Test("the list: cell rules first, then row rules, then model rules; one rule per code")
    func registry() {
        let kinds = ValidationRules.all.map { rule -> Int in
            switch rule {
            case is any CellRule: return 0
            case is any RowRule: return 1
            default: return 2
            }
        }
        #expect(kinds == kinds.sorted())
        #expect(Set(ValidationRules.all.map(\.code)).count == ValidationRules.all.count)
        #expect(ValidationRules.all.allSatisfy { $0 is any CellRule || $0 is any RowRule || $0 is any ModelRule })
    }

    @Test("every rule has a test file of its own, named after it")
    func testFilePerRule() throws {
        let folder = packageRoot.appendingPathComponent("Tests/CoraKitTests/Validation/Rules")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        for rule in ValidationRules.all {
            let name = "\(type(of: rule))Tests.swift"
            #expect(files.contains(name), "no \(name) in Tests/CoraKitTests/Validation/Rules")
        }
        #expect(files.count == ValidationRules.all.count, "\(files.sorted())")
    }
}
