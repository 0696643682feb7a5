#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import CoraCSV
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
            let entries = MappingResolver.entries()
            let localNames = Set(entries.filter { !$0.isBuiltin }.map(\.name))
            let rows: [[String]] = entries.map { entry in
                var origin = entry.origin
                if entry.isBuiltin && localNames.contains(entry.name) { origin += " (replaced by a local mapping)" }
                let description: String
                switch entry.mapping {
                case .success(let mapping): description = mapping.description
                case .failure(let error): description = "unusable: " + (error.line.map { "line \($0): " } ?? "") + error.message
                }
                return [entry.name, origin, description]
            } + Self.readers.map { [$0.name, "builtin", $0.description] }
            let nameWidth = max(4, rows.map { $0[0].count }.max() ?? 0)
            let originWidth = max(6, rows.map { $0[1].count }.max() ?? 0)
            func line(_ cells: [String]) -> String {
                (cells[0].padding(to: nameWidth) + "  " + cells[1].padding(to: originWidth) + "  " + cells[2]).trimmingTrailingSpaces() + "\n"
            }
            try Terminal.writeStdout(line(["NAME", "ORIGIN", "DESCRIPTION"]) + rows.map(line).joined())
        }

        /// The names `--mapping` takes besides the YAML mappings: readers built into cora.
        static let readers: [(name: String, description: String)] = [
            (ArchiInput.mappingName,
             "Archi's CSV export set (elements.csv, relations.csv, properties.csv; name a file of the set or its folder), read by cora itself, not by a YAML mapping"),
            (MappingResolver.auto,
             "Chooses for the first input: archi for an Archi set, else the mapping whose detect headers its header matches (the default)"),
        ]
    }

    /// `cora mapping show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the YAML text of a mapping.")

        @Argument(help: ArgumentHelp("A mapping name (cora mapping list) or the path of a YAML file.", valueName: "name|path"))
        var mapping: String

        func run() throws {
            if let reader = List.readers.first(where: { $0.name == mapping }) {
                try Terminal.writeStdout("# \(reader.name): \(reader.description).\n# It has no YAML text; see cora mapping list and the README.\n")
                return
            }
            do {
                let entry = try MappingResolver.entry(mapping)
                try Terminal.writeStdout(entry.yaml.hasSuffix("\n") || entry.yaml.isEmpty ? entry.yaml : entry.yaml + "\n")
                if case .failure(let error) = entry.mapping {
                    Terminal.writeStderr(error.description + "\n")
                    throw ExitStatus.cannotContinue
                }
            } catch let failure as CLIFailure {
                Terminal.writeStderr(failure.message + "\n")
                throw ExitStatus.cannotContinue
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
            do {
                if let output, output != "-", !force, access(output, F_OK) == 0 {
                    throw CLIFailure(message: "\(output): error: the file exists; choose another path or add --force")
                }
                let file = try InputFile(path: input)
                defer { file.close() }
                let reader: CSVReader
                do {
                    reader = try CSVReader(source: file.source, options: reading.readOptions)
                } catch {
                    throw CLIFailure(message: "\(input): error: cannot read: \(error) [unreadable-input]")
                }
                var records: [CSVRecord] = []
                var failure: CSVIssue?
                do {
                    while records.count < sampleRows + 10, let record = try reader.next() { records.append(record) }
                } catch let issue as CSVIssue {
                    failure = issue
                } catch {
                    throw CLIFailure(message: "\(input): error: cannot read: \(error) [unreadable-input]")
                }
                var diagnostics = reader.warnings.map { Diagnostic($0, file: input) }
                if let failure {
                    var diagnostic = Diagnostic(failure, file: input)
                    diagnostic.severity = .warning
                    diagnostic.message += "; the draft uses the rows before it"
                    diagnostics.append(diagnostic)
                }
                Terminal.report(diagnostics)
                guard !records.isEmpty else {
                    throw CLIFailure(message: "\(input): error: the file holds no rows, not even a header [empty-file]")
                }

                let mappingName = name ?? defaultName()
                let displayName = input == "-" ? "standard input" : input
                let draft = MappingDraft(file: displayName, name: mappingName, records: records,
                                         delimiter: reader.dialect.delimiter, encoding: reader.dialect.encoding)
                let yaml = draft.yaml
                do {
                    _ = try MappingParser.parse(yaml, file: output ?? "the draft", fallbackName: mappingName)
                } catch {
                    throw CLIFailure(message: "\(input): error: the drafted mapping does not read back (a bug in cora): \(error)")
                }
                try OutputFile.write(Array(yaml.utf8), to: output)

                let placed = draft.header.indices.count - draft.unplaced.count
                let todos = yaml.components(separatedBy: "TODO:").count - 1
                var note = "\(input): note: drafted mapping \(mappingName): \(placed) of \(draft.header.count) columns placed"
                note += todos > 0 ? "; \(todos) TODO\(todos == 1 ? "" : "s") to check" : ""
                if let output, output != "-" { note += "; then: cora convert \(input) --mapping \(output)" }
                Terminal.writeStderr(note + "\n")
            } catch let failure as CLIFailure {
                Terminal.writeStderr(failure.message + "\n")
                throw ExitStatus.cannotContinue
            }
        }

        /// The output file's name, else the input's, as a mapping name.
        private func defaultName() -> String {
            let source = output.flatMap { $0 == "-" ? nil : $0 } ?? (input == "-" ? "mapping" : input)
            var base = MappingResolver.baseName(of: source)
            if let dot = base.lastIndex(of: "."), base[dot...].count <= 5 { base = String(base[..<dot]) }
            let slug = ProcessIdentifier.slug(base).lowercased()
            return slug.isEmpty ? "mapping" : slug
        }
    }
}

private extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
