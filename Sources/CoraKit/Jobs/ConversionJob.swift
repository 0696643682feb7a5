import CoraCSV
import CoraXLSX

/// `cora convert` and `cora validate`: inputs read into one model (``run(detector:tell:)``), then
/// the findings, the report, the rejected rows and the model written where the user asked
/// (``deliver(_:fileSystem:tell:show:)``).
public struct ConversionJob: Sendable {
    /// The files to read; `-` is standard input.
    public var inputs: [String]
    /// The mapping: a name, the path of a YAML file, `auto` or `archi`.
    public var mapping: String
    /// How to read and what to keep.
    public var settings: ConversionSettings
    /// The format to write the model in (`nil`: no model is written, as by `cora validate`).
    public var format: (any OutputFormat)?
    /// Where: a file, or a folder for a format that writes several; `nil` or `-` for standard output.
    public var output: String?
    /// How to write it.
    public var options: OutputOptions
    /// Where to write the diagnostics as a report, and in which format.
    public var report: (path: String, format: DiagnosticReportRenderer.Format)?
    /// Where to write the rejected rows (one file per input when there are several).
    public var rejects: String?

    /// A job; everything but the inputs and the mapping has a default.
    public init(inputs: [String], mapping: String, settings: ConversionSettings = ConversionSettings(), format: (any OutputFormat)? = nil,
                output: String? = nil, options: OutputOptions = OutputOptions(),
                report: (path: String, format: DiagnosticReportRenderer.Format)? = nil, rejects: String? = nil) {
        self.inputs = inputs
        self.mapping = MappingLibrary.readerName(mapping)
        self.settings = settings
        self.format = format
        self.output = output
        self.options = options
        self.report = report
        self.rejects = rejects
    }

    /// Reads, maps, builds and validates the inputs into one model. What the run says meanwhile
    /// (the mapping `auto` chose) goes to `tell`; a run that cannot go on throws.
    public func run(detector: InputDetector, tell: (RunMessage) -> Void) throws(RunFailure) -> ConversionResult {
        let fileSystem = detector.fileSystem
        try checkOutputFolders(detector: detector)
        let (source, standardInput, sheet) = try detector.source(mapping: mapping, inputs: inputs, readOptions: settings.readOptions,
                                                                 sheet: settings.sheet, skipRows: settings.skipRows, tell: tell)
        var settings = settings
        // A format with a sheet of rejected rows holds them as read, with or without --rejects.
        if format?.holdsRejectedRows == true { settings.keepsRejectedRecords = true }
        var pipeline = Pipeline(source, settings: settings)
        for path in inputs {
            if case .archiSet = source {
                // Standard input can only be an exchange document: an Archi set is several files.
                if path == "-" {
                    var bytes = standardInput ?? []
                    do {
                        if standardInput == nil { bytes = try fileSystem.readStandardInput(limit: settings.exchangeLimits.maxBytes + 1) }
                    } catch {
                        throw RunFailure(.unreadableInput, "cannot read standard input: \(error.reason)", file: path)
                    }
                    do {
                        try pipeline.read(exchange: MemoryByteSource(bytes), file: path)
                    } catch {
                        throw RunFailure(.unreadableInput, "cannot read: \(error.reason)", file: path)
                    }
                    continue
                }
                let files = try detector.openArchiSet(path)
                defer { Pipeline.ArchiFile.close(files) }
                do {
                    try pipeline.read(archiSet: files)
                } catch {
                    throw RunFailure(.unreadableInput, "cannot read: \(error.reason)", file: path)
                }
                continue
            }
            let standardWorkbook = path == "-" && WorkbookInput.isWorkbook(prefix: standardInput ?? [])
            if standardWorkbook || (path != "-" && WorkbookInput.isWorkbook(path, in: fileSystem)) {
                let bytes = standardWorkbook ? standardInput ?? [] : try WorkbookInput.bytes(of: path, in: fileSystem, limits: settings.workbookLimits)
                // The sheet named; for the first input the one `auto` chose; else the pipeline takes
                // the first the mapping fits.
                let chosen = settings.sheet ?? (path == inputs.first ? sheet : nil)
                let read = pipeline.read(workbook: bytes, file: path, sheet: chosen, limits: settings.workbookLimits)
                if let read, settings.sheet == nil, !(path == inputs.first && sheet != nil), case let count = read.sheetCount, count > 1 {
                    tell(.note(Note(file: path, message: "read the sheet \(read.sheet.name) (\(read.sheet.number) of \(count)); choose another with --sheet")))
                }
                continue
            }
            let file: any ByteSource
            if path == "-", let standardInput {
                file = MemoryByteSource(standardInput)
            } else if path == "-" {
                file = try StandardInputWorkbookCheck(try fileSystem.openInput(path))
            } else {
                file = try fileSystem.openInput(path)
            }
            defer { (file as? any OpenedFile)?.close() }
            do {
                try pipeline.read(table: file, file: path)
            } catch {
                throw RunFailure(.unreadableInput, "cannot read: \(error.reason)", file: path)
            }
        }
        return pipeline.finish()
    }

