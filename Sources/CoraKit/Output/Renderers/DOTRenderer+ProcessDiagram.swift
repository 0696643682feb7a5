/// The diagram of one business process: its frame, a card per work process (code, name, function,
/// services on top, its steps below in order), the cards in rows, and the `next` flows: between
/// cards as arrows from border to border, between the steps of a card as `↓`, anything else as an
/// arrow between the steps' cells.
extension DOTRenderer {
    /// The most work processes side by side before a new row starts.
    static let workProcessesPerRow = 5

    /// What a process diagram drew, for its legend.
    private struct ProcessDiagramState {
        /// Whether a flow is drawn as an arrow, or said as `→ code`.
        var flows = false
        /// Whether a `↓` stands between two steps.
        var downFlows = false
        var stepLevels = Set<ProcessLevel?>()
        /// The node and port of each process drawn in a card, by id.
        var places: [String: String] = [:]
    }

    /// The diagram of `process`; `backLink`: the landscape's file, linked from the title.
    func processDiagram(_ process: CoraProcess, tree: ProcessTree, backLink: String?) -> String {
        let workProcesses = tree.children(of: process.id).filter { $0.id != process.id }
        var state = ProcessDiagramState()
        let colors = Self.bandColors[process.category]!
        var body = "  subgraph \(DOTText.id("cluster_" + process.id)) {\n"
        body += "    label=<\(frameLabel(process, tree: tree))>; labeljust=l; style=\"rounded,filled\"; fillcolor=\(DOTText.quoted(colors.fill)); "
        body += "color=\(DOTText.quoted(colors.line)); penwidth=1.5; margin=14; id=\(DOTText.quoted(DiagramElementID.of(process.id))); "
        body += "tooltip=\(DOTText.tooltip(words.tooltip(process, nextNames: nextNames(process, tree: tree))));\n"
        if !process.next.isEmpty { state.flows = true }
        if workProcesses.isEmpty {
            body += "    \(DOTText.nodeID(process.id, prefix: "empty:")) [label=\(DOTText.quoted(words.language.text(.noWorkProcesses))), shape=plaintext, style=\"\"];\n"
        }
        // Where each process of a card is: the card itself, or the cell of a step (its port).
        var belowByWork: [String: [(process: CoraProcess, depth: Int)]] = [:]
        for work in workProcesses {
            let node = DOTText.nodeID(work.id)
            if state.places[work.id] == nil { state.places[work.id] = node }
            // (In a cycle kept with --keep-invalid the process itself may hang below; it is the frame.)
            let below = tree.descendants(of: work.id, stoppingBelow: { $0.id == process.id }).filter { $0.process.id != process.id }
            belowByWork[work.id] = below
            for (index, (step, _)) in below.enumerated() where state.places[step.id] == nil {
                state.places[step.id] = node + ":\"s\(index)\""
            }
        }
        for work in workProcesses {
            body += "    \(DOTText.nodeID(work.id)) [shape=plain, label=<\(card(work, below: belowByWork[work.id] ?? [], tree: tree, state: &state))>];\n"
        }
        // Rows of cards, in order: side by side in one rank, each row below the one above.
        let rowCount = (workProcesses.count + Self.workProcessesPerRow - 1) / Self.workProcessesPerRow
        let perRow = rowCount == 0 ? 1 : (workProcesses.count + rowCount - 1) / rowCount
        var drawnFlows = Set<[String]>()
        for start in stride(from: 0, to: workProcesses.count, by: perRow) {
            let row = Array(workProcesses[start..<min(start + perRow, workProcesses.count)])
            if row.count > 1 { body += "    { rank=same; " + row.map { DOTText.nodeID($0.id) + ";" }.joined(separator: " ") + " }\n" }
            for (left, right) in zip(row, row.dropFirst()) {
                // Neighbours keep their order by a line: drawn when the data says one follows the other.
                let follows = left.next.contains(right.id)
                body += "    \(DOTText.nodeID(left.id)) -> \(DOTText.nodeID(right.id))\(follows ? "" : " [style=invis]");\n"
                if follows {
                    drawnFlows.insert([left.id, right.id])
                    state.flows = true
                }
            }
            if start + perRow < workProcesses.count {
                for column in 0..<min(perRow, workProcesses.count - start - perRow) {
                    body += "    \(DOTText.nodeID(workProcesses[start + column].id)) -> \(DOTText.nodeID(workProcesses[start + perRow + column].id)) [style=invis];\n"
                }
            }
        }
        body += "  }\n"
        // Every other flow between processes of the diagram, free of the layout.
        var rowOf: [String: Int] = [:]
        for (index, work) in workProcesses.enumerated() where rowOf[work.id] == nil { rowOf[work.id] = index / perRow }
        var edges = ""
        for work in workProcesses {
            let below = belowByWork[work.id] ?? []
            let steps = Set(below.map(\.process.id))
            for (from, following) in [(work, below.first?.process.id)] + below.enumerated().map({ ($1.process, $0 + 1 < below.count ? below[$0 + 1].process.id : nil) }) {
                for next in from.next where next != from.id && !drawnFlows.contains([from.id, next]) {
                    guard let target = state.places[next], let source = state.places[from.id] else { continue }
                    // Within a card, the next step below is shown by ↓.
                    if steps.contains(next) && next == following && from.id != work.id { continue }
                    // Between cards of one row, below them, clear of the frame's label.
                    let sameRow = from.id == work.id && rowOf[next].map { $0 == rowOf[work.id] } == true
                    edges += "  \(source) -> \(target) [constraint=false\(sameRow ? ", tailport=s, headport=s" : "")];\n"
                    drawnFlows.insert([from.id, next])
                    state.flows = true
                }
            }
        }
        var legend = [LegendEntry(fill: colors.fill, line: colors.line, text: words.frame(of: process.level))]
        if !workProcesses.isEmpty {
            legend.append(LegendEntry(fill: "#ffffff", line: "#8c8c8c", text: words.partFrame(levels: Set(workProcesses.map(\.level)))))
        }
        if !state.stepLevels.isEmpty { legend.append(LegendEntry(fill: Self.stepFill, line: Self.stepFill, text: words.stepBox(levels: state.stepLevels))) }
        let glyphs = (state.flows ? ["→"] : []) + (state.downFlows ? ["↓"] : [])
        if !glyphs.isEmpty { legend.append(LegendEntry(glyph: glyphs.joined(separator: " "), text: words.flow)) }
        // The process as the title, the model's title (or --title) above it.
        let title = words.language.level(process.level) + " " + Self.codeAndName(process)
        var out = header("proces-" + process.id, title: title, overline: titleText, titleLink: backLink, legend: legend, extra: ", rankdir=TB, nodesep=0.35, ranksep=0.35")
        out += body + edges
        return out + "}\n"
    }

