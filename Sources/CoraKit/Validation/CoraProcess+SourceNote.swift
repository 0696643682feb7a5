extension CoraProcess {
    /// ` (line 12)`: where the process is, for a message that names it; empty when not known.
    var placeNote: String { source.map { " (line \($0.line))" } ?? "" }
}
