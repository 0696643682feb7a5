import CoraCSV

/// A first mapping for an export that no mapping fits yet, drafted from its header and a sample
/// of its rows (`cora mapping init`).
///
/// The draft recognises each column with ``HeaderVocabulary``, and looks at the sample for the
/// rest: separators in multi-valued cells, the shape of the hierarchy (a parent column, dotted
/// codes, or one column per level), level and category values that the built-in words do not
/// cover, `BP `/`WP ` prefixes in names. ``yaml`` writes it all as a commented mapping that
/// ``MappingParser`` reads; whatever is a guess is marked `TODO`.
///
/// ```swift
/// let records = [CSVRecord(fields: ["Procescode", "Procesnaam"]), CSVRecord(fields: ["P1", "Verhuren eenheden"])]
/// let draft = MappingDraft(file: "export.csv", name: "export", records: records)
/// print(draft.yaml)
/// ```
public struct MappingDraft: Sendable {
    /// The input the draft was made from, for the comments.
    public let file: String
    /// The name of the drafted mapping.
    public let name: String
    /// The delimiter to fix in the mapping (`nil`: leave it to detection).
    public let delimiter: UInt8?
    /// The encoding to fix in the mapping (`nil`: leave it to detection).
    public let encoding: CSVEncoding?
    /// How many records above the header are skipped (titles above the table).
    public let skipRows: Int
    /// The header cells, trimmed (blank headers are empty strings).
    public let header: [String]
    /// The physical line of the header, when the records carry lines.
    public let headerLine: Int
    /// How many data rows the sample had.
    public let sampleRows: Int
    /// What the draft puts in each canonical field.
    public private(set) var fields: [CanonicalField: FieldDraft] = [:]
    /// For a per-level layout: the level columns, from coarse to fine.
    public private(set) var levelColumns: [LevelColumnDraft] = []
    /// The shape of the hierarchy found; `nil` when the export shows none.
    public private(set) var shape: Mapping.Hierarchy.Shape?
    /// The levels by depth, for a hierarchy without a level column.
    public private(set) var levelsByDepth: [ProcessLevel] = []
    /// The indices of the columns that no field takes: they stay properties.
    public private(set) var unplaced: [Int] = []
    /// Notes on columns that looked like a field but were not used, by column index.
    public private(set) var columnNotes: [Int: String] = [:]
    /// The language of the export, from the header and value words recognised (`nil`: not told).
    public private(set) var language: InventoryLanguage?

    /// A yes/no column of the requirements: its header and the tag a yes adds.
    public struct Flag: Sendable, Equatable {
        public var column: String
        public var tag: String
    }

    /// What the draft puts in one canonical field.
    public struct FieldDraft: Sendable, Equatable {
        /// The column the field reads (its index in the header), or `nil` for a constant.
        public var index: Int?
        /// A constant value instead of a column.
        public var constant: String?
        /// Separators for a multi-valued cell.
        public var split: [String] = []
        /// Value map entries for values the built-in words do not cover.
        public var values: [ValueDraft] = []
        /// Prefixes to strip from values.
        public var stripPrefixes: [String] = []
        /// Suffixes to strip from values.
        public var stripSuffixes: [String] = []
        /// Whether runs of whitespace become one space.
        public var collapseWhitespace = false
        /// Whether the column is required.
        public var required = false
        /// For `parent`: what its values name, when the sample says so.
        public var match: Mapping.ReferenceMatch?
        /// For `requirements`: yes/no columns, one per requirement (the header and its tag).
        public var flags: [Flag] = []
        /// Comments for the field, one per line.
        public var notes: [String] = []
    }

    /// One entry of a drafted value map.
    public struct ValueDraft: Sendable, Equatable {
        /// The value as it is in the export.
        public var from: String
        /// The canonical value guessed for it; `nil` when there is no good guess (the entry is
        /// written as a comment to fill in).
        public var to: String?
        /// Why, for the comment.
        public var note: String
    }

    /// One column of a per-level layout.
    public struct LevelColumnDraft: Sendable, Equatable {
        /// The column's index in the header.
        public var index: Int
        /// The level of the processes named in it.
        public var level: ProcessLevel?
    }

