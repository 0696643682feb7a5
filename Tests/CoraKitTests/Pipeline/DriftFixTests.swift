import CoraCSV
import CoraKit
import Testing

/// What changed when tables, Archi sets and merged models came to share one build and one
/// validation stage (issue 12): each test fails on the code before it.
@Suite("One pipeline for every input: the drift fixes")
struct DriftFixTests {
    typealias Archi = ArchiImportTests

    /// A chain of four business processes by aggregation: a → b → c → d.
    static let chain = (
        elements: Archi.elements(
            ["a", "BusinessProcess", "Verhuren eenheden"], ["b", "BusinessProcess", "Verhuren eenheid"],
            ["c", "BusinessProcess", "Aanmaken klant"], ["d", "BusinessProcess", "Controleren gegevens"]),
        relations: Archi.relations(
            ["r1", "AggregationRelationship", "a", "b"], ["r2", "AggregationRelationship", "b", "c"],
            ["r3", "AggregationRelationship", "c", "d"]))

    @Test("an Archi set honours --max-depth: a process deeper than the limit is nesting-too-deep, as a table row is")
    func archiMaxDepth() throws {
        let files = archiSetFiles(elements: Self.chain.elements, relations: Self.chain.relations)
        let result = try importArchiFiles([files], settings: ConversionSettings(maxDepth: 2))
        #expect(result.diagnostics.map(summary).filter { $0.hasPrefix("nesting-too-deep") } == ["nesting-too-deep@4", "nesting-too-deep@5"])
        #expect(result.model.processes.map(\.id) == ["a", "b"])
        #expect(result.rejectedRecords.map(\.line) == [4, 5])
        // The default limit (64) lets the chain through (d, a step under a step, is invalid nesting).
        #expect(try importArchiFiles([files]).diagnostics.map(summary) == ["invalid-nesting@5"])
    }

    @Test("an Archi set honours --max-errors: reading stops at the limit, saying where")
    func archiMaxErrors() throws {
        let elements = Archi.elements(
            ["x 1", "BusinessProcess", "Een"], ["x 2", "BusinessProcess", "Twee"], ["x 3", "BusinessProcess", "Drie"],
            ["ok", "BusinessProcess", "Verhuren eenheden"])
        let result = try importArchiFiles([archiSetFiles(elements: elements)],
                                          settings: ConversionSettings(policy: DiagnosticPolicy(maxErrors: 2)))
        #expect(result.diagnostics.map(summary) == ["invalid-id@2:1", "invalid-id@3:1", "max-errors-reached@4"])
        #expect(result.diagnostics.last?.message == "stopped after 2 errors (--max-errors 2); line 4 and the rest of the file were not checked")
        #expect(result.inputs.first?.stoppedEarly == true)
        #expect(result.model.processes.isEmpty)
    }

    @Test("--strict says so on every warning it made an error, missing-function included")
    func strictSuffixEverywhere() throws {
        let text = "id,name,level,function\nbp,Verhuren eenheden,business-process,\nwp,Verhuren eenheid,work-process,\n"
        let mapping = try MappingParser.parse("fields: {id: id, name: name, level: level, function: function}\n", file: "m.yaml")
        let result = try Pipeline.convert(MemoryByteSource(text: text), file: "in.csv", mapping: mapping,
                                          settings: ConversionSettings(policy: DiagnosticPolicy(strict: true)))
        // The mapping has no parent: the work process at the top is a missing-parent (an error with --strict too).
        #expect(result.diagnostics.map(summary) == ["missing-parent@3", "missing-function@3:4"])
        #expect(result.diagnostics[0].message == "the werkproces \"Verhuren eenheid\" has no parent: it stands at the top of the model (an error with --strict)")
        #expect(result.diagnostics[1].severity == .error)
        #expect(result.diagnostics[1].message == "the work process \"Verhuren eenheid\" has no responsible business function (an error with --strict)")
    }

    @Test("the children of processes in a parent cycle are left out with them (they pointed at a parent not in the model)")
    func childrenOfACycle() throws {
        let result = try convert(canonicalCSV("a,,Een,,,b,,,,,,,,,", "b,,Twee,,,a,,,,,,,,,", "c,,Drie,,,a,,,,,,,,,", "d,,Vier,,,,,,,,,,,,"))
        #expect(result.diagnostics.map(summary) == ["parent-cycle@2:6", "parent-cycle@3:6", "unknown-parent@4:6"])
        #expect(result.diagnostics[2].message == "the parent \"a\" (line 2) has errors and is not in the model")
        #expect(result.model.processes.map(\.id) == ["d"])
        #expect(result.rejectedRecords.map(\.line) == [2, 3, 4])
    }

    @Test("a number added to a repeated id never takes the id another process has of its own")
    func derivedIDsKeepTheirOwn() throws {
        let result = try convert("name\nVerhuren\nVerhuren\nVerhuren 2\n", mapping: "canonical")
        #expect(result.model.processes.map(\.id) == ["verhuren", "verhuren-3", "verhuren-2"])
    }

    @Test("Archi row findings name the column of the element (Name), as a table row's do")
    func archiColumns() throws {
        let result = try importArchiSet(elements: Archi.elements(["a", "BusinessProcess", "Huurcontract  opstellen"]))
        #expect(result.diagnostics.map(summary) == ["name-noise@2:3", "naming-convention@2:3"])
        #expect(result.diagnostics[0].column?.name == "Name")
    }

    @Test("a diagnostic knows the input it belongs to, also when it is filed under the mapping")
    func diagnosticInput() throws {
        let mapping = try MappingParser.parse("fields: {name: Procesnaam}\n", file: "mine.yaml")
        let result = try Pipeline.convert(MemoryByteSource(text: "Naam\nVerhuren eenheden\n"), file: "in.csv", mapping: mapping)
        let missing = try #require(result.diagnostics.first { $0.code == .missingColumn })
        #expect(missing.file == "mine.yaml")
        #expect(missing.input == "in.csv")
    }
}
