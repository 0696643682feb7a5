/// Renders the model as Graphviz DOT, in the views of a CORA handbook.
///
/// - ``View/landscape``: CORA's picture of the process model: three bands of one width (sturend on
///   top, primair in the middle, ondersteunend below) holding the business processes in the order
///   of the model, grouped under their process chain or steering scenario, wrapped in rows so that
///   the whole is about as wide as a landscape page; a title and a legend.
/// - ``View/process(_:)``: one business process: its work processes (with their business function
///   and services) in frames, their steps inside, and the `next` flows between them.
/// - ``View/full``: the landscape with every process inside its business process.
/// - ``View/each``: the landscape, each business process linking to a diagram of its own
///   (``renderEach(_:)``).
/// - ``View/pdca``: the Plan-Do-Check-Act cycle: the steering processes on top with their phases,
///   `steers` arrows down to the processes they steer, `reports-to` arrows (dashed) back up.
///
/// Only the data draws lines: containment is shown by nesting, an arrow is always a `next`
/// relation, and nothing is drawn from the order of the rows. The landscape and the full view are
/// one table (an HTML-like label), so the bands are aligned and equally wide whatever they hold.
/// Every box has a tooltip (code, level, owner, description), and an id `p-<process id>` in the SVG
/// Graphviz writes. Node IDs come from process ids, never from free text; every label and tooltip
/// goes through ``DOTText`` or ``DOTHTMLText``. The output depends only on the model.
public struct DOTRenderer: Sendable {
    /// What to draw.
    public enum View: Sendable, Equatable {
        /// The three bands with the business processes.
        case landscape
        /// One business process (by id or code) with its work processes and steps.
        case process(String)
        /// Every process, inside the landscape.
        case full
        /// The landscape and one diagram per business process, linked.
        case each
        /// The steering processes with their `steers` and `reports-to` relations.
        case pdca

        /// Reads `landscape`, `full`, `each`, `pdca` or `process:ID`.
        public init?(argument: String) {
            switch argument.lowercased() {
            case "landscape": self = .landscape
            case "full": self = .full
            case "each": self = .each
            case "pdca": self = .pdca
            default:
                guard argument.lowercased().hasPrefix("process:"), argument.count > "process:".count else { return nil }
                self = .process(String(argument.dropFirst("process:".count)))
            }
        }
    }

