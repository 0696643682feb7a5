/// The sections of the handbook that hold the processes: a section per category with a folding
/// section per business process, the process chains and the processes in no business process.
extension HandbookPage {
    mutating func categorySections() -> String {
        var out = ""
        for (category, processes) in sections {
            let className = (category.map { "category \($0.rawValue)" } ?? "category") + (processes.isEmpty ? " empty" : "")
            out += "<section class=\"\(className)\" id=\"\(Self.categoryAnchor(category))\">\n<h2>\(HTMLText.text(l.section(category)))</h2>\n"
            if processes.isEmpty { out += "<p class=\"note\">\(HTMLText.text(words.noBusinessProcesses))</p>\n" }
            for process in processes { out += businessProcessSection(process) }
            out += "</section>\n"
        }
        return out
    }

    /// A business process: its heading (code and name) that folds the rest, its facts, description,
    /// work processes and steps, properties, findings and diagram.
    private mutating func businessProcessSection(_ process: CoraProcess) -> String {
        let rows = tree.descendants(of: process.id, stoppingBelow: { $0.level == .businessProcess })
        var out = "<details class=\"bp\"\(idAttribute(process)) data-s=\"\(HTMLText.attribute(searchText(process)))\"\(open ? " open" : "")>\n"
        out += "<summary><h3>" + codeSpan(process.code) + HTMLText.isolated(oneLine(process.name)) + "</h3>"
        if let first = findingsOf[process.id]?.first { out += findingFlag(first) }
        out += "</summary>\n"
        out += facts(of: process)
        if !process.description.isEmpty { out += "<p class=\"description\">\(paragraph(process.description))</p>\n" }
        if rows.isEmpty {
            out += "<p class=\"note\">\(HTMLText.text(l.text(.noWorkProcesses)))</p>\n"
        } else {
            out += processTable(rows)
        }
        out += propertiesTable([process] + rows.map(\.process))
        out += sectionFindings([process] + rows.map(\.process))
        out += figure(figures.processes[process.id])
        return out + "</details>\n"
    }

    /// The facts of a business process's section, as a definition list.
    private func facts(of process: CoraProcess) -> String {
        var entries: [(String, String)] = []
        var level = HTMLText.text(l.level(process.level))
        if let category = process.category { level += " (" + HTMLText.text(l.section(category).lowercased()) + ")" }
        entries.append((words.level, level))
        func add(_ label: DocumentLanguage.Label, _ values: [String]) {
            if !values.isEmpty { entries.append((l.text(label), values.map(HTMLText.isolated).joined(separator: ", "))) }
        }
        add(.owner, [process.owner].filter { !$0.isEmpty })
        add(.function, [process.function].filter { !$0.isEmpty })
        add(.services, process.services)
        add(.events, process.events)
        add(.applications, process.applications)
        add(.status, [process.status].filter { !$0.isEmpty })
        if let chain = enclosingGrouper[process.id] { entries.append((l.text(.partOf), processLink(chain.id))) }
        if !process.next.isEmpty { entries.append((l.text(.next), processLinks(process.next))) }
        add(.requirements, process.requirements.map { l.requirement($0, in: pdca.catalog) })
        if let phase = process.pdcaPhase { entries.append((l.text(.pdcaPhase), HTMLText.text(l.phase(phase)))) }
        for (label, ids) in [(DocumentLanguage.Label.steers, process.steers), (.steeredBy, pdca.steeredBy[process.id] ?? []),
                             (.reportsTo, process.reportsTo), (.reportsFrom, pdca.reportsFrom[process.id] ?? [])] where !ids.isEmpty {
            entries.append((l.text(label), processLinks(ids)))
        }
        var out = "<dl class=\"facts\">\n"
        for (label, value) in entries { out += "<dt>\(HTMLText.text(label))</dt><dd>\(value)</dd>\n" }
        return out + "</dl>\n"
    }

    /// The table of a business process's work processes and steps; a column of owner, business
    /// function, services or applications only when one of the rows has a value there.
    private mutating func processTable(_ rows: [(process: CoraProcess, depth: Int)]) -> String {
        let columns: [(label: String, value: (CoraProcess) -> String)] = [
            (l.text(.owner), \.owner), (l.text(.function), \.function),
            (l.text(.businessServices), { $0.services.joined(separator: ", ") }), (l.text(.applications), { $0.applications.joined(separator: ", ") }),
        ].filter { column in rows.contains { !column.value($0.process).isEmpty } }
        var body: [String] = []
        for row in rows {
            body.append(processRow(row.process, depth: row.depth, columns: columns.map(\.value)))
        }
        return table(([l.text(.code), words.workProcessOrStep] + columns.map(\.label)).map(HTMLText.text), body, className: "processes")
    }

