/// Renders the model as one GitHub-flavoured Markdown document: a title and counts, a table of
/// contents, a section per category with its business processes in order, per business process a
/// table of its work processes and steps, the process chains, the requirements × processes
/// matrix and the PDCA cycle (when the model has them), and the validation summary.
///
/// Every piece of text from the spreadsheet goes through ``MarkdownText`` so that it cannot break
/// a table, start a block, become a link or inject HTML.
///
/// A row of a business process's table is indented by its depth below the work processes: one
/// `↳ ` per level up to ``indentMarks`` levels, deeper `↳×N ` (N levels), so a long parent chain
/// costs a few bytes per row. A business process below another one is a row of the other's table;
/// what is below it is in its own section. The document grows with the model, however deep its chains.
public struct MarkdownRenderer: Sendable {
    /// The language of labels.
    public var language: DocumentLanguage
    /// The document title; "Procesmodel" ("Process model") when `nil`.
    public var title: String?
    /// How many findings the validation section lists one by one.
    public var findingsListed: Int

    /// The most levels of a table row shown as one `↳ ` each; a deeper row shows `↳×N `.
    public static let indentMarks = 8

    /// Creates a renderer.
    public init(language: DocumentLanguage = .nl, title: String? = nil, findingsListed: Int = 20) {
        self.language = language
        self.title = title
        self.findingsListed = findingsListed
    }

    /// The Markdown document, ending with a line break.
    public func render(_ model: ProcessModel, diagnostics: [Diagnostic] = []) -> String {
        // Read many times and in any order: the processes as values, made once from the columns.
        let model = model.withProcessesAsValues
        let tree = ProcessTree(model)
        let l = language
        var anchors = AnchorBook()
        var out = ""
        let titleText = title ?? l.text(.processModel)
        _ = anchors.anchor(for: titleText)
        out += "# \(MarkdownText.heading(titleText))\n\n"
        out += summary(of: model) + "\n\n"

        // Plan the sections first so the table of contents can link to their anchors.
        let categories: [ProcessCategory?] = ProcessCategory.allCases.map(Optional.some) + [nil]
        var sections: [(heading: String, anchor: String, category: ProcessCategory?, processes: [(CoraProcess, String)])] = []
        _ = anchors.anchor(for: l.text(.contents))
        for category in categories {
            let processes = tree.businessProcesses(in: category)
            if processes.isEmpty && category == nil { continue }
            let heading = l.section(category)
            let anchor = anchors.anchor(for: heading)
            let entries = processes.map { ($0, anchors.anchor(for: $0.name.replacingOccurrences(of: "\n", with: " "))) }
            sections.append((heading, anchor, category, entries))
        }
        // What each process is part of, found in one walk down the tree (not once per process up its chain).
        let isGrouper: (CoraProcess) -> Bool = { $0.level == .processChain || $0.level == .steeringScenario }
        let isBusinessProcess: (CoraProcess) -> Bool = { $0.level == .businessProcess }
        let enclosingBusinessProcess = tree.nearestAncestors(where: isBusinessProcess)
        let enclosingGrouper = tree.nearestAncestors(where: isGrouper)
        let depthFirst = tree.depthFirst
        let groupers = depthFirst.filter(isGrouper)
        let chainsAnchor = groupers.isEmpty ? nil : anchors.anchor(for: l.text(.chains))
        let others = depthFirst.filter { !isBusinessProcess($0) && !isGrouper($0) && enclosingBusinessProcess[$0.id] == nil }
        let othersAnchor = others.isEmpty ? nil : anchors.anchor(for: l.text(.otherProcesses))
        let pdca = PDCAOverview(model)
        let requirementsAnchor = pdca.requirementColumns.isEmpty ? nil : anchors.anchor(for: l.text(.requirements))
        let cycleAnchor = pdca.steering.isEmpty ? nil : anchors.anchor(for: l.text(.pdcaCycle))
        let validationAnchor = anchors.anchor(for: l.text(.validation))

        out += "## \(l.text(.contents))\n\n"
        for section in sections {
            out += "- [\(MarkdownText.inline(section.heading))](#\(section.anchor))\n"
            for (process, anchor) in section.processes {
                out += "  - [\(MarkdownText.inline(oneLine(process.name)))](#\(anchor))\n"
            }
        }
        if let chainsAnchor { out += "- [\(MarkdownText.inline(l.text(.chains)))](#\(chainsAnchor))\n" }
        if let othersAnchor { out += "- [\(MarkdownText.inline(l.text(.otherProcesses)))](#\(othersAnchor))\n" }
        if let requirementsAnchor { out += "- [\(l.text(.requirements))](#\(requirementsAnchor))\n" }
        if let cycleAnchor { out += "- [\(l.text(.pdcaCycle))](#\(cycleAnchor))\n" }
        out += "- [\(l.text(.validation))](#\(validationAnchor))\n\n"

        for section in sections {
            out += "## \(MarkdownText.inline(section.heading))\n\n"
            if section.processes.isEmpty {
                out += (l == .nl ? "Geen bedrijfsprocessen." : "No business processes.") + "\n\n"
            }
            for (process, _) in section.processes {
                out += businessProcessSection(process, tree: tree, chain: enclosingGrouper[process.id], pdca: pdca)
            }
        }
        if !groupers.isEmpty {
            out += "## \(MarkdownText.inline(l.text(.chains)))\n\n"
            // Each business process joins every chain and scenario above it.
            var members: [String: [String]] = [:]
            for process in depthFirst where isBusinessProcess(process) {
                var grouper = enclosingGrouper[process.id]
                while let current = grouper {
                    members[current.id, default: []].append(process.name)
                    grouper = enclosingGrouper[current.id]
                }
            }
            let plural = l.levelPlural(.businessProcess)
            out += table(header: [l.text(.code), l.text(.name), l.text(.status), plural.prefix(1).uppercased() + plural.dropFirst()],
                         rows: groupers.map { grouper in
                             [grouper.code, "\(grouper.name) (\(l.level(grouper.level).lowercased()))", grouper.status,
                              (members[grouper.id] ?? []).joined(separator: ", ")]
                         })
        }
        if !others.isEmpty {
            out += "## \(MarkdownText.inline(l.text(.otherProcesses)))\n\n"
            out += table(header: [l.text(.code), l.text(.name), l.text(.owner), l.text(.function)],
                         rows: others.map { [$0.code, "\($0.name) (\(l.level($0.level).lowercased()))", $0.owner, $0.function] })
        }
        if requirementsAnchor != nil { out += requirementsSection(pdca) }
        if cycleAnchor != nil { out += cycleSection(pdca) }
        out += validationSection(diagnostics)
        return out
    }

