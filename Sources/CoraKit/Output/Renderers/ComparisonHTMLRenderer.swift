/// The one-file HTML reports of `cora diff --to html` and `cora coverage --to html`: what the
/// Markdown documents say, as a page that opens in any browser offline, with the coverage heat map
/// drawn in (when Graphviz drew it). Like the handbook: no script, one inline style allowed by its
/// hash in the page's Content-Security-Policy, nothing loaded from anywhere, every text from the
/// data escaped and isolated (``HTMLText``), a drawing rebuilt element by element (``InlineSVG``).
public struct ComparisonHTMLRenderer: Sendable {
    /// The language of the page.
    public var language: DocumentLanguage
    /// The day the page is dated (none: no date).
    public var date: DocumentDate?

    /// A renderer.
    public init(language: DocumentLanguage = .nl, date: DocumentDate? = nil) {
        self.language = language
        self.date = date
    }

    /// The style of both reports.
    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1d;line-height:1.45;margin:0 auto;max-width:80rem;padding:1rem 1.5rem}\
        h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}\
        table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #d0d0d0;padding:.2rem .5rem;text-align:left;vertical-align:top}\
        th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}\
        .covered{background:#b7e0a5}.partial{background:#ffe18a}.missing{background:#f5c4c4}.unmatched{background:#e6e6e6}\
        .added{background:#d9f0cd}.removed{background:#f8d6d6}.note{color:#555}\
        figure{margin:1rem 0;overflow-x:auto}figure svg{max-width:100%;height:auto}\
        footer{margin-top:3rem;color:#666;font-size:.85rem}\
        @media print{body{max-width:none}h2{break-before:auto}tr{break-inside:avoid}}
        """

    private var nl: Bool { language == .nl }

    /// The differences of `comparison`.
    public func render(_ comparison: ModelComparison) -> String {
        let words = DiffRenderer(format: .markdown, language: language)
        let names = ProcessNames(comparison)
        var body = "<h1>\(HTMLText.text(nl ? "Verschillen tussen twee procesmodellen" : "Differences between two process models"))</h1>\n"
        body += table([nl ? "Model" : "Model", nl ? "Bestand" : "File", nl ? "Processen" : "Processes"], [
            [cell(nl ? "Oud" : "Old"), cell(comparison.oldSource, isolated: true), number(comparison.old.processes.count)],
            [cell(nl ? "Nieuw" : "New"), cell(comparison.newSource, isolated: true), number(comparison.new.processes.count)],
        ])
        body += table([nl ? "Soort" : "Kind", nl ? "Aantal" : "Count"], comparison.counts.map { [cell(words.word($0.kind)), number($0.count)] })
        let methods = comparison.pairCounts.map { "\($0.count) \(nl ? "op" : "by") \(words.word($0.method))" }
        body += "<p>\(HTMLText.text((nl ? "Gekoppeld" : "Paired") + ": \(comparison.match.pairs.count)" + (methods.isEmpty ? "" : " (" + methods.joined(separator: ", ") + ")") + "."))</p>\n"
        if comparison.isSame && comparison.match.ambiguities.isEmpty {
            body += "<p>\(HTMLText.text(nl ? "De modellen zijn gelijk." : "The models are the same."))</p>\n"
        }
        func processRows(_ kind: ProcessChange.Kind, _ process: (ProcessChange) -> CoraProcess?) -> [[String]] {
            comparison.changes.filter { $0.kind == kind }.map { change in
                let found = process(change)
                return [cell(found?.name ?? "", isolated: true), cell(language.level(found?.level).lowercased()), cell(found?.id ?? "", isolated: true)]
            }
        }
        let removed = processRows(.removed) { names.old($0.old) }
        if !removed.isEmpty {
            body += "<h2>\(HTMLText.text(nl ? "Verwijderd" : "Removed"))</h2>\n"
            body += table([nl ? "Proces" : "Process", nl ? "Niveau" : "Level", "Id"], removed, rowClass: "removed")
        }
        let changed = comparison.changes.filter { $0.kind != .removed && $0.kind != .added }
        if !changed.isEmpty {
            body += "<h2>\(HTMLText.text(nl ? "Wijzigingen per proces" : "Changes per process"))</h2>\n"
            body += table([nl ? "Proces" : "Process", nl ? "Soort" : "Kind", nl ? "Veld" : "Field", nl ? "Oud" : "Old", nl ? "Nieuw" : "New", nl ? "Gekoppeld op" : "Paired by"],
                          changed.map { change in
                              let (from, to) = names.values(change, in: language)
                              let score = change.match == .similarity ? " " + DecimalText.score(change.score ?? 0, comma: nl) : ""
                              return [cell(names.new(change.new)?.name ?? "", isolated: true), cell(words.word(change.kind)), cell(change.field ?? "", isolated: true),
                                      cell(from, isolated: true), cell(to, isolated: true), cell((change.match.map(words.word) ?? "") + score)]
                          })
        }
        let added = processRows(.added) { names.new($0.new) }
        if !added.isEmpty {
            body += "<h2>\(HTMLText.text(nl ? "Toegevoegd" : "Added"))</h2>\n"
            body += table([nl ? "Proces" : "Process", nl ? "Niveau" : "Level", "Id"], added, rowClass: "added")
        }
        if !comparison.match.ambiguities.isEmpty {
            body += "<h2>\(HTMLText.text(nl ? "Twijfelgevallen" : "Ambiguities"))</h2>\n"
            body += "<p>\(HTMLText.text(nl ? "Deze processen kunnen op meer dan één manier gekoppeld worden; cora koppelt ze niet. Leg de juiste koppeling vast met --pairs." : "These processes can be paired in more than one way; cora pairs none of them. Pin the right pair with --pairs."))</p>\n"
            body += table([nl ? "Gevonden op" : "Found by", nl ? "Oud" : "Old", nl ? "Nieuw" : "New"], comparison.match.ambiguities.map { ambiguity in
                [cell(words.word(ambiguity.method)), listed(ambiguity.old, comparison.old), listed(ambiguity.new, comparison.new)]
            })
        }
        return page(title: nl ? "Verschillen tussen twee procesmodellen" : "Differences between two process models", body: body)
    }

    /// The coverage of `report`: what the inventory (read from `inventory`) covers of the
    /// reference (`reference`, with its `note` when shipped), with `heatMap` (Graphviz's SVG of
    /// ``CoverageHeatMap``) drawn in, or a note when there is none.
    public func render(_ report: CoverageReport, inventory: String, reference: String, note: ReferenceLibrary.Note?, heatMap: [UInt8]?) -> String {
        let processes = report.reference.processes, inventoryProcesses = report.inventory.processes
        let title = CoverageReport.title(inventory: inventory, reference: reference, language: language)
        var body = "<h1>\(HTMLText.isolated(title))</h1>\n"
        if let note {
            body += "<p class=\"note\">\(HTMLText.text((nl ? "Referentie: " : "Reference: ") + note.description + "; " + (nl ? "bron: " : "source: ") + note.source + "."))</p>\n"
        }
        body += "<p><strong>\(HTMLText.text(report.headline(language))).</strong></p>\n"
        let statuses: [CoverageStatus] = [.covered, .partial, .missing, .unmatched]
        func countCells(_ counts: CoverageCounts) -> [String] { statuses.map { number(counts[$0]) } }
        let header = statuses.map { $0.word(language) }
        body += "<h2>\(HTMLText.text(nl ? "Totalen" : "Totals"))</h2>\n"
        body += table([nl ? "Categorie" : "Category"] + header, report.totals.categories.map { [cell(categoryName($0.category))] + countCells($0.counts) }
                        + [[cell(nl ? "Totaal" : "Total")] + countCells(report.totals.all)])
        body += table([nl ? "Niveau" : "Level"] + header, report.totals.levels.map {
            [cell($0.level.map { language.level($0) } ?? (nl ? "Zonder niveau" : "No level"))] + countCells($0.counts)
        })
        body += "<p class=\"note\">\(HTMLText.text(nl ? "Gedekt: gekoppeld op hetzelfde niveau, zonder ontbrekende onderdelen. Gedeeltelijk: alleen op een ander niveau gekoppeld, of onderdelen ontbreken, of alleen onderdelen gekoppeld. Niet gekoppeld: processen van de inventarisatie die bij geen referentieproces horen." : "Covered: matched at the same level, with no part missing. Partial: matched only at another level, or some parts missing, or only parts matched. Unmatched: processes of the inventory that match no reference process."))</p>\n"
        body += "<h2>\(HTMLText.text(nl ? "Landschap" : "Landscape"))</h2>\n"
        if let heatMap, let svg = InlineSVG.embed(heatMap, anchors: [], label: title) {
            body += "<figure>\(svg)</figure>\n"
        } else {
            body += "<p class=\"note\">\(HTMLText.text(nl ? "Geen landschap: Graphviz (dot) is niet geïnstalleerd of kon het niet tekenen." : "No landscape: Graphviz (dot) is not installed or could not draw it."))</p>\n"
        }
        for category in ProcessCategory.allCases.map(Optional.some) + [nil] {
            let entries = report.entries.filter { processes[$0.reference].category == category }
            guard !entries.isEmpty else { continue }
            body += "<h2>\(HTMLText.text(language.section(category)))</h2>\n"
            body += table([nl ? "Status" : "Status", nl ? "Niveau" : "Level", nl ? "Naam" : "Name", nl ? "Gedekt door" : "Covered by"], entries.map { entry in
                let process = processes[entry.reference]
                let coveredBy = entry.matches.map { match in
                    named(inventoryProcesses[match.inventory]) + HTMLText.text(", " + DiffRenderer(format: .markdown, language: language).word(match.method)
                        + " " + DecimalText.score(match.score, comma: nl))
                }
                let indent = String(repeating: "\u{2003}", count: entry.depth)
                return ["<td class=\"\(entry.status.rawValue)\">\(HTMLText.text(entry.status.word(language)))</td>", cell(language.level(process.level).lowercased()),
                        "<td>\(indent)\(HTMLText.isolated(process.name))</td>", "<td>" + coveredBy.joined(separator: "<br>") + "</td>"]
            })
        }
        body += "<h2>\(HTMLText.text(nl ? "Niet gekoppelde processen van de inventarisatie" : "Unmatched processes of the inventory"))</h2>\n"
        if report.unmatched.isEmpty {
            body += "<p>\(HTMLText.text(nl ? "Geen." : "None."))</p>\n"
        } else {
            body += table(["Id", nl ? "Niveau" : "Level", nl ? "Categorie" : "Category", nl ? "Naam" : "Name"], report.unmatched.map { position in
                let process = inventoryProcesses[position]
                return [cell(process.id, isolated: true), cell(language.level(process.level).lowercased()),
                        cell(process.category.map { categoryName($0) } ?? ""), cell(process.name, isolated: true)]
            }, rowClass: "unmatched")
        }
        if !report.ambiguities.isEmpty {
            body += "<h2>\(HTMLText.text(nl ? "Niet eenduidig" : "Ambiguities"))</h2>\n"
            body += table([nl ? "Inventarisatie" : "Inventory", nl ? "Referentie" : "Reference"], report.ambiguities.map { ambiguity in
                [listed(ambiguity.old, report.inventory), listed(ambiguity.new, report.reference)]
            })
        }
        return page(title: title, body: body)
    }

    // MARK: Parts

    /// The whole page around `body`.
    private func page(title: String, body: String) -> String {
        var out = HTMLText.documentHead(language: language, titleHTML: "\u{2068}\(HTMLText.text(title.onOneLine))\u{2069}", css: Self.css, scripts: [])
        out += "<main>\n"
        out += body
        out += "</main>\n<footer><p>\(HTMLText.text(nl ? "Gemaakt met cora" : "Made with cora"))"
        if let date { out += ", <time datetime=\"\(date.iso)\">\(HTMLText.text(date.text(in: language)))</time>" }
        return out + ".</p></footer>\n</body>\n</html>\n"
    }

    /// A table of `rows` (each a list of `<td>` cells) under `headers`.
    private func table(_ headers: [String], _ rows: [[String]], rowClass: String? = nil) -> String {
        var out = "<table>\n<thead><tr>" + headers.map { "<th>\(HTMLText.text($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { out += (rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>") + row.joined() + "</tr>\n" }
        return out + "</tbody>\n</table>\n"
    }

    private func cell(_ text: String, isolated: Bool = false) -> String {
        "<td>" + (isolated ? HTMLText.isolated(text) : HTMLText.text(text)) + "</td>"
    }

    private func number(_ value: Int) -> String { "<td class=\"n\">\(value)</td>" }

    /// A cell listing the processes at `positions` of `model` (at most ``MatchAmbiguity/shownLimit``).
    private func listed(_ positions: [Int], _ model: ProcessModel) -> String {
        let shown = MatchAmbiguity.shown(positions)
        return "<td>" + (shown.positions.map { named(model.processes[$0]) } + (shown.more > 0 ? [HTMLText.text(nl ? "en nog \(shown.more)" : "and \(shown.more) more")] : []))
            .joined(separator: "<br>") + "</td>"
    }

    private func named(_ process: CoraProcess) -> String { HTMLText.isolated(process.name) + " (" + HTMLText.isolated(process.id) + ")" }

    private func categoryName(_ category: ProcessCategory?) -> String {
        guard let category else { return nl ? "Zonder categorie" : "No category" }
        let name = nl ? category.dutchName : category.rawValue
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
