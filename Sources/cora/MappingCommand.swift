import ArgumentParser
import CoraKit

/// `cora mapping`: the mappings that turn exports into the canonical model.
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "List, show and start mappings.",
        subcommands: [])
}
