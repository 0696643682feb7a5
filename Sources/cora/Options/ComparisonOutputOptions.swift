import ArgumentParser
import CoraKit

/// The options `cora diff` and `cora coverage` share: the pairs file, and how and where the
/// outcome is written.
struct ComparisonOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The output format: text (the default; coloured on a terminal), md, csv, excel-csv (; and a BOM, for a Dutch Excel), json or html; for coverage also the heat map of the reference's landscape: dot, svg or png.", valueName: "format"))
    var to: String = "text"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write it (standard output when left out or -).", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The language of the documents (md, html, the heat map) and of level names: nl or en.", valueName: "nl|en"))
    var lang: DocumentLanguage = .nl

    @Option(name: .long, help: ArgumentHelp("A pairs file: processes paired by hand (by id) before cora pairs the rest; --write-pairs writes one to start from.", valueName: "path"))
    var pairs: String?

    @Option(name: .long, help: ArgumentHelp("Also write the pairs cora made (and, as comments, what it could not pair) as a pairs file to check and read back with --pairs.", valueName: "path"))
    var writePairs: String?

    @Option(name: .long, help: ArgumentHelp("How processes may be paired besides the pairs file (repeatable, or comma-separated): id, code, name, similarity (all by default); --match id pairs by id alone, as the ids prove.", valueName: "method"))
    var match: [String] = []

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        guard ComparisonFormat(named: to) != nil else { throw ValidationError("--to must be text, md, csv, excel-csv, json, html, dot, svg or png, not \"\(to)\"") }
        if let writePairs, writePairs == "-" || writePairs.isEmpty { throw ValidationError("--write-pairs needs a file name") }
        if let pairs, pairs == "-" || pairs.isEmpty { throw ValidationError("--pairs needs a file name") }
        do { _ = try ComparisonArguments.methods(match) } catch { throw ValidationError(error.message) }
    }

    /// The matcher these options ask for.
    var matcher: ProcessMatcher { ProcessMatcher(methods: (try? ComparisonArguments.methods(match)) ?? Set(MatchMethod.allCases)) }

    /// The format asked for.
    var format: ComparisonFormat { ComparisonFormat(named: to) ?? .text }

    /// Whether text goes to a terminal that shows colour.
    var colours: Bool { format == .text && (output == nil || output == "-") && Terminal.showsColour(1) }

    /// How an input is read for a comparison: as `cora convert` reads it, rows with errors kept
    /// (a comparison compares what is there; the errors are said).
    func reader(_ input: String, mapping: String) -> ConversionJob {
        ConversionJob(inputs: [input], mapping: mapping, settings: ConversionSettings(
            readOptions: reading.readOptions, skipRows: reading.skipRows, sheet: reading.sheet, keepInvalid: true, keepsRejectedRecords: false))
    }
}
