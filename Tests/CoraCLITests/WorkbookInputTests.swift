import Foundation
import Testing

/// Issue 20: Excel workbooks (.xlsx) as input, end to end through the command line: every sample
/// saved by LibreOffice reads as its CSV does, the openpyxl workbooks of
/// `scripts/xlsx-test-workbooks.py` (sheets, cells, types, a hidden sheet), `mapping init`,
/// `inspect`, `validate`, `batch`, standard input and hostile files.
@Suite("Workbooks as input: LibreOffice's and openpyxl's .xlsx through convert, mapping init, inspect, validate, batch")
struct WorkbookInputTests {
    /// The workbooks of `scripts/xlsx-test-workbooks.py`, made in `scratch`.
    static func testWorkbooks(in scratch: Scratch) throws {
        _ = try Openpyxl.run("xlsx-test-workbooks.py", [scratch.url.path])
    }

    /// The first line of standard error: which mapping auto chose.
    static func choice(_ run: CLIRun) -> String { run.stderrLines.first ?? "" }

    // MARK: 1. every sample saved by LibreOffice

    /// How LibreOffice opens each sample that converts (`--infilter=CSV:…`): the delimiter (44 `,`,
    /// 59 `;`), the character set (76 UTF-8, 1 Windows-1252) and the first line (2 skips
    /// voorbeeld.csv's `sep=;`, which LibreOffice would read as a row; a UTF-8 BOM it drops itself).
    static let imports: [String: (delimiter: Int, charset: Int, firstLine: Int)] = [
        "archi/woonstad-waterland-elements.csv": (44, 76, 1), "archi/woonstad-waterland-properties.csv": (44, 76, 1),
        "archi/woonstad-waterland-relations.csv": (44, 76, 1), "cora-wiki/werkprocessen.csv": (44, 76, 1),
        "diff/woonstad-waterland-2026.csv": (44, 76, 1), "edge-cases/vreemde-tekens.csv": (44, 76, 1),
        "new-user/english-export.csv": (44, 76, 1), "woonstad-waterland.csv": (44, 76, 1),
        "inventaris.csv": (59, 76, 1), "niveaus/woonbron-noord.csv": (59, 76, 1), "sturing/woonstad-waterland-sturing.csv": (59, 76, 1),
        "voorbeeld.csv": (59, 76, 2), "excel-nl/woningstichting-de-polder.csv": (59, 1, 1),
    ]

    /// The Archi set: three CSV files that Archi exports and cora reads together (the elements,
    /// their properties, the relations). One file of it saved as a workbook is a sheet read
    /// through a mapping, not a set: what auto makes of each, exactly.
    static let archiAsWorkbook: [String: (status: Int32, choice: String)] = [
        "woonstad-waterland-elements": (0, "cora: woonstad-waterland-elements.xlsx: mapping canonical (auto: sheet woonstad-waterland-elements: 2 of 19 columns matched)"),
        "woonstad-waterland-relations": (1, "cora: woonstad-waterland-relations.xlsx: mapping canonical (auto: sheet woonstad-waterland-relations: 2 of 19 columns matched)"),
        "woonstad-waterland-properties": (2, "woonstad-waterland-properties.xlsx: error: --mapping auto: no mapping fits the header of any sheet of woonstad-waterland-properties.xlsx: "),
    ]

