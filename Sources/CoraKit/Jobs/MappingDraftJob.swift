import CoraCSV
import CoraXLSX

/// `cora mapping init`: a commented starting mapping drafted from an export's header and a sample
/// of its rows (``MappingDraft``), checked to read back, and written.
public struct MappingDraftJob: Sendable {
    /// The export; `-` is standard input.
    public var input: String
    /// Where to write the mapping; `nil` or `-` for standard output.
    public var output: String?
    /// The mapping's name (default: the output file's name, else the input's).
    public var name: String?
    /// How many rows to look at.
    public var sampleRows: Int
    /// Whether an existing output file may be replaced.
    public var force: Bool
    /// Reader options; what is not given is detected.
    public var readOptions: CSVReadOptions
    /// The sheet of a workbook input (its name or number; `nil`: the first).
    public var sheet: String?

    /// A job.
    public init(input: String, output: String? = nil, name: String? = nil, sampleRows: Int = 1000, force: Bool = false,
                readOptions: CSVReadOptions = CSVReadOptions(), sheet: String? = nil) {
        self.input = input
        self.output = output
        self.name = name
        self.sampleRows = sampleRows
        self.force = force
        self.readOptions = readOptions
        self.sheet = sheet
    }

    /// Drafts and writes the mapping; what the reader noticed goes to `show` first. Returns the
    /// note that says how far the draft got and what to do next.
    public func run(fileSystem: any FileSystem, show: ([Diagnostic]) -> Void) throws(RunFailure) -> Note {
        if let output, output != "-", input != "-", fileSystem.sameFileKey(output) == fileSystem.sameFileKey(input) {
            // Not even with --force: the draft would take the place of the export it is made from.
            throw RunFailure(.outputOverInput, "the output is the input \(input); nothing was read or written", file: output,
                             hint: "write the mapping to a .yaml file, for example Mappings/NAME.yaml")
        }
        if let output, output != "-", !force, fileSystem.linkStatus(of: output) != nil {
            throw RunFailure(.outputExists, "the file exists; choose another path or add --force", file: output)
        }
        let (records, delimiter, encoding) = try sample(fileSystem: fileSystem, show: show)
        guard !records.isEmpty else {
            throw RunFailure(.emptyFile, "the file holds no rows, not even a header", file: input)
        }

        let mappingName = name ?? defaultName()
        let displayName = input == "-" ? "standard input" : input
        let draft = MappingDraft(file: displayName, name: mappingName, records: records, delimiter: delimiter, encoding: encoding)
        let yaml = draft.yaml
        do {
            _ = try MappingParser.parse(yaml, file: output ?? "the draft", fallbackName: mappingName)
        } catch {
            throw RunFailure(.internalError, "the drafted mapping does not read back (a bug in cora): \(error)", file: input)
        }
        try ConversionJob.write(Array(yaml.utf8), to: output ?? "-", in: fileSystem)

        let placed = draft.header.indices.count - draft.unplaced.count
        let todos = yaml.components(separatedBy: "TODO:").count - 1
        var note = "drafted mapping \(mappingName): \(placed) of \(draft.header.count) columns placed"
        note += todos > 0 ? "; \(todos) TODO\(todos == 1 ? "" : "s") to check" : ""
        if let output, output != "-" {
            // A named mapping reads the first sheet unless told otherwise: the sheet drafted from goes along.
            let sheetOption = sheet.map { name in
                " --sheet " + (name.allSatisfy { $0.isLetter || $0.isNumber || "_.-".contains($0) } ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'")
            } ?? ""
            note += "; then: cora convert \(input)\(sheetOption) --mapping \(output)"
        }
        return Note(file: input, message: note)
    }

    /// The first rows of the input (the sample and a few more), with the delimiter and encoding it
    /// was read in; what the reader noticed goes to `show`. A workbook's sheet is read as rows of
    /// cells (no delimiter, no encoding to fix).
    private func sample(fileSystem: any FileSystem, show: ([Diagnostic]) -> Void) throws(RunFailure) -> ([CSVRecord], UInt8?, CSVEncoding?) {
        if WorkbookInput.isWorkbook(input, in: fileSystem) {
            let bytes = try WorkbookInput.bytes(of: input, in: fileSystem)
            do throws(WorkbookError) {
                let workbook = try Workbook(bytes: bytes)
                let chosen = try WorkbookInput.sheet(sheet, of: workbook)
                return (try WorkbookInput.firstRecords(of: chosen, in: workbook, count: sampleRows + 10), nil, nil)
            } catch {
                let diagnostic = WorkbookInput.diagnostic(error, file: input)
                throw RunFailure(diagnostic.code, diagnostic.message, file: input, hint: diagnostic.hint)
            }
        }
        let inspection = InspectionJob(input: input, readOptions: readOptions)
        let file = try fileSystem.openInput(input)
        defer { file.close() }
        let reader: CSVReader
        do {
            reader = try CSVReader(source: file, options: inspection.readOptions)
        } catch {
            throw RunFailure(.unreadableInput, "cannot read: \(error)", file: input)
        }
        var records: [CSVRecord] = []
        var failure: CSVIssue?
        do {
            while records.count < sampleRows + 10, let record = try reader.next() { records.append(record) }
        } catch let issue as CSVIssue {
            failure = issue
        } catch {
            throw RunFailure(.unreadableInput, "cannot read: \(error)", file: input)
        }
        var diagnostics = reader.warnings.map { Diagnostic($0, file: input) }
        if let failure {
            var diagnostic = Diagnostic(failure, file: input)
            diagnostic.severity = .warning
            diagnostic.message += "; the draft uses the rows before it"
            diagnostics.append(diagnostic)
        }
        show(diagnostics)
        return (records, reader.dialect.delimiter, reader.dialect.encoding)
    }

    /// The output file's name, else the input's, as a mapping name.
    private func defaultName() -> String {
        let source = output.flatMap { $0 == "-" ? nil : $0 } ?? (input == "-" ? "mapping" : input)
        var base = MappingLibrary.baseName(of: source)
        if let dot = base.lastIndex(of: "."), base[dot...].count <= 5 { base = String(base[..<dot]) }
        let slug = ProcessIdentifier.slug(base).lowercased()
        return slug.isEmpty ? "mapping" : slug
    }
}
