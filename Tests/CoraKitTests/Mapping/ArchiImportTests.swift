import CoraCSV
import CoraKit
import Foundation
import Testing

/// How an Archi set becomes the process model (``ArchiImport``), and what it reports.
@Suite("Archi CSV: import into the process model")
struct ArchiImportTests {
    static let header = #""ID","Type","Name","Documentation","Specialization""#
    static let relationsHeader = #""ID","Type","Name","Documentation","Source","Target","Specialization""#
    static let propertiesHeader = #""ID","Key","Value""#

    /// Rows of quoted fields, CRLF between them.
    static func rows(_ header: String, _ rows: [[String]]) -> String {
        ([header] + rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") })
            .joined(separator: "\r\n")
    }

    static func elements(_ rows: [String]...) -> String { Self.rows(header, rows.map { $0 + ["", "", ""].prefix(max(0, 5 - $0.count)) }) }
    static func relations(_ rows: [String]...) -> String {
        Self.rows(relationsHeader, rows.map { [$0[0], $0[1], "", "", $0[2], $0[3], ""] })
    }
    static func properties(_ rows: [String]...) -> String { Self.rows(propertiesHeader, rows) }

    static let mappingSet = (
        elements: elements(
            ["m", "ArchimateModel", "Test"],
            ["g-p", "Grouping", "Primaire processen"],
            ["g-s", "Grouping", "Sturend"],
            ["k1", "BusinessInteraction", "Verhuren eenheid"],
            ["bp1", "BusinessProcess", "Verhuren eenheden", "Van aanbieding\r\ntot sleutel"],
            ["wp1", "BusinessProcess", "Verhuren eenheid"],
            ["st1", "BusinessProcess", "Aanmaken klant"],
            ["wp2", "BusinessProcess", "Opleveren eenheid"],
            ["bp2", "BusinessProcess", "Bepalen visie"],
            ["f1", "BusinessFunction", "Vastgoedverhuur"],
            ["s1", "BusinessService", "Verhuurde eenheid"],
            ["e1", "BusinessEvent", "Kandidaat geaccepteerd"],
            ["a1", "ApplicationComponent", "Empire"],
            ["a2", "ApplicationService", "Klantportaal"],
            ["x1", "BusinessActor", "Huurder"]),
        relations: relations(
            ["r1", "AggregationRelationship", "g-p", "k1"],
            ["r2", "CompositionRelationship", "k1", "bp1"],
            ["r3", "AggregationRelationship", "bp1", "wp1"],
            ["r4", "CompositionRelationship", "wp1", "st1"],
            ["r5", "AggregationRelationship", "bp1", "wp2"],
            ["r6", "AssignmentRelationship", "f1", "wp1"],
            ["r7", "AggregationRelationship", "f1", "wp2"],
            ["r8", "RealizationRelationship", "bp1", "s1"],
            ["r9", "TriggeringRelationship", "e1", "bp1"],
            ["r10", "ServingRelationship", "a1", "wp1"],
            ["r11", "ServingRelationship", "a2", "wp1"],
            ["r12", "TriggeringRelationship", "wp1", "wp2"],
            ["r13", "FlowRelationship", "bp2", "k1"],
            ["r14", "CompositionRelationship", "g-s", "bp2"],
            ["r15", "AssignmentRelationship", "x1", "wp1"]),
        properties: properties(
            ["m", "Versie", "1"],
            ["bp1", "Code", "P1"],
            ["bp1", "Eigenaar", "Manager Wonen"],
            ["bp1", "Status", "Vastgesteld"],
            ["bp1", "Volgorde", "2"],
            ["bp1", "Afdeling", "Wonen"],
            ["wp2", "cora concepttype", "Werkproces"],
            ["bp2", "Categorie", "Ondersteunend"],
            ["x1", "Rol", "extern"])
    )

    @Test("every mapping rule: processes, levels, parents, categories, functions, services, events, applications, next, fields, properties")
    func mappingRules() throws {
        let set = Self.mappingSet
        let result = try importArchiSet(elements: set.elements, relations: set.relations, properties: set.properties)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let model = result.model
        #expect(model.processes.map(\.id) == ["k1", "bp1", "wp1", "st1", "wp2", "bp2"])
        func process(_ id: String) throws -> CoraProcess { try #require(model.process(withID: id)) }

        #expect(try process("k1").level == .processChain)
        #expect(try process("k1").category == .primary)
        #expect(try process("k1").parent == "")
        #expect(try process("k1").source == SourceLocation(file: "elements.csv", line: 5, record: 5))

        let bp1 = try process("bp1")
        #expect(bp1 == CoraProcess(
            id: "bp1", code: "P1", name: "Verhuren eenheden", level: .businessProcess, category: .primary, parent: "k1", order: 2,
            owner: "Manager Wonen", function: "", services: ["Verhuurde eenheid"], events: ["Kandidaat geaccepteerd"],
            applications: [], next: [], status: "Vastgesteld", description: "Van aanbieding\r\ntot sleutel",
            properties: [Property(name: "Afdeling", value: "Wonen")], source: SourceLocation(file: "elements.csv", line: 6, record: 6)))

        let wp1 = try process("wp1")
        #expect(wp1.level == .workProcess && wp1.parent == "bp1" && wp1.category == .primary)
        #expect(wp1.function == "Vastgoedverhuur")
        #expect(wp1.applications == ["Empire", "Klantportaal"])
        #expect(wp1.next == ["wp2"])
        #expect(try process("st1").level == .processStep)
        #expect(try process("st1").parent == "wp1")
        #expect(try process("wp2").level == .workProcess)
        #expect(try process("wp2").function == "Vastgoedverhuur")
        #expect(try process("wp2").properties.isEmpty)
        // A Categorie property wins over the grouping.
        #expect(try process("bp2").category == .supporting)
        #expect(try process("bp2").next == ["k1"])

        let retained = try #require(model.archi)
        #expect(retained.modelRow?.id == "m")
        #expect(retained.elements.map(\.id) == ["x1"])
        #expect(retained.relations.map(\.id) == ["r15"])
        #expect(retained.properties.map { "\($0.id).\($0.key)" } == ["m.Versie", "x1.Rol"])
        #expect(retained.identities.map(\.id) == ["g-p", "g-s", "k1", "bp1", "wp1", "st1", "wp2", "bp2", "f1", "s1", "e1", "a1", "a2"])
        #expect(retained.mappedRelations.map(\.id) == (1...14).map { "r\($0)" })
    }

