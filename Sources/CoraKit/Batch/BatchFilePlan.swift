/// Where one input's outputs go, relative to the output folder.
public struct BatchFilePlan: Sendable, Equatable {
    /// The input.
    public var input: BatchInput
    /// The model outputs per format name (none with `--merge`, which writes `merged.*` instead); a
    /// folder for a format that writes several files (see ``OutputFormat/files(at:prefix:)``).
    public var outputs: [String: String]
    /// The diagnostics report: `<stem>.report.json`.
    public var report: String
    /// The rejected rows, written only when rows were rejected: `<stem>.rejects.csv`.
    public var rejects: String
    /// Why the input gets no outputs at all: they would overwrite another input's outputs or a
    /// file of the batch itself, or the path cannot name a file inside the output folder.
    public var conflict: String?
    /// The name its outputs were given instead of the input's own, when that would make a file
    /// name over 255 bytes (the limit of every common file system): shortened, with a hash.
    public var shortenedStem: String?

    /// Every path this input may write, model outputs first.
    public var paths: [String] {
        OutputFormats.all.flatMap { format in outputs[format.name].map { format.files(at: $0) } ?? [] } + [report, rejects]
    }
}