    func oneLine(_ text: String) -> String { text.onOneLine }

    func summary(of model: ProcessModel) -> String {
        let l = language
        var parts: [String] = []
        for level in ProcessLevel.allCases {
            let count = model.processes.count { $0.level == level }
            if count > 0 { parts.append("\(count) \(count == 1 ? l.level(level).lowercased() : l.levelPlural(level))") }
        }
        var text = "\(model.processes.count) \(l.text(.processes))"
        if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        let perCategory = ProcessCategory.allCases.map { category in
            "\(l == .nl ? category.dutchName : category.rawValue) \(model.processes.count { $0.category == category })"
        }
        let categories = perCategory.joined(separator: ", ")
        return text + ". " + categories.prefix(1).uppercased() + categories.dropFirst() + "."
    }

    /// The marks before the name of a table row `depth` levels below its business process (1: a
    /// work process, no marks): one `↳ ` per level below the work processes, up to
    /// ``indentMarks``; deeper, `↳×N ` for N levels.
    public static func indent(depth: Int) -> String {
        let levels = depth - 1
        if levels <= 0 { return "" }
        if levels <= indentMarks { return String(repeating: "↳ ", count: levels) }
        return "↳×\(levels) "
    }

    private func businessProcessSection(_ process: CoraProcess, tree: ProcessTree, chain: CoraProcess?, pdca: PDCAOverview) -> String {
        let l = language
        var out = "### \(MarkdownText.heading(oneLine(process.name)))\n\n"
        var facts: [String] = [[l.level(process.level), process.code].filter { !$0.isEmpty }.map(MarkdownText.inline).joined(separator: " ")]
        if !process.owner.isEmpty { facts.append("\(l.text(.owner)): \(MarkdownText.inline(process.owner))") }
        if !process.services.isEmpty { facts.append("\(l.text(.services)): \(MarkdownText.inline(process.services.joined(separator: ", ")))") }
        if !process.events.isEmpty { facts.append("\(l.text(.events)): \(MarkdownText.inline(process.events.joined(separator: ", ")))") }
        if !process.applications.isEmpty { facts.append("\(l.text(.applications)): \(MarkdownText.inline(process.applications.joined(separator: ", ")))") }
        if !process.status.isEmpty { facts.append("\(l.text(.status)): \(MarkdownText.inline(process.status))") }
        if let chain { facts.append("\(l.text(.partOf)): \(MarkdownText.inline(oneLine(chain.name)))") }
        if !process.next.isEmpty {
            let names = process.next.map { tree.process($0)?.name ?? $0 }
            facts.append("\(l.text(.next)): \(MarkdownText.inline(names.joined(separator: ", ")))")
        }
        facts += pdcaFacts(of: process, pdca)
        out += facts.joined(separator: " · ") + "\n\n"
        if !process.description.isEmpty { out += MarkdownText.inline(process.description) + "\n\n" }
        let rows = tree.descendants(of: process.id, stoppingBelow: { $0.level == .businessProcess })
        if rows.isEmpty {
            out += l.text(.noWorkProcesses) + "\n\n"
            return out
        }
        out += table(
            header: [l.text(.code), l.level(.workProcess) + (l == .nl ? " / processtap" : " / step"), l.text(.owner), l.text(.function),
                     l.text(.businessServices), l.text(.applications)],
            rows: rows.map { entry in
                let indent = Self.indent(depth: entry.depth)
                let levelNote = entry.process.level == .workProcess || (entry.process.level == nil && entry.depth == 1)
                    ? "" : " (\(l.level(entry.process.level).lowercased()))"
                return [entry.process.code, indent + entry.process.name + levelNote, entry.process.owner, entry.process.function,
                        entry.process.services.joined(separator: ", "), entry.process.applications.joined(separator: ", ")]
            })
        return out
    }

