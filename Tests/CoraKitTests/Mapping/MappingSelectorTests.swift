import CoraCSV
import CoraKit
import Foundation
import Testing

@Suite("Choosing a mapping for --mapping auto")
struct MappingSelectorTests {
    static func mapping(_ yaml: String, name: String) throws -> Mapping {
        try MappingParser.parse(yaml, file: "\(name).yaml", fallbackName: name)
    }

    static func builtins() throws -> [Mapping] {
        try MappingCatalog.builtin.names.map { try MappingCatalog.builtin.mapping(named: $0) }
    }

    @Test("the shipped mappings: each one's own header chooses it", arguments: [
        ("canonical", "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description"),
        ("canonical", "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,Afdeling,Laatst herzien"),
        ("excel-nl", "Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces;Proceseigenaar;Bedrijfsfunctie;Levert dienst;Applicaties;Omschrijving"),
        ("excel-nl", "PROCESCODE;procesnaam;Soort ;Procesgroep;Bovenliggend  proces"),
        ("niveaus", "Categorie;Niveau 1;Niveau 2;Niveau 3;Eigenaar"),
        ("cora-wiki", "Werkproces,Levert bedrijfsservice(s),Gebruikt in bedrijfsproces(sen),Beschrijving"),
    ])
    func builtinChoice(_ expected: String, _ header: String) throws {
        let delimiter: Character = header.contains(";") ? ";" : ","
        let cells = header.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
        let selection = MappingSelector(candidates: try Self.builtins()).select(header: cells)
        #expect(selection.mapping?.name == expected, "\(selection.reason)")
        #expect(selection.scores.first?.name == expected)
        #expect(selection.reason.hasPrefix("\(expected): "))
    }

    @Test("a header no mapping fits chooses none, and says why for each")
    func nothingFits() throws {
        let selection = MappingSelector(candidates: try Self.builtins()).select(header: ["Kolom A", "Kolom B"])
        #expect(selection.mapping == nil)
        #expect(selection.scores.count == MappingCatalog.builtin.names.count)
        #expect(selection.scores.allSatisfy { !$0.isEligible })
        #expect(selection.fullReason.contains("canonical: 0 of 19 columns matched, but lacks the required name column (name)"))
    }

    @Test("the score counts the fields' columns, level columns and detect headers, each header column once")
    func scoring() throws {
        let mapping = try Self.mapping("""
            detect:
              headers: [Opmerking, Procesnaam, Intern nummer]
            fields:
              name: [Procesnaam, Naam]
              code: Procescode
              owner: Eigenaar
              status: {constant: Concept}
              description: [Omschrijving]
            """, name: "mijn")
        let score = MappingSelector.score(mapping, header: ["procesnaam", " Opmerking ", "Procescode", "Extra", "", "Naam"])
        // Expected: name, code, owner, description, and the detect headers Opmerking and Intern
        // nummer (Procesnaam is already a field's column); the constant needs no column.
        #expect(score.expectedColumns == 6)
        #expect(score.matchedColumns == ["procesnaam", "Opmerking", "Procescode"])
        #expect(score.missingRequired.isEmpty)
        // Extra and Naam are not matched (Naam: the name took Procesnaam); the blank header does not count.
        #expect(score.unmatchedHeaderColumns == 2)
        #expect(score.unmatchedMappingColumns == 3)
        #expect(score.isEligible)
        #expect(score.summary == "mijn: 3 of 6 columns matched (procesnaam, Opmerking, Procescode)")
    }

