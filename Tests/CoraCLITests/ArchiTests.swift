import Foundation
import Testing

/// `--mapping archi` and `--to archi` on the command line: the CORA-like Archi sample against golden
/// output, the rules of Archi's importer applied to the export of every shipped sample, and the
/// options.
@Suite("Archi CSV on the command line")
struct ArchiTests {
    static let sampleElements = "Samples/archi/woonstad-waterland-elements.csv"

    /// The shipped samples and their mappings (the Archi sample among them).
    static let samples: [(path: String, mapping: String)] = [
        ("Samples/woonstad-waterland.csv", "canonical"),
        ("Samples/excel-nl/woningstichting-de-polder.csv", "excel-nl"),
        ("Samples/niveaus/woonbron-noord.csv", "niveaus"),
        ("Samples/cora-wiki/werkprocessen.csv", "cora-wiki"),
        ("Samples/edge-cases/vreemde-tekens.csv", "canonical"),
        ("Samples/sturing/woonstad-waterland-sturing.csv", "sturing"),
        (sampleElements, "archi"),
    ]

    struct Document: CustomTestStringConvertible, Sendable {
        var golden: String
        var arguments: [String]
        var testDescription: String { golden }
    }

    static let documents = [
        Document(golden: "archi-woonstad-waterland.csv", arguments: ["--to", "csv"]),
        Document(golden: "archi-woonstad-waterland.md", arguments: ["--to", "md"]),
        Document(golden: "archi-woonstad-waterland.landscape.dot", arguments: ["--to", "dot"]),
        Document(golden: "archi-woonstad-waterland.process-ww-p03.dot", arguments: ["--to", "dot", "--view", "process:ww-p03"]),
    ]

    @Test("the Archi sample converts to canonical CSV, Markdown and DOT equal to the golden files", arguments: documents)
    func golden(_ document: Document) throws {
        let run = try CoraCLI.run(["convert", Self.sampleElements, "--mapping", "archi"] + document.arguments, in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: 3 files, 1033 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings\n", "\(run.stderrText)")
        let golden = SampleGoldenTests.goldenDirectory.appendingPathComponent(document.golden)
        if SampleGoldenTests.recording {
            try Data(run.stdout).write(to: golden)
            Issue.record("recorded \(document.golden); rerun without CORA_RECORD_GOLDEN")
            return
        }
        let expected = try bytes(of: golden)
        if run.stdout != expected {
            Issue.record("\(document.golden) differs:\n\(try SampleGoldenTests.unifiedDiff(expected: expected, actual: run.stdout, name: document.golden))")
        }
    }

    @Test("the Archi sample has the hierarchy, categories, functions, services and triggers of the canonical sample: the same canonical CSV")
    func sameAsCanonicalSample() throws {
        let run = try CoraCLI.run(["convert", "Samples/archi/woonstad-waterland-relations.csv", "--mapping", "archi"], in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == (try bytes(of: CoraCLI.sample)))
        let csv = run.stdoutText
        // A few rows spelled out: a chain holding a business process, a work process with its function and trigger.
        #expect(csv.contains("ww-k01,K01,Verhuren eenheid,process-chain,primary,,6,Manager Wonen,,,Huuropzegging ontvangen,,,In review,"))
        #expect(csv.contains("ww-p03,P03,Verhuren eenheden,business-process,primary,ww-k01,2,Manager Wonen,,Verhuurde eenheid,Kandidaat geaccepteerd,Cegeka Tobias AX,,"))
        #expect(csv.contains("ww-p08-01,P08.01,Intake klantvraag,work-process,primary,ww-p08,1,Medewerker Klantcontact,Klantbeheer,Geregistreerde klantvraag,Klantvraag ontvangen,Dynamics 365,ww-p08-02|ww-p08-03,"))
        #expect(csv.contains("ww-o05-02,O05.02,Betalen factuur,work-process,supporting,ww-o05,2,"))
    }

    @Test("import → export of the Archi sample gives its three files back byte for byte, and --mapping auto picks archi")
    func sampleRoundTrip() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("uit").path
        let run = try CoraCLI.run(["convert", Self.sampleElements, "--mapping", "auto", "--to", "archi", "-o", out, "--prefix", "woonstad-waterland-"],
                                  in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrText == "cora: \(Self.sampleElements): mapping archi (auto: the file name ends in elements.csv and the header is Archi's)\n"
            + "cora: 3 files, 1033 rows read, 73 processes, 0 rejected; 0 errors, 0 warnings\n")
        for table in ["elements", "relations", "properties"] {
            let written = try bytes(of: URL(fileURLWithPath: "\(out)/woonstad-waterland-\(table).csv"))
            let original = try bytes(of: CoraCLI.packageRoot.appendingPathComponent("Samples/archi/woonstad-waterland-\(table).csv"))
            #expect(written == original, "\(table).csv differs")
        }
    }

