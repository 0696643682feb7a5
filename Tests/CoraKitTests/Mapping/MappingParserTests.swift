import CoraCSV
import CoraKit
import Foundation
import Testing

@Suite("Mapping files")
struct MappingParserTests {
    @Test("every shipped mapping parses, and the compiled-in copy equals Mappings/*.yaml")
    func builtinMappingsMatchFiles() throws {
        let folder = packageRoot.appendingPathComponent("Mappings")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == MappingCatalog.builtin.names, "run `make mappings`")
        for file in files {
            let name = String(file.dropLast(5))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(MappingCatalog.builtin.yaml(named: name).map { $0 + "\n" } == text, "\(file) differs from the compiled-in copy: run `make mappings`")
            let mapping = try MappingCatalog.builtin.mapping(named: name)
            #expect(mapping.name == name)
        }
    }

    @Test("the canonical mapping maps each canonical column to its field, untrimmed")
    func canonicalMapping() throws {
        let mapping = try MappingCatalog.builtin.mapping(named: "canonical")
        #expect(mapping.trim == false)
        #expect(mapping.properties == .all)
        #expect(Set(mapping.fields.keys) == Set(CanonicalField.allCases))
        for field in CanonicalField.allCases {
            #expect(mapping.fields[field]?.columns == [field.rawValue])
            #expect(mapping.fields[field]?.split == (field.isMultiValued ? ["|"] : []))
        }
        #expect(mapping.fields[.name]?.required == true)
    }

    @Test("every key, in full and in shorthand")
    func fullMapping() throws {
        let yaml = """
        name: voorbeeld
        description: Een voorbeeld
        dialect:
          delimiter: ";"
          encoding: cp1252
          skip-rows: 2
        trim: true
        fields:
          name: Procesnaam
          code: [Procescode, Code]
          services:
            columns: [Levert dienst]
            split: [",", "\\n"]
          status:
            column: Status
            default: Concept
          category:
            constant: primary
          owner:
            columns: [Eigenaar]
            trim: false
            required: true
        properties:
          except: [Opmerking]
        """
        let mapping = try MappingParser.parse(yaml, file: "voorbeeld.yaml")
        #expect(mapping.name == "voorbeeld")
        #expect(mapping.description == "Een voorbeeld")
        #expect(mapping.dialect == Mapping.Dialect(delimiter: UInt8(ascii: ";"), encoding: .windows1252, skipRows: 2))
        #expect(mapping.fields[.name] == Mapping.FieldRule(columns: ["Procesnaam"]))
        #expect(mapping.fields[.code] == Mapping.FieldRule(columns: ["Procescode", "Code"]))
        #expect(mapping.fields[.services] == Mapping.FieldRule(columns: ["Levert dienst"], split: [",", "\n"]))
        #expect(mapping.fields[.status] == Mapping.FieldRule(columns: ["Status"], defaultValue: "Concept"))
        #expect(mapping.fields[.category] == Mapping.FieldRule(constant: "primary"))
        #expect(mapping.fields[.owner] == Mapping.FieldRule(columns: ["Eigenaar"], trim: false, required: true))
        #expect(mapping.properties == .except(["Opmerking"]))
    }

    /// The error for `yaml`, as `line: message`.
    private func error(_ yaml: String) -> String? {
        do {
            _ = try MappingParser.parse(yaml, file: "m.yaml")
            return nil
        } catch {
            return "\(error.line.map(String.init) ?? "-"): \(error.message)" + (error.hint.map { " | \($0)" } ?? "")
        }
    }

    @Test("bad mappings are refused with the line and what is wrong")
    func badMappings() {
        #expect(error("name: x\nfeilds:\n  name: Naam\n") == "2: unknown key \"feilds\" in a mapping | did you mean \"fields\"? Allowed: name, description, detect, dialect, trim, collapse-whitespace, fields, hierarchy, properties, language, requirement-tags")
        #expect(error("fields:\n  naam: Procesnaam\n") == "2: unknown field \"naam\" in fields | did you mean \"name\"? Allowed: id, code, name, level, category, parent, order, owner, function, services, events, applications, next, status, description, requirements, steers, reports-to, pdca-phase")
        #expect(error("fields:\n  name:\n    columns: Naam\n    trim: misschien\n") == "4: trim must be true or false, not \"misschien\"")
        #expect(error("fields: [a, b]\n") == "1: fields must be a mapping of keys to values, not a list")
        #expect(error("dialect:\n  delimiter: ab\n") == "2: the delimiter \"ab\" is not one character | write for example \";\", \",\", \"|\" or tab")
        #expect(error("dialect:\n  encoding: klingon\n")?.hasPrefix("2: unknown encoding \"klingon\"") == true)
        #expect(error("dialect:\n  skip-rows: -1\n") == "2: skip-rows must be a whole number ≥ 0, not \"-1\"")
        #expect(error("") == "1: the mapping is empty")
        #expect(error("name: [unclosed\n")?.hasPrefix("2: not valid YAML") == true)
        #expect(error("properties: some\n") == "1: properties must be all, none, {only: [...]} or {except: [...]}, not \"some\"")
    }

    @Test("a split separator of more than 16 characters is refused at its line (it would make a long cell slow to split)")
    func longSeparator() throws {
        #expect(error("fields:\n  services:\n    column: D\n    split:\n      - \",\"\n      - \"12345678901234567\"\n")
                == "6: the split separator \"123456789012…\" has 17 characters; a separator has at most 16 | a separator is the short mark between the values of a cell, such as \",\", \";\", \" / \" or \"\\n\"")
        #expect(error("fields:\n  parent: {column: P, split: '\(String(repeating: "é", count: 17))'}\n")?.hasPrefix("2: the split separator \"éééééééééééé…\" has 17 characters") == true)
        // 16 is allowed, counted in characters (code points), not bytes.
        let mapping = try MappingParser.parse("fields:\n  services: {column: D, split: ['\(String(repeating: "é", count: 16))', \"\\n\"]}\n", file: "m.yaml")
        #expect(mapping.fields[.services]?.split == [String(repeating: "é", count: 16), "\n"])
    }

    @Test("an alias bomb is refused instead of exhausting memory")
    func aliasBomb() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let items = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(items)]\n"
        }
        yaml += "fields:\n  name:\n    columns: *a8\n"
        let message = error(yaml)
        #expect(message != nil)
    }
}