    /// The most records above the table that are looked at for the header.
    static let headerSearchRows = 10
    /// The most distinct unknown values written into a value map; with more, the column holds a
    /// code list rather than level or category words, and the draft sums them up instead.
    static let maxValueEntries = 10
    /// The values that mean "no parent" in a parent column ("0", "-", "n.v.t.", "geen").
    static var noParentWords: Set<String> { NoParentWords.words }

    /// Drafts a mapping from the first `records` of an export (the header and a sample of rows;
    /// a few hundred rows are plenty).
    ///
    /// - Parameters:
    ///   - file: the export's name, for the comments.
    ///   - name: the mapping's name.
    ///   - records: the records as read, header first (title rows above it are found and skipped).
    ///   - delimiter: the delimiter to fix in the mapping, when it is not `,`.
    ///   - encoding: the encoding to fix in the mapping, when it is not UTF-8.
    public init(file: String, name: String, records: [CSVRecord], delimiter: UInt8? = nil, encoding: CSVEncoding? = nil) {
        self.file = file
        self.name = name
        self.delimiter = delimiter == UInt8(ascii: ",") ? nil : delimiter
        self.encoding = encoding == .utf8 ? nil : encoding
        let headerIndex = Self.headerIndex(in: records)
        self.skipRows = headerIndex
        let headerRecord = headerIndex < records.count ? records[headerIndex] : CSVRecord(fields: [])
        self.header = headerRecord.fields.map { $0.trimmingWhitespace() }
        self.headerLine = headerRecord.line
        let rows = records.dropFirst(headerIndex + 1).filter { !$0.isBlank }.map(\.fields)
        self.sampleRows = rows.count
        analyse(rows)
    }

    // MARK: Analysis

    /// The record that is most like a header among the first ones: the most recognised column
    /// names, else the most filled cells.
    static func headerIndex(in records: [CSVRecord]) -> Int {
        let window = Array(records.prefix(headerSearchRows))
        guard !window.isEmpty else { return 0 }
        let recognised = window.map { record in
            record.fields.filter { cell in
                !HeaderVocabulary.fields(forHeader: cell).isEmpty || HeaderVocabulary.levelNumber(ofHeader: cell) != nil
            }.count
        }
        if let best = recognised.max(), best > 0 { return recognised.firstIndex(of: best)! }
        let filled = window.map { record in record.fields.filter { !$0.trimmingWhitespace().isEmpty }.count }
        return filled.firstIndex(of: filled.max()!)!
    }

