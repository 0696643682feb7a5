/// The table of `cora mapping list`.
extension MappingLibrary {
    /// One line per mapping (name, origin, description; a shipped one that a local mapping
    /// replaces says so, an unusable one says why), then the `readers` built into cora, under a
    /// `NAME ORIGIN DESCRIPTION` header, in columns.
    public static func listing(_ entries: [Entry], readers: [(name: String, description: String)]) -> String {
        let localNames = Set(entries.filter { !$0.isBuiltin }.map(\.name))
        let rows: [[String]] = entries.map { entry in
            var origin = entry.origin
            if entry.isBuiltin && localNames.contains(entry.name) { origin += " (replaced by a local mapping)" }
            let description: String
            switch entry.mapping {
            case .success(let mapping): description = mapping.description
            case .failure(let error): description = "unusable: " + (error.line.map { "line \($0): " } ?? "") + error.message
            }
            return [entry.name, origin, description]
        } + readers.map { [$0.name, "builtin", $0.description] }
        let widths = [max(4, rows.map { $0[0].count }.max() ?? 0), max(6, rows.map { $0[1].count }.max() ?? 0)]
        func padded(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        func line(_ cells: [String]) -> String {
            var text = padded(cells[0], widths[0]) + "  " + padded(cells[1], widths[1]) + "  " + cells[2]
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        return line(["NAME", "ORIGIN", "DESCRIPTION"]) + rows.map(line).joined()
    }
}
