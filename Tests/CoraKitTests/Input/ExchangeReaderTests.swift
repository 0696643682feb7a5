import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``ExchangeReader`` on the sector's real exchange documents (Aedes' VERA domain models,
/// `../shared/realworld/vera-domeinmodellen`, with the counts of their SOURCE.md) and on broken
/// and hostile ones: every problem a diagnostic with its code and line, never a crash or a hang.
@Suite("Exchange reader")
struct ExchangeReaderTests {
    // MARK: VERA

    struct Release: Sendable, CustomTestStringConvertible {
        var name: String
        var elements, relationships, views, businessProcesses, businessFunctions, groupings: Int
        var testDescription: String { "VERA \(name)" }
    }

    static let releases = [
        Release(name: "3.2.1", elements: 336, relationships: 1_348, views: 60, businessProcesses: 100, businessFunctions: 19, groupings: 23),
        Release(name: "4.0", elements: 366, relationships: 1_478, views: 62, businessProcesses: 111, businessFunctions: 21, groupings: 25),
        Release(name: "4.3.1", elements: 447, relationships: 1_761, views: 81, businessProcesses: 135, businessFunctions: 25, groupings: 27),
    ]

    @Test("the VERA releases read without a finding, with SOURCE.md's counts", arguments: releases)
    func vera(release: Release) throws {
        let (document, diagnostics) = try readVERA(release.name)
        let model = try #require(document)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(model.name == "VERA \(release.name)")
        #expect(model.language == "en")
        #expect(model.elements.count == release.elements)
        #expect(model.relationships.count == release.relationships)
        #expect(model.views.count == release.views)
        #expect(model.elements.count(where: { $0.type == "BusinessProcess" }) == release.businessProcesses)
        #expect(model.elements.count(where: { $0.type == "BusinessFunction" }) == release.businessFunctions)
        #expect(model.elements.count(where: { $0.type == "Grouping" }) == release.groupings)
        #expect(model.organizations.isEmpty)
        #expect(model.metadata == nil)
        #expect(model.viewpoints == nil)
    }

