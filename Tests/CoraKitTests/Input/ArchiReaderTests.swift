import CoraCSV
import CoraKit
import Foundation
import Testing

/// Archi's own importer test data (`../shared/realworld/archi-csv-testdata`, copied unmodified from
/// archimatetool/archi, tests/com.archimatetool.csv.tests/testdata) read as Archi's importer reads it.
///
/// What Archi does, from its importer (com.archimatetool.csv.importer.CSVImporter, Archi 5.x) and
/// Apache Commons CSV, which it reads with:
/// - test1/test2: values with line breaks and doubled quotes inside quoted fields; the model row is
///   not an element; a key may repeat on one concept (both properties are kept: 7 properties).
/// - test3: an empty ID gets a new random id from Archi (cora keeps it empty and writes it back
///   empty, so Archi makes one again); `"This has an Identifier" ,""` is two fields, the space
///   after the closing quote ignored (Commons CSV skips whitespace between a closing quote and the
///   delimiter); there is no properties.csv, which is optional.
/// - test4/test4a: test4a-relations.csv has no elements.csv beside it: its ends are not in the set.
/// - test5: lines starting with `#` are comments (Archi 5.8 and later); there is only elements.csv.
/// - test6: LF line ends; three relations with the id r1 and no elements.csv. Archi keeps the last
///   row of a repeated id (its new concepts are a map by id); cora keeps the first and reports the
///   others as duplicate-id, as for every other input.
@Suite("Archi CSV: Archi's importer test data")
struct ArchiReaderTests {
    @Test("test1: 3 elements and the model row, 2 relations, 7 properties; multi-line documentation with doubled quotes")
    func test1() throws {
        let reading = try readArchiTestSet("test1")
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        let model = reading.model
        #expect(model.elements.count == 4)
        #expect(model.concepts.count == 3)
        #expect(model.relations.count == 2)
        #expect(model.properties.count == 7)
        let modelRow = try #require(model.modelRow)
        #expect(modelRow.id == "862677a6")
        #expect(modelRow.name == "Test Model")
        #expect(modelRow.documentation == "This is the Purpose of the Model.\r\nIt has a line break and \"some\" quotes.\r\n")
        #expect(model.concepts[0] == ArchiElement(
            id: "f00aa5b4", type: "BusinessActor", name: "Business Actor",
            documentation: "This is the Business Actor\r\nDocumentation\r\nHere \"\"\r\n", specialization: "Specialization1",
            location: SourceLocation(file: "test1-elements.csv", line: 5, record: 3)))
        #expect(model.concepts.map(\.type) == ["BusinessActor", "BusinessInterface", "BusinessRole"])
        #expect(model.concepts[2].documentation == "Some more docs\r\nHere\r\n")
        #expect(model.relations[0].documentation == "Assignment documentation\r\nIs here \"hello\"")
        #expect(model.relations[0].source == "f00aa5b4" && model.relations[0].target == "f6a18059")
        #expect(model.relations[1].type == "CompositionRelationship")
        #expect(model.relations[1].documentation == "Here it is\r\nagain\r\n\r\n\r\n")
        #expect(model.properties(of: "862677a6").map(\.value) == ["Hello World \"Here\"!", "Again"])
        #expect(model.properties(of: "f00aa5b4").map(\.key) == ["Property 1", "Property 2", "Property 3", "Property 3"])
        #expect(model.properties(of: "f00aa5b4")[1].value == "Another one \"here\"")
        #expect(model.properties(of: "5854f8a3").map(\.value) == ["values"])
        #expect(reading.inputs.map(\.rowsRead) == [4, 2, 7])
        #expect(reading.inputs.allSatisfy { $0.dialect.delimiter == UInt8(ascii: ",") })
    }

    @Test("test2: the same set with changed names and values")
    func test2() throws {
        let reading = try readArchiTestSet("test2")
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        #expect(reading.model.elements.count == 4)
        #expect(reading.model.relations.count == 2)
        #expect(reading.model.properties.count == 7)
        #expect(reading.model.modelRow?.name == "Test Model changed")
        #expect(reading.model.concepts[0].name == "Name changed")
        #expect(reading.model.relations[0].name == "Assignment relation changed")
        #expect(reading.model.properties(of: "f00aa5b4").map(\.value) == ["A new value", "Another one \"here\"", "Changed this one", "Again"])
    }

    @Test("test3: empty ids are read as empty; the space after a closing quote is ignored; no properties.csv")
    func test3() throws {
        let reading = try readArchiTestSet("test3")
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        let model = reading.model
        #expect(model.elements.count == 6)
        #expect(model.concepts.count == 5)
        #expect(model.modelRow?.id == "")
        #expect(model.concepts.map(\.id) == ["", "", "", "id1", "id2"])
        let last = model.concepts[4]
        #expect(last.type == "BusinessRole" && last.name == "Another Business Role")
        #expect(last.documentation == "This has an Identifier")
        #expect(last.specialization == "")
        #expect(model.relations == [ArchiRelation(
            id: "", type: "AssignmentRelationship", name: "Assignment relation", documentation: "No ID!", source: "id1", target: "id2",
            specialization: "", location: SourceLocation(file: "test3-relations.csv", line: 2, record: 2))])
        #expect(model.properties.isEmpty)
        #expect(reading.inputs.count == 2)
    }

    @Test("test4: 4 elements and 2 relations; test4a-relations.csv alone has no elements for its ends")
    func test4() throws {
        let reading = try readArchiTestSet("test4")
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        #expect(reading.model.concepts.map(\.id) == ["e1", "e2", "e3", "e4"])
        #expect(reading.model.relations.map(\.id) == ["r1", "r2"])

        let alone = try readArchiTestSet("test4a")
        #expect(alone.model.relations.isEmpty)
        #expect(alone.diagnostics.map(summary) == [
            "archi-missing-file@-", "archi-missing-end@2:5", "archi-missing-end@2:6", "archi-missing-end@3:5", "archi-missing-end@3:6",
        ])
        #expect(alone.diagnostics[0].severity == .warning)
        #expect(alone.diagnostics[1].value == "e2")
        #expect(alone.rejectedRecords.count == 2)
    }

    @Test("test5: comment lines are skipped, line numbers stay those of the file")
    func test5() throws {
        let reading = try readArchiTestSet("test5")
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        #expect(reading.model.modelRow == nil)
        #expect(reading.model.concepts.map(\.id) == ["id1", "id2"])
        #expect(reading.model.concepts.map { $0.location?.line } == [4, 6])
        #expect(reading.model.concepts[1].documentation == "This has an Identifier")
        #expect(reading.inputs.map(\.rowsRead) == [2])
    }

    @Test("test6: LF line ends and one id on three relations: the first is kept, the others are duplicate-id errors")
    func test6() throws {
        let alone = try readArchiTestSet("test6")
        #expect(alone.inputs.map(\.rowsRead) == [3])
        #expect(alone.inputs[0].dialect.lineEnding == .lf)
        #expect(alone.model.relations.isEmpty)
        #expect(alone.diagnostics.map(summary) == [
            "archi-missing-file@-", "duplicate-id@3:1", "duplicate-id@4:1", "archi-missing-end@2:5", "archi-missing-end@2:6",
        ])

        // With the elements of test4, as Archi's test imports them first.
        let directory = try archiTestDataDirectory()
        let reading = try readArchiFiles([(ArchiTable.elements, "test4-elements.csv"), (.relations, "test6-relations.csv")].map { table, name in
            (table, name, Array(try Data(contentsOf: directory.appendingPathComponent(name))))
        })
        #expect(reading.model.relations.map { "\($0.id):\($0.source)→\($0.target)" } == ["r1:e1→e3"])
        #expect(reading.diagnostics.map(summary) == ["duplicate-id@3:1", "duplicate-id@4:1"])
    }

    @Test("relations on relations: a chain whose last link has a missing end is refused link by link; a relation on a kept relation stays")
    func relationsOnRelations() throws {
        let reading = try readArchiSet(
            elements: [
                #""ID","Type","Name","Documentation","Specialization""#,
                #""o","BusinessObject","Contract","","""#,
                #""p","BusinessActor","Huurder","","""#,
            ].joined(separator: "\n") + "\n",
            relations: [
                #""ID","Type","Name","Documentation","Source","Target","Specialization""#,
                #""r1","AssociationRelationship","","","r2","o","""#,
                #""r2","AssociationRelationship","","","r3","o","""#,
                #""r3","AssociationRelationship","","","gone","o","""#,
                #""r4","AssignmentRelationship","","","p","o","""#,
                #""r5","AssociationRelationship","","","r4","p","""#,
            ].joined(separator: "\n") + "\n")
        #expect(reading.diagnostics.map(summary) == ["archi-missing-end@4:5", "archi-missing-end@3:5", "archi-missing-end@2:5"])
        #expect(reading.diagnostics.map(\.value) == ["gone", "r3", "r2"])
        #expect(reading.model.relations.map(\.id) == ["r4", "r5"])
        #expect(reading.rejectedRecords.map(\.line).sorted() == [2, 3, 4])
    }

    @Test("every file set in the test data is read without a fatal error, and the file sets are found from any one file")
    func everySet() throws {
        let directory = try archiTestDataDirectory()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names.count == 13)
        for name in names {
            let set = try #require(ArchiFileSet(path: directory.appendingPathComponent(name).path), "\(name)")
            #expect(set.path(of: set.table) == directory.appendingPathComponent(name).path)
            let reading = try readArchiTestSet(String(name.prefix { $0 != "-" }))
            #expect(!reading.diagnostics.contains { ["unclosed-quote", "stray-quote"].contains($0.code.rawValue) }, "\(name): \(reading.diagnostics)")
        }
    }

    @Test("hostile bytes never crash the reader, the import or the export, and line numbers stay those of the file")
    func hostileInput() throws {
        var generator = SplitMix64(seed: 5)
        let pieces = ["\"", ",", ";", "\t", "#", " ", "\r\n", "\n", "\r", "a", "BusinessProcess", "ID", "\u{FEFF}", "é", "\"\""]
        for round in 0..<300 {
            var text = round % 3 == 0 ? "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n" : ""
            for _ in 0..<Int(generator.next() % 60) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let files = ArchiTable.allCases.map { ($0, $0.fileName, Optional(Array(text.utf8))) }
            let reading = try readArchiFiles(files)
            for element in reading.model.elements {
                let line = try #require(element.location?.line)
                #expect(line >= 1 && line <= text.filter { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count + 1)
            }
            let model = try importArchiFiles([files]).model
            _ = ArchiExportRenderer().render(model)
        }
    }
}

