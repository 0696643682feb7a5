import CoraCSV
@testable import CoraKit
import Testing

/// The ids cora makes for rows of one name: `verhuren-x`, `verhuren-x-2`, … in the order of the
/// rows, skipping every number an id of the input or another made id already has. The search for
/// a free number goes on where the last one for the same name ended (a breaker's finding: it began
/// at 2 for every row, so 100,000 rows of one name took hours).
@Suite("Made ids numbered per name")
struct MadeIDNumberingTests {
    /// `name,level` rows without ids, in canonical layout 1 (the id column empty).
    static func rows(_ cells: [(id: String, name: String)]) -> String {
        canonicalCSV(cells.map { "\($0.id),,\($0.name),werkproces,primair,,,,,,,,,," })
    }

    @Test("numbers skip the ids of the input and the ids other names made, in the order of the rows")
    func skipsTakenNumbers() throws {
        let text = Self.rows([
            ("", "Verhuren x"), ("", "Verhuren x"), ("verhuren-x-3", "Ander proces"), ("", "Verhuren x"),
            ("", "Verhuren x 2"), ("", "Verhuren x"), ("", "Verhuren x"), ("", "Verhuren x 2"),
        ])
        let result = try convert(text)
        #expect(result.model.processes.map(\.id) == [
            "verhuren-x", "verhuren-x-4", "verhuren-x-3", "verhuren-x-5", "verhuren-x-2", "verhuren-x-6", "verhuren-x-7", "verhuren-x-2-2",
        ], "\(result.diagnostics)")
    }

    @Test("20,000 rows of one name: verhuren-x to verhuren-x-20000, each once")
    func manyRowsOfOneName() throws {
        let result = try convert(Self.rows(Array(repeating: ("", "Verhuren x"), count: 20_000)))
        let ids = result.model.processes.map(\.id)
        #expect(ids.count == 20_000)
        #expect(ids.first == "verhuren-x" && ids[1] == "verhuren-x-2" && ids.last == "verhuren-x-20000")
        #expect(Set(ids).count == 20_000)
    }

    @Test("unique(_:from:isTaken:) gives the first free number from the one asked for, and its number")
    func uniqueFrom() {
        let taken: Set<String> = ["a", "a-2", "a-3", "a-5"]
        #expect(ProcessIdentifier.unique("a", from: 1) { taken.contains($0) } == ("a-4", 4))
        #expect(ProcessIdentifier.unique("a", from: 5) { taken.contains($0) } == ("a-6", 6))
        #expect(ProcessIdentifier.unique("b", from: 1) { taken.contains($0) } == ("b", 1))
        #expect(ProcessIdentifier.unique("a") { taken.contains($0) } == "a-4")
    }
}
