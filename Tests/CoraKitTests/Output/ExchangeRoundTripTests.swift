import CoraCSV
import CoraKit
import Foundation
import Testing

/// Round trips through the ArchiMate exchange format: exchange document → model → exchange document
/// gives back every element, relationship, property, property definition and view of the input
/// (the sector's VERA releases), and model → document → model gives back the model.
@Suite("ArchiMate exchange format: round trips")
struct ExchangeRoundTripTests {
    /// Reads `bytes` as the command line reads an exchange document (`--keep-invalid` as asked).
    static func convert(_ bytes: [UInt8], file: String, keepInvalid: Bool = true) throws -> ConversionResult {
        var pipeline = Pipeline(.archiSet, settings: ConversionSettings(keepInvalid: keepInvalid))
        try pipeline.read(exchange: MemoryByteSource(bytes), file: file)
        return pipeline.finish()
    }

    /// `document` read back, with no finding.
    static func read(_ bytes: [UInt8]) throws -> ExchangeDocument {
        var sink = DiagnosticSink()
        let document = ExchangeReader().read(bytes: bytes, file: "out.xml", sink: &sink)
        #expect(sink.sorted().isEmpty, "\(sink.sorted())")
        return try #require(document)
    }

    /// A concept as a comparable value: its type, name, documentation, ends and attributes.
    static func key(_ concept: ExchangeConcept) -> String {
        [concept.type, concept.name, concept.documentation, concept.source ?? "", concept.target ?? "",
         concept.attributes.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: " ")].joined(separator: "\u{1F}")
    }

    /// A concept's properties as `name=value`, sorted.
    static func properties(_ concept: ExchangeConcept, in document: ExchangeDocument) -> [String] {
        let names = Dictionary(document.propertyDefinitions.map { ($0.identifier, $0.name) }, uniquingKeysWith: { first, _ in first })
        return concept.properties.map { "\(names[$0.definition] ?? "?")=\($0.value)" }.sorted()
    }

    @Test("VERA → model → exchange document: valid, and every element, relationship, property, definition and view comes back",
          arguments: ["3.2.1", "4.0", "4.3.1"])
    func vera(release: String) throws {
        let input = try ExchangeSchema.vera(release)
        let original = try Self.read(input)
        let result = try Self.convert(input, file: "VERA-\(release).xml")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code).allSatisfy { $0 == .invalidNesting })
        let output = ExchangeRenderer().render(result.model)
        #expect(try ExchangeSchema.problems(output) == "")
        let back = try Self.read(output)

        #expect(back.identifier == original.identifier && back.name == original.name && back.documentation == original.documentation)
        #expect(back.language == original.language)
        for (kind, before, after) in [("element", original.elements, back.elements), ("relationship", original.relationships, back.relationships)] {
            let written = Dictionary(after.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
            var missing = 0, changed = 0, propertiesLost = 0
            for concept in before {
                guard let copy = written[concept.identifier] else {
                    missing += 1
                    continue
                }
                if Self.key(copy) != Self.key(concept) { changed += 1 }
                // Every property comes back; cora adds only the level (CORA-concepttype) of a process.
                let kept = Self.properties(copy, in: back)
                let extra = kept.filter { !Self.properties(concept, in: original).contains($0) }
                if !Self.properties(concept, in: original).allSatisfy(kept.contains) || !extra.allSatisfy({ $0.hasPrefix("CORA-concepttype=") }) {
                    propertiesLost += 1
                }
            }
            #expect(missing == 0 && changed == 0 && propertiesLost == 0, "\(kind)s: \(missing) missing, \(changed) changed, \(propertiesLost) with other properties")
        }
        // Same counts per type: nothing added but cora's views and definitions.
        for type in ["BusinessProcess", "BusinessFunction", "Grouping", "BusinessInteraction", "DataObject"] {
            #expect(back.elements.count { $0.type == type } == original.elements.count { $0.type == type }, "\(type)")
        }
        #expect(back.relationships.count == original.relationships.count)
        let types = Dictionary(back.elements.map { ($0.identifier, $0.type) }, uniquingKeysWith: { first, _ in first })
        let forbidden = back.relationships.filter { relationship in
            !ArchiMateRelationships.allows(relationship.type, from: types[relationship.source ?? ""] ?? "?", to: types[relationship.target ?? ""] ?? "?")
        }
        #expect(forbidden.isEmpty, "\(forbidden.prefix(3))")
        for definition in original.propertyDefinitions { #expect(back.propertyDefinitions.contains(definition)) }
        let views = Dictionary(back.views.map { ($0[attribute: "identifier"] ?? "", $0.withoutLines) }, uniquingKeysWith: { first, _ in first })
        for view in original.views {
            #expect(views[view[attribute: "identifier"] ?? ""] == view.withoutLines, "view \(view[attribute: "identifier"] ?? "")")
        }
        // cora's own views come on top: the landscape and one per business process.
        let generated = back.views.filter { ($0[attribute: "identifier"] ?? "").hasPrefix("cora-view-") }
        #expect(generated.count == back.views.count - original.views.count)
        #expect(generated.first?[attribute: "identifier"] == "cora-view-landscape")

        // Read again and written again: the same bytes (cora's views are made anew, not doubled).
        let again = try Self.convert(output, file: "out.xml")
        #expect(ExchangeRenderer().render(again.model) == output)
    }

    @Test("the sample → exchange document → model gives the same model, and writing that again gives the same bytes")
    func sample() throws {
        let original = try ExchangeFormatTests.sample()
        let output = ExchangeRenderer(title: "Woonstad Waterland").render(original)
        let back = try Self.convert(output, file: "ww.xml", keepInvalid: false)
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(withoutSources(back.model.processes) == withoutSources(original.processes))
        #expect(CanonicalCSVRenderer().render(back.model) == CanonicalCSVRenderer().render(original))
        #expect(ExchangeRenderer().render(back.model) == output)
    }

    @Test("ids that are no xs:ID come back through cora-id; hostile names and descriptions come back as they were")
    func identifiersAndText() throws {
        let original = try ExchangeFormatTests.model("""
            id,code,name,level,category,parent,function,services,description
            1,&amp;,"</name><x y=""1"">",bedrijfsproces,primair,,"F ""1"" & <2>",]]>,"regel 1\r\nregel 2\ttab  twee"
            1.1,P 1.1,"é ‮ 🏠",werkproces,primair,1,,,"  spaties  "
            P2,P2,Onderhouden,bedrijfsproces,primair,,,,
            """)
        let output = ExchangeRenderer().render(original)
        #expect(try ExchangeSchema.problems(output) == "")
        let back = try Self.convert(output, file: "out.xml", keepInvalid: false)
        #expect(back.diagnostics.filter { $0.severity == .error }.isEmpty, "\(back.diagnostics)")
        #expect(withoutSources(back.model.processes) == withoutSources(original.processes))
        #expect(back.model.processes.map(\.id) == ["1", "1.1", "P2"])
    }

    @Test("cora-ids that clash in a chain (each one's cora-id is the next one's identifier) all give way, in one step per link",
          .hangGuard)
    func clashingChainOfCoraIDs() throws {
        let count = 20_000
        var elements = ""
        for index in 0...count {
            let coraID = index < count
                ? "<properties><property propertyDefinitionRef=\"pid\"><value>e\(index + 1)</value></property></properties>" : ""
            elements += "<element identifier=\"e\(index)\" xsi:type=\"BusinessProcess\"><name>Proces \(index)</name>\(coraID)</element>\n"
        }
        let text = exchangeModel("""
              <elements>
            \(elements)  </elements>
              <propertyDefinitions>
                <propertyDefinition identifier="pid" type="string"><name>cora-id</name></propertyDefinition>
              </propertyDefinitions>
            """)
        let result = try Self.convert(Array(text.utf8), file: "chain.xml")
        // Every cora-id names the identifier of the next element, which keeps it (the last has none):
        // every element keeps its own identifier.
        #expect(result.model.processes.map(\.id) == (0...count).map { "e\($0)" })
    }
}
