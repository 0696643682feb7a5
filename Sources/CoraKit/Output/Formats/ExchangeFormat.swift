/// `ameff`: the model as one ArchiMate Open Exchange Format document (`.xml`), by
/// ``ExchangeRenderer``: elements, relationships, properties, folders and views, for Archi's
/// "Import → Open Exchange XML Model" and the other tools that read the format.
public struct ExchangeFormat: OutputFormat {
    public let name = "ameff"
    public let aliases = ["exchange", "archimate", "archimate-xml", "xml"]
    public let summary = "an ArchiMate Open Exchange Format document (XML, schema 3.1) with elements, relationships, properties, folders per category and level, and views: the CORA landscape and one per business process; Archi reads it with Import → Open Exchange XML Model"
    public let fileSuffix = ".xml"

    public init() {}

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        try target.write(nil, bytes: ExchangeRenderer(language: options.language, title: options.title,
                                                     defaultTitle: DiagramWords(language: options.language).title(source: options.sourceName)).render(model))
    }
}
