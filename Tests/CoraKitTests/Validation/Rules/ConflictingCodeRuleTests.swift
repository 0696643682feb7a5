import CoraCSV
import CoraKit
import Testing

/// ``ConflictingCodeRule``: one code naming different processes in two files of a merged model.
@Suite("conflicting-code: one code, two processes, two files")
struct ConflictingCodeRuleTests {
    /// The result of converting `text` as the file `file`.
    static func part(_ file: String, _ rows: String...) throws -> BatchMerger.Part {
        BatchMerger.Part(result: try convert(canonicalCSV(rows), file: file), idsGiven: true)
    }

    @Test("the same code with another name in another file: a warning on the later one, both stay")
    func conflict() throws {
        let merged = BatchMerger().merge([
            try Self.part("a.csv", "a1,P1,Verhuren eenheden,,,,,,,,,,,,"),
            try Self.part("b.csv", "b1,P1,Verhuur eenheden,,,,,,,,,,,,"),
        ])
        #expect(merged.diagnostics.map { "\($0.code)@\($0.file):\($0.line ?? 0)" } == ["conflicting-code@b.csv:2"])
        #expect(merged.diagnostics[0].message == "the code \"P1\" names \"Verhuur eenheden\" here and \"Verhuren eenheden\" in a.csv, line 2")
        #expect(merged.diagnostics[0].value == "P1")
        #expect(merged.model.processes.map(\.id) == ["a1", "b1"])
    }

    @Test("no conflict: the same name (ignoring case and accents), the same file, or no code")
    func noConflict() throws {
        let merged = BatchMerger().merge([
            try Self.part("a.csv", "a1,P1,Verhuren eenheden,,,,,,,,,,,,", "a2,P2,Opleveren,,,,,,,,,,,,", "a3,P2,Anders,,,,,,,,,,,,"),
            try Self.part("b.csv", "b1,P1,verhuren  EENHEDEN,,,,,,,,,,,,", "b2,,Iets,,,,,,,,,,,,"),
        ])
        // The same code and name in two files is one process (merged-duplicate, issue 14), no conflict.
        #expect(merged.diagnostics.map(\.code) == [.mergedDuplicate], "\(merged.diagnostics)")
    }

    @Test("a model of one run is not checked: the rule's scope is the merge")
    func notOnOneRun() throws {
        let result = try convert(canonicalCSV("a1,P1,Verhuren eenheden,,,,,,,,,,,,", "a2,P1,Iets anders,,,,,,,,,,,,"))
        #expect(!result.diagnostics.contains { $0.code == .conflictingCode })
        #expect(ConflictingCodeRule().scope == .merged)
    }
}
