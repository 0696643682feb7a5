import ArgumentParser
import CoraKit
import CoraSystem

/// `cora batch`: migrates many inventories in one run, each to its own outputs under one folder,
/// or (`--merge`) all together into one model, with a report per file and a summary of all.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Migrate many inventories at once, with a report per file and a summary.",
        discussion: """
        Inputs are files, folders (searched recursively for *.csv, *.txt, *.tsv, *.xlsx and *.xlsm; hidden files \
        and links to folders left out) and wildcard patterns (quote them to let cora expand them: \
        'legacy/**/*.csv'). Each input's outputs go to --out under the same relative path with the \
        new extension (legacy/2019/hr.csv → DIR/2019/hr.csv, DIR/2019/hr.md, …; a format that \
        writes several files, such as archi, writes them into a folder per input, DIR/2019/hr.archi/), \
        with DIR/<path>.report.json (its diagnostics, always) and DIR/<path>.rejects.csv (the rows \
        left out, exactly as read, protected against formulas with --to excel-csv or from an \
        excel-csv input; only when rows were left out). With --mapping auto (the default) \
        every file gets the mapping that fits its header best; an Archi CSV set is one input.

        At the end: a table on standard output, DIR/summary.json and DIR/summary.md (per file: \
        status, mapping, encoding, delimiter, rows, processes, errors and warnings per code, outputs). \
        A file that fails (unreadable, empty, binary, no mapping fits, every row invalid) never \
        stops the others.

        --merge reads all inputs into one model instead: DIR/merged.csv, .md, .dot and .json \
        (every process with its source file and line), with parents found across files and \
        conflicting-code warnings when one code names different processes in two files.

        Every output is written to a temporary file and renamed into place, never outside DIR and \
        never over an input. DIR/.cora-batch.json remembers what was done: a second run skips the \
        inputs whose content, mapping and options did not change and rewrites nothing (--force \
        redoes everything). Ctrl-C stops cleanly: files being read are abandoned, finished files \
        keep their outputs, and the summary says what was finished.

        Exit status: 0 when no file has errors, 1 when one has (or failed), 2 when the run cannot \
        go on (DIR not writable, an output would overwrite an input), 130 when interrupted.
        """)

    @Argument(help: ArgumentHelp("Files, folders or wildcard patterns.", valueName: "input"))
    var inputs: [String]

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The output folder (created when missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp(
        "The mapping for every file: auto (the best fit per file), a shipped name (cora mapping list) or the path of a YAML file.",
        valueName: "name|path|auto"))
    var mapping: String = MappingLibrary.auto

    @Option(name: .long, help: ArgumentHelp(
        "The formats to write, comma-separated, in any case: \(OutputFormats.namesWithAliases) (default: csv; with --merge: csv,md,dot,json).",
        valueName: "formats"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("How many files to convert at once (default: the number of cores).", valueName: "count"))
    var jobs: Int?

    @Flag(name: .long, help: "Read all inputs into one model: DIR/merged.csv, .md, .dot, .json.")
    var merge = false

    @Flag(name: .long, help: "Redo every input, even those that did not change since the last run.")
    var force = false

    @OptionGroup var checks: CheckOptions

    @Option(name: .long, help: ArgumentHelp("The language of documents and diagrams: nl or en.", valueName: "nl|en"))
    var lang: DocumentLanguage = .nl

    @Option(name: .long, help: ArgumentHelp("The title of the documents and diagrams (the merged model's with --merge).", valueName: "text"))
    var title: String?

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if inputs.contains("-") { throw ValidationError("cora batch reads files, not standard input (-); use cora convert for that") }
        if let to, case .failure(let error) = OutputFormats.list(to) { throw ValidationError("--to: \(error)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let formats = try to.map { try OutputFormats.list($0).get() }
        let settings = BatchSettings(
            inputs: inputs, out: out, mapping: mapping, formats: formats, jobs: AddressSpaceLimit.workers(for: jobs ?? Machine.processors),
            merge: merge, force: force,
            conversion: checks.settings(reading: reading),
            options: OutputOptions(language: lang, title: title, diagrams: (formats ?? []).contains(where: \.usesGraphviz) ? GraphvizDiagrams.installed() : nil, date: Machine.today),
            tool: "cora \(Cora.configuration.version)")
        AddressSpaceLimit.shareMallocArenas(cores: Machine.processors)
        InterruptSignal.install()
        let job = BatchJob(settings: settings, detector: Machine.detector, observer: BatchProgressView(), interruption: { InterruptSignal.requested })
        let outcome = job.run()
        if let summary = outcome.summary {
            try Terminal.perform {
                try Terminal.writeStdout(summary.table(unchanged: outcome.unchanged, maxRows: 40))
                try Terminal.writeStdout("summary: \(job.summaryPaths)\n")
            }
        }
        if let failure = outcome.failure { Terminal.show(failure.diagnostics) }
        if outcome.status == 130, let summary = outcome.summary {
            Terminal.writeStderr("interrupted: \(summary.files.count { $0.status != .interrupted }) of \(summary.files.count) files finished; run the same command again to do the rest\n")
        }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}
