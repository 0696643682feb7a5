/// One handbook being written (``HTMLRenderer``): what is worked out once for the whole document
/// (the tree, the sections, what each process is part of, which findings concern which process),
/// and the document's head, title page, navigation and foot. The sections are in
/// `HandbookPage+Sections.swift`, the requirements and the cycle in `HandbookPage+PDCA.swift`,
/// the findings in `HandbookPage+Findings.swift`.
struct HandbookPage {
    let model: ProcessModel
    let diagnostics: [Diagnostic]
    let figures: HandbookFigures
    let renderer: HTMLRenderer
    let tree: ProcessTree
    let pdca: PDCAOverview
    let l: DocumentLanguage
    let words: HandbookWords
    /// Whether the business processes' sections start open.
    let open: Bool
    /// The nearest process chain or scenario above each process, by id.
    let enclosingGrouper: [String: CoraProcess]
    /// The nearest business process above each process, by id.
    let enclosingBusinessProcess: [String: CoraProcess]
    /// The findings listed, each with the id of the process it concerns (when one does).
    let listed: [(diagnostic: Diagnostic, processID: String?)]
    /// The positions in ``listed`` of the findings that concern each process, by id.
    let findingsOf: [String: [Int]]
    /// Element ids handed out: a process (an id kept twice with `--keep-invalid`) gets its anchor once.
    var usedAnchors = Set<String>()
    /// The categories with a section, each with its business processes (the one without a
    /// category only when it has some).
    let sections: [(category: ProcessCategory?, processes: [CoraProcess])]
    /// Every process below a root, depth first.
    let depthFirst: [CoraProcess]
    /// The process chains and steering scenarios, depth first.
    let groupers: [CoraProcess]
    /// The processes in no business process's section and no chain's row.
    let others: [CoraProcess]

    init(model: ProcessModel, diagnostics: [Diagnostic], figures: HandbookFigures, renderer: HTMLRenderer) {
        self.model = model
        self.diagnostics = diagnostics
        self.figures = figures
        self.renderer = renderer
        tree = ProcessTree(model)
        pdca = PDCAOverview(model)
        l = renderer.language
        words = renderer.words
        open = model.processes.count <= renderer.foldBeyond
        enclosingGrouper = tree.nearestAncestors(where: Self.isGrouper)
        enclosingBusinessProcess = tree.nearestAncestors(where: { $0.level == .businessProcess })
        // A finding concerns the process read from its file and line.
        var byRow: [SourceKey: String] = [:]
        for process in model.processes {
            if let source = process.source, byRow[SourceKey(file: source.file, line: source.line)] == nil {
                byRow[SourceKey(file: source.file, line: source.line)] = process.id
            }
        }
        var listed: [(Diagnostic, String?)] = []
        var findingsOf: [String: [Int]] = [:]
        for diagnostic in diagnostics.prefix(renderer.findingsListed) {
            let processID = diagnostic.line.flatMap { byRow[SourceKey(file: diagnostic.file, line: $0)] }
            if let processID { findingsOf[processID, default: []].append(listed.count) }
            listed.append((diagnostic, processID))
        }
        self.listed = listed
        self.findingsOf = findingsOf
        let depthFirst = tree.depthFirst
        self.depthFirst = depthFirst
        let all: [ProcessCategory?] = ProcessCategory.allCases.map(Optional.some) + [nil]
        let businessProcesses = depthFirst.filter { $0.level == .businessProcess }
        sections = all.compactMap { category in
            let processes = businessProcesses.filter { $0.category == category }
            return processes.isEmpty && category == nil ? nil : (category, processes)
        }
        groupers = depthFirst.filter(Self.isGrouper)
        let enclosing = enclosingBusinessProcess
        // Processes in a cycle of parents (kept with --keep-invalid) are below no root: they are
        // listed with the processes outside any business process, so that none is left out.
        let reached = Set(depthFirst.map(\.id))
        others = depthFirst.filter { $0.level != .businessProcess && !Self.isGrouper($0) && enclosing[$0.id] == nil }
            + model.processes.filter { !reached.contains($0.id) }
    }

    private struct SourceKey: Hashable {
        var file: String
        var line: Int
    }

    static func isGrouper(_ process: CoraProcess) -> Bool { process.level == .processChain || process.level == .steeringScenario }

