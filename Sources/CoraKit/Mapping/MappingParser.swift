import CoraCSV
import Yams

/// Reads a mapping from YAML text, checking every key and type and naming the line of each problem.
public struct MappingParser {
    /// The most YAML nodes a mapping may have; guards against alias bombs and runaway files.
    public static let maxNodes = 20_000
    /// The largest mapping file accepted, in bytes.
    public static let maxBytes = 1 << 20

    private let file: String
    private var visited = 0

    /// Creates a parser; `file` names the mapping in messages.
    public init(file: String) {
        self.file = file
    }

    /// Parses `yaml` into a mapping. A mapping without a `name` is named `fallbackName`.
    public static func parse(_ yaml: String, file: String, fallbackName: String = "mapping") throws(MappingError) -> Mapping {
        var parser = MappingParser(file: file)
        return try parser.parse(yaml, fallbackName: fallbackName)
    }

    private static let topLevelKeys = ["name", "description", "dialect", "trim", "fields", "properties"]
    private static let dialectKeys = ["delimiter", "encoding", "skip-rows"]
    private static let fieldKeys = ["columns", "column", "constant", "default", "split", "trim", "required"]

    mutating func parse(_ yaml: String, fallbackName: String) throws(MappingError) -> Mapping {
        guard yaml.utf8.count <= Self.maxBytes else {
            throw MappingError(file: file, message: "the mapping is larger than \(Self.maxBytes) bytes")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw MappingError(file: file, line: Self.line(of: error), message: "not valid YAML: \(Self.problem(of: error))")
        } catch {
            throw MappingError(file: file, message: "not valid YAML: \(error)")
        }
        guard let root else { throw MappingError(file: file, line: 1, message: "the mapping is empty") }
        let top = try mapping(root, what: "the mapping")
        var result = Mapping(name: fallbackName, origin: file)
        for (keyNode, value) in top {
            let key = try scalar(keyNode, what: "a key")
            switch key {
            case "name": result.name = try scalar(value, what: "name")
            case "description": result.description = try scalar(value, what: "description")
            case "trim": result.trim = try bool(value, what: "trim")
            case "dialect": result.dialect = try dialect(value)
            case "fields": result.fields = try fields(value)
            case "properties": result.properties = try properties(value)
            default: throw unknownKey(key, at: keyNode, allowed: Self.topLevelKeys, in: "a mapping")
            }
        }
        return result
    }

    // MARK: Sections

    private mutating func dialect(_ node: Node) throws(MappingError) -> Mapping.Dialect {
        var dialect = Mapping.Dialect()
        for (keyNode, value) in try mapping(node, what: "dialect") {
            let key = try scalar(keyNode, what: "a key")
            switch key {
            case "delimiter":
                let text = try scalar(value, what: "delimiter")
                guard let byte = CSVDialect.delimiter(named: text) else {
                    throw MappingError(file: file, line: Self.line(value), message: "the delimiter \"\(text)\" is not one character",
                                       hint: "write for example \";\", \",\", \"|\" or tab")
                }
                dialect.delimiter = byte
            case "encoding":
                let text = try scalar(value, what: "encoding")
                guard let encoding = CSVEncoding(name: text) else {
                    throw MappingError(file: file, line: Self.line(value), message: "unknown encoding \"\(text)\"",
                                       hint: "use one of \(CSVEncoding.acceptedNames)")
                }
                dialect.encoding = encoding
            case "skip-rows":
                dialect.skipRows = try count(value, what: "skip-rows")
            default: throw unknownKey(key, at: keyNode, allowed: Self.dialectKeys, in: "dialect")
            }
        }
        return dialect
    }

    private mutating func fields(_ node: Node) throws(MappingError) -> [CanonicalField: Mapping.FieldRule] {
        var result: [CanonicalField: Mapping.FieldRule] = [:]
        for (keyNode, value) in try mapping(node, what: "fields") {
            let key = try scalar(keyNode, what: "a field name")
            guard let field = CanonicalField(rawValue: key) else {
                throw unknownKey(key, at: keyNode, allowed: CanonicalField.canonicalHeader, in: "fields", noun: "field")
            }
            result[field] = try rule(value, field: field)
        }
        return result
    }

