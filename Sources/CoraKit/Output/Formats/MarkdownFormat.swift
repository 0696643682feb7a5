/// `md`: a Markdown document (GitHub-flavoured) for a wiki, by ``MarkdownRenderer``.
public struct MarkdownFormat: OutputFormat {
    public let name = "md"
    public let aliases = ["markdown"]
    public let summary = "a Markdown document (GitHub-flavoured) for a wiki: per category its business processes, per business process its work processes and steps; --lang en for English"
    public let fileSuffix = ".md"

    public init() {}

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        let text = MarkdownRenderer(language: options.language, title: options.title(of: model)).render(model, diagnostics: diagnostics)
        try target.write(nil, bytes: Array(text.utf8))
    }
}
