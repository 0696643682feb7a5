import CoraCSV
import CoraKit
import Foundation
import Testing

/// Round trips through Archi's CSV format: model → `--to archi` → model, and Archi set → model → set.
@Suite("Archi CSV: round trips")
struct ArchiRoundTripTests {
    /// The shipped samples with their mappings.
    static let samples = [
        ("Samples/woonstad-waterland.csv", "canonical"),
        ("Samples/excel-nl/woningstichting-de-polder.csv", "excel-nl"),
        ("Samples/niveaus/woonbron-noord.csv", "niveaus"),
        ("Samples/cora-wiki/werkprocessen.csv", "cora-wiki"),
        ("Samples/edge-cases/vreemde-tekens.csv", "canonical"),
    ]

    /// The CORA-like Archi export made for the tests (from the content of woonstad-waterland.csv).
    static let archiSample = "Samples/archi/woonstad-waterland-"

    @Test("the canonical sample → Archi set → model gives the same model, and exporting that again gives the same bytes")
    func canonicalSample() throws {
        let original = try convertSample("Samples/woonstad-waterland.csv", mapping: "canonical").model
        let export = ArchiExportRenderer(title: "Woonstad Waterland").render(original)
        let back = try importArchiExport(export)
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(withoutSources(back.model.processes) == withoutSources(original.processes))
        #expect(back.model.propertyNames == original.propertyNames)
        #expect(ArchiExportRenderer(title: "ignored: the model row is kept").render(back.model) == export)
        #expect(CanonicalCSVRenderer().render(back.model) == CanonicalCSVRenderer().render(original))
    }

    @Test("the Archi sample → model → Archi set gives the same three files byte for byte, and keeps the non-process content whole")
    func archiSample() throws {
        let first = try importArchiSample()
        #expect(first.diagnostics.isEmpty, "\(first.diagnostics)")
        let export = ArchiExportRenderer(title: "not used").render(first.model)
        for table in ArchiTable.allCases {
            let original = try bytesOfFile(Self.archiSample + table.fileName)
            #expect(export.bytes(of: table) == original, "\(table.fileName) differs")
        }
        let retained = try #require(first.model.archi)
        #expect(retained.modelRow?.name == "Woonstad Waterland")
        #expect(retained.elements.map(\.type) == ["BusinessActor", "BusinessRole", "DataObject", "Product"])
        #expect(retained.relations.map(\.type) == [
            "AssociationRelationship", "AssignmentRelationship", "AssignmentRelationship", "AssociationRelationship",
        ])
        #expect(retained.properties.map(\.key) == ["Versie", "Eigenaar", "Gevoeligheid", "Bron", "CORA-id"])

        // Import → export → import: the same elements, relations and properties, in the same order, with the same values.
        let second = try importArchiExport(export)
        #expect(second.model.archi?.withoutLocations == retained.withoutLocations)
        #expect(withoutSources(second.model.processes) == withoutSources(first.model.processes))
    }

    @Test("the Archi sample converts to the same model as the canonical sample")
    func archiSampleIsTheCanonicalSample() throws {
        let archi = try importArchiSample().model
        let canonical = try convertSample("Samples/woonstad-waterland.csv", mapping: "canonical").model
        #expect(withoutSources(archi.processes) == withoutSources(canonical.processes))
        #expect(archi.processes.count == 73)
    }

    @Test("every shipped sample comes back from an Archi set as it went in, but for line breaks in names and property values (Archi makes them spaces)",
          arguments: samples)
    func everySample(_ path: String, _ mapping: String) throws {
        let original = try convertSample(path, mapping: mapping).model
        let back = try importArchiExport(ArchiExportRenderer().render(original))
        #expect(!back.diagnostics.contains { $0.severity == .error }, "\(back.diagnostics)")
        var expected = withoutSources(original.processes)
        for index in expected.indices {
            expected[index].name = ArchiCSVReader.normalise(expected[index].name)
            expected[index].properties = expected[index].properties.map {
                Property(name: ArchiCSVReader.normalise($0.name), value: ArchiCSVReader.normalise($0.value))
            }
        }
        #expect(withoutSources(back.model.processes) == expected)
    }
}

// MARK: Support

/// The bytes of a file relative to the package root.
func bytesOfFile(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: packageRoot.appendingPathComponent(path)))
}

/// A shipped sample converted with a shipped mapping.
func convertSample(_ path: String, mapping: String) throws -> ConversionResult {
    try Pipeline.convert(MemoryByteSource(try bytesOfFile(path)), file: path, mapping: try MappingCatalog.builtin.mapping(named: mapping))
}

/// The processes without their source locations.
func withoutSources(_ processes: some Sequence<CoraProcess>) -> [CoraProcess] {
    processes.map { process in
        var copy = process
        copy.source = nil
        return copy
    }
}

/// Reads an export back as the command line would read its files.
func importArchiExport(_ export: ArchiExport) throws -> ConversionResult {
    try importArchiFiles([ArchiTable.allCases.map { ($0, $0.fileName, export.bytes(of: $0)) }])
}

/// The Archi sample `Samples/archi/woonstad-waterland-*.csv` converted.
func importArchiSample() throws -> ConversionResult {
    try importArchiFiles([ArchiTable.allCases.map { table in
        let path = ArchiRoundTripTests.archiSample + table.fileName
        return (table, path, try bytesOfFile(path))
    }])
}
