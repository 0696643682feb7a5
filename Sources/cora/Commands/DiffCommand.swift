import ArgumentParser
import CoraKit

/// `cora diff OLD NEW`: what changed between two versions of an inventory.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two models: which processes were added, removed, renamed, moved, re-levelled, re-categorised or changed.",
        discussion: """
        Each side is any input cora reads (CSV with a mapping, an Archi set, an ArchiMate exchange document), \
        read as cora convert reads it, rows with errors kept. Processes are paired by the pairs file, then by id, \
        code and name (case, accents, BP/WP prefixes and Dutch word forms aside), then by the similarity of \
        name and place; a process that could pair two ways is reported, never paired by guess. \
        Exit status: 0 when the models are the same, 1 when they differ, 2 when the run cannot go on, 64 for bad arguments.
        """)

    @Argument(help: ArgumentHelp("The old model.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new model.", valueName: "new"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("The mapping of both sides (auto by default; see cora convert --help).", valueName: "name|path|auto"))
    var mapping: String = MappingLibrary.auto

    @Option(name: .long, help: ArgumentHelp("The mapping of the old side, instead of --mapping.", valueName: "name|path"))
    var oldMapping: String?

    @Option(name: .long, help: ArgumentHelp("The mapping of the new side, instead of --mapping.", valueName: "name|path"))
    var newMapping: String?

    @Option(name: .long, help: ArgumentHelp("Do not compare this field (repeatable): \(ModelComparison.comparedFieldNames.joined(separator: ", ")).", valueName: "field"))
    var ignoreField: [String] = []

    @Option(name: .long, help: ArgumentHelp("Report only these kinds of change (repeatable, or comma-separated): \(ProcessChange.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var only: [String] = []

    @OptionGroup var comparison: ComparisonOutputOptions

    func validate() throws {
        if old == "-" && new == "-" { throw ValidationError("standard input (-) can be read only once") }
        do {
            _ = try (ComparisonArguments.kinds(only), ComparisonArguments.ignoredFields(ignoreField))
        } catch {
            throw ValidationError(error.message)
        }
        if comparison.format.isDiagram { throw ValidationError("--to \(comparison.format.rawValue) draws the heat map of cora coverage; a diff is text, md, csv, excel-csv, json or html") }
        try Terminal.refuseAsBadArgument { () throws(RunFailure) in try job.checkOutputs(detector: Machine.detector) }
    }

    /// The job these options ask for.
    var job: ComparisonJob {
        ComparisonJob(old: comparison.reader(old, mapping: oldMapping ?? mapping), new: comparison.reader(new, mapping: newMapping ?? mapping),
                      pairs: comparison.pairs, writePairs: comparison.writePairs, ignoring: Set(ignoreField), only: (try? ComparisonArguments.kinds(only)) ?? [], matcher: comparison.matcher,
                      renderer: DiffRenderer(format: comparison.format, language: comparison.lang, colours: comparison.colours, date: Machine.today),
                      output: comparison.output)
    }

    func run() throws {
        let job = self.job
        var same = true
        try Terminal.perform {
            let outcome = try job.run(detector: Machine.detector, tell: Terminal.tell)
            try Terminal.finishReading([outcome.old, outcome.new])
            try job.deliver(outcome, fileSystem: Machine.fileSystem)
            same = outcome.comparison.isSame
        }
        if !same { throw ExitStatus.dataErrors }
    }
}