    func table(header: [String], rows: [[String]]) -> String {
        var out = "| " + header.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: " --- |", count: header.count) + "\n"
        for row in rows {
            out += "| " + row.map { MarkdownText.cell($0) }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    private func validationSection(_ diagnostics: [Diagnostic]) -> String {
        let l = language
        var out = "## \(l.text(.validation))\n\n"
        guard !diagnostics.isEmpty else { return out + l.text(.noFindings) + "\n" }
        var counts: [DiagnosticCode: (errors: Int, warnings: Int)] = [:]
        for diagnostic in diagnostics {
            var count = counts[diagnostic.code] ?? (0, 0)
            if diagnostic.severity == .error { count.errors += 1 } else { count.warnings += 1 }
            counts[diagnostic.code] = count
        }
        out += table(header: [l.text(.code), l.text(.errors), l.text(.warnings)],
                     rows: counts.keys.sorted().map { [$0.rawValue, String(counts[$0]!.errors), String(counts[$0]!.warnings)] })
        out += "\(l.text(.firstFindings)):\n\n"
        for diagnostic in diagnostics.prefix(findingsListed) {
            var location = diagnostic.file
            if let line = diagnostic.line { location += ", \(l.text(.line)) \(line)" }
            if let column = diagnostic.column { location += ", \(column.name)" }
            out += "- \(MarkdownText.inline(location)): \(l.text(diagnostic.severity == .error ? .error : .warning)) "
            out += "— \(MarkdownText.inline(oneLine(diagnostic.message))) `\(diagnostic.code.rawValue)`\n"
        }
        if diagnostics.count > findingsListed {
            out += "- … \(diagnostics.count - findingsListed) " + (l == .nl ? "meer" : "more") + "\n"
        }
        return out
    }
}