    /// A view that cannot be drawn: the process asked for is not in the model.
    public struct ViewError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        public var description: String { message }
    }

    /// The language of labels.
    public var language: DocumentLanguage
    /// The title drawn above the picture; `nil`: "Procesmodel" and ``sourceName``.
    public var title: String?
    /// The name of what the model was read from (a file's name without its extension), for the
    /// default title.
    public var sourceName: String?

    /// Fills of the landscape's boxes by process id, instead of white: a heat map such as
    /// `cora coverage --to svg` draws (covered green, partial yellow, missing red).
    public var fills: [String: String] = [:]
    /// What each fill of ``fills`` means, for the legend.
    public var fillLegend: [(fill: String, text: String)] = []

    /// Creates a renderer.
    public init(language: DocumentLanguage = .nl, title: String? = nil, sourceName: String? = nil) {
        self.language = language
        self.title = title
        self.sourceName = sourceName
    }

    /// The DOT text for `view` (for ``View/each``, the landscape of ``renderEach(_:)``).
    public func render(_ model: ProcessModel, view: View = .landscape) throws(ViewError) -> String {
        // Read many times and in any order: the processes as values, made once from the columns.
        let model = model.withProcessesAsValues
        let tree = ProcessTree(model)
        switch view {
        case .landscape: return landscape(tree, full: false, links: nil)
        case .full: return landscape(tree, full: true, links: nil)
        case .each: return try renderEach(model)[0].dot
        case .pdca: return pdcaDiagram(tree)
        case .process(let reference):
            guard let process = model.processes.first(where: { $0.id == reference })
                    ?? model.processes.first(where: { $0.code == reference }) else {
                let all = model.processes.filter { $0.level == .businessProcess }.map(\.id)
                let known = all.isEmpty ? "it has none" : "business processes: " + all.prefix(8).joined(separator: ", ") + (all.count > 8 ? ", …" : "")
                throw ViewError(message: "no process with id or code \"\(reference)\" in the model (\(known))")
            }
            return processDiagram(process, tree: tree, backLink: nil)
        }
    }

    /// `--view each`: the landscape first (file stem ``DiagramFileNames/landscape``), then a diagram
    /// per business process (file stem from its id), the landscape linking to each as
    /// `<stem><linkSuffix>` and each linking back.
    public func renderEach(_ model: ProcessModel, linkSuffix: String = ".svg") throws(ViewError) -> [(stem: String, dot: String)] {
        let tree = ProcessTree(model)
        let boxes = Self.eachProcesses(tree)
        let names = DiagramFileNames(boxes.map(\.id))
        let links = names.stems.mapValues { $0 + linkSuffix }
        var files = [(stem: DiagramFileNames.landscape, dot: landscape(tree, full: false, links: links))]
        for process in boxes {
            files.append((names.stems[process.id]!, processDiagram(process, tree: tree, backLink: DiagramFileNames.landscape + linkSuffix)))
        }
        return files
    }

    /// The stems of the files of `--view each` for `model`, the landscape's first.
    public static func eachFileStems(_ model: ProcessModel) -> [String] {
        let processes = eachProcesses(ProcessTree(model))
        let names = DiagramFileNames(processes.map(\.id))
        return [DiagramFileNames.landscape] + processes.compactMap { names.stems[$0.id] }
    }

    /// The processes that get a diagram of their own in `--view each`: the landscape's boxes that
    /// are no chain or scenario.
    static func eachProcesses(_ tree: ProcessTree) -> [CoraProcess] {
        DiagramBoxes(tree).bands.flatMap(\.boxes).filter { !DiagramBoxes.isGroup($0.process) }.map(\.process)
    }

    // MARK: Shared by the views

    var words: DiagramWords { DiagramWords(language: language) }

    /// The fill and line colours of a band (and of a business process's frame) by category.
    static let bandColors: [ProcessCategory?: (fill: String, line: String)] = [
        .steering: ("#dde8f6", "#4a72a8"), .primary: ("#e1f0dc", "#4d8f46"), .supporting: ("#f6ead6", "#a87c34"), nil: ("#ececec", "#808080"),
    ]
    /// The heading of a chain or scenario.
    static let groupColors = (fill: "#fff7d6", line: "#b59a2e")
    /// Steps.
    static let stepFill = "#f2f2f2"
    /// Text of the second rank (codes, functions).
    static let quietText = "#555555"

    /// The opening of a digraph: its ID, the title and legend as its label, and the defaults.
    func header(_ name: String, title: String, overline: String? = nil, titleLink: String?, legend: [LegendEntry], extra: String = "") -> String {
        var out = "digraph \(DOTText.id(name)) {\n"
        out += "  graph [fontname=\"Helvetica\", labelloc=t, labeljust=l, margin=0.25\(extra), label=<\(heading(title, overline: overline, link: titleLink, legend: legend))>];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#888888\", margin=\"0.10,0.05\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#333333\", penwidth=1.4, arrowsize=0.8];\n"
        return out
    }

    /// One entry of a legend: a sample (a box of colours, or a glyph) and what it means.
    struct LegendEntry: Equatable {
        var fill: String?
        var line: String?
        var glyph: String?
        var text: String
    }

    /// The title, then a legend line, as an HTML-like table.
    private func heading(_ title: String, overline: String?, link: String?, legend: [LegendEntry]) -> String {
        // A title wider than the legend would spread the legend's cells over its width: a last,
        // empty cell takes up the difference (estimated from the number of characters).
        let titleWidth = Double(min(title.count, 70)) * 12
        let legendWidth = 50 + legend.reduce(0.0) { $0 + 30 + Double($1.text.count + 3) * 5.2 }
        let spare = Int(max(0, titleWidth - legendWidth))
        let columns = 1 + legend.count * 2 + (spare > 0 ? 1 : 0)
        var out = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
        let linked = link.map { " HREF=\"\(DOTHTMLText.attribute($0))\" TOOLTIP=\"\(DOTHTMLText.attribute(words.backToLandscape))\"" } ?? ""
        if let overline {
            out += "<TR><TD COLSPAN=\"\(columns)\" ALIGN=\"LEFT\"\(linked)><FONT POINT-SIZE=\"11\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(overline, limit: 200))</FONT></TD></TR>"
        }
        let titleLines = Self.lines(title, width: 70, maxLines: 3)
        out += "<TR><TD COLSPAN=\"\(columns)\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"\(overline == nil ? linked : "")><FONT POINT-SIZE=\"20\"><B>\(DOTHTMLText.lines(titleLines, align: "LEFT"))</B></FONT></TD></TR>"
        out += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(words.legend)):</FONT></TD>"
        for entry in legend {
            if let glyph = entry.glyph {
                out += "<TD WIDTH=\"22\"><FONT POINT-SIZE=\"12\">\(DOTHTMLText.text(glyph))</FONT></TD>"
            } else {
                out += "<TD BGCOLOR=\"\(entry.fill ?? "#ffffff")\" COLOR=\"\(entry.line ?? "#888888")\" BORDER=\"1\" WIDTH=\"22\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>"
            }
            out += "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(DOTHTMLText.text(entry.text))   </FONT></TD>"
        }
        if spare > 0 { out += "<TD WIDTH=\"\(spare)\"></TD>" }
        return out + "</TR></TABLE>"
    }

    /// The title: `--title`, else "Procesmodel" and the source's name.
    var titleText: String { title ?? words.title(source: sourceName) }

    /// The lines of `text` wrapped at `width` characters, at most `maxLines`, the last ending in
    /// `…` when text was left out. A word longer than `width` is broken into pieces of `width - 4`
    /// characters, so that a piece of wide letters (and the `…` after it) still fits a box of
    /// fixed size.
    static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        let piece = max(1, width - 4)
        // Only the first lines are shown: a text far longer than they hold is cut first, so that a
        // name of a megabyte is not wrapped whole (cutting a long word costs its length per piece).
        let shown = text.prefix(2 * (maxLines + 1) * (width + 1))
        for line in DOTText.wrapped(String(shown), width: width).split(separator: "\n") {
            var rest = Substring(line)
            while rest.count > width {
                lines.append(String(rest.prefix(piece)))
                rest = rest.dropFirst(piece)
            }
            lines.append(String(rest))
        }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = DOTHTMLText.cut(kept[maxLines - 1] + " …", to: width + 1)
        if !kept[maxLines - 1].hasSuffix("…") { kept[maxLines - 1] += "…" }
        return kept
    }

    /// The names of what `process` is followed by, for its tooltip.
    func nextNames(_ process: CoraProcess, tree: ProcessTree) -> [String] {
        process.next.map { id in tree.process(id).map { [$0.code, $0.name].filter { !$0.isEmpty }.joined(separator: " ") } ?? id }
    }

    /// How `id` is named after an arrow in a box: its code, else its name, else the id.
    func shortName(_ id: String, tree: ProcessTree) -> String {
        guard let process = tree.process(id) else { return id }
        return process.code.isEmpty ? DOTHTMLText.cut(process.name, to: 24) : process.code
    }

    /// `code name` of a process, or the name when it has no code.
    static func codeAndName(_ process: CoraProcess) -> String {
        process.code.isEmpty ? process.name : process.code + " " + process.name
    }
}