    @Test("levels from the nesting: an interaction holding an interaction is a steering scenario; depth gives business process, work process, step")
    func levelsFromNesting() throws {
        let result = try importArchiSet(
            elements: Self.elements(
                ["sc", "BusinessInteraction", "Verhuurmutatie"], ["ch", "BusinessInteraction", "Verhuren eenheid"],
                ["bp", "BusinessProcess", "Verhuren eenheden"], ["wp", "BusinessProcess", "Verhuren eenheid"],
                ["st", "BusinessProcess", "Aanmaken klant"], ["sub", "BusinessProcess", "Controleren gegevens"],
                ["top", "BusinessProcess", "Bepalen visie"]),
            relations: Self.relations(
                ["r1", "AggregationRelationship", "sc", "ch"], ["r2", "AggregationRelationship", "ch", "bp"],
                ["r3", "AggregationRelationship", "bp", "wp"], ["r4", "AggregationRelationship", "wp", "st"],
                ["r5", "AggregationRelationship", "st", "sub"]))
        // A step under a step is invalid nesting: reported, and the process left out (with its row in the rejects).
        #expect(result.diagnostics.map(summary) == ["invalid-nesting@7"])
        #expect(result.model.processes.map(\.id) == ["sc", "ch", "bp", "wp", "st", "top"])
        #expect(result.model.processes.map(\.level) == [.steeringScenario, .processChain, .businessProcess, .workProcess, .processStep, .businessProcess])
        #expect(result.rejectedRecords.map(\.line) == [7])
    }