    @Test("Archi's importer accepts the --to archi output of every shipped sample", arguments: samples.map(\.path))
    func importerRules(_ path: String) throws {
        let mapping = Self.samples.first { $0.path == path }?.mapping ?? "canonical"
        let scratch = try Scratch()
        for delimiter in ["comma", "semicolon", "tab"] {
            let out = scratch.url.appendingPathComponent(delimiter).path
            let run = try CoraCLI.run(["convert", path, "--mapping", mapping, "--to", "archi", "-o", out, "--prefix", "x-", "--archi-delimiter", delimiter],
                                      in: CoraCLI.packageRoot)
            #expect(run.status == 0, "\(run)")
            let files = try ["elements", "relations", "properties"].map { try bytes(of: URL(fileURLWithPath: "\(out)/x-\($0).csv")) }
            let problems = ArchiImporterRules.check(elements: files[0], relations: files[1], properties: files[2])
            #expect(problems.isEmpty, "\(path) (\(delimiter)):\n\(problems.prefix(20).joined(separator: "\n"))")
        }
    }

    @Test("the checker itself finds what Archi refuses")
    func checkerFindsProblems() {
        let problems = ArchiImporterRules.check(
            elements: Array("\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n\"a b\",\"BusinessProces\",\"x\",\"\",\"\"\r\n\"p\",\"Product\",\"P\",\"\",\"\"\r\n\"s\",\"BusinessProcess\",\"S\",\"\",\"\"".utf8),
            relations: Array("\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\",\"Specialization\"\r\n\"r\",\"RealizationRelationship\",\"\",\"\",\"s\",\"p\",\"\"\r\n\"q\",\"TriggeringRelationship\",\"\",\"\",\"s\",\"nowhere\",\"\"\n".utf8),
            properties: Array("ID,Key,Value\r\n\"zz\",\"k\",\"v\"".utf8))
        let text = problems.joined(separator: "\n")
        #expect(text.contains("invalid id \"a b\""))
        #expect(text.contains("unknown element type \"BusinessProces\""))
        #expect(text.contains("not allowed: BusinessProcess RealizationRelationship Product"))
        #expect(text.contains("target \"nowhere\" not found"))
        #expect(text.contains("unknown owner \"zz\""))
        #expect(text.contains("not quoted"))
        #expect(text.contains("ends with a line break"))
        #expect(text.contains("LF without CR"))
    }

    @Test("any file of the set, or its folder, reads the set; Archi's test data report what Archi refuses")
    func readingSets() throws {
        let data = CoraCLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld/archi-csv-testdata")
        let relations = try CoraCLI.run(["validate", "test1-relations.csv", "--mapping", "archi"], in: data)
        // test1 holds no process: no-processes (issue 14, point 9).
        #expect(relations.status == 1, "\(relations)")
        #expect(relations.stderrText.hasSuffix("cora: 3 files, 13 rows read, 0 processes, 0 rejected; 1 error (no-processes 1), 0 warnings\n"), "\(relations.stderrText)")

        let missing = try CoraCLI.run(["validate", "test4a-relations.csv", "--mapping", "archi"], in: data)
        #expect(missing.status == 1)
        expectDiagnostic(missing, prefix: "test4a-elements.csv: warning: the set has no elements.csv", code: "archi-missing-file")
        expectDiagnostic(missing, prefix: "test4a-relations.csv:2:5: error: the source \"e2\"", code: "archi-missing-end")

        let comments = try CoraCLI.run(["convert", "test5-elements.csv", "--mapping", "archi", "--to", "json"], in: data)
        #expect(comments.status == 1, "\(comments)")
        #expect(comments.errorLines.map { $0.hasSuffix("[no-processes]") } == [true], "\(comments)")

        let scratch = try Scratch()
        try scratch.write("elements.csv", "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n\"p1\",\"BusinessProcess\",\"Verhuren eenheden\",\"\",\"\"")
        let folder = try scratch.cora("convert", ".", "--mapping", "auto")
        #expect(folder.status == 0, "\(folder)")
        #expect(folder.stdoutText.contains("p1,,Verhuren eenheden,business-process,"))
        #expect(folder.stderrLines.first == "cora: .: mapping archi (auto: the folder holds the Archi CSV set elements.csv)")

        let stdin = try scratch.cora("convert", "-", "--mapping", "archi", stdin: Array("x".utf8))
        // Standard input can only be an exchange document (an Archi CSV set is several files).
        #expect(stdin.status == 2)
        #expect(stdin.errorLines == ["-:1: error: the file holds no XML element [exchange-not-xml]"], "\(stdin)")
    }

