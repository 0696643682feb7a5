import CoraCSV
import CoraKit
import Foundation
import Testing

@Suite("Canonical CSV round trip")
struct CanonicalRoundTripTests {
    @Test("the sample converts without findings and renders back to the same bytes")
    func sampleIsByteIdentical() throws {
        let url = packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv")
        let original = try Data(contentsOf: url)
        let result = try convert(String(decoding: original, as: UTF8.self), file: "woonstad-waterland.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.processes.count == 73)
        #expect(result.rowsRead == 73)
        #expect(result.model.propertyNames == ["Afdeling", "Laatst herzien"])
        let rendered = CanonicalCSVRenderer().render(result.model)
        #expect(rendered == Array(original))
    }

    @Test("the sample has every category, the levels from business process to step, and a resolved hierarchy")
    func sampleShape() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Samples/woonstad-waterland.csv"), encoding: .utf8)
        let model = try convert(text).model
        #expect(Set(model.processes.compactMap(\.category)) == Set(ProcessCategory.allCases))
        let levels = Set(model.processes.compactMap(\.level))
        #expect(levels.isSuperset(of: [.businessProcess, .workProcess, .processStep]))
        let ids = Set(model.processes.map(\.id))
        for process in model.processes where !process.parent.isEmpty {
            #expect(ids.contains(process.parent), "parent of \(process.id)")
        }
        #expect(model.processes.allSatisfy { ProcessIdentifier.isValid($0.id) })
        let verhuren = try #require(model.processes.first { $0.name == "Verhuren eenheid" && $0.level == .workProcess })
        #expect(model.children(of: verhuren.id).map(\.name) == [
            "Voorbereiden verhuurdossier", "Aanmaken klant", "Opstellen huurovereenkomst", "Ondertekenen huurovereenkomst",
        ])
    }

    @Test("one process with every field: exact model and exact bytes back")
    func everyField() throws {
        let text = canonicalCSV2(
            "bp-1,P1,Verhuren eenheden,business-process,primary,,1,Manager Wonen,,Verhuurde eenheid,Huuropzegging ontvangen,Empire|SharePoint,,Vastgesteld,\"Van leegstand tot sleuteloverdracht, in één keer\",,,,",
            "wp-1,P1.1,Verhuren eenheid,work-process,primary,bp-1,1,Teamleider Verhuur,Vastgoedverhuur,Verhuurde eenheid,,Empire,wp-2,Concept,\" spaties blijven \",,,,",
            "wp-2,P1.2,Opleveren eenheid,work-process,primary,bp-1,2,,Vastgoedverhuur,,,,,,,,,,")
        let result = try convert(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = result.model.processes[0]
        #expect(first == CoraProcess(
            id: "bp-1", code: "P1", name: "Verhuren eenheden", level: .businessProcess, category: .primary, parent: "", order: 1,
            owner: "Manager Wonen", function: "", services: ["Verhuurde eenheid"], events: ["Huuropzegging ontvangen"],
            applications: ["Empire", "SharePoint"], next: [], status: "Vastgesteld",
            description: "Van leegstand tot sleuteloverdracht, in één keer", properties: [],
            source: SourceLocation(file: "test.csv", line: 2, record: 2)))
        #expect(result.model.processes[1].description == " spaties blijven ")
        #expect(result.model.processes[1].next == ["wp-2"])
        #expect(String(decoding: CanonicalCSVRenderer().render(result.model), as: UTF8.self) == text)
    }

    @Test("property test: random canonical models survive CSV → model → CSV byte for byte")
    func randomModels() throws {
        var random = SplitMix64(seed: 0xC0BA)
        for round in 0..<150 {
            let model = Self.randomModel(round, &random)
            let bytes = CanonicalCSVRenderer().render(model)
            let result = try convert(String(decoding: bytes, as: UTF8.self))
            #expect(result.errorCount == 0, "round \(round): \(result.diagnostics)")
            let again = CanonicalCSVRenderer().render(result.model)
            #expect(again == bytes, "round \(round)")
            #expect(result.model.processes.map(\.name) == model.processes.map(\.name), "round \(round)")
        }
    }

    static let alphabet = ["a", "Z", "é", "ë", "€", "😀", " ", ",", ";", "\"", "\n", "\r\n", "'", "=", "-", "\t", "x y"]

    /// A random model of 1-6 processes that nest as CORA allows, their texts from `alphabet`.
    static func randomModel(_ round: Int, _ random: inout SplitMix64, alphabet: [String] = alphabet) -> ProcessModel {
        func text(_ maxLength: Int) -> String {
            let length = Int(random.next() % UInt64(maxLength + 1))
            return (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        }
        func word() -> String {
            // Values of multi-valued fields: no `|`, no surrounding whitespace, not empty.
            let letters = ["Empire", "SharePoint", "AFAS", "Viewpoint", "Dienst één", "a,b", "x\"y"]
            return letters[Int(random.next() % UInt64(letters.count))]
        }
        let count = 1 + Int(random.next() % 6)
        var processes: [CoraProcess] = []
        for index in 0..<count {
            let parentIndex: Int? = index > 0 && random.next() % 2 == 0 ? Int(random.next() % UInt64(index)) : nil
            let parent = parentIndex.map { processes[$0].id } ?? ""
            // Levels that nest as CORA allows (invalid nesting is an error, tested elsewhere).
            let allowed: [ProcessLevel?]
            switch parentIndex.flatMap({ processes[$0].level }) {
            case .none: allowed = parentIndex == nil ? [nil, .businessProcess, .processChain] : [nil]
            case .steeringScenario?, .processChain?: allowed = [nil, .businessProcess]
            case .businessProcess?: allowed = [nil, .workProcess]
            case .workProcess?: allowed = [nil, .processStep]
            case .processStep?: allowed = [nil]
            }
            let level = allowed[Int(random.next() % UInt64(allowed.count))]
            var name = text(12)
            if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { name = "Proces \(index)" }
            // A code used twice in one file is an error (duplicate-code): codes stay unique.
            var code = text(4)
            while !code.isEmpty && processes.contains(where: { $0.code == code }) { code += "\(index)" }
            processes.append(CoraProcess(
                id: "p\(round)-\(index)", code: code, name: name,
                level: level,
                category: random.next() % 3 == 0 ? nil : ProcessCategory.allCases[Int(random.next() % 3)],
                parent: parent, order: random.next() % 2 == 0 ? nil : Int(random.next() % 50),
                owner: text(6), function: text(6),
                services: (0..<Int(random.next() % 3)).map { _ in word() },
                events: (0..<Int(random.next() % 2)).map { _ in word() },
                applications: (0..<Int(random.next() % 3)).map { _ in word() },
                next: [], status: text(3), description: text(20),
                properties: random.next() % 2 == 0 ? [Property(name: "Extra kolom", value: text(5) + "x")] : []))
        }
        return ProcessModel(processes: processes, propertyNames: ["Extra kolom"])
    }
}

/// A small deterministic random number generator (SplitMix64), so property tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
