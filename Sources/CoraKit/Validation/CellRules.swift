/// Checks on the values of one mapped row that need no other row: damage done by Excel, mojibake,
/// noise in names, CORA's naming conventions.
///
/// Called for every row after the mapping and before the model is built; an error keeps the row
/// out of the model.
public enum CellRules {
    /// Appends the findings for `row` to `diagnostics`.
    public static func check(_ row: MappedRow, diagnostics: inout [Diagnostic]) {
        // The rules are added in Validation/ (see the issue on mappings and validation).
    }
}
