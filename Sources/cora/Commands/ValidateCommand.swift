import ArgumentParser
import CoraKit

/// `cora validate`: every check of `cora convert`, without writing a model.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check inventories against a mapping and report every problem per row, without writing a model.",
        discussion: """
        Reads, maps and validates like cora convert and prints the diagnostics \
        (file:line:column: error: message [code]; at most 20 of each code, --report has them all) \
        and a summary line (cora: rows read, processes, rejected; errors and warnings per code). \
        Exit status 0 when there are no \
        errors, 1 when there are, 2 when the run cannot go on.
        """)

    @Argument(help: ArgumentHelp("The files to check (CSV, .xlsx, …); - reads standard input.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var conversion: ConversionOptions

    func validate() throws {
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        try Terminal.refuseAsBadArgument { () throws(RunFailure) in try job.checkOutputs(detector: Machine.detector) }
    }

    /// The job these options ask for.
    var job: ConversionJob { conversion.job(inputs, keepInvalid: false) }

    func run() throws {
        let job = self.job
        try Terminal.perform {
            let result = try job.run(detector: Machine.detector, tell: Terminal.tell)
            defer { KeptUntilExit.keep(result) }
            try job.deliver(result, fileSystem: Machine.fileSystem) { Terminal.showFindings($0, report: job.report?.path) }
            try Terminal.finish(result)
        }
    }
}
