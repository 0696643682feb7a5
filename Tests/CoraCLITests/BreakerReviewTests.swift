import Foundation
import Testing

/// What the breaking review of issue 14 found: a code that many rows share, named by many
/// references, made every reference list (and filter) every row of the code, so 50,000 × 50,000
/// ran for more than 13 minutes and 10 GB. Each reference now costs the same however many rows
/// share the code, and its finding names the first three and counts the rest.
@Suite("breaking review of issue 14")
struct BreakerReviewTests {
    @Test("20,000 rows with one code, 20,000 references to it: each ambiguous-parent names three lines and counts the rest", .hangGuard)
    func manyDuplicatesManyReferences() throws {
        let scratch = try Scratch()
        var text = "id,code,name,level,category,parent\n"
        for index in 0..<20_000 { text += "a\(index),P1,Verhuren \(index),business-process,primary,\n" }
        for index in 0..<20_000 { text += "b\(index),Q\(index),Verhuren x\(index),work-process,primary,P1\n" }
        try scratch.write("dup.csv", text)
        let run = try scratch.cora("validate", "dup.csv", "--mapping", "canonical", "--report", "r.json")
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrLines.contains(
            "dup.csv:20002:6: error: the parent \"P1\" matches more than one process (by code): lines 2, 3, 4 and 19997 more (column \"parent\") [ambiguous-parent]"),
            "\(run.stderrLines.prefix(50))")
        #expect(run.stderrLines.last == "cora: 40000 rows read, 1 process, 39999 rejected; 39999 errors (ambiguous-parent 20000, duplicate-code 19999), 0 warnings")
    }

    @Test("a row that names its own code among others: itself is not counted")
    func referrerNotCounted() throws {
        let scratch = try Scratch()
        try scratch.write("self.csv", "id,code,name,level,category,parent\na,P1,Een,business-process,primary,P1\n"
            + "b,P1,Twee,business-process,primary,P1\nc,P1,Drie,business-process,primary,P1\n")
        let run = try scratch.cora("validate", "self.csv", "--mapping", "canonical")
        #expect(run.stderrLines.contains(
            "self.csv:2:6: error: the parent \"P1\" matches more than one process (by code): lines 3 and 4 (column \"parent\") [ambiguous-parent]"),
            "\(run)")
    }
}
