#if canImport(Glibc)
import Glibc
#endif
import CoraCSV
import CoraKit

/// Runs `cora batch`: finds the inputs, plans the outputs, converts the files on several threads
/// (or merges them), writes the outputs safely, the summary and the manifest, and says how it went.
final class BatchRunner: @unchecked Sendable {
    let settings: BatchSettings
    private var folder: BatchOutputFolder!
    private var manifest = BatchManifest()
    private var mappingChoice: MappingChoice!
    private var progress: BatchProgress!
    private var optionsHash = ""
    /// Why the run cannot go on (a write failed): set by a worker, stops the others.
    private let fatal = Locked<String?>(nil)
    private var interruptNoticed = false

    init(settings: BatchSettings) {
        self.settings = settings
    }

    /// The mapping(s) to use.
    enum MappingChoice: Sendable {
        /// One mapping for every file, with the hash of its YAML.
        case named(Mapping, hash: String)
        /// The best fit per file among the candidates; the hash of each one's YAML by name, and
        /// the hash of them all (the "mapping" of a file that none fits).
        case auto([Mapping], hashes: [String: String], noneHash: String)
    }

    /// An input that could not be converted, and why.
    struct FailedInput: Error, Sendable {
        let diagnostic: Diagnostic
        init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    }

    /// What became of one input.
    struct FileOutcome: Sendable {
        var summary: BatchFileSummary
        /// The manifest record to keep (`nil`: none).
        var record: BatchManifest.FileRecord?
        /// Whether the manifest's record stays as it was (interrupted, or not this input's).
        var keepOldRecord = false
        /// Whether the input was skipped as unchanged.
        var unchanged = false
    }

    /// Runs the batch and returns the exit status.
    func run() -> Int32 {
        do {
            return try runChecked()
        } catch let failure as CLIFailure {
            progress?.end()
            Terminal.writeStderr(failure.message + "\n")
            return ExitStatus.cannotContinue.rawValue
        } catch {
            progress?.end()
            Terminal.writeStderr("error: \(error)\n")
            return ExitStatus.cannotContinue.rawValue
        }
    }

    private func runChecked() throws -> Int32 {
        folder = try BatchOutputFolder(creating: settings.out)
        let scan = try BatchInputScanner(outputFolder: folder.realPath).scan(settings.inputs)
        for note in scan.notes { Terminal.writeStderr(note + "\n") }
        guard !scan.inputs.isEmpty else {
            throw CLIFailure(message: "error: no inputs: the arguments name no files (folders are searched for \(BatchPath.inputExtensions.map { "*." + $0 }.joined(separator: ", ")))")
        }
        let plan = BatchPlan(inputs: scan.inputs.map(\.input), formats: settings.formats, merge: settings.merge)
        try checkNoOutputOverwritesAnInput(plan)
        mappingChoice = try chooseMappings()
        optionsHash = settings.optionsHash
        let swept = folder.sweepTemporaryFiles()
        if swept > 0 {
            Terminal.writeStderr("\(settings.out): note: removed \(BatchText.count(swept, "temporary file")) left by an interrupted run\n")
        }
        manifest = folder.read(BatchPlan.manifest).flatMap(BatchManifest.parse) ?? BatchManifest()
        let sizes = Dictionary(scan.inputs.map { ($0.input.relativePath, $0.size) }, uniquingKeysWith: { first, _ in first })
        BatchInterrupt.install()
        progress = BatchProgress(total: plan.files.count, totalBytes: scan.inputs.reduce(0) { $0 + $1.size })

        var (summary, newManifest, unchanged) = settings.merge ? runMerged(plan, sizes: sizes) : runPerFile(plan, sizes: sizes)
        progress.end()
        summary.interrupted = BatchInterrupt.requested || fatal.withLock { $0 } != nil

        // The summaries and the manifest: rewritten only when they changed (or with --force).
        var writeFailure: String?
        for (path, bytes) in [(BatchPlan.summaryJSON, summary.json()), (BatchPlan.summaryMarkdown, Array(summary.markdown().utf8)),
                              (BatchPlan.manifest, newManifest.render())] {
            do throws(BatchOutputFolder.WriteError) {
                try folder.write(bytes, to: path, force: settings.force)
            } catch {
                writeFailure = writeFailure ?? error.description
            }
        }
        try Terminal.writeStdout(summary.table(unchanged: unchanged, maxRows: 40))
        try Terminal.writeStdout("summary: \(BatchPath.join(settings.out, BatchPlan.summaryJSON)), \(BatchPath.join(settings.out, BatchPlan.summaryMarkdown))\n")

        if let failure = fatal.withLock({ $0 }) ?? writeFailure {
            Terminal.writeStderr(failure + "\n")
            return ExitStatus.cannotContinue.rawValue
        }
        if BatchInterrupt.requested {
            Terminal.writeStderr("interrupted: \(summary.files.count { $0.status != .interrupted }) of \(summary.files.count) files finished; run the same command again to do the rest\n")
            return 130
        }
        return summary.hasErrors ? ExitStatus.dataErrors.rawValue : 0
    }

