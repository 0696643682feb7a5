extension CSVRecord {
    /// The record as it was before it was written for a spreadsheet: ``TextProtection/unprotect(_:)``
    /// applied to a field that is `="…"`, ``FormulaProtection/unprotect(_:)`` to every other. The
    /// same record (no copy) when no field holds a `'` or starts with `=`.
    public func unprotectingForSpreadsheets() -> CSVRecord {
        let marked = (0..<count).contains { index in
            withFieldBytes(at: index) { $0.first == UInt8(ascii: "=") || $0.contains(UInt8(ascii: "'")) }
        }
        guard marked else { return self }
        return CSVRecord(fields: fields.map { TextProtection.wrapped($0) ?? FormulaProtection.unprotect($0) }, line: line, number: number)
    }
}