    @Test("--to archi needs -o DIR; --prefix and --archi-delimiter go with it; the folder is made")
    func options() throws {
        let scratch = try Scratch()
        let noFolder = try CoraCLI.run(["convert", "Samples/woonstad-waterland.csv", "--to", "archi"], in: CoraCLI.packageRoot)
        #expect(noFolder.status == 64)
        #expect(noFolder.stderrText.contains("name their folder with -o DIR"))
        let prefixAlone = try CoraCLI.run(["convert", "Samples/woonstad-waterland.csv", "--prefix", "x-"], in: CoraCLI.packageRoot)
        #expect(prefixAlone.status == 64)
        let badDelimiter = try CoraCLI.run(["convert", "Samples/woonstad-waterland.csv", "--to", "archi", "-o", scratch.url.path, "--archi-delimiter", "|"],
                                           in: CoraCLI.packageRoot)
        #expect(badDelimiter.status == 64)

        let out = scratch.url.appendingPathComponent("nieuw").path
        let run = try CoraCLI.run(["convert", "Samples/woonstad-waterland.csv", "--to", "archi", "-o", out, "--prefix", "ww-",
                                   "--archi-delimiter", ";", "--title", "Woonstad Waterland"], in: CoraCLI.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["ww-elements.csv", "ww-properties.csv", "ww-relations.csv"])
        let elements = String(decoding: try bytes(of: URL(fileURLWithPath: out + "/ww-elements.csv")), as: UTF8.self)
        #expect(elements.hasPrefix("\"ID\";\"Type\";\"Name\";\"Documentation\";\"Specialization\"\r\n\"model\";\"ArchimateModel\";\"Woonstad Waterland\";\"\";\"\"\r\n"))

        let help = try CoraCLI.run(["help", "convert"], in: CoraCLI.packageRoot)
        for option in ["--prefix", "--archi-delimiter", "archi"] { #expect(help.stdoutText.contains(option), "\(option)") }
    }
}

/// The checks Archi's CSV importer makes (com.archimatetool.csv.importer.CSVImporter, Archi 5.x),
/// written again from its rules, with a small parser of its own that follows Apache Commons CSV
/// (`CSVFormat.DEFAULT`, tried with `,`, then `;`, then tab), plus the format Archi's export writes
/// (every field quoted, CRLF, no line break at the end, no byte order mark).
enum ArchiImporterRules {
    static let elementsHeader = ["ID", "Type", "Name", "Documentation", "Specialization"]
    static let relationsHeader = ["ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization"]
    static let propertiesHeader = ["ID", "Key", "Value"]

    static let elementTypes: Set<String> = [
        "Resource", "Capability", "ValueStream", "CourseOfAction", "BusinessActor", "BusinessRole", "BusinessCollaboration",
        "BusinessInterface", "BusinessProcess", "BusinessFunction", "BusinessInteraction", "BusinessEvent", "BusinessService",
        "BusinessObject", "Contract", "Representation", "Product", "ApplicationComponent", "ApplicationCollaboration",
        "ApplicationInterface", "ApplicationFunction", "ApplicationInteraction", "ApplicationProcess", "ApplicationEvent",
        "ApplicationService", "DataObject", "Node", "Device", "SystemSoftware", "TechnologyCollaboration", "TechnologyInterface",
        "Path", "CommunicationNetwork", "TechnologyFunction", "TechnologyProcess", "TechnologyInteraction", "TechnologyEvent",
        "TechnologyService", "Artifact", "Equipment", "Facility", "DistributionNetwork", "Material", "Stakeholder", "Driver",
        "Assessment", "Goal", "Outcome", "Principle", "Requirement", "Constraint", "Meaning", "Value", "WorkPackage",
        "Deliverable", "ImplementationEvent", "Plateau", "Gap", "Grouping", "Location", "Junction",
    ]
    static let relationshipTypes: Set<String> = [
        "AccessRelationship", "AggregationRelationship", "AssignmentRelationship", "AssociationRelationship",
        "CompositionRelationship", "FlowRelationship", "InfluenceRelationship", "RealizationRelationship",
        "ServingRelationship", "SpecializationRelationship", "TriggeringRelationship",
    ]

