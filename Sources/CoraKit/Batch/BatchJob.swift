import CoraCSV
import Foundation
import CoraXLSX

/// `cora batch`: finds the inputs, plans the outputs, converts the inputs on several threads (or
/// merges them into one model), writes the outputs safely, the summary and the manifest, and says
/// how it went.
///
/// Every input goes through the same ``Pipeline`` as one given to `cora convert`; an Archi set is
/// one input, read by the Archi reader, also with `--merge`.
public final class BatchJob: @unchecked Sendable {
    /// What was asked.
    public let settings: BatchSettings
    private let detector: InputDetector
    private var fileSystem: any FileSystem { detector.fileSystem }
    private let observer: any BatchObserver
    private let interruption: @Sendable () -> Bool
    private var folder: BatchOutputFolder!
    private var manifest = BatchManifest()
    /// The files `cora` wrote into the folder before this run (the manifest's), and in this run.
    private var ownedBefore: Set<String> = []
    private let writtenNow = Locked<Set<String>>([])
    private var mappingChoice: MappingChoice!
    private var optionsHash = ""
    private var interruptNoticed = false

    /// A batch reading through `detector`, telling `observer` how it goes; it stops cleanly as soon
    /// as `interruption` says so (Ctrl-C).
    public init(settings: BatchSettings, detector: InputDetector, observer: any BatchObserver,
                interruption: @escaping @Sendable () -> Bool = { false }) {
        self.settings = settings
        self.detector = detector
        self.observer = observer
        self.interruption = interruption
    }

    /// How a batch ended.
    public struct Outcome: Sendable {
        /// The summary (none when the run could not start).
        public var summary: BatchSummary?
        /// The inputs skipped as unchanged, by relative path.
        public var unchanged: Set<String> = []
        /// Why the run could not go on.
        public var failure: RunFailure?
        /// Whether the run was interrupted.
        public var interrupted = false

        /// The exit status: 0 when no input has errors, 1 when one has (or failed), 2 when the run
        /// could not go on, 130 when interrupted.
        public var status: Int32 {
            if failure != nil { return 2 }
            if interrupted { return 130 }
            return summary?.hasErrors == true ? 1 : 0
        }
    }

    /// The mapping(s) to use.
    private enum MappingChoice: Sendable {
        /// One mapping for every file, with the hash of its YAML.
        case named(Mapping, hash: String)
        /// The best fit per file among the candidates; the hash of each one's YAML by name, and
        /// the hash of them all (the "mapping" of a file that none fits).
        case auto([Mapping], hashes: [String: String], noneHash: String)
        /// Archi sets only (`--mapping archi`).
        case archi
    }

    /// How one input is read.
    private enum Reading: Sendable {
        /// A table through the mapping; of a workbook, the sheet (`nil`: the first).
        case table(Mapping, sheet: String? = nil)
        case archiSet

        var mappingName: String {
            switch self {
            case .table(let mapping, _): return mapping.name
            case .archiSet: return MappingLibrary.archi
            }
        }

        /// Whether the inputs give the ids (an id column, or Archi's own ids) rather than the mapping deriving them.
        var idsGiven: Bool {
            switch self {
            case .table(let mapping, _): return !(mapping.fields[.id]?.columns.isEmpty ?? true)
            case .archiSet: return true
            }
        }
    }

    /// What became of one input.
    private struct FileOutcome: Sendable {
        var summary: BatchFileSummary
        /// The manifest record to keep (`nil`: none).
        var record: BatchManifest.FileRecord?
        /// Whether the manifest's record stays as it was (interrupted, or not this input's).
        var keepOldRecord = false
        /// Whether the input was skipped as unchanged.
        var unchanged = false
    }

    /// Runs the batch.
    public func run() -> Outcome {
        do {
            return try runChecked()
        } catch {
            observer.end()
            return Outcome(failure: error)
        }
    }