    // MARK: Checks before anything is written

    /// Refuses a run in which an output path is an input (`--out` on top of the inputs).
    private func checkNoOutputOverwritesAnInput(_ plan: BatchPlan) throws {
        var inputs: [String: String] = [:]
        for file in plan.files {
            if let real = BatchOutputFolder.realPath(file.input.path) { inputs[real] = file.input.path }
        }
        for path in plan.allPaths {
            let target = folder.resolvedTarget(of: path)
            if let input = inputs[target] ?? BatchOutputFolder.realPath(target).flatMap({ inputs[$0] }) {
                throw CLIFailure(message: "\(input): error: the output \(BatchPath.join(settings.out, path)) would overwrite this input; choose an --out folder apart from the inputs")
            }
        }
    }

    /// Resolves `--mapping`: one mapping, or the candidates of `auto`.
    private func chooseMappings() throws -> MappingChoice {
        if settings.mapping == MappingResolver.auto {
            let candidates = MappingResolver.autoCandidates()
            guard !candidates.isEmpty else { throw CLIFailure(message: "error: --mapping auto: no mappings to choose from") }
            var hashes: [String: String] = [:]
            for candidate in candidates { hashes[candidate.mapping.name] = SHA256.hexDigest(of: candidate.entry.yaml) }
            let noneHash = "none:" + SHA256.hexDigest(of: hashes.keys.sorted().map { "\($0)=\(hashes[$0]!)" }.joined(separator: "\n"))
            return .auto(candidates.map(\.mapping), hashes: hashes, noneHash: noneHash)
        }
        let entry = try MappingResolver.entry(settings.mapping)
        switch entry.mapping {
        case .success(let mapping): return .named(mapping, hash: SHA256.hexDigest(of: entry.yaml))
        case .failure(let error): throw CLIFailure(message: error.description)
        }
    }

    /// The mapping for the input at `path`, and the hash that stands for it in the manifest; or
    /// the diagnostic saying that none fits.
    private func mapping(for path: String) -> (mapping: Mapping?, hash: String, failure: Diagnostic?) {
        var chosen: Mapping
        let hash: String
        switch mappingChoice! {
        case .named(let mapping, let mappingHash):
            chosen = mapping
            hash = mappingHash
        case .auto(let candidates, let hashes, let noneHash):
            let selection = MappingResolver.select(for: path, standardInput: nil, candidates: candidates, readOptions: settings.readOptions)
            guard let mapping = selection.mapping else {
                let best = selection.scores.first.map { " (best: \($0.summary))" } ?? ""
                return (nil, noneHash, Diagnostic(.noMappingFits, "no mapping fits its header\(best)", file: path,
                    hint: "every candidate: \(selection.fullReason); draft a mapping with `cora mapping init \(path) -o Mappings/NAME.yaml`, or name one with --mapping"))
            }
            chosen = mapping
            hash = hashes[mapping.name] ?? noneHash
        }
        if let skipRows = settings.skipRows { chosen.dialect.skipRows = skipRows }
        return (chosen, hash, nil)
    }

    // MARK: Working

    private var stopRequested: @Sendable () -> Bool {
        { [fatal] in BatchInterrupt.requested || fatal.withLock { $0 } != nil }
    }

    private func tick() {
        if BatchInterrupt.requested && !interruptNoticed {
            interruptNoticed = true
            progress.note("interrupted: finishing the files being written, abandoning those being read; Ctrl-C again stops at once")
        }
        progress.tick()
    }