    /// The (source type, relationship, target type) triples that cora writes, each allowed by the
    /// ArchiMate 3.1/3.2 relationship table (The Open Group, ArchiMate 3.1 Specification, Appendix B
    /// "Relationships (Normative)"; the same table as Archi encodes it in
    /// com.archimatetool.model/model/relationships.xml, version 3.2, where c = composition,
    /// g = aggregation, i = assignment, r = realization, v = serving, t = triggering, f = flow):
    /// Grouping → BusinessProcess/BusinessInteraction "cfgiorstv"; BusinessProcess → BusinessProcess
    /// "cfgostv"; BusinessProcess → BusinessInteraction "cfgotv"; BusinessInteraction → BusinessProcess
    /// "cfgotv"; BusinessInteraction → BusinessInteraction "cfgostv"; BusinessFunction →
    /// BusinessProcess/BusinessInteraction "cfgotv" (no assignment); BusinessProcess/BusinessInteraction
    /// → BusinessService "fortv"; BusinessEvent → BusinessProcess/BusinessInteraction "fotv";
    /// ApplicationComponent → BusinessProcess/BusinessInteraction "fortv"; ApplicationService →
    /// BusinessProcess/BusinessInteraction "fotv"; BusinessRole → BusinessProcess/BusinessFunction "fiotv";
    /// BusinessProcess/BusinessInteraction → Requirement "nor" (n = influence, o = association, r =
    /// realization: a core element realizes a requirement).
    /// Association is allowed between any two elements (ArchiMate 3.1, section 5.1.1).
    static let allowed: Set<String> = {
        var triples: [(String, String, String)] = []
        let processes = ["BusinessProcess", "BusinessInteraction"]
        for target in processes {
            triples.append(("Grouping", "AggregationRelationship", target))
            triples.append(("Grouping", "CompositionRelationship", target))
            for source in processes {
                for type in ["AggregationRelationship", "CompositionRelationship", "TriggeringRelationship", "FlowRelationship"] {
                    triples.append((source, type, target))
                }
            }
            triples.append(("BusinessFunction", "AggregationRelationship", target))
            triples.append(("BusinessFunction", "CompositionRelationship", target))
            triples.append((target, "RealizationRelationship", "BusinessService"))
            triples.append((target, "RealizationRelationship", "Requirement"))
            triples.append(("BusinessEvent", "TriggeringRelationship", target))
            triples.append(("ApplicationComponent", "ServingRelationship", target))
            triples.append(("ApplicationService", "ServingRelationship", target))
        }
        triples.append(("BusinessRole", "AssignmentRelationship", "BusinessProcess"))
        triples.append(("BusinessRole", "AssignmentRelationship", "BusinessFunction"))
        return Set(triples.map { "\($0.0) \($0.1) \($0.2)" })
    }()

    /// One parsed record: its fields, whether each was quoted, and the line break after it.
    struct Record {
        var fields: [String] = []
        var quoted: [Bool] = []
        var terminator = ""
    }

    struct ParseError: Error { var message: String }

    /// Parses like Commons CSV `CSVFormat.DEFAULT.withDelimiter(delimiter)`: `"` quotes, `""` inside
    /// quotes, whitespace after a closing quote up to the delimiter ignored, anything else there an
    /// error ("invalid char between encapsulated token and delimiter"), empty lines skipped.
    static func parse(_ text: String, delimiter: Character) throws -> [Record] {
        var records: [Record] = []
        var record = Record()
        var field = ""
        var quoted = false
        let characters = Array(text)
        var index = 0
        func endField() {
            record.fields.append(field)
            record.quoted.append(quoted)
            field = ""
            quoted = false
        }
        func endRecord(_ terminator: String) {
            endField()
            record.terminator = terminator
            if !(record.fields == [""] && !record.quoted[0]) { records.append(record) }
            record = Record()
        }
        var atFieldStart = true
        while index < characters.count {
            let c = characters[index]
            if atFieldStart && c == "\"" {
                quoted = true
                index += 1
                while true {
                    guard index < characters.count else { throw ParseError(message: "EOF reached before encapsulated token finished") }
                    let d = characters[index]
                    index += 1
                    if d == "\"" {
                        if index < characters.count && characters[index] == "\"" {
                            field.append("\"")
                            index += 1
                            continue
                        }
                        break
                    }
                    field.append(d)
                }
                while index < characters.count, characters[index] == " " || (characters[index] == "\t" && delimiter != "\t") { index += 1 }
                guard index == characters.count || [delimiter, "\r\n", "\n", "\r"].contains(characters[index]) else {
                    throw ParseError(message: "invalid char between encapsulated token and delimiter")
                }
                atFieldStart = false
                continue
            }
            if c == delimiter {
                endField()
                atFieldStart = true
            } else if c == "\r\n" || c == "\n" || c == "\r" {
                endRecord(String(c))
                atFieldStart = true
            } else {
                field.append(c)
                atFieldStart = false
            }
            index += 1
        }
        if !field.isEmpty || quoted || !record.fields.isEmpty { endRecord("") }
        return records
    }