    @Test("VERA 4.3.1 field by field: the model, an element with CR LF in its documentation, relationships, a view and its first node")
    func veraFields() throws {
        let (document, _) = try readVERA("4.3.1")
        let model = try #require(document)
        #expect(model.identifier == "bab45d6e-3c12-4b5a-8106-53717c3a0d91")
        #expect(model.version == nil)
        #expect(model.documentation == "Release VERA 4.3.1")
        #expect(model.propertyDefinitions.map(\.identifier) == ["propid-1", "propid-3", "propid-2", "propid-5", "propid-4", "propid-7", "propid-6"])
        #expect(model.propertyDefinitions.first == ExchangePropertyDefinition(identifier: "propid-1", name: "", type: "string"))

        #expect(model.elements.first { $0.identifier == "id-127d7d644f604905af5a9d9f3140d178" } == ExchangeConcept(
            identifier: "id-127d7d644f604905af5a9d9f3140d178", type: "BusinessProcess", name: "WP initieren fase",
            documentation: "Definitie\r\n\r\nActiviteiten\r\n- haalbaarheid bepalen\r\n- bewaken mandatering", line: 157))
        #expect(model.relationships.first { $0.identifier == "id-f97247af87274bdba6bf93e4b1fc8493" } == ExchangeConcept(
            identifier: "id-f97247af87274bdba6bf93e4b1fc8493", type: "Access",
            source: "id-22fbeaada3b245de83a3305c8677d346", target: "id-3a899fd6b831414aad4f6cc2e030f21a",
            attributes: [XMLAttribute("accessType", "Write")], line: 5866))
        let association = try #require(model.relationships.first { $0.identifier == "id-02183037-cb49-4abf-9a75-883e5524fe76" })
        #expect(association.type == "Association")
        #expect(association.name == "zaakstatussen")
        #expect(association.attributes == [XMLAttribute("isDirected", "true")])
        let triggering = try #require(model.relationships.first { $0.identifier == "id-148e0acc-85da-4c6d-b9c1-eedf07388284" })
        #expect(triggering.type == "Triggering")
        #expect(triggering.name == "Synchroniseren Relatie")
        #expect(triggering.properties == [
            ExchangeProperty(definition: "propid-4", value: "Trigger"),
            ExchangeProperty(definition: "propid-3", value: "Relatie synchroniseren"),
            ExchangeProperty(definition: "propid-6", value: "BRG:Relaties"),
        ])
        #expect(triggering.line == 8943)

        let view = model.views[0]
        #expect(view.name == "view")
        #expect(view.line == 11303)
        #expect(view.attributes == [
            XMLAttribute("identifier", "id-6ffd8070-9cf2-40ff-9c8d-cae7f77b7d8f"), XMLAttribute("xsi:type", "Diagram"),
            XMLAttribute("viewpoint", "Business Process Cooperation"),
        ])
        #expect(view.child("name") == XMLTree("name", attributes: [XMLAttribute("xml:lang", "en")], text: "Projectontwikkeling", line: 11304))
        #expect(view.child("properties")?.children.count == 2)
        let node = try #require(view.child("node"))
        #expect(node.line == 11314)
        #expect(node.attributes == [
            XMLAttribute("identifier", "id-f4f92c644bf5423483f986b4bd2637dd"), XMLAttribute("elementRef", "id-33146ba2ba974ff98c8196a61515310a"),
            XMLAttribute("xsi:type", "Element"), XMLAttribute("x", "12"), XMLAttribute("y", "12"), XMLAttribute("w", "1621"), XMLAttribute("h", "517"),
        ])
        #expect(node.text == "")
        #expect(node.child("style")?.withoutLines == XMLTree("style", children: [
            XMLTree("fillColor", attributes: [XMLAttribute("r", "255"), XMLAttribute("g", "255"), XMLAttribute("b", "255"), XMLAttribute("a", "100")]),
            XMLTree("lineColor", attributes: [XMLAttribute("r", "92"), XMLAttribute("g", "92"), XMLAttribute("b", "92"), XMLAttribute("a", "100")]),
            XMLTree("font", attributes: [XMLAttribute("name", "Segoe UI"), XMLAttribute("size", "9")], children: [
                XMLTree("color", attributes: [XMLAttribute("r", "0"), XMLAttribute("g", "0"), XMLAttribute("b", "0")]),
            ]),
        ]))
        #expect(node.children("node").first?[attribute: "elementRef"] == "id-bbdac381d01749d3b163827cf96afcec")
    }

    @Test("a truncated VERA release (its first half) is not well-formed: one error, nothing read")
    func truncatedVERA() throws {
        let bytes = try veraBytes("4.3.1")
        let half = Array(bytes.prefix(bytes.count / 2))
        var sink = DiagnosticSink()
        #expect(ExchangeReader().read(bytes: half, file: "half.xml", sink: &sink) == nil)
        #expect(sink.diagnostics.map(\.code) == [.exchangeNotXML])
        let line = 1 + half.count(where: { $0 == 0x0A })
        #expect(sink.diagnostics.first?.line == line)
        #expect(sink.diagnostics.first?.message.hasPrefix("the file is not well-formed XML: the file ends before <") == true, "\(sink.diagnostics)")
    }

    @Test("a ByteSource reads the same document as the bytes")
    func byteSource() throws {
        let bytes = try veraBytes("3.2.1")
        var sink = DiagnosticSink()
        let fromSource = try ExchangeReader().read(MemoryByteSource(bytes), file: "v.xml", sink: &sink)
        let fromBytes = ExchangeReader().read(bytes: bytes, file: "v.xml", sink: &sink)
        #expect(fromSource != nil)
        #expect(fromSource == fromBytes)
        #expect(sink.diagnostics.isEmpty)
    }
}

