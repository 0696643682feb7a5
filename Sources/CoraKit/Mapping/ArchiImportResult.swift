/// What ``ArchiImport`` made of a set.
public struct ArchiImportResult: Sendable {
    /// The processes, with the rest of the set in ``ProcessModel/archi``.
    public var model: ProcessModel
    /// The rows left out for errors (processes, relations in a cycle).
    public var rejected: [SourceLocation]
}
