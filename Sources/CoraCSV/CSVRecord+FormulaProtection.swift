extension CSVRecord {
    /// The record with ``FormulaProtection/unprotect(_:)`` applied to every field: what a table
    /// that was written with formula protection held before. The same record (no copy) when no
    /// field holds a `'`.
    public func unprotectingFormulas() -> CSVRecord {
        let marked = (0..<count).contains { index in withFieldBytes(at: index) { $0.contains(UInt8(ascii: "'")) } }
        guard marked else { return self }
        return CSVRecord(fields: fields.map(FormulaProtection.unprotect), line: line, number: number)
    }
}
