/// `html`: the process handbook, one self-contained HTML file (``HTMLRenderer``) with the landscape
/// and a diagram per business process drawn by Graphviz and put in the page as SVG; without
/// Graphviz, the handbook without diagrams, saying why.
public struct HTMLFormat: OutputFormat {
    public let name = "html"
    public let aliases = ["handbook", "handboek", "htm"]
    public let summary = "the process handbook: one self-contained HTML file (no external resource, works offline and without scripts) with the clickable landscape, a section per business process with its diagram, search, the requirements, the PDCA cycle and the findings; --lang en for English"
    public let fileSuffix = ".html"
    public var usesGraphviz: Bool { true }

    /// The most business processes that get a diagram each; beyond, the landscape only.
    public static let diagramLimit = 400
    /// The most processes one diagram draws (a business process with its work processes and
    /// steps; the PDCA cycle); a larger one would take Graphviz minutes and be unreadable.
    public static let diagramProcessLimit = 300

    public init() {}

    public func notes(about model: ProcessModel, options: OutputOptions) -> [String] {
        var notes: [String] = []
        if options.diagrams == nil {
            notes.append("Graphviz is not installed: the handbook has no diagrams (install it with `sudo apt-get install graphviz` for the landscape and a diagram per business process)")
        }
        let count = Self.businessProcesses(ProcessTree(model)).count
        if options.diagrams != nil, count > Self.diagramLimit {
            notes.append("the model has \(count) business processes: the handbook draws a diagram for each up to \(Self.diagramLimit), so it has the landscape only")
        }
        return notes
    }

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        let title = options.title(of: model) ?? DiagramWords(language: options.language).title(source: options.sourceName)
        let renderer = HTMLRenderer(language: options.language, title: title, date: options.date)
        let figures = Self.figures(of: model, options: options, title: title)
        try target.write(nil, bytes: Array(renderer.render(model, diagnostics: diagnostics, figures: figures).utf8))
    }

    private static func businessProcesses(_ tree: ProcessTree) -> [CoraProcess] {
        tree.depthFirst.filter { $0.level == .businessProcess }
    }

    /// The landscape, linking to the sections, and a diagram per business process (up to
    /// ``diagramLimit``), drawn at once by `options.diagrams`; notes where they are missing.
    static func figures(of model: ProcessModel, options: OutputOptions, title: String) -> HandbookFigures {
        let words = HandbookWords(language: options.language)
        guard let drawing = options.diagrams else { return HandbookFigures(notes: [words.noGraphviz]) }
        let tree = ProcessTree(model)
        let renderer = DOTRenderer(language: options.language, title: title, sourceName: options.sourceName)
        let businessProcesses = businessProcesses(tree)
        let links = Dictionary(businessProcesses.map { ($0.id, "#" + HTMLRenderer.anchor(of: $0.id)) }, uniquingKeysWith: { first, _ in first })
        // A business process without work processes has nothing to draw beyond its section; one
        // with more than diagramProcessLimit below it gets a note instead.
        var drawn: [CoraProcess] = [], omitted: [String: Int] = [:]
        if businessProcesses.count <= diagramLimit {
            for process in businessProcesses where !tree.children(of: process.id).isEmpty {
                let size = tree.descendants(of: process.id, stoppingBelow: { $0.level == .businessProcess }).count
                if size > diagramProcessLimit { omitted[process.id] = size } else { drawn.append(process) }
            }
        }
        let overview = PDCAOverview(model)
        let cycleSize = Set(overview.steering.flatMap { [$0.id] + $0.steers + $0.reportsTo } + overview.steeredBy.keys).count
        let drawsCycle = !overview.steering.isEmpty && cycleSize <= diagramProcessLimit
        var dots = [renderer.landscape(tree, full: false, links: links)]
        dots += drawn.map { renderer.processDiagram($0, tree: tree, backLink: "#" + HTMLRenderer.landscapeAnchor) }
        if drawsCycle { dots.append(renderer.pdcaDiagram(tree)) }
        let pictures = drawing.drawEach(dots, as: "svg", threads: options.diagramThreads)
        let anchors = Set(model.processes.map { HTMLRenderer.anchor(of: $0.id) } + [HTMLRenderer.landscapeAnchor])
        func figure(_ picture: Result<[UInt8], RunFailure>, label: String) -> HandbookFigures.Figure {
            switch picture {
            case .failure(let failure): return .failed(failure.diagnostics.map(\.message).joined(separator: "; "))
            case .success(let bytes):
                return InlineSVG.embed(bytes, anchors: anchors, label: label).map { .picture($0) } ?? .failed(words.unreadableDrawing)
            }
        }
        var figures = HandbookFigures(landscape: figure(pictures[0], label: words.landscape))
        for (process, picture) in zip(drawn, pictures.dropFirst()) where figures.processes[process.id] == nil {
            figures.processes[process.id] = figure(picture, label: "\(words.diagram) \(process.name)")
        }
        if drawsCycle, let cycle = pictures.last { figures.pdca = figure(cycle, label: options.language.text(.pdcaCycle)) }
        if !overview.steering.isEmpty && !drawsCycle { figures.pdca = .omitted(words.tooLargeToDraw(cycleSize, limit: diagramProcessLimit, view: "pdca")) }
        for (id, size) in omitted { figures.processes[id] = .omitted(words.tooLargeToDraw(size, limit: diagramProcessLimit, view: "process:\(id)")) }
        if businessProcesses.count > diagramLimit { figures.notes.append(words.tooManyDiagrams(businessProcesses.count, limit: diagramLimit)) }
        return figures
    }
}
