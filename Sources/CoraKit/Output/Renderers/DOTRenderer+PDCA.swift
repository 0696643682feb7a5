/// The PDCA view (`--view pdca`): what CORA leaves out of its picture "for readability" but says
/// closes the Plan-Do-Check-Act cycle (CORA.md §5). The steering processes that take part stand in
/// the steering band on top, each with its phase; the processes they steer and that report to them
/// stand in the bands of their categories below. A `steers` relation is a solid arrow down in the
/// steering colour, labelled with the steering process's phase; a `reports-to` relation is a dashed
/// arrow back up in another colour, labelled with the receiving process's phase (drawn from the
/// steering process with the arrowhead at its end, so that the layout keeps steering on top). The
/// processes that take part are drawn, and every primary business process: one that nothing
/// steers (`unsteered-process`) has a dashed border, so the picture shows the gap. A reference
/// that names no process of the model is not drawn (it was reported when the model was built).
extension DOTRenderer {
    /// The colour of `reports-to` arrows: apart from every band colour.
    static let reportColor = "#8a3b8f"

    /// The digraph of the PDCA view.
    func pdcaDiagram(_ tree: ProcessTree) -> String {
        let model = tree.model
        let dutch = language == .nl
        var taking: [String: CoraProcess] = [:]
        var order: [String] = []
        func take(_ process: CoraProcess) {
            if taking[process.id] == nil { taking[process.id] = process; order.append(process.id) }
        }
        var steers: [(from: CoraProcess, to: CoraProcess)] = []
        var reports: [(from: CoraProcess, to: CoraProcess)] = []
        let usesPDCA = model.usesPDCA
        for process in model.processes {
            if process.pdcaPhase != nil { take(process) }
            if usesPDCA && process.level == .businessProcess && process.category == .primary { take(process) }
            for id in process.steers {
                guard let target = tree.process(id) else { continue }
                take(process)
                take(target)
                steers.append((process, target))
            }
            for id in process.reportsTo {
                guard let target = tree.process(id) else { continue }
                take(process)
                take(target)
                reports.append((process, target))
            }
        }
        // Steered: named in a steers column, itself or a chain or scenario above it.
        let steered = Set(steers.map(\.to.id))
        func isSteered(_ process: CoraProcess) -> Bool {
            var current: CoraProcess? = process, steps = 0
            while let here = current, steps < 200 {
                if steered.contains(here.id) { return true }
                current = here.parent.isEmpty || here.parent == here.id ? nil : tree.process(here.parent)
                steps += 1
            }
            return false
        }
        var legend = [
            LegendEntry(fill: Self.bandColors[.steering]!.fill, line: Self.bandColors[.steering]!.line, text: dutch ? "sturend proces met zijn PDCA-fase" : "steering process with its PDCA phase"),
            LegendEntry(glyph: "→", text: dutch ? "stuurt, met de fase van het sturende proces" : "steers, with the steering process's phase"),
            LegendEntry(glyph: "⇢", text: dutch ? "rapporteert aan (gestippeld), met de fase van het ontvangende proces"
                                                : "reports to (dashed), with the receiving process's phase"),
        ]
        let unsteered = Set(order.compactMap { taking[$0] }.filter {
            $0.level == .businessProcess && $0.category == .primary && !isSteered($0) }.map(\.id))
        if !unsteered.isEmpty && !steers.isEmpty {
            legend.append(LegendEntry(fill: Self.bandColors[.primary]!.fill, line: Self.bandColors[.primary]!.line,
                                      text: dutch ? "gestippeld kader: door niets gestuurd" : "dashed border: steered by nothing"))
        }
        var out = header("pdca", title: titleText, overline: dutch ? "Plan-Do-Check-Act-cyclus" : "Plan-Do-Check-Act cycle",
                         titleLink: nil, legend: legend, extra: ", rankdir=TB, nodesep=0.35, ranksep=0.8, newrank=true")
        if order.isEmpty {
            out += "  none [shape=plaintext, style=\"\", label=\(DOTText.quoted(dutch ? "geen PDCA-relaties of -fasen in het model" : "no PDCA relations or phases in the model"))];\n"
            return out + "}\n"
        }
        // One band per category that takes part, steering on top (the bands are ranked in this order).
        let categories: [ProcessCategory?] = [.steering, .primary, .supporting, nil]
        var firstOfBand: [String] = []
        for category in categories {
            let members = order.compactMap { taking[$0] }.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            let colors = Self.bandColors[category]!
            let name = "cluster_pdca_" + (category?.rawValue ?? "none")
            out += "  subgraph \(DOTText.id(name)) {\n"
            out += "    label=<\(DOTHTMLText.text(words.band(category, count: members.count)))>; labeljust=l; style=\"rounded,filled\"; "
            out += "fillcolor=\(DOTText.quoted(colors.fill)); color=\(DOTText.quoted(colors.line)); penwidth=1.5; margin=12;\n"
            out += "    { rank=same; " + members.map { DOTText.nodeID($0.id) + ";" }.joined(separator: " ") + " }\n"
            for process in members {
                let dashed = unsteered.contains(process.id) && !steers.isEmpty
                out += "    \(DOTText.nodeID(process.id)) [label=<\(pdcaBox(process))>, color=\(DOTText.quoted(colors.line)), "
                if dashed { out += "style=\"rounded,filled,dashed\", penwidth=1.6, " }
                out += "id=\(DOTText.quoted(DiagramElementID.of(process.id))), "
                out += "tooltip=\(DOTText.tooltip(words.tooltip(process, nextNames: nextNames(process, tree: tree))))];\n"
            }
            // Left to right in the order of the model.
            for (left, right) in zip(members, members.dropFirst()) {
                out += "    \(DOTText.nodeID(left.id)) -> \(DOTText.nodeID(right.id)) [style=invis];\n"
            }
            out += "  }\n"
            firstOfBand.append(members[0].id)
        }
        // The bands in order from top to bottom, whatever the arrows say.
        for (upper, lower) in zip(firstOfBand, firstOfBand.dropFirst()) {
            out += "  \(DOTText.nodeID(upper)) -> \(DOTText.nodeID(lower)) [style=invis, weight=0];\n"
        }
        let steeringLine = Self.bandColors[.steering]!.line
        for (from, to) in steers {
            out += "  \(DOTText.nodeID(from.id)) -> \(DOTText.nodeID(to.id)) [color=\(DOTText.quoted(steeringLine)), fontcolor=\(DOTText.quoted(steeringLine))"
            if let phase = from.pdcaPhase { out += ", label=\(DOTText.quoted(phase.rawValue))" }
            out += ", tooltip=\(DOTText.tooltip((dutch ? "stuurt: " : "steers: ") + Self.codeAndName(from) + " → " + Self.codeAndName(to)))];\n"
        }
        for (from, to) in reports {
            // Written from the receiver, the arrowhead at its end: ranked like the steers arrows.
            out += "  \(DOTText.nodeID(to.id)) -> \(DOTText.nodeID(from.id)) [dir=back, style=dashed, color=\(DOTText.quoted(Self.reportColor)), "
            out += "fontcolor=\(DOTText.quoted(Self.reportColor))"
            if let phase = to.pdcaPhase { out += ", label=\(DOTText.quoted(phase.rawValue))" }
            out += ", tooltip=\(DOTText.tooltip((dutch ? "rapporteert aan: " : "reports to: ") + Self.codeAndName(from) + " → " + Self.codeAndName(to)))];\n"
        }
        return out + "}\n"
    }

    /// The label of a box of the PDCA view: code, name (wrapped) and, for a steering process with
    /// one, its phase.
    private func pdcaBox(_ process: CoraProcess) -> String {
        var out = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
        if !process.code.isEmpty {
            out += "<TR><TD><FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(DOTHTMLText.cut(process.code, to: 24)))</FONT></TD></TR>"
        }
        out += "<TR><TD>\(DOTHTMLText.lines(Self.lines(process.name, width: 24, maxLines: 3)))</TD></TR>"
        if let phase = process.pdcaPhase {
            out += "<TR><TD><FONT POINT-SIZE=\"9\"><I>\(DOTHTMLText.text(language.phase(phase)))</I></FONT></TD></TR>"
        }
        return out + "</TABLE>"
    }
}
