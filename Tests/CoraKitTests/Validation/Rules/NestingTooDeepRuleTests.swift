import CoraCSV
import CoraKit
import Testing

/// ``NestingTooDeepRule``: a parent chain longer than `--max-depth`.
@Suite("nesting-too-deep: a chain longer than the limit")
struct NestingTooDeepRuleTests {
    /// A chain of `count` rows, each the child of the one before, without levels.
    static func chain(_ count: Int) -> String {
        canonicalCSV((1...count).map { index in "p\(index),,Verhuren \(index),,,\(index == 1 ? "" : "p\(index - 1)"),,,,,,,,," })
    }

    @Test("deeper than --max-depth: an error at the parent column of each row too deep; the rows are left out")
    func tooDeep() throws {
        let mapping = try MappingCatalog.builtin.mapping(named: "canonical")
        let result = try Pipeline.convert(MemoryByteSource(text: Self.chain(5)), file: "in.csv", mapping: mapping,
                                          settings: ConversionSettings(maxDepth: 3))
        #expect(result.diagnostics.map(summary) == ["nesting-too-deep@5:6", "nesting-too-deep@6:6"])
        #expect(result.diagnostics[0].message == "the process is nested 4 levels deep, more than the limit of 3")
        #expect(result.diagnostics[0].value == "p3")
        #expect(result.model.processes.map(\.id) == ["p1", "p2", "p3"])
    }

    @Test("at the limit, nothing")
    func atTheLimit() throws {
        let mapping = try MappingCatalog.builtin.mapping(named: "canonical")
        let result = try Pipeline.convert(MemoryByteSource(text: Self.chain(3)), file: "in.csv", mapping: mapping,
                                          settings: ConversionSettings(maxDepth: 3))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}