    @Test("a missing required column or level column disqualifies, whatever else matches")
    func requiredDisqualifies() throws {
        let strict = try Self.mapping("""
            fields:
              name: {columns: [Procesnaam], required: true}
              code: Procescode
              owner: Eigenaar
              function: Bedrijfsfunctie
            """, name: "strict")
        let loose = try Self.mapping("fields: {name: Naam}", name: "loose")
        let levels = try Self.mapping("""
            fields: {owner: Eigenaar, code: Procescode, function: Bedrijfsfunctie}
            hierarchy:
              levels: [{column: Niveau 1}, {column: Niveau 2}]
            """, name: "levels")
        let header = ["Naam", "Procescode", "Eigenaar", "Bedrijfsfunctie", "Niveau 1"]
        let selection = MappingSelector(candidates: [strict, levels, loose]).select(header: header)
        #expect(selection.mapping?.name == "loose")
        #expect(selection.scores.map(\.name) == ["loose", "levels", "strict"])
        #expect(selection.reason == "loose: 1 of 1 columns matched (Naam); next: "
                + "levels: 4 of 5 columns matched (Procescode, Eigenaar, Bedrijfsfunctie, Niveau 1), but lacks the level column Niveau 2 (and 1 more)")
        #expect(selection.fullReason == "loose: 1 of 1 columns matched (Naam); "
                + "levels: 4 of 5 columns matched (Procescode, Eigenaar, Bedrijfsfunctie, Niveau 1), but lacks the level column Niveau 2; "
                + "strict: 3 of 4 columns matched (Procescode, Eigenaar, Bedrijfsfunctie), but lacks the required name column (Procesnaam)")
    }

    @Test("more columns matched wins; a tie goes to fewer unmatched header columns, then the closer fit, then the name")
    func tieBreaks() throws {
        let header = ["Procesnaam", "Eigenaar", "Status", "Opmerking"]
        let two = try Self.mapping("fields: {name: Procesnaam, owner: Eigenaar}", name: "two")
        let three = try Self.mapping("fields: {name: Procesnaam, owner: Eigenaar, status: Status}", name: "three")
        #expect(MappingSelector(candidates: [two, three]).select(header: header).mapping?.name == "three")

        // Same count (2), read from different rows (skip-rows): fewer header columns left over wins.
        let top = try Self.mapping("fields: {name: Procesnaam, owner: Eigenaar}", name: "top")
        let below = try Self.mapping("dialect: {skip-rows: 1}\nfields: {name: Naam, owner: Eigenaar}", name: "below")
        let rows = [["Procesnaam", "Eigenaar", "Status", "Opmerking", "Code"], ["Naam", "Eigenaar", "Status"]]
        var selection = MappingSelector(candidates: [top, below]).select { .success(rows[$0.dialect.skipRows]) }
        #expect(selection.scores.map(\.matchedColumns.count) == [2, 2])
        #expect(selection.scores.map(\.unmatchedHeaderColumns) == [1, 3])
        #expect(selection.mapping?.name == "below", "\(selection.reason)")

        // Same count, same header columns left: the mapping with fewer columns of its own missing.
        let exact = try Self.mapping("fields: {name: Procesnaam, owner: Eigenaar}", name: "z-exact")
        let broad = try Self.mapping("fields: {name: Procesnaam, owner: Eigenaar, code: Procescode, function: Functie}", name: "a-broad")
        selection = MappingSelector(candidates: [broad, exact]).select(header: header)
        #expect(selection.mapping?.name == "z-exact", "\(selection.reason)")

        // Everything equal: by name.
        let first = try Self.mapping("fields: {name: Procesnaam}", name: "alpha")
        let second = try Self.mapping("fields: {name: Procesnaam}", name: "beta")
        #expect(MappingSelector(candidates: [second, first]).select(header: header).mapping?.name == "alpha")
    }

    @Test("each candidate is scored on the header its own dialect reads; an unreadable one cannot be chosen")
    func perCandidateHeader() throws {
        let titled = try Self.mapping("dialect: {skip-rows: 1}\nfields: {name: Procesnaam, code: Procescode}", name: "titled")
        let plain = try Self.mapping("fields: {name: Procesnaam}", name: "plain")
        let records = [["Overzicht 2024", ""], ["Procescode", "Procesnaam"]]
        let selection = MappingSelector(candidates: [plain, titled]).select { mapping in
            let skip = mapping.dialect.skipRows
            return skip < records.count ? .success(records[skip]) : .failure(MappingSelectorError(reason: "no row \(skip + 1)"))
        }
        #expect(selection.mapping?.name == "titled")
        #expect(selection.reason == "titled: 2 of 2 columns matched (Procescode, Procesnaam); next: plain: 0 of 1 columns matched, but lacks the required name column (Procesnaam)")

        let broken = MappingSelector(candidates: [titled]).select { _ in .failure(MappingSelectorError(reason: "cannot read the header")) }
        #expect(broken.mapping == nil)
        #expect(broken.reason == "titled: cannot read the header")
    }
}