// MARK: Test support for the Archi suites

/// `../shared/realworld/archi-csv-testdata`.
func archiTestDataDirectory() throws -> URL {
    let directory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/archi-csv-testdata")
    try #require(FileManager.default.fileExists(atPath: directory.path), "missing \(directory.path)")
    return directory
}

/// What reading a set gave, with the findings the reader reported.
struct ArchiSetReading {
    var reading: ArchiReading
    var diagnostics: [Diagnostic]
    var model: ArchiModel { reading.model }
    var inputs: [InputSummary] { reading.inputs }
    var rejectedRecords: [CSVRecord] { reading.rejectedRecords }
}

/// The files of the set `<name>-elements.csv`, `-relations.csv`, `-properties.csv` from Archi's
/// test data (`nil` for one that does not exist).
func archiTestSetFiles(_ name: String) throws -> [(ArchiTable, String, [UInt8]?)] {
    let directory = try archiTestDataDirectory()
    return try ArchiTable.allCases.map { table in
        let file = "\(name)-\(table.fileName)"
        let url = directory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return (table, file, nil) }
        return (table, file, Array(try Data(contentsOf: url)))
    }
}

/// Reads the set `<name>-elements.csv`, `-relations.csv`, `-properties.csv` from Archi's test data,
/// the files that exist (a missing elements.csv noted, as the command line does).
func readArchiTestSet(_ name: String) throws -> ArchiSetReading {
    try readArchiFiles(archiTestSetFiles(name))
}

