import CoraCSV

/// Everything `cora batch` was asked to do.
public struct BatchSettings: Sendable {
    /// Files, folders and wildcard patterns.
    public var inputs: [String]
    /// The output folder.
    public var out: String
    /// The mapping for every file: `auto` (the best fit per file), a name, or the path of a YAML file.
    public var mapping: String
    /// The formats to write.
    public var formats: [any OutputFormat]
    /// How many inputs to convert at once.
    public var jobs: Int
    /// Whether all inputs make one model.
    public var merge: Bool
    /// Whether to redo and rewrite everything, changed or not.
    public var force: Bool
    /// How every input is read and checked.
    public var conversion: ConversionSettings
    /// How the models are written.
    public var options: OutputOptions
    /// The tool and its version, as the summary and the manifest name it.
    public var tool: String

    /// Settings; the conversion settings' records are not kept whole (a batch writes each input's
    /// rejects from its own run) and no input is read ahead (inputs run in parallel instead).
    public init(inputs: [String], out: String, mapping: String = MappingLibrary.auto, formats: [any OutputFormat]? = nil, jobs: Int = 1,
                merge: Bool = false, force: Bool = false, conversion: ConversionSettings = ConversionSettings(),
                options: OutputOptions = OutputOptions(), tool: String) {
        self.inputs = inputs
        self.out = out
        self.mapping = MappingLibrary.readerName(mapping)
        self.formats = formats ?? Self.defaultFormats(merge: merge)
        self.jobs = max(1, jobs)
        self.merge = merge
        self.force = force
        self.conversion = conversion
        self.conversion.keepInvalid = false
        self.conversion.readsAhead = false
        self.options = options
        self.tool = tool
    }

    /// The formats written when none are named: `csv`, and with `--merge` `csv,md,dot,json`.
    public static func defaultFormats(merge: Bool) -> [any OutputFormat] {
        let names = merge ? ["csv", "md", "dot", "json"] : ["csv"]
        return OutputFormats.all.filter { names.contains($0.name) }
    }

    /// What the outputs depend on besides the inputs and the mapping: a change redoes every input.
    public var optionsHash: String {
        let read = conversion.readOptions, policy = conversion.policy
        let lines = [
            tool, "formats=\(formats.map(\.name).joined(separator: ","))", "merge=\(merge)", "strict=\(policy.strict)",
            "max-errors=\(policy.maxErrors.map(String.init) ?? "-")", "ignore=\(policy.ignored.map(\.rawValue).sorted().joined(separator: ","))",
            "lang=\(options.language.rawValue)", "delimiter=\(read.delimiter.map(String.init) ?? "-")",
            "encoding=\(read.encoding?.rawValue ?? "-")", "max-field-size=\(read.maxFieldBytes)",
            "max-fields=\(read.maxFieldsPerRecord)", "skip-rows=\(conversion.skipRows.map(String.init) ?? "-")",
        ] + (read.maxRecords == CSVReadOptions.defaultMaxRecords ? [] : ["max-rows=\(read.maxRecords)"])
            + (conversion.maxDepth == ConversionSettings.defaultMaxDepth ? [] : ["max-depth=\(conversion.maxDepth)"])
            + (options.title.map { ["title=\($0)"] } ?? [])
        return SHA256.hexDigest(of: lines.joined(separator: "\n"))
    }
}
