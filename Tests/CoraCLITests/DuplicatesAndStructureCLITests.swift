import Foundation
import Testing

/// Issue 14, points 1 and 4, as a user sees them: the exact lines, the summary and the exit status.
@Suite("Duplicates and structure on the command line (issue 14)")
struct DuplicatesAndStructureCLITests {
    static let header = "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces\n"

    @Test("validate: a code used twice is an error naming the first line, its child is ambiguous, exit 1")
    func duplicateCode() throws {
        let scratch = try Scratch()
        _ = try scratch.write("inventaris.csv", Self.header + """
            PR-03;Verhuren eenheden;Bedrijfsproces;Primair;
            PR-03.1;Toewijzen woning;Werkproces;;PR-03
            PR-03.2;Opstellen huurcontract;Werkproces;;PR-03
            PR-03.2;Innen waarborgsom;Werkproces;;PR-03
            PR-03.2.1;Controleren gegevens;Processtap;;PR-03.2

            """)
        let run = try scratch.cora("validate", "inventaris.csv", "--mapping", "excel-nl")
        #expect(run.status == 1, "\(run)")
        #expect(run.errorLines == [
            "inventaris.csv:5:1: error: the code \"PR-03.2\" is also used on line 4 (column \"Procescode\") [duplicate-code]",
            "inventaris.csv:6:5: error: the parent \"PR-03.2\" matches more than one process (by code): lines 4 and 5 (column \"Bovenliggend proces\") [ambiguous-parent]",
        ])
        #expect(run.stderrText.contains("cora: 5 rows read, 3 processes, 2 rejected; 2 errors (ambiguous-parent 1, duplicate-code 1), 0 warnings\n"), "\(run)")
    }

    @Test("validate: work processes at the top are a missing-parent warning each, counted in the summary")
    func missingParent() throws {
        let scratch = try Scratch()
        _ = try scratch.write("plat.csv", Self.header + """
            PR-03;Verhuren eenheden;Bedrijfsproces;Primair;
            PR-03.1;Toewijzen woning;Werkproces;Primair;
            PR-03.2;Opzeggen huur;Werkproces;Primair;

            """)
        let run = try scratch.cora("validate", "plat.csv", "--mapping", "excel-nl")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.filter { $0.contains(": warning: ") } == [
            "plat.csv:3:5: warning: the werkproces \"Toewijzen woning\" has no parent: it stands at the top of the model (column \"Bovenliggend proces\") [missing-parent]",
            "plat.csv:4:5: warning: the werkproces \"Opzeggen huur\" has no parent: it stands at the top of the model (column \"Bovenliggend proces\") [missing-parent]",
        ])
        #expect(run.stderrText.contains("cora: 3 rows read, 3 processes, 0 rejected; 0 errors, 2 warnings (missing-parent 2)\n"), "\(run)")
    }

    @Test("validate: the parent column the mapping names is misspelled: an error with the column meant, exit 1")
    func missingParentColumn() throws {
        let scratch = try Scratch()
        _ = try scratch.write("kolom.csv", "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend procs\nP1;Verhuren eenheden;Bedrijfsproces;Primair;\n")
        let run = try scratch.cora("validate", "kolom.csv", "--mapping", "excel-nl")
        #expect(run.status == 1, "\(run)")
        #expect(run.errorLines == [
            "builtin:excel-nl:75: error: kolom.csv has no column \"Bovenliggend proces\" or \"Bovenliggende procescode\" or \"Hoofdproces\" or \"Onderdeel van\" or \"Valt onder\" for the field parent (header on line 1) [missing-column]",
        ])
        #expect(run.stderrLines.contains("builtin:excel-nl:75: note: did you mean \"Bovenliggend procs\"?"), "\(run)")
    }

    @Test("batch --merge: the same process in two files is in the merged model once, with a warning across files")
    func mergedDuplicate() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        _ = try scratch.write("in/a.csv", Self.header + "PR-03;Verhuren eenheden;Bedrijfsproces;Primair;\nPR-03.1;Toewijzen woning;Werkproces;;PR-03\n")
        _ = try scratch.write("in/b.csv", Self.header + "PR-03;Verhuren eenheden;Bedrijfsproces;Primair;\nPR-03.2;Opzeggen huur;Werkproces;;PR-03\n")
        let run = try scratch.cora("batch", "in", "--out", "out", "--merge", "--mapping", "excel-nl", "--to", "csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText.contains("merged: 3 processes in merged.csv; across files 0 errors, 1 warning\n"), "\(run)")
        #expect(String(decoding: try scratch.read("out/merged.csv"), as: UTF8.self) == """
            id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,requirements,steers,reports-to,pdca-phase
            PR-03,PR-03,Verhuren eenheden,business-process,primary,,,,,,,,,,,,,,
            PR-03.1,PR-03.1,Toewijzen woning,work-process,primary,PR-03,,,,,,,,,,,,,
            PR-03.2,PR-03.2,Opzeggen huur,work-process,primary,PR-03,,,,,,,,,,,,,

            """)
        let report = String(decoding: try scratch.read("out/b.report.json"), as: UTF8.self)
        #expect(report.contains(#""message": "the process \"Verhuren eenheden\" (code \"PR-03\") is also in in/a.csv, line 2; the merged model has it once""#), Comment(rawValue: report))
    }
}
