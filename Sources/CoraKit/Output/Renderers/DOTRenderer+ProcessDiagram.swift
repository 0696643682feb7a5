/// The diagram of one business process: its frame, a frame per work process with the work
/// process's code, name, function and services on top and its steps below, and the `next` flows.
extension DOTRenderer {
    /// The most work processes side by side before a new row starts.
    static let workProcessesPerRow = 5

    /// The diagram of `process`; `backLink`: the landscape's file, linked from the title.
    func processDiagram(_ process: CoraProcess, tree: ProcessTree, backLink: String?) -> String {
        let workProcesses = tree.children(of: process.id)
        let inDiagram = Set([process.id] + tree.descendants(of: process.id).map(\.process.id))
        var body = ""
        var flows = false
        var steps = false
        let colors = Self.bandColors[process.category]!
        body += "  subgraph \(DOTText.id("cluster_" + process.id)) {\n"
        body += "    label=<\(frameLabel(process, tree: tree))>; labeljust=l; style=\"rounded,filled\"; fillcolor=\(DOTText.quoted(colors.fill)); "
        body += "color=\(DOTText.quoted(colors.line)); penwidth=1.5; id=\(DOTText.quoted(DiagramElementID.of(process.id))); tooltip=\(DOTText.tooltip(words.tooltip(process, nextNames: nextNames(process, tree: tree))));\n"
        if !process.next.isEmpty { flows = true }
        if workProcesses.isEmpty {
            body += "    \(DOTText.nodeID(process.id, prefix: "empty:")) [label=\(DOTText.quoted(words.language.text(.noWorkProcesses))), shape=plaintext, style=\"\"];\n"
        }
        // Rows of work processes: the header of each in one rank, in order.
        let rowCount = (workProcesses.count + Self.workProcessesPerRow - 1) / Self.workProcessesPerRow
        let perRow = rowCount == 0 ? 1 : (workProcesses.count + rowCount - 1) / rowCount
        var bottoms: [String] = []
        var edges = ""
        for work in workProcesses {
            let header = DOTText.nodeID(work.id)
            body += "    subgraph \(DOTText.id("cluster_" + work.id)) {\n"
            // Its own id and tooltip: a subgraph would take the business process's as its defaults.
            body += "      label=\"\"; style=\"rounded,filled\"; fillcolor=\"#ffffff\"; color=\"#8c8c8c\"; margin=8; "
            body += "id=\(DOTText.quoted("f-" + work.id)); tooltip=\(DOTText.tooltip(words.tooltip(work, nextNames: nextNames(work, tree: tree))));\n"
            body += "      \(header) [shape=plaintext, style=\"\", margin=0, label=<\(workProcessLabel(work, inDiagram: inDiagram, tree: tree, flows: &flows))>, "
            body += "id=\(DOTText.quoted(DiagramElementID.of(work.id))), tooltip=\(DOTText.tooltip(words.tooltip(work, nextNames: nextNames(work, tree: tree))))];\n"
            var previous = work
            let below = tree.descendants(of: work.id)
            for (index, (step, depth)) in below.enumerated() {
                steps = true
                let label = String(repeating: "↳ ", count: max(0, depth - 1)) + DOTText.wrapped(step.name, width: 24)
                body += "      \(DOTText.nodeID(step.id)) [label=\(DOTText.quoted(label)), fontsize=9, fillcolor=\"\(Self.stepFill)\", color=\"#b0b0b0\", "
                body += "id=\(DOTText.quoted(DiagramElementID.of(step.id))), tooltip=\(DOTText.tooltip(words.tooltip(step, nextNames: nextNames(step, tree: tree))))];\n"
                // Steps stand below one another in order; the line is drawn only where the data says one follows the other.
                let follows = previous.next.contains(step.id)
                body += "      \(DOTText.nodeID(previous.id)) -> \(DOTText.nodeID(step.id))\(follows ? "" : " [style=invis]");\n"
                if follows { flows = true }
                let following = index + 1 < below.count ? below[index + 1].process.id : nil
                for next in step.next where inDiagram.contains(next) && next != step.id && next != following {
                    edges += "  \(DOTText.nodeID(step.id)) -> \(DOTText.nodeID(next)) [constraint=false];\n"
                    flows = true
                }
                previous = step
            }
            bottoms.append(DOTText.nodeID(previous.id))
            body += "    }\n"
        }
        // Rows of work processes, in order left to right: an unseen point above each row whose
        // lines to the row's frames keep their order (ordering=out), below every frame of the row above.
        for (row, start) in stride(from: 0, to: workProcesses.count, by: perRow).enumerated() {
            let anchor = DOTText.nodeID(process.id + "#" + String(row), prefix: "row:")
            body += "    \(anchor) [shape=point, style=invis, width=0, height=0, label=\"\", ordering=out];\n"
            if start > 0 {
                for above in bottoms[(start - perRow)..<start] { body += "    \(above) -> \(anchor) [style=invis];\n" }
            }
            for work in workProcesses[start..<min(start + perRow, workProcesses.count)] {
                body += "    \(anchor) -> \(DOTText.nodeID(work.id)) [style=invis];\n"
            }
        }
        // The flows between work processes, drawn where the frames stand.
        for work in workProcesses {
            for next in work.next where inDiagram.contains(next) && next != work.id {
                flows = true
                edges += "  \(DOTText.nodeID(work.id)) -> \(DOTText.nodeID(next)) [constraint=false];\n"
            }
        }
        body += "  }\n"
        var legend = [LegendEntry(fill: colors.fill, line: colors.line, text: words.businessProcessFrame)]
        if !workProcesses.isEmpty { legend.append(LegendEntry(fill: "#ffffff", line: "#8c8c8c", text: words.workProcessBox)) }
        if steps { legend.append(LegendEntry(fill: Self.stepFill, line: "#b0b0b0", text: words.stepBox)) }
        if flows { legend.append(LegendEntry(glyph: "→", text: words.flow)) }
        let title = title ?? words.language.level(process.level) + " " + Self.codeAndName(process)
        var out = header("proces-" + process.id, title: title, titleLink: backLink, legend: legend, extra: ", rankdir=TB, nodesep=0.3, ranksep=0.3")
        out += body + edges
        return out + "}\n"
    }

