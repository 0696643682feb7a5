import CoraCSV

/// `cora coverage INVENTORY --reference REF`: the inventory read as `cora convert` reads it, the
/// reference read the same way or taken from the shipped references (``ReferenceLibrary``), and
/// what the inventory covers of the reference written where the user asked.
public struct CoverageJob: Sendable {
    /// How the inventory is read (one input).
    public var inventory: ConversionJob
    /// The reference: a shipped reference's name, or how a file is read.
    public var reference: Reference
    /// A pairs file to read (`--pairs`; `inventory:` and `reference:` ids, or `old:` and `new:`).
    public var pairs: String?
    /// Where to write the pairs made, as a pairs file (`--write-pairs`).
    public var writePairs: String?
    /// How the processes are paired (`--match`; several inventory processes may cover one reference process whatever it says).
    public var matcher: ProcessMatcher = ProcessMatcher()
    /// The format.
    public var format: ComparisonFormat
    /// The language of the Markdown document.
    public var language: DocumentLanguage
    /// Whether text is coloured.
    public var colours: Bool
    /// Where: a file, or `nil` or `-` for standard output.
    public var output: String?
    /// Graphviz, for the heat map (`svg`, `png`, and the picture in `html`).
    public var drawing: (any DiagramDrawing)?
    /// The day an HTML page is dated.
    public var date: DocumentDate?

    /// Where the reference comes from.
    public enum Reference: Sendable {
        /// A shipped reference (``ReferenceLibrary/names``).
        case shipped(String)
        /// A model read from a file.
        case file(ConversionJob)

        /// What the reference is called in headings: the shipped name, or the file.
        public var name: String {
            switch self {
            case .shipped(let name): return name
            case .file(let job): return job.inputs.first ?? "-"
            }
        }
    }

    /// A job.
    public init(inventory: ConversionJob, reference: Reference, pairs: String? = nil, writePairs: String? = nil,
                format: ComparisonFormat = .text, language: DocumentLanguage = .nl, colours: Bool = false, output: String? = nil,
                drawing: (any DiagramDrawing)? = nil, date: DocumentDate? = nil) {
        self.drawing = drawing
        self.date = date
        self.inventory = inventory
        self.reference = reference
        self.pairs = pairs
        self.writePairs = writePairs
        self.format = format
        self.language = language
        self.colours = colours
        self.output = output
    }

    /// What a coverage run read and made.
    public struct Outcome: Sendable {
        /// The inventory as read.
        public var inventory: ConversionResult
        /// The reference as read from a file (nil for a shipped reference).
        public var reference: ConversionResult?
        /// The coverage.
        public var report: CoverageReport
    }

    /// The comparison's parts for ``ComparisonJob/checkOutputs(detector:)``'s rule: an output
    /// (`-o`, `--write-pairs`) may not be an input, the pairs file or the other output.
    public func checkOutputs(detector: InputDetector) throws(RunFailure) {
        var referenceJob = ConversionJob(inputs: [], mapping: MappingLibrary.auto)
        if case .file(let job) = reference { referenceJob = job }
        let check = ComparisonJob(old: inventory, new: referenceJob,
                                  pairs: pairs, writePairs: writePairs, output: output)
        try check.checkOutputs(detector: detector)
    }

    /// Reads the inventory, the reference and the pairs file, and works out the coverage.
    public func run(detector: InputDetector, tell: (RunMessage) -> Void) throws(RunFailure) -> Outcome {
        let inventoryResult = try inventory.run(detector: detector, tell: tell)
        var referenceResult: ConversionResult?
        let referenceModel: ProcessModel
        switch reference {
        case .shipped(let name):
            guard let model = ReferenceLibrary.model(named: name) else {
                throw RunFailure(.unreadableInput, "no shipped reference \"\(name)\"; the shipped ones are \(ReferenceLibrary.names.joined(separator: ", "))")
            }
            referenceModel = model
        case .file(let job):
            let result = try job.run(detector: detector, tell: tell)
            referenceResult = result
            referenceModel = result.model
        }
        var pinned: [PinnedPair] = []
        if let pairs {
            pinned = try PairsFile.read(pairs, in: detector.fileSystem)
            try PairsFile.check(pinned, old: inventoryResult.model, new: referenceModel, file: pairs, sides: .coverage)
        }
        let report = CoverageReport(reference: referenceModel, inventory: inventoryResult.model, pinned: pinned, matcher: matcher)
        return Outcome(inventory: inventoryResult, reference: referenceResult, report: report)
    }

    /// The coverage in the format; a picture (`svg`, `png`) needs ``drawing``.
    public func render(_ report: CoverageReport) throws(RunFailure) -> [UInt8] {
        var note: ReferenceLibrary.Note?
        if case .shipped(let name) = reference { note = ReferenceLibrary.note(named: name) }
        let inventoryName = inventory.inputs.first ?? "-"
        let title = CoverageReport.title(inventory: inventoryName, reference: reference.name, language: language)
        switch format {
        case .text:
            var referenceName = reference.name
            if let note { referenceName += ", " + note.description }
            let sources = (inventory: inventoryName, reference: referenceName)
            return Array(CoverageTextRenderer(colours: colours, language: language, sources: sources).render(report).utf8)
        case .markdown:
            return Array(CoverageMarkdownRenderer(language: language, inventory: inventoryName, reference: reference.name, referenceNote: note).render(report).utf8)
        case .csv: return CoverageCSVRenderer(options: CSVWriteOptions(formulaProtection: true)).render(report)
        case .excelCSV: return CoverageCSVRenderer(options: .excel).render(report)
        case .json: return Array(CoverageJSONRenderer().render(report).utf8)
        case .dot: return Array(CoverageHeatMap.dot(report, language: language, title: title).utf8)
        case .svg, .png:
            guard let drawing else {
                throw RunFailure(.graphvizFailed, "--to \(format.rawValue) needs Graphviz (dot), which is not installed; --to dot writes the diagram to draw elsewhere",
                                 file: output ?? "-")
            }
            return try drawing.draw(CoverageHeatMap.dot(report, language: language, title: title), as: format.rawValue)
        case .html:
            // Without Graphviz the page says the picture is missing; everything else is there.
            let picture = drawing.flatMap { try? $0.draw(CoverageHeatMap.dot(report, language: language, title: title), as: "svg") }
            return Array(ComparisonHTMLRenderer(language: language, date: date)
                .render(report, inventory: inventoryName, reference: reference.name, note: note, heatMap: picture).utf8)
        }
    }

    /// Writes the pairs file (when asked) and the coverage.
    public func deliver(_ outcome: Outcome, fileSystem: any FileSystem) throws(RunFailure) {
        // Rendered first: a picture Graphviz cannot draw leaves no pairs file behind either.
        let bytes = try render(outcome.report)
        if let writePairs {
            let text = PairsFile.render(outcome.report.match, old: outcome.report.inventory, new: outcome.report.reference, sides: .coverage)
            try ConversionJob.write(Array(text.utf8), to: writePairs, in: fileSystem)
        }
        try ConversionJob.write(bytes, to: output ?? "-", in: fileSystem)
    }
}