    private mutating func rule(_ node: Node, field: CanonicalField) throws(MappingError) -> Mapping.FieldRule {
        // Shorthands: `name: Procesnaam` and `name: [Procesnaam, Naam]`.
        if node.scalar != nil { return Mapping.FieldRule(columns: [try scalar(node, what: field.rawValue)]) }
        if node.sequence != nil { return Mapping.FieldRule(columns: try strings(node, what: field.rawValue)) }
        var rule = Mapping.FieldRule()
        for (keyNode, value) in try mapping(node, what: "the field \(field.rawValue)") {
            let key = try scalar(keyNode, what: "a key")
            switch key {
            case "columns", "column":
                rule.columns = value.sequence != nil ? try strings(value, what: key) : [try scalar(value, what: key)]
            case "constant": rule.constant = try scalar(value, what: "constant")
            case "default": rule.defaultValue = try scalar(value, what: "default")
            case "split": rule.split = value.sequence != nil ? try strings(value, what: "split") : [try scalar(value, what: "split")]
            case "trim": rule.trim = try bool(value, what: "trim")
            case "required": rule.required = try bool(value, what: "required")
            default: throw unknownKey(key, at: keyNode, allowed: Self.fieldKeys, in: "the field \(field.rawValue)")
            }
        }
        return rule
    }

    private mutating func properties(_ node: Node) throws(MappingError) -> Mapping.PropertySelection {
        if node.scalar != nil {
            let text = try scalar(node, what: "properties")
            switch text {
            case "all": return .all
            case "none": return .none
            default:
                throw MappingError(file: file, line: Self.line(node), message: "properties must be all, none, {only: [...]} or {except: [...]}, not \"\(text)\"")
            }
        }
        let pairs = try mapping(node, what: "properties")
        guard pairs.count == 1, let (keyNode, value) = pairs.first else {
            throw MappingError(file: file, line: Self.line(node), message: "properties takes one key: only or except")
        }
        let key = try scalar(keyNode, what: "a key")
        switch key {
        case "only": return .only(try strings(value, what: "only"))
        case "except": return .except(try strings(value, what: "except"))
        default: throw unknownKey(key, at: keyNode, allowed: ["only", "except"], in: "properties")
        }
    }

    // MARK: Typed access

    private mutating func count(node: Node) throws(MappingError) {
        visited += 1
        if visited > Self.maxNodes {
            throw MappingError(file: file, line: Self.line(node), message: "the mapping has more than \(Self.maxNodes) YAML nodes",
                               hint: "a mapping is a short hand-written file; aliases that multiply nodes are not allowed")
        }
    }

    private mutating func mapping(_ node: Node, what: String) throws(MappingError) -> [(Node, Node)] {
        try count(node: node)
        guard let mapping = node.mapping else {
            throw MappingError(file: file, line: Self.line(node), message: "\(what) must be a mapping of keys to values, not \(Self.kind(of: node))")
        }
        var seen = Set<String>()
        var pairs: [(Node, Node)] = []
        for (key, value) in mapping {
            if let name = key.string, !seen.insert(name).inserted {
                throw MappingError(file: file, line: Self.line(key), message: "the key \"\(name)\" appears twice in \(what)")
            }
            pairs.append((key, value))
        }
        return pairs
    }

    private mutating func scalar(_ node: Node, what: String) throws(MappingError) -> String {
        try count(node: node)
        guard let scalar = node.scalar else {
            throw MappingError(file: file, line: Self.line(node), message: "\(what) must be a single value, not \(Self.kind(of: node))")
        }
        return scalar.string
    }

    private mutating func strings(_ node: Node, what: String) throws(MappingError) -> [String] {
        try count(node: node)
        guard let sequence = node.sequence else {
            throw MappingError(file: file, line: Self.line(node), message: "\(what) must be a list, not \(Self.kind(of: node))")
        }
        var result: [String] = []
        for item in sequence { result.append(try scalar(item, what: "an item of \(what)")) }
        return result
    }

    private mutating func bool(_ node: Node, what: String) throws(MappingError) -> Bool {
        let text = try scalar(node, what: what)
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw MappingError(file: file, line: Self.line(node), message: "\(what) must be true or false, not \"\(text)\"")
        }
    }

    private mutating func count(_ node: Node, what: String) throws(MappingError) -> Int {
        let text = try scalar(node, what: what)
        guard let value = Int(text), value >= 0, value < 1_000_000 else {
            throw MappingError(file: file, line: Self.line(node), message: "\(what) must be a whole number ≥ 0, not \"\(text)\"")
        }
        return value
    }

    private func unknownKey(_ key: String, at node: Node, allowed: [String], in place: String, noun: String = "key") -> MappingError {
        let suggestion = Suggestion.closest(to: key, in: allowed)
        return MappingError(
            file: file, line: Self.line(node), message: "unknown \(noun) \"\(key)\" in \(place)",
            hint: suggestion.map { "did you mean \"\($0)\"? Allowed: \(allowed.joined(separator: ", "))" }
                ?? "allowed: \(allowed.joined(separator: ", "))")
    }

    // MARK: Helpers

    private static func line(_ node: Node) -> Int? { node.mark.map { $0.line } }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let duplicates, _): return "duplicate keys \(duplicates.joined(separator: ", "))"
        default: return "\(error)"
        }
    }
}