/// Reads the files of a set (`nil` bytes: the file is missing).
func readArchiFiles(_ files: [(ArchiTable, String, [UInt8]?)]) throws -> ArchiSetReading {
    var sink = DiagnosticSink()
    var reader = ArchiCSVReader()
    for (table, file, bytes) in files {
        guard let bytes else {
            reader.noteMissing(table, file: file, sink: &sink)
            continue
        }
        try reader.read(table, from: MemoryByteSource(bytes), file: file, sink: &sink)
    }
    let reading = reader.finish(sink: &sink)
    return ArchiSetReading(reading: reading, diagnostics: sink.diagnostics)
}

/// The files of a set given as texts.
func archiSetFiles(elements: String?, relations: String? = nil, properties: String? = nil,
                   prefix: String = "") -> [(ArchiTable, String, [UInt8]?)] {
    [(ArchiTable.elements, elements), (.relations, relations), (.properties, properties)].map { table, text in
        (table, prefix + table.fileName, text.map { Array($0.utf8) })
    }
}

/// Reads a set given as texts.
func readArchiSet(elements: String?, relations: String? = nil, properties: String? = nil, prefix: String = "") throws -> ArchiSetReading {
    try readArchiFiles(archiSetFiles(elements: elements, relations: relations, properties: properties, prefix: prefix))
}

/// Converts the sets given as files into one model.
func importArchiFiles(_ sets: [[(ArchiTable, String, [UInt8]?)]], settings: ConversionSettings = ConversionSettings()) throws -> ConversionResult {
    var pipeline = Pipeline(.archiSet, settings: settings)
    for files in sets {
        try pipeline.read(archiSet: files.map { table, file, bytes in
            Pipeline.ArchiFile(table: table, file: file, source: bytes.map { MemoryByteSource($0) })
        })
    }
    return pipeline.finish()
}

/// Converts a set given as texts into a model.
func importArchiSet(elements: String, relations: String? = nil, properties: String? = nil,
                    keepInvalid: Bool = false) throws -> ConversionResult {
    try importArchiFiles([archiSetFiles(elements: elements, relations: relations, properties: properties)],
                         settings: ConversionSettings(keepInvalid: keepInvalid))
}
