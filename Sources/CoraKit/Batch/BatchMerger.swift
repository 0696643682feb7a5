/// Puts the models of several runs together into one, for `cora batch --merge`, through the same
/// build and validation stages as any input.
///
/// Inputs read with the same mapping go through one ``Pipeline``, so a parent in another file of
/// that layout is found and an id used twice is a `duplicate-id` there. Each run is one ``Part``
/// here; its processes go into one more ``ModelBuilder``, which
///
/// - keeps ids unique across parts: an id that a part derived (its mapping has no id column) and
///   an earlier part already uses is renumbered (`bepalen-visie` → `bepalen-visie-2`), its parent
///   and `next` references following it; an id that the data gave twice is a `duplicate-id` error,
///   and that process is left out with its descendants;
/// - keeps parents and `next` references within the part they were resolved in;
/// - keeps every process's ``CoraProcess/source``, so each can be traced to its file and line;
///
/// and the model rules of the merged scope run on the result: one code naming processes with
/// different names in two files is a `conflicting-code` warning (``ConflictingCodeRule``).
///
/// ```swift
/// let merged = BatchMerger().merge([BatchMerger.Part(result: a, idsGiven: true), BatchMerger.Part(result: b, idsGiven: false)])
/// print(merged.model.processes.count, merged.diagnostics.count, merged.rejected.count)
/// ```
public struct BatchMerger: Sendable {
    /// One run's result.
    public struct Part: Sendable {
        /// The result of the run.
        public var result: ConversionResult
        /// Whether the ids come from the data (the mapping has an id column) rather than being derived.
        public var idsGiven: Bool

        /// Creates a part.
        public init(result: ConversionResult, idsGiven: Bool) {
            self.result = result
            self.idsGiven = idsGiven
        }
    }

    /// The findings' policy (`--strict`: the later process of a `conflicting-code` is left out too).
    public var policy: DiagnosticPolicy
    private let validator: Validator

    /// Creates a merger.
    public init(policy: DiagnosticPolicy = DiagnosticPolicy(), validator: Validator = Validator()) {
        self.policy = policy
        self.validator = validator
    }

    /// What merging made: the model, the findings across parts (not those of the parts
    /// themselves), and where the processes it left out came from.
    public struct Result: Sendable {
        /// The merged model.
        public var model: ProcessModel
        /// The findings across parts.
        public var diagnostics: [Diagnostic]
        /// The rows of the processes left out (a `duplicate-id`, a `conflicting-code` with `--strict`,
        /// and their descendants).
        public var rejected: [SourceLocation]
    }

    /// The merged model, the findings across parts and the rows left out.
    public func merge(_ parts: [Part]) -> Result {
        var sink = DiagnosticSink(policy: policy)
        // The parts have their levels and categories already: nothing is inherited again.
        var settings = ModelBuilder.Settings()
        settings.hierarchy.inheritCategory = false
        var builder = ModelBuilder(settings: settings)
        var retained: ArchiRetained?
        for part in parts {
            let processes = part.result.model.processes
            let offset = builder.count
            var position: [String: Int] = [:]
            for (index, process) in processes.enumerated() where position[process.id] == nil { position[process.id] = index }
            builder.declareProperties(part.result.model.propertyNames)
            for process in processes {
                let parent = position[process.parent].map { ModelBuilder.ParentLink.position(offset + $0, relation: nil) } ?? .none
                let next = process.next.map { reference in position[reference].map { Int32(offset + $0) } ?? -1 }
                builder.add(process, origin: .merged, parent: parent, idWasGiven: part.idsGiven, next: next)
            }
            if let archi = part.result.model.archi {
                if retained == nil { retained = archi } else { retained?.append(contentsOf: archi) }
            }
        }
        builder.resolve(sink: &sink)
        validator.check(&builder, scope: .merged, maxDepth: .max, sink: &sink)
        let built = builder.finish(sink: &sink)
        var model = built.model
        model.archi = retained
        return Result(model: model, diagnostics: sink.sorted(), rejected: built.rejected.map(\.location))
    }
}