    private func runChecked() throws(RunFailure) -> Outcome {
        folder = try BatchOutputFolder(creating: settings.out, in: fileSystem)
        let readsArchiSets = settings.mapping == MappingLibrary.auto || settings.mapping == MappingLibrary.archi
        let scan = try BatchInputScanner(fileSystem: fileSystem, outputFolder: folder.realPath, readsArchiSets: readsArchiSets)
            .scan(settings.inputs)
        for message in scan.messages { observer.tell(message) }
        guard !scan.inputs.isEmpty else {
            throw RunFailure(.noInputs, "no inputs: the arguments name no files (folders are searched for \(BatchPath.inputExtensions.map { "*." + $0 }.joined(separator: ", ")))")
        }
        if settings.options.diagrams == nil, let format = settings.formats.first(where: \.drawsWithGraphviz) {
            try format.check(ProcessModel(), options: settings.options)
        }
        let plan = BatchPlan(inputs: scan.inputs.map(\.input), formats: settings.formats, merge: settings.merge)
        for file in plan.files {
            if let note = Self.note(file) { observer.tell(.note(Note(file: file.input.path, message: note))) }
        }
        try checkNoOutputOverwritesAnInput(plan)
        mappingChoice = try chooseMappings()
        optionsHash = settings.optionsHash
        let swept = folder.sweepTemporaryFiles()
        if swept > 0 {
            observer.tell(.note(Note(file: settings.out, message: "removed \(BatchText.count(swept, "temporary file")) left by an interrupted run")))
        }
        let manifestBytes = folder.read(BatchPlan.manifest)
        manifest = manifestBytes.flatMap(BatchManifest.parse) ?? BatchManifest()
        // The batch's own files are its own only in a folder it wrote before (one with a manifest).
        if manifestBytes == nil, !settings.force,
           let other = [BatchPlan.summaryJSON, BatchPlan.summaryMarkdown].first(where: { folder.holdsOther($0, than: nil) }) {
            throw RunFailure(.outputConflict, "\(BatchPath.join(settings.out, other)) is there and cora did not write it (the folder has no \(BatchPlan.manifest)); nothing was converted",
                             file: settings.out, hint: "move it away, choose another --out, or pass --force to replace it")
        }
        ownedBefore = manifest.ownedPaths.union(manifestBytes == nil ? [] : plan.ownPaths)
        // A run killed before it wrote its manifest left its list of outputs it might create.
        if let bytes = folder.read(BatchPlan.pending), let paths = try? JSONDecoder().decode([String].self, from: Data(bytes)) {
            ownedBefore.formUnion(paths)
        }
        // Before anything is written: the outputs this run may create (those not there yet).
        let mayCreate = plan.allPaths.filter { folder.size(of: $0) == nil && !folder.holdsOther($0, than: nil) && !ownedBefore.contains($0) }
        if !mayCreate.isEmpty {
            let list = Array(ownedBefore.union(mayCreate).sorted())
            do throws(BatchOutputFolder.WriteError) {
                try folder.write((try? JSONEncoder().encode(list)).map(Array.init) ?? [], to: BatchPlan.pending, force: true)
            } catch {
                throw error.failure
            }
        }
        let sizes = Dictionary(scan.inputs.map { ($0.input.relativePath, $0.size) }, uniquingKeysWith: { first, _ in first })
        observer.start(total: plan.files.count, totalBytes: scan.inputs.reduce(0) { $0 + $1.size })

        var (summary, newManifest, unchanged) = settings.merge ? runMerged(plan, sizes: sizes) : runPerFile(plan, sizes: sizes)
        // Every file written, and every one written before that is still there, stays known as cora's.
        let recorded = newManifest.ownedPaths
        let others = ownedBefore.union(writtenNow.withLock { $0 }).subtracting(recorded).subtracting(plan.ownPaths)
            .filter { folder.size(of: $0) != nil }.sorted()
        newManifest.written = others.isEmpty ? nil : others
        observer.end()
        summary.interrupted = interruption()

        // The summaries and the manifest: rewritten only when they changed (or with --force).
        var writeFailure: RunFailure?
        for (path, bytes) in [(BatchPlan.summaryJSON, summary.json()), (BatchPlan.summaryMarkdown, Array(summary.markdown().utf8)),
                              (BatchPlan.manifest, newManifest.render())] {
            do throws(BatchOutputFolder.WriteError) {
                try folder.write(bytes, to: path, force: settings.force)
            } catch {
                writeFailure = writeFailure ?? error.failure
            }
        }
        if writeFailure == nil { folder.remove(BatchPlan.pending) }
        return Outcome(summary: summary, unchanged: unchanged, failure: writeFailure,
                       interrupted: interruption())
    }

    /// Where the summaries are, for the user: `out/summary.json, out/summary.md`.
    public var summaryPaths: String {
        "\(BatchPath.join(settings.out, BatchPlan.summaryJSON)), \(BatchPath.join(settings.out, BatchPlan.summaryMarkdown))"
    }

    // MARK: Checks before anything is written

    /// Refuses a run in which an output path is an input (`--out` on top of the inputs).
    private func checkNoOutputOverwritesAnInput(_ plan: BatchPlan) throws(RunFailure) {
        var inputs: [String: String] = [:]
        for file in plan.files {
            if let real = fileSystem.realPath(file.input.path) { inputs[real] = file.input.path }
        }
        for path in plan.allPaths {
            let target = folder.resolvedTarget(of: path)
            if let input = inputs[target] ?? fileSystem.realPath(target).flatMap({ inputs[$0] }) {
                throw RunFailure(.outputOverInput,
                                 "the output \(BatchPath.join(settings.out, path)) would overwrite this input; choose an --out folder apart from the inputs",
                                 file: input)
            }
        }
    }

    /// Resolves `--mapping`: one mapping, or the candidates of `auto`.
    private func chooseMappings() throws(RunFailure) -> MappingChoice {
        if settings.mapping == MappingLibrary.archi { return .archi }
        if settings.mapping == MappingLibrary.auto {
            var messages: [RunMessage] = []
            let candidates = detector.library.autoCandidates(messages: &messages)
            for message in messages { observer.tell(message) }
            guard !candidates.isEmpty else { throw RunFailure(.noMappingFits, "--mapping auto: no mappings to choose from") }
            var hashes: [String: String] = [:]
            for candidate in candidates { hashes[candidate.mapping.name] = SHA256.hexDigest(of: candidate.entry.yaml) }
            let noneHash = "none:" + SHA256.hexDigest(of: hashes.keys.sorted().map { "\($0)=\(hashes[$0]!)" }.joined(separator: "\n"))
            return .auto(candidates.map(\.mapping), hashes: hashes, noneHash: noneHash)
        }
        let entry = try detector.library.entry(settings.mapping)
        if let note = detector.library.shadowingNote(entry) { observer.tell(.note(note)) }
        switch entry.mapping {
        case .success(let mapping): return .named(mapping, hash: SHA256.hexDigest(of: entry.yaml))
        case .failure(let error): throw RunFailure(error.diagnostics)
        }
    }