    /// Archi's getRecords: `,` first, then `;`, then tab when the parse fails on a quote.
    static func records(_ bytes: [UInt8], file: String, problems: inout [String]) -> [Record] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { problems.append("\(file): starts with a byte order mark") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            problems.append("\(file): not UTF-8")
            return []
        }
        if text.hasSuffix("\n") || text.hasSuffix("\r") { problems.append("\(file): ends with a line break") }
        for delimiter in [",", ";", "\t"] as [Character] {
            if let parsed = try? parse(text, delimiter: delimiter) {
                for (number, record) in parsed.enumerated() {
                    if record.quoted.contains(false) { problems.append("\(file): record \(number + 1): a field is not quoted") }
                    if record.terminator == "\n" { problems.append("\(file): record \(number + 1): LF without CR") }
                }
                return parsed
            }
        }
        problems.append("\(file): cannot be parsed with , ; or tab")
        return []
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// Everything Archi's importer (and a strict reading of its export format) would object to.
    static func check(elements: [UInt8], relations: [UInt8], properties: [UInt8]) -> [String] {
        var problems: [String] = []
        var concepts: [String: String] = [:]  // id → type
        var modelID: String?

        let elementRecords = records(elements, file: "elements.csv", problems: &problems)
        if elementRecords.first?.fields != elementsHeader { problems.append("elements.csv: header \(elementRecords.first?.fields ?? [])") }
        for record in elementRecords.dropFirst() {
            guard record.fields.count == elementsHeader.count else {
                problems.append("elements.csv: record size \(record.fields.count): \(record.fields)")
                continue
            }
            let (id, type) = (record.fields[0], record.fields[1])
            if type == "ArchimateModel" {
                modelID = id
                continue
            }
            if !isValidID(id) { problems.append("elements.csv: invalid id \"\(id)\"") }
            if !elementTypes.contains(type) { problems.append("elements.csv: unknown element type \"\(type)\"") }
            if concepts[id] != nil { problems.append("elements.csv: id \"\(id)\" twice") }
            concepts[id] = type
        }

        let relationRecords = records(relations, file: "relations.csv", problems: &problems)
        if relationRecords.first?.fields != relationsHeader { problems.append("relations.csv: header \(relationRecords.first?.fields ?? [])") }
        var pending: [(id: String, type: String, source: String, target: String)] = []
        for record in relationRecords.dropFirst() {
            guard record.fields.count == relationsHeader.count else {
                problems.append("relations.csv: record size \(record.fields.count): \(record.fields)")
                continue
            }
            let (id, type) = (record.fields[0], record.fields[1])
            if !isValidID(id) { problems.append("relations.csv: invalid id \"\(id)\"") }
            if !relationshipTypes.contains(type) { problems.append("relations.csv: unknown relationship type \"\(type)\"") }
            if concepts[id] != nil { problems.append("relations.csv: id \"\(id)\" twice") }
            concepts[id] = type
            pending.append((id, type, record.fields[4], record.fields[5]))
        }
        for relation in pending {
            guard let source = concepts[relation.source] else {
                problems.append("relations.csv: \(relation.id): source \"\(relation.source)\" not found")
                continue
            }
            guard let target = concepts[relation.target] else {
                problems.append("relations.csv: \(relation.id): target \"\(relation.target)\" not found")
                continue
            }
            if relation.type != "AssociationRelationship" && !allowed.contains("\(source) \(relation.type) \(target)") {
                problems.append("relations.csv: \(relation.id): not allowed: \(source) \(relation.type) \(target)")
            }
        }

        let propertyRecords = records(properties, file: "properties.csv", problems: &problems)
        if propertyRecords.first?.fields != propertiesHeader { problems.append("properties.csv: header \(propertyRecords.first?.fields ?? [])") }
        for record in propertyRecords.dropFirst() {
            guard record.fields.count == propertiesHeader.count else {
                problems.append("properties.csv: record size \(record.fields.count)")
                continue
            }
            let id = record.fields[0]
            if !isValidID(id) { problems.append("properties.csv: invalid id \"\(id)\"") }
            if concepts[id] == nil && id != modelID { problems.append("properties.csv: unknown owner \"\(id)\"") }
        }
        return problems
    }
}
