import ArgumentParser
import CoraKit

/// `cora mapping`: the mappings that turn exports into the canonical model.
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "List, show and start mappings.",
        discussion: """
        A mapping (YAML, see Mappings/README.md) says how one kind of export becomes the canonical \
        model. Besides the shipped mappings, every *.yaml in ./Mappings and in the folder named by \
        $CORA_MAPPINGS can be named with --mapping NAME; a local mapping with the name of a shipped \
        one takes its place.
        """,
        subcommands: [List.self, Show.self, Init.self])

    /// `cora mapping list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the known mappings: name, origin (builtin or the file) and description.")

        func run() throws {
            try Terminal.perform { try Terminal.writeStdout(MappingLibrary.listing(Machine.library.entries(), readers: MappingLibrary.readers)) }
        }
    }

    /// `cora mapping show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the YAML text of a mapping.")

        @Argument(help: ArgumentHelp("A mapping name (cora mapping list) or the path of a YAML file.", valueName: "name|path"))
        var mapping: String

        func run() throws {
            try Terminal.perform {
                if let reader = MappingLibrary.readers.first(where: { $0.name == mapping }) {
                    try Terminal.writeStdout("# \(reader.name): \(reader.description).\n# It has no YAML text; see cora mapping list and the README.\n")
                    return
                }
                var entry = try Machine.library.entry(mapping)
                if let note = Machine.library.shadowingNote(entry) {
                    if case .failure(let error) = entry.mapping, let builtin = Machine.library.entries().first(where: { $0.isBuiltin && $0.name == entry.name }) {
                        // `cora mapping show NAME > Mappings/NAME.yaml` makes the empty local file first.
                        Terminal.tell(.note(Note(file: entry.origin, message: "this local mapping cannot be used (\(error.message)); the built-in mapping \"\(entry.name)\" follows")))
                        entry = builtin
                    } else {
                        Terminal.tell(.note(note))
                    }
                }
                try Terminal.writeStdout(Array((entry.yaml.hasSuffix("\n") || entry.yaml.isEmpty ? entry.yaml : entry.yaml + "\n").utf8))
                if case .failure(let error) = entry.mapping { throw RunFailure(error.diagnostics) }
            }
        }
    }

    /// `cora mapping init`.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Draft a mapping for an export from its header and a sample of its rows.",
            discussion: """
            Recognises each column by its header (Procesnaam, Soort, Bovenliggend proces, …), and \
            from the rows: the delimiter and encoding, separators in multi-valued cells, the shape \
            of the hierarchy (a parent column, dotted codes like 1.2.3, or one column per level), \
            level and category values that need a value map, and BP/WP prefixes in names. The YAML \
            is commented: check the lines marked TODO, then run \
            cora convert INPUT --mapping THE_FILE.
            """)

        @Argument(help: ArgumentHelp("The export (CSV); - reads standard input.", valueName: "input"))
        var input: String

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
            "Where to write the mapping (standard output when left out or -); an existing file is kept unless --force.", valueName: "path"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("The mapping's name (default: the output file's name, else the input's).", valueName: "name"))
        var name: String?

        @Option(name: .long, help: ArgumentHelp("How many rows to look at.", valueName: "count"))
        var sampleRows: Int = 1000

        @Flag(name: .long, help: "Overwrite the output file if it exists.")
        var force = false

        @OptionGroup var reading: ReadingOptions

        func validate() throws {
            if sampleRows < 1 { throw ValidationError("--sample-rows must be at least 1") }
        }

        func run() throws {
            let job = MappingDraftJob(input: input, output: output, name: name, sampleRows: sampleRows, force: force, readOptions: reading.readOptions, sheet: reading.sheet)
            try Terminal.perform {
                Terminal.tell(.note(try job.run(fileSystem: Machine.fileSystem, show: Terminal.show)))
            }
        }
    }
}
