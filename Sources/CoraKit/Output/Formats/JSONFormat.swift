/// `json`: the model and its diagnostics as JSON, by ``ModelJSONRenderer``.
public struct JSONFormat: OutputFormat {
    public let name = "json"
    public let summary = "the model as JSON: a \"processes\" array (every process with its source file and line) and the \"diagnostics\""
    public let fileSuffix = ".json"

    public init() {}

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        try target.write(nil, bytes: Array(ModelJSONRenderer().render(model, diagnostics: diagnostics).utf8))
    }
}