/// Broken and hostile exchange documents: each refused or read with its finding (code, line,
/// message), never a crash, a hang, an expanded entity or a read file.
@Suite("Exchange reader: broken and hostile documents")
struct ExchangeReaderHostileTests {
    @Test("not well-formed: the end tag that does not match, with its line and column; nothing read")
    func notWellFormed() {
        let reading = readExchange(exchangeModel("""
              <elements>
                <element identifier="e1" xsi:type="BusinessProcess"><name>A</name></element>
              </elements>
            </mdl>
            """))
        #expect(reading.document == nil)
        #expect(reading.findings == [
            "error exchange-not-xml 7: the file is not well-formed XML: the end tag does not match the start tag <model> (line 2) (line 7, column 7); nothing of the file is read",
        ])
    }

    @Test("an unclosed element: the file ends before the innermost open element is closed")
    func unclosed() {
        let reading = readExchange(exchangeModel("  <elements>\n").replacingOccurrences(of: "</model>", with: ""))
        #expect(reading.document == nil)
        #expect(reading.findings == [
            "error exchange-not-xml 6: the file is not well-formed XML: the file ends before <elements> (line 4) is closed (line 6, column 1); nothing of the file is read",
        ])
    }

    @Test("the wrong namespace, and the wrong root: not an exchange document, naming what was found")
    func notAModel() {
        var reading = readExchange("""
            <?xml version="1.0"?>
            <model xmlns="http://www.opengroup.org/xsd/archimate" identifier="m"><name>x</name></model>
            """)
        #expect(reading.document == nil)
        #expect(reading.findings == [
            "error exchange-not-model 2: the root element is <model> in the namespace http://www.opengroup.org/xsd/archimate, not <model> in the namespace http://www.opengroup.org/xsd/archimate/3.0/: not an ArchiMate exchange document; nothing of the file is read",
        ])
        reading = readExchange("<archimate:model xmlns:archimate=\"http://www.archimatetool.com/archimate\" name=\"x\"/>")
        #expect(reading.findings == [
            "error exchange-not-model 1: the root element is <model> in the namespace http://www.archimatetool.com/archimate, not <model> in the namespace http://www.opengroup.org/xsd/archimate/3.0/: not an ArchiMate exchange document; nothing of the file is read",
        ])
        reading = readExchange("<html><body/></html>")
        #expect(reading.findings == [
            "error exchange-not-model 1: the root element is <html> in no namespace, not <model> in the namespace http://www.opengroup.org/xsd/archimate/3.0/: not an ArchiMate exchange document; nothing of the file is read",
        ])
    }

    @Test("a DOCTYPE is refused before parsing: billion laughs expand nothing, an external entity reads no file")
    func doctype() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE model [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            ]>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&lol9;</name></model>
            """
        let external = """
            <?xml version="1.0"?>
            <!-- a comment first -->
            <!DOCTYPE model [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&secret;</name></model>
            """
        for (text, line) in [(laughs, 2), (external, 3)] {
            let reading = readExchange(text)
            #expect(reading.document == nil)
            #expect(reading.findings == [
                "error exchange-doctype \(line): the document has a DOCTYPE declaration; cora reads no DTD (its entities could expand without bound or read other files), so nothing of the file is read",
            ])
            let everything = reading.diagnostics.map { "\($0)" }.joined()
            #expect(!everything.contains("lollol") && !everything.contains("root:"))
        }
        // Lower case, after a UTF-8 byte order mark: refused all the same.
        let bom = readExchange(bytes: [0xEF, 0xBB, 0xBF] + Array("<!doctype model><model/>".utf8))
        #expect(bom.findings == [
            "error exchange-doctype 1: the document has a DOCTYPE declaration; cora reads no DTD (its entities could expand without bound or read other files), so nothing of the file is read",
        ])
    }

    @Test("an unknown xsi:type, and a type without the exchange format's name: the concept is left out")
    func unknownType() throws {
        let reading = readExchange(exchangeModel("""
              <elements>
                <element identifier="e1" xsi:type="BusinessProces"><name>A</name></element>
                <element identifier="e2" xsi:type="BusinessProcess"><name>B</name></element>
                <element identifier="e3"><name>C</name></element>
              </elements>
              <relationships>
                <relationship identifier="r1" source="e2" target="e2" xsi:type="TriggeringRelationship"/>
                <relationship identifier="r2" source="e2" target="e2" xsi:type="Flow"/>
              </relationships>
            """))
        let document = try #require(reading.document)
        #expect(document.elements.map(\.identifier) == ["e2"])
        #expect(document.relationships.map(\.identifier) == ["r2"])
        #expect(reading.findings == [
            "error exchange-unknown-type 5: \"BusinessProces\" is not an ArchiMate element type of the exchange format; the element \"e1\" is left out",
            "error exchange-unknown-type 7: the element \"e3\" has no xsi:type; it is left out",
            "error exchange-unknown-type 10: \"TriggeringRelationship\" is not an ArchiMate relationship type of the exchange format; the relationship \"r1\" is left out",
        ])
        #expect(reading.diagnostics[0].hint?.hasPrefix("did you mean \"BusinessProcess\"?") == true)
        #expect(reading.diagnostics[2].hint == "the exchange format writes \"Triggering\" (Archi's CSV files write \"TriggeringRelationship\")")
    }

    @Test("a dangling end: the relationship is left out, and a relationship on it after it")
    func danglingEnd() throws {
        let reading = readExchange(exchangeModel("""
              <elements>
                <element identifier="e1" xsi:type="BusinessProcess"><name>A</name></element>
              </elements>
              <relationships>
                <relationship identifier="r1" source="e1" target="r2" xsi:type="Association"/>
                <relationship identifier="r2" source="e1" target="nowhere" xsi:type="Triggering"/>
                <relationship identifier="r3" target="e1" xsi:type="Flow"/>
                <relationship identifier="r4" source="e1" target="e1" xsi:type="Composition"/>
              </relationships>
            """))
        let document = try #require(reading.document)
        #expect(document.relationships.map(\.identifier) == ["r4"])
        #expect(reading.findings == [
            "error exchange-missing-end 9: the target \"nowhere\" of the relationship \"r2\" is no element or relationship of this document; the relationship is left out",
            "error exchange-missing-end 8: the target \"r2\" of the relationship \"r1\" is no element or relationship of this document; the relationship is left out",
            "error exchange-missing-end 10: the relationship \"r3\" has no source; it is left out",
        ])
    }

    @Test("a duplicate identifier names both lines; across elements, relationships, views and nodes")
    func duplicateIdentifier() throws {
        let reading = readExchange(exchangeModel("""
              <elements>
                <element identifier="e1" xsi:type="BusinessProcess"><name>A</name></element>
                <element identifier="e1" xsi:type="BusinessFunction"><name>B</name></element>
              </elements>
              <relationships>
                <relationship identifier="e1" source="e1" target="e1" xsi:type="Flow"/>
              </relationships>
              <views>
                <diagrams>
                  <view identifier="v1" xsi:type="Diagram">
                    <name>V</name>
                    <node identifier="m" elementRef="e1" xsi:type="Element" x="0" y="0" w="120" h="55"/>
                  </view>
                </diagrams>
              </views>
            """))
        let document = try #require(reading.document)
        #expect(document.elements.map(\.name) == ["A"])
        #expect(document.relationships.isEmpty)
        #expect(reading.findings == [
            "error duplicate-id 6: the identifier \"e1\" is also used on line 5; this element is left out",
            "error duplicate-id 9: the identifier \"e1\" is also used on line 5; this relationship is left out",
            "error duplicate-id 15: the identifier \"m\" is also used on line 2",
        ])
    }

    @Test("a missing identifier: the element is left out; a node without one is reported")
    func missingIdentifier() throws {
        let reading = readExchange(exchangeModel("""
              <elements>
                <element xsi:type="BusinessProcess"><name>A</name></element>
                <element identifier="" xsi:type="BusinessProcess"/>
              </elements>
              <views>
                <diagrams>
                  <view identifier="v1" xsi:type="Diagram">
                    <node xsi:type="Label" x="0" y="0" w="120" h="55"/>
                  </view>
                  <view xsi:type="Diagram"><name>Zonder id</name></view>
                </diagrams>
              </views>
            """, identifier: nil))
        let document = try #require(reading.document)
        #expect(document.identifier == "")
        #expect(document.elements.isEmpty)
        #expect(document.views.count == 1)
        #expect(reading.findings == [
            "error exchange-missing-id 2: the model has no identifier",
            "error exchange-missing-id 5: the element \"A\" has no identifier; it is left out",
            "error exchange-missing-id 6: the element has no identifier; it is left out",
            "error exchange-missing-id 13: the view \"Zonder id\" has no identifier; it is left out",
            "error exchange-missing-id 11: a view node has no identifier",
        ])
    }

    @Test("references to nothing: a property's definition (left out), a view node's element and a connection's relationship (kept)")
    func unknownReferences() throws {
        let reading = readExchange(exchangeModel("""
              <properties>
                <property propertyDefinitionRef="propid-9"><value>x</value></property>
              </properties>
              <elements>
                <element identifier="e1" xsi:type="BusinessProcess">
                  <name>A</name>
                  <properties>
                    <property propertyDefinitionRef="propid-1"><value xml:lang="nl">1</value><value xml:lang="en">one</value></property>
                    <property propertyDefinitionRef="propid-2"><value>2</value></property>
                  </properties>
                </element>
              </elements>
              <propertyDefinitions>
                <propertyDefinition identifier="propid-1" type="number"><name>Code</name></propertyDefinition>
              </propertyDefinitions>
              <views>
                <diagrams>
                  <view identifier="v1" xsi:type="Diagram">
                    <properties><property propertyDefinitionRef="propid-3"><value>v</value></property></properties>
                    <node identifier="n1" elementRef="gone" xsi:type="Element" x="0" y="0" w="120" h="55"/>
                    <connection identifier="c1" relationshipRef="gone-too" xsi:type="Relationship" source="n1" target="n1"/>
                  </view>
                </diagrams>
              </views>
            """))
        let document = try #require(reading.document)
        #expect(document.properties.isEmpty)
        #expect(document.elements[0].properties == [ExchangeProperty(definition: "propid-1", value: "1")])
        #expect(document.propertyDefinitions == [ExchangePropertyDefinition(identifier: "propid-1", name: "Code", type: "number")])
        let view = document.views[0]
        #expect(view.child("properties") == nil)
        #expect(view.children.map(\.name) == ["node", "connection"])
        #expect(reading.findings == [
            "warning exchange-unknown-reference 5: the property refers to the property definition \"propid-9\", which the document does not define; it is left out",
            "warning exchange-unknown-reference 12: the property refers to the property definition \"propid-2\", which the document does not define; it is left out",
            "warning exchange-unknown-reference 22: the property refers to the property definition \"propid-3\", which the document does not define; it is left out",
            "warning exchange-unknown-reference 23: the view node \"n1\" shows the element \"gone\", which is not in the document",
            "warning exchange-unknown-reference 24: the connection \"c1\" shows the relationship \"gone-too\", which is not in the document",
        ])
    }

    @Test("over the size limit: refused, naming the limit and the line where it is passed")
    func tooLarge() throws {
        let text = exchangeModel(String(repeating: "  <!-- filler -->\n", count: 100))
        let reading = readExchange(text, limits: ExchangeReader.Limits(maxBytes: 1_000))
        #expect(reading.document == nil)
        let line = 1 + Array(text.utf8).prefix(1_000).count(where: { $0 == 0x0A })
        #expect(reading.findings == [
            "error exchange-too-large \(line): the document is larger than the limit of 1000 bytes; the limit is passed on line \(line); nothing of the file is read",
        ])
        // Through a ByteSource, which is read one byte past the limit only.
        var sink = DiagnosticSink()
        let document = try ExchangeReader(limits: ExchangeReader.Limits(maxBytes: 1_000)).read(MemoryByteSource(Array(text.utf8)), file: "big.xml", sink: &sink)
        #expect(document == nil)
        #expect(sink.diagnostics.map(\.code) == [.exchangeTooLarge])
        // Too many XML elements.
        let elements = readExchange(exchangeModel("<elements>\n" + String(repeating: "<element identifier=\"x\"/>\n", count: 20) + "</elements>"),
                                    limits: ExchangeReader.Limits(maxElements: 10))
        #expect(elements.findings == [
            "error exchange-too-large 12: the document has more than 10 XML elements; the limit is passed on line 12; nothing of the file is read",
        ])
    }

    @Test("10,000 nested view nodes: one diagnostic, no stack overflow")
    func deepNesting() {
        let depth = 10_000
        let nodes = (0..<depth).map { "<node identifier=\"n\($0)\" xsi:type=\"Label\">" }.joined(separator: "\n")
            + String(repeating: "</node>", count: depth)
        let reading = readExchange(exchangeModel("<views><diagrams><view identifier=\"v\" xsi:type=\"Diagram\">\n" + nodes + "</view></diagrams></views>"))
        #expect(reading.document == nil)
        // The root is at depth 1; views, diagrams, view take 2 to 4; node 196 is at depth 200.
        #expect(reading.findings == [
            "error exchange-too-deep 201: the XML elements nest deeper than 200 levels here (<node>); nothing of the file is read",
        ])
    }

    @Test("an empty file, a blank one, one with only a byte order mark")
    func empty() {
        for bytes: [UInt8] in [[], Array(" \r\n\t".utf8), [0xEF, 0xBB, 0xBF]] {
            let reading = readExchange(bytes: bytes)
            #expect(reading.document == nil)
            #expect(reading.findings == ["error empty-file 1: the file is empty; an exchange document is one <model> element"])
        }
        let comment = readExchange("<?xml version=\"1.0\"?>\n<!-- nothing -->\n")
        #expect(comment.findings.count == 1)
        #expect(comment.diagnostics.first?.code == .exchangeNotXML)
    }

    @Test("UTF-16 with a byte order mark, a UTF-8 byte order mark, prefixes: the same document")
    func encodingsAndPrefixes() throws {
        let text = exchangeModel("""
              <elements>
                <element identifier="e1" xsi:type="BusinessProcess"><name xml:lang="nl">Verhuren  eenheden &amp; meer</name>
                  <documentation>regel 1&#xD;
            regel 2</documentation></element>
              </elements>
            """)
        let plain = try #require(readExchange(text).document)
        #expect(plain.elements == [ExchangeConcept(identifier: "e1", type: "BusinessProcess", name: "Verhuren  eenheden & meer",
                                                   documentation: "regel 1\r\nregel 2", line: 5)])
        var utf16LE: [UInt8] = [0xFF, 0xFE]
        for unit in text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").utf16 {
            utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let wide = readExchange(bytes: utf16LE)
        #expect(wide.findings.isEmpty)
        #expect(wide.document == plain)
        #expect(readExchange(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)).document == plain)

        // Other prefixes for the schema instance and for the exchange format, a start tag over three lines.
        let prefixed = """
            <a:model xmlns:a="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
              <a:name>M</a:name>
              <a:elements>
                <a:element
                    i:type="a:BusinessProcess"
                    identifier="e1"><a:name>P</a:name></a:element>
              </a:elements>
            </a:model>
            """
        let document = try #require(readExchange(prefixed).document)
        #expect(document.name == "M")
        #expect(document.elements == [ExchangeConcept(identifier: "e1", type: "BusinessProcess", name: "P", line: 4)])
    }

    @Test("UTF-16 without a byte order mark is refused, as are bytes that are not XML")
    func notXML() {
        let reading = readExchange(bytes: [0x3C, 0x00, 0x6D, 0x00, 0x3E, 0x00])
        #expect(reading.findings == [
            "error exchange-not-xml 1: the file is in UTF-16 or UTF-32 without a byte order mark, or in EBCDIC; nothing of the file is read",
        ])
        let csv = readExchange("Name,Level\nVerhuren,bedrijfsproces\n")
        #expect(csv.document == nil)
        #expect(csv.diagnostics.map(\.code) == [.exchangeNotXML])
        let bad = readExchange(bytes: Array("<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"><name>".utf8) + [0xC3, 0x28] + Array("</name></model>".utf8))
        #expect(bad.diagnostics.map(\.code) == [.exchangeNotXML])
    }

    @Test("isExchangeDocument: the root element model in the 3.0 namespace, seen in the first bytes")
    func detection() throws {
        let vera = try veraBytes("4.0")
        #expect(ExchangeReader.isExchangeDocument(prefix: Array(vera.prefix(4096))))
        #expect(ExchangeReader.isExchangeDocument(prefix: Array(vera.prefix(200))))
        #expect(ExchangeReader.isExchangeDocument(prefix: Array("<!-- c --><a:model xmlns:a='http://www.opengroup.org/xsd/archimate/3.0/'>".utf8)))
        #expect(!ExchangeReader.isExchangeDocument(prefix: Array("<model xmlns=\"http://www.opengroup.org/xsd/archimate/2.1/\">".utf8)))
        #expect(!ExchangeReader.isExchangeDocument(prefix: Array("<models xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">".utf8)))
        #expect(!ExchangeReader.isExchangeDocument(prefix: Array("\"ID\",\"Type\",\"Name\"\n".utf8)))
        #expect(!ExchangeReader.isExchangeDocument(prefix: []))
    }
}

// MARK: Test support

/// An exchange document: the XML declaration (line 1), `<model>` (line 2) with `identifier`, its
/// name (line 3), then `body` from line 4, then `</model>`.
func exchangeModel(_ body: String, identifier: String? = "m") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\(identifier.map { " identifier=\"\($0)\"" } ?? "")>
      <name xml:lang="en">Test</name>
    \(body)
    </model>
    """
}

