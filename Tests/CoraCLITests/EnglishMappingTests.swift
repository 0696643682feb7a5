import Foundation
import Testing

/// Issue 14, points 2 and 3 together: an English export needs no mapping of its own, since `auto`
/// (the default) finds the shipped `english` mapping by its header; and a missing column's "did
/// you mean" never names a column that another field already reads.
@Suite("the english mapping and auto")
struct EnglishMappingTests {
    @Test("validate an English export with no --mapping: auto says it chose english, the hierarchy is read, English naming applies")
    func englishByDefault() throws {
        let run = try CoraCLI.run(["validate", "Samples/new-user/english-export.csv"], in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == """
            cora: Samples/new-user/english-export.csv: mapping english (auto: 7 of 14 columns matched)
            Samples/new-user/english-export.csv:11:2: warning: the work process "Handling complaints" does not start with a verb; an English process name starts with the verb, such as "Let homes" or "Pay invoices" (column "Process") [naming-convention]
            Samples/new-user/english-export.csv:11:2: note: start with the verb ("Pay invoices", not "Paying invoices" or "Payment of invoices"); this is a convention, the process is kept as it is
            cora: 21 rows read, 21 processes, 0 rejected; 0 errors, 1 warning (naming-convention 1)

            """)
        let json = try CoraCLI.run(["convert", "Samples/new-user/english-export.csv", "--to", "json"], in: CoraCLI.packageRoot)
        let model = try #require(try parseJSON(json.stdout) as? [String: Any])
        let processes = try #require(model["processes"] as? [[String: Any]])
        let byCode = Dictionary(uniqueKeysWithValues: processes.map { ($0["code"] as? String ?? "", $0) })
        #expect(byCode["P1.1"]?["parent"] as? String == "P1")
        #expect(byCode["P1.1"]?["level"] as? String == "work-process")
        #expect(byCode["P1"]?["category"] as? String == "steering")
    }

    @Test("a canonical file without an order column: no 'did you mean \"Owner\"' (Owner is the owner's column)")
    func noSuggestionOfATakenColumn() throws {
        let scratch = try Scratch()
        try scratch.write("o.csv", "name,level,parent,Owner\nVerhuren eenheden,business-process,,Wonen\n")
        let run = try scratch.cora("validate", "o.csv", "--mapping", "canonical")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: 1 row read, 1 process, 0 rejected; 0 errors, 0 warnings\n")
        // A column no field took still gets its "did you mean".
        try scratch.write("p.csv", "name,level,parent,Ordr\nVerhuren eenheden,business-process,,1\n")
        let near = try scratch.cora("validate", "p.csv", "--mapping", "canonical")
        #expect(near.stderrLines.first == "builtin:canonical:29: warning: p.csv has no column \"order\" for the field order (header on line 1) [missing-column]", "\(near)")
        #expect(near.stderrLines.dropFirst().first == "builtin:canonical:29: note: did you mean \"Ordr\"?")
    }
}