    @Test("a process without an id gets one from its code, else its name")
    func derivedIDs() throws {
        let result = try importArchiSet(
            elements: Self.elements(["", "BusinessProcess", "Verhuren eenheden"], ["", "BusinessProcess", "Bepalen visie"]))
        #expect(result.model.processes.map(\.id) == ["verhuren-eenheden", "bepalen-visie"])
    }

    @Test("problems: two parents, two functions, a cycle, an unknown concepttype, a bad order, each reported where it is")
    func problems() throws {
        let result = try importArchiSet(
            elements: Self.elements(
                ["a", "BusinessProcess", "Verhuren eenheden"], ["b", "BusinessProcess", "Incasseren vorderingen"],
                ["c", "BusinessProcess", "Verhuren eenheid"], ["f", "BusinessFunction", "Vastgoedverhuur"],
                ["g", "BusinessFunction", "Incasso"], ["x", "BusinessProcess", "Doorlopen kringloop een"], ["y", "BusinessProcess", "Doorlopen kringloop twee"]),
            relations: Self.relations(
                ["r1", "AggregationRelationship", "a", "c"], ["r2", "AggregationRelationship", "b", "c"],
                ["r3", "AggregationRelationship", "f", "c"], ["r4", "AggregationRelationship", "g", "c"],
                ["r5", "AggregationRelationship", "x", "y"], ["r6", "AggregationRelationship", "y", "x"]),
            properties: Self.properties(["a", "CORA-concepttype", "Hoofdstuk"], ["b", "Volgorde", "een"]))
        #expect(result.diagnostics.map(summary) == [
            "missing-function@8", "archi-two-parents@3:5", "archi-several-functions@5:5", "parent-cycle@7:5", "unknown-level@2:3", "invalid-order@3:3",
        ])
        let c = try #require(result.model.process(withID: "c"))
        #expect(c.parent == "a" && c.function == "Vastgoedverhuur")
        // The relations that carry no field are kept as they are; the one closing the cycle is left out.
        #expect(result.model.archi?.relations.map(\.id) == ["r2", "r4"])
        // The cycle is cut at the relation that comes last: y → x.
        #expect(result.model.process(withID: "x")?.parent == "")
        #expect(result.model.process(withID: "y")?.parent == "x")
        // A property that fills no field is kept on the process.
        #expect(result.model.process(withID: "a")?.properties == [Property(name: "CORA-concepttype", value: "Hoofdstuk")])
        #expect(result.model.process(withID: "b")?.properties == [Property(name: "Volgorde", value: "een")])
        #expect(result.rejectedRecords.count == 1)
    }

    @Test("problems in the files: bad header, wrong record size, unknown type, bad id, repeated id, missing end, unknown owner")
    func fileProblems() throws {
        let reading = try readArchiSet(
            elements: [
                Self.header,
                #""ok","BusinessProcess","Verhuren eenheden","","""#,
                #""short","BusinessProcess","Kort""#,
                #""t1","BusinessProces","Tikfout","","""#,
                #""bad id","BusinessActor","Spatie","","""#,
                #""ok","BusinessActor","Nog eens","","""#,
                #""r9","AggregationRelationship","Verkeerd bestand","","""#,
            ].joined(separator: "\r\n"),
            relations: Self.relations(["r1", "AggregationRelationship", "ok", "nergens"], ["r2", "Aggregation", "ok", "ok"]),
            properties: Self.properties(["ok", "Code", "P1"], ["", "Code", "P2"], ["weg", "Code", "P3"]))
        #expect(reading.diagnostics.map(summary) == [
            "archi-record-size@3", "archi-unknown-type@4:2", "invalid-id@5:1", "archi-unknown-type@7:2",
            "archi-unknown-type@3:2", "archi-unknown-owner@3:1",
            "duplicate-id@6:1", "archi-missing-end@2:6", "archi-unknown-owner@4:1",
        ])
        #expect(reading.diagnostics.first { $0.code == .archiUnknownType }?.hint?.contains("BusinessProcess") == true)
        #expect(reading.model.concepts.map(\.id) == ["ok"])
        #expect(reading.model.relations.isEmpty)
        #expect(reading.model.properties.map(\.value) == ["P1"])
        #expect(reading.rejectedRecords.count == 9)

        let wrongHeader = try readArchiSet(elements: Self.relations(["r1", "AggregationRelationship", "a", "b"]))
        #expect(wrongHeader.diagnostics.map(summary) == ["archi-header@1"])
        #expect(wrongHeader.diagnostics[0].message.contains("relations.csv"))
        #expect(wrongHeader.model.elements.isEmpty)
    }

    @Test("the older 4- and 6-column headers, `;` and tab, a byte order mark, and a properties file without header")
    func dialects() throws {
        let older = try readArchiSet(
            elements: "\u{FEFF}\"ID\";\"Type\";\"Name\";\"Documentation\"\r\n\"a\";\"BusinessProcess\";\"Verhuren eenheden\";\"\"",
            relations: "\"ID\"\t\"Type\"\t\"Name\"\t\"Documentation\"\t\"Source\"\t\"Target\"\n\"r\"\t\"TriggeringRelationship\"\t\"\"\t\"\"\t\"a\"\t\"a\"",
            properties: "a,Code,P1\n")
        #expect(older.diagnostics.isEmpty, "\(older.diagnostics)")
        #expect(older.model.elements == [ArchiElement(
            id: "a", type: "BusinessProcess", name: "Verhuren eenheden", documentation: "", specialization: nil,
            location: SourceLocation(file: "elements.csv", line: 2, record: 2))])
        #expect(older.model.relations.first?.specialization == nil)
        #expect(older.model.properties.map(\.value) == ["P1"])
        #expect(older.inputs.map(\.dialect.delimiter) == [UInt8(ascii: ";"), 0x09, UInt8(ascii: ",")])
        #expect(older.inputs[0].dialect.hasByteOrderMark)
    }

    @Test("names and property values have line breaks and tabs turned into spaces, as Archi does; documentation is kept")
    func normalisation() throws {
        #expect(ArchiCSVReader.normalise("a\r\nb\rc\nd\te") == "a b c d e")
        let reading = try readArchiSet(
            elements: Self.elements(["a", "BusinessProcess", "Twee\r\nregels", "Blijft\r\nzo"]),
            properties: Self.properties(["a", "Sleutel\tmet tab", "waarde\nop twee regels"]))
        #expect(reading.model.elements[0].name == "Twee regels")
        #expect(reading.model.elements[0].documentation == "Blijft\r\nzo")
        #expect(reading.model.properties[0].key == "Sleutel met tab")
        #expect(reading.model.properties[0].value == "waarde op twee regels")
    }

    @Test("the file set is found from any one of its files, with or without a prefix")
    func fileSets() throws {
        let set = try #require(ArchiFileSet(path: "export/test1-relations.csv"))
        #expect(set.table == .relations)
        #expect(ArchiTable.allCases.map(set.path(of:)) == ["export/test1-elements.csv", "export/test1-relations.csv", "export/test1-properties.csv"])
        #expect(ArchiFileSet(path: "properties.csv")?.path(of: .elements) == "elements.csv")
        #expect(ArchiFileSet(path: "a/b/elements")?.path(of: .properties) == "a/b/properties")
        #expect(ArchiFileSet(path: "elements-suffix.csv") == nil)
        #expect(ArchiFileSet(path: "inventaris.csv") == nil)
        #expect(ArchiFileSet(folder: "out", namePrefix: "ww-").path(of: .relations) == "out/ww-relations.csv")
        #expect(ArchiCSVReader.table(ofHeaderIn: Array("# note\r\n\"ID\",\"Key\",\"Value\"\r\n".utf8)) == .properties)
        #expect(ArchiCSVReader.table(ofHeaderIn: Array("id,code,name\n".utf8)) == nil)
    }
}
