/// The findings in the handbook: a table of every finding listed (file, line, column, code,
/// severity, message, and a link to the process it concerns), a count per code, a short list in
/// each business process's section, and a flag beside each process with findings.
extension HandbookPage {
    /// The anchor of the listed finding at `index`.
    static func findingAnchor(_ index: Int) -> String { "f-\(index + 1)" }

    /// A flag linking to the finding at `index`.
    func findingFlag(_ index: Int) -> String {
        let finding = listed[index].diagnostic
        let label = finding.severity == .error ? l.text(.error) : l.text(.warning)
        return " <a class=\"flag\" href=\"#\(Self.findingAnchor(index))\" title=\"\(HTMLText.attribute(label + ": " + capped(oneLine(finding.message), Self.quotedMessageLength)))\">"
            + (finding.severity == .error ? "⛔" : "⚠") + "</a>"
    }

    /// The findings that concern `processes`, as a list linking to the table.
    func sectionFindings(_ processes: [CoraProcess]) -> String {
        let indices = processes.flatMap { findingsOf[$0.id] ?? [] }.sorted()
        guard !indices.isEmpty else { return "" }
        var out = "<h4>\(HTMLText.text(words.findingsHere))</h4>\n<ul class=\"findings\">\n"
        for index in indices {
            let finding = listed[index].diagnostic
            out += "<li><a href=\"#\(Self.findingAnchor(index))\">\(HTMLText.text(l.text(finding.severity == .error ? .error : .warning)))</a> "
            if let line = finding.line { out += "(\(HTMLText.text(l.text(.line))) \(line)) " }
            out += "<code>\(HTMLText.text(finding.code.rawValue))</code>: \(HTMLText.isolated(capped(oneLine(finding.message), Self.quotedMessageLength)))</li>\n"
        }
        return out + "</ul>\n"
    }

    func findingsSection() -> String {
        var out = "<section id=\"bevindingen\" class=\"hidden-while-searching\">\n<h2>\(HTMLText.text(words.findings))</h2>\n"
        guard !diagnostics.isEmpty else { return out + "<p>\(HTMLText.text(l.text(.noFindings)))</p>\n</section>\n" }
        var counts: [DiagnosticCode: (errors: Int, warnings: Int)] = [:]
        for diagnostic in diagnostics {
            var count = counts[diagnostic.code] ?? (0, 0)
            if diagnostic.severity == .error { count.errors += 1 } else { count.warnings += 1 }
            counts[diagnostic.code] = count
        }
        out += table([l.text(.code), l.text(.errors), l.text(.warnings)].map(HTMLText.text),
                     counts.keys.sorted().map { code in
                         "<tr><td><code>\(HTMLText.text(code.rawValue))</code></td><td>\(counts[code]!.errors)</td><td>\(counts[code]!.warnings)</td></tr>\n"
                     }, className: "counts")
        var rows: [String] = []
        rows.reserveCapacity(listed.count)
        for (index, entry) in listed.enumerated() {
            let finding = entry.diagnostic
            var row = "<tr id=\"\(Self.findingAnchor(index))\" class=\"\(finding.severity.rawValue)\">"
            let file = finding.file == "-" ? "(stdin)" : finding.file
            let shortName = file.split(separator: "/").last.map(String.init) ?? file
            row += "<td title=\"\(HTMLText.attribute(file))\">\(HTMLText.isolated(shortName))</td>"
            row += "<td>\(finding.line.map(String.init) ?? "")</td>"
            row += "<td>\(HTMLText.isolated(finding.column?.name ?? ""))</td>"
            row += "<td><code>\(HTMLText.text(finding.code.rawValue))</code></td>"
            row += "<td class=\"severity\">\(HTMLText.text(l.text(finding.severity == .error ? .error : .warning)))</td>"
            row += "<td>\(HTMLText.isolated(capped(finding.message, Self.quotedMessageLength)))"
            if let hint = finding.hint, !hint.isEmpty { row += "<div class=\"level\">\(HTMLText.isolated(capped(hint, Self.quotedMessageLength)))</div>" }
            row += "</td><td>\(entry.processID.map { processLink($0) } ?? "")</td></tr>\n"
            rows.append(row)
        }
        out += table([words.file, words.line, words.column, l.text(.code), words.severity, words.message, words.process].map(HTMLText.text),
                     rows, className: "findings")
        if diagnostics.count > listed.count { out += "<p class=\"note\">\(HTMLText.text(words.moreFindings(diagnostics.count - listed.count)))</p>\n" }
        return out + "</section>\n"
    }
}
