import CoraCSV

extension Mapping {
    /// The name of the mapping of cora's own canonical CSV.
    public static let canonicalName = "canonical"

    /// Whether a table with `delimiter` read through this mapping is cora's `excel-csv` (or that
    /// file saved again by Excel): the canonical mapping with `;`, which the canonical CSV never
    /// has (it is always `,`). Such a table is read with the `'` that `excel-csv` put before
    /// formulas and the `="…"` it put around codes taken off again
    /// (``CoraCSV/CSVRecord/unprotectingForSpreadsheets()``), so that it reads back into the model
    /// it was written from; a `'` or `="…"` that was data stays.
    public func readsExcelCSV(delimiter: UInt8) -> Bool {
        name == Self.canonicalName && delimiter == UInt8(ascii: ";")
    }
}
