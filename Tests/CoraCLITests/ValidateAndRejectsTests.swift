import Foundation
import Testing

/// `cora validate`, `--rejects`, `--max-errors` and `--strict`.
@Suite("cora validate, rejects and limits")
struct ValidateAndRejectsTests {
    /// A Dutch Excel-style export in Windows-1252 with `;` and CRLF: three good rows, three bad ones.
    static let export = Array("""
        Procescode;Procesnaam;Soort;Opmerking\r
        P1;Verhuren eenheden;bedrijfsproces;\r
        P1.1;Verhuren eenheid;werkproces;ok\r
        P1.2;;werkproces;naam vergeten\r
        P1.3;Beëindigen huurcontract;werkprocess;\r
        P1.4;"Opleveren\r
        eenheid";werkproces;twee regels\r
        P1.5;Afsluiten dossier;WP;\r

        """.unicodeScalars.map { UInt8($0.value <= 0xFF ? $0.value : 0x3F) })

    static let mapping = """
        name: export
        fields:
          code: Procescode
          name:
            columns: [Procesnaam]
            required: true
          level: Soort
        """

    @Test("validate: diagnostics per row, a summary, exit 1, and no model on stdout")
    func validateReports() throws {
        let scratch = try Scratch()
        try scratch.write("export.csv", Self.export)
        try scratch.write("export.yaml", Self.mapping)
        let run = try scratch.cora("validate", "export.csv", "--mapping", "export.yaml")
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines == [
            "export.csv:4:2: error: the process has no name (column \"Procesnaam\") [missing-name]",
            "export.csv:5:3: error: unknown level \"werkprocess\" (column \"Soort\") [unknown-level]",
        ])
        // The mapping has no parent field: the three work processes are at the top (missing-parent).
        #expect(run.stderrLines.last == "cora: 6 rows read, 4 processes, 2 rejected; 2 errors (missing-name 1, unknown-level 1), 4 warnings (missing-parent 3, encoding-fallback 1)", "\(run)")
    }

    @Test("rejects hold the bad rows exactly as read: Windows-1252, ';', CRLF, header first")
    func rejectsAreExact() throws {
        let scratch = try Scratch()
        try scratch.write("export.csv", Self.export)
        try scratch.write("export.yaml", Self.mapping)
        let run = try scratch.cora("convert", "export.csv", "--mapping", "export.yaml", "--rejects", "rejects.csv")
        #expect(run.status == 1)
        let expected = Array("Procescode;Procesnaam;Soort;Opmerking\r\nP1.2;;werkproces;naam vergeten\r\nP1.3;Be".utf8)
            + [0xEB] + Array("indigen huurcontract;werkprocess;\r\n".utf8)
        #expect(try scratch.read("rejects.csv") == expected)
    }

    @Test("every input row is either in the model or in the rejects")
    func nothingIsLost() throws {
        let scratch = try Scratch()
        try scratch.write("export.csv", Self.export)
        try scratch.write("export.yaml", Self.mapping)
        let run = try scratch.cora("convert", "export.csv", "--mapping", "export.yaml", "--to", "json", "--rejects", "rejects.csv")
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        let processes = try #require(json["processes"] as? [[String: Any]])
        let modelLines = processes.compactMap { ($0["source"] as? [String: Any])?["line"] as? Int }
        let rejectsRun = try scratch.cora("inspect", "--records", "--json", "rejects.csv")
        let rejected = try #require(try parseJSON(rejectsRun.stdout) as? [[String]])
        let rejectedCodes = rejected.dropFirst().map { $0[0] }
        let modelCodes = processes.compactMap { $0["code"] as? String }
        #expect(modelLines == [2, 3, 6, 8])
        #expect(Set(modelCodes + rejectedCodes) == ["P1", "P1.1", "P1.2", "P1.3", "P1.4", "P1.5"])
        #expect(modelCodes.count + rejectedCodes.count == 6)
    }

    @Test("a clean run writes a rejects file with the header only, so no stale rejects remain")
    func emptyRejects() throws {
        let scratch = try Scratch()
        try scratch.write("good.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        let run = try scratch.cora("convert", "good.csv", "--rejects", "rejects.csv", "-o", "out.csv")
        #expect(run.status == 0, "\(run)")
        #expect(try String(decoding: scratch.read("rejects.csv"), as: UTF8.self) == Canonical.header + "\n")
    }

    @Test("with several inputs each gets its own rejects file")
    func rejectsPerInput() throws {
        let scratch = try Scratch()
        try scratch.write("one.csv", Canonical.document(Canonical.row("a", "A", "Bepalen visie")))
        try scratch.write("two.csv", Canonical.document(Canonical.row("b", "B", "")))
        let run = try scratch.cora("convert", "one.csv", "two.csv", "--rejects", "out/rejects.csv", "-o", "model.csv")
        #expect(run.status == 2, "the folder out/ does not exist: \(run)")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        let again = try scratch.cora("convert", "one.csv", "two.csv", "--rejects", "out/rejects.csv", "-o", "model.csv")
        #expect(again.status == 1, "\(again)")
        #expect(try String(decoding: scratch.read("out/rejects-one.csv"), as: UTF8.self) == Canonical.header + "\n")
        #expect(try String(decoding: scratch.read("out/rejects-two.csv"), as: UTF8.self)
                == Canonical.document(Canonical.row("b", "B", "")))
    }

    @Test("--max-errors stops early and says where, never silently")
    func maxErrors() throws {
        let scratch = try Scratch()
        try scratch.write("export.csv", Self.export)
        try scratch.write("export.yaml", Self.mapping)
        let run = try scratch.cora("validate", "export.csv", "--mapping", "export.yaml", "--max-errors", "1", "--report", "report.json")
        #expect(run.status == 1)
        #expect(run.errorLines.last == "export.csv:5: error: stopped after 1 error (--max-errors 1); line 5 and the rest of the file were not checked [max-errors-reached]")
        let report = try #require(try parseJSON(try scratch.read("report.json")) as? [String: Any])
        let codes = (report["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes?.contains("max-errors-reached") == true)
        #expect(try scratch.cora("validate", "export.csv", "--max-errors", "0").status == 64)
    }

    /// The rows after a `--max-errors` stop are not checked, but not lost: they follow the rejected
    /// rows in the rejects file, the summary counts their lines as not read, and the exit status
    /// stays 1 (the run did what was asked).
    @Test("--max-errors with --rejects: the rows after the stop are in the rejects file, their lines not read")
    func maxErrorsRest() throws {
        let scratch = try Scratch()
        try scratch.write("three.csv", "id,name,level,parent\na,Verhuren eenheden,bedrijfsproces,\nb,Innen huur,werkprocess,a\n"
            + "c,Opstellen contract,foo,a\nd,Sluiten contract,werkproces,a\ne,Tekenen contract,werkproces,a\n")
        let run = try scratch.cora("convert", "three.csv", "--max-errors", "2", "--rejects", "rejects.csv", "-o", "model.csv")
        #expect(run.status == 1)
        #expect(run.stderrLines.last == "cora: 3 rows read, 1 process, 2 rejected, 2 lines not read; 3 errors (unknown-level 2, max-errors-reached 1), 0 warnings")
        #expect(String(decoding: try scratch.read("rejects.csv"), as: UTF8.self) == "id,name,level,parent\nb,Innen huur,werkprocess,a\nc,Opstellen contract,foo,a\n"
            + "d,Sluiten contract,werkproces,a\ne,Tekenen contract,werkproces,a\n")
    }

    @Test("--strict turns warnings into errors: exit 1, and the row with the warning is left out")
    func strict() throws {
        let scratch = try Scratch()
        let text = Canonical.header + "\n" + Canonical.row("a", "A", "Bepalen visie") + "\n" + "b,B,Verhuren eenheden\n"
        try scratch.write("short.csv", text)
        let lenient = try scratch.cora("convert", "short.csv")
        #expect(lenient.status == 0, "\(lenient)")
        #expect(lenient.stdoutText.contains("\nb,B,Verhuren eenheden,"))
        let strict = try scratch.cora("convert", "short.csv", "--strict")
        #expect(strict.status == 1, "\(strict)")
        #expect(strict.errorLines.first?.hasPrefix("short.csv:3:4: error: the row has 3 cells and the header 19") == true, "\(strict)")
        #expect(strict.errorLines.first?.contains("(an error with --strict)") == true, "\(strict)")
        #expect(strict.errorLines.first?.hasSuffix("[missing-cells]") == true, "\(strict)")
        #expect(!strict.stdoutText.contains("\nb,B,Verhuren eenheden,"))
    }
}
