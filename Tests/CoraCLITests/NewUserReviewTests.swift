import Foundation
import Testing

/// What the new-user review of issue 14 ran into: "no parent" written as `0`, `-` or `n.v.t.`;
/// `auto` choosing a mapping whose parent column the file lacks; `convert --to csv,md`.
@Suite("new-user review of issue 14")
struct NewUserReviewTests {
    @Test("0, n.v.t. and - in a parent column that names no process mean 'no parent'; a work process so is a missing-parent warning")
    func noParentWords() throws {
        let scratch = try Scratch()
        try scratch.write("np.csv", "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces\r\n"
            + "P1;Verhuren eenheden;Bedrijfsproces;Primair;0\r\nP1.1;Verhuren eenheid;Werkproces;;P1\r\n"
            + "P2;Innen huur;Bedrijfsproces;Primair;n.v.t.\r\nP3;Plannen onderhoud;Werkproces;Primair;-\r\n")
        let run = try scratch.cora("convert", "np.csv", "--mapping", "excel-nl")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutText == """
            id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,requirements,steers,reports-to,pdca-phase
            P1,P1,Verhuren eenheden,business-process,primary,,,,,,,,,,,,,,
            P1.1,P1.1,Verhuren eenheid,work-process,primary,P1,,,,,,,,,,,,,
            P2,P2,Innen huur,business-process,primary,,,,,,,,,,,,,,
            P3,P3,Plannen onderhoud,work-process,primary,,,,,,,,,,,,,,

            """)
        #expect(run.stderrText == """
            np.csv:5:5: warning: the werkproces "Plannen onderhoud" has no parent: it stands at the top of the model (column "Bovenliggend proces") [missing-parent]
            np.csv:5:5: note: the value is "-"
            np.csv:5:5: note: a werkproces is part of a bedrijfsproces; fill in its parent
            cora: 4 rows read, 4 processes, 0 rejected; 0 errors, 1 warning (missing-parent 1)

            """)
        // A process whose code is 0 is a parent like any other.
        try scratch.write("zero.csv", "Procescode;Procesnaam;Soort;Bovenliggend proces\r\n0;Bepalen strategie;Bedrijfsproces;\r\n"
            + "0.1;Opstellen ondernemingsplan;Werkproces;0\r\n")
        let zero = try scratch.cora("convert", "zero.csv", "--mapping", "excel-nl")
        #expect(zero.stdoutText.contains("\np-0.1,0.1,Opstellen ondernemingsplan,work-process,,p-0,"), "\(zero)")
    }

    @Test("auto never chooses a mapping whose parent column the file lacks: no-mapping-fits, exit 2, nothing written")
    func autoNeedsTheParentColumn() throws {
        let scratch = try Scratch()
        try scratch.write("ref.csv", "Code;Naam;Soort;Omschrijving;Parent\r\nA1;Verhuren;Bedrijfsproces;;\r\n")
        let run = try scratch.cora("convert", "ref.csv", "-o", "out.csv")
        #expect(run.status == 2, "\(run)")
        let first = try #require(run.stderrLines.first)
        #expect(first.hasPrefix("ref.csv: error: --mapping auto: no mapping fits the header of ref.csv: excel-nl: 4 of 14 columns matched (Code, Naam, Soort, Omschrijving), but lacks the required parent column (Bovenliggend proces, Bovenliggende procescode, Hoofdproces, …);"), "\(first)")
        #expect(first.hasSuffix(" [no-mapping-fits]"))
        #expect(try scratch.listing() == ["ref.csv"])
    }

    @Test("convert --to csv,md: one format, and batch for several")
    func severalFormatsForConvert() throws {
        let scratch = try Scratch()
        let run = try scratch.cora("convert", "x.csv", "--to", "csv,md")
        #expect(run.status == 64)
        #expect(run.stderrLines.first == "Error: --to: \"csv,md\" is several formats, and convert writes one: one of csv, excel-csv, xlsx, md, html, dot, svg, png, json, archi, ameff (cora batch --to writes several)")
    }
}
