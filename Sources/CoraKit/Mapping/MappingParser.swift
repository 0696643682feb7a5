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
    /// The problems found so far: a key that is wrong is recorded and the parser goes on with the
    /// next one, so that a mapping with two typos reports both.
    private var problems: [MappingError] = []
    /// Whether the mapping has more YAML nodes than ``maxNodes``.
    private var limitPassed = false

    /// Creates a parser; `file` names the mapping in messages.
    public init(file: String) {
        self.file = file
    }

    /// Parses `yaml` into a mapping. A mapping without a `name` is named `fallbackName`.
    public static func parse(_ yaml: String, file: String, fallbackName: String = "mapping") throws(MappingError) -> Mapping {
        var parser = MappingParser(file: file)
        return try parser.parse(yaml, fallbackName: fallbackName)
    }

    // The keys accepted in each part of a mapping (Mappings/schema/mapping.schema.json lists the same; a test compares them).
    static let topLevelKeys = ["name", "description", "detect", "dialect", "trim", "collapse-whitespace", "fields", "hierarchy", "properties",
                               "language", "requirement-tags"]
    static let detectKeys = ["headers"]
    static let dialectKeys = ["delimiter", "encoding", "skip-rows", "header-row"]
    static let fieldKeys = ["columns", "column", "constant", "default", "split", "trim", "required", "collapse-whitespace",
                            "values", "strip-prefixes", "strip-suffixes", "match", "flags"]
    static let requirementTagKeys = ["group", "label", "label-en", "synonyms"]
    static let hierarchyKeys = ["from", "levels", "levels-by-depth", "inherit-category"]
    static let levelItemKeys = ["column", "columns", "level"]
    static let propertiesKeys = ["only", "except"]

    mutating func parse(_ yaml: String, fallbackName: String) throws(MappingError) -> Mapping {
        guard yaml.utf8.count <= Self.maxBytes else {
            let line = 1 + yaml.utf8.prefix(Self.maxBytes).count { $0 == 0x0A }
            throw MappingError(file: file, line: line, message: "the mapping is larger than \(Self.maxBytes) bytes; the limit is passed on line \(line)",
                               hint: "a mapping is a short hand-written file")
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
          do throws(MappingError) {
            let key = try scalar(keyNode, what: "a key")
            switch key {
            case "name": result.name = try scalar(value, what: "name")
            case "description": result.description = try scalar(value, what: "description")
            case "trim": result.trim = try bool(value, what: "trim")
            case "collapse-whitespace": result.collapseWhitespace = try bool(value, what: "collapse-whitespace")
            case "detect": result.detectHeaders = try detect(value)
            case "dialect": result.dialect = try dialect(value)
            case "fields": result.fields = try fields(value)
            case "hierarchy": result.hierarchy = try hierarchy(value)
            case "properties": result.properties = try properties(value)
            case "requirement-tags": result.requirementTags = try requirementTags(value)
            case "language":
                let text = try scalar(value, what: "language")
                guard let language = InventoryLanguage(rawValue: text) else {
                    throw MappingError(file: file, line: Self.line(value), message: "language must be nl or en, not \"\(text)\"",
                                       hint: "the language of the process names, for the naming convention")
                }
                result.language = language
            default: throw unknownKey(key, at: keyNode, allowed: Self.topLevelKeys, in: "a mapping")
            }
          } catch {
            try record(error)
          }
        }
        if var first = problems.first {
            first.further = Array(problems.dropFirst())
            throw first
        }
        return result
    }

    /// Records a problem with one key and lets the parser go on with the next; the node limit
    /// ends the parse at once (going on would only pass it again).
    private mutating func record(_ error: MappingError) throws(MappingError) {
        if limitPassed { throw error }
        problems.append(error)
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
            case "header-row":
                let row = try count(value, what: "header-row")
                guard row >= 1 else {
                    throw MappingError(file: file, line: Self.line(value), message: "header-row counts from 1, not \(row)")
                }
                dialect.skipRows = row - 1
            default: throw unknownKey(key, at: keyNode, allowed: Self.dialectKeys, in: "dialect")
            }
        }
        return dialect
    }

    private mutating func fields(_ node: Node) throws(MappingError) -> [CanonicalField: Mapping.FieldRule] {
        var result: [CanonicalField: Mapping.FieldRule] = [:]
        for (keyNode, value) in try mapping(node, what: "fields") {
            do throws(MappingError) {
                let key = try scalar(keyNode, what: "a field name")
                guard let field = CanonicalField(rawValue: key) else {
                    throw unknownKey(key, at: keyNode, allowed: CanonicalField.canonicalHeader, in: "fields", noun: "field")
                }
                var fieldRule = try rule(value, field: field)
                fieldRule.line = Self.line(keyNode)
                result[field] = fieldRule
            } catch {
                try record(error)
            }
        }
        return result
    }

    private mutating func rule(_ node: Node, field: CanonicalField) throws(MappingError) -> Mapping.FieldRule {
        // Shorthands: `name: Procesnaam` and `name: [Procesnaam, Naam]`.
        if node.scalar != nil { return Mapping.FieldRule(columns: [try scalar(node, what: field.rawValue)], line: Self.line(node)) }
        if node.sequence != nil { return Mapping.FieldRule(columns: try strings(node, what: field.rawValue), line: Self.line(node)) }
        var rule = Mapping.FieldRule(line: Self.line(node))
        for (keyNode, value) in try mapping(node, what: "the field \(field.rawValue)") {
          do throws(MappingError) {
            let key = try scalar(keyNode, what: "a key")
            switch key {
            case "columns", "column":
                rule.columns = value.sequence != nil ? try strings(value, what: key) : [try scalar(value, what: key)]
            case "constant": rule.constant = try scalar(value, what: "constant")
            case "default": rule.defaultValue = try scalar(value, what: "default")
            case "split":
                rule.split = value.sequence != nil ? try strings(value, what: "split") : [try scalar(value, what: "split")]
                try checkSeparators(rule.split, nodes: value.sequence.map { Array($0) } ?? [value])
            case "trim": rule.trim = try bool(value, what: "trim")
            case "required": rule.required = try bool(value, what: "required")
            case "collapse-whitespace": rule.collapseWhitespace = try bool(value, what: "collapse-whitespace")
            case "strip-prefixes": rule.stripPrefixes = try stringOrStrings(value, what: key)
            case "strip-suffixes": rule.stripSuffixes = try stringOrStrings(value, what: key)
            case "values": rule.values = try valueMap(value, field: field)
            case "match":
                let text = try scalar(value, what: "match")
                guard field.isReference else {
                    throw MappingError(file: file, line: Self.line(keyNode),
                                       message: "match applies to parent, next, steers and reports-to only, not to \(field.rawValue)")
                }
                guard let match = Mapping.ReferenceMatch(rawValue: text) else {
                    throw MappingError(file: file, line: Self.line(value), message: "match must be any, id, code or name, not \"\(text)\"")
                }
                rule.match = match
            case "flags":
                guard field == .requirements else {
                    throw MappingError(file: file, line: Self.line(keyNode), message: "flags applies to requirements only, not to \(field.rawValue)",
                                       hint: "flags names yes/no columns, one per requirement: `flags: {AVG: privacy, KWH: kwh}`")
                }
                rule.flags = try flags(value)
            default: throw unknownKey(key, at: keyNode, allowed: Self.fieldKeys, in: "the field \(field.rawValue)")
            }
          } catch {
            try record(error)
          }
        }
        if rule.constant != nil && !rule.columns.isEmpty {
            throw MappingError(file: file, line: Self.line(node), message: "the field \(field.rawValue) has both columns and a constant; choose one")
        }
        return rule
    }

    /// A separator is a short mark: one longer than ``ValueSplitter/separatorLimit`` characters
    /// (code points) is refused, as it would make splitting a long cell slow.
    private func checkSeparators(_ separators: [String], nodes: [Node]) throws(MappingError) {
        for (separator, node) in zip(separators, nodes) {
            let length = separator.unicodeScalars.count
            guard length > ValueSplitter.separatorLimit else { continue }
            let start = String(separator.unicodeScalars.prefix(12).map(Character.init))
            throw MappingError(file: file, line: Self.line(node),
                               message: "the split separator \"\(start)…\" has \(length) characters; a separator has at most \(ValueSplitter.separatorLimit)",
                               hint: "a separator is the short mark between the values of a cell, such as \",\", \";\", \" / \" or \"\\n\"")
        }
    }

    private mutating func valueMap(_ node: Node, field: CanonicalField) throws(MappingError) -> [(from: String, to: String)] {
        var result: [(from: String, to: String)] = []
        for (keyNode, value) in try mapping(node, what: "values") {
            let from = try scalar(keyNode, what: "a value")
            let to = try scalar(value, what: "the value for \"\(from)\"")
            // An empty right-hand side clears the value ("0" as parent: at the top; a category left
            // empty is inherited from the parent).
            switch field {
            case .level where !to.isEmpty:
                guard case .found = Vocabulary.levels.lookUp(to) else {
                    throw MappingError(file: file, line: Self.line(value), message: "\"\(to)\" is not a level",
                                       hint: "use one of \(ProcessLevel.canonicalValues.joined(separator: ", "))")
                }
            case .category where !to.isEmpty:
                guard case .found = Vocabulary.categories.lookUp(to) else {
                    throw MappingError(file: file, line: Self.line(value), message: "\"\(to)\" is not a category",
                                       hint: "use one of \(ProcessCategory.canonicalValues.joined(separator: ", "))")
                }
            default: break
            }
            result.append((from, to))
        }
        return result
    }

    /// `flags: {AVG: privacy, KWH: kwh}`: a yes/no column per requirement, and the tag (or a word
    /// for it) that a yes adds.
    private mutating func flags(_ node: Node) throws(MappingError) -> [(column: String, tag: String)] {
        var result: [(column: String, tag: String)] = []
        for (keyNode, value) in try mapping(node, what: "flags") {
            let column = try scalar(keyNode, what: "a column")
            let tag = try scalar(value, what: "the requirement of the column \"\(column)\"")
            guard !tag.isEmpty else {
                throw MappingError(file: file, line: Self.line(value), message: "the column \"\(column)\" names no requirement",
                                   hint: "write the requirement a yes in the column stands for, such as privacy or kwh")
            }
            result.append((column, tag))
        }
        return result
    }

    /// `requirement-tags`: the corporation's own requirements, each a tag with a group, labels
    /// and synonyms.
    private mutating func requirementTags(_ node: Node) throws(MappingError) -> [RequirementTag] {
        var result: [RequirementTag] = []
        var known = RequirementCatalog.cora
        for (keyNode, value) in try mapping(node, what: "requirement-tags") {
            let name = try scalar(keyNode, what: "a requirement tag")
            guard RequirementTag.isValidTag(name) else {
                throw MappingError(file: file, line: Self.line(keyNode), message: "the requirement tag \"\(name)\" is not a tag",
                                   hint: "a tag is lower case letters and digits with - between words, such as passend-toewijzen; "
                                       + "the label says it in full")
            }
            if let taken = known.tag(name) {
                throw MappingError(file: file, line: Self.line(keyNode),
                                   message: taken.group == .own ? "the requirement tag \"\(name)\" is defined twice"
                                       : "\"\(name)\" is one of CORA's requirements; an own tag needs a name of its own",
                                   hint: "to read another word as \(name), map it in the requirements field: `values: {WORD: \(name)}`")
            }
            var tag = RequirementTag(tag: name)
            var english: String?
            if value.scalar != nil {
                // `passend-toewijzen: Passend toewijzen`: just the label.
                let label = try scalar(value, what: "the label of \(name)")
                if !label.isEmpty { tag.dutchLabel = label }
            }
            for (itemKey, itemValue) in value.scalar != nil ? [] : try mapping(value, what: "the requirement tag \(name)") {
                let key = try scalar(itemKey, what: "a key")
                switch key {
                case "group":
                    let text = try scalar(itemValue, what: "group")
                    guard let group = RequirementGroup(rawValue: text) else {
                        throw MappingError(file: file, line: Self.line(itemValue), message: "unknown requirement group \"\(text)\"",
                                           hint: "use one of \(RequirementGroup.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    tag.group = group
                case "label": tag.dutchLabel = try scalar(itemValue, what: "label")
                case "label-en": english = try scalar(itemValue, what: "label-en")
                case "synonyms": tag.synonyms = try stringOrStrings(itemValue, what: "synonyms")
                default: throw unknownKey(key, at: itemKey, allowed: Self.requirementTagKeys, in: "the requirement tag \(name)")
                }
            }
            tag.englishLabel = english ?? tag.dutchLabel
            guard !tag.dutchLabel.trimmingWhitespace().isEmpty, !tag.englishLabel.trimmingWhitespace().isEmpty else {
                throw MappingError(file: file, line: Self.line(keyNode), message: "the requirement tag \"\(name)\" has an empty label",
                                   hint: "leave label out to use the tag itself, or write the requirement in full")
            }
            // Its words may not already stand for another requirement: `AVG` is privacy.
            for word in [tag.dutchLabel, tag.englishLabel] + tag.synonyms {
                if case .found(let other) = known.lookUp(word), other != name {
                    throw MappingError(file: file, line: Self.line(keyNode),
                                       message: "\"\(word)\" of the requirement tag \"\(name)\" already stands for the requirement \(other)",
                                       hint: "a word means one requirement; leave it out here, or name \(other) in the inventory")
                }
            }
            result.append(tag)
            known.adding([tag])
        }
        return result
    }

    private mutating func detect(_ node: Node) throws(MappingError) -> [String] {
        var headers: [String] = []
        for (keyNode, value) in try mapping(node, what: "detect") {
            let key = try scalar(keyNode, what: "a key")
            guard key == "headers" else { throw unknownKey(key, at: keyNode, allowed: Self.detectKeys, in: "detect") }
            headers = try strings(value, what: "headers")
        }
        return headers
    }

    private mutating func hierarchy(_ node: Node) throws(MappingError) -> Mapping.Hierarchy {
        var hierarchy = Mapping.Hierarchy(line: Self.line(node))
        var shapeGiven = false
        for (keyNode, value) in try mapping(node, what: "hierarchy") {
            let key = try scalar(keyNode, what: "a key")
            switch key {
            case "from":
                let text = try scalar(value, what: "from")
                guard let shape = Mapping.Hierarchy.Shape(rawValue: text) else {
                    throw MappingError(file: file, line: Self.line(value), message: "unknown hierarchy shape \"\(text)\"",
                                       hint: "use one of \(Mapping.Hierarchy.Shape.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                hierarchy.shape = shape
                shapeGiven = true
            case "levels":
                guard let items = value.sequence else {
                    throw MappingError(file: file, line: Self.line(value), message: "levels must be a list of {column, level}")
                }
                try count(node: value)
                for item in items {
                    var columns: [String] = []
                    var level: ProcessLevel?
                    for (itemKey, itemValue) in try mapping(item, what: "an item of levels") {
                        let name = try scalar(itemKey, what: "a key")
                        switch name {
                        case "column", "columns": columns = try stringOrStrings(itemValue, what: name)
                        case "level": level = try self.level(itemValue)
                        default: throw unknownKey(name, at: itemKey, allowed: Self.levelItemKeys, in: "levels")
                        }
                    }
                    guard !columns.isEmpty else {
                        throw MappingError(file: file, line: Self.line(item), message: "each item of levels needs a column")
                    }
                    hierarchy.levelColumns.append(.init(columns: columns, level: level, line: Self.line(item)))
                }
            case "levels-by-depth":
                guard let items = value.sequence else {
                    throw MappingError(file: file, line: Self.line(value), message: "levels-by-depth must be a list of levels")
                }
                try count(node: value)
                var levels: [ProcessLevel] = []
                for item in items { levels.append(try level(item)) }
                hierarchy.levelsByDepth = levels
            case "inherit-category":
                hierarchy.inheritCategory = try bool(value, what: "inherit-category")
            default: throw unknownKey(key, at: keyNode, allowed: Self.hierarchyKeys, in: "hierarchy")
            }
        }
        if !hierarchy.levelColumns.isEmpty && !shapeGiven { hierarchy.shape = .levelColumns }
        if hierarchy.shape == .levelColumns && hierarchy.levelColumns.isEmpty {
            throw MappingError(file: file, line: Self.line(node), message: "hierarchy from level-columns needs levels: one {column, level} per level")
        }
        return hierarchy
    }

    private mutating func level(_ node: Node) throws(MappingError) -> ProcessLevel {
        let text = try scalar(node, what: "a level")
        guard case .found(let level) = Vocabulary.levels.lookUp(text) else {
            throw MappingError(file: file, line: Self.line(node), message: "\"\(text)\" is not a level",
                               hint: "use one of \(ProcessLevel.canonicalValues.joined(separator: ", "))")
        }
        return level
    }

    private mutating func stringOrStrings(_ node: Node, what: String) throws(MappingError) -> [String] {
        node.sequence != nil ? try strings(node, what: what) : [try scalar(node, what: what)]
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
        default: throw unknownKey(key, at: keyNode, allowed: Self.propertiesKeys, in: "properties")
        }
    }

    // MARK: Typed access

    private mutating func count(node: Node) throws(MappingError) {
        visited += 1
        if visited > Self.maxNodes {
            limitPassed = true
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
