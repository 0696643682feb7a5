import CoraCSV
@testable import CoraKit
import Foundation
import Testing

/// `Mappings/schema/mapping.schema.json` against `MappingParser`, and the examples of
/// `Mappings/README.md`.
@Suite("Mapping schema and README")
struct MappingSchemaTests {
    static let schemaURL = packageRoot.appendingPathComponent("Mappings/schema/mapping.schema.json")
    static let readmeURL = packageRoot.appendingPathComponent("Mappings/README.md")

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: schemaURL)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The value at a path of keys (and array indices) in the schema.
    static func node(_ root: Any, _ path: Any...) throws -> Any {
        var current = root
        for step in path {
            if let key = step as? String {
                current = try #require((current as? [String: Any])?[key], "no \(key) in the schema at \(path)")
            } else if let index = step as? Int {
                let array = try #require(current as? [Any], "no array in the schema at \(path)")
                current = array[index]
            }
        }
        return current
    }

    static func keys(_ root: Any, _ path: Any...) throws -> Set<String> {
        var current = root
        for step in path { current = try node(current, step) }
        return Set(try #require(current as? [String: Any]).keys)
    }

    /// The object form of a field rule (the third of its anyOf: text, list, object).
    static func ruleObject(_ schema: [String: Any], _ def: String) throws -> Any {
        try node(schema, "$defs", def, "anyOf", 2)
    }

    // MARK: Keys

    @Test("every key MappingParser accepts is in the schema, and no other")
    func keysMatchParser() throws {
        let schema = try Self.schema()
        #expect(try Self.keys(schema, "properties") == Set(MappingParser.topLevelKeys))
        #expect(try Self.keys(schema, "properties", "detect", "properties") == Set(MappingParser.detectKeys))
        #expect(try Self.keys(schema, "properties", "dialect", "properties") == Set(MappingParser.dialectKeys))
        #expect(try Self.keys(schema, "properties", "hierarchy", "properties") == Set(MappingParser.hierarchyKeys))
        #expect(try Self.keys(schema, "properties", "hierarchy", "properties", "levels", "items", "properties") == Set(MappingParser.levelItemKeys))
        #expect(try Self.keys(schema, "properties", "fields", "properties") == Set(CanonicalField.canonicalHeader))

        // `match` is for the references only, `flags` for requirements only; every other key for every field.
        let common = Set(MappingParser.fieldKeys).subtracting(["match", "flags"])
        #expect(try Self.keys(Self.ruleObject(schema, "referenceField"), "properties") == common.union(["match"]))
        #expect(try Self.keys(Self.ruleObject(schema, "requirementsField"), "properties") == common.union(["flags"]))
        for def in ["field", "levelField", "categoryField"] {
            #expect(try Self.keys(Self.ruleObject(schema, def), "properties") == common, "\(def)")
        }
        #expect(try Self.keys(schema, "properties", "requirement-tags", "additionalProperties", "anyOf", 1, "properties")
                == Set(MappingParser.requirementTagKeys))
        for field in CanonicalField.allCases {
            let reference = try Self.node(schema, "properties", "fields", "properties", field.rawValue, "$ref") as? String
            let expected: String
            switch field {
            case .level: expected = "#/$defs/levelField"
            case .category: expected = "#/$defs/categoryField"
            case .parent, .next, .steers, .reportsTo: expected = "#/$defs/referenceField"
            case .requirements: expected = "#/$defs/requirementsField"
            default: expected = "#/$defs/field"
            }
            #expect(reference == expected, "\(field)")
        }

        // properties: all | none | {only} | {except}
        let choices = try #require(try Self.node(schema, "properties", "properties", "anyOf") as? [[String: Any]])
        #expect(choices[0]["enum"] as? [String] == ["all", "none"])
        let objectKeys = try choices.dropFirst().map { try Self.keys($0, "properties") }
        #expect(Set(objectKeys.flatMap { $0 }) == Set(MappingParser.propertiesKeys))
        #expect(objectKeys.allSatisfy { $0.count == 1 })
    }

    @Test("the schema's enums are the model's values")
    func enumsMatchModel() throws {
        let schema = try Self.schema()
        #expect(try Self.node(schema, "properties", "hierarchy", "properties", "from", "enum") as? [String]
                == Mapping.Hierarchy.Shape.allCases.map(\.rawValue))
        #expect(try Self.node(Self.ruleObject(schema, "referenceField"), "properties", "match", "enum") as? [String]
                == Mapping.ReferenceMatch.allCases.map(\.rawValue))
        #expect(try Self.node(schema, "$defs", "level", "anyOf", 0, "enum") as? [String] == ProcessLevel.canonicalValues)
        #expect(try Self.node(schema, "$defs", "category", "anyOf", 0, "enum") as? [String] == ProcessCategory.canonicalValues)
        #expect(try Self.node(schema, "properties", "requirement-tags", "additionalProperties", "anyOf", 1, "properties", "group", "enum")
                as? [String] == RequirementGroup.allCases.map(\.rawValue))
        #expect(try Self.node(schema, "properties", "dialect", "properties", "encoding", "anyOf", 0, "enum") as? [String]
                == CSVEncoding.allCases.map(\.rawValue))
    }

    /// Whether `text` matches the schema pattern at `path` (ICU regular expressions agree with
    /// ECMA-262 on these simple patterns).
    static func matches(_ text: String, pattern: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("the schema's word patterns accept exactly the built-in level and category words")
    func wordPatterns() throws {
        let schema = try Self.schema()
        let levelPattern = try #require(try Self.node(schema, "$defs", "level", "anyOf", 1, "pattern") as? String)
        let categoryPattern = try #require(try Self.node(schema, "$defs", "category", "anyOf", 1, "pattern") as? String)
        for word in Vocabulary.levels.knownWords {
            #expect(try Self.matches(word, pattern: levelPattern), "\(word)")
            #expect(try Self.matches(word.uppercased().replacingOccurrences(of: " ", with: "_"), pattern: levelPattern), "\(word)")
        }
        for word in Vocabulary.categories.knownWords {
            #expect(try Self.matches(word, pattern: categoryPattern), "\(word)")
            #expect(try Self.matches(" " + word.capitalized + " ", pattern: categoryPattern), "\(word)")
        }
        // Every word the patterns accept is one the vocabulary knows.
        for word in ["S", "M", "s", "werkprocessen", "proces", "level", "primairr", "bp wp"] {
            #expect(Vocabulary.categories.lookUp(word).foundValue == nil && Vocabulary.levels.lookUp(word).foundValue == nil, "\(word)")
            #expect(try !Self.matches(word, pattern: categoryPattern), "\(word)")
            #expect(try !Self.matches(word, pattern: levelPattern), "\(word)")
        }

        let encodingPattern = try #require(try Self.node(schema, "properties", "dialect", "properties", "encoding", "anyOf", 1, "pattern") as? String)
        for name in ["utf8", "UTF-8", "utf-8-sig", "cp1252", "CP-1252", "ANSI", "latin1", "ISO-8859-1", "iso 8859 15", "UTF16", "Unicode", "ucs-2"] {
            #expect(CSVEncoding(name: name) != nil)
            #expect(try Self.matches(name, pattern: encodingPattern), "\(name)")
        }
        for name in ["utf-9", "ebcdic", "latin2", ""] {
            #expect(CSVEncoding(name: name) == nil)
            #expect(try !Self.matches(name, pattern: encodingPattern), "\(name)")
        }

        let delimiterPattern = try #require(try Self.node(schema, "properties", "dialect", "properties", "delimiter", "pattern") as? String)
        for name in [";", ",", "|", "\t", "tab", "TAB", "\\t", "comma", "Semicolon", "pipe", "#", " "] {
            #expect(CSVDialect.delimiter(named: name) != nil, "\(name)")
            #expect(try Self.matches(name, pattern: delimiterPattern), "\(name)")
        }
        for name in ["\"", ";;", "é", "", "\n"] {
            #expect(CSVDialect.delimiter(named: name) == nil, "\(name)")
            #expect(try !Self.matches(name, pattern: delimiterPattern), "\(name)")
        }
    }

    // MARK: Documents

    /// Mappings the parser accepts; the schema must accept them too.
    static let accepted: [String] = [
        "fields: {category: {values: {S: Sturend, M: ' Primaire  Processen '}}}",
        "fields: {code: {columns: [], constant: B}}",
        "dialect: {delimiter: tab, encoding: UTF_8, skip-rows: '3'}",
        "dialect: {encoding: CP-1252, delimiter: '\\t', header-row: 2}",
        "trim: Yes\ncollapse-whitespace: off",
        "hierarchy: {from: level-columns, levels: [{column: N1, level: BP}, {columns: [N2], level: Work_Process}]}",
        "hierarchy: {levels: [{column: N1}], levels-by-depth: [stap], inherit-category: false}",
        "properties: {only: [a]}",
        "properties: none",
        "fields: {parent: {match: name, split: \"\\n\"}, next: {columns: [Volgende], match: code}}",
        "name: 123\ndescription: Een export",
        "detect: {headers: [A, B]}",
        "fields: {name: [Procesnaam, Naam], owner: Eigenaar, status: {column: Status, default: Concept, values: {V: Vastgesteld}}}",
        "fields: {name: {column: Naam, required: true, trim: false, strip-prefixes: 'WP ', strip-suffixes: ['(werkproces)']}}",
        "fields: {services: {column: D, split: [\"1234567890123456\", \"\\n\"]}, parent: {column: P, split: 'é234567890123456'}}",
    ]

    /// Mappings the parser refuses; the schema must refuse them too.
    static let refused: [String] = [
        "fields: {naam: X}",
        "fields: {category: {values: {S: S}}}",
        "fields: {code: {column: A, constant: B}}",
        "hierarchy: {from: level-columns}",
        "hierarchy: {from: trees}",
        "properties: some",
        "properties: {only: [a], except: [b]}",
        "fields: {code: {match: code}}",
        "fields: {parent: {match: title}}",
        "dialect: {delimiter: ab}",
        "dialect: {encoding: utf-9}",
        "trim: maybe",
        "dialect: {skip-rows: -1}",
        "dialect: {header-row: 0}",
        "detect: {headers: A}",
        "detect: {columns: [A]}",
        "hierarchy: {levels: [{level: bp}]}",
        "fields: {level: {values: {X: blah}}}",
        "fields: {name: {colums: [Naam]}}",
        "colour: blue",
        "fields: {services: {column: D, split: [\",\", \"12345678901234567\"]}}",
        "fields: {parent: {column: P, split: 'é2345678901234567'}}",
    ]

    @Test("the parser accepts and refuses the documents the schema test uses", arguments: accepted + refused)
    func parserAgrees(_ yaml: String) {
        let parsed = (try? MappingParser.parse(yaml, file: "test.yaml")) != nil
        #expect(parsed == Self.accepted.contains(yaml), "\(yaml)")
    }

    /// The ```yaml blocks of Mappings/README.md.
    static func readmeExamples() throws -> [String] {
        let text = try String(contentsOf: readmeURL, encoding: .utf8)
        var blocks: [String] = []
        var current: [String]?
        for line in text.components(separatedBy: "\n") {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```yaml" {
                current = []
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    @Test("every YAML example in Mappings/README.md is a mapping that cora reads")
    func readmeExamplesParse() throws {
        let examples = try Self.readmeExamples()
        #expect(examples.count >= 20)
        for (number, yaml) in examples.enumerated() {
            do {
                _ = try MappingParser.parse(yaml, file: "README example \(number + 1)")
            } catch {
                Issue.record("README example \(number + 1) does not parse: \(error)\n\(yaml)")
            }
        }
    }

    @Test("the README's init example is what cora mapping init writes for its input")
    func readmeInitExample() throws {
        let examples = try Self.readmeExamples()
        let shown = try #require(examples.first { $0.hasPrefix("# inventaris: drafted by") })
        let input = """
            Procescode;Procesnaam;Soort;Procesgroep;Bovenliggend proces;Proceseigenaar;Applicaties;Opmerking
            S01;BP Bepalen visie;Bedrijfsproces;S;;Directeur;SharePoint;
            S01.01;WP Opstellen woonvisie;Werkproces;;S01;Manager Strategie;SharePoint, Teams;
            P01;BP Verhuren eenheden;Bedrijfsproces;Primair;;Manager Wonen;Empire;herzien 2024
            P01.01;WP Verhuren eenheid;Werkproces;;P01;Teamleider Verhuur;Empire, WoningNet;

            """
        let reader = try CSVReader(source: MemoryByteSource(text: input))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        let draft = MappingDraft(file: "inventaris.csv", name: "inventaris", records: records,
                                 delimiter: reader.dialect.delimiter, encoding: reader.dialect.encoding)
        #expect(draft.yaml == shown)
    }

    // MARK: Validation with python3 (jsonschema, yaml)

    /// Runs python3 with `script` and `arguments`; `nil` when python3 cannot be started.
    static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cora-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptURL = folder.appendingPathComponent("validate.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let outputURL = folder.appendingPathComponent("output")
        #expect(FileManager.default.createFile(atPath: outputURL.path, contents: nil))
        let output = try FileHandle(forWritingTo: outputURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path] + arguments
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        try output.close()
        return (process.terminationStatus, try String(contentsOf: outputURL, encoding: .utf8))
    }

    /// Validates each document (a JSON list of {name, yaml}) against the schema; prints one line
    /// per document: `ok NAME` or `invalid NAME: message`. Exit 3 when the modules are missing.
    static let validator = """
        import json, sys
        try:
            import jsonschema, yaml
        except ImportError as error:
            print("missing module: %s" % error.name)
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for document in json.load(open(sys.argv[2], encoding="utf-8")):
            errors = sorted(validator.iter_errors(yaml.safe_load(document["yaml"])), key=lambda e: list(e.path))
            if errors:
                print("invalid %s: %s at %s" % (document["name"], errors[0].message[:300], "/".join(map(str, errors[0].path))))
            else:
                print("ok %s" % document["name"])
        """

    @Test("the shipped mappings, the README examples and the test documents validate against the schema as the parser says (python3 jsonschema)")
    func validateWithPython() throws {
        var documents: [[String: String]] = []
        let folder = packageRoot.appendingPathComponent("Mappings")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".yaml") }).sorted() {
            documents.append(["name": "Mappings/\(file)", "yaml": try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)])
        }
        for (number, yaml) in try Self.readmeExamples().enumerated() {
            documents.append(["name": "README-example-\(number + 1)", "yaml": yaml])
        }
        for (number, yaml) in Self.accepted.enumerated() { documents.append(["name": "accepted-\(number)", "yaml": yaml]) }
        for (number, yaml) in Self.refused.enumerated() { documents.append(["name": "refused-\(number)", "yaml": yaml]) }

        let listURL = FileManager.default.temporaryDirectory.appendingPathComponent("cora-schema-documents-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: documents).write(to: listURL)
        defer { try? FileManager.default.removeItem(at: listURL) }

        guard let run = try Self.python(Self.validator, [Self.schemaURL.path, listURL.path]) else {
            try Test.cancel("python3 is not installed: the schema was not checked with jsonschema (the key comparison above still ran)")
        }
        if run.status == 3 || run.status == 127 {
            try Test.cancel("python3 with the jsonschema and yaml modules is needed to validate against the schema (\(run.output.trimmingCharacters(in: .whitespacesAndNewlines))); the key comparison above still ran")
        }
        #expect(run.status == 0, "\(run.output)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == documents.count, "\(run.output)")
        for line in lines {
            if line.hasPrefix("ok refused-") {
                Issue.record("the schema accepts a mapping the parser refuses: \(Self.refused[Int(line.dropFirst("ok refused-".count))!])")
            } else if line.hasPrefix("invalid "), !line.hasPrefix("invalid refused-") {
                Issue.record("the schema refuses a mapping the parser accepts: \(line)")
            }
        }
    }
}
