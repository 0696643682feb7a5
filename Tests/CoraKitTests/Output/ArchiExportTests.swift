import CoraCSV
import CoraKit
import Foundation
import Testing

/// The files `--to archi` writes (``ArchiExportRenderer``).
@Suite("Archi CSV: export")
struct ArchiExportTests {
    static let model = ProcessModel(processes: [
        CoraProcess(id: "k1", name: "Verhuren eenheid", level: .processChain, category: .primary, next: ["bp1"]),
        CoraProcess(id: "bp1", code: "P1", name: "Verhuren eenheden", level: .businessProcess, category: .primary, parent: "k1",
                    order: 1, owner: "Manager Wonen", services: ["Verhuurde eenheid"], events: ["Kandidaat geaccepteerd"],
                    status: "Vastgesteld", description: "Van \"aanbieding\"\ntot sleutel"),
        CoraProcess(id: "wp1", name: "Verhuren eenheid", level: .workProcess, category: .primary, parent: "bp1", function: "Vastgoedverhuur",
                    applications: ["Empire"], properties: [Property(name: "Afdeling", value: "Wonen")]),
        CoraProcess(id: "o1", name: "Leveren ICT-diensten", level: .businessProcess, category: .supporting),
    ])

    @Test("the three files: Archi's headers, every field quoted, CRLF, no line break after the last row, ids from names")
    func exactFiles() throws {
        let export = ArchiExportRenderer(title: "Proef").render(Self.model)
        #expect(String(decoding: export.elements, as: UTF8.self) == [
            #""ID","Type","Name","Documentation","Specialization""#,
            #""model","ArchimateModel","Proef","","""#,
            #""k1","BusinessInteraction","Verhuren eenheid","","""#,
            "\"bp1\",\"BusinessProcess\",\"Verhuren eenheden\",\"Van \"\"aanbieding\"\"\ntot sleutel\",\"\"",
            #""wp1","BusinessProcess","Verhuren eenheid","","""#,
            #""o1","BusinessProcess","Leveren ICT-diensten","","""#,
            #""function-vastgoedverhuur","BusinessFunction","Vastgoedverhuur","","""#,
            #""service-verhuurde-eenheid","BusinessService","Verhuurde eenheid","","""#,
            #""event-kandidaat-geaccepteerd","BusinessEvent","Kandidaat geaccepteerd","","""#,
            #""application-empire","ApplicationComponent","Empire","","""#,
            #""grouping-primary","Grouping","Primaire processen","","""#,
            #""grouping-supporting","Grouping","Ondersteunende processen","","""#,
        ].joined(separator: "\r\n"))
        #expect(String(decoding: export.relations, as: UTF8.self) == [
            #""ID","Type","Name","Documentation","Source","Target","Specialization""#,
            #""aggregation-grouping-primary-k1","AggregationRelationship","","","grouping-primary","k1","""#,
            #""triggering-k1-bp1","TriggeringRelationship","","","k1","bp1","""#,
            #""aggregation-k1-bp1","AggregationRelationship","","","k1","bp1","""#,
            #""realization-bp1-service-verhuurde-eenheid","RealizationRelationship","","","bp1","service-verhuurde-eenheid","""#,
            #""triggering-event-kandidaat-geaccepteerd-bp1","TriggeringRelationship","","","event-kandidaat-geaccepteerd","bp1","""#,
            #""aggregation-bp1-wp1","AggregationRelationship","","","bp1","wp1","""#,
            #""aggregation-function-vastgoedverhuur-wp1","AggregationRelationship","","","function-vastgoedverhuur","wp1","""#,
            #""serving-application-empire-wp1","ServingRelationship","","","application-empire","wp1","""#,
            #""aggregation-grouping-supporting-o1","AggregationRelationship","","","grouping-supporting","o1","""#,
        ].joined(separator: "\r\n"))
        #expect(String(decoding: export.properties, as: UTF8.self) == [
            #""ID","Key","Value""#,
            #""k1","CORA-concepttype","Procesketen""#,
            #""bp1","CORA-concepttype","Bedrijfsproces""#,
            #""bp1","Code","P1""#,
            #""bp1","Eigenaar","Manager Wonen""#,
            #""bp1","Status","Vastgesteld""#,
            #""bp1","Volgorde","1""#,
            #""wp1","CORA-concepttype","Werkproces""#,
            #""wp1","Afdeling","Wonen""#,
            #""o1","CORA-concepttype","Bedrijfsproces""#,
        ].joined(separator: "\r\n"))
    }

    @Test("`;` and tab as delimiter; no byte order mark")
    func delimiters() throws {
        let semicolon = ArchiExportRenderer(delimiter: UInt8(ascii: ";")).render(Self.model)
        #expect(String(decoding: semicolon.properties.prefix(18), as: UTF8.self) == "\"ID\";\"Key\";\"Value\"")
        let tab = ArchiExportRenderer(delimiter: 0x09).render(Self.model)
        #expect(String(decoding: tab.relations.prefix(13), as: UTF8.self) == "\"ID\"\t\"Type\"\t\"")
        #expect(semicolon.elements.prefix(1) == [UInt8(ascii: "\"")])
        // Both read back to the same model.
        for export in [semicolon, tab] {
            let back = try importArchiExport(export)
            #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
            #expect(withoutSources(back.model.processes) == Self.model.processes)
        }
    }

    @Test("a relation read from Archi keeps its id, type and name when it is allowed; an Assignment from a function becomes an Aggregation")
    func reusedRelations() throws {
        let result = try importArchiSet(
            elements: ArchiImportTests.elements(
                ["id-b", "BusinessProcess", "Verhuren eenheden"], ["id-w", "BusinessProcess", "Verhuren eenheid"],
                ["id-w2", "BusinessProcess", "Opleveren eenheid"], ["id-f", "BusinessFunction", "Vastgoedverhuur"]),
            relations: ArchiImportTests.rows(ArchiImportTests.relationsHeader, [
                ["id-r1", "CompositionRelationship", "bestaat uit", "", "id-b", "id-w", ""],
                ["id-r2", "AssignmentRelationship", "", "verantwoordelijk", "id-f", "id-w", ""],
                ["id-r3", "FlowRelationship", "", "", "id-w", "id-w2", ""],
                ["id-r4", "AggregationRelationship", "", "", "id-b", "id-w2", ""],
            ]))
        #expect(result.diagnostics.map(summary) == ["missing-function@4"])
        let relations = ArchiExportRenderer().archiModel(for: result.model).relations
        #expect(relations.map { "\($0.id) \($0.type) \($0.name) \($0.documentation)" } == [
            "id-r1 CompositionRelationship bestaat uit ",
            "id-r2 AggregationRelationship  verantwoordelijk",
            "id-r3 FlowRelationship  ",
            "id-r4 AggregationRelationship  ",
        ])
    }

    @Test("a kept relation or property whose concept is not written is left out; a category different from the parent's gets its own grouping")
    func keptContentAndGroupings() throws {
        var model = Self.model
        model.processes[2].category = .steering
        model.archi = ArchiRetained(
            modelRow: ArchiElement(id: "m", type: "ArchimateModel", name: "Uit Archi"),
            elements: [ArchiElement(id: "x", type: "BusinessActor", name: "Huurder")],
            relations: [
                ArchiRelation(id: "keep", type: "AssignmentRelationship", source: "x", target: "wp1"),
                ArchiRelation(id: "gone", type: "AssignmentRelationship", source: "x", target: "verdwenen"),
                ArchiRelation(id: "on-gone", type: "AssociationRelationship", source: "x", target: "gone"),
            ],
            properties: [ArchiProperty(id: "m", key: "Versie", value: "2"), ArchiProperty(id: "gone", key: "a", value: "b")])
        let archi = ArchiExportRenderer(title: "not used").archiModel(for: model)
        #expect(archi.elements.first == ArchiElement(id: "m", type: "ArchimateModel", name: "Uit Archi"))
        #expect(archi.elements.last?.id == "x")
        #expect(archi.relations.map(\.id).suffix(1) == ["keep"])
        #expect(archi.relations.contains { $0.source == "grouping-steering" && $0.target == "wp1" })
        #expect(archi.properties.first == ArchiProperty(id: "m", key: "Versie", value: "2"))
        #expect(!archi.properties.contains { $0.id == "gone" })
        let back = try importArchiExport(ArchiExportRenderer().render(archi))
        #expect(back.model.process(withID: "wp1")?.category == .steering)
        #expect(back.model.process(withID: "bp1")?.category == .primary)
    }

    @Test("kept relations on kept relations: a chain whose first link loses its end is left out link by link, in any order; one on a written relation stays")
    func keptRelationsOnRelations() {
        var model = Self.model
        model.archi = ArchiRetained(
            elements: [ArchiElement(id: "x", type: "BusinessActor", name: "Huurder")],
            relations: [
                ArchiRelation(id: "c3", type: "AssociationRelationship", source: "x", target: "c2"),
                ArchiRelation(id: "c1", type: "AssignmentRelationship", source: "x", target: "verdwenen"),
                ArchiRelation(id: "c2", type: "AssociationRelationship", source: "c1", target: "x"),
                ArchiRelation(id: "keep", type: "AssignmentRelationship", source: "x", target: "wp1"),
                ArchiRelation(id: "on-keep", type: "AssociationRelationship", source: "keep", target: "x"),
                ArchiRelation(id: "on-on-keep", type: "AssociationRelationship", source: "x", target: "on-keep"),
            ])
        let archi = ArchiExportRenderer().archiModel(for: model)
        #expect(archi.relations.map(\.id).suffix(3) == ["keep", "on-keep", "on-on-keep"])
        #expect(!archi.relations.contains { ["c1", "c2", "c3"].contains($0.id) })
    }

    @Test("new ids from names with one slug are numbered -2, -3, … in order, past ids already taken")
    func numberedIDs() {
        var model = ProcessModel(processes: ["Beheer!", "Beheer?", "Beheer#", "Beheer%"].enumerated().map { index, function in
            CoraProcess(id: "wp\(index)", name: "Werkproces \(index)", level: .workProcess, function: function)
        })
        model.archi = ArchiRetained(elements: [ArchiElement(id: "function-beheer-3", type: "BusinessActor", name: "Bezet")])
        let functions = ArchiExportRenderer().archiModel(for: model).elements.filter { $0.type == "BusinessFunction" }
        #expect(functions.map(\.id) == ["function-beheer", "function-beheer-2", "function-beheer-4", "function-beheer-5"])
        #expect(functions.map(\.name) == ["Beheer!", "Beheer?", "Beheer#", "Beheer%"])
    }

    @Test("a 100,000-deep chain with a category on every process exports in seconds (each process looked its parent up in the whole model)",
          .hangGuard)
    func deepChain() {
        let count = 100_000
        let processes = (1...count).map { index in
            CoraProcess(id: "p\(index)", name: "Stap \(index)", category: .primary, parent: index == 1 ? "" : "p\(index - 1)")
        }
        let archi = ArchiExportRenderer().archiModel(for: ProcessModel(processes: processes))
        #expect(archi.relations.count == 1 + (count - 1))
        #expect(archi.relations.first?.id == "aggregation-grouping-primary-p1")
    }
}