    /// Whether every output of a record is still there with its size.
    private func outputsIntact(_ outputs: [BatchManifest.OutputRecord]) -> Bool {
        outputs.allSatisfy { folder.size(of: $0.path) == $0.size }
    }

    /// The conversion settings of every input.
    private var conversionSettings: ConversionSettings {
        ConversionSettings(readOptions: settings.readOptions, skipRows: settings.skipRows,
                           policy: DiagnosticPolicy(strict: settings.strict, ignored: settings.ignoredWarnings, maxErrors: settings.maxErrors),
                           maxDepth: settings.maxDepth)
    }

    /// Writes `produced`, removes what an earlier run wrote for the same input and no longer
    /// applies, and returns what was written (an output that would escape the folder becomes a
    /// diagnostic; any other write failure stops the run).
    private func write(_ produced: [(path: String, bytes: [UInt8])], replacing old: [BatchManifest.OutputRecord],
                       file: String, diagnostics: inout [Diagnostic]) -> (written: [BatchManifest.OutputRecord], complete: Bool) {
        var written: [BatchManifest.OutputRecord] = []
        var complete = true
        for (path, bytes) in produced {
            do throws(BatchOutputFolder.WriteError) {
                try folder.write(bytes, to: path, force: settings.force)
                written.append(BatchManifest.OutputRecord(path: path, size: bytes.count))
            } catch {
                switch error {
                case .escapes(let message):
                    diagnostics.append(Diagnostic(.unsafeOutput, message, file: file))
                case .failed(let message):
                    fatal.withLock { if $0 == nil { $0 = message } }
                }
                complete = false
            }
        }
        let kept = Set(produced.map(\.path))
        for output in old where !kept.contains(output.path) { folder.remove(output.path) }
        return (written, complete)
    }

    /// The files of one model output at `path` (three for `archi`).
    private func render(_ format: BatchFormat, at path: String, _ model: ProcessModel, diagnostics: [Diagnostic]) -> [(path: String, bytes: [UInt8])] {
        switch format {
        case .csv: return [(path, CanonicalCSVRenderer(options: .canonical).render(model))]
        case .md: return [(path, Array(MarkdownRenderer(language: settings.language).render(model, diagnostics: diagnostics).utf8))]
        case .dot: return [(path, Array(((try? DOTRenderer(language: settings.language).render(model, view: .landscape)) ?? "").utf8))]
        case .json: return [(path, Array(ModelJSONRenderer().render(model, diagnostics: diagnostics).utf8))]
        case .archi:
            let export = ArchiExportRenderer().render(model)
            return zip(format.files(at: path), ArchiTable.allCases).map { ($0, export.bytes(of: $1)) }
        }
    }

    /// Reads and converts the input at `path` (stopping when asked to).
    private func convert(_ path: String, with mapping: Mapping) -> Result<ConversionResult, FailedInput> {
        let descriptor: Int32
        switch BatchFile.open(path) {
        case .success(let opened): descriptor = opened
        case .failure(let reason):
            return .failure(FailedInput(Diagnostic(.unreadableInput, "cannot read: \(reason)", file: path)))
        }
        defer { close(descriptor) }
        do throws(ByteSourceError) {
            let source = StoppableByteSource(base: FileDescriptorByteSource(descriptor: descriptor), stop: stopRequested)
            return .success(try Pipeline.convert(source, file: path, mapping: mapping, settings: conversionSettings))
        } catch {
            return .failure(FailedInput(Diagnostic(.unreadableInput, "cannot read: \(error.reason)", file: path)))
        }
    }

    /// What the first bytes say, as a diagnostic when the input cannot be converted.
    private static func contentFailure(_ fingerprint: BatchFile.Fingerprint, path: String) -> Diagnostic? {
        switch InputContent.classify(fingerprint.prefix) {
        case .empty:
            return Diagnostic(.emptyFile, "the file is empty (0 bytes)", file: path)
        case .binary(let what):
            return Diagnostic(.binaryInput, "not a CSV file: \(what)", file: path,
                              hint: "export the inventory as CSV (Excel: Save as, CSV UTF-8), or leave the file out")
        case .text:
            return nil
        }
    }

    // MARK: One file at a time