    /// How the input at `path` is read, and the hash that stands for its mapping in the manifest;
    /// or the diagnostic saying that no mapping fits. An Archi set is read by the Archi reader
    /// (with `--mapping auto` or `archi`).
    private func reading(of path: String) -> (reading: Reading?, hash: String, failure: Diagnostic?) {
        // The same rule as `cora convert --mapping auto`: an Archi set by its name and header.
        if settings.mapping == MappingLibrary.auto || settings.mapping == MappingLibrary.archi, detector.archiReason(path) != nil {
            return (.archiSet, MappingLibrary.archi, nil)
        }
        switch mappingChoice! {
        case .archi:
            return (nil, MappingLibrary.archi, Diagnostic(
                .noMappingFits, "not a file of an Archi CSV set (no Archi header)", file: path,
                hint: "--mapping archi reads Archi's CSV export (elements.csv, relations.csv, properties.csv); use --mapping auto for spreadsheets"))
        case .named(let mapping, let mappingHash):
            // A workbook: the sheet named, else the pipeline takes the first the mapping fits.
            return (.table(mapping, sheet: settings.conversion.sheet), mappingHash, nil)
        case .auto(let candidates, let hashes, let noneHash) where WorkbookInput.isWorkbook(path, in: fileSystem):
            // A workbook: the sheet named, or the one a mapping fits (as `cora convert` chooses).
            switch detector.workbookChoice(path, sheet: settings.conversion.sheet, skipRows: settings.conversion.skipRows, candidates: candidates) {
            case .fits(let mapping, let sheet, _):
                return (.table(mapping, sheet: sheet.name), hashes[mapping.name] ?? noneHash, nil)
            case .unreadable(let error):
                return (nil, noneHash, WorkbookInput.diagnostic(error, file: path))
            case .failure(let failure):
                return (nil, noneHash, failure.diagnostics.first ?? Diagnostic(.noMappingFits, "no mapping fits", file: path))
            }
        case .auto(let candidates, let hashes, let noneHash):
            let selection = detector.library.select(for: path, standardInput: nil, candidates: candidates,
                                                    readOptions: settings.conversion.readOptions, skipRows: settings.conversion.skipRows)
            guard let mapping = selection.mapping else {
                let best = selection.scores.first.map { " (best: \($0.summary))" } ?? ""
                return (nil, noneHash, Diagnostic(
                    .noMappingFits, "no mapping fits its header\(best)", file: path,
                    hint: "every candidate: \(selection.fullReason); draft a mapping with `cora mapping init \(path) -o Mappings/NAME.yaml`, or name one with --mapping"))
            }
            return (.table(mapping), hashes[mapping.name] ?? noneHash, nil)
        }
    }

    /// The content hash of an input: of its bytes, or of every file of its Archi set.
    private func contentHash(of path: String, reading: Reading?, fingerprint: InputFingerprint) -> String {
        guard case .archiSet = reading else { return fingerprint.hash }
        return SHA256.hexDigest(of: detector.contents(ofArchiSetAt: path))
    }

    // MARK: Working

    private var stopRequested: @Sendable () -> Bool {
        { [interruption] in interruption() }
    }

    private func tick() {
        if interruption() && !interruptNoticed {
            interruptNoticed = true
            observer.tell(.note(Note(file: "", message: "interrupted: finishing the files being written, abandoning those being read; Ctrl-C again, or 10 seconds, stops at once")))
        }
        observer.tick()
    }

    /// Whether every output of a record is still there with its size.
    private func outputsIntact(_ outputs: [BatchManifest.OutputRecord]) -> Bool {
        outputs.allSatisfy { folder.size(of: $0.path) == $0.size }
    }

