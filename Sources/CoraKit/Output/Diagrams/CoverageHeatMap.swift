/// The coverage of a reference drawn on its landscape (`cora coverage --to dot|svg|png`, and the
/// picture in `--to html`): CORA's three bands with the reference's business processes and chains,
/// each box filled by its status: covered green, partial yellow, missing red.
public enum CoverageHeatMap {
    /// The fill of each status (missing a light red, so that the names stay legible).
    static let fills: [CoverageStatus: String] = [.covered: "#b7e0a5", .partial: "#ffe18a", .missing: "#f5c4c4"]

    /// The DOT text of the heat map of `report`, titled `title`.
    public static func dot(_ report: CoverageReport, language: DocumentLanguage, title: String) -> String {
        var renderer = DOTRenderer(language: language, title: title)
        for entry in report.entries {
            renderer.fills[report.reference.processes[entry.reference].id] = fills[entry.status]
        }
        renderer.fillLegend = [CoverageStatus.covered, .partial, .missing].map { (fills[$0]!, $0.word(language)) }
        // The landscape cannot fail (only a view of a process the model lacks can).
        return (try? renderer.render(report.reference, view: .landscape)) ?? ""
    }
}
