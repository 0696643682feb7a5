import CoraCSV
import CoraKit
import Testing

/// ``InputDetector``: Archi sets by folder, name and header; the mapping `auto` chooses; the files
/// of a set. On a file system in memory.
@Suite("How a run's inputs are read")
struct InputDetectorTests {
    static let elements = "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n\"a\",\"BusinessProcess\",\"Verhuren\",\"\",\"\""
    static let relations = "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\",\"Specialization\"\r\n"

    static func detector(_ files: [String: String]) -> InputDetector {
        let fileSystem = MemoryFileSystem(files: files.mapValues { Array($0.utf8) })
        return InputDetector(library: MappingLibrary(folders: [], fileSystem: fileSystem))
    }

    @Test("an Archi set by its folder, by a name of the set with Archi's header, or by the header alone")
    func archiSets() throws {
        let detector = Self.detector([
            "set/elements.csv": Self.elements, "set/relations.csv": Self.relations,
            "export/model.csv": Self.elements, "sheet/properties.csv": "id,name\n1,x\n", "plain.csv": "id,name\n1,Verhuren\n",
        ])
        #expect(detector.archiReason("set") == "the folder holds the Archi CSV set elements.csv")
        #expect(detector.archiReason("set/relations.csv") == "the file name ends in relations.csv and the header is Archi's")
        #expect(detector.archiReason("export/model.csv") == "the header is that of Archi's elements.csv")
        #expect(detector.archiReason("sheet/properties.csv") == nil)
        #expect(detector.archiReason("plain.csv") == nil)
        #expect(detector.isArchiSetInput("set/elements.csv") && !detector.isArchiSetInput("set/relations.csv"))
        #expect(try detector.archiFiles(of: "set/relations.csv").map(\.path) == ["set/elements.csv", "set/relations.csv", nil])
        #expect(try detector.archiFiles(of: "set").map(\.path) == ["set/elements.csv", "set/relations.csv", nil])
        #expect(throws: RunFailure.self) { try detector.archiFiles(of: "export") }
    }

    @Test("auto: archi for a set (a note says why), else the best mapping (a note says why); none fitting fails with a hint")
    func auto() throws {
        let detector = Self.detector(["set/elements.csv": Self.elements, "plain.csv": "id,name\n1,Verhuren\n", "odd.csv": "x;y\n1;2\n"])
        var told: [RunMessage] = []
        let archi = try detector.source(mapping: "auto", inputs: ["set"], readOptions: CSVReadOptions()) { told.append($0) }
        guard case .archiSet = archi.source else { Issue.record("not archi"); return }
        let table = try detector.source(mapping: "auto", inputs: ["plain.csv"], readOptions: CSVReadOptions()) { told.append($0) }
        guard case .table(let mapping) = table.source else { Issue.record("not a table"); return }
        #expect(mapping.name == "canonical")
        #expect(told.count == 2)
        #expect(told[0] == .mappingChosen(MappingChoice(file: "set", mapping: "archi", reason: "the folder holds the Archi CSV set elements.csv")))
        #expect(told[1] == .mappingChosen(MappingChoice(file: "plain.csv", mapping: "canonical", reason: "2 of 19 columns matched")))
        do {
            _ = try detector.source(mapping: "auto", inputs: ["odd.csv"], readOptions: CSVReadOptions()) { _ in }
            Issue.record("no failure")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.noMappingFits])
            #expect(error.diagnostics[0].hint == "draft a mapping with `cora mapping init odd.csv -o Mappings/NAME.yaml`, or name one with --mapping")
        }
    }

    @Test("standard input with auto is read once into memory and handed back")
    func standardInput() throws {
        let fileSystem = MemoryFileSystem(standardInput: Array("id,name\n1,Verhuren\n".utf8))
        let detector = InputDetector(library: MappingLibrary(folders: [], fileSystem: fileSystem))
        let (source, bytes, _) = try detector.source(mapping: "auto", inputs: ["-"], readOptions: CSVReadOptions()) { _ in }
        guard case .table(let mapping) = source else { Issue.record("not a table"); return }
        #expect(mapping.name == "canonical")
        #expect(bytes == Array("id,name\n1,Verhuren\n".utf8))
    }
}