    /// Writes `produced`, then the report that `report` renders with the findings of that writing,
    /// removes what an earlier run wrote for the same input and no longer applies, and returns what
    /// was written and, by output, why each output that was not written is missing: `unsafe-output`
    /// (it would escape the folder), `unwritable-output` (a folder in its place, no space, no
    /// permission) or `output-conflict` (a file `cora` did not write is there). A failed output
    /// fails its input, never the whole run. With `allOrNothing`, nothing is written for the input
    /// when one of its outputs would replace a file `cora` did not write (without `--force`).
    private func write(_ produced: [(path: String, bytes: [UInt8])], report: (path: String, render: ([Diagnostic]) -> [UInt8])? = nil,
                       replacing old: [BatchManifest.OutputRecord], input: String, allOrNothing: Bool = false)
        -> (written: [BatchManifest.OutputRecord], complete: Bool, failures: [String: Diagnostic]) {
        func owned(_ path: String) -> Bool { ownedBefore.contains(path) || writtenNow.withLock { $0.contains(path) } }
        func foreign(_ path: String) -> Diagnostic {
            var diagnostic = Diagnostic(.outputConflict, "\(BatchPath.join(settings.out, path)) is there and cora did not write it (it is not in the folder's manifest); "
                                            + "not replaced: move it away, or pass --force", file: input)
            diagnostic.input = input
            return diagnostic
        }
        if allOrNothing && !settings.force {
            var failures: [String: Diagnostic] = [:]
            for (path, bytes) in produced where !owned(path) && folder.holdsOther(path, than: bytes) { failures[path] = foreign(path) }
            if let report, !owned(report.path), folder.holdsOther(report.path, than: nil) { failures[report.path] = foreign(report.path) }
            if !failures.isEmpty { return ([], false, failures) }
        }
        var written: [BatchManifest.OutputRecord] = []
        var complete = true
        var failures: [String: Diagnostic] = [:]
        func writeOne(_ path: String, _ bytes: [UInt8]) {
            do throws(BatchOutputFolder.WriteError) {
                try folder.write(bytes, to: path, force: settings.force, owned: owned(path))
                writtenNow.withLock { _ = $0.insert(path) }
                written.append(BatchManifest.OutputRecord(path: path, size: bytes.count))
            } catch {
                var diagnostic: Diagnostic
                switch error {
                case .escapes(let output, let reason):
                    diagnostic = Diagnostic(.unsafeOutput, "\(output): \(reason)", file: input)
                case .failed(let output, let reason):
                    diagnostic = Diagnostic(.unwritableOutput, "\(output): \(reason)", file: input)
                case .notOwned:
                    diagnostic = foreign(path)
                }
                diagnostic.input = input
                failures[path] = diagnostic
                complete = false
            }
        }
        for (path, bytes) in produced { writeOne(path, bytes) }
        if let report { writeOne(report.path, report.render(produced.compactMap { failures[$0.path] })) }
        let kept = Set(produced.map(\.path) + (report.map { [$0.path] } ?? []))
        for output in old where !kept.contains(output.path) { folder.remove(output.path) }
        return (written, complete, failures)
    }

    /// The files of one model output at `path` (several for a format that writes a folder); a
    /// diagram of one input is titled with the input's name, the merged model's with none.
    private func render(_ format: any OutputFormat, at path: String, _ result: ConversionResult,
                        merged: Bool = false) throws(RunFailure) -> [(path: String, bytes: [UInt8])] {
        var collected = CollectedOutput()
        var options = settings.options
        if options.sourceName == nil && !merged { options.sourceName = OutputOptions.sourceName(of: path) }
        do {
            try format.write(result, options: options, to: &collected)
        } catch let failure as RunFailure {
            throw failure
        } catch let error as WorkbookError {
            throw RunFailure(.unwritableOutput, "cannot write \(format.name): \(error.reason)", file: path)
        } catch {
            throw RunFailure(.internalError, "cannot render \(format.name): \(error)", file: path)
        }
        return collected.files.map { file in (file.name.map { BatchPath.join(path, $0) } ?? path, file.bytes) }
    }

    /// Reads and converts the input at `path` (stopping when asked to).
    private func convert(_ path: String, as reading: Reading) -> Result<ConversionResult, RunFailure> {
        switch reading {
        case .archiSet:
            do {
                let job = ConversionJob(inputs: [path], mapping: MappingLibrary.archi, settings: settings.conversion)
                return .success(try job.run(detector: detector, tell: { _ in }))
            } catch {
                return .failure(error)
            }
        case .table(let mapping, let sheet) where WorkbookInput.isWorkbook(path, in: fileSystem):
            do throws(RunFailure) {
                let limits = settings.conversion.workbookLimits
                var pipeline = Pipeline(.table(mapping), settings: settings.conversion)
                pipeline.read(workbook: try WorkbookInput.bytes(of: path, in: fileSystem, limits: limits), file: path, sheet: sheet, limits: limits)
                return .success(pipeline.finish())
            } catch {
                return .failure(error)
            }
        case .table(let mapping, _):
            let file: any OpenedFile
            do {
                file = try fileSystem.open(path)
            } catch {
                return .failure(RunFailure(.unreadableInput, "cannot read: \(error.reason)", file: path))
            }
            defer { file.close() }
            do throws(ByteSourceError) {
                let source = Self.stoppable(file, stop: stopRequested)
                return .success(try Pipeline.convert(source, file: path, mapping: mapping, settings: settings.conversion))
            } catch {
                return .failure(RunFailure(.unreadableInput, "cannot read: \(error.reason)", file: path))
            }
        }
    }

    /// What was read of one input: its file, or for an Archi set its files together (rows summed,
    /// the dialect and header of the elements file).
    private static func summary(of inputs: [InputSummary]) -> InputSummary? {
        guard var first = inputs.first else { return nil }
        first.rowsRead = inputs.reduce(0) { $0 + $1.rowsRead }
        first.linesRead = inputs.reduce(0) { $0 + $1.linesRead }
        first.stoppedEarly = inputs.contains(where: \.stoppedEarly)
        first.unread = inputs.count == 1 ? first.unread : nil
        return first
    }

    /// Whether the run writes `excel-csv`: the rejects are then protected for a spreadsheet too.
    private var writesExcelCSV: Bool { settings.formats.contains { $0 is ExcelCSVFormat } }

