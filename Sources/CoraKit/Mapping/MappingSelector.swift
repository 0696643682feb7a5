import CoraCSV

/// Chooses the mapping that fits a file's header best, for `--mapping auto`.
///
/// Each candidate is scored against the header: how many of its columns (the columns of its
/// fields, of a per-level hierarchy and its `detect: headers:`) are in the header, compared
/// case-, whitespace- and accent-insensitively. A candidate that lacks a column it requires (a
/// `required` field, a level column) or matches no column at all cannot be chosen. The most
/// columns matched wins; a tie goes to the one that leaves fewer of the header's columns
/// unmatched, then to the one with fewer columns of its own missing from the header (the closer
/// fit), then to the name that sorts first.
///
/// ```swift
/// let selector = MappingSelector(candidates: try MappingCatalog.builtin.names.map { try MappingCatalog.builtin.mapping(named: $0) })
/// let selection = selector.select(header: ["Procescode", "Procesnaam", "Soort"])
/// print(selection.mapping?.name ?? "none", selection.reason)
/// ```
public struct MappingSelector: Sendable {
    /// The mappings to choose from.
    public var candidates: [Mapping]

    /// Creates a selector for `candidates`.
    public init(candidates: [Mapping]) {
        self.candidates = candidates
    }

    /// How well one mapping fits a header.
    public struct Score: Sendable, Equatable {
        /// The mapping's name.
        public var name: String
        /// The header cells that the mapping's columns matched, as written in the file, in header order.
        public var matchedColumns: [String]
        /// How many columns the mapping looks for (fields with columns, level columns, detect headers).
        public var expectedColumns: Int
        /// What the mapping requires but the header lacks, one entry per field or level column.
        public var missingRequired: [String]
        /// The header's non-blank columns that none of the mapping's columns matched.
        public var unmatchedHeaderColumns: Int
        /// Why the header could not be read for this mapping (its own dialect or skip-rows), if so.
        public var unreadable: String?

        /// How many of the mapping's columns the header lacks: a mapping made for this very export
        /// (`cora mapping init`) lacks none.
        public var unmatchedMappingColumns: Int { max(0, expectedColumns - matchedColumns.count) }

        /// Whether the mapping can be chosen: it matches at least one column and lacks none it requires.
        public var isEligible: Bool { unreadable == nil && missingRequired.isEmpty && !matchedColumns.isEmpty }

        /// One line about the score: `excel-nl: 9 of 11 columns matched (Procescode, Procesnaam, …)`.
        public var summary: String {
            if let unreadable { return "\(name): \(unreadable)" }
            var text = "\(name): \(matchedColumns.count) of \(expectedColumns) columns matched"
            if !matchedColumns.isEmpty {
                let shown = matchedColumns.prefix(Self.namesShown).joined(separator: ", ")
                text += " (\(shown)\(matchedColumns.count > Self.namesShown ? ", …" : ""))"
            }
            if !missingRequired.isEmpty {
                text += ", but lacks " + missingRequired.prefix(2).joined(separator: " and ")
                if missingRequired.count > 2 { text += " and \(missingRequired.count - 2) more" }
            }
            return text
        }

        /// How many matched column names a summary shows.
        static let namesShown = 4
    }

    /// The outcome of a selection.
    public struct Selection: Sendable {
        /// The chosen mapping; `nil` when no candidate can be chosen.
        public var mapping: Mapping?
        /// Every candidate's score, best first (the chosen one, if any, is the first).
        public var scores: [Score]

        /// Why: the chosen mapping's summary and the runner-up's (`excel-nl: 9 of 11 columns
        /// matched (…); next: niveaus: 5 of 11 columns matched, but lacks …`); ``fullReason``
        /// lists every candidate.
        public var reason: String {
            guard let first = scores.first else { return "no mapping to choose from" }
            guard let second = scores.dropFirst().first else { return first.summary }
            let others = scores.count > 2 ? " (and \(scores.count - 2) more)" : ""
            return first.summary + "; next: " + second.summary + others
        }

        /// Every candidate's summary, best first.
        public var fullReason: String { scores.map(\.summary).joined(separator: "; ") }
    }