/// What reading `text` as `test.xml` gave.
struct ExchangeReadingResult {
    var document: ExchangeDocument?
    var diagnostics: [Diagnostic]
    /// Each finding as `severity code line: message`.
    var findings: [String] { diagnostics.map { "\($0.severity.rawValue) \($0.code) \($0.line.map(String.init) ?? "-"): \($0.message)" } }
}

func readExchange(_ text: String, limits: ExchangeReader.Limits = .init()) -> ExchangeReadingResult {
    readExchange(bytes: Array(text.utf8), limits: limits)
}

func readExchange(bytes: [UInt8], limits: ExchangeReader.Limits = .init()) -> ExchangeReadingResult {
    var sink = DiagnosticSink()
    let document = ExchangeReader(limits: limits).read(bytes: bytes, file: "test.xml", sink: &sink)
    return ExchangeReadingResult(document: document, diagnostics: sink.diagnostics)
}

/// The bytes of `VERA-<release>.xml` in `../shared/realworld/vera-domeinmodellen`.
func veraBytes(_ release: String) throws -> [UInt8] {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/vera-domeinmodellen/VERA-\(release).xml")
    try #require(FileManager.default.fileExists(atPath: url.path), "missing \(url.path)")
    return Array(try Data(contentsOf: url))
}

/// `VERA-<release>.xml` read, with the findings.
func readVERA(_ release: String) throws -> (ExchangeDocument?, [Diagnostic]) {
    var sink = DiagnosticSink()
    let document = ExchangeReader().read(bytes: try veraBytes(release), file: "VERA-\(release).xml", sink: &sink)
    return (document, sink.diagnostics)
}
