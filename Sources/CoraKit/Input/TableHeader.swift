import CoraCSV

/// The header row of an input table, with the names under which its columns are known.
public struct TableHeader: Sendable, Equatable {
    /// The header cells exactly as in the file.
    public let cells: [String]
    /// A unique, non-empty name per column: blank headers become `column N`, a repeated header
    /// gets ` (2)`, ` (3)`, … These are the property names of unmapped columns.
    public let columnNames: [String]
    /// The physical line of the header.
    public let line: Int
    /// The record number of the header.
    public let record: Int
    private let keys: [String]

    /// Reads a header from its record; reports duplicate headers.
    public init(record: CSVRecord, file: String, sink: inout DiagnosticSink) {
        let cells = record.fields
        self.cells = cells
        self.line = record.line
        self.record = record.number
        self.keys = cells.map(TextNormalization.headerKey)
        var names: [String] = []
        var seen: [String: Int] = [:]
        // The next number to try per repeated header: counting from 2 every time would make a
        // header of 10,000 equal cells cost 10,000² look-ups.
        var nextCounter: [String: Int] = [:]
        for (index, cell) in cells.enumerated() {
            let trimmed = cell.trimmingWhitespace()
            var name = trimmed.isEmpty ? "column \(index + 1)" : trimmed
            let key = TextNormalization.headerKey(name)
            if let first = seen[key] {
                var counter = nextCounter[key] ?? 2
                while seen[TextNormalization.headerKey("\(name) (\(counter))")] != nil { counter += 1 }
                nextCounter[key] = counter + 1
                sink.report(Diagnostic(.duplicateHeader, "the header \"\(trimmed)\" appears again; the first, column \(first + 1), is the one mapped",
                    file: file, line: record.line, record: record.number,
                    column: .init(name: trimmed, index: index + 1), value: cell,
                    hint: "rename one of the columns; this one is kept as the property \"\(name) (\(counter))\""))
                name = "\(name) (\(counter))"
            }
            seen[TextNormalization.headerKey(name)] = index
            names.append(name)
        }
        self.columnNames = names
    }

    /// The number of columns.
    public var count: Int { cells.count }

    /// The first column whose header matches one of `candidates` (ignoring case, accents, spaces,
    /// `-`, `_` and `.`), trying the candidates in order.
    public func index(matchingAny candidates: [String]) -> Int? {
        for candidate in candidates {
            let key = TextNormalization.headerKey(candidate)
            if let index = keys.firstIndex(of: key) { return index }
        }
        return nil
    }

    /// Whether the header of the column at `index` is blank.
    public func isBlank(_ index: Int) -> Bool {
        index < cells.count && cells[index].trimmingWhitespace().isEmpty
    }
}
