import ArgumentParser
import CoraCSV
import CoraKit
import Foundation

/// `cora batch`: migrates many inventories in one run, each to its own outputs under one folder,
/// or (`--merge`) all together into one model, with a report per file and a summary of all.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Migrate many inventories at once, with a report per file and a summary.",
        discussion: """
        Inputs are files, folders (searched recursively for *.csv, *.txt and *.tsv; hidden files \
        and links to folders left out) and wildcard patterns (quote them to let cora expand them: \
        'legacy/**/*.csv'). Each input's outputs go to --out under the same relative path with the \
        new extension (legacy/2019/hr.csv → DIR/2019/hr.csv, DIR/2019/hr.md, …; --to archi \
        writes the Archi CSV set into a folder per input, DIR/2019/hr.archi/), with \
        DIR/<path>.report.json (its diagnostics, always) and DIR/<path>.rejects.csv (the rows left \
        out, exactly as read; only when rows were left out). With --mapping auto (the default) every \
        file gets the mapping that fits its header best.

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

    @Option(name: .long, help: ArgumentHelp("The output folder (created when missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp(
        "The mapping for every file: auto (the best fit per file), a shipped name (cora mapping list) or the path of a YAML file.",
        valueName: "name|path|auto"))
    var mapping: String = MappingResolver.auto

    @Option(name: .long, help: ArgumentHelp(
        "The formats to write, comma-separated: csv, md, dot, json, archi (default: csv; with --merge: csv,md,dot,json).",
        valueName: "formats"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("How many files to convert at once (default: the number of cores).", valueName: "count"))
    var jobs: Int?

    @Flag(name: .long, help: "Read all inputs into one model: DIR/merged.csv, .md, .dot, .json.")
    var merge = false

    @Flag(name: .long, help: "Redo every input, even those that did not change since the last run.")
    var force = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Stop reading a file after this many errors.", valueName: "count"))
    var maxErrors: Int?

    @Option(name: .long, help: ArgumentHelp(
        "The deepest nesting accepted (CORA has five levels): a process deeper in its parent chain is an error.",
        valueName: "levels"))
    var maxDepth: Int = ConversionSettings.defaultMaxDepth

    @Option(name: .customLong("ignore"), help: ArgumentHelp("Leave out warnings with this code (repeatable).", valueName: "code"))
    var ignoredCodes: [String] = []

    @Option(name: .long, help: ArgumentHelp("The language of documents (md, dot): nl or en.", valueName: "nl|en"))
    var lang: DocumentLanguage = .nl

    @OptionGroup var reading: ReadingOptions

    /// The formats asked for.
    var formats: [BatchFormat] {
        guard let to else { return merge ? [.csv, .md, .dot, .json] : [.csv] }
        return (try? BatchFormat.list(to).get()) ?? [.csv]
    }

    func validate() throws {
        if inputs.contains("-") { throw ValidationError("cora batch reads files, not standard input (-); use cora convert for that") }
        if let to, case .failure(let error) = BatchFormat.list(to) { throw ValidationError("--to: \(error)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
        if maxDepth < 1 { throw ValidationError("--max-depth must be at least 1") }
    }

    func run() throws {
        let readOptions = reading.readOptions
        let settings = BatchSettings(
            inputs: inputs, out: out, mapping: mapping, formats: formats, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            merge: merge, force: force, strict: strict, maxErrors: maxErrors, maxDepth: maxDepth,
            ignoredWarnings: Set(ignoredCodes.compactMap(DiagnosticCode.init(rawValue:))), language: lang,
            readOptions: readOptions, skipRows: reading.skipRows, tool: "cora \(Cora.configuration.version)")
        let status = BatchRunner(settings: settings).run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// Everything `cora batch` was asked to do.
struct BatchSettings: Sendable {
    var inputs: [String]
    var out: String
    var mapping: String
    var formats: [BatchFormat]
    var jobs: Int
    var merge: Bool
    var force: Bool
    var strict: Bool
    var maxErrors: Int?
    var maxDepth = ConversionSettings.defaultMaxDepth
    var ignoredWarnings: Set<DiagnosticCode>
    var language: DocumentLanguage
    var readOptions: CSVReadOptions
    var skipRows: Int?
    var tool: String

    /// What the outputs depend on besides the inputs and the mapping: a change redoes every input.
    var optionsHash: String {
        let lines = [
            tool, "formats=\(formats.map(\.rawValue).joined(separator: ","))", "merge=\(merge)", "strict=\(strict)",
            "max-errors=\(maxErrors.map(String.init) ?? "-")", "ignore=\(ignoredWarnings.map(\.rawValue).sorted().joined(separator: ","))",
            "lang=\(language.rawValue)", "delimiter=\(readOptions.delimiter.map(String.init) ?? "-")",
            "encoding=\(readOptions.encoding?.rawValue ?? "-")", "max-field-size=\(readOptions.maxFieldBytes)",
            "max-fields=\(readOptions.maxFieldsPerRecord)", "skip-rows=\(skipRows.map(String.init) ?? "-")",
        ] + (readOptions.maxRecords == CSVReadOptions.defaultMaxRecords ? [] : ["max-rows=\(readOptions.maxRecords)"])
            + (maxDepth == ConversionSettings.defaultMaxDepth ? [] : ["max-depth=\(maxDepth)"])
        return SHA256.hexDigest(of: lines.joined(separator: "\n"))
    }
}
