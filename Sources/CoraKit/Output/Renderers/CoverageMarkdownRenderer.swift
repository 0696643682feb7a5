/// Renders a ``CoverageReport`` as a GitHub-flavoured Markdown document (`cora coverage --to md`)
/// in the document language: the totals per category and per level, a table per category of
/// the reference processes (status, level, name, the inventory processes that cover them), the
/// inventory processes that cover none, and the ambiguities. Text from the data is escaped as in
/// the model's Markdown (``MarkdownText``).
public struct CoverageMarkdownRenderer: Sendable {
    /// The language of the document.
    public var language: DocumentLanguage
    /// What the inventory was read from, for the title.
    public var inventory: String
    /// What the reference was read from, for the title.
    public var reference: String
    /// Where a shipped reference comes from and under which license, said under the title.
    public var referenceNote: ReferenceLibrary.Note?

    /// Creates a renderer.
    public init(language: DocumentLanguage = .nl, inventory: String, reference: String, referenceNote: ReferenceLibrary.Note? = nil) {
        self.language = language
        self.inventory = inventory
        self.reference = reference
        self.referenceNote = referenceNote
    }

    private var dutch: Bool { language == .nl }

    /// The document, ending with a line break.
    public func render(_ report: CoverageReport) -> String {
        let processes = report.reference.processes.array, inventoryProcesses = report.inventory.processes.array
        var lines: [String] = []
        lines.append("# " + MarkdownText.heading(CoverageReport.title(inventory: inventory, reference: reference, language: language)))
        lines.append("")
        if let referenceNote {
            lines.append((dutch ? "Referentie: " : "Reference: ") + MarkdownText.inline(referenceNote.description) + "; "
                + (dutch ? "bron: " : "source: ") + MarkdownText.inline(referenceNote.source) + ".")
            lines.append("")
        }
        lines.append("**" + report.headline(language) + ".**")
        lines.append("")
        lines.append(dutch ? "## Totalen" : "## Totals")
        lines.append("")
        let statuses: [CoverageStatus] = [.covered, .partial, .missing, .unmatched]
        let header = statuses.map { capitalised($0.word(language)) }
        func counts(_ counts: CoverageCounts) -> String { statuses.map { String(counts[$0]) }.joined(separator: " | ") }
        lines.append("| " + (dutch ? "Categorie" : "Category") + " | " + header.joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---:|", count: statuses.count))
        for row in report.totals.categories { lines.append("| \(categoryName(row.category)) | \(counts(row.counts)) |") }
        lines.append("| **\(dutch ? "Totaal" : "Total")** | \(counts(report.totals.all)) |")
        lines.append("")
        lines.append("| " + (dutch ? "Niveau" : "Level") + " | " + header.joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---:|", count: statuses.count))
        for row in report.totals.levels {
            lines.append("| \(row.level.map { language.level($0) } ?? (dutch ? "Zonder niveau" : "No level")) | \(counts(row.counts)) |")
        }
        lines.append("")
        lines.append(dutch
            ? "Gedekt: gekoppeld op hetzelfde niveau, zonder ontbrekende onderdelen. Gedeeltelijk: alleen op een ander niveau gekoppeld, of onderdelen ontbreken, of alleen onderdelen gekoppeld. Niet gekoppeld: processen van de inventarisatie die bij geen referentieproces horen."
            : "Covered: matched at the same level, with no part missing. Partial: matched only at another level, or some parts missing, or only parts matched. Unmatched: processes of the inventory that match no reference process.")
        for category in ProcessCategory.allCases.map(Optional.some) + [nil] {
            let entries = report.entries.filter { processes[$0.reference].category == category }
            guard !entries.isEmpty else { continue }
            lines.append("")
            lines.append("## " + language.section(category))
            lines.append("")
            lines.append(dutch ? "| Status | Niveau | Naam | Gedekt door |" : "| Status | Level | Name | Covered by |")
            lines.append("|---|---|---|---|")
            for entry in entries {
                let process = processes[entry.reference]
                let coveredBy = entry.matches.map { match in
                    MarkdownText.cell(inventoryProcesses[match.inventory].name) + " (" + MarkdownText.cell(inventoryProcesses[match.inventory].id) + ", "
                        + method(match.method) + " " + DecimalText.score(match.score, comma: dutch) + ")"
                }
                lines.append("| \(entry.status.word(language)) | \(levelName(process.level)) | \(MarkdownText.cell(process.name)) | \(coveredBy.joined(separator: "<br>")) |")
            }
        }
        lines.append("")
        lines.append(dutch ? "## Niet gekoppelde processen van de inventarisatie" : "## Unmatched processes of the inventory")
        lines.append("")
        if report.unmatched.isEmpty {
            lines.append(dutch ? "Geen." : "None.")
        } else {
            lines.append(dutch ? "| Id | Niveau | Categorie | Naam |" : "| Id | Level | Category | Name |")
            lines.append("|---|---|---|---|")
            for position in report.unmatched {
                let process = inventoryProcesses[position]
                lines.append("| \(MarkdownText.cell(process.id)) | \(levelName(process.level)) | \(process.category.map { categoryName($0) } ?? "") | \(MarkdownText.cell(process.name)) |")
            }
        }
        if !report.ambiguities.isEmpty {
            lines.append("")
            lines.append(dutch ? "## Niet eenduidig" : "## Ambiguities")
            lines.append("")
            lines.append(dutch
                ? "Deze processen passen bij meer dan één proces en zijn niet gekoppeld; leg het juiste paar vast met `--pairs`."
                : "These processes fit more than one process and were not matched; pin the right pair with `--pairs`.")
            lines.append("")
            lines.append(dutch ? "| Inventarisatie | Referentie | Methode |" : "| Inventory | Reference | Method |")
            lines.append("|---|---|---|")
            for ambiguity in report.ambiguities {
                func named(_ process: CoraProcess) -> String { MarkdownText.cell(process.name) + " (" + MarkdownText.cell(process.id) + ")" }
                func listed(_ positions: [Int], _ model: [CoraProcess]) -> String {
                    let shown = MatchAmbiguity.shown(positions)
                    return (shown.positions.map { named(model[$0]) } + (shown.more > 0 ? [dutch ? "en nog \(shown.more)" : "and \(shown.more) more"] : []))
                        .joined(separator: "<br>")
                }
                lines.append("| " + listed(ambiguity.old, inventoryProcesses) + " | " + listed(ambiguity.new, processes) + " | " + method(ambiguity.method) + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A category's name in a table, capitalised ("Sturend", "Primary"); "Zonder categorie" / "No category" for none.
    private func categoryName(_ category: ProcessCategory?) -> String {
        guard let category else { return dutch ? "Zonder categorie" : "No category" }
        return capitalised(dutch ? category.dutchName : category.rawValue)
    }

    /// A level's name in a table ("Bedrijfsproces"), empty for none.
    private func levelName(_ level: ProcessLevel?) -> String {
        level.map { language.level($0) } ?? ""
    }

    /// A match method's word.
    private func method(_ method: MatchMethod) -> String {
        guard dutch else { return method.rawValue }
        switch method {
        case .pinned: return "vastgelegd"
        case .id: return "id"
        case .code: return "code"
        case .name: return "naam"
        case .similarity: return "gelijkenis"
        }
    }

    private func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
