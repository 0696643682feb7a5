import ArgumentParser
import CoraKit
import CoraSystem

/// `cora coverage INVENTORY --reference REF`: what an inventory covers of a reference model.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Compare an inventory with a reference model: which reference processes it covers, partly covers or misses.",
        discussion: """
        Per reference process: covered (matched at its own level, no child missing), partial (matched at another \
        level, some children missing, or only children matched) or missing; per inventory process that matches \
        nothing: unmatched; totals per category and level. Several inventory processes may cover one reference \
        process. Shipped references (--reference NAME): \
        \(ReferenceLibrary.names.map { "\($0): \(ReferenceLibrary.note(named: $0)?.description ?? "")" }.joined(separator: "; ")). \
        Exit status: 0 when the coverage is written, 2 when the run cannot go on, 64 for bad arguments.
        """)

    @Argument(help: ArgumentHelp("The inventory.", valueName: "inventory"))
    var inventory: String

    @Option(name: .long, help: ArgumentHelp("The reference model: a shipped reference by name (\(ReferenceLibrary.names.joined(separator: ", "))) or any input cora reads.", valueName: "name|path"))
    var reference: String

    @Option(name: .long, help: ArgumentHelp("The mapping of the inventory (auto by default; see cora convert --help).", valueName: "name|path|auto"))
    var mapping: String = MappingLibrary.auto

    @Option(name: .long, help: ArgumentHelp("The mapping of a reference read from a file (auto by default).", valueName: "name|path|auto"))
    var referenceMapping: String = MappingLibrary.auto

    @OptionGroup var comparison: ComparisonOutputOptions

    func validate() throws {
        if inventory == "-" && reference == "-" { throw ValidationError("standard input (-) can be read only once") }
        do { _ = try resolvedReference } catch { throw ValidationError(error.message) }
        try Terminal.refuseAsBadArgument { () throws(RunFailure) in try job.checkOutputs(detector: Machine.detector) }
    }

    /// The reference `--reference` names (``ComparisonArguments/reference(_:mapping:fileSystem:reader:)``).
    var resolvedReference: CoverageJob.Reference {
        get throws(ComparisonArguments.Refusal) {
            try ComparisonArguments.reference(reference, mapping: referenceMapping, fileSystem: Machine.fileSystem, reader: comparison.reader)
        }
    }

    /// The job these options ask for.
    var job: CoverageJob {
        CoverageJob(inventory: comparison.reader(inventory, mapping: mapping),
                    reference: (try? resolvedReference) ?? .file(comparison.reader(reference, mapping: referenceMapping)),
                    pairs: comparison.pairs, writePairs: comparison.writePairs, format: comparison.format, language: comparison.lang,
                    colours: comparison.colours, output: comparison.output,
                    drawing: [.svg, .png, .html].contains(comparison.format) ? GraphvizDiagrams.installed() : nil, date: Machine.today)
    }

    func run() throws {
        var job = self.job
        job.matcher = comparison.matcher
        try Terminal.perform {
            let outcome = try job.run(detector: Machine.detector, tell: Terminal.tell)
            try Terminal.finishReading([outcome.inventory] + [outcome.reference].compactMap { $0 })
            try job.deliver(outcome, fileSystem: Machine.fileSystem)
        }
    }
}