    /// The label of a business process's frame: its code and name, owner, services and events,
    /// and what it is followed by.
    private func frameLabel(_ process: CoraProcess, tree: ProcessTree) -> String {
        var out = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
        out += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\"><B>\(DOTHTMLText.text(Self.codeAndName(process), limit: 120))</B></FONT></TD></TR>"
        var facts: [String] = []
        if !process.owner.isEmpty { facts.append(words.language.text(.owner) + ": " + process.owner) }
        if !process.services.isEmpty { facts.append(words.delivers + ": " + process.services.joined(separator: ", ")) }
        if !process.events.isEmpty { facts.append(words.startsOn + ": " + process.events.joined(separator: ", ")) }
        if !process.next.isEmpty { facts.append("→ " + process.next.map { shortName($0, tree: tree) }.joined(separator: ", ")) }
        for fact in facts {
            out += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(fact, limit: 160))</FONT></TD></TR>"
        }
        return out + "</TABLE>"
    }

    /// The top of a work process's frame: code, name, function, services, and flows out of this diagram.
    private func workProcessLabel(_ work: CoraProcess, inDiagram: Set<String>, tree: ProcessTree, flows: inout Bool) -> String {
        var out = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
        if !work.code.isEmpty {
            out += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(work.code, limit: 40))</FONT></TD></TR>"
        }
        out += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\"><B>\(DOTHTMLText.lines(Self.lines(work.name, width: 26, maxLines: 3), align: "LEFT"))</B></FONT></TD></TR>"
        var facts: [String] = []
        if !work.function.isEmpty { facts.append("[" + work.function + "]") }
        if !work.services.isEmpty { facts.append(words.delivers + ": " + work.services.joined(separator: ", ")) }
        let outside = work.next.filter { !inDiagram.contains($0) }
        if !outside.isEmpty {
            flows = true
            facts.append("→ " + outside.map { shortName($0, tree: tree) }.joined(separator: ", "))
        }
        for fact in facts {
            out += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.lines(Self.lines(fact, width: 34, maxLines: 2), align: "LEFT"))</FONT></TD></TR>"
        }
        return out + "</TABLE>"
    }
}
