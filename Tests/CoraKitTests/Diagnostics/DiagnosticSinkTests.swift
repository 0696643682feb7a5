import CoraCSV
import CoraKit
import Testing

/// ``DiagnosticSink``: the one place where `--ignore`, `--strict` and `--max-errors` apply.
@Suite("The diagnostics sink and its policy")
struct DiagnosticSinkTests {
    static func warning(_ code: DiagnosticCode = .nameNoise, line: Int = 2) -> Diagnostic {
        Diagnostic(code, "a warning", file: "in.csv", line: line)
    }

    @Test("by default: every finding kept as it is, errors counted, the input stamped on each")
    func plain() {
        var sink = DiagnosticSink()
        sink.input = "in.csv"
        #expect(sink.report(Self.warning()) == .warning)
        #expect(sink.report(Diagnostic(.missingName, "no name", file: "mapping.yaml")) == .error)
        #expect(sink.errorCount == 1)
        #expect(sink.diagnostics.map(\.input) == ["in.csv", "in.csv"])
        #expect(sink.diagnostics.map(\.message) == ["a warning", "no name"])
        #expect(!sink.isFull)
    }

    @Test("--ignore leaves out warnings of the code (they neither show nor count), never errors")
    func ignore() {
        var sink = DiagnosticSink(policy: DiagnosticPolicy(strict: true, ignored: [.nameNoise, .missingColumn]))
        #expect(sink.report(Self.warning()) == nil)
        #expect(sink.report(Diagnostic(.missingColumn, "required", file: "m.yaml")) == .error)
        #expect(sink.report(Diagnostic(.missingColumn, "misspelled", severity: .warning, file: "m.yaml")) == nil)
        #expect(sink.diagnostics.map(\.message) == ["required"])
        #expect(sink.ignores(.nameNoise) && !sink.ignores(.mojibake))
    }

    @Test("--strict makes every warning an error, and says so")
    func strict() {
        var sink = DiagnosticSink(policy: DiagnosticPolicy(strict: true))
        #expect(sink.report(Self.warning()) == .error)
        #expect(sink.diagnostics[0].severity == .error)
        #expect(sink.diagnostics[0].message == "a warning" + DiagnosticPolicy.strictSuffix)
        #expect(sink.errorCount == 1)
    }

    @Test("--max-errors: full after that many errors; the reader stops before the next record, saying where")
    func maxErrors() {
        var sink = DiagnosticSink(policy: DiagnosticPolicy(maxErrors: 2))
        sink.report(Diagnostic(.missingName, "one", file: "in.csv", line: 2))
        sink.report(Self.warning(line: 3))
        let early = sink.stopsBefore(line: 4, record: 4, of: "in.csv")
        #expect(!early)
        sink.report(Diagnostic(.missingName, "two", file: "in.csv", line: 4))
        #expect(sink.isFull)
        let stops = sink.stopsBefore(line: 7, record: 6, of: "in.csv")
        #expect(stops)
        #expect(sink.diagnostics.last?.code == .maxErrorsReached)
        #expect(sink.diagnostics.last?.message == "stopped after 2 errors (--max-errors 2); line 7 and the rest of the file were not checked")
    }

    @Test("sorted by the order of the files, then line and column, else as reported")
    func sorted() {
        var sink = DiagnosticSink()
        sink.report(Diagnostic(.mojibake, "b3", file: "b.csv", line: 3))
        sink.report(Diagnostic(.mojibake, "a5", file: "a.csv", line: 5))
        sink.report(Diagnostic(.nameNoise, "a2 second", file: "a.csv", line: 2))
        sink.report(Diagnostic(.mojibake, "a2 column", file: "a.csv", line: 2, column: .init(name: "x", index: 1)))
        #expect(sink.sorted(fileOrder: ["b.csv": 0, "a.csv": 1]).map(\.message) == ["b3", "a2 second", "a2 column", "a5"])
    }
}