    /// Saves `files` (in `scratch`) as .xlsx with LibreOffice headless in one run, every column
    /// imported as text (column format 2), into the same folder.
    static func saveAsWorkbooks(_ files: [String], in scratch: Scratch, delimiter: Int, charset: Int, firstLine: Int) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cora-soffice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let columns = (1...60).map { "\($0)/2" }.joined(separator: "/")
        let run = try Tool.run("soffice", [
            "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--infilter=CSV:\(delimiter),34,\(charset),\(firstLine),\(columns)",
            "--convert-to", "xlsx", "--outdir", scratch.url.path,
        ] + files.map { scratch.url.appendingPathComponent($0).path }, input: [])
        for file in files where !FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent(file.replacingOccurrences(of: ".csv", with: ".xlsx")).path) {
            Issue.record("LibreOffice wrote no workbook of \(file) (exit \(run.status)): \(run.stderr)")
        }
    }

    @Test("Done when: every sample that converts, saved by LibreOffice as .xlsx (every column text), converts (auto) to the same canonical CSV byte for byte with the same mapping; the Archi set's files alone differ, exactly")
    func librarySamplesSavedByLibreOffice() throws {
        let samples = try WorkbookRoundTripTests.samples().filter { !WorkbookRoundTripTests.failing.contains($0) }
        #expect(Set(samples) == Set(Self.imports.keys), "a sample was added or removed: say how LibreOffice opens it")
        let scratch = try Scratch()
        var names: [String: String] = [:]
        for sample in samples {
            let name = URL(fileURLWithPath: sample).lastPathComponent
            #expect(names[name] == nil, "two samples named \(name)")
            names[name] = sample
            try scratch.write(name, try bytes(of: CoraCLI.packageRoot.appendingPathComponent("Samples/\(sample)")))
        }
        // One LibreOffice run per way of opening.
        let groups = Dictionary(grouping: names.keys.sorted()) { name in
            let way = Self.imports[names[name]!]!
            return "\(way.delimiter),\(way.charset),\(way.firstLine)"
        }
        for (way, files) in groups.sorted(by: { $0.key < $1.key }) {
            let numbers = way.split(separator: ",").map { Int($0)! }
            try Self.saveAsWorkbooks(files, in: scratch, delimiter: numbers[0], charset: numbers[1], firstLine: numbers[2])
        }
        var same = 0
        for name in names.keys.sorted() {
            let base = String(name.dropLast(".csv".count))
            let workbook = try scratch.cora("convert", base + ".xlsx", "--to", "csv", "-o", base + ".from-xlsx.csv")
            #expect(!workbook.crashed, "\(name): \(workbook)")
            if let archi = Self.archiAsWorkbook[base] {
                #expect(workbook.status == archi.status, "\(name): \(workbook)")
                #expect(Self.choice(workbook).hasPrefix(archi.choice), "\(name): \(workbook)")
                continue
            }
            let csv = try scratch.cora("convert", name, "--to", "csv", "-o", base + ".from-csv.csv")
            #expect(workbook.status == csv.status, "\(name): \(workbook)")
            // The same mapping, the line naming the sheet (LibreOffice names it after the file).
            let expected = Self.choice(csv).replacingOccurrences(of: "cora: \(name): ", with: "cora: \(base).xlsx: ")
                .replacingOccurrences(of: "(auto: ", with: "(auto: sheet \(base): ")
            #expect(Self.choice(workbook) == expected, "\(name): \(workbook)")
            let fromCSV = try scratch.read(base + ".from-csv.csv"), fromWorkbook = (try? scratch.read(base + ".from-xlsx.csv")) ?? []
            #expect(fromWorkbook == fromCSV, "\(name): the canonical CSV of the workbook differs:\n\(String(decoding: fromWorkbook, as: UTF8.self))")
            if fromWorkbook == fromCSV { same += 1 }
        }
        #expect(same == 10)
    }

    // MARK: 2. openpyxl's workbooks

    static let inventarisChoice = "cora: inventaris.xlsx: mapping excel-nl (auto: sheet Processen: 11 of 14 columns matched)"
    static let badLevel = "inventaris.xlsx:Processen!C14: error: unknown level \"hoofd\" (column \"Soort\") [unknown-level]"
    static let badParent = "inventaris.xlsx:Processen!E15: error: the parent \"P-01\" (line 14) has errors and is not in the model (column \"Bovenliggend proces\") [unknown-parent]"
    static let inventarisSummary = "cora: 59 rows read, 57 processes, 2 rejected; 2 errors (unknown-level 1, unknown-parent 1), 0 warnings"

    @Test("inventaris.xlsx: auto passes the prose sheet Toelichting and says it chose Processen; the bad level is Processen!C14; --sheet 2 and --sheet processen read the same")
    func autoChoosesTheProcessesSheet() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let auto = try scratch.cora("convert", "inventaris.xlsx", "--to", "csv", "-o", "auto.csv")
        #expect(auto.status == 1, "\(auto)")
        #expect(Self.choice(auto) == Self.inventarisChoice)
        #expect(auto.errorLines == [Self.badLevel, Self.badParent], "\(auto)")
        #expect(auto.stderrLines.last == Self.inventarisSummary)
        let canonical = try scratch.read("auto.csv")
        #expect(CanonicalTable.rows(String(decoding: canonical, as: UTF8.self)).count == 58)
        for selector in ["2", "processen", "Processen"] {
            let run = try scratch.cora("convert", "inventaris.xlsx", "--sheet", selector, "--to", "csv", "-o", "sheet.csv")
            #expect(run.status == 1, "\(selector): \(run)")
            #expect(Self.choice(run) == Self.inventarisChoice, "\(selector): \(run)")
            #expect(run.errorLines == [Self.badLevel, Self.badParent], "\(selector): \(run)")
            #expect(try scratch.read("sheet.csv") == canonical, "\(selector)")
        }
    }

    @Test("--sheet Nope: exit 2, no-such-sheet listing the sheets (the hidden one said so), nothing written")
    func noSuchSheet() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        for mapping in ["auto", "excel-nl"] {
            let run = try scratch.cora("convert", "inventaris.xlsx", "--sheet", "Nope", "--mapping", mapping, "--to", "csv", "-o", "out.csv")
            #expect(run.status == 2, "\(mapping): \(run)")
            #expect(!run.crashed)
            #expect(run.errorLines == ["inventaris.xlsx: error: the workbook has no sheet \"Nope\"; its sheets: 1 \"Toelichting\", 2 \"Processen\", 3 \"Oud\" (hidden) [no-such-sheet]"], "\(run)")
            #expect(run.stderrLines.contains("inventaris.xlsx: note: name the sheet with --sheet NAME or --sheet NUMBER"))
            #expect(run.stderrLines.last == "cora: 0 rows read, 0 processes, 0 rejected; 1 error (no-such-sheet 1), 0 warnings")
            #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.csv").path))
        }
    }

    @Test("typen.xlsx: a code stored as a number comes out as the cell shows it (1.1; 2.1 shown 0.00 as 2.10), a text code as written ('1.10', '0012'), a date as d-m-jjjj")
    func cellsAsTheyShow() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let run = try scratch.cora("convert", "typen.xlsx", "--to", "csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines == ["cora: typen.xlsx: mapping canonical (auto: sheet Processen: 19 of 19 columns matched)",
                                    "cora: 4 rows read, 4 processes, 0 rejected; 0 errors, 0 warnings"])
        #expect(run.stdoutText == Canonical.header + ",Laatst herzien\n"
            + "a,1.1,Verhuren eenheden,business-process,steering,,1,,,,,,,,,,,,,5-12-2026\n"
            + "b,1.10,Innen huur,business-process,steering,,2,,,,,,,,,,,,,14-1-2025\n"
            + "c,2.10,Beheren sleutels,business-process,steering,,3,,,,,,,,,,,,,\n"
            + "d,0012,Plannen onderhoud,business-process,steering,,4,,,,,,,,,,,,,\n")
    }

    @Test("the hidden sheet Oud is not chosen by auto (it would fit canonical) but reads with --sheet Oud")
    func hiddenSheet() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let run = try scratch.cora("convert", "inventaris.xlsx", "--sheet", "Oud", "--to", "csv")
        #expect(run.status == 0, "\(run)")
        #expect(Self.choice(run) == "cora: inventaris.xlsx: mapping canonical (auto: sheet Oud: 19 of 19 columns matched)")
        #expect(run.stdoutText == Canonical.header + "\n" + "oud,9,Oud proces,business-process,steering,,1,,,,,,,,,,,,\n")
        #expect(run.stderrLines.last == "cora: 1 row read, 1 process, 0 rejected; 0 errors, 1 warning (naming-convention 1)")
    }

    @Test("--report r.json: each finding of a workbook has its sheet and cell beside file and line")
    func reportHasSheetAndCell() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let run = try scratch.cora("convert", "inventaris.xlsx", "--to", "csv", "-o", "out.csv", "--report", "r.json")
        #expect(run.status == 1, "\(run)")
        let report = try #require(try parseJSON(try scratch.read("r.json")) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["unknown-level", "unknown-parent"])
        #expect(diagnostics.map { $0["file"] as? String } == ["inventaris.xlsx", "inventaris.xlsx"])
        #expect(diagnostics.map { $0["sheet"] as? String } == ["Processen", "Processen"])
        #expect(diagnostics.map { $0["cell"] as? String } == ["C14", "E15"])
        #expect(diagnostics.map { ($0["line"] as? NSNumber)?.intValue } == [14, 15])
        #expect(diagnostics.map { $0["column"] as? String } == ["Soort", "Bovenliggend proces"])
    }

    // MARK: 3. mapping init, inspect, validate

    @Test("mapping init inventaris.xlsx --sheet Processen -o M.yaml says the command with --sheet; that command reads all 59 rows with it")
    func mappingInitOnASheet() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let draft = try scratch.cora("mapping", "init", "inventaris.xlsx", "--sheet", "Processen", "-o", "M.yaml")
        #expect(draft.status == 0, "\(draft)")
        #expect(draft.stderrLines == ["inventaris.xlsx: note: drafted mapping m: 11 of 12 columns placed; 4 TODOs to check; then: cora convert inventaris.xlsx --sheet Processen --mapping M.yaml"])
        let yaml = String(decoding: try scratch.read("M.yaml"), as: UTF8.self)
        #expect(yaml.hasPrefix("# m: drafted by `cora mapping init` from inventaris.xlsx\n# (header on line 1, 12 columns; 59 sample rows looked at).\n"))
        let run = try scratch.cora("convert", "inventaris.xlsx", "--sheet", "Processen", "--mapping", "M.yaml", "-o", "out.csv")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines == ["cora: 59 rows read, 59 processes, 0 rejected; 0 errors, 0 warnings"])
        #expect(CanonicalTable.rows(String(decoding: try scratch.read("out.csv"), as: UTF8.self)).count == 60)
        // Without --sheet a named mapping reads the first sheet it fits, and says which.
        let first = try scratch.cora("convert", "inventaris.xlsx", "--mapping", "M.yaml", "-o", "first.csv")
        #expect(first.status == 0, "\(first)")
        #expect(first.stderrLines.first == "inventaris.xlsx: note: read the sheet Processen (2 of 3); choose another with --sheet")
        // A sheet name that needs quoting in a shell is quoted.
        let quoted = try scratch.cora("mapping", "init", "inventaris.xlsx", "--sheet", "2", "-o", "N.yaml")
        #expect(quoted.stderrLines.last?.hasSuffix("; then: cora convert inventaris.xlsx --sheet 2 --mapping N.yaml") == true, "\(quoted)")
    }

    @Test("inspect Samples/workbook/woonbron-noord.xlsx: the first sheet that is a table and the list; --sheet 1: the prose")
    func inspectTheSampleWorkbook() throws {
        let scratch = try Scratch()
        let sample = CoraCLI.packageRoot.appendingPathComponent("Samples/workbook/woonbron-noord.xlsx").path
        try scratch.write("woonbron-noord.xlsx", try bytes(of: URL(fileURLWithPath: sample)))
        let first = try scratch.cora("inspect", "woonbron-noord.xlsx")
        #expect(first.status == 0, "\(first)")
        #expect(first.stdoutText.hasPrefix("""
            file:        woonbron-noord.xlsx
            sheet:       Processen
            sheets:      Toelichting, Processen
            records:     46 (header + 45 rows) in 46 rows
            columns:     8

            """), "\(first)")
        let prose = try scratch.cora("inspect", "woonbron-noord.xlsx", "--sheet", "1")
        #expect(prose.stdoutText == """
            file:        woonbron-noord.xlsx
            sheet:       Toelichting
            sheets:      Toelichting, Processen
            records:     4 (header + 3 rows) in 5 rows
            columns:     1

              1  Procesinventaris Woonbron Noord  100%  Dit werkboek beschrijft de processen van Woonbron…

            """)
        let processes = try scratch.cora("inspect", "woonbron-noord.xlsx", "--sheet", "Processen")
        #expect(processes.status == 0, "\(processes)")
        #expect(processes.stdoutText == """
            file:        woonbron-noord.xlsx
            sheet:       Processen
            sheets:      Toelichting, Processen
            records:     46 (header + 45 rows) in 46 rows
            columns:     8

              1  Categorie        100%  Sturend
              2  Niveau 1         100%  Bepalen visie
              3  Niveau 2          78%  Opstellen woonvisie
              4  Niveau 3          24%  Verzamelen en controleren publicatiegegevens
              5  Eigenaar         100%  Bestuurder
              6  Bedrijfsfunctie   53%  Besturing
              7  Applicaties       89%  SharePoint
              8  Toelichting       18%  Elke vier jaar, met de huurdersraad.

            """)
    }

    @Test("validate inventaris.xlsx: the findings with sheet and cell, exit 1; the sample workbook validates clean")
    func validateAWorkbook() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let run = try scratch.cora("validate", "inventaris.xlsx")
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(Self.choice(run) == Self.inventarisChoice)
        #expect(run.errorLines == [Self.badLevel, Self.badParent])
        #expect(run.stderrLines.last == Self.inventarisSummary)
        let sample = try scratch.cora("validate", CoraCLI.packageRoot.appendingPathComponent("Samples/workbook/woonbron-noord.xlsx").path)
        #expect(sample.status == 0, "\(sample)")
        #expect(sample.errorLines.isEmpty)
    }

    @Test("--max-errors in a sheet: the rows after the stop follow the rejected row in the rejects file and count as not read, as in a CSV file")
    func maxErrorsRestOfASheet() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let run = try scratch.cora("convert", "inventaris.xlsx", "--max-errors", "1", "--rejects", "rejects.csv", "-o", "model.csv")
        #expect(run.status == 1, "\(run)")
        #expect(run.errorLines == [Self.badLevel,
            "inventaris.xlsx:Processen!15: error: stopped after 1 error (--max-errors 1); row 15 and the rest of the sheet were not checked [max-errors-reached]"])
        // Rows 2-14 read (row 14 rejected), rows 15-60 after the stop.
        #expect(run.stderrLines.last == "cora: 13 rows read, 12 processes, 1 rejected, 46 lines not read; 2 errors (max-errors-reached 1, unknown-level 1), 0 warnings")
        let rejects = String(decoding: try scratch.read("rejects.csv"), as: UTF8.self)
        #expect(rejects.hasPrefix("Procescode,Procesnaam,Soort,Procesgroep,Bovenliggend proces,Proceseigenaar,Bedrijfsfunctie,Levert dienst,Applicaties,Omschrijving,Status,Opmerking\n"
            + "P-01,Inschrijven woningzoekenden,hoofd,PRIMAIR,,Teamleider Verhuur,,Inschrijving,WoningNet,"
            + "Woningzoekenden schrijven zich in via WoningNet; De Polder controleert alleen bij toewijzing.,Vastgesteld,\n"
            + "P-01.1,Actualiseren woonwensen,WP,,P-01,Verhuurconsulent,Klantbeheer,Actuele inschrijving,WoningNet,,Vastgesteld,\n"), "\(rejects)")
        #expect(rejects.hasSuffix("\nO-04.1,Inkopen service,Werkproces,,O-04,Inkoopadviseur,Inkoop,Inkooporder,\"Negometrix, AFAS Profit\",,Concept,"
            + "Samen met regio-corporaties inkopen?\n"), "\(rejects)")
        // The rejects file reads back as the 47 rows the model lacks: 60 rows less the header and the 12 processes.
        let back = try scratch.cora("validate", "rejects.csv", "--mapping", "excel-nl")
        #expect(back.stderrLines.last?.hasPrefix("cora: 47 rows read, ") == true, "\(back)")
        // Without a rejects file the rest is counted all the same.
        let counted = try scratch.cora("validate", "inventaris.xlsx", "--max-errors", "1")
        #expect(counted.stderrLines.last == "cora: 13 rows read, 12 processes, 1 rejected, 46 lines not read; 2 errors (max-errors-reached 1, unknown-level 1), 0 warnings")
    }

    // MARK: 4. batch

    @Test("batch over a folder with typen.xlsx beside a CSV: both converted, --to xlsx,csv writes both for each; the workbook's summary line")
    func batchWithAWorkbook() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        _ = try Openpyxl.run("xlsx-test-workbooks.py", [scratch.url.appendingPathComponent("made").path])
        try scratch.write("in/typen.xlsx", try scratch.read("made/typen.xlsx"))
        try scratch.write("in/woonstad-waterland.csv", try bytes(of: CoraCLI.sample))
        let run = try scratch.cora("batch", "in", "--out", "out", "--to", "xlsx,csv")
        #expect(run.status == 0, "\(run)")
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains("typen.xlsx              ok      canonical  -         -         4          4       0         0"), "\(run)")
        #expect(lines.contains("2 files: 2 ok; 77 rows read, 77 processes, 0 rows rejected; 0 errors, 0 warnings"), "\(run)")
        #expect(run.stderrLines.contains("[1/2 0:00] typen.xlsx: ok (canonical; 4 rows, 4 processes)") || run.stderrText.contains("typen.xlsx: ok (canonical; 4 rows, 4 processes)"), "\(run)")
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path).sorted()
        #expect(written == [".cora-batch.json", "summary.json", "summary.md", "typen.csv", "typen.report.json", "typen.xlsx",
                            "woonstad-waterland.csv", "woonstad-waterland.report.json", "woonstad-waterland.xlsx"])
        // The workbook's CSV is what convert makes of it.
        let single = try scratch.cora("convert", "in/typen.xlsx", "--to", "csv")
        #expect(try scratch.read("out/typen.csv") == single.stdout)
        #expect(try scratch.read("out/typen.xlsx").starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }

    // MARK: 5. hostile workbooks

    /// A zip of `inventaris.xlsx`'s parts with a DOCTYPE (an internal entity) before xl/workbook.xml's root.
    static func withDoctype(in scratch: Scratch) throws {
        let script = """
            import sys, zipfile
            src, dst = sys.argv[1], sys.argv[2]
            with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as b:
                for info in a.infolist():
                    data = a.read(info.filename)
                    if info.filename == "xl/workbook.xml":
                        data = data.replace(b"<workbook ", b'<!DOCTYPE workbook [<!ENTITY a "Processen">]><workbook ', 1)
                    b.writestr(info.filename, data)
            """
        let run = try Tool.run("env", [try Openpyxl.python(), "-c", script, scratch.url.appendingPathComponent("inventaris.xlsx").path,
                                       scratch.url.appendingPathComponent("doctype.xlsx").path], input: [])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("hostile .xlsx through convert: truncated, zip bomb, a Word document, an .xls, an empty file, a DOCTYPE: exit 2, unreadable-workbook, no -o file, the report and rejects still written")
    func hostileWorkbooks() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let whole = try scratch.read("inventaris.xlsx")
        try scratch.write("half.xlsx", Array(whole.prefix(whole.count / 2)))
        try scratch.write("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        try scratch.write("leeg.xlsx", [UInt8]())
        try Self.withDoctype(in: scratch)
        let expected: [String: [String]] = [
            "half.xlsx": ["half.xlsx: error: the zip archive is damaged or truncated (its central directory is missing) [unreadable-workbook]",
                          "half.xlsx: note: open it in Excel or LibreOffice and save it again"],
            "bom.xlsx": ["bom.xlsx: error: the part xl/worksheets/sheet1.xml inflates 1028 times (49.8 KiB to 50 MiB), over the limit of 1000 times (a zip bomb?) (in xl/worksheets/sheet1.xml) [unreadable-workbook]",
                         "bom.xlsx: note: a workbook this large is better saved as CSV UTF-8 and read as CSV"],
            "document.docx.xlsx": ["document.docx.xlsx: error: the file is a Word document (.docx), not an .xlsx workbook [unreadable-workbook]"],
            "old.xls": ["old.xls: error: the file is an Excel 97-2003 workbook (.xls); save it in Excel as .xlsx (Excel Workbook) or as CSV UTF-8 [unreadable-workbook]"],
            "leeg.xlsx": ["leeg.xlsx: error: the file is not an .xlsx workbook (no zip archive) [unreadable-workbook]"],
            "doctype.xlsx": ["doctype.xlsx: error: the workbook is damaged: a DTD is not allowed in a workbook part (in xl/workbook.xml, line 1) [unreadable-workbook]",
                             "doctype.xlsx: note: open it in Excel or LibreOffice and save it again"],
        ]
        for (file, lines) in expected.sorted(by: { $0.key < $1.key }) {
            for mapping in ["auto", "excel-nl"] {
                let run = try scratch.cora("convert", file, "--mapping", mapping, "--to", "csv", "-o", "out.csv", "--rejects", "rej.csv", "--report", "rep.json")
                #expect(!run.crashed, "\(file): \(run)")
                #expect(run.status == 2, "\(file) \(mapping): \(run)")
                let findings = run.stderrLines.filter { $0.hasPrefix(file + ": ") }
                #expect(findings == lines, "\(file) \(mapping): \(run)")
                #expect(run.stderrLines.contains("out.csv: note: nothing was read from the input, so nothing is written (an existing file is left as it was)"), "\(file): \(run)")
                #expect(run.stderrLines.last == "cora: 0 rows read, 0 processes, 0 rejected; 1 error (unreadable-workbook 1), 0 warnings", "\(file): \(run)")
                #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.csv").path), "\(file)")
                // Nothing was read, so there is no row to reject: no rejects file.
                #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("rej.csv").path), "\(file)")
                let report = try parseJSON(try scratch.read("rep.json")) as? [String: Any]
                let codes = (report?["diagnostics"] as? [[String: Any]])?.map { $0["code"] as? String }
                #expect(codes == ["unreadable-workbook"], "\(file)")
                try? FileManager.default.removeItem(at: scratch.url.appendingPathComponent("rep.json"))
                try? FileManager.default.removeItem(at: scratch.url.appendingPathComponent("rej.csv"))
            }
        }
    }

    @Test("a limit inside a sheet (--max-rows 10): the rows before it are converted, too-many-rows on the row, exit 2 (incomplete)")
    func limitInsideASheet() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let run = try scratch.cora("convert", "inventaris.xlsx", "--max-rows", "10", "-o", "out.csv", "--report", "r.json")
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrLines == [Self.inventarisChoice,
                                    "inventaris.xlsx:Processen!11: error: the sheet has more than 10 rows (--max-rows); the rest was not read [too-many-rows]",
                                    "cora: 9 rows read, 9 processes, 0 rejected; 1 error (too-many-rows 1), 0 warnings"])
        #expect(CanonicalTable.rows(String(decoding: try scratch.read("out.csv"), as: UTF8.self)).count == 10)
        let report = try parseJSON(try scratch.read("r.json")) as? [String: Any]
        #expect((report?["diagnostics"] as? [[String: Any]])?.map { $0["code"] as? String } == ["too-many-rows"])
    }

    // MARK: 6. standard input

    @Test("a workbook on standard input: auto reads it (as -); a named mapping refuses it as binary-input, naming the path and auto")
    func workbookOnStandardInput() throws {
        let scratch = try Scratch()
        try Self.testWorkbooks(in: scratch)
        let typen = try scratch.read("typen.xlsx")
        let auto = try scratch.cora("convert", "-", "--mapping", "auto", "--to", "csv", stdin: typen)
        #expect(auto.status == 0, "\(auto)")
        #expect(auto.stderrLines == ["cora: -: mapping canonical (auto: sheet Processen: 19 of 19 columns matched)",
                                     "cora: 4 rows read, 4 processes, 0 rejected; 0 errors, 0 warnings"])
        #expect(auto.stdout == (try scratch.cora("convert", "typen.xlsx", "--to", "csv")).stdout)
        let inventaris = try scratch.cora("convert", "-", "--mapping", "auto", "--to", "csv", "-o", "out.csv", stdin: try scratch.read("inventaris.xlsx"))
        #expect(inventaris.status == 1)
        #expect(inventaris.errorLines == ["-:Processen!C14: error: unknown level \"hoofd\" (column \"Soort\") [unknown-level]",
                                          "-:Processen!E15: error: the parent \"P-01\" (line 14) has errors and is not in the model (column \"Bovenliggend proces\") [unknown-parent]"], "\(inventaris)")
        let named = try scratch.cora("convert", "-", "--mapping", "excel-nl", "--to", "csv", "-o", "named.csv", stdin: try scratch.read("inventaris.xlsx"))
        #expect(named.status == 2, "\(named)")
        #expect(named.stderrLines == ["-: error: standard input is an Excel workbook (.xlsx), which a named mapping cannot read as CSV [binary-input]",
                                      "-: note: pass the workbook's path instead of -, or read standard input with --mapping auto"], "\(named)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("named.csv").path))
        // A CSV on standard input with a named mapping reads as before (its first bytes given back).
        let csv = try scratch.cora("convert", "-", "--mapping", "canonical", "--to", "csv", stdin: Array(Canonical.document(Canonical.row("a", "1", "Verhuren eenheden")).utf8))
        #expect(csv.status == 0, "\(csv)")
        #expect(csv.stdoutText == Canonical.document(Canonical.row("a", "1", "Verhuren eenheden")))
    }
}