    /// The whole document.
    mutating func document() -> String {
        let titleText = renderer.title.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 } ?? l.text(.processModel)
        let css = HandbookStyle.css, script = HandbookScript.javaScript
        // A <title> holds no <bdi>: the first-strong isolate and its pop keep right-to-left
        // marks in the title from reordering the words after it.
        var out = HTMLText.documentHead(language: l, titleHTML: "\u{2068}\(HTMLText.text(oneLine(titleText)))\u{2069} — \(HTMLText.text(words.handbook))",
                                        css: css, scripts: [script])
        out += titlePage(titleText)
        out += toolbar()
        out += "<main>\n"
        out += contents()
        out += landscapeSection()
        out += categorySections()
        out += chainsSection()
        out += othersSection()
        out += requirementsSection()
        out += cycleSection()
        out += findingsSection()
        out += "</main>\n"
        out += "<footer><p>\(HTMLText.text(words.madeWith))"
        if let date = renderer.date { out += ", <time datetime=\"\(date.iso)\">\(HTMLText.text(date.text(in: l)))</time>" }
        out += ".</p></footer>\n"
        out += "<script>\(script)</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: Title page, toolbar, contents

    private func titlePage(_ titleText: String) -> String {
        var out = "<header class=\"titlepage\" id=\"titel\">\n"
        out += "<h1>\(HTMLText.isolated(titleText))</h1>\n"
        out += "<p class=\"subtitle\">\(HTMLText.text(words.handbook))</p>\n<dl class=\"facts\">\n"
        let files = sourceFiles()
        if !files.isEmpty {
            out += "<dt>\(HTMLText.text(words.sourceFiles))</dt><dd>" + files.map(HTMLText.isolated).joined(separator: "<br>") + "</dd>\n"
        }
        if let date = renderer.date {
            out += "<dt>\(HTMLText.text(words.date))</dt><dd><time datetime=\"\(date.iso)\">\(HTMLText.text(date.text(in: l)))</time></dd>\n"
        }
        out += "<dt>\(HTMLText.text(words.size))</dt><dd>\(HTMLText.text(MarkdownRenderer(language: l).summary(of: model)))</dd>\n"
        let errors = diagnostics.count { $0.severity == .error }
        out += "<dt>\(HTMLText.text(words.findings))</dt><dd><a href=\"#bevindingen\">"
            + HTMLText.text(words.findingCount(errors: errors, warnings: diagnostics.count - errors)) + "</a></dd>\n"
        out += "</dl>\n"
        for note in figures.notes { out += "<p class=\"note\">\(HTMLText.text(note))</p>\n" }
        return out + "</header>\n"
    }

    /// The files the processes were read from, in the order they first appear.
    private func sourceFiles() -> [String] {
        var seen = Set<String>()
        var files: [String] = []
        for process in model.processes {
            if let file = process.source?.file, seen.insert(file).inserted { files.append(file == "-" ? "(stdin)" : file) }
        }
        return files
    }

    /// The search box and the fold buttons: hidden until the script shows them (they do nothing without it).
    private func toolbar() -> String {
        var out = "<div class=\"toolbar\" id=\"zoekbalk\" hidden>\n<div class=\"search\" role=\"search\">\n"
        out += "<label for=\"zoek\">\(HTMLText.text(words.search))</label>\n"
        out += "<input id=\"zoek\" type=\"search\" autocomplete=\"off\" placeholder=\"\(HTMLText.attribute(words.searchHint))\">\n"
        out += "<output id=\"zoek-uitkomst\" for=\"zoek\" aria-live=\"polite\" data-none=\"\(HTMLText.attribute(words.foundNone))\" "
            + "data-one=\"\(HTMLText.attribute(words.foundOne))\" data-many=\"\(HTMLText.attribute(words.foundMany))\"></output>\n"
        out += "<button type=\"button\" id=\"alles-open\">\(HTMLText.text(words.openAll))</button>\n"
        out += "<button type=\"button\" id=\"alles-dicht\">\(HTMLText.text(words.closeAll))</button>\n"
        return out + "</div>\n</div>\n"
    }

    private func contents() -> String {
        var out = "<nav class=\"contents hidden-while-searching\" id=\"inhoud\" aria-label=\"\(HTMLText.attribute(words.contents))\">\n"
        out += "<h2>\(HTMLText.text(words.contents))</h2>\n<ul>\n"
        if figures.landscape != nil { out += "<li><a href=\"#\(HTMLRenderer.landscapeAnchor)\">\(HTMLText.text(words.landscape))</a></li>\n" }
        for (category, processes) in sections {
            out += "<li><a href=\"#\(Self.categoryAnchor(category))\">\(HTMLText.text(l.section(category)))</a> (\(processes.count))</li>\n"
        }
        if !groupers.isEmpty { out += "<li><a href=\"#ketens\">\(HTMLText.text(l.text(.chains)))</a></li>\n" }
        if !others.isEmpty { out += "<li><a href=\"#overig\">\(HTMLText.text(l.text(.otherProcesses)))</a></li>\n" }
        if !pdca.requirementColumns.isEmpty { out += "<li><a href=\"#eisen\">\(HTMLText.text(l.text(.requirements)))</a></li>\n" }
        if !pdca.steering.isEmpty { out += "<li><a href=\"#pdca\">\(HTMLText.text(l.text(.pdcaCycle)))</a></li>\n" }
        out += "<li><a href=\"#bevindingen\">\(HTMLText.text(words.findings))</a> (\(diagnostics.count))</li>\n"
        return out + "</ul>\n</nav>\n"
    }