    /// Refuses, before anything is read, an output that is an input or another output: `-o` (each
    /// file of a format that writes a folder), `--report` and every rejects file, compared with the
    /// inputs (every file of an Archi set) and with one another as the same file (device and inode),
    /// not as the same spelling.
    public func checkOutputs(detector: InputDetector) throws(RunFailure) {
        let fileSystem = detector.fileSystem
        let (inputFiles, rejectsNames) = filesRead(detector: detector)
        let outputs = outputFiles(rejectsFor: rejectsNames)
        var claimed: [String: (option: String, path: String)] = [:]
        for input in inputFiles { claimed[fileSystem.sameFileKey(input)] = ("input", input == "/dev/stdin" ? "- (standard input)" : input) }
        for output in outputs {
            let key = fileSystem.sameFileKey(output.path)
            if let other = claimed[key] {
                let what = other.option == "input" ? "the input \(other.path)" : "the output of \(other.option), \(other.path)"
                throw RunFailure(.outputOverInput, "the output of \(output.option) is \(what); nothing was read or written",
                                 file: output.path, hint: "choose another path for \(output.option)")
            }
            claimed[key] = output
        }
    }

    /// The files this job reads: each file of an Archi set, standard input as what it was
    /// redirected from (`cora convert - -o inv.csv < inv.csv`), the mapping when it is a file;
    /// and the names the rejects files are made from, as ``deliver(_:fileSystem:tell:show:)`` makes them.
    public func filesRead(detector: InputDetector) -> (inputs: [String], rejectsNames: [String]) {
        let fileSystem = detector.fileSystem
        var inputFiles: [String] = []
        var rejectsNames: [String] = []
        for input in inputs {
            if input == "-" {
                if fileSystem.status(of: "/dev/stdin")?.kind == .regularFile { inputFiles.append("/dev/stdin") }
                rejectsNames.append(input)
            } else if mapping == MappingLibrary.archi || (mapping == MappingLibrary.auto && detector.archiReason(input) != nil),
                      let files = try? detector.archiFiles(of: input) {
                inputFiles += files.compactMap(\.path)
                rejectsNames += files.compactMap(\.path)
            } else {
                inputFiles.append(input)
                rejectsNames.append(input)
            }
        }
        if fileSystem.isRegularFile(mapping) { inputFiles.append(mapping) }
        return (inputFiles, rejectsNames)
    }