    /// `file`, read until `stop` says so.
    private static func stoppable(_ file: some OpenedFile, stop: @escaping @Sendable () -> Bool) -> any ByteSource {
        StoppableByteSource(base: file, stop: stop)
    }

    /// What the first bytes say, as a diagnostic when the input cannot be converted.
    private static func contentFailure(_ fingerprint: InputFingerprint, path: String) -> Diagnostic? {
        // A workbook (or what starts like one) is read by the workbook reader, which says what it is.
        if WorkbookInput.isWorkbook(prefix: fingerprint.prefix) { return nil }
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
        let outcomes = WorkerPool.run(plan.files, jobs: settings.jobs, stop: stopRequested, tick: tick) { [self] file in
            let outcome = process(file)
            if outcome.summary.status != .interrupted {
                observer.finished(outcome.summary, bytes: sizes[file.input.relativePath] ?? 0, unchanged: outcome.unchanged)
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
            var summary = outcome.summary
            summary.note = Self.note(file)
            files.append(summary)
            if outcome.unchanged { unchanged.insert(file.input.relativePath) }
            if !outcome.keepOldRecord { newManifest.files[file.input.relativePath] = outcome.record }
        }
        let summary = BatchSummary(tool: settings.tool, mapping: settings.mapping, formats: settings.formats.map(\.name), merge: false,
                                   interrupted: false, files: files)
        return (summary, newManifest, unchanged)
    }

    /// What to know about the outputs of `file`: that their name was shortened.
    static func note(_ file: BatchFilePlan) -> String? {
        file.shortenedStem.map { "its outputs are named \(BatchPath.lastComponent($0)).*: the input's name with their extensions would be longer than 255 bytes" }
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
            let (written, complete, failures) = write([(file.report, report)], replacing: old?.outputs ?? [], input: input.path, allOrNothing: true)
            diagnostics += failures.values
            let summary = BatchFileSummary(input: input, mapping: nil, read: nil, processes: 0, rejectedRows: 0,
                                           diagnostics: diagnostics, outputs: written.map(\.path))
            let record = contentHash.flatMap { hash in
                complete ? BatchManifest.FileRecord(input: input.path, contentHash: hash, mappingHash: mappingHash,
                                                    optionsHash: optionsHash, outputs: written, summary: summary) : nil
            }
            return FileOutcome(summary: summary, record: record)
        }

        let fingerprint: InputFingerprint
        switch InputFingerprint.of(input.path, in: fileSystem, stop: stopRequested) {
        case .success(let value): fingerprint = value
        case .failure(let error):
            if stopRequested() { return FileOutcome(summary: .interrupted(input), record: nil, keepOldRecord: true) }
            return failed(Diagnostic(.unreadableInput, "cannot read: \(error.reason)", file: input.path), contentHash: nil, mappingHash: "")
        }
        var failure = Self.contentFailure(fingerprint, path: input.path)
        var reading: Reading?
        var mappingHash = "none"
        if failure == nil { (reading, mappingHash, failure) = self.reading(of: input.path) }
        let contentHash = contentHash(of: input.path, reading: reading, fingerprint: fingerprint)
        if !settings.force,
           let record = manifest.unchangedRecord(for: input, contentHash: contentHash, mappingHash: mappingHash, optionsHash: optionsHash),
           outputsIntact(record.outputs) {
            return FileOutcome(summary: record.summary, record: record, unchanged: true)
        }
        if let failure { return failed(failure, contentHash: contentHash, mappingHash: mappingHash) }
        guard let reading else { return failed(Diagnostic(.noMappingFits, "no mapping", file: input.path), contentHash: nil, mappingHash: "") }

        let result: ConversionResult
        switch convert(input.path, as: reading) {
        case .success(let converted): result = converted
        case .failure(let failure):
            if stopRequested() {
                return FileOutcome(summary: .interrupted(input, mapping: reading.mappingName), record: nil, keepOldRecord: true)
            }
            return failed(failure.diagnostics.first ?? Diagnostic(.unreadableInput, "cannot read", file: input.path),
                          contentHash: nil, mappingHash: mappingHash)
        }

        // From here the file is finished even when a stop is asked for: writing takes no time.
        let read = Self.summary(of: result.inputs)
        let processes = result.model.processes.count
        var produced: [(path: String, bytes: [UInt8])] = []
        var diagnostics = result.diagnostics
        var renderFailed = false
        if read != nil && !(processes == 0 && result.errorCount > 0) {
            for format in settings.formats {
                guard let path = file.outputs[format.name] else { continue }
                do {
                    produced += try render(format, at: path, result)
                } catch {
                    // Not recorded as done: the next run tries again.
                    renderFailed = true
                    diagnostics += error.diagnostics.map { var diagnostic = $0; diagnostic.file = input.path; return diagnostic }
                }
            }
        }
        if let read, !result.rejectedRecords.isEmpty || read.unread != nil, read.header != nil || read.unread != nil {
            let renderer = RejectsRenderer(forSpreadsheets: writesExcelCSV || read.readAsExcelCSV, keepsCodesAsText: read.readAsExcelCSV)
            produced.append((file.rejects, renderer.render(header: read.header?.cells, records: result.rejectedRecords,
                                                           dialect: read.dialect, unread: read.unread)))
        }
        // The report last, with what writing the other outputs found.
        let found = diagnostics
        let (written, complete, failures) = write(
            produced, report: (file.report, { DiagnosticReportRenderer(format: .json).render(found + $0) }),
            replacing: old?.outputs ?? [], input: input.path, allOrNothing: true)
        diagnostics += (produced.map(\.path) + [file.report]).compactMap { failures[$0] }
        let summary = BatchFileSummary(input: input, mapping: reading.mappingName, read: read, processes: processes,
                                       rejectedRows: result.rejectedRows, diagnostics: diagnostics, outputs: written.map(\.path))
        let record = complete && !renderFailed
            ? BatchManifest.FileRecord(input: input.path, contentHash: contentHash, mappingHash: mappingHash,
                                       optionsHash: optionsHash, outputs: written, summary: summary) : nil
        return FileOutcome(summary: summary, record: record)
    }

