@testable import CoraKit
import Foundation
import FoundationXML
import Testing

/// The ArchiMate 3.1 table of allowed relationships (issue 16: "check every relationship against the
/// standard's table of allowed relationships, and never write one it forbids").
@Suite("ArchiMate 3.1 allowed relationships")
struct ArchiMateRelationshipsTests {
    // MARK: Real files: Archi wrote them, so every relationship in them is allowed

    /// The element types by identifier and the relationships (type, source, target) of an exchange file.
    final class ExchangeFileReader: NSObject, XMLParserDelegate {
        var elementTypes: [String: String] = [:]
        var relationships: [(type: String, source: String, target: String)] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard let type = attributeDict["xsi:type"], let identifier = attributeDict["identifier"] else { return }
            if elementName == "element" {
                elementTypes[identifier] = type
            } else if elementName == "relationship", let source = attributeDict["source"], let target = attributeDict["target"] {
                relationships.append((type, source, target))
            }
        }
    }

    static let veraDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/vera-domeinmodellen")

    @Test("the constant table has a cell per element type in every row, and only known letters")
    func tableIsWhole() {
        #expect(ArchiMateRelationships.tableProblems.isEmpty, "\(ArchiMateRelationships.tableProblems)")
    }

    @Test("every relationship in the VERA exchange files is allowed", arguments: [
        ("VERA-3.2.1.xml", 1_348), ("VERA-4.0.xml", 1_478), ("VERA-4.3.1.xml", 1_761),
    ])
    func veraRelationshipsAreAllowed(file: String, count: Int) throws {
        let url = Self.veraDirectory.appendingPathComponent(file)
        try #require(FileManager.default.fileExists(atPath: url.path), "missing \(url.path)")
        let parser = try #require(XMLParser(contentsOf: url))
        let reader = ExchangeFileReader()
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.relationships.count == count)
        var forbidden: [String] = []
        for relationship in reader.relationships {
            let source = try #require(reader.elementTypes[relationship.source], "\(relationship.source) is not an element")
            let target = try #require(reader.elementTypes[relationship.target], "\(relationship.target) is not an element")
            if !ArchiMateRelationships.allows(relationship.type, from: source, to: target) {
                forbidden.append("\(relationship.type) \(source) → \(target)")
            }
        }
        #expect(forbidden == [])
    }

    // MARK: What cora writes

    /// The relationships cora writes, with Business Process as the process type.
    static let coraPairs = [
        ("Aggregation", "BusinessProcess", "BusinessProcess"),
        ("Aggregation", "Grouping", "BusinessProcess"),
        ("Aggregation", "BusinessFunction", "BusinessProcess"),
        ("Realization", "BusinessProcess", "BusinessService"),
        ("Triggering", "BusinessEvent", "BusinessProcess"),
        ("Serving", "ApplicationComponent", "BusinessProcess"),
        ("Serving", "ApplicationService", "BusinessProcess"),
        ("Triggering", "BusinessProcess", "BusinessProcess"),
        ("Flow", "BusinessProcess", "BusinessProcess"),
    ]

    @Test("the relationships cora writes are allowed, for a Business Process and a Business Interaction alike", arguments: coraPairs)
    func coraPairsAreAllowed(type: String, source: String, target: String) {
        #expect(ArchiMateRelationships.allows(type, from: source, to: target))
        let interaction = { (name: String) in name == "BusinessProcess" ? "BusinessInteraction" : name }
        #expect(ArchiMateRelationships.allows(type, from: interaction(source), to: target))
        #expect(ArchiMateRelationships.allows(type, from: source, to: interaction(target)))
        #expect(ArchiMateRelationships.allows(type, from: interaction(source), to: interaction(target)))
    }

    @Test("a Business Function may compose or aggregate a Business Process, not be assigned to it")
    func businessFunctionToBusinessProcess() {
        #expect(ArchiMateRelationships.allows("Composition", from: "BusinessFunction", to: "BusinessProcess"))
        #expect(ArchiMateRelationships.allows("Aggregation", from: "BusinessFunction", to: "BusinessProcess"))
        #expect(!ArchiMateRelationships.allows("Assignment", from: "BusinessFunction", to: "BusinessProcess"))
        #expect(ArchiMateRelationships.allowedTypes(from: "BusinessFunction", to: "BusinessProcess")
            == ["Composition", "Aggregation", "Serving", "Triggering", "Flow", "Association"])
        #expect(ArchiMateRelationships.allowedTypes(from: "BusinessFunction", to: "BusinessInteraction")
            == ["Composition", "Aggregation", "Serving", "Triggering", "Flow", "Association"])
    }

    @Test("the allowed types of a pair, in the exchange format's order")
    func allowedTypesInOrder() {
        #expect(ArchiMateRelationships.allowedTypes(from: "BusinessProcess", to: "BusinessProcess")
            == ["Composition", "Aggregation", "Serving", "Triggering", "Flow", "Specialization", "Association"])
        #expect(ArchiMateRelationships.allowedTypes(from: "Grouping", to: "BusinessProcess")
            == ["Composition", "Aggregation", "Assignment", "Realization", "Serving", "Triggering", "Flow", "Specialization", "Association"])
        #expect(ArchiMateRelationships.allowedTypes(from: "BusinessProcess", to: "BusinessService")
            == ["Realization", "Serving", "Triggering", "Flow", "Association"])
        #expect(ArchiMateRelationships.allowedTypes(from: "Grouping", to: "Grouping") == ArchiMateRelationships.relationshipTypes)
        #expect(ArchiMateRelationships.allowedTypes(from: "DataObject", to: "BusinessProcess") == ["Association"])
        #expect(ArchiMateRelationships.allowedTypes(from: "BusinessProcess", to: "DataObject") == ["Access", "Association"])
        #expect(ArchiMateRelationships.allowedTypes(from: "BusinessProcess", to: "Goal") == ["Realization", "Influence", "Association"])
    }

    // MARK: Forbidden

    @Test("relationships the table forbids", arguments: [
        ("Triggering", "DataObject", "BusinessProcess"),
        ("Access", "DataObject", "BusinessProcess"),
        ("Composition", "BusinessService", "BusinessProcess"),
        ("Realization", "BusinessService", "BusinessProcess"),
        ("Realization", "BusinessProcess", "BusinessProcess"),
        ("Assignment", "BusinessProcess", "BusinessProcess"),
        ("Access", "BusinessProcess", "BusinessProcess"),
        ("Access", "Grouping", "BusinessProcess"),
        ("Influence", "Grouping", "BusinessProcess"),
        ("Specialization", "BusinessProcess", "BusinessInteraction"),
        ("Specialization", "BusinessFunction", "BusinessProcess"),
        ("Composition", "BusinessEvent", "BusinessProcess"),
        ("Serving", "BusinessObject", "BusinessProcess"),
        ("Triggering", "Goal", "BusinessProcess"),
        ("Assignment", "BusinessProcess", "AndJunction"),
        ("Composition", "BusinessProcess", "OrJunction"),
        ("Specialization", "AndJunction", "OrJunction"),
    ])
    func forbidden(type: String, source: String, target: String) {
        #expect(!ArchiMateRelationships.allows(type, from: source, to: target))
        #expect(!ArchiMateRelationships.allowedTypes(from: source, to: target).contains(type))
    }

    @Test("Serving from a Business Process to an Application Component is allowed (a derived relationship)")
    func derivedServing() {
        #expect(ArchiMateRelationships.allows("Serving", from: "BusinessProcess", to: "ApplicationComponent"))
        #expect(ArchiMateRelationships.allowedTypes(from: "BusinessProcess", to: "ApplicationComponent")
            == ["Serving", "Triggering", "Flow", "Association"])
    }

    @Test("the two junctions answer alike; a junction passes on Triggering and Flow, and Assignment only towards an element that may be assigned")
    func junctions() {
        for junction in ["AndJunction", "OrJunction"] {
            #expect(ArchiMateRelationships.allowedTypes(from: "BusinessProcess", to: junction)
                == ["Realization", "Serving", "Access", "Influence", "Triggering", "Flow", "Association"])
            #expect(ArchiMateRelationships.allowedTypes(from: junction, to: "BusinessProcess")
                == ["Assignment", "Realization", "Serving", "Triggering", "Flow", "Association"])
        }
        let types = ArchiMateRelationships.elementTypes
        for element in types {
            #expect(ArchiMateRelationships.allowedTypes(from: "AndJunction", to: element) == ArchiMateRelationships.allowedTypes(from: "OrJunction", to: element))
            #expect(ArchiMateRelationships.allowedTypes(from: element, to: "AndJunction") == ArchiMateRelationships.allowedTypes(from: element, to: "OrJunction"))
        }
        #expect(ArchiMateRelationships.allowedTypes(from: "AndJunction", to: "OrJunction")
            == ["Assignment", "Realization", "Serving", "Access", "Influence", "Triggering", "Flow", "Association"])
    }

    @Test("a name the exchange format does not have is allowed nothing")
    func unknownNames() {
        #expect(!ArchiMateRelationships.allows("Aggregation", from: "Procesketen", to: "BusinessProcess"))
        #expect(!ArchiMateRelationships.allows("Aggregation", from: "BusinessProcess", to: "Junction"))
        #expect(!ArchiMateRelationships.allows("AggregationRelationship", from: "BusinessProcess", to: "BusinessProcess"))
        #expect(!ArchiMateRelationships.allows("aggregation", from: "BusinessProcess", to: "BusinessProcess"))
        #expect(!ArchiMateRelationships.allows("Association", from: "BusinessProcess", to: ""))
        #expect(ArchiMateRelationships.allowedTypes(from: "Relationship", to: "BusinessProcess") == [])
    }

    // MARK: The whole table

    /// The `xs:enumeration` values of the simple type `name` in the exchange format's model schema, in order.
    static func schemaEnumeration(_ name: String) throws -> [String] {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/archimate-exchange-3.1/archimate3_Model.xsd")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "<xs:simpleType name=\"\(name)\">"))
        let end = try #require(text.range(of: "</xs:simpleType>", range: start.upperBound..<text.endIndex))
        var values: [String] = []
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
            guard let open = line.range(of: "value=\""), let close = line[open.upperBound...].firstIndex(of: "\"") else { continue }
            let value = String(line[open.upperBound..<close])
            if !values.contains(value) { values.append(value) }
        }
        return values
    }

    @Test("the element and relationship types are the schema's, in its order")
    func typesAreTheSchemas() throws {
        let elements = try Self.schemaEnumeration("ElementTypeEnum")
        #expect(elements.count == 62)
        #expect(ArchiMateRelationships.elementTypes == elements)
        #expect(ArchiMateRelationships.relationshipTypes == (try Self.schemaEnumeration("RelationshipTypeEnum")))
        #expect(ArchiMateRelationships.relationshipTypes.count == 11)
    }

    @Test("the table is total: every type and pair answers, Association is allowed everywhere, Specialization between any two elements of one type")
    func tableIsTotal() {
        let elements = ArchiMateRelationships.elementTypes
        var pairs = 0
        var allowed = 0
        var perType: [String: Int] = [:]
        for source in elements {
            for target in elements {
                pairs += 1
                let types = ArchiMateRelationships.allowedTypes(from: source, to: target)
                for type in ArchiMateRelationships.relationshipTypes {
                    let allows = ArchiMateRelationships.allows(type, from: source, to: target)
                    #expect(allows == types.contains(type), "\(type) \(source) → \(target)")
                    if allows { allowed += 1; perType[type, default: 0] += 1 }
                }
                #expect(types.contains("Association"), "Association \(source) → \(target)")
                let junctions = ["AndJunction", "OrJunction"]
                if source == target && !junctions.contains(source) {
                    #expect(types.contains("Specialization"), "Specialization \(source) → \(target)")
                }
            }
        }
        #expect(pairs == 62 * 62)
        // Archi's 3.1 table allows 11,242 (type, source, target) among its 61 × 61 element types, one
        // Junction among them; here both junctions have its row and column, so 11,912.
        #expect(allowed == 11_912)
        // The same per type, counted in Archi's table the same way: a check that no letter was lost.
        #expect(perType == [
            "Composition": 351, "Aggregation": 378, "Assignment": 430, "Realization": 1_285, "Serving": 1_409, "Access": 348,
            "Influence": 793, "Triggering": 1_436, "Flow": 1_436, "Specialization": 202, "Association": 3_844,
        ])
    }
}
