import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``ExchangeFormat``: `--to ameff`, one ArchiMate Open Exchange Format document, valid against the
/// 3.1 schemas (xmllint), with cora's identifiers, folders and property definitions.
@Suite("ameff: the ArchiMate exchange document")
struct ExchangeFormatTests {
    /// `csv` (canonical columns) converted into a model.
    static func model(_ csv: String, keepInvalid: Bool = false) throws -> ProcessModel {
        let result = try Pipeline.convert(MemoryByteSource(text: csv), file: "in.csv", mapping: try MappingCatalog.builtin.mapping(named: "canonical"),
                                          settings: ConversionSettings(keepInvalid: keepInvalid))
        return result.model
    }

    /// The shipped sample of a whole corporation.
    static func sample() throws -> ProcessModel {
        let bytes = Array(try Data(contentsOf: packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv")))
        return try Pipeline.convert(MemoryByteSource(bytes), file: "woonstad-waterland.csv",
                                    mapping: try MappingCatalog.builtin.mapping(named: "canonical")).model
    }

    @Test("one file, the renderer's document, valid against archimate3_Diagram.xsd")
    func format() throws {
        let format = ExchangeFormat()
        #expect(format.name == "ameff" && format.fileSuffix == ".xml" && !format.writesFolder)
        #expect(OutputFormats.named("exchange")?.name == "ameff")
        let output = try FormatFixture.write(format, options: OutputOptions(title: "Woonstad"))
        let bytes = try #require(output.bytes())
        #expect(bytes == ExchangeRenderer(title: "Woonstad").render(FormatFixture.model))
        #expect(try ExchangeSchema.problems(bytes) == "")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\""))
        #expect(text.contains("<name xml:lang=\"nl\">Woonstad</name>"))
    }

    @Test("the sample: every process an element once, with its level and code as properties; the document validates")
    func sample() throws {
        let model = try Self.sample()
        let document = ExchangeRenderer().document(for: model)
        #expect(try ExchangeSchema.problems(ExchangeWriter().write(document)) == "")
        let processes = document.elements.filter { ["BusinessProcess", "BusinessInteraction"].contains($0.type) }
        #expect(processes.count == model.processes.count)
        #expect(Set(processes.map(\.identifier)).count == processes.count)
        let names = Dictionary(document.propertyDefinitions.map { ($0.identifier, $0.name) }, uniquingKeysWith: { a, _ in a })
        let first = try #require(processes.first)
        #expect(first.properties.map { names[$0.definition] ?? "?" }.prefix(2) == ["CORA-concepttype", "Code"])
        // Every identifier unique across the whole document.
        var identifiers = document.elements.map(\.identifier) + document.relationships.map(\.identifier)
            + document.propertyDefinitions.map(\.identifier) + [document.identifier]
        for view in document.views { view.forEach { if let id = $0[attribute: "identifier"] { identifiers.append(id) } } }
        #expect(Set(identifiers).count == identifiers.count)
    }

    @Test("folders: Business, a folder per category in CORA's order, a folder per level inside, each process once")
    func folders() throws {
        let model = try Self.model("""
            id,name,level,category,parent
            s1,Bepalen strategie,bedrijfsproces,sturend,
            p1,Verhuren,bedrijfsproces,primair,
            p1.1,Toewijzen,werkproces,primair,p1
            o1,Beheren financien,bedrijfsproces,ondersteunend,
            x1,Zonder categorie,bedrijfsproces,,
            """)
        let document = ExchangeRenderer().document(for: model)
        let organizations = try #require(document.organizations.first)
        func label(_ item: XMLTree) -> String { item.child("label")?.text ?? "" }
        let business = try #require(organizations.children.first)
        #expect(label(business) == "Business")
        #expect(business.children("item").map(label) == ["Sturende processen", "Primaire processen", "Ondersteunende processen", "Processen zonder categorie"])
        let primary = business.children("item")[1]
        #expect(primary.children("item").map(label) == ["Bedrijfsprocessen", "Werkprocessen"])
        var filed: [String] = []
        organizations.forEach { if let ref = $0[attribute: "identifierRef"] { filed.append(ref) } }
        let processIdentifiers = document.elements.filter { $0.type == "BusinessProcess" }.map(\.identifier)
        #expect(filed.filter { processIdentifiers.contains($0) }.sorted() == processIdentifiers.sorted())
        #expect(try ExchangeSchema.problems(ExchangeWriter().write(document)) == "")
    }

    @Test("an id that is no xs:ID gets one, and the property cora-id maps it back; one that is stays")
    func identifiers() throws {
        let model = try Self.model("""
            id,name,level,category,parent
            1,Verhuren,bedrijfsproces,primair,
            1.1,Toewijzen,werkproces,primair,1
            P2,Onderhouden,bedrijfsproces,primair,
            """)
        let document = ExchangeRenderer().document(for: model)
        let names = Dictionary(document.propertyDefinitions.map { ($0.identifier, $0.name) }, uniquingKeysWith: { a, _ in a })
        func coraID(_ element: ExchangeConcept) -> String? {
            element.properties.first { names[$0.definition] == "cora-id" }?.value
        }
        let processes = document.elements.filter { $0.type == "BusinessProcess" }
        #expect(processes.map(\.identifier) == ["id-1", "id-1.1", "P2"])
        #expect(processes.map(coraID) == ["1", "1.1", nil])
        let parent = try #require(document.relationships.first { $0.target == "id-1.1" && $0.type == "Aggregation" })
        #expect(parent.source == "id-1")
    }

    @Test("hostile names, codes and ids: the document validates, and every identifier is an NCName")
    func hostile() throws {
        let model = try Self.model("""
            id,code,name,level,category,parent,function,services,applications,owner,description
            "<a>","&amp;","</name><script>alert(1)</script>",bedrijfsproces,primair,,"F ""1"" & <2>","]]> x|\u{7}bell",App <1>,"O'Neil","regel 1\r\nregel 2\ttab"
            "a b","1.2.3","Ｆｕｌｌ width ‮ bidi 🏠",werkproces,primair,<a>,,,,,
            "é","-x-","   ",werkproces,primair,<a>,,,,,
            """, keepInvalid: true)
        #expect(model.processes.count == 3)
        let document = ExchangeRenderer().document(for: model)
        let bytes = ExchangeWriter().write(document)
        #expect(try ExchangeSchema.problems(bytes) == "")
        for element in document.elements { #expect(ExchangeIdentifiers.isXMLName(element.identifier), "\(element.identifier)") }
        for relationship in document.relationships { #expect(ExchangeIdentifiers.isXMLName(relationship.identifier)) }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;/name&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("200 business processes with work processes and steps: the document validates")
    func large() throws {
        var csv = "id,name,level,category,parent,function,next\n"
        for bp in 1...200 {
            let category = ["sturend", "primair", "ondersteunend"][bp % 3]
            csv += "bp\(bp),Bedrijfsproces \(bp),bedrijfsproces,\(category),,,\n"
            for wp in 1...3 {
                csv += "bp\(bp).\(wp),Werkproces \(bp).\(wp),werkproces,\(category),bp\(bp),Functie \(bp % 7),\(wp < 3 ? "bp\(bp).\(wp + 1)" : "")\n"
                csv += "bp\(bp).\(wp).1,Stap \(bp).\(wp).1,processtap,\(category),bp\(bp).\(wp),,\n"
            }
        }
        let model = try Self.model(csv)
        #expect(model.processes.count == 1_400)
        let bytes = ExchangeRenderer().render(model)
        #expect(try ExchangeSchema.problems(bytes) == "")
    }

    @Test("every relationship written is one ArchiMate 3.1 allows between its two element types")
    func relationshipsAllowed() throws {
        let model = try Self.sample()
        let document = ExchangeRenderer().document(for: model)
        let types = Dictionary(document.elements.map { ($0.identifier, $0.type) }, uniquingKeysWith: { a, _ in a })
        #expect(document.relationships.count > 100)
        let forbidden = document.relationships.filter { relationship in
            !ArchiMateRelationships.allows(relationship.type, from: types[relationship.source ?? ""] ?? "?", to: types[relationship.target ?? ""] ?? "?")
        }
        #expect(forbidden.isEmpty, "\(forbidden)")
        #expect(Set(document.relationships.map(\.type)) == ["Aggregation", "Realization", "Serving", "Triggering"])
    }

    @Test("a kept relationship that ArchiMate forbids between its ends is written as an Association, cora-type naming its type")
    func forbiddenKeptRelationship() throws {
        let result = try importArchiSet(
            elements: """
                "ID","Type","Name","Documentation","Specialization"
                "bp","BusinessProcess","Verhuren","",""
                "do","DataObject","Huurcontract","",""
                """,
            relations: """
                "ID","Type","Name","Documentation","Source","Target","Specialization"
                "r1","TriggeringRelationship","start","","do","bp",""
                """)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let document = ExchangeRenderer().document(for: result.model)
        let names = Dictionary(document.propertyDefinitions.map { ($0.identifier, $0.name) }, uniquingKeysWith: { a, _ in a })
        let relationship = try #require(document.relationships.first { $0.identifier == "r1" })
        #expect(relationship.type == "Association" && relationship.source == "do" && relationship.target == "bp" && relationship.name == "start")
        #expect(relationship.properties.map { "\(names[$0.definition] ?? "?")=\($0.value)" } == ["cora-type=Triggering"])
        #expect(try ExchangeSchema.problems(ExchangeWriter().write(document)) == "")
    }

    @Test("the generated views of a business process with many services, events and applications and few parts: nothing overlaps (a review finding), nor in the excel-nl sample")
    func viewsDoNotOverlap() throws {
        let model = try Self.model("""
            id,name,level,category,parent,function,services,events,applications
            bp-1,Verhuren eenheden,bedrijfsproces,primair,,Verhuur,Dienst A|Dienst B|Dienst C|Dienst D,Start A|Start B|Start C,App A|App B|App C|App D
            """)
        let document = ExchangeRenderer().document(for: model)
        ExchangeViewsTests.checkGeometry(document.views, document: document)
        let view = try #require(document.views.first { $0[attribute: "identifier"] == "cora-view-bp-1" })
        #expect(view.children("node").count == 1 + 1 + 4 + 3 + 4)
        let sample = try convertSample("Samples/excel-nl/woningstichting-de-polder.csv", mapping: "excel-nl").model
        let sampleDocument = ExchangeRenderer().document(for: sample)
        ExchangeViewsTests.checkGeometry(sampleDocument.views, document: sampleDocument)
    }
}
