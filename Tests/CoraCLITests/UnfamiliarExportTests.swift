import Foundation
import Testing

/// An export no shipped mapping knows (a title row, `|`, "Hoort bij" with 0 for the top, own level
/// words, applications separated by " / "), handled as a new user would: inspect, draft a mapping,
/// convert.
@Suite("An unfamiliar export")
struct UnfamiliarExportTests {
    static let export = """
        Overzicht bedrijfsprocessen 2023

        Nr.|Omschrijving proces|Hoort bij|Type|Verantwoordelijk team|Systeem
        1|Huur innen|0|HOOFD|Team Incasso|Tobias
        1.1|Versturen aanmaning|1|SUB|Team Incasso|Tobias / Outlook
        1.2|Afsluiten betalingsregeling|1|SUB|Team Incasso|Tobias
        2|Woning verhuren|0|HOOFD|Team Verhuur|Woonmatch
        2.1|Bezichtiging plannen|2|SUB|Team Verhuur|Outlook
        2.2|Huurcontract tekenen|2|SUB|Team Verhuur|Tobias / DocuSign
        3|Salarissen betalen|0|HOOFD|HR|AFAS

        """

    @Test("inspect points at the title row and says how to skip it")
    func inspectTitle() throws {
        let scratch = try Scratch()
        try scratch.write("export.txt", Self.export)
        let run = try scratch.cora("inspect", "export.txt")
        #expect(run.stderrLines.first == "export.txt:3: warning: line 1 looks like a title, and line 3 like the header [header-elsewhere]")
        let skipped = try scratch.cora("inspect", "export.txt", "--skip-rows", "1")
        #expect(skipped.stdoutText.contains("  2  Omschrijving proces    100%  Huur innen\n"), "\(skipped)")
        #expect(skipped.stderr.isEmpty)
    }

    @Test("mapping init drafts a mapping that converts the export without errors")
    func initConverts() throws {
        let scratch = try Scratch()
        try scratch.write("export.txt", Self.export)
        let draft = try scratch.cora("mapping", "init", "export.txt", "-o", "register.yaml")
        #expect(draft.status == 0, "\(draft)")
        let yaml = String(decoding: try scratch.read("register.yaml"), as: UTF8.self)
        #expect(yaml.contains("skip-rows: 1"))
        #expect(yaml.contains("  owner: Verantwoordelijk team\n"), "\(yaml)")
        #expect(yaml.contains(#"      "0": ""   # "0" names no process: at the top"#), "\(yaml)")
        #expect(yaml.contains(#"    split: [" / "]"#), "\(yaml)")
        let run = try scratch.cora("convert", "export.txt", "--mapping", "register.yaml", "--ignore", "naming-convention")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: 7 rows read, 7 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run)")
        #expect(run.stdoutText == """
            id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,requirements,steers,reports-to,pdca-phase
            p-1,1,Huur innen,business-process,,,,Team Incasso,,,,Tobias,,,,,,,
            p-1.1,1.1,Versturen aanmaning,work-process,,p-1,,Team Incasso,,,,Tobias|Outlook,,,,,,,
            p-1.2,1.2,Afsluiten betalingsregeling,work-process,,p-1,,Team Incasso,,,,Tobias,,,,,,,
            p-2,2,Woning verhuren,business-process,,,,Team Verhuur,,,,Woonmatch,,,,,,,
            p-2.1,2.1,Bezichtiging plannen,work-process,,p-2,,Team Verhuur,,,,Outlook,,,,,,,
            p-2.2,2.2,Huurcontract tekenen,work-process,,p-2,,Team Verhuur,,,,Tobias|DocuSign,,,,,,,
            p-3,3,Salarissen betalen,business-process,,,,HR,,,,AFAS,,,,,,,

            """, "\(run)")
    }
}