    /// Scores `mapping` against the header cells `header`.
    public static func score(_ mapping: Mapping, header cells: [String]) -> Score {
        var unused = DiagnosticSink()
        let header = TableHeader(record: CSVRecord(fields: cells), file: "", sink: &unused)
        var claimed = Set<Int>()
        var expected = 0
        var missing: [String] = []
        var fieldColumnKeys = Set<String>()

        for field in CanonicalField.allCases {
            guard let rule = mapping.fields[field], rule.constant == nil, !rule.columns.isEmpty else { continue }
            fieldColumnKeys.formUnion(rule.columns.map(TextNormalization.matchKey))
            expected += 1
            if let index = header.index(matchingAny: rule.columns) {
                claimed.insert(index)
            } else if mapping.needsColumn(of: field) {
                missing.append("the required \(field.rawValue) column (\(listed(rule.columns)))")
            }
        }
        if mapping.hierarchy.shape == .levelColumns {
            for column in mapping.hierarchy.levelColumns {
                fieldColumnKeys.formUnion(column.columns.map(TextNormalization.matchKey))
                expected += 1
                if let index = header.index(matchingAny: column.columns) {
                    claimed.insert(index)
                } else {
                    missing.append("the level column \(column.columns.first ?? "")")
                }
            }
        }
        var detectKeys = Set<String>()
        for name in mapping.detectHeaders {
            let key = TextNormalization.matchKey(name)
            guard !fieldColumnKeys.contains(key), detectKeys.insert(key).inserted else { continue }
            expected += 1
            if let index = header.index(matchingAny: [name]) { claimed.insert(index) }
        }
        let nonBlank = (0..<header.count).filter { !header.isBlank($0) }
        return Score(
            name: mapping.name,
            matchedColumns: claimed.sorted().map { header.cells[$0].trimmingWhitespace() },
            expectedColumns: expected,
            missingRequired: missing,
            unmatchedHeaderColumns: nonBlank.filter { !claimed.contains($0) }.count)
    }

    /// Chooses among the candidates for a file whose header is `header`, the same for every candidate.
    public func select(header: [String]) -> Selection {
        select { _ in .success(header) }
    }

    /// Chooses among the candidates; `header` gives the header cells of the file as read with a
    /// candidate's own dialect and `skip-rows`, or why it could not be read that way.
    public func select(header: (Mapping) -> Result<[String], MappingSelectorError>) -> Selection {
        var ranked: [(score: Score, mapping: Mapping)] = []
        for mapping in candidates {
            switch header(mapping) {
            case .success(let cells):
                ranked.append((Self.score(mapping, header: cells), mapping))
            case .failure(let error):
                var score = Score(name: mapping.name, matchedColumns: [], expectedColumns: 0, missingRequired: [], unmatchedHeaderColumns: 0)
                score.unreadable = error.reason
                ranked.append((score, mapping))
            }
        }
        ranked.sort { Self.ranks($0.score, before: $1.score) }
        let chosen = ranked.first.flatMap { $0.score.isEligible ? $0.mapping : nil }
        return Selection(mapping: chosen, scores: ranked.map(\.score))
    }

    /// The order of scores: eligible first, then more columns matched, then fewer header columns
    /// left unmatched, then fewer of the mapping's own columns missing, then by name.
    static func ranks(_ lhs: Score, before rhs: Score) -> Bool {
        if lhs.isEligible != rhs.isEligible { return lhs.isEligible }
        if lhs.matchedColumns.count != rhs.matchedColumns.count { return lhs.matchedColumns.count > rhs.matchedColumns.count }
        if lhs.unmatchedHeaderColumns != rhs.unmatchedHeaderColumns { return lhs.unmatchedHeaderColumns < rhs.unmatchedHeaderColumns }
        if lhs.unmatchedMappingColumns != rhs.unmatchedMappingColumns { return lhs.unmatchedMappingColumns < rhs.unmatchedMappingColumns }
        return lhs.name < rhs.name
    }

    private static func listed(_ columns: [String]) -> String {
        let shown = columns.prefix(3).joined(separator: ", ")
        return columns.count > 3 ? shown + ", …" : shown
    }
}