    /// The card of a work process: its code, name, function, services and flows out of the
    /// diagram on top, then its steps in order, a `↓` between two where the first is followed by the second.
    private func card(_ work: CoraProcess, below: [(process: CoraProcess, depth: Int)], tree: ProcessTree, state: inout ProcessDiagramState) -> String {
        var out = "<TABLE BORDER=\"1\" COLOR=\"#8c8c8c\" STYLE=\"rounded\" BGCOLOR=\"#ffffff\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">"
        out += "<TR><TD \(cellAttributes(work, tree: tree, link: nil)) ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
        if !work.code.isEmpty { out += "<FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(work.code, limit: 40))</FONT><BR ALIGN=\"LEFT\"/>" }
        out += "<FONT POINT-SIZE=\"11\"><B>\(DOTHTMLText.lines(Self.lines(work.name, width: 26, maxLines: 4), align: "LEFT"))</B></FONT>"
        var facts: [String] = []
        if !work.function.isEmpty { facts.append("[" + work.function + "]") }
        if !work.services.isEmpty { facts.append(words.delivers + ": " + work.services.joined(separator: ", ")) }
        let outside = work.next.filter { state.places[$0] == nil && $0 != work.id }
        if !outside.isEmpty {
            state.flows = true
            facts.append("→ " + outside.map { shortName($0, tree: tree) }.joined(separator: ", "))
        }
        for fact in facts {
            out += "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.lines(Self.lines(fact, width: 34, maxLines: 2), align: "LEFT"))</FONT>"
        }
        out += "</TD></TR>"
        for (index, (step, depth)) in below.enumerated() {
            state.stepLevels.insert(step.level)
            let indent = String(repeating: "    ", count: max(0, depth - 1))
            let lines = Self.lines(step.name, width: max(14, 30 - 4 * (depth - 1)), maxLines: 4).map { indent + $0 }
            out += "<TR><TD PORT=\"s\(index)\" \(cellAttributes(step, tree: tree, link: nil)) BGCOLOR=\"\(Self.stepFill)\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
            out += "<FONT POINT-SIZE=\"9\">\(DOTHTMLText.lines(lines, align: "LEFT"))</FONT>"
            let outside = step.next.filter { state.places[$0] == nil && $0 != step.id }
            if !outside.isEmpty {
                state.flows = true
                out += "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"8\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text("→ " + outside.map { shortName($0, tree: tree) }.joined(separator: ", "), limit: 60))</FONT>"
            }
            out += "</TD></TR>"
            if index + 1 < below.count, step.next.contains(below[index + 1].process.id) {
                state.downFlows = true
                out += "<TR><TD><FONT POINT-SIZE=\"10\">↓</FONT></TD></TR>"
            }
        }
        return out + "</TABLE>"
    }

    /// The label of a business process's frame: its code and name, owner, services and events,
    /// and what it is followed by.
    private func frameLabel(_ process: CoraProcess, tree: ProcessTree) -> String {
        var out = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
        out += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\"><B>\(DOTHTMLText.lines(Self.lines(Self.codeAndName(process), width: 60, maxLines: 2), align: "LEFT"))</B></FONT></TD></TR>"
        var facts: [String] = []
        if !process.owner.isEmpty { facts.append(words.language.text(.owner) + ": " + process.owner) }
        if !process.services.isEmpty { facts.append(words.delivers + ": " + process.services.joined(separator: ", ")) }
        if !process.events.isEmpty { facts.append(words.startsOn + ": " + process.events.joined(separator: ", ")) }
        if !process.next.isEmpty { facts.append("→ " + process.next.map { shortName($0, tree: tree) }.joined(separator: ", ")) }
        for fact in facts {
            out += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.lines(Self.lines(fact, width: 80, maxLines: 2), align: "LEFT"))</FONT></TD></TR>"
        }
        return out + "</TABLE>"
    }
}
