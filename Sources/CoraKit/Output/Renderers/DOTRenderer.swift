/// Renders the model as Graphviz DOT, in the views CORA users know.
///
/// - ``View/landscape``: "het procesmodel in schema": three bands stacked top to bottom (sturende,
///   primaire, ondersteunende processen) holding the business processes in order, with the `next`
///   relations between them.
/// - ``View/process(_:)``: "werkprocessen in schema": one business process with its work processes
///   in order, their steps, functions and services.
/// - ``View/full``: everything nested: bands, business processes, work processes, steps.
///
/// Node IDs come from process ids, never from free text; every ID, label and tooltip goes through
/// ``DOTText``. A label too long for Graphviz is cut with `…` and gets its whole text as a tooltip.
/// The output depends only on the model, so it is the same on every run.
public struct DOTRenderer: Sendable {
    /// What to draw.
    public enum View: Sendable, Equatable {
        /// The three bands with the business processes.
        case landscape
        /// One business process (by id or code) with its work processes and steps.
        case process(String)
        /// Everything nested.
        case full

        /// Reads `landscape`, `full` or `process:ID`.
        public init?(argument: String) {
            switch argument {
            case "landscape": self = .landscape
            case "full": self = .full
            default:
                guard argument.hasPrefix("process:"), argument.count > "process:".count else { return nil }
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
    /// The title drawn above the picture.
    public var title: String?
    /// The most business processes drawn side by side in a band before a new row starts.
    public var bandWidth: Int

    /// Creates a renderer.
    public init(language: DocumentLanguage = .nl, title: String? = nil, bandWidth: Int = 6) {
        self.language = language
        self.title = title
        self.bandWidth = max(1, bandWidth)
    }

    private static let bandColors: [ProcessCategory?: (fill: String, line: String)] = [
        .steering: ("#e3ecf7", "#5b7fb0"), .primary: ("#e5f2e5", "#5a9a5a"), .supporting: ("#f7eedf", "#b08a4a"), nil: ("#eeeeee", "#888888"),
    ]

    /// The DOT text for `view`.
    public func render(_ model: ProcessModel, view: View = .landscape) throws(ViewError) -> String {
        let tree = ProcessTree(model)
        switch view {
        case .landscape: return landscape(tree, nested: false)
        case .full: return landscape(tree, nested: true)
        case .process(let reference):
            guard let process = model.processes.first(where: { $0.id == reference })
                    ?? model.processes.first(where: { $0.code == reference }) else {
                let known = model.processes.filter { $0.level == .businessProcess }.prefix(8).map(\.id).joined(separator: ", ")
                throw ViewError(message: "no process with id or code \"\(reference)\" in the model (business processes: \(known)…)")
            }
            return processView(process, tree: tree)
        }
    }

    private func header(_ name: String, rankdir: String, newrank: Bool = true) -> String {
        var out = "digraph \(DOTText.id(name)) {\n"
        // newrank lines up rank=same rows across clusters; the full view's nested rows trip an
        // assertion in Graphviz 2.42 with it, and lay out well without.
        out += "  graph [rankdir=\(rankdir), fontname=\"Helvetica\", fontsize=12\(newrank ? ", newrank=true" : ""), nodesep=0.3, ranksep=0.5"
        if let title { out += ", " + labelled(title) + ", labelloc=t, fontsize=16" }
        out += "];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10, margin=\"0.12,0.06\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n"
        return out
    }

    private func landscape(_ tree: ProcessTree, nested: Bool) -> String {
        var out = header(nested ? "procesmodel-volledig" : "procesmodel", rankdir: "TB", newrank: !nested)
        // Per band: its first node (top row) and the first node of its last row.
        var bandAnchors: [(top: String, bottom: String)] = []
        let categories: [ProcessCategory?] = ProcessCategory.allCases.map(Optional.some) + [nil]
        var drawn = Set<String>()
        for category in categories {
            let processes = tree.businessProcesses(in: category)
            if processes.isEmpty && (category == nil || nested) { continue }
            let colors = Self.bandColors[category]!
            let band = "cluster_" + (category?.rawValue ?? "none")
            out += "  subgraph \(DOTText.id(band)) {\n"
            out += "    label=\(DOTText.quoted(language.section(category))); labeljust=l; style=\"rounded,filled\"; "
            out += "fillcolor=\(DOTText.quoted(colors.fill)); color=\(DOTText.quoted(colors.line)); fontsize=14;\n"
            if processes.isEmpty {
                let placeholder = DOTText.id("band-" + (category?.rawValue ?? "none"))
                out += "    \(placeholder) [label=\"\", shape=point, style=invis];\n"
                bandAnchors.append((placeholder, placeholder))
            }
            var rows: [[CoraProcess]] = []
            let perRow = nested ? max(1, bandWidth / 2) : bandWidth
            var start = 0
            while start < processes.count {
                rows.append(Array(processes[start..<min(start + perRow, processes.count)]))
                start += perRow
            }
            for (rowIndex, row) in rows.enumerated() {
                for process in row {
                    drawn.insert(process.id)
                    if nested {
                        out += nestedBusinessProcess(process, tree: tree, drawn: &drawn)
                    } else {
                        out += "    \(DOTText.nodeID(process.id)) [\(labelled(DOTText.wrapped(process.name), full: process.name))];\n"
                    }
                }
                let tops = row.map { nested ? DOTText.nodeID($0.id, prefix: "bp:") : DOTText.nodeID($0.id) }
                if row.count > 1 {
                    out += "    { rank=same; " + tops.map { $0 + ";" }.joined(separator: " ") + " }\n"
                    // Keep the input order left to right.
                    out += "    " + tops.joined(separator: " -> ") + " [style=invis];\n"
                }
                // The lowest node of the row's first business process, to hang the next row under.
                let bottom = nested ? bottomNode(of: row[0], tree: tree) : tops[0]
                if rowIndex == 0 {
                    bandAnchors.append((tops[0], bottom))
                } else {
                    out += "    \(bandAnchors[bandAnchors.count - 1].bottom) -> \(tops[0]) [style=invis];\n"
                    bandAnchors[bandAnchors.count - 1].bottom = bottom
                }
            }
            out += "  }\n"
        }
        // Stack the bands: an invisible edge from each band to the next.
        for (upper, lower) in zip(bandAnchors, bandAnchors.dropFirst()) {
            out += "  \(upper.bottom) -> \(lower.top) [style=invis, weight=10];\n"
        }
        // The `next` relations between processes that are drawn.
        for process in tree.depthFirst where drawn.contains(process.id) {
            for next in process.next where drawn.contains(next) && next != process.id {
                let from = nested ? nestedNodeID(process, tree: tree) : DOTText.nodeID(process.id)
                let to = nested ? nestedNodeID(tree.process(next)!, tree: tree) : DOTText.nodeID(next)
                out += "  \(from) -> \(to) [constraint=false];\n"
            }
        }
        return out + "}\n"
    }

    private func nestedNodeID(_ process: CoraProcess, tree: ProcessTree) -> String {
        process.level == .businessProcess ? DOTText.nodeID(process.id, prefix: "bp:") : DOTText.nodeID(process.id)
    }

    /// The node at the bottom of a business process's cluster in the full view.
    private func bottomNode(of process: CoraProcess, tree: ProcessTree) -> String {
        tree.children(of: process.id).last.map { DOTText.nodeID($0.id) } ?? DOTText.nodeID(process.id, prefix: "bp:")
    }

    /// A business process as a cluster (full view): its work processes top to bottom in order, each
    /// with its steps to the right.
    private func nestedBusinessProcess(_ process: CoraProcess, tree: ProcessTree, drawn: inout Set<String>) -> String {
        var out = "    subgraph \(DOTText.id("cluster_bp_" + process.id)) {\n"
        out += "      \(labelled(DOTText.wrapped(process.name, width: 40), full: process.name, separator: "; ")); style=\"rounded,filled\"; fillcolor=\"#ffffff\"; color=\"#999999\"; fontsize=11;\n"
        out += "      \(DOTText.nodeID(process.id, prefix: "bp:")) [label=\"\", shape=point, style=invis, width=0];\n"
        var previous = DOTText.nodeID(process.id, prefix: "bp:")
        for child in tree.children(of: process.id) {
            drawn.insert(child.id)
            out += "      \(DOTText.nodeID(child.id)) [\(labelled(boxText(child, wrapped: true), full: boxText(child, wrapped: false)))];\n"
            out += "      \(previous) -> \(DOTText.nodeID(child.id)) [style=invis];\n"
            previous = DOTText.nodeID(child.id)
            let steps = tree.descendants(of: child.id)
            var stepPrevious = DOTText.nodeID(child.id)
            for (step, _) in steps {
                drawn.insert(step.id)
                out += "      \(DOTText.nodeID(step.id)) [\(labelled(DOTText.wrapped(step.name), full: step.name)), fontsize=9, fillcolor=\"#f8f8f8\"];\n"
                out += "      \(stepPrevious) -> \(DOTText.nodeID(step.id)) [style=dashed, arrowsize=0.6];\n"
                stepPrevious = DOTText.nodeID(step.id)
            }
            if !steps.isEmpty {
                out += "      { rank=same; \(DOTText.nodeID(child.id)); " + steps.map { DOTText.nodeID($0.process.id) + ";" }.joined(separator: " ") + " }\n"
            }
        }
        return out + "    }\n"
    }

    /// One business process: its work processes in order left to right, each with its steps below,
    /// its function in the label and its services as ellipses.
    private func processView(_ process: CoraProcess, tree: ProcessTree) -> String {
        let l = language
        var out = header("proces-" + process.id, rankdir: "TB")
        let colors = Self.bandColors[process.category]!
        var label = l.level(process.level) + ": " + process.name
        if !process.services.isEmpty { label += "\n" + l.text(.services) + ": " + process.services.joined(separator: ", ") }
        out += "  subgraph \(DOTText.id("cluster_" + process.id)) {\n"
        out += "    \(labelled(label, separator: "; ")); labeljust=l; style=\"rounded,filled\"; fillcolor=\(DOTText.quoted(colors.fill)); color=\(DOTText.quoted(colors.line)); fontsize=13;\n"
        let workProcesses = tree.children(of: process.id)
        var serviceNodes: [String] = []
        for work in workProcesses {
            out += "    \(DOTText.nodeID(work.id)) [\(labelled(boxText(work, wrapped: true), full: boxText(work, wrapped: false))), penwidth=1.5];\n"
            var previous = DOTText.nodeID(work.id)
            for (step, _) in tree.descendants(of: work.id) {
                out += "    \(DOTText.nodeID(step.id)) [\(labelled(DOTText.wrapped(step.name), full: step.name)), fontsize=9, fillcolor=\"#f8f8f8\"];\n"
                out += "    \(previous) -> \(DOTText.nodeID(step.id)) [style=dashed, arrowsize=0.6];\n"
                previous = DOTText.nodeID(step.id)
            }
            for (index, service) in work.services.enumerated() {
                let node = DOTText.nodeID(work.id + "#" + String(index), prefix: "service:")
                serviceNodes.append(node)
                out += "    \(node) [\(labelled(DOTText.wrapped(service), full: service)), shape=ellipse, style=filled, fillcolor=\"#fff8d0\", fontsize=9];\n"
                out += "    \(DOTText.nodeID(work.id)) -> \(node) [style=dotted, arrowhead=empty, label=\(DOTText.quoted(l == .nl ? "levert" : "delivers"))];\n"
            }
        }
        if workProcesses.count > 1 {
            out += "    { rank=same; " + workProcesses.map { DOTText.nodeID($0.id) + ";" }.joined(separator: " ") + " }\n"
        }
        // The work processes in order: their own `next` relations where given, otherwise their order.
        let ids = Set(workProcesses.map(\.id))
        let hasNext = workProcesses.contains { !$0.next.filter(ids.contains).isEmpty }
        if hasNext {
            for work in workProcesses {
                for next in work.next where ids.contains(next) {
                    out += "    \(DOTText.nodeID(work.id)) -> \(DOTText.nodeID(next)) [penwidth=1.5];\n"
                }
            }
        } else if workProcesses.count > 1 {
            out += "    " + workProcesses.map { DOTText.nodeID($0.id) }.joined(separator: " -> ") + " [penwidth=1.5];\n"
        }
        if workProcesses.isEmpty {
            out += "    \(DOTText.nodeID(process.id)) [label=\(DOTText.quoted(l.text(.noWorkProcesses))), shape=plaintext, style=\"\"];\n"
        }
        return out + "  }\n}\n"
    }

    /// The name of a work process or step in its box, and its function in brackets below.
    private func boxText(_ process: CoraProcess, wrapped: Bool) -> String {
        let name = wrapped ? DOTText.wrapped(process.name) : process.name
        return process.function.isEmpty ? name : name + "\n[" + process.function + "]"
    }

    /// `label=…` for `drawn`; when the label had to be cut, also `tooltip=…` with `full` (the text
    /// before wrapping), after `separator` (`", "` in an attribute list, `"; "` in a subgraph).
    private func labelled(_ drawn: String, full: String? = nil, separator: String = ", ") -> String {
        let (label, tooltip) = DOTText.label(drawn, fullText: full)
        return "label=" + label + (tooltip.map { separator + "tooltip=" + $0 } ?? "")
    }
}
