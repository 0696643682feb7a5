import CoraCSV

/// The merged model of `--merge`, in the summary.
public struct BatchMergedSummary: Sendable, Equatable, Codable {
    /// Processes in the merged model.
    public var processes: Int
    /// The mappings used, in the order of first use.
    public var mappings: [String]
    /// Findings across files (`conflicting-code`, ids used in two layouts).
    public var crossFileErrors: Int
    /// Warnings across files.
    public var crossFileWarnings: Int
    /// The merged outputs (`merged.csv`, …).
    public var outputs: [String]

    /// Creates a merged summary.
    public init(processes: Int, mappings: [String], crossFileErrors: Int, crossFileWarnings: Int, outputs: [String]) {
        self.processes = processes
        self.mappings = mappings
        self.crossFileErrors = crossFileErrors
        self.crossFileWarnings = crossFileWarnings
        self.outputs = outputs.sorted()
    }
}
