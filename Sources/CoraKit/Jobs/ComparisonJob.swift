/// `cora diff OLD NEW`: two inputs, each read with its own mapping as `cora convert` reads it,
/// their processes paired (by the pairs file first, when there is one) and their differences
/// written where the user asked; optionally the pairs, for a person to confirm.
public struct ComparisonJob: Sendable {
    /// How the old model is read (one input).
    public var old: ConversionJob
    /// How the new model is read.
    public var new: ConversionJob
    /// A pairs file to read (`--pairs`).
    public var pairs: String?
    /// Where to write the pairs made, as a pairs file (`--write-pairs`).
    public var writePairs: String?
    /// The fields not compared (`--ignore-field`).
    public var ignoring: Set<String>
    /// The kinds of change kept (`--only`; all when empty).
    public var only: Set<ProcessChange.Kind>
    /// How the processes are paired (`--match`).
    public var matcher: ProcessMatcher
    /// How the differences are written.
    public var renderer: DiffRenderer
    /// Where: a file, or `nil` or `-` for standard output.
    public var output: String?

    /// A job.
    public init(old: ConversionJob, new: ConversionJob, pairs: String? = nil, writePairs: String? = nil, ignoring: Set<String> = [],
                only: Set<ProcessChange.Kind> = [], matcher: ProcessMatcher = ProcessMatcher(), renderer: DiffRenderer = DiffRenderer(format: .text),
                output: String? = nil) {
        self.matcher = matcher
        self.old = old
        self.new = new
        self.pairs = pairs
        self.writePairs = writePairs
        self.ignoring = ignoring
        self.only = only
        self.renderer = renderer
        self.output = output
    }

    /// What a comparison read and made.
    public struct Outcome: Sendable {
        /// The old input as read.
        public var old: ConversionResult
        /// The new input as read.
        public var new: ConversionResult
        /// The comparison.
        public var comparison: ModelComparison
    }

    /// Refuses, before anything is read, an output (`-o`, `--write-pairs`) that is an input, the
    /// pairs file or the other output.
    public func checkOutputs(detector: InputDetector) throws(RunFailure) {
        let fileSystem = detector.fileSystem
        var claimed: [String: String] = [:]
        // Every file read: the inputs (each file of an Archi set), their mappings, the pairs file.
        let read = old.filesRead(detector: detector).inputs + new.filesRead(detector: detector).inputs + [pairs].compactMap { $0 }
        for input in read where input != "-" {
            claimed[fileSystem.sameFileKey(input)] = input == "/dev/stdin" ? "- (standard input)" : input
        }
        for (option, path) in [("-o", output), ("--write-pairs", writePairs)] {
            guard let path, path != "-" else { continue }
            if let other = claimed[fileSystem.sameFileKey(path)] {
                throw RunFailure(.outputOverInput, "the output of \(option) is \(other), which this run reads or writes; nothing was read or written",
                                 file: path, hint: "choose another path for \(option)")
            }
            claimed[fileSystem.sameFileKey(path)] = path
        }
    }

    /// Refuses to compare what was read when a side holds no process (an empty file, a header
    /// alone, rows of which not one process was made: a wrong mapping?) or when malformed input
    /// ended a read early: the comparison would be wrong.
    public static func checkComparable(_ results: [ConversionResult]) throws(RunFailure) {
        for result in results {
            let file = result.inputs.first?.file ?? "-"
            if result.model.processes.isEmpty {
                throw RunFailure(.nothingToCompare, result.rowsRead > 0
                    ? "\(result.rowsRead) rows read and not one process made of them, so there is nothing to compare"
                    : "no process read (an empty file, or a header alone), so there is nothing to compare",
                    file: file, hint: result.rowsRead > 0 ? "check the mapping (cora validate shows the errors)" : nil)
            }
            if result.isIncomplete {
                throw RunFailure(.nothingToCompare, "malformed input ended the read early, so the comparison would be wrong",
                                 file: file, hint: "fix the file (cora validate shows where)")
            }
        }
    }

    /// Reads both inputs and the pairs file, and compares. What the runs say meanwhile goes to `tell`.
    public func run(detector: InputDetector, tell: (RunMessage) -> Void) throws(RunFailure) -> Outcome {
        let oldResult = try old.run(detector: detector, tell: tell)
        let newResult = try new.run(detector: detector, tell: tell)
        var pinned: [PinnedPair] = []
        if let pairs {
            pinned = try PairsFile.read(pairs, in: detector.fileSystem)
            try PairsFile.check(pinned, old: oldResult.model, new: newResult.model, file: pairs)
        }
        let comparison = ModelComparison(old: oldResult.model, new: newResult.model, oldSource: old.inputs.first ?? "-",
                                         newSource: new.inputs.first ?? "-", pinned: pinned, matcher: matcher,
                                         ignoring: ignoring, only: only)
        return Outcome(old: oldResult, new: newResult, comparison: comparison)
    }

    /// Writes the pairs file (when asked) and the differences.
    public func deliver(_ outcome: Outcome, fileSystem: any FileSystem) throws(RunFailure) {
        if let writePairs {
            let text = PairsFile.render(outcome.comparison.match, old: outcome.comparison.old, new: outcome.comparison.new)
            try ConversionJob.write(Array(text.utf8), to: writePairs, in: fileSystem)
        }
        try ConversionJob.write(renderer.render(outcome.comparison), to: output ?? "-", in: fileSystem)
    }
}
