/// The requirements and the PDCA cycle in the Markdown document: per business process its
/// requirements and relations, a requirements × processes matrix, and a table of the steering
/// processes with their phases.
extension MarkdownRenderer {
    /// The facts of a business process's header line about requirements and the PDCA cycle.
    func pdcaFacts(of process: CoraProcess, _ pdca: PDCAOverview) -> [String] {
        pdca.facts(of: process, in: language).map { "\($0.label): \(MarkdownText.inline($0.values.map(oneLine).joined(separator: ", ")))" }
    }

    /// The most requirements the matrix has columns for; with more, a list per process.
    static let matrixColumns = 40

    /// The requirements × processes matrix: a row per business process and per other process with
    /// requirements, a column per requirement in use (headed by its label), `✓` where the process
    /// must meet it; with more than ``matrixColumns`` requirements a list per process instead.
    func requirementsSection(_ pdca: PDCAOverview) -> String {
        let l = language
        var out = "## \(l.text(.requirements))\n\n"
        out += (l == .nl
            ? "Aan welke eisen de processen moeten voldoen (CORA: wetgever, interne verantwoording, strategie en bedrijfsvoering, kwaliteit, veiligheid en milieu, leveranciers)."
            : "The requirements the processes must meet (CORA: legislator, internal accountability, strategy and operations, quality, safety and environment, suppliers).")
            + "\n\n"
        let columns = pdca.requirementColumns
        guard columns.count <= Self.matrixColumns else {
            // Too many requirements for a matrix to stay readable (and small): one row per process
            // with its requirements.
            out += table(header: [l.text(.code), l.text(.name), l.text(.requirements)],
                         rows: pdca.matrixRows.map { process in
                             [process.code, oneLine(process.name), process.requirements.map { l.requirement($0, in: pdca.catalog) }.joined(separator: ", ")]
                         })
            return out
        }
        out += table(header: [l.text(.code), l.text(.name)] + columns.map { l.requirement($0, in: pdca.catalog) },
                     rows: pdca.matrixRows.map { process in
                         let tags = Set(process.requirements)
                         return [process.code, oneLine(process.name)] + columns.map { tags.contains($0) ? "✓" : "" }
                     })
        let groups = columns.map { pdca.catalog.tag($0)?.group }
        if groups.contains(where: { $0 != nil }) {
            out += table(header: [l.text(.requirements), l.text(.group)],
                         rows: zip(columns, groups).map { tag, group in
                             [l.requirement(tag, in: pdca.catalog), group.map { l == .nl ? $0.dutchName : $0.englishName } ?? ""]
                         })
        }
        return out
    }

    /// The steering processes of the cycle: phase, what each steers, and whose accountability
    /// information it receives.
    func cycleSection(_ pdca: PDCAOverview) -> String {
        let l = language
        var out = "## \(l.text(.pdcaCycle))\n\n"
        out += (l == .nl
            ? "De sturende processen sluiten de Plan-Do-Check-Act-cyclus met de verantwoordingsinformatie van de processen die ze sturen (CORA)."
            : "The steering processes close the Plan-Do-Check-Act cycle with the accountability information of the processes they steer (CORA).")
            + "\n\n"
        out += table(header: [l.text(.code), l.text(.name), l.text(.pdcaPhase), l.text(.steers), l.text(.reportsFrom)],
                     rows: pdca.steering.map { process in
                         [process.code, oneLine(process.name), process.pdcaPhase.map(l.phase) ?? "",
                          process.steers.map(pdca.name(of:)).joined(separator: ", "),
                          (pdca.reportsFrom[process.id] ?? []).map(pdca.name(of:)).joined(separator: ", ")]
                     })
        return out
    }
}
