import ArgumentParser
import CoraKit

/// The `cora` command: converts process inventories of housing corporations to the canonical
/// CORA process model and back out.
@main
struct Cora: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cora",
        abstract: "Convert CORA process inventories (CSV exports from Excel or Archi) into the canonical process model.",
        discussion: """
        Exit status: 0 when the data has no errors, 1 when it has errors (see the diagnostics), \
        2 when the run cannot go on (unreadable input, unusable mapping, unwritable output), \
        64 for bad arguments.
        """,
        version: "0.1.0",
        subcommands: [ConvertCommand.self, ValidateCommand.self, InspectCommand.self, MappingCommand.self, BatchCommand.self, DiffCommand.self, CoverageCommand.self]
    )

    /// Runs the command line as swift-argument-parser would, with two differences: a misspelled
    /// command (`convrt`) gets "did you mean" instead of "unexpected arguments", and what the
    /// parser prints about the arguments has its control characters escaped.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first), let meant = Suggestion.closest(to: first, in: names) {
            Terminal.writeStderr(raw: "Error: unknown command '\(TerminalText.oneLine(first))'; did you mean '\(meant)'?\n"
                + "Usage: \(usageString())\n  See 'cora --help' for the commands.\n")
            Terminal.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error), message = TerminalText.escaped(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success { print(message) } else { Terminal.writeStderr(raw: message + "\n") }
            }
            Terminal.exit(code.rawValue)
        }
        Terminal.exit(ExitCode.success.rawValue)
    }
}
