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
        /// A list of totals, each row named by `key` (null for no category or level).
        func rows(_ name: String, key: String, _ rows: [(value: String?, counts: CoverageCounts)]) {
            json.beginArray(name)
            for row in rows {
                json.beginObject()
                json.optionalString(key, row.value)
                counts(row.counts)
                json.endObject()
            }
            json.endArray()
        }
        rows("categories", key: "category", report.totals.categories.map { ($0.category?.rawValue, $0.counts) })
        rows("levels", key: "level", report.totals.levels.map { ($0.level?.rawValue, $0.counts) })
        json.endObject()
        json.endObject()
        return json.text + "\n"
    }
}
