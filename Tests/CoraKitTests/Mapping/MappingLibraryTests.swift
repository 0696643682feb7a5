import CoraCSV
import CoraKit
import Testing

/// ``MappingLibrary``: the shipped mappings, the local folders, a path, and `auto`, on a file
/// system in memory.
@Suite("The mappings a run can name")
struct MappingLibraryTests {
    static let wiki = "name: onze-wiki\nfields:\n  name: Werkproces\n  description: Toelichting\n"

    static func library(_ files: [String: String]) -> MappingLibrary {
        let fileSystem = MemoryFileSystem(files: files.mapValues { Array($0.utf8) })
        return MappingLibrary(folders: MappingLibrary.localFolders(environmentValue: "/eigen"), fileSystem: fileSystem)
    }

    @Test("the local folders: ./Mappings, then the one the environment names")
    func folders() {
        #expect(MappingLibrary.localFolders(environmentValue: nil) == ["Mappings"])
        #expect(MappingLibrary.localFolders(environmentValue: "") == ["Mappings"])
        #expect(MappingLibrary.localFolders(environmentValue: "/m") == ["Mappings", "/m"])
    }

    @Test("entries: the shipped ones, then the local ones; a local one of a shipped name takes its place")
    func entries() throws {
        let library = Self.library([
            "Mappings/onze-wiki.yaml": Self.wiki,
            "/eigen/canonical.yaml": "name: canonical\nfields: {name: Naam}\n",
            "/eigen/kapot.yaml": "fields: [\n",
            "/eigen/notes.txt": "no mapping",
        ])
        let entries = library.entries()
        #expect(entries.map(\.name) == ["canonical", "cora-wiki", "english", "excel-nl", "niveaus", "sturing", "onze-wiki", "canonical", "kapot"])
        #expect(try library.entry("canonical").origin == "/eigen/canonical.yaml")
        #expect(try library.mapping("canonical").fields[.name]?.columns == ["Naam"])
        #expect(try library.mapping("onze-wiki").fields[.description]?.columns == ["Toelichting"])
        var told: [RunMessage] = []
        _ = try library.mapping("canonical") { told.append($0) }
        _ = try library.mapping("onze-wiki") { told.append($0) }
        let shadowing = RunMessage.note(Note(file: "/eigen/canonical.yaml", message:
            "this local mapping takes the place of the built-in mapping \"canonical\"; rename it (name: in the file) to keep both"))
        #expect(told == [shadowing])
        var messages: [RunMessage] = []
        let candidates = library.autoCandidates(messages: &messages)
        #expect(candidates.map(\.mapping.name) == ["canonical", "cora-wiki", "english", "excel-nl", "niveaus", "sturing", "onze-wiki"])
        #expect(messages.count == 2)
        #expect(messages.first == shadowing)
        guard case .warning(let warning) = messages.last else { Issue.record("no warning"); return }
        #expect("\(warning.file):\(warning.line ?? 0) \(warning.severity) \(warning.code)" == "/eigen/kapot.yaml:2 warning invalid-mapping")
    }

    @Test("a path, an unknown name (with a suggestion), and auto without an input")
    func failures() throws {
        let library = Self.library(["m/mine.yaml": Self.wiki])
        #expect(try library.mapping("m/mine.yaml").name == "onze-wiki")
        do {
            _ = try library.mapping("exel-nl")
            Issue.record("no failure")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.invalidMapping])
            #expect(error.diagnostics[0].hint?.hasPrefix("did you mean \"excel-nl\"?") == true)
        }
        #expect(throws: RunFailure.self) { try library.mapping("auto") }
        #expect(throws: RunFailure.self) { try library.mapping("missing.yaml") }
    }

    @Test("auto chooses by the input's header, and says why")
    func select() throws {
        let library = Self.library(["in.csv": "Werkproces;Toelichting\nVerhuren eenheid;x\n", "Mappings/onze-wiki.yaml": Self.wiki])
        var messages: [RunMessage] = []
        let candidates = library.autoCandidates(messages: &messages).map(\.mapping)
        let selection = library.select(for: "in.csv", standardInput: nil, candidates: candidates, readOptions: CSVReadOptions())
        #expect(selection.mapping?.name == "onze-wiki")
        #expect(selection.reason.hasPrefix("onze-wiki: 2 of 2 columns matched"))
    }
}
