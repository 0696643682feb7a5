import Foundation
import Testing
import CoraCSV
@testable import CoraKit

/// The reference models shipped in `References/` and compiled in (``ReferenceLibrary``): the VERA
/// 4.3.1 process model as `vera`.
@Suite("Shipped reference models")
struct ReferenceLibraryTests {
    static let folder = packageRoot.appendingPathComponent("References")

    static func veraModel() throws -> ProcessModel {
        try #require(ReferenceLibrary.model(named: "vera"))
    }

    @Test("the compiled-in copy equals References/*.csv, and every reference has its one-line note")
    func builtinReferencesMatchFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files.map { String($0.dropLast(4)) } == ReferenceLibrary.names, "run `make references`")
        #expect(ReferenceLibrary.names == ["vera"])
        for file in files {
            let name = String(file.dropLast(4))
            let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(file))
            #expect(ReferenceLibrary.csv(named: name).map { Data($0.utf8) } == bytes, "\(file) differs from the compiled-in copy: run `make references`")
            #expect(ReferenceLibrary.note(named: name) != nil, "\(name) has no note in ReferenceLibrary.notes")
        }
        #expect(ReferenceLibrary.note(named: "vera") == ReferenceLibrary.Note(
            description: "VERA 4.3.1 process model (Aedes, MIT license)",
            source: "Aedes-datastandaarden/VERA-Domeinmodellen, commit 0318fe7e, \"VERA 4.3.1.xml\"; categories are cora's reading, not VERA's"))
        #expect(ReferenceLibrary.model(named: "cora") == nil && ReferenceLibrary.csv(named: "VERA") == nil && ReferenceLibrary.note(named: "") == nil)
    }

    @Test("vera reads with the canonical mapping without errors: 12 chains, 31 business processes, 97 work processes, sorted by cora")
    func veraCounts() throws {
        let result = try #require(ReferenceLibrary.conversions["vera"])
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error })")
        #expect(result.rejectedRecords.isEmpty && result.rowsRead == 140)
        let model = try Self.veraModel()
        #expect(model.processes.count == 140)
        func count(_ level: ProcessLevel) -> Int {
            model.processes.count { $0.level == level }
        }
        /// Steering, primary and supporting processes of `level`.
        func categories(_ level: ProcessLevel) -> [Int] {
            [ProcessCategory.steering, .primary, .supporting].map { category in
                model.processes.count { $0.level == level && $0.category == category }
            }
        }
        #expect(count(.processChain) == 12 && count(.businessProcess) == 31 && count(.workProcess) == 97)
        #expect(count(.processStep) == 0 && count(.steeringScenario) == 0)
        #expect(categories(.processChain) == [0, 7, 5])
        #expect(categories(.businessProcess) == [2, 22, 7])
        #expect(categories(.workProcess) == [7, 77, 13])
        #expect(model.processes.filter { !$0.function.isEmpty }.count == 30)
        #expect(model.propertyNames == ["Procesketens"])
        // A chain is no parent: business processes are in one to nine chains.
        #expect(model.processes.allSatisfy { ($0.level == .workProcess) != $0.parent.isEmpty })
        let byName = Dictionary(model.processes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let bediening = try #require(byName["Bediening Klant"])
        #expect(bediening.category == .primary && bediening.property("Procesketens")?.split(separator: "|").count == 9)
        #expect(byName["Meten kwaliteit"]?.parent == bediening.id)
        #expect(byName["Invorderen"]?.function == "Deurwaarderfunctie")
        #expect(byName["Uitvoeren inspectie"]?.function == "")  // its colour is three functions' in VERA's legend
        #expect(byName["Sturing Vastgoed"]?.category == .steering)
        #expect(byName["Vaststellen gewenste kwaliteit"]?.category == .steering)
        #expect(byName["Bepalen Energieprestatie"]?.level == .processChain)
        #expect(byName["Incasseren minnelijke vordering"]?.id == "id-2d44c325e63c49a6b3b905be4c882f9a")
    }

    @Test("the canonical renderer writes vera.csv back byte for byte: it is the layout `cora convert --to csv` writes")
    func veraIsCanonical() throws {
        let text = try #require(ReferenceLibrary.csv(named: "vera"))
        #expect(CanonicalCSVRenderer().render(try Self.veraModel()) == Array(text.utf8))
    }

    /// VERA's name as the reference writes it: the "BP "/"WP " prefix (and, for the chain VERA
    /// drew only as a grouping, "Ketenproces ") stripped and runs of spaces collapsed.
    static func cleaned(_ name: String, type: String) -> String {
        var name = name
        for prefix in type == "Grouping" ? ["Ketenproces "] : ["BP ", "WP "] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        while name.contains("  ") { name = name.replacingOccurrences(of: "  ", with: " ") }
        return name
    }

    @Test("every id of vera is an element of VERA-4.3.1.xml, of its kind, and its name there, cleaned, is the reference's name")
    func veraIDsAndNames() throws {
        let (document, _) = try readVERA("4.3.1")
        let elements = Dictionary(try #require(document).elements.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        let model = try Self.veraModel()
        for process in model.processes {
            let element = try #require(elements[process.id], "\(process.id) \"\(process.name)\" is not in VERA-4.3.1.xml")
            #expect(Self.cleaned(element.name, type: element.type) == process.name, "\(process.id)")
            #expect(element.documentation == process.description, "\(process.id) \"\(process.name)\"")
            switch process.level {
            case .processChain: #expect(element.type == "BusinessInteraction" || (element.type == "Grouping" && element.name.hasPrefix("Ketenproces ")), "\(process.id)")
            default: #expect(element.type == "BusinessProcess", "\(process.id)")
            }
        }
        #expect(model.processes.count { elements[$0.id]?.type == "Grouping" } == 1)
        // Names keep VERA's spelling and case; only the prefixes and doubled spaces went.
        let names = Set(model.processes.map(\.name))
        #expect(names.isSuperset(of: ["Verhuren Eenheden", "Vastleggen Enerieprestatiemetingen", "Incasseren minnelijke vordering", "Contracteren"]))
        #expect(!names.contains { $0.hasPrefix("BP ") || $0.hasPrefix("WP ") || $0.contains("  ") })
    }

    @Test("the metamodel placeholders and the stand-in \"Bedrijfsproces corporatie\" are not in vera")
    func veraLeavesOutPlaceholders() throws {
        let model = try Self.veraModel()
        let leftOut = [
            "id-0653ab35fcf64b64bc7432ef3e2a92f0",  // Processtap
            "id-0fee61a3c0be47b2a640b18e794ab387",  // Werkproces
            "id-d39f22c801074837843ef218cac530a2",  // Werkproces (view Procesberichten)
            "id-20301527092342f9b483118bb7b693b5",  // Bedrijfsproces
            "id-7ea5e21edd044d118738caf2baaf0707",  // Ketenproces
            "id-f61697c05d944399a7731f9a350d2526",  // Stuurproces
            "id-ac20282b883b4c968f89b04cdfed3f35",  // Bedrijfsproces corporatie
        ]
        let ids = Set(model.processes.map(\.id))
        #expect(leftOut.filter(ids.contains) == [])
        let placeholderNames: Set = ["Processtap", "Werkproces", "Bedrijfsproces", "Ketenproces", "Stuurproces", "Bedrijfsproces corporatie"]
        #expect(model.processes.filter { placeholderNames.contains($0.name) }.map(\.name) == [])
        // Of VERA's 135 BusinessProcess elements, 128 are in; and its 11 interactions.
        let (document, _) = try readVERA("4.3.1")
        let processes = try #require(document).elements.filter { $0.type == "BusinessProcess" }
        #expect(processes.count == 135 && processes.filter { ids.contains($0.identifier) }.count == 128)
    }

    @Test("scripts/make-vera-reference.py derives exactly References/vera.csv from VERA-4.3.1.xml")
    func scriptReproducesVera() throws {
        let release = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/vera-domeinmodellen/VERA-4.3.1.xml")
        try #require(FileManager.default.fileExists(atPath: release.path), "missing \(release.path)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cora-reference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("vera.csv"), log = folder.appendingPathComponent("log")
        #expect(FileManager.default.createFile(atPath: log.path, contents: nil))
        let logHandle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/make-vera-reference.py").path, release.path, "-o", output.path]
        process.standardOutput = logHandle
        process.standardError = logHandle
        do { try process.run() } catch {
            try Test.cancel("/usr/bin/env cannot be started (\(error)): scripts/make-vera-reference.py was not run")
        }
        process.waitUntilExit()
        try logHandle.close()
        let said = try String(contentsOf: log, encoding: .utf8)
        if process.terminationStatus == 127 {
            try Test.cancel("python3 is not installed: scripts/make-vera-reference.py was not run (\(said.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        #expect(process.terminationStatus == 0, "\(said)")
        #expect(try Data(contentsOf: output) == Data(contentsOf: Self.folder.appendingPathComponent("vera.csv")),
                "the script's output differs from References/vera.csv: run scripts/make-vera-reference.py, then make references")
        #expect(said.hasSuffix("wrote 12 process-chain, 31 business-process, 97 work-process; 30 with a function\n"), "\(said)")
        #expect(said.components(separatedBy: "left out: ").count - 1 == 7, "\(said)")
    }
}
