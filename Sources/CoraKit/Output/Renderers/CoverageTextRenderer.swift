/// Renders a ``CoverageReport`` for a terminal (`cora coverage --to text`): a table of the
/// reference processes (status, level, name indented by its depth, the inventory processes that
/// cover it), then the inventory processes that cover none, the ambiguities, and the totals.
///
///     status   level             name                     covered by
///     covered  business-process  Verhuren eenheden        ww-p03 Verhuren eenheden (name 1)
///     partial  business-process  Onderhouden bezit        ww-p05 Uitvoeren onderhoud (similarity 0.7)
///
/// Text from the data is made safe for a terminal (``TerminalText/oneLine(_:)``). With `colours`,
/// the statuses are coloured (ANSI): covered green, partial yellow, missing and unmatched red.
public struct CoverageTextRenderer: Sendable {
    /// Whether statuses are coloured with ANSI escapes.
    public var colours: Bool
    /// The language of the level names.
    public var language: DocumentLanguage
    /// What the inventory and the reference were read from, for the first two lines (none when nil).
    public var sources: (inventory: String, reference: String)?

    /// Creates a renderer.
    public init(colours: Bool = false, language: DocumentLanguage = .en, sources: (inventory: String, reference: String)? = nil) {
        self.colours = colours
        self.language = language
        self.sources = sources
    }

    /// The text, ending with a line break.
    public func render(_ report: CoverageReport) -> String {
        let reference = report.reference.processes, inventory = report.inventory.processes
        func described(_ position: Int) -> String {
            TerminalText.oneLine(inventory[position].id) + " " + TerminalText.oneLine(inventory[position].name)
        }
        var output = ""
        if let sources {
            output += "reference: \(TerminalText.oneLine(sources.reference)) (\(reference.count) processes)\n"
            output += "inventory: \(TerminalText.oneLine(sources.inventory)) (\(inventory.count) processes)\n"
            output += report.headline(language) + "\n\n"
        }
        func level(_ level: ProcessLevel?) -> String {
            guard let level else { return "" }
            return language == .en ? level.rawValue : language.level(level).lowercased()
        }
        var rows: [[String]] = [["status", "level", "name", "covered by"]]
        var statuses: [CoverageStatus?] = [nil]
        for entry in report.entries {
            let process = reference[entry.reference]
            let coveredBy = entry.matches.map { described($0.inventory) + " (\($0.method.rawValue) \(DecimalText.score($0.score)))" }
            rows.append([entry.status.rawValue, level(process.level), String(repeating: "  ", count: entry.depth)
                            + TerminalText.oneLine(process.name), coveredBy.joined(separator: ", ")])
            statuses.append(entry.status)
        }
        output += table(rows, statuses: statuses)
        output += "\nInventory processes that cover no reference process: \(report.unmatched.count)\n"
        if !report.unmatched.isEmpty {
            var unmatched: [[String]] = []
            for position in report.unmatched {
                unmatched.append([CoverageStatus.unmatched.rawValue, level(inventory[position].level),
                                  TerminalText.oneLine(inventory[position].id), TerminalText.oneLine(inventory[position].name)])
            }
            output += table(unmatched, statuses: unmatched.map { _ in .unmatched })
        }
        if !report.ambiguities.isEmpty {
            output += "\nAmbiguities (not matched; pin the right pair with --pairs): \(report.ambiguities.count)\n"
            for ambiguity in report.ambiguities {
                let old = MatchAmbiguity.shown(ambiguity.old), new = MatchAmbiguity.shown(ambiguity.new)
                output += "  " + (old.positions.map(described) + (old.more > 0 ? ["and \(old.more) more"] : [])).joined(separator: ", ") + " ~ "
                    + (new.positions.map { TerminalText.oneLine(reference[$0].id) + " " + TerminalText.oneLine(reference[$0].name) }
                        + (new.more > 0 ? ["and \(new.more) more"] : [])).joined(separator: ", ")
                    + " (\(ambiguity.method.rawValue))\n"
            }
        }
        output += "\nTotals\n"
        var totals: [[String]] = [["", "covered", "partial", "missing", "unmatched"]]
        func counts(_ name: String, _ counts: CoverageCounts) -> [String] {
            [name, String(counts.covered), String(counts.partial), String(counts.missing), String(counts.unmatched)]
        }
        for row in report.totals.categories {
            totals.append(counts(row.category.map { language == .en ? $0.rawValue : $0.dutchName } ?? "no category", row.counts))
        }
        for row in report.totals.levels { totals.append(counts(row.level.map(level) ?? "no level", row.counts)) }
        totals.append(counts(language == .en ? "all" : "totaal", report.totals.all))
        output += table(totals, statuses: [], numbers: true)
        return output
    }

    /// `rows` in columns two spaces apart, each line indented by two spaces; the first cell of a
    /// row whose status is given coloured; with `numbers`, every column but the first right-aligned.
    private func table(_ rows: [[String]], statuses: [CoverageStatus?], numbers: Bool = false) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        var text = ""
        for (index, row) in rows.enumerated() {
            var line = "  "
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                var shown = cell
                if column == 0, colours, index < statuses.count, let status = statuses[index] { shown = Self.colour(status) + cell + "\u{1B}[0m" }
                if column > 0 { line += "  " }
                line += numbers && column > 0 ? padding + shown : shown + (column == row.count - 1 ? "" : padding)
            }
            text += line + "\n"
        }
        return text
    }

    /// The ANSI escape that colours `status`.
    static func colour(_ status: CoverageStatus) -> String {
        switch status {
        case .covered: return "\u{1B}[32m"
        case .partial: return "\u{1B}[33m"
        case .missing, .unmatched: return "\u{1B}[31m"
        }
    }
}