    /// Refuses files of the model's output that only the model names (`--view each`) when one of
    /// them is an input: nothing is written.
    private func checkModelOutputs(_ format: any OutputFormat, _ result: ConversionResult, fileSystem: any FileSystem) throws(RunFailure) {
        guard let output, output != "-" else { return }
        let files = format.files(of: result.model, at: output, options: options)
        guard files != format.files(at: output, prefix: options.archiPrefix) else { return }
        let inputs = Dictionary(result.inputs.map(\.file).filter { $0 != "-" }.map { (fileSystem.sameFileKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        for file in files {
            if let input = inputs[fileSystem.sameFileKey(file)] {
                throw RunFailure(.outputOverInput, "the output of -o is the input \(input); nothing was written",
                                 file: file, hint: "choose another folder for -o")
            }
        }
    }

    /// The files this job writes, with the option that asks for each: `-o` (each file of a format
    /// that writes a folder), `--report`, and the rejects file of each of `inputs`.
    func outputFiles(rejectsFor inputs: [String]) -> [(option: String, path: String)] {
        var outputs: [(option: String, path: String)] = []
        if let format, let output, output != "-" {
            outputs += format.files(at: output, prefix: options.archiPrefix).map { ("-o", $0) }
        }
        if let report { outputs.append(("--report", report.path)) }
        if let rejects { outputs += RejectsRenderer.paths(rejects, for: inputs).map { ("--rejects", $0) } }
        return outputs
    }

    /// Delivers `result`: checks that the model can be written as asked, hands the findings to
    /// `show`, writes the report and the rejects files, then the model. Nothing is written when the
    /// model cannot be (a view of a process it lacks, no Graphviz for a picture).
    public func deliver(_ result: ConversionResult, fileSystem: any FileSystem, tell: (RunMessage) -> Void = { _ in },
                        show: ([Diagnostic]) -> Void) throws(RunFailure) {
        if let format {
            try format.check(result.model, options: options)
            try checkModelOutputs(format, result, fileSystem: fileSystem)
            for note in format.notes(about: result.model, options: options) {
                tell(.note(Note(file: output ?? inputs.first ?? "-", message: note)))
            }
        }
        show(result.diagnostics)
        fileSystem.removeAbandonedTemporaryFiles(besides: outputFiles(rejectsFor: result.inputs.map(\.file)).map(\.path))
        if let report {
            try Self.write(DiagnosticReportRenderer(format: report.format).render(result.diagnostics), to: report.path, in: fileSystem)
        }
        if let rejects {
            // One rejects file per input (the header alone when nothing was rejected, so an old
            // file never lingers); with several inputs each gets its own name.
            // Protected for a spreadsheet beside an excel-csv output, and when read from one.
            let paths = RejectsRenderer.paths(rejects, for: result.inputs.map(\.file))
            for (input, path) in zip(result.inputs, paths) {
                guard input.header != nil || input.unread != nil else { continue }
                let records = zip(result.rejectedFiles, result.rejectedRecords).filter { $0.0 == input.file }.map(\.1)
                // A rejects file named .xlsx is a workbook: the header and the rows as read, every cell text.
                if path.lowercased().hasSuffix(".xlsx") {
                    let bytes: [UInt8]
                    do {
                        bytes = try WorkbookRenderer().rejects(header: input.header?.cells ?? [], records: records)
                    } catch {
                        throw RunFailure(.unwritableOutput, "cannot write: \(error.reason)", file: path)
                    }
                    try Self.write(bytes, to: path, in: fileSystem)
                    continue
                }
                let renderer = RejectsRenderer(forSpreadsheets: format is ExcelCSVFormat || input.readAsExcelCSV,
                                               keepsCodesAsText: input.readAsExcelCSV)
                try Self.write(renderer.render(header: input.header?.cells, records: records, dialect: input.dialect, unread: input.unread),
                               to: path, in: fileSystem)
            }
        }
        // Nothing read at all (every input refused whole: not an exchange document, malformed from
        // its first line): a file named with -o is left as it was, not replaced by an empty model.
        if format != nil, let output, output != "-", !result.inputs.isEmpty,
           result.inputs.allSatisfy({ $0.rowsRead == 0 && $0.stoppedEarly }) {
            tell(.note(Note(file: output, message: "nothing was read from the input, so nothing is written (an existing file is left as it was)")))
            return
        }
        if let format {
            var target = FileOutputTarget(path: output, fileSystem: fileSystem, format: format)
            do {
                try format.write(result, options: options, to: &target)
            } catch let failure as RunFailure {
                throw failure
            } catch {
                throw RunFailure(.unwritableOutput, "cannot write: \(error)", file: output ?? "-")
            }
        }
    }

    /// Writes `bytes` to the file at `path` atomically.
    static func write(_ bytes: [UInt8], to path: String, in fileSystem: any FileSystem) throws(RunFailure) {
        var target = FileOutputTarget(path: path, fileSystem: fileSystem)
        do {
            try target.write(nil, bytes: bytes)
        } catch let failure as RunFailure {
            throw failure
        } catch {
            throw RunFailure(.unwritableOutput, "cannot write: \(error)", file: path)
        }
    }
}