    private func landscapeSection() -> String {
        guard figures.landscape != nil else { return "" }
        var out = "<section id=\"\(HTMLRenderer.landscapeAnchor)\" class=\"hidden-while-searching\">\n<h2>\(HTMLText.text(words.landscape))</h2>\n"
        out += "<p>\(HTMLText.text(words.landscapeIntro))</p>\n"
        out += figure(figures.landscape)
        return out + "</section>\n"
    }

    /// A diagram in its `<figure>` (labelled for screen readers when it was embedded), why there
    /// is none, or nothing.
    func figure(_ figure: HandbookFigures.Figure?) -> String {
        switch figure {
        case .picture(let svg)?: return "<figure class=\"diagram\">\n\(svg)\n</figure>\n"
        case .failed(let message)?: return "<p class=\"note\">\(HTMLText.text(words.notDrawn)): \(HTMLText.text(message))</p>\n"
        case .omitted(let reason)?: return "<p class=\"note\">\(HTMLText.text(reason))</p>\n"
        case nil: return ""
        }
    }

    // MARK: Shared

    /// The fixed anchor of a category's section.
    static func categoryAnchor(_ category: ProcessCategory?) -> String {
        switch category {
        case .steering?: return "sturend"
        case .primary?: return "primair"
        case .supporting?: return "ondersteunend"
        case nil: return "zonder-categorie"
        }
    }

    /// ` id="…"` for `process`'s element the first time it is asked, else nothing.
    mutating func idAttribute(_ process: CoraProcess) -> String {
        let anchor = HTMLRenderer.anchor(of: process.id)
        return usedAnchors.insert(anchor).inserted ? " id=\"\(anchor)\"" : ""
    }

    /// What the search box looks in: name, code, owner, business function, services and
    /// applications, in lower case without accents.
    func searchText(_ process: CoraProcess) -> String {
        let text = ([process.name, process.code, process.owner, process.function] + process.services + process.applications).joined(separator: " ")
        // As the script folds what is typed: compatibility forms (ligatures, full-width letters)
        // decomposed, marks left out, lower case.
        let scalars = text.decomposedStringWithCompatibilityMapping.unicodeScalars.filter { scalar in
            ![.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
        }
        let folded = String(String.UnicodeScalarView(scalars)).lowercased()
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The most characters of a name in a link to its process, and of a finding's message in a
    /// list, a flag or the table: a long value is shown whole once, where it belongs, and cut with
    /// `…` where others quote it (a name of a megabyte quoted by thousands of findings would
    /// otherwise make a page of gigabytes).
    static let quotedNameLength = 200, quotedMessageLength = 1_000

    /// `text` cut to `limit` characters with `…`.
    func capped(_ text: String, _ limit: Int) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    func oneLine(_ text: String) -> String { text.onOneLine }

    /// Text that may run over several lines, each line break kept.
    func paragraph(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { HTMLText.text(String($0)) }.joined(separator: "<br>")
    }

    /// Links to the processes with `ids`, each once, in order.
    func processLinks(_ ids: [String]) -> String {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.map { processLink($0) }.joined(separator: ", ")
    }

    /// A link to the process with id `id` showing its name (the reference as written when no
    /// process has that id).
    func processLink(_ id: String, name: String? = nil) -> String {
        guard let process = tree.process(id) else { return HTMLText.isolated(capped(name ?? id, Self.quotedNameLength)) }
        return "<a href=\"#\(HTMLRenderer.anchor(of: process.id))\">\(HTMLText.isolated(capped(oneLine(name ?? process.name), Self.quotedNameLength)))</a>"
    }

    /// A table (in a box that scrolls sideways when the table is wider than the page); `head`
    /// (cells with their `<th>`) and every row are HTML already.
    func table(headCells head: [String], _ rows: [String], className: String? = nil) -> String {
        var out = "<div class=\"table\"><table\(className.map { " class=\"\($0)\"" } ?? "")>\n<thead><tr>"
        out += head.joined() + "</tr></thead>\n<tbody>\n"
        out += rows.joined()
        return out + "</tbody>\n</table></div>\n"
    }

    /// A table whose head cells are `head` (HTML already).
    func table(_ head: [String], _ rows: [String], className: String? = nil) -> String {
        table(headCells: head.map { "<th>\($0)</th>" }, rows, className: className)
    }
}