    // MARK: All files into one model

    /// One input, looked at before the merge.
    private struct Prepared: Sendable {
        var plan: BatchFilePlan
        var contentHash: String?
        var reading: Reading?
        var mappingHash: String
        var failure: Diagnostic?
    }

    /// The inputs read the same way (one mapping, or Archi sets), read into one run.
    private struct Group: Sendable {
        var reading: Reading
        var files: [Prepared]
    }

    /// What reading a group gave: the result, and the inputs that could not be read.
    private struct GroupResult: Sendable {
        var result: ConversionResult
        var unreadable: [String: Diagnostic]
    }

    private func runMerged(_ plan: BatchPlan, sizes: [String: Int]) -> (BatchSummary, BatchManifest, Set<String>) {
        let formatNames = settings.formats.map(\.name)
        func interruptedSummary(_ prepared: [Prepared?]) -> BatchSummary {
            let files = zip(plan.files, prepared).map { file, prepared -> BatchFileSummary in
                if let prepared, let failure = prepared.failure {
                    return BatchFileSummary(input: file.input, mapping: nil, read: nil, processes: 0, rejectedRows: 0, diagnostics: [failure], outputs: [])
                }
                return .interrupted(file.input, mapping: prepared?.reading?.mappingName)
            }
            return BatchSummary(tool: settings.tool, mapping: settings.mapping, formats: formatNames, merge: true, interrupted: true, files: files)
        }

        // 1. Fingerprints and mappings, in parallel.
        let prepared = WorkerPool.run(plan.files, jobs: settings.jobs, stop: stopRequested, tick: tick) { [self] file in prepare(file) }
        if stopRequested() || prepared.contains(where: { $0 == nil }) { return (interruptedSummary(prepared), manifest, []) }
        let ready = prepared.map { $0! }

        // 2. Nothing changed: nothing to do.
        let key = BatchManifest.mergeKey(ready.map { ($0.plan.input, $0.contentHash ?? "unreadable", $0.mappingHash) }, optionsHash: optionsHash)
        if !settings.force, let record = manifest.merged, record.key == key, outputsIntact(record.outputs) {
            for file in record.files { observer.finished(file, bytes: sizes[file.relativePath] ?? 0, unchanged: true) }
            let summary = BatchSummary(tool: settings.tool, mapping: settings.mapping, formats: formatNames, merge: true,
                                       interrupted: false, files: record.files, merged: record.merged)
            return (summary, manifest, Set(record.files.map(\.relativePath)))
        }

        // 3. One run per mapping, the runs in parallel.
        for file in ready {
            if let failure = file.failure {
                observer.finished(BatchFileSummary(input: file.plan.input, mapping: nil, read: nil, processes: 0, rejectedRows: 0,
                                                   diagnostics: [failure], outputs: []),
                                  bytes: sizes[file.plan.input.relativePath] ?? 0, unchanged: false)
            }
        }
        var groups: [Group] = []
        var groupOf: [String: Int] = [:]
        for file in ready where file.failure == nil {
            guard let reading = file.reading else { continue }
            let key = reading.mappingName + "\u{0}" + file.mappingHash
            if let index = groupOf[key] {
                groups[index].files.append(file)
            } else {
                groupOf[key] = groups.count
                groups.append(Group(reading: reading, files: [file]))
            }
        }
        let groupResults = WorkerPool.run(groups, jobs: settings.jobs, stop: stopRequested, tick: tick) { [self] group in
            readGroup(group, sizes: sizes)
        }
        if stopRequested() || groupResults.contains(where: { $0 == nil || $0! == nil }) { return (interruptedSummary(prepared), manifest, []) }
        let results = groupResults.map { $0!! }

        // 4. The merged model and the checks across files.
        let parts = zip(groups, results).map { group, result in
            BatchMerger.Part(result: result.result, idsGiven: group.reading.idsGiven)
        }
        let policy = settings.conversion.policy
        let merged = BatchMerger(policy: DiagnosticPolicy(strict: policy.strict, ignored: policy.ignored)).merge(parts)
        let (model, crossFile) = (merged.model, merged.diagnostics)
        let leftOut = Dictionary(grouping: merged.rejected, by: \.file)
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
            var processes = processCounts[path] ?? 0
            var paths: [String] = []
            if let failure = file.failure {
                diagnostics = [failure]
            } else if let groupIndex = file.reading.flatMap({ groupOf[$0.mappingName + "\u{0}" + file.mappingHash] }) {
                let result = results[groupIndex]
                if let unreadable = result.unreadable[path] {
                    diagnostics = [unreadable]
                } else {
                    diagnostics = (result.result.diagnostics + crossFile).filter { ($0.input ?? $0.file) == path || Self.isOfSet(path, $0) }
                    read = Self.summary(of: result.result.inputs.filter { $0.file == path || Self.isOfSet(path, file: $0.file) })
                    if case .archiSet = file.reading {
                        processes = model.processes.count { $0.source.map { Self.isOfSet(path, file: $0.file) } ?? false }
                    }
                    var records = zip(result.result.rejectedFiles, result.result.rejectedRecords).filter { $0.0 == path }.map(\.1)
                    // The rows the merge left out are rejected rows of their input too.
                    if let reading = file.reading, let read {
                        let again = rows(at: leftOut[path] ?? [], of: path, reading: reading, dialect: read.dialect)
                        records += read.readAsExcelCSV ? again.map { $0.unprotectingForSpreadsheets() } : again
                    }
                    rejected = records.count
                    if let read, !records.isEmpty || read.unread != nil, read.header != nil || read.unread != nil {
                        let renderer = RejectsRenderer(forSpreadsheets: writesExcelCSV || read.readAsExcelCSV, keepsCodesAsText: read.readAsExcelCSV)
                        produced.append((file.plan.rejects, renderer.render(header: read.header?.cells, records: records,
                                                                            dialect: read.dialect, unread: read.unread)))
                        paths.append(file.plan.rejects)
                    }
                }
            }
            if file.plan.conflict == nil {
                produced.append((file.plan.report, DiagnosticReportRenderer(format: .json).render(diagnostics)))
                paths.append(file.plan.report)
            }
            perFile.append((file, file.reading?.mappingName, read, processes, rejected, diagnostics, paths))
        }
        var renderFailures: [Diagnostic] = []
        for format in settings.formats {
            guard let path = plan.merged[format.name] else { continue }
            do {
                produced += try render(format, at: path, ConversionResult(model: model, diagnostics: allDiagnostics),
                                       merged: true)
            } catch {
                // Said, counted across files, and not recorded as done: the next run tries again.
                for var diagnostic in error.diagnostics {
                    diagnostic.file = BatchPath.join(settings.out, path)
                    renderFailures.append(diagnostic)
                    observer.tell(.warning(diagnostic))
                }
            }
        }

