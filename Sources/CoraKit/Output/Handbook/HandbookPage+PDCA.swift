/// The requirements and the PDCA cycle in the handbook (CORA.md §5): the requirements × processes
/// matrix (a list beyond ``MarkdownRenderer/matrixColumns`` requirements) with the source of each
/// requirement, and the steering processes with their phases and relations.
extension HandbookPage {
    func requirementsSection() -> String {
        let columns = pdca.requirementColumns
        guard !columns.isEmpty else { return "" }
        var out = "<section id=\"eisen\" class=\"hidden-while-searching\">\n<h2>\(HTMLText.text(l.text(.requirements)))</h2>\n"
        out += "<p>" + HTMLText.text(l == .nl
            ? "Aan welke eisen de processen moeten voldoen (CORA: wetgever, interne verantwoording, strategie en bedrijfsvoering, kwaliteit, veiligheid en milieu, leveranciers)."
            : "The requirements the processes must meet (CORA: legislator, internal accountability, strategy and operations, quality, safety and environment, suppliers).") + "</p>\n"
        let labels = columns.map { l.requirement($0, in: pdca.catalog) }
        if columns.count > MarkdownRenderer.matrixColumns {
            out += table([l.text(.code), l.text(.name), l.text(.requirements)].map(HTMLText.text),
                         pdca.matrixRows.map { process in
                             "<tr><td>\(HTMLText.isolated(process.code))</td><td>\(processLink(process.id))</td><td>"
                                 + process.requirements.map { HTMLText.isolated(l.requirement($0, in: pdca.catalog)) }.joined(separator: ", ") + "</td></tr>\n"
                         })
        } else {
            out += table(headCells: [l.text(.code), l.text(.name)].map { "<th>\(HTMLText.text($0))</th>" }
                            + labels.map { "<th class=\"tag\">\(HTMLText.text($0))</th>" },
                         pdca.matrixRows.map { process in
                             let tags = Set(process.requirements)
                             return "<tr><td>\(HTMLText.isolated(process.code))</td><td>\(processLink(process.id))</td>"
                                 + columns.map { "<td class=\"mark\">\(tags.contains($0) ? "✓" : "")</td>" }.joined() + "</tr>\n"
                         }, className: "matrix")
        }
        let groups = columns.map { pdca.catalog.tag($0)?.group }
        if groups.contains(where: { $0 != nil }) {
            out += table([l.text(.requirements), l.text(.group)].map(HTMLText.text),
                         zip(labels, groups).map { label, group in
                             "<tr><td>\(HTMLText.isolated(label))</td><td>\(HTMLText.text(group.map { l == .nl ? $0.dutchName : $0.englishName } ?? ""))</td></tr>\n"
                         })
        }
        return out + "</section>\n"
    }

    func cycleSection() -> String {
        guard !pdca.steering.isEmpty else { return "" }
        var out = "<section id=\"pdca\" class=\"hidden-while-searching\">\n<h2>\(HTMLText.text(l.text(.pdcaCycle)))</h2>\n"
        out += "<p>" + HTMLText.text(l == .nl
            ? "De sturende processen sluiten de Plan-Do-Check-Act-cyclus met de verantwoordingsinformatie van de processen die ze sturen (CORA)."
            : "The steering processes close the Plan-Do-Check-Act cycle with the accountability information of the processes they steer (CORA).") + "</p>\n"
        out += table([l.text(.code), l.text(.name), l.text(.pdcaPhase), l.text(.steers), l.text(.reportsFrom)].map(HTMLText.text),
                     pdca.steering.map { process in
                         "<tr><td>\(HTMLText.isolated(process.code))</td><td>\(processLink(process.id))</td>"
                             + "<td>\(HTMLText.text(process.pdcaPhase.map(l.phase) ?? ""))</td>"
                             + "<td>\(processLinks(process.steers))</td>"
                             + "<td>\(processLinks(pdca.reportsFrom[process.id] ?? []))</td></tr>\n"
                     })
        out += figure(figures.pdca)
        return out + "</section>\n"
    }
}
