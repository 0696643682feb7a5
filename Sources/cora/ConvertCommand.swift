import ArgumentParser
import CoraCSV
import CoraKit
#if canImport(Glibc)
import Glibc
#endif

/// `cora convert`: reads inventories, maps them to the canonical model and writes it out.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert inventories to the canonical process model.",
        discussion: """
        Formats (--to):
          csv        the canonical CSV: 15 fixed columns, then one column per property; ',' LF UTF-8.
          excel-csv  the same table for Excel: ';' delimiter, UTF-8 with BOM, CRLF. A cell that \
        starts with = + - @ TAB or CR gets a leading ' so Excel shows it as text instead of running \
        it as a formula (CSV injection); note that this also turns a value like -5 into '-5.
          json       the model as JSON: a "processes" array and the "diagnostics".
          md         a Markdown document (GitHub-flavoured) for a wiki: per category its \
        business processes, per business process its work processes and steps; --lang en for English.
          dot        a Graphviz diagram; --view landscape (the three bands, the default), \
        process:ID (one business process) or full (everything nested).
          svg, png   the same diagram drawn by Graphviz `dot` (apt-get install graphviz).
          archi      an Archi CSV set for Archi's "Import CSV Data Into Model": elements.csv, \
        relations.csv and properties.csv in the folder given with -o (made if missing), every field \
        quoted, CRLF, UTF-8; --prefix puts a name before each file, --archi-delimiter chooses , ; or \
        tab. Processes, functions, services, events, applications and a Grouping per category become \
        elements, with the relationships between them; an Archi input comes back with everything \
        else it held, unchanged.

        Several inputs are converted into one model. Diagnostics go to standard error \
        (file:line:column: error: message [code]), and with --report to a JSON or CSV file.
        """)

    @Argument(help: ArgumentHelp("The CSV files to convert; - reads standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("The output format: csv, excel-csv, json, md, dot, svg, png or archi.", valueName: "format"))
    var to: OutputFormat = .csv

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the output (standard output when left out or -); with --to archi, the folder of the three files.", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The language of documents (md, dot, svg, png): nl (CORA's Dutch terms) or en.", valueName: "nl|en"))
    var lang: DocumentLanguage = .nl

    @Option(name: .long, help: ArgumentHelp("The title of a document or diagram (md, dot, svg, png), or the name of a new model row (archi).", valueName: "text"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("What a diagram shows: landscape (the three bands), process:ID (one business process), full (everything).", valueName: "view"))
    var view: DOTRenderer.View = .landscape

    @Option(name: .long, help: ArgumentHelp("With --to archi: a name put before each file (test1- gives test1-elements.csv, …).", valueName: "text"))
    var prefix: String?

    @Option(name: .long, help: ArgumentHelp("With --to archi: the delimiter of the files, comma (the default), semicolon or tab. (--delimiter is about the input.)", valueName: "char"))
    var archiDelimiter: String?

    @Flag(name: .long, help: "Keep rows with errors in the model instead of leaving them out.")
    var keepInvalid = false

    @OptionGroup var conversion: ConversionOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, excelCSV = "excel-csv", json, md, dot, svg, png, archi
    }

    /// Threads for rendering a large CSV: the cores there are, up to two (one renders while the
    /// other does too; more hardly helps, the writing is serial).
    static var renderThreads: Int { min(2, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    func validate() throws {
        if to == .archi, output == nil || output == "-" {
            throw ValidationError("--to archi writes three files (elements.csv, relations.csv, properties.csv): name their folder with -o DIR")
        }
        if to != .archi, prefix != nil || archiDelimiter != nil {
            throw ValidationError("--prefix and --archi-delimiter are for --to archi")
        }
        if let archiDelimiter, ArchiOutput.delimiter(named: archiDelimiter) == nil {
            throw ValidationError("--archi-delimiter must be \(ArchiOutput.delimiterNames), not \"\(archiDelimiter)\"")
        }
        if let prefix, prefix.contains("/") { throw ValidationError("--prefix is part of a file name and cannot hold /") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        do {
            let result = try conversion.convert(inputs, keepInvalid: keepInvalid)
            defer { KeptUntilExit.keep(result) }
            if to == .archi, let output {
                try conversion.deliverFindings(of: result)
                try ArchiOutput.write(result.model, to: output, prefix: prefix ?? "",
                                      delimiter: archiDelimiter.flatMap(ArchiOutput.delimiter(named:)) ?? UInt8(ascii: ","), title: title)
                if result.errorCount > 0 { throw ExitStatus.dataErrors }
                return
            }
            if to == .csv || to == .excelCSV {
                // Written as it is rendered: a million rows are not held a second time as bytes.
                try conversion.deliverFindings(of: result)
                let renderer = CanonicalCSVRenderer(options: to == .csv ? .canonical : .excel)
                try OutputFile.write(to: output) { write in try renderer.render(result.model, threads: Self.renderThreads, in: write) }
                if result.errorCount > 0 { throw ExitStatus.dataErrors }
                return
            }
            let bytes: [UInt8]
            switch to {
            case .archi, .csv, .excelCSV: return  // written above
            case .json: bytes = Array(ModelJSONRenderer().render(result.model, diagnostics: result.diagnostics).utf8)
            case .md: bytes = Array(MarkdownRenderer(language: lang, title: title).render(result.model, diagnostics: result.diagnostics).utf8)
            case .dot, .svg, .png:
                let dotText: String
                do {
                    dotText = try DOTRenderer(language: lang, title: title).render(result.model, view: view)
                } catch {
                    throw CLIFailure(message: "error: --view: \(error)")
                }
                bytes = to == .dot ? Array(dotText.utf8) : try Graphviz.render(dotText, format: to.rawValue)
            }
            try conversion.deliverFindings(of: result)
            try OutputFile.write(bytes, to: output)
            if result.errorCount > 0 { throw ExitStatus.dataErrors }
        } catch let failure as CLIFailure {
            Terminal.writeStderr(failure.message + "\n")
            throw ExitStatus.cannotContinue
        }
    }
}

extension DiagnosticReportRenderer.Format: ExpressibleByArgument {}
extension DocumentLanguage: ExpressibleByArgument {}
extension DOTRenderer.View: ExpressibleByArgument {}