        // 6. Write.
        let (written, complete, failures) = write(produced, replacing: manifest.merged?.outputs ?? [], input: settings.out)
        let writtenPaths = Set(written.map(\.path))
        let filePaths = Set(perFile.flatMap(\.paths))
        for (path, failure) in failures where !filePaths.contains(path) {
            // A merged output that could not be written: an error of the merge, like a failed render.
            var diagnostic = failure
            diagnostic.file = BatchPath.join(settings.out, path)
            renderFailures.append(diagnostic)
            observer.tell(.warning(diagnostic))
        }
        var files: [BatchFileSummary] = []
        for entry in perFile {
            var diagnostics = entry.diagnostics
            diagnostics += entry.paths.compactMap { failures[$0] }
            var summary = BatchFileSummary(input: entry.prepared.plan.input, mapping: entry.mapping, read: entry.read, processes: entry.processes,
                                           rejectedRows: entry.rejected, diagnostics: diagnostics,
                                           outputs: entry.paths.filter(writtenPaths.contains))
            summary.note = Self.note(entry.prepared.plan)
            files.append(summary)
        }
        let mergedSummary = BatchMergedSummary(
            processes: model.processes.count, mappings: groups.map(\.reading.mappingName),
            crossFileErrors: crossFile.count { $0.severity == .error } + renderFailures.count,
            crossFileWarnings: crossFile.count { $0.severity == .warning },
            outputs: settings.formats.flatMap { format in plan.merged[format.name].map { format.files(at: $0) } ?? [] }.filter(writtenPaths.contains))
        let summary = BatchSummary(tool: settings.tool, mapping: settings.mapping, formats: formatNames, merge: true,
                                   interrupted: false, files: files, merged: mergedSummary)
        var newManifest = manifest
        newManifest.merged = complete && renderFailures.isEmpty ? BatchManifest.MergedRecord(key: key, outputs: written, files: summary.files, merged: mergedSummary) : nil
        return (summary, newManifest, [])
    }

    /// The records at `locations` of the input at `path`, read again (the runs keep the records of
    /// the rows they reject, not of those the merge leaves out).
    private func rows(at locations: [SourceLocation], of path: String, reading: Reading, dialect: CSVDialect) -> [CSVRecord] {
        guard !locations.isEmpty else { return [] }
        let wanted = Set(locations.map(\.record))
        if case .table(let mapping, let sheet) = reading, WorkbookInput.isWorkbook(path, in: fileSystem) {
            return workbookRows(wanted, of: path, sheet: sheet, mapping: mapping)
        }
        guard let file = try? fileSystem.open(path) else { return [] }
        defer { file.close() }
        switch reading {
        case .archiSet:
            var sink = DiagnosticSink()
            var reader = ArchiCSVReader(options: settings.conversion.readOptions)
            guard (try? reader.read(.elements, from: file, file: path, sink: &sink)) != nil else { return [] }
            let records = reader.finish(sink: &sink).records
            return locations.compactMap { records[$0] }
        case .table:
            var options = settings.conversion.readOptions
            options.delimiter = dialect.delimiter
            options.encoding = dialect.encoding
            guard let reader = try? CSVReader(source: file, options: options) else { return [] }
            var found: [CSVRecord] = []
            while found.count < wanted.count, let record = try? reader.next() {
                if wanted.contains(record.number) { found.append(record) }
            }
            return found
        }
    }

    /// The records numbered `wanted` of the sheet of the workbook at `path` that the run read
    /// (`sheet`, else the first `mapping` fits), read again.
    private func workbookRows(_ wanted: Set<Int>, of path: String, sheet: String?, mapping: Mapping) -> [CSVRecord] {
        let limits = settings.conversion.workbookLimits
        guard let bytes = try? WorkbookInput.bytes(of: path, in: fileSystem, limits: limits),
              let workbook = try? Workbook(bytes: bytes, limits: limits),
              let chosen = try? WorkbookInput.sheet(sheet, of: workbook, fitting: mapping,
                                                    skipRows: settings.conversion.skipRows ?? mapping.dialect.skipRows),
              let records = try? WorkbookInput.firstRecords(of: chosen, in: workbook, count: (wanted.max() ?? 0)) else { return [] }
        return records.filter { wanted.contains($0.number) }
    }

    /// Whether `file` is a file of the Archi set whose elements file is `path`.
    private static func isOfSet(_ path: String, file: String) -> Bool {
        guard let set = ArchiFileSet(path: path), set.table == .elements, let other = ArchiFileSet(path: file) else { return false }
        return set.path(of: other.table) == file
    }

    private static func isOfSet(_ path: String, _ diagnostic: Diagnostic) -> Bool {
        isOfSet(path, file: diagnostic.input ?? diagnostic.file)
    }

    /// Fingerprints one input and chooses how it is read (for `--merge`).
    private func prepare(_ file: BatchFilePlan) -> Prepared {
        let input = file.input
        if let conflict = file.conflict {
            return Prepared(plan: file, contentHash: nil, reading: nil, mappingHash: "none",
                            failure: Diagnostic(.outputConflict, "not converted: \(conflict)", file: input.path,
                                                hint: "rename the input, or convert it in a batch of its own"))
        }
        switch InputFingerprint.of(input.path, in: fileSystem, stop: stopRequested) {
        case .failure(let error):
            return Prepared(plan: file, contentHash: nil, reading: nil, mappingHash: "none",
                            failure: Diagnostic(.unreadableInput, "cannot read: \(error.reason)", file: input.path))
        case .success(let fingerprint):
            if let failure = Self.contentFailure(fingerprint, path: input.path) {
                return Prepared(plan: file, contentHash: fingerprint.hash, reading: nil, mappingHash: "none", failure: failure)
            }
            let (reading, hash, failure) = self.reading(of: input.path)
            return Prepared(plan: file, contentHash: contentHash(of: input.path, reading: reading, fingerprint: fingerprint),
                            reading: reading, mappingHash: hash, failure: failure)
        }
    }

    /// Reads the inputs of one group into one run; `nil` when stopped.
    private func readGroup(_ group: Group, sizes: [String: Int]) -> GroupResult? {
        let source: Pipeline.Source
        switch group.reading {
        case .table(let mapping, _): source = .table(mapping)
        case .archiSet: source = .archiSet
        }
        var run = Pipeline(source, settings: settings.conversion)
        var unreadable: [String: Diagnostic] = [:]
        for file in group.files {
            if stopRequested() { return nil }
            let path = file.plan.input.path
            do {
                switch group.reading {
                case .archiSet:
                    try read(archiSet: path, into: &run)
                case .table where WorkbookInput.isWorkbook(path, in: fileSystem):
                    let limits = settings.conversion.workbookLimits
                    var sheet = settings.conversion.sheet
                    if case .table(_, let chosen)? = file.reading { sheet = chosen }
                    run.read(workbook: try WorkbookInput.bytes(of: path, in: fileSystem, limits: limits), file: path, sheet: sheet, limits: limits)
                case .table:
                    let opened = try fileSystem.open(path)
                    defer { opened.close() }
                    try run.read(table: Self.stoppable(opened, stop: stopRequested), file: path)
                }
            } catch let error as FileSystemError {
                unreadable[path] = Diagnostic(.unreadableInput, "cannot read: \(error.reason)", file: path)
            } catch let failure as RunFailure {
                unreadable[path] = failure.diagnostics.first ?? Diagnostic(.unreadableInput, "cannot read", file: path)
            } catch {
                if stopRequested() { return nil }
                unreadable[path] = Diagnostic(.unreadableInput, "cannot read: \(error)", file: path)
            }
            observer.read(path, mapping: group.reading.mappingName, bytes: sizes[file.plan.input.relativePath] ?? 0)
        }
        return GroupResult(result: run.finish(), unreadable: unreadable)
    }

    /// Reads the Archi set whose elements file is `path` into `run`.
    private func read(archiSet path: String, into run: inout Pipeline) throws {
        let files = try detector.openArchiSet(path)
        defer { Pipeline.ArchiFile.close(files) }
        try run.read(archiSet: files)
    }
}
