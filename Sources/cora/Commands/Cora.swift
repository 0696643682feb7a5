import ArgumentParser
import CoraKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        subcommands: [ConvertCommand.self, ValidateCommand.self, InspectCommand.self, MappingCommand.self, BatchCommand.self],
        defaultSubcommand: nil
    )

    /// The subcommands' names, as typed (with `help`, which swift-argument-parser adds).
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// The command that a first argument which is no command was probably meant to be
    /// (`convrt` → `convert`), or `nil` when it is a command, an option, or like none.
    static func misspelledCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return nil }
        return Suggestion.closest(to: first, in: commandNames)
    }

    /// Runs the command line as swift-argument-parser would, with two differences: a misspelled
    /// command gets "did you mean" instead of "unexpected arguments", and what the parser prints
    /// about the arguments has its control characters escaped (an argument is not trusted text).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let meant = misspelledCommand(arguments) {
            let typed = TerminalText.oneLine(arguments[0])
            Terminal.writeStderr(raw: "Error: unknown command '\(typed)'; did you mean '\(meant)'?\nUsage: \(usageString())\n  See 'cora --help' for the commands.\n")
            terminate(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = TerminalText.escaped(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success { print(message) } else { Terminal.writeStderr(raw: message + "\n") }
            }
            terminate(code.rawValue)
        }
        terminate(ExitCode.success.rawValue)
    }
}

/// Ends the process with `status` (the C library's `exit`, which `ParsableCommand` hides).
private func terminate(_ status: Int32) -> Never {
    exit(status)
}
