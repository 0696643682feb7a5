/// `dot`: a Graphviz diagram of the view asked for, by ``DOTRenderer``.
public struct DOTFormat: OutputFormat {
    public let name = "dot"
    public let aliases = ["graphviz", "gv"]
    public let summary = "a Graphviz diagram; --view landscape (the three bands, the default), process:ID (one business process) or full (everything nested)"
    public let fileSuffix = ".dot"

    public init() {}

    public func check(_ model: ProcessModel, options: OutputOptions) throws(RunFailure) {
        _ = try Self.dot(model, options: options)
    }

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        try target.write(nil, bytes: Array(try Self.dot(model, options: options).utf8))
    }

    /// The DOT text of the view `options` asks for; a view of a process the model lacks is an `invalid-view` failure.
    static func dot(_ model: ProcessModel, options: OutputOptions) throws(RunFailure) -> String {
        do {
            return try DOTRenderer(language: options.language, title: options.title(of: model)).render(model, view: options.view)
        } catch {
            throw RunFailure(.invalidView, "--view: \(error)")
        }
    }
}
