import Foundation
import Testing

/// Issue 14, point 5: `convert` and `validate` end with one summary line on standard error, and
/// show at most 20 diagnostics of one code, with a line that counts the rest (`--report` has all).
@Suite("run summary and the cap per code")
struct RunSummaryTests {
    /// Three rows: one fine, one under a parent that does not exist, one with the id of another;
    /// the last two with names that start with no verb.
    static let small = Canonical.document(
        Canonical.row("a", "P1", "Verhuren eenheden"),
        Canonical.row("b", "P2", "X", level: "work-process", parent: "zz"),
        Canonical.row("b", "P3", "Y"))

    /// The findings of `small`, as printed, and its summary line.
    static let smallFindings = """
        s.csv:3:3: warning: the werkproces "X" does not start with a verb; CORA names it with a verb and a singular noun, such as "Verhuren eenheid" (column "name") [naming-convention]
        s.csv:3:3: note: start with the verb in the infinitive ("Verhuren eenheid", not "Eenheid verhuren" or "Verhuur eenheid"); this is a convention, the process is kept as it is
        s.csv:3:6: error: the parent "zz" matches no process (by id, code or name) (column "parent") [unknown-parent]
        s.csv:4:1: error: the id "b" is also used on line 3 (column "id") [duplicate-id]
        s.csv:4:1: note: ids must be unique; line 3 keeps it
        s.csv:4:3: warning: the bedrijfsproces "Y" does not start with a verb; CORA names it with a verb and a plural noun, such as "Verhuren eenheden" (column "name") [naming-convention]
        s.csv:4:3: note: start with the verb in the infinitive ("Verhuren eenheid", not "Eenheid verhuren" or "Verhuur eenheid"); this is a convention, the process is kept as it is

        """
    static let smallSummary = "cora: 3 rows read, 1 process, 2 rejected; 2 errors (duplicate-id 1, unknown-parent 1), 2 warnings (naming-convention 2)\n"

    @Test("validate and convert end with one line: rows read, processes, rejected; errors and warnings per code (exact stderr)")
    func summaryLine() throws {
        let scratch = try Scratch()
        try scratch.write("s.csv", Self.small)
        let validate = try scratch.cora("validate", "s.csv")
        #expect(validate.status == 1, "\(validate)")
        #expect(validate.stderrText == "cora: s.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + Self.smallFindings + Self.smallSummary)
        let convert = try scratch.cora("convert", "s.csv", "-o", "out.csv")
        #expect(convert.status == 1, "\(convert)")
        #expect(convert.stderrText == "cora: s.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + Self.smallFindings + Self.smallSummary)
        // A clean run says so too, in one line.
        try scratch.write("ok.csv", Canonical.document(Canonical.row("a", "P1", "Verhuren eenheden")))
        let clean = try scratch.cora("convert", "ok.csv", "-o", "ok.out.csv")
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stderrText == "cora: ok.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + "cora: 1 row read, 1 process, 0 rejected; 0 errors, 0 warnings\n")
    }

    @Test("several files are counted, and so are the lines a malformed file left unread")
    func severalFilesAndUnreadLines() throws {
        let scratch = try Scratch()
        try scratch.write("ok.csv", Canonical.document(Canonical.row("a", "P1", "Verhuren eenheden")))
        try scratch.write("broken.csv", Canonical.document(
            Canonical.row("b", "P2", "Innen huur"), Canonical.row("c", "P3", "Beheren \"sleutels\" x"), Canonical.row("d", "P4", "Plannen onderhoud")))
        let run = try scratch.cora("validate", "ok.csv", "broken.csv")
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrLines.last == "cora: 2 files, 2 rows read, 2 processes, 0 rejected, 2 lines not read; 1 error (stray-quote 1), 0 warnings",
                "\(run)")
    }

    /// `count` rows under parents that do not exist, then two rows with the id of the first.
    static func manyUnknownParents(_ count: Int) -> String {
        Canonical.document((1...count).map { Canonical.row("p\($0)", "P\($0)", "Verhuren eenheden", parent: "gone\($0)") }
            + [Canonical.row("p1", "Q1", "Innen huren"), Canonical.row("p2", "Q2", "Innen huren")])
    }

    /// The line printed for row `n` of ``manyUnknownParents(_:)``.
    static func unknownParentLine(_ n: Int) -> String {
        "many.csv:\(n + 1):6: error: the parent \"gone\(n)\" matches no process (by id, code or name) (column \"parent\") [unknown-parent]\n"
    }

    @Test("25 unknown parents: the first 20 shown, then \"… and 5 more [unknown-parent]\"; the report has all 25 and the line names it (exact stderr)")
    func capPerCode() throws {
        let scratch = try Scratch()
        try scratch.write("many.csv", Self.manyUnknownParents(25))
        let duplicates = "many.csv:27:1: error: the id \"p1\" is also used on line 2 (column \"id\") [duplicate-id]\n"
            + "many.csv:27:1: note: ids must be unique; line 2 keeps it\n"
            + "many.csv:28:1: error: the id \"p2\" is also used on line 3 (column \"id\") [duplicate-id]\n"
            + "many.csv:28:1: note: ids must be unique; line 3 keeps it\n"
        let summary = "cora: 27 rows read, 0 processes, 27 rejected; 27 errors (unknown-parent 25, duplicate-id 2), 0 warnings\n"
        let shown = (1...20).map(Self.unknownParentLine).joined()

        let run = try scratch.cora("validate", "many.csv")
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrText == "cora: many.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + shown + duplicates + "… and 5 more [unknown-parent]; --report FILE lists all of them\n" + summary)

        let reported = try scratch.cora("convert", "many.csv", "-o", "out.csv", "--report", "findings.json")
        #expect(reported.stderrText == "cora: many.csv: mapping canonical (auto: 19 of 19 columns matched)\n" + shown + duplicates + "… and 5 more [unknown-parent]; all of them are in findings.json\n" + summary)
        let report = String(decoding: try scratch.read("findings.json"), as: UTF8.self)
        #expect(report.components(separatedBy: "\"code\": \"unknown-parent\"").count - 1 == 25)
        #expect(report.contains("\"errors\": 27"), "\(report.prefix(200))")

        // The report's name is shown as a terminal shows names: its control characters escaped.
        let odd = try scratch.cora("validate", "many.csv", "--report", "f\u{1B}[2J.json")
        #expect(odd.stderrLines.contains("… and 5 more [unknown-parent]; all of them are in f\\u001b[2J.json"), "\(odd)")
    }

    @Test("20 of a code are all shown, with no line about more")
    func exactlyTheLimit() throws {
        let scratch = try Scratch()
        try scratch.write("many.csv", Self.manyUnknownParents(20))
        let run = try scratch.cora("validate", "many.csv")
        #expect(run.stderrLines.count { $0.hasSuffix("[unknown-parent]") } == 20)
        #expect(!run.stderrText.contains("more ["), "\(run)")
        #expect(run.stderrLines.last == "cora: 22 rows read, 0 processes, 22 rejected; 22 errors (unknown-parent 20, duplicate-id 2), 0 warnings")
    }
}
