/// Which columns a file must have for a mapping to read it.
extension Mapping {
    /// Whether a file without a column of `field` cannot be read with this mapping: a `required`
    /// field; the name (no row can become a process without it); and the parent, unless the field
    /// has a `default` (every process would stand at the top and the hierarchy would be lost
    /// without a word). `cora convert` reports such a column as a `missing-column` error, and
    /// `--mapping auto` never chooses a mapping whose required column the header lacks.
    public func needsColumn(of field: CanonicalField) -> Bool {
        guard let rule = fields[field], rule.constant == nil else { return false }
        return rule.required || ((field == .name || field == .parent) && rule.defaultValue == nil)
    }
}