    private func runPerFile(_ plan: BatchPlan, sizes: [String: Int]) -> (BatchSummary, BatchManifest, Set<String>) {
        let outcomes = BatchPool.run(plan.files, jobs: settings.jobs, stop: stopRequested, tick: tick) { [self] file in
            let outcome = process(file)
            if outcome.summary.status != .interrupted {
                progress.finished(outcome.summary, bytes: sizes[file.input.relativePath] ?? 0, unchanged: outcome.unchanged)
            }
            return outcome
        }
        var newManifest = manifest
        var files: [BatchFileSummary] = []
        var unchanged = Set<String>()
        for (file, outcome) in zip(plan.files, outcomes) {
            guard let outcome else {
                files.append(.interrupted(file.input))
                continue
            }
            files.append(outcome.summary)
            if outcome.unchanged { unchanged.insert(file.input.relativePath) }
            if !outcome.keepOldRecord { newManifest.files[file.input.relativePath] = outcome.record }
        }
        let summary = BatchSummary(tool: settings.tool, mapping: settings.mapping, formats: settings.formats, merge: false,
                                   interrupted: false, files: files)
        return (summary, newManifest, unchanged)
    }

    /// Converts one input and writes its outputs.
    private func process(_ file: BatchFilePlan) -> FileOutcome {
        let input = file.input
        let old = manifest.files[input.relativePath]
        if let conflict = file.conflict {
            let diagnostic = Diagnostic(.outputConflict, "not converted: \(conflict)", file: input.path,
                                        hint: "rename the input, or convert it in a batch of its own")
            return FileOutcome(summary: BatchFileSummary(input: input, mapping: nil, read: nil, processes: 0, rejectedRows: 0,
                                                         diagnostics: [diagnostic], outputs: []),
                               record: nil, keepOldRecord: true)
        }
        /// A file that could not be converted: its report (and nothing else).
        func failed(_ diagnostic: Diagnostic, contentHash: String?, mappingHash: String) -> FileOutcome {
            var diagnostics = [diagnostic]
            let report = DiagnosticReportRenderer(format: .json).render(diagnostics)
            let (written, complete) = write([(file.report, report)], replacing: old?.outputs ?? [], file: input.path, diagnostics: &diagnostics)
            let summary = BatchFileSummary(input: input, mapping: nil, read: nil, processes: 0, rejectedRows: 0,
                                           diagnostics: diagnostics, outputs: written.map(\.path))
            let record = contentHash.flatMap { hash in
                complete ? BatchManifest.FileRecord(input: input.path, contentHash: hash, mappingHash: mappingHash,
                                                    optionsHash: optionsHash, outputs: written, summary: summary) : nil
            }
            return FileOutcome(summary: summary, record: record)
        }

        let fingerprint: BatchFile.Fingerprint
        switch BatchFile.fingerprint(input.path, stop: stopRequested) {
        case .success(let value): fingerprint = value
        case .failure(let reason):
            if stopRequested() { return FileOutcome(summary: .interrupted(input), record: nil, keepOldRecord: true) }
            return failed(Diagnostic(.unreadableInput, "cannot read: \(reason)", file: input.path), contentHash: nil, mappingHash: "")
        }
        var failure = Self.contentFailure(fingerprint, path: input.path)
        var mapping: Mapping?
        var mappingHash = "none"
        var contentHash = fingerprint.hash
        // An Archi CSV set (its elements.csv stands for it) is read by the Archi reader.
        let archiSet = failure == nil && (settings.mapping == MappingResolver.auto || settings.mapping == ArchiInput.mappingName)
            && ArchiInput.isSetInput(input.path)
        if archiSet {
            mappingHash = "archi"
            contentHash = SHA256.hexDigest(of: ArchiInput.contents(ofSetAt: input.path))
        } else if failure == nil {
            (mapping, mappingHash, failure) = self.mapping(for: input.path)
        }
        if !settings.force, let record = manifest.unchangedRecord(for: input, contentHash: contentHash, mappingHash: mappingHash, optionsHash: optionsHash),
           outputsIntact(record.outputs) {
            return FileOutcome(summary: record.summary, record: record, unchanged: true)
        }
        if let failure { return failed(failure, contentHash: contentHash, mappingHash: mappingHash) }

        let result: ConversionResult
        let mappingName: String
        if archiSet {
            mappingName = ArchiInput.mappingName
            do {
                result = try ArchiInput.convert([input.path], settings: conversionSettings)
            } catch {
                return failed(Diagnostic(.unreadableInput, "\(error)", file: input.path), contentHash: nil, mappingHash: mappingHash)
            }
        } else {
            guard let mapping else { return failed(Diagnostic(.noMappingFits, "no mapping", file: input.path), contentHash: nil, mappingHash: "") }
            mappingName = mapping.name
            switch convert(input.path, with: mapping) {
            case .success(let converted): result = converted
            case .failure(let failure):
                if stopRequested() { return FileOutcome(summary: .interrupted(input, mapping: mapping.name), record: nil, keepOldRecord: true) }
                return failed(failure.diagnostic, contentHash: nil, mappingHash: mappingHash)
            }
        }

        // From here the file is finished even when a stop is asked for: writing takes no time.
        let read = result.inputs.first
        let processes = result.model.processes.count
        var produced: [(path: String, bytes: [UInt8])] = []
        if read != nil && !(processes == 0 && result.errorCount > 0) {
            for format in settings.formats {
                if let path = file.outputs[format] { produced += render(format, at: path, result.model, diagnostics: result.diagnostics) }
            }
        }
        produced.append((file.report, DiagnosticReportRenderer(format: .json).render(result.diagnostics)))
        if !result.rejectedRecords.isEmpty, let read, let header = read.header {
            produced.append((file.rejects, RejectsRenderer().render(header: header.cells, records: result.rejectedRecords, dialect: read.dialect)))
        }
        var diagnostics = result.diagnostics
        let (written, complete) = write(produced, replacing: old?.outputs ?? [], file: input.path, diagnostics: &diagnostics)
        let summary = BatchFileSummary(input: input, mapping: mappingName, read: read, processes: processes,
                                       rejectedRows: result.rejectedRecords.count, diagnostics: diagnostics, outputs: written.map(\.path))
        let record = complete ? BatchManifest.FileRecord(input: input.path, contentHash: contentHash, mappingHash: mappingHash,
                                                         optionsHash: optionsHash, outputs: written, summary: summary) : nil
        return FileOutcome(summary: summary, record: record)
    }

