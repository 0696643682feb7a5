/// `ameff`: the model as one ArchiMate Open Exchange Format document (`.xml`), by
/// ``ExchangeRenderer``: elements, relationships, properties, folders and views, for Archi's
/// "Import → Open Exchange XML Model" and the other tools that read the format.
public struct ExchangeFormat: OutputFormat {
    public let name = "ameff"
    public let aliases = ["exchange", "archimate", "archimate-xml", "xml"]
    public let summary = "an ArchiMate Open Exchange Format document (XML, schema 3.1) with elements, relationships, properties, folders per category and level, and views: the CORA landscape and one per business process; Archi reads it with Import → Open Exchange XML Model"
    public let fileSuffix = ".xml"

    public init() {}

    /// Says how many processes hold characters that XML 1.0 cannot carry (control characters), which
    /// are written as U+FFFD.
    public func notes(about model: ProcessModel, options: OutputOptions) -> [String] {
        let count = model.processes.count { process in
            let texts = [process.id, process.code, process.name, process.owner, process.function, process.status, process.description]
                + process.services + process.events + process.applications + process.next
                + process.properties.flatMap { [$0.name, $0.value] }
            return !texts.allSatisfy(XMLText.isAllowed)
        }
        guard count > 0 else { return [] }
        return ["\(count) process\(count == 1 ? "" : "es") hold\(count == 1 ? "s" : "") characters that XML cannot carry (control characters); they are written as U+FFFD (�), which a read back reports as mojibake"]
    }

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        try target.write(nil, bytes: ExchangeRenderer(language: options.language, title: options.title,
                                                     defaultTitle: DiagramWords(language: options.language).title(source: options.sourceName)).render(model))
    }
}