    /// A row of a business process's table: a work process or a step, indented by its depth, with
    /// its description below its name and a flag linking to its first finding.
    private mutating func processRow(_ process: CoraProcess, depth: Int, columns: [(CoraProcess) -> String]) -> String {
        // A business process below this one has a section of its own: its row links there.
        let isOwnSection = process.level == .businessProcess
        var out = "<tr\(isOwnSection ? "" : idAttribute(process)) data-s=\"\(HTMLText.attribute(searchText(process)))\">"
        out += "<td>\(HTMLText.isolated(process.code))</td>"
        let depthClass = depth <= 1 ? "" : depth <= 5 ? " class=\"depth-\(depth)\"" : " class=\"deeper\""
        out += "<td\(depthClass)>"
        if depth > 5 { out += "<span class=\"level\">↳×\(depth - 1)</span> " }
        out += isOwnSection ? processLink(process.id) : HTMLText.isolated(process.name)
        let levelNote = process.level == .workProcess || (process.level == nil && depth == 1)
        if !levelNote { out += " <span class=\"level\">(\(HTMLText.text(l.level(process.level).lowercased())))</span>" }
        if !isOwnSection, let first = findingsOf[process.id]?.first { out += findingFlag(first) }
        if !process.description.isEmpty { out += "<div class=\"level\">\(paragraph(process.description))</div>" }
        out += "</td>"
        for value in columns { out += "<td>\(HTMLText.isolated(value(process)))</td>" }
        return out + "</tr>\n"
    }

    /// The properties (unmapped columns) of `processes` with a value, as a table.
    private func propertiesTable(_ processes: [CoraProcess]) -> String {
        var rows: [String] = []
        for process in processes {
            let properties = process.properties.filter { !$0.value.isEmpty }
            for (index, property) in properties.enumerated() {
                var row = "<tr>"
                if index == 0 {
                    let name = [process.code, oneLine(process.name)].filter { !$0.isEmpty }.joined(separator: " ")
                    row += "<td\(properties.count > 1 ? " rowspan=\"\(properties.count)\"" : "")>\(processLink(process.id, name: name))</td>"
                }
                rows.append(row + "<td>\(HTMLText.isolated(property.name))</td><td>\(propertyValue(property.value))</td></tr>\n")
            }
        }
        guard !rows.isEmpty else { return "" }
        return "<h4>\(HTMLText.text(words.properties))</h4>\n"
            + table([words.process, words.property, words.value].map(HTMLText.text), rows, className: "properties")
    }

    /// A property's value: a link when it is a web or mail address (opened without referrer), else text.
    private func propertyValue(_ value: String) -> String {
        let trimmed = value.trimmingWhitespace()
        return HTMLText.isLinkable(trimmed) ? HTMLText.link(trimmed) : paragraph(value)
    }

    /// The code of a process, before its name.
    func codeSpan(_ code: String) -> String {
        code.isEmpty ? "" : "<span class=\"code\">\(HTMLText.isolated(code))</span>"
    }

    mutating func chainsSection() -> String {
        guard !groupers.isEmpty else { return "" }
        // Each business process is listed with the chain or scenario nearest above it (one above
        // that shows it through its own row): nested chains cost a row each, not a row per level.
        var members: [String: [CoraProcess]] = [:]
        for process in depthFirst where process.level == .businessProcess || Self.isGrouper(process) {
            if let grouper = enclosingGrouper[process.id] { members[grouper.id, default: []].append(process) }
        }
        let plural = l.levelPlural(.businessProcess)
        let rows = groupers.map { grouper in
            listedRow(grouper, cells: [HTMLText.isolated(grouper.status), (members[grouper.id] ?? []).map { processLink($0.id) }.joined(separator: ", ")])
        }
        return "<section id=\"ketens\">\n<h2>\(HTMLText.text(l.text(.chains)))</h2>\n"
            + table([l.text(.code), l.text(.name), l.text(.status), plural.prefix(1).uppercased() + plural.dropFirst()].map(HTMLText.text), rows)
            + "</section>\n"
    }

    mutating func othersSection() -> String {
        guard !others.isEmpty else { return "" }
        let rows = others.map { process in listedRow(process, cells: [HTMLText.isolated(process.owner), HTMLText.isolated(process.function)]) }
        return "<section id=\"overig\">\n<h2>\(HTMLText.text(l.text(.otherProcesses)))</h2>\n"
            + table([l.text(.code), l.text(.name), l.text(.owner), l.text(.function)].map(HTMLText.text), rows)
            + propertiesTable(others)
            + "</section>\n"
    }

    /// A row of the chains' or the other processes' table: the process's anchor and search text,
    /// its code, its name with its level and a flag to its first finding, then `cells` (HTML).
    private mutating func listedRow(_ process: CoraProcess, cells: [String]) -> String {
        var row = "<tr\(idAttribute(process)) data-s=\"\(HTMLText.attribute(searchText(process)))\"><td>\(HTMLText.isolated(process.code))</td>"
        row += "<td>\(HTMLText.isolated(process.name)) <span class=\"level\">(\(HTMLText.text(l.level(process.level).lowercased())))</span>"
        if let first = findingsOf[process.id]?.first { row += findingFlag(first) }
        return row + "</td>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
    }
}
