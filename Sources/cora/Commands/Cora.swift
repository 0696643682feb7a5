import ArgumentParser

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
}
