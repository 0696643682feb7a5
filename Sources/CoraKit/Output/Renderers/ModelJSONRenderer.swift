/// Renders the model and its diagnostics as JSON: a `processes` array whose objects use the
/// canonical field names (arrays for the multi-valued ones, a `properties` object), and a
/// `diagnostics` array.
public struct ModelJSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The JSON document, ending with a line break.
    public func render(_ model: ProcessModel, diagnostics: [Diagnostic]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.strings("propertyNames", model.propertyNames)
        json.beginArray("processes")
        for process in model.processes {
            json.beginObject()
            json.string("id", process.id)
            json.string("code", process.code)
            json.string("name", process.name)
            json.optionalString("level", process.level?.rawValue)
            json.optionalString("category", process.category?.rawValue)
            json.optionalString("parent", process.parent.isEmpty ? nil : process.parent)
            json.number("order", process.order)
            json.string("owner", process.owner)
            json.string("function", process.function)
            json.strings("services", process.services)
            json.strings("events", process.events)
            json.strings("applications", process.applications)
            json.strings("next", process.next)
            json.string("status", process.status)
            json.string("description", process.description)
            json.strings("requirements", process.requirements)
            json.strings("steers", process.steers)
            json.strings("reports-to", process.reportsTo)
            json.optionalString("pdca-phase", process.pdcaPhase?.rawValue)
            json.beginObject("properties")
            for property in process.properties { json.string(property.name, property.value) }
            json.endObject()
            if let source = process.source {
                json.beginObject("source")
                json.string("file", source.file)
                json.number("line", source.line)
                json.number("record", source.record)
                json.endObject()
            }
            json.endObject()
        }
        json.endArray()
        json.beginArray("diagnostics")
        for diagnostic in diagnostics { DiagnosticReportRenderer.write(diagnostic, to: &json) }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }
}
