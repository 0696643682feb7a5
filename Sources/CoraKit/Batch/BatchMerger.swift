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
/// - takes a process with the code and name of a process in another file for that process (a
///   `merged-duplicate` warning): the merged model has it once, where it came first, and what is
///   below the later one hangs under it (an inventory split over files often repeats the business
///   process above each file's work processes, and a landscape shows it once); unless both have
///   the same id from their data, which stays a `duplicate-id`;
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

    /// The `merged-duplicate` warning on `process`, the same process as the one at `first` (in another file).
    private static func sameProcess(_ process: CoraProcess, as first: SourceLocation?) -> Diagnostic {
        let place = first.map { "\($0.file), line \($0.line)" } ?? "another file"
        return Diagnostic(
            .mergedDuplicate, "the process \"\(process.name)\" (code \"\(process.code)\") is also in \(place); the merged model has it once",
            file: process.source?.file ?? "", line: process.source?.line, record: process.source?.record, value: process.code,
            hint: "the same code and name in two files are taken for one process: the one in \(place) stays as it is, and what "
                + "is below this one hangs under it; if they are two processes, give one of them another code")
    }

    /// The merged model, the findings across parts and the rows left out.
    public func merge(_ parts: [Part]) -> Result {
        var sink = DiagnosticSink(policy: policy)
        // The parts have their levels and categories already: nothing is inherited again.
        var settings = ModelBuilder.Settings()
        settings.hierarchy.inheritCategory = false
        var builder = ModelBuilder(settings: settings)
        var retained: ArchiRetained?
        // The first process of each code and name, and where it came from.
        var firstOfCodeAndName: [String: (position: Int, source: SourceLocation?, id: String, idGiven: Bool)] = [:]
        for part in parts {
            let processes = part.result.model.processes
            var position: [String: Int] = [:]
            for (index, process) in processes.enumerated() where position[process.id] == nil { position[process.id] = index }
            // Where each process of the part is in the merged model: its own place, or the place of
            // the same process in an earlier file.
            var merged = [Int](repeating: -1, count: processes.count), folded = [Bool](repeating: false, count: processes.count)
            var free = builder.count
            for (index, process) in processes.enumerated() {
                if !process.code.isEmpty {
                    let key = process.code + "\u{1F}" + TextNormalization.matchKey(process.name)
                    if let first = firstOfCodeAndName[key] {
                        // The same id given in both stays a duplicate-id error, as any id the data gives twice.
                        let sameGivenID = part.idsGiven && first.idGiven && first.id == process.id
                        if first.source?.file != process.source?.file && !sameGivenID {
                            merged[index] = first.position
                            folded[index] = true
                            sink.report(Self.sameProcess(process, as: first.source))
                            continue
                        }
                    } else {
                        firstOfCodeAndName[key] = (free, process.source, process.id, part.idsGiven)
                    }
                }
                merged[index] = free
                free += 1
            }
            builder.declareProperties(part.result.model.propertyNames)
            builder.defineRequirementTags(part.result.model.ownRequirementTags)
            for (index, process) in processes.enumerated() where !folded[index] {
                let parent = position[process.parent].map { ModelBuilder.ParentLink.position(merged[$0], relation: nil) } ?? .none
                let next = process.next.map { reference in position[reference].map { Int32(merged[$0]) } ?? -1 }
                let steers = process.steers.map { reference in position[reference].map { Int32(merged[$0]) } ?? -1 }
                let reportsTo = process.reportsTo.map { reference in position[reference].map { Int32(merged[$0]) } ?? -1 }
                builder.add(process, origin: .merged, parent: parent, idWasGiven: part.idsGiven, next: next,
                            pdca: (steers: steers, reportsTo: reportsTo))
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
