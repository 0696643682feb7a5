import ArgumentParser
import CoraKit
import CoraSystem

/// `cora convert`: reads inventories, maps them to the canonical model and writes it out.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert inventories to the canonical process model.",
        discussion: "Formats (--to):\n" + TextLayout.termList(OutputFormats.all.map {
            ($0.name, $0.summary + ($0.aliases.isEmpty ? "" : " (also: \($0.aliases.joined(separator: ", ")))") + ".")
        }, width: TerminalWindow.textWidth) + """


            Several inputs are converted into one model. Diagnostics go to standard error \
            (file:line:column: error: message [code]; at most 20 of each code), and with --report, \
            all of them, to a JSON or CSV file. The last line sums the run up (cora: rows read, \
            processes, rejected; errors and warnings per code).
            """)

    @Argument(help: ArgumentHelp("The files to convert (CSV, an Excel workbook .xlsx, an Archi CSV set, an ArchiMate exchange document); - reads standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("The output format (any case): \(OutputFormats.namesWithAliases).", valueName: "format"))
    var to: String = "csv"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the output (standard output when left out or -); for a format that writes several files (archi), their folder.", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The language of documents and diagrams: nl (CORA's Dutch terms) or en.", valueName: "nl|en"))
    var lang: DocumentLanguage = .nl

    @Option(name: .long, help: ArgumentHelp("The title of a document or diagram, or the name of a new model row (archi).", valueName: "text"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("What a diagram shows: landscape (CORA's three bands), process:ID (one business process), full (every process), each (a folder: the landscape and a diagram per business process, linked; needs -o DIR), pdca (the Plan-Do-Check-Act cycle).", valueName: "view"))
    var view: DOTRenderer.View = .landscape

    @Option(name: .long, help: ArgumentHelp("With --to archi: a name put before each file (test1- gives test1-elements.csv, …).", valueName: "text"))
    var prefix: String?

    @Option(name: .long, help: ArgumentHelp("With --to archi: the delimiter of the files, comma (the default), semicolon or tab. (--delimiter is about the input.)", valueName: "char"))
    var archiDelimiter: String?

    @Flag(name: .long, help: "Keep rows with errors in the model instead of leaving them out.")
    var keepInvalid = false

    @OptionGroup var conversion: ConversionOptions

    func validate() throws {
        guard let format = OutputFormats.named(to) else {
            throw ValidationError("--to: \(OutputFormats.UnknownFormat(name: to))")
        }
        if output == nil || output == "-", let problem = format.standardOutputProblem(view: view, toTerminal: Terminal.isTerminal(1)) {
            throw ValidationError(problem)
        }
        if format.name != "archi", prefix != nil || archiDelimiter != nil {
            throw ValidationError("--prefix and --archi-delimiter are for --to archi")
        }
        if let archiDelimiter, OutputOptions.archiDelimiter(named: archiDelimiter) == nil {
            throw ValidationError("--archi-delimiter must be comma (,), semicolon (;) or tab, not \"\(archiDelimiter)\"")
        }
        if let prefix, prefix.contains("/") { throw ValidationError("--prefix is part of a file name and cannot hold /") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        try Terminal.refuseAsBadArgument { () throws(RunFailure) in try job.checkOutputs(detector: Machine.detector) }
    }

    /// The job these options ask for.
    var job: ConversionJob {
        let format = OutputFormats.named(to) ?? CanonicalCSVFormat()
        var job = conversion.job(inputs, keepInvalid: keepInvalid)
        job.format = format
        job.output = output
        job.options = OutputOptions(
            language: lang, title: title, view: view, archiPrefix: prefix ?? "",
            archiDelimiter: archiDelimiter.flatMap(OutputOptions.archiDelimiter(named:)) ?? UInt8(ascii: ","), renderThreads: Machine.renderThreads,
            diagrams: format.usesGraphviz ? GraphvizDiagrams.installed() : nil, 
            sourceName: inputs.first.flatMap(OutputOptions.sourceName(of:)), diagramThreads: Machine.processors, date: Machine.today)
        return job
    }

    func run() throws {
        let job = self.job
        try Terminal.perform {
            let result = try job.run(detector: Machine.detector, tell: Terminal.tell)
            defer { KeptUntilExit.keep(result) }
            try job.deliver(result, fileSystem: Machine.fileSystem, tell: Terminal.tell) { Terminal.showFindings($0, report: job.report?.path) }
            try Terminal.finish(result)
        }
    }
}
