/// `dot`: a Graphviz diagram of the view asked for, by ``DOTRenderer``; with `--view each`, a
/// folder of them: `landscape.dot` and one file per business process.
public struct DOTFormat: OutputFormat {
    public let name = "dot"
    public let aliases = ["graphviz", "gv"]
    public let summary = "a Graphviz diagram; --view landscape (CORA's three bands, the default), process:ID (one business process), full (every process), each (a folder: the landscape and a diagram per business process, linked) or pdca (the Plan-Do-Check-Act cycle: steers and reports-to)"
    public let fileSuffix = ".dot"

    public init() {}

    public func check(_ model: ProcessModel, options: OutputOptions) throws(RunFailure) {
        _ = try Self.diagrams(model, options: options, linkSuffix: ".svg")
    }

    public func notes(about model: ProcessModel, options: OutputOptions) -> [String] {
        Self.notes(about: model, options: options)
    }

    public func files(of model: ProcessModel, at path: String, options: OutputOptions) -> [String] {
        Self.files(of: model, at: path, options: options, suffix: fileSuffix)
    }

    /// The files of a diagram format: `path`, or with `--view each` the folder's files.
    static func files(of model: ProcessModel, at path: String, options: OutputOptions, suffix: String) -> [String] {
        guard options.view == .each else { return [path] }
        return DOTRenderer.eachFileStems(model).map { BatchPath.join(path, $0 + suffix) }
    }

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        let diagrams = try Self.diagrams(model, options: options, linkSuffix: ".svg")
        for diagram in diagrams {
            try target.write(options.view == .each ? diagram.stem + fileSuffix : nil, bytes: Array(diagram.dot.utf8))
        }
    }

    /// The DOT text of the view `options` asks for, with the stem of its file for ``DOTRenderer/View/each``
    /// (which writes several, linking to one another as `<stem><linkSuffix>`); a view of a
    /// process the model lacks is an `invalid-view` failure.
    static func diagrams(_ model: ProcessModel, options: OutputOptions, linkSuffix: String) throws(RunFailure) -> [(stem: String, dot: String)] {
        let renderer = DOTRenderer(language: options.language, title: options.title(of: model), sourceName: options.sourceName)
        do {
            if options.view == .each { return try renderer.renderEach(model, linkSuffix: linkSuffix) }
            return [("", try renderer.render(model, view: options.view))]
        } catch {
            throw RunFailure(.invalidView, "--view: \(error)")
        }
    }

    /// A full view too large to read as one picture says so, and what to use instead.
    static func notes(about model: ProcessModel, options: OutputOptions) -> [String] {
        guard options.view == .full, model.processes.count > DOTRenderer.fullViewLimit else { return [] }
        return ["the full view of \(model.processes.count) processes is too large to read as one picture; "
                + "--view each -o DIR writes the landscape and one diagram per business process, linked"]
    }
}
