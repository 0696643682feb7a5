/// Renders a ``CoverageReport`` as JSON (`cora coverage --to json`), keys in a fixed order:
///
/// ```json
/// {
///   "reference": [{"id", "name", "level", "category", "status", "matches": [{"id", "name", "method", "score"}]}],
///   "unmatched": [{"id", "name", "level", "category", "status", "matches": []}],
///   "ambiguities": [{"method", "inventory": ["id", …], "reference": ["id", …]}],
///   "totals": {"all": {…}, "categories": [{"category", …}], "levels": [{"level", …}]}
/// }
/// ```
///
/// A level or category a process lacks is `null`; the counts are `covered`, `partial`,
/// `missing` and `unmatched`.
public struct CoverageJSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The JSON document, ending with a line break.
    public func render(_ report: CoverageReport) -> String {
        let reference = report.reference.processes, inventory = report.inventory.processes
        var json = JSONWriter()
        func process(_ process: CoraProcess, _ status: CoverageStatus, _ matches: [CoverageMatch]) {
            json.beginObject()
            json.string("id", process.id)
            json.string("name", process.name)
            json.optionalString("level", process.level?.rawValue)
            json.optionalString("category", process.category?.rawValue)
            json.string("status", status.rawValue)
            json.beginArray("matches")
            for match in matches {
                json.beginObject()
                json.string("id", inventory[match.inventory].id)
                json.string("name", inventory[match.inventory].name)
                json.string("method", match.method.rawValue)
                json.score("score", match.score)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        func counts(_ counts: CoverageCounts) {
            for status in [CoverageStatus.covered, .partial, .missing, .unmatched] { json.number(status.rawValue, counts[status]) }
        }
        json.beginObject()
        json.beginArray("reference")
        for entry in report.entries { process(reference[entry.reference], entry.status, entry.matches) }
        json.endArray()
        json.beginArray("unmatched")
        for position in report.unmatched { process(inventory[position], .unmatched, []) }
        json.endArray()
        json.beginArray("ambiguities")
        for ambiguity in report.ambiguities {
            json.beginObject()
            json.string("method", ambiguity.method.rawValue)
            json.strings("inventory", ambiguity.old.map { inventory[$0].id })
            json.strings("reference", ambiguity.new.map { reference[$0].id })
            json.endObject()
        }
        json.endArray()
        json.beginObject("totals")
        json.beginObject("all")
        counts(report.totals.all)
        json.endObject()
        json.beginArray("categories")
        for row in report.totals.categories {
            json.beginObject()
            json.optionalString("category", row.category?.rawValue)
            counts(row.counts)
            json.endObject()
        }
        json.endArray()
        json.beginArray("levels")
        for row in report.totals.levels {
            json.beginObject()
            json.optionalString("level", row.level?.rawValue)
            counts(row.counts)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        return json.text + "\n"
    }
}