    private mutating func analyse(_ rows: [[String]]) {
        func cells(_ index: Int) -> [String] {
            rows.compactMap { index < $0.count ? $0[index] : nil }.filter { !$0.trimmingWhitespace().isEmpty }
        }
        var claimed = Set<Int>()

        // One column per level: `Niveau 1`, `Niveau 2`, … or `Bedrijfsproces`, `Werkproces`, ….
        let numbered = header.indices.compactMap { index in HeaderVocabulary.levelNumber(ofHeader: header[index]).map { (index, $0) } }
        if numbered.count >= 2 {
            let sorted = numbered.sorted { $0.1 < $1.1 }
            let levels = Self.levels(forColumnCount: sorted.count)
            levelColumns = sorted.enumerated().map { LevelColumnDraft(index: $0.element.0, level: $0.offset < levels.count ? levels[$0.offset] : nil) }
        } else {
            var byLevel: [ProcessLevel: Int] = [:]
            for index in header.indices {
                if let level = HeaderVocabulary.level(ofLevelColumn: header[index]), byLevel[level] == nil { byLevel[level] = index }
            }
            if byLevel.count >= 2 {
                levelColumns = byLevel.sorted { $0.key < $1.key }.map { LevelColumnDraft(index: $0.value, level: $0.key) }
            }
        }
        claimed.formUnion(levelColumns.map(\.index))

        // Every other column by its header: the field's own name first, then the vocabulary;
        // a level word (`Werkproces`) is a name, and only failing that a parent.
        var pairs: [(field: CanonicalField, index: Int, tier: Int, position: Int)] = []
        for index in header.indices where !claimed.contains(index) {
            let key = TextNormalization.matchKey(header[index])
            let isLevelWord = HeaderVocabulary.level(ofLevelColumn: header[index]) != nil
            for field in HeaderVocabulary.fields(forHeader: header[index]) {
                let names = HeaderVocabulary.headers[field] ?? []
                let position = names.firstIndex { TextNormalization.matchKey($0) == key } ?? names.count
                let tier = !isLevelWord ? 1 : field == .name ? 2 : 3
                pairs.append((field, index, tier, position))
            }
        }
        pairs.sort { ($0.tier, $0.position, $0.index) < ($1.tier, $1.position, $1.index) }
        var assigned: [CanonicalField: Int] = [:]
        for pair in pairs where assigned[pair.field] == nil && !claimed.contains(pair.index) {
            assigned[pair.field] = pair.index
            claimed.insert(pair.index)
        }
        // `ID` alone is the inventory's own code (CORA.md §3); beside a code column it is the id.
        if let index = assigned[.id], assigned[.code] == nil, TextNormalization.matchKey(header[index]) == "id" {
            assigned[.code] = index
            assigned[.id] = nil
        }
        // Ids that ArchiMate tools refuse are codes, or properties.
        if let index = assigned[.id], cells(index).contains(where: { !ProcessIdentifier.isValid($0.trimmingWhitespace()) }) {
            assigned[.id] = nil
            if assigned[.code] == nil {
                assigned[.code] = index
            } else {
                claimed.remove(index)
                columnNotes[index] = "looked like the id, but some values are not valid ids (letters, digits, . _ - only)"
            }
        }
        if let index = assigned[.order], cells(index).contains(where: { Int($0.trimmingWhitespace()).map { $0 < 0 } ?? true }) {
            assigned[.order] = nil
            claimed.remove(index)
            columnNotes[index] = "looked like the order, but not every value is a whole number"
        }

        for (field, index) in assigned {
            fields[field] = FieldDraft(index: index, notes: ["\(Self.quotedHeader(header[index])) (column \(index + 1))"])
        }

        // Names: required, noise removed.
        if let index = fields[.name]?.index {
            let names = cells(index)
            fields[.name]?.required = true
            fields[.name]?.stripPrefixes = Self.prefixesFound(in: names)
            fields[.name]?.stripSuffixes = Self.suffixesFound(in: names)
            fields[.name]?.collapseWhitespace = names.contains { $0.trimmingWhitespace().collapsingWhitespace() != $0.trimmingWhitespace() }
        }

        // A column that names processes of a coarser level (`Gebruikt in bedrijfsproces(sen)`) is
        // the parent when its values (the first of each cell) are names of rows in the sample.
        if fields[.parent] == nil, levelColumns.isEmpty, let nameRule = fields[.name], let nameIndex = nameRule.index {
            let names = Set(cells(nameIndex).map {
                TextNormalization.matchKey(Self.stripped($0.trimmingWhitespace(), prefixes: nameRule.stripPrefixes, suffixes: nameRule.stripSuffixes))
            })
            for index in header.indices where !claimed.contains(index) {
                let key = TextNormalization.matchKey(header[index])
                guard ProcessLevel.allCases.contains(where: { key.contains($0.dutchName) }) else { continue }
                let values = cells(index)
                let separators = Self.separators(in: values)
                let splitter = ValueSplitter(separators)
                let firsts = values.compactMap { splitter.split($0).first }
                guard !firsts.isEmpty, firsts.allSatisfy({ names.contains(TextNormalization.matchKey($0)) }) else { continue }
                var notes = ["\(Self.quotedHeader(header[index])) (column \(index + 1)): its values are names of processes in the file"]
                if !separators.isEmpty {
                    notes.append("a cell may name several; the first is the parent, the whole cell is kept as \"\(header[index]) (original)\"")
                }
                fields[.parent] = FieldDraft(index: index, split: separators, match: .name, notes: notes)
                claimed.insert(index)
                break
            }
        }

        // Yes/no columns named for a requirement (`AVG`, `KWH`): flags of the requirements field.
        var flags: [Flag] = []
        for index in header.indices where !claimed.contains(index) {
            guard case .found(let tag) = RequirementCatalog.cora.lookUp(header[index]) else { continue }
            let values = cells(index)
            guard !values.isEmpty, values.allSatisfy({ FlagWords.answer($0) != .unclear }) else { continue }
            flags.append(Flag(column: header[index], tag: tag))
            claimed.insert(index)
        }
        if !flags.isEmpty {
            let note = "yes/no columns, one per requirement: " + flags.map { "\(Self.quotedHeader($0.column)) → \($0.tag)" }.joined(separator: ", ")
            if fields[.requirements] == nil { fields[.requirements] = FieldDraft(index: nil) }
            fields[.requirements]?.flags = flags
            fields[.requirements]?.notes.append(note)
        }

        // Multi-valued cells: the separators many cells contain.
        for field in CanonicalField.allCases where field.isMultiValued {
            guard let index = fields[field]?.index else { continue }
            let eager = field.isReference || field == .requirements
            fields[field]?.split = Self.separators(in: cells(index), eager: eager)
        }
        // Requirement words that are no tag: said, with where to define them.
        if let index = fields[.requirements]?.index {
            let splitter = ValueSplitter(fields[.requirements]?.split ?? [])
            let unknown = Self.distinct(cells(index).flatMap { splitter.split($0) }.filter {
                RequirementCatalog.cora.lookUp($0) == .unknown && !RequirementTag.isValidTag($0) })
            if !unknown.isEmpty {
                fields[.requirements]?.notes.append("TODO: no requirement tag for " + unknown.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
                    + (unknown.count > 8 ? ", …" : "") + "; map them to a tag with `values:`, or define them under `requirement-tags:`")
            }
        }

        // The hierarchy, and the depth of each sample row in it.
        var depths: [Int?] = Array(repeating: nil, count: rows.count)
        func cell(_ row: [String], _ index: Int?) -> String {
            guard let index, index < row.count else { return "" }
            return row[index].trimmingWhitespace()
        }
        if !levelColumns.isEmpty {
            shape = .levelColumns
        } else if let index = fields[.parent]?.index {
            shape = .parentColumn
            let references = cells(index).map { $0.trimmingWhitespace() }
            fields[.parent]?.stripPrefixes = Self.prefixesFound(in: references)
            fields[.parent]?.stripSuffixes = Self.suffixesFound(in: references)
            let parentRule = fields[.parent], nameRule = fields[.name]
            let idIndex = fields[.id]?.index, codeIndex = fields[.code]?.index, nameIndex = nameRule?.index
            func nameKey(_ row: [String]) -> String {
                TextNormalization.matchKey(Self.stripped(cell(row, nameIndex), prefixes: nameRule?.stripPrefixes ?? [], suffixes: nameRule?.stripSuffixes ?? []))
            }
            let splitter = ValueSplitter(parentRule?.split ?? [])
            func reference(_ row: [String]) -> String {
                let first = splitter.split(cell(row, index)).first ?? ""
                return Self.stripped(first, prefixes: parentRule?.stripPrefixes ?? [], suffixes: parentRule?.stripSuffixes ?? [])
            }
            var ids: [String: Int] = [:], codes: [String: Int] = [:], names: [String: Int] = [:]
            for (position, row) in rows.enumerated() {
                if idIndex != nil, case let id = cell(row, idIndex), !id.isEmpty, ids[id] == nil { ids[id] = position }
                if codeIndex != nil, case let code = cell(row, codeIndex), !code.isEmpty, codes[code] == nil { codes[code] = position }
                if nameIndex != nil, case let name = nameKey(row), !name.isEmpty, names[name] == nil { names[name] = position }
            }
            var stripped = rows.map(reference).filter { !$0.isEmpty }
            // A placeholder for "no parent" ("0", "-", "n.v.t.", "geen") that names no process: cleared
            // by a value map. A known one always; another short value when it is the only one that
            // names no process and other rows do have a parent.
            var unresolved = Self.distinct(stripped.filter { ids[$0] == nil && codes[$0] == nil && names[TextNormalization.matchKey($0)] == nil })
            for placeholder in unresolved where Self.noParentWords.contains(placeholder.lowercased()) {
                fields[.parent]?.values.append(ValueDraft(from: placeholder, to: "", note: "\"\(placeholder)\" names no process: at the top"))
                stripped.removeAll { $0 == placeholder }
            }
            unresolved.removeAll { Self.noParentWords.contains($0.lowercased()) }
            if fields[.parent]?.values.isEmpty != false, unresolved.count == 1, let placeholder = unresolved.first, placeholder.count <= 6,
               stripped.count - stripped.filter({ $0 == placeholder }).count > 0 {
                fields[.parent]?.values.append(ValueDraft(from: placeholder, to: "", note: "\"\(placeholder)\" names no process: at the top"))
                stripped.removeAll { $0 == placeholder }
            }
            var covering: [Mapping.ReferenceMatch] = []
            if !stripped.isEmpty {
                if !ids.isEmpty, stripped.allSatisfy({ ids[$0] != nil }) { covering.append(.id) }
                if !codes.isEmpty, stripped.allSatisfy({ codes[$0] != nil }) { covering.append(.code) }
                if !names.isEmpty, stripped.allSatisfy({ names[TextNormalization.matchKey($0)] != nil }) { covering.append(.name) }
            }
            if fields[.parent]?.match != nil {
                // Found by its names above.
            } else if covering.count == 1, let only = covering.first {
                fields[.parent]?.match = only
                fields[.parent]?.notes.append("its values are the parents' \(only.rawValue)s")
            } else if covering.isEmpty, !stripped.isEmpty {
                fields[.parent]?.notes.append("TODO: some values name no process of the sample by id, code or name; check them (match: id, code or name)")
            }
            let cleared = Set(fields[.parent]?.values.filter { $0.to == "" }.map(\.from) ?? [])
            let parentOf: [Int?] = rows.map { row in
                let value = reference(row)
                guard !value.isEmpty, !cleared.contains(value) else { return nil }
                return ids[value] ?? codes[value] ?? names[TextNormalization.matchKey(value)]
            }
            depths = Self.depths(parentOf: parentOf)
        } else if let index = fields[.code]?.index {
            let codes = cells(index).map { $0.trimmingWhitespace() }
            let known = Set(codes)
            let dotted = codes.filter { $0.contains(".") }
            let withParent = dotted.filter { known.contains(ModelBuilder.dottedParent(of: $0)) }
            if !dotted.isEmpty, withParent.count * 2 >= dotted.count {
                shape = .dottedCodes
                var positions: [String: Int] = [:]
                for (position, row) in rows.enumerated() where positions[cell(row, index)] == nil { positions[cell(row, index)] = position }
                let parentOf: [Int?] = rows.map { row in
                    let parent = ModelBuilder.dottedParent(of: cell(row, index))
                    return parent.isEmpty ? nil : positions[parent]
                }
                depths = Self.depths(parentOf: parentOf)
            }
        }

        // Level and category values that the built-in words do not know.
        for field in [CanonicalField.level, .category] {
            guard let index = fields[field]?.index else { continue }
            let distinct = Self.distinct(cells(index).map { $0.trimmingWhitespace() })
            // Per depth, the level that the known values there say most often.
            var levelAtDepth: [Int: ProcessLevel] = [:]
            if field == .level {
                var counts: [Int: [ProcessLevel: Int]] = [:]
                for (position, row) in rows.enumerated() {
                    guard let depth = depths[position], let level = Vocabulary.levels.lookUp(cell(row, index)).foundValue else { continue }
                    counts[depth, default: [:]][level, default: 0] += 1
                }
                levelAtDepth = counts.mapValues { $0.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
            }
            var entries: [ValueDraft] = []
            for value in distinct {
                let key = TextNormalization.matchKey(value)
                if field == .category {
                    if Vocabulary.categories.lookUp(value).foundValue == nil { entries.append(Self.guessCategory(value)) }
                    continue
                }
                if Vocabulary.levels.lookUp(value).foundValue != nil { continue }
                let valueDepths = Set(rows.indices.filter { TextNormalization.matchKey(cell(rows[$0], index)) == key }.compactMap { depths[$0] })
                var depthGuess: ProcessLevel?
                if valueDepths.count == 1, let depth = valueDepths.first {
                    let defaults: [ProcessLevel] = [.businessProcess, .workProcess, .processStep]
                    depthGuess = levelAtDepth[depth] ?? (depth <= defaults.count ? defaults[depth - 1] : nil)
                }
                entries.append(Self.guessLevel(value, depthGuess: depthGuess, depth: valueDepths.first))
            }
            let unguessed = entries.filter { $0.to == nil }.count
            if distinct.count >= 3, unguessed * 2 > distinct.count {
                fields[field] = nil
                claimed.remove(index)
                columnNotes[index] = "looked like the \(field.rawValue), but most of its values are not \(field == .level ? "levels" : "categories")"
                continue
            }
            if entries.count > Self.maxValueEntries {
                // A code list, not a handful of words: a summary instead of a value map to check line by line.
                let what = field == .level ? "levels" : "categories"
                let examples = entries.prefix(3).map { "\"\($0.from)\"" }.joined(separator: ", ")
                fields[field]?.notes.append("TODO: \(entries.count) values in the sample are not known \(what) (such as \(examples)); "
                    + "this looks like a code list: choose another column, or map its values under `values:`")
            } else {
                fields[field]?.values = entries
            }
        }

        // A name column named after a level (`Werkproces`) says the level of every row.
        language = WordLanguage.language(header: header, values: [CanonicalField.level, .category].flatMap { field in
            fields[field]?.index.map { Self.distinct(cells($0).map { $0.trimmingWhitespace() }) } ?? []
        })

        if fields[.level] == nil, levelColumns.isEmpty, let index = fields[.name]?.index,
           let level = HeaderVocabulary.level(ofLevelColumn: header[index]) {
            fields[.level] = FieldDraft(constant: level.rawValue, notes: ["every row is a \(level.dutchName): the name column is \(Self.quotedHeader(header[index]))"])
        }
        let levelHasBlanks = fields[.level]?.index.map { index in rows.contains { cell($0, index).isEmpty } } ?? false
        if shape == .parentColumn || shape == .dottedCodes, fields[.level] == nil || levelHasBlanks {
            levelsByDepth = Self.levelsByDepth(depths: depths, levels: fields[.level]?.index.map { index in
                rows.map { row -> ProcessLevel? in
                    let value = cell(row, index)
                    if let level = Vocabulary.levels.lookUp(value).foundValue { return level }
                    let key = TextNormalization.matchKey(value)
                    return fields[.level]?.values.first { TextNormalization.matchKey($0.from) == key }?.to.flatMap(ProcessLevel.init(rawValue:))
                }
            } ?? [])
            if fields[.level] != nil {
                fields[.level]?.notes.append("some rows leave it empty: they get the level of their depth (hierarchy: levels-by-depth)")
            }
        }

        unplaced = header.indices.filter { !claimed.contains($0) }
        for index in unplaced where columnNotes[index] == nil {
            let key = TextNormalization.matchKey(header[index])
            if let level = ProcessLevel.allCases.first(where: { key.contains($0.dutchName) }) {
                let plural = ["stuurscenario": "stuurscenario's", "procesketen": "procesketens", "processtap": "processtappen"][level.dutchName] ?? level.dutchName + "sen"
                columnNotes[index] = "names \(plural). To make the first one the parent (their rows must be in the file too):\n"
                    + "parent: {column: \(YAMLText.scalar(header[index], quoted: true)), split: \"\\n\", match: name}"
            }
        }
    }

    /// The level of each depth: the one the rows at that depth have most (`levels`, by row), when
    /// every depth down to the deepest has one, else business process, work process, process step.
    static func levelsByDepth(depths: [Int?], levels: [ProcessLevel?]) -> [ProcessLevel] {
        let fallback: [ProcessLevel] = [.businessProcess, .workProcess, .processStep]
        var counts: [Int: [ProcessLevel: Int]] = [:]
        for (position, depth) in depths.enumerated() {
            guard let depth, position < levels.count, let level = levels[position] else { continue }
            counts[depth, default: [:]][level, default: 0] += 1
        }
        let deepest = depths.compactMap { $0 }.max() ?? 0
        guard deepest > 0 else { return fallback }
        var result: [ProcessLevel] = []
        for depth in 1...deepest {
            guard let level = counts[depth]?.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key,
                  result.last.map({ $0 < level }) ?? true else { return fallback }
            result.append(level)
        }
        return result
    }

    /// The depth of each row (1 at the top) given the position of each row's parent; `nil` for
    /// rows in a cycle.
    static func depths(parentOf: [Int?]) -> [Int?] {
        var depths = [Int?](repeating: nil, count: parentOf.count)
        for start in parentOf.indices where depths[start] == nil {
            var chain: [Int] = []
            var current: Int? = start
            var onChain = Set<Int>()
            var cycle = false
            while let node = current, depths[node] == nil {
                guard onChain.insert(node).inserted else { cycle = true; break }
                chain.append(node)
                current = parentOf[node]
            }
            if cycle { continue }
            var depth = current.flatMap { depths[$0] } ?? 0
            for node in chain.reversed() {
                depth += 1
                depths[node] = depth
            }
        }
        return depths
    }

    /// The levels of `count` numbered level columns, from coarse to fine.
    static func levels(forColumnCount count: Int) -> [ProcessLevel] {
        switch count {
        case ...3: return Array([ProcessLevel.businessProcess, .workProcess, .processStep].prefix(count))
        case 4: return [.processChain, .businessProcess, .workProcess, .processStep]
        default: return ProcessLevel.allCases
        }
    }

    /// The values in order of first appearance, each once (compared as match keys).
    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert(TextNormalization.matchKey($0)).inserted }
    }

    /// The prefixes (`BP `, `WP `) that some of `values` start with.
    static func prefixesFound(in values: [String]) -> [String] {
        let candidates = ["BP: ", "WP: ", "BP ", "WP ", "PS "]
        return candidates.filter { prefix in
            values.contains { value in
                let trimmed = value.trimmingWhitespace()
                guard let rest = trimmed.removingPrefix(prefix) else { return false }
                // `BP ` and not `BP: `: the longer prefix is listed on its own.
                return !rest.isEmpty && !(prefix.hasSuffix(" ") && !prefix.hasSuffix(": ") && trimmed.removingPrefix(prefix.dropLast() + ": ") != nil)
            }
        }.filter { $0 != "PS " || values.filter { $0.trimmingWhitespace().removingPrefix("PS ") != nil }.count >= 2 }
    }

    /// The suffixes (`(werkproces)`) that some of `values` end with.
    static func suffixesFound(in values: [String]) -> [String] {
        let candidates = ["(bedrijfsproces)", "(werkproces)", "(processtap)", "(procesketen)"]
        return candidates.filter { suffix in values.contains { $0.trimmingWhitespace().removingSuffix(suffix).map { !$0.isEmpty } ?? false } }
    }

    static func stripped(_ value: String, prefixes: [String], suffixes: [String]) -> String {
        var result = value
        for prefix in prefixes { if let rest = result.removingPrefix(prefix) { result = rest.trimmingWhitespace() } }
        for suffix in suffixes { if let rest = result.removingSuffix(suffix) { result = rest.trimmingWhitespace() } }
        return result
    }

    /// The separators of a multi-valued column: a line break when many cells hold one, and each
    /// of `;`, `|` and `,` that many of the other cells hold. "Many" is two cells, or a quarter of them.
    /// `eager`: one cell with a separator is enough (references and requirement tags, whose values
    /// hardly ever hold one themselves).
    static func separators(in cells: [String], eager: Bool = false) -> [String] {
        func many(_ count: Int, of total: Int) -> Bool { count >= 2 || (count >= 1 && (eager || count * 4 >= total)) }
        let trimmed = cells.map { $0.trimmingWhitespace() }
        let multiLine = trimmed.filter { $0.contains("\n") || $0.contains("\r") }
        var result: [String] = many(multiLine.count, of: trimmed.count) ? ["\n"] : []
        let rest = result.isEmpty ? trimmed : trimmed.filter { !($0.contains("\n") || $0.contains("\r")) }
        // " / " between names ("Tobias / Outlook") is a separator; a bare "/" is too common inside names.
        if many(rest.filter { $0.contains(" / ") }.count, of: rest.count) { result.append(" / ") }
        result += [";", "|", ","].filter { separator in many(rest.filter { $0.contains(separator) }.count, of: rest.count) }
        return result
    }

    /// A guess at the canonical category of a value the built-in words do not know.
    static func guessCategory(_ value: String) -> ValueDraft {
        let key = TextNormalization.matchKey(value)
        switch key {
        case "s": return ValueDraft(from: value, to: ProcessCategory.steering.rawValue,
                                    note: "TODO: a bare S is ambiguous (sturend? secundair? support?); guessed sturend, as in CORA's S/P/O")
        case "m": return ValueDraft(from: value, to: ProcessCategory.steering.rawValue,
                                    note: "TODO: a bare M is ambiguous; guessed management (sturend)")
        default: break
        }
        let words = key.split(separator: " ").filter { !["proces", "processen", "process", "processes"].contains($0) }.joined(separator: " ")
        for attempt in [words, words.hasSuffix("e") ? String(words.dropLast()) : words, words.hasSuffix("en") ? String(words.dropLast(2)) : words] {
            if let category = Vocabulary.categories.lookUp(attempt).foundValue {
                return ValueDraft(from: value, to: category.rawValue, note: "TODO: check; guessed from \"\(attempt)\"")
            }
        }
        let stems: [(String, ProcessCategory)] = [("stu", .steering), ("bestu", .steering), ("strat", .steering), ("manag", .steering),
                                                  ("prim", .primary), ("kern", .primary), ("uitvoer", .primary), ("operat", .primary),
                                                  ("onderst", .supporting), ("secund", .supporting), ("facil", .supporting), ("support", .supporting)]
        if let (_, category) = stems.first(where: { words.hasPrefix($0.0) }) {
            return ValueDraft(from: value, to: category.rawValue, note: "TODO: check; guessed from the start of the word")
        }
        if let word = Suggestion.closest(to: words, in: Vocabulary.categories.knownWords),
           let category = Vocabulary.categories.lookUp(word).foundValue {
            return ValueDraft(from: value, to: category.rawValue, note: "TODO: check; looks like \"\(word)\"")
        }
        return ValueDraft(from: value, to: nil, note: "TODO: which category is this? steering, primary or supporting")
    }

    /// A guess at the canonical level of a value the built-in words do not know; `depthGuess` is
    /// the level that the value's rows have by their depth in the hierarchy (`depth`), if they all
    /// have the same depth.
    static func guessLevel(_ value: String, depthGuess: ProcessLevel? = nil, depth: Int? = nil) -> ValueDraft {
        let key = TextNormalization.matchKey(value)
        var attempts = [key]
        for (plural, singular) in [("processen", "proces"), ("stappen", "stap"), ("ketens", "keten"), ("activiteiten", "activiteit"),
                                   ("scenarios", "scenario"), ("es", ""), ("s", "")] where key.hasSuffix(plural) {
            attempts.append(String(key.dropLast(plural.count)) + singular)
        }
        attempts.append(key.replacingOccurrences(of: " ", with: ""))
        for attempt in attempts {
            if let level = Vocabulary.levels.lookUp(attempt).foundValue {
                return ValueDraft(from: value, to: level.rawValue, note: "TODO: check; guessed from \"\(attempt)\"")
            }
        }
        // A typo of a known word ("Werkproes"): one or two letters off a word of six or more.
        if key.count >= 6, let word = Suggestion.closest(to: key, in: Vocabulary.levels.knownWords),
           Suggestion.editDistance(key, word) <= 2, let level = Vocabulary.levels.lookUp(word).foundValue {
            return ValueDraft(from: value, to: level.rawValue, note: "TODO: check; a typo of \"\(word)\"?")
        }
        if let depthGuess, let depth {
            return ValueDraft(from: value, to: depthGuess.rawValue, note: "TODO: check; its rows are at depth \(depth) of the hierarchy")
        }
        let stems: [(String, ProcessLevel)] = [("stuur", .steeringScenario), ("scenario", .steeringScenario), ("keten", .processChain),
                                               ("bedrijf", .businessProcess), ("hoofd", .businessProcess), ("werk", .workProcess),
                                               ("deel", .workProcess), ("sub", .workProcess), ("stap", .processStep), ("proces stap", .processStep),
                                               ("taak", .processStep), ("taken", .processStep), ("task", .processStep), ("activ", .processStep)]
        if let (_, level) = stems.first(where: { key.hasPrefix($0.0) }) {
            return ValueDraft(from: value, to: level.rawValue, note: "TODO: check; guessed from the start of the word")
        }
        if let word = Suggestion.closest(to: key, in: Vocabulary.levels.knownWords), let level = Vocabulary.levels.lookUp(word).foundValue {
            return ValueDraft(from: value, to: level.rawValue, note: "TODO: check; looks like \"\(word)\"")
        }
        return ValueDraft(from: value, to: nil, note: "TODO: which level is this? \(ProcessLevel.canonicalValues.joined(separator: ", "))")
    }

    static func quotedHeader(_ header: String) -> String {
        header.isEmpty ? "(blank header)" : "\"\(header)\""
    }
}