    // MARK: All files into one model

    /// One input, looked at before the merge.
    struct Prepared: Sendable {
        var plan: BatchFilePlan
        var contentHash: String?
        var mapping: Mapping?
        var mappingHash: String
        var failure: Diagnostic?
    }

    /// The inputs of one mapping, read into one run.
    struct Group: Sendable {
        var mapping: Mapping
        var files: [Prepared]
    }

    /// What reading a group gave: the result, and the inputs that could not be read.
    struct GroupResult: Sendable {
        var result: ConversionResult
        var unreadable: [String: Diagnostic]
    }

    private func runMerged(_ plan: BatchPlan, sizes: [String: Int]) -> (BatchSummary, BatchManifest, Set<String>) {
        func interruptedSummary(_ prepared: [Prepared?]) -> BatchSummary {
            let files = zip(plan.files, prepared).map { file, prepared -> BatchFileSummary in
                if let prepared, let failure = prepared.failure {
                    return BatchFileSummary(input: file.input, mapping: nil, read: nil, processes: 0, rejectedRows: 0, diagnostics: [failure], outputs: [])
                }
                return .interrupted(file.input, mapping: prepared?.mapping?.name)
            }
            return BatchSummary(tool: settings.tool, mapping: settings.mapping, formats: settings.formats, merge: true, interrupted: true, files: files)
        }

        // 1. Fingerprints and mappings, in parallel.
        let prepared = BatchPool.run(plan.files, jobs: settings.jobs, stop: stopRequested, tick: tick) { [self] file in prepare(file) }
        if stopRequested() || prepared.contains(where: { $0 == nil }) { return (interruptedSummary(prepared), manifest, []) }
        let ready = prepared.map { $0! }

        // 2. Nothing changed: nothing to do.
        let key = BatchManifest.mergeKey(ready.map { ($0.plan.input, $0.contentHash ?? "unreadable", $0.mappingHash) }, optionsHash: optionsHash)
        if !settings.force, let record = manifest.merged, record.key == key, outputsIntact(record.outputs) {
            for file in record.files { progress.finished(file, bytes: sizes[file.relativePath] ?? 0, unchanged: true) }
            let summary = BatchSummary(tool: settings.tool, mapping: settings.mapping, formats: settings.formats, merge: true,
                                       interrupted: false, files: record.files, merged: record.merged)
            return (summary, manifest, Set(record.files.map(\.relativePath)))
        }

        // 3. One run per mapping, the runs in parallel.
        for file in ready {
            if let failure = file.failure {
                progress.finished(BatchFileSummary(input: file.plan.input, mapping: nil, read: nil, processes: 0, rejectedRows: 0,
                                                   diagnostics: [failure], outputs: []),
                                  bytes: sizes[file.plan.input.relativePath] ?? 0, unchanged: false)
            }
        }
        var groups: [Group] = []
        var groupOf: [String: Int] = [:]
        for file in ready where file.failure == nil {
            guard let mapping = file.mapping else { continue }
            let key = mapping.name + "\u{0}" + file.mappingHash
            if let index = groupOf[key] {
                groups[index].files.append(file)
            } else {
                groupOf[key] = groups.count
                groups.append(Group(mapping: mapping, files: [file]))
            }
        }
        let groupResults = BatchPool.run(groups, jobs: settings.jobs, stop: stopRequested, tick: tick) { [self] group in
            readGroup(group, sizes: sizes)
        }
        if stopRequested() || groupResults.contains(where: { $0 == nil || $0! == nil }) { return (interruptedSummary(prepared), manifest, []) }
        let results = groupResults.map { $0!! }

        // 4. The merged model and the checks across files.
        let parts = zip(groups, results).map { group, result in
            BatchMerger.Part(result: result.result, idsGiven: !(group.mapping.fields[.id]?.columns.isEmpty ?? true))
        }
        let (model, crossFile) = BatchMerger(policy: DiagnosticPolicy(strict: settings.strict, ignored: settings.ignoredWarnings)).merge(parts)
        let order = Dictionary(plan.files.enumerated().map { ($0.element.input.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let allDiagnostics = Diagnostic.sortedByLocation(results.flatMap(\.result.diagnostics) + crossFile, fileOrder: order)

        // 5. Per file: its report and rejects, and its line of the summary.
        var produced: [(path: String, bytes: [UInt8])] = []
        var perFile: [(prepared: Prepared, mapping: String?, read: InputSummary?, processes: Int, rejected: Int, diagnostics: [Diagnostic], paths: [String])] = []
        let processCounts = Dictionary(grouping: model.processes, by: { $0.source?.file ?? "" }).mapValues(\.count)
        for file in ready {
            let path = file.plan.input.path
            var diagnostics: [Diagnostic] = []
            var read: InputSummary?
            var rejected = 0
            var paths: [String] = []
            if let failure = file.failure {
                diagnostics = [failure]
            } else if let groupIndex = file.mapping.flatMap({ groupOf[$0.name + "\u{0}" + file.mappingHash] }) {
                let result = results[groupIndex]
                if let unreadable = result.unreadable[path] {
                    diagnostics = [unreadable]
                } else {
                    let inputs = Set(groups[groupIndex].files.map(\.plan.input.path))
                    diagnostics = Self.diagnostics(of: path, in: result.result.diagnostics + crossFile, inputs: inputs)
                    read = result.result.inputs.first { $0.file == path }
                    let records = zip(result.result.rejectedFiles, result.result.rejectedRecords).filter { $0.0 == path }.map(\.1)
                    rejected = records.count
                    if let read, let header = read.header, !records.isEmpty {
                        produced.append((file.plan.rejects, RejectsRenderer().render(header: header.cells, records: records, dialect: read.dialect)))
                        paths.append(file.plan.rejects)
                    }
                }
            }
            if file.plan.conflict == nil {
                produced.append((file.plan.report, DiagnosticReportRenderer(format: .json).render(diagnostics)))
                paths.append(file.plan.report)
            }
            perFile.append((file, file.mapping?.name, read, processCounts[path] ?? 0, rejected, diagnostics, paths))
        }
        for format in settings.formats {
            if let path = plan.merged[format] { produced += render(format, at: path, model, diagnostics: allDiagnostics) }
        }

        // 6. Write.
        var extra: [Diagnostic] = []
        let (written, complete) = write(produced, replacing: manifest.merged?.outputs ?? [], file: settings.out, diagnostics: &extra)
        let writtenPaths = Set(written.map(\.path))
        var files: [BatchFileSummary] = []
        for entry in perFile {
            var diagnostics = entry.diagnostics
            diagnostics += extra.filter { diagnostic in entry.paths.contains { diagnostic.message.contains($0) } }
            let summary = BatchFileSummary(input: entry.prepared.plan.input, mapping: entry.mapping, read: entry.read, processes: entry.processes,
                                           rejectedRows: entry.rejected, diagnostics: diagnostics,
                                           outputs: entry.paths.filter(writtenPaths.contains))
            files.append(summary)
        }
        let mergedSummary = BatchMergedSummary(
            processes: model.processes.count, mappings: groups.map(\.mapping.name),
            crossFileErrors: crossFile.count { $0.severity == .error }, crossFileWarnings: crossFile.count { $0.severity == .warning },
            outputs: plan.merged.flatMap { format, path in format.files(at: path) }.filter(writtenPaths.contains))
        let summary = BatchSummary(tool: settings.tool, mapping: settings.mapping, formats: settings.formats, merge: true,
                                   interrupted: false, files: files, merged: mergedSummary)
        var newManifest = manifest
        newManifest.merged = complete ? BatchManifest.MergedRecord(key: key, outputs: written, files: summary.files, merged: mergedSummary) : nil
        return (summary, newManifest, [])
    }

    /// The diagnostics of `path` among those of a run over `inputs`; a finding filed under the
    /// mapping (a missing column) goes to the input its message names.
    private static func diagnostics(of path: String, in diagnostics: [Diagnostic], inputs: Set<String>) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            if diagnostic.file == path { return true }
            guard !inputs.contains(diagnostic.file) else { return false }
            let named = inputs.filter { diagnostic.message.contains($0) }.max { $0.count < $1.count }
            return named == path || (named == nil && inputs.sorted().first == path)
        }
    }

    /// Fingerprints one input and chooses its mapping (for `--merge`).
    private func prepare(_ file: BatchFilePlan) -> Prepared {
        let input = file.input
        if let conflict = file.conflict {
            return Prepared(plan: file, contentHash: nil, mapping: nil, mappingHash: "none",
                            failure: Diagnostic(.outputConflict, "not converted: \(conflict)", file: input.path,
                                                hint: "rename the input, or convert it in a batch of its own"))
        }
        switch BatchFile.fingerprint(input.path, stop: stopRequested) {
        case .failure(let reason):
            return Prepared(plan: file, contentHash: nil, mapping: nil, mappingHash: "none",
                            failure: Diagnostic(.unreadableInput, "cannot read: \(reason)", file: input.path))
        case .success(let fingerprint):
            if let failure = Self.contentFailure(fingerprint, path: input.path) {
                return Prepared(plan: file, contentHash: fingerprint.hash, mapping: nil, mappingHash: "none", failure: failure)
            }
            let (mapping, hash, failure) = self.mapping(for: input.path)
            return Prepared(plan: file, contentHash: fingerprint.hash, mapping: mapping, mappingHash: hash, failure: failure)
        }
    }

    /// Reads the inputs of one mapping into one run; `nil` when stopped.
    private func readGroup(_ group: Group, sizes: [String: Int]) -> GroupResult? {
        var run = Pipeline(.table(group.mapping), settings: conversionSettings)
        var unreadable: [String: Diagnostic] = [:]
        for file in group.files {
            if stopRequested() { return nil }
            let path = file.plan.input.path
            switch BatchFile.open(path) {
            case .failure(let reason):
                unreadable[path] = Diagnostic(.unreadableInput, "cannot read: \(reason)", file: path)
            case .success(let descriptor):
                defer { close(descriptor) }
                do throws(ByteSourceError) {
                    try run.read(table: StoppableByteSource(base: FileDescriptorByteSource(descriptor: descriptor), stop: stopRequested), file: path)
                } catch {
                    if stopRequested() { return nil }
                    unreadable[path] = Diagnostic(.unreadableInput, "cannot read: \(error.reason)", file: path)
                }
            }
            progress.read(path, mapping: group.mapping.name, bytes: sizes[file.plan.input.relativePath] ?? 0)
        }
        return GroupResult(result: run.finish(), unreadable: unreadable)
    }
}
