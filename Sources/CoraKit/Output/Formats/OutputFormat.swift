/// One output format of `cora convert --to` and `cora batch --to`: its name, what it is, the file
/// (or folder) it writes, and how. Every format is one type, listed in ``OutputFormats/all``; the
/// commands, their help and the README's table of formats all come from that list.
///
/// A format writes through an ``OutputTarget``, piece by piece where it can, so that a large model
/// is never held whole as bytes as well.
public protocol OutputFormat: Sendable {
    /// The name `--to` takes: `csv`, `md`, `archi`.
    var name: String { get }
    /// Other words `--to` takes for it, in lower case (`markdown` for `md`); none by default.
    var aliases: [String] { get }
    /// What it writes, in one sentence (for `--help` and the README).
    var summary: String { get }
    /// The suffix of its file (`.csv`), or of its folder (`.archi`) when it writes several files.
    var fileSuffix: String { get }
    /// The names of the files it writes in its folder with the prefix `prefix` (`elements.csv`, …);
    /// `nil` for a format that writes one file.
    func folderFiles(prefix: String) -> [String]?
    /// Whether it needs ``OutputOptions/diagrams`` (Graphviz) to write.
    var drawsWithGraphviz: Bool { get }
    /// Whether it draws diagrams with ``OutputOptions/diagrams`` when Graphviz is installed, and
    /// writes without them (saying so) when it is not; ``drawsWithGraphviz`` by default.
    var usesGraphviz: Bool { get }
    /// Checks, before anything is written, that `model` can be written with `options` (a view that
    /// names a process the model has; a way to draw diagrams).
    func check(_ model: ProcessModel, options: OutputOptions) throws(RunFailure)
    /// The files it writes for `model` at `path` with `options`: ``files(at:prefix:)``, unless
    /// they follow from the model (the diagrams of `--view each`).
    func files(of model: ProcessModel, at path: String, options: OutputOptions) -> [String]
    /// Remarks on writing `model` with `options` that are no failure (a full view too large to
    /// read), said before it is written; none by default.
    func notes(about model: ProcessModel, options: OutputOptions) -> [String]
    /// Writes `model` (and, where the format holds them, `diagnostics`) to `target`.
    func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws
    /// Whether it writes binary data (a picture, a workbook), which a terminal cannot show; `false` by default.
    var writesBinary: Bool { get }
    /// Whether it holds the rows a run rejected, as they were read (the run then keeps them); `false` by default.
    var holdsRejectedRows: Bool { get }
    /// Writes a run's `result`: its model, its findings and, where the format holds them, the rows
    /// it rejected. By default the model and the findings (``write(_:diagnostics:options:to:)``).
    func write(_ result: ConversionResult, options: OutputOptions, to target: inout some OutputTarget) throws
}

extension OutputFormat {
    public var aliases: [String] { [] }
    public func folderFiles(prefix: String) -> [String]? { nil }
    public var drawsWithGraphviz: Bool { false }
    public var usesGraphviz: Bool { drawsWithGraphviz }
    public func check(_ model: ProcessModel, options: OutputOptions) throws(RunFailure) {}
    public func notes(about model: ProcessModel, options: OutputOptions) -> [String] { [] }
    public var holdsRejectedRows: Bool { false }
    public var writesBinary: Bool { false }
    public func write(_ result: ConversionResult, options: OutputOptions, to target: inout some OutputTarget) throws {
        try write(result.model, diagnostics: result.diagnostics, options: options, to: &target)
    }
    public func files(of model: ProcessModel, at path: String, options: OutputOptions) -> [String] {
        files(at: path, prefix: options.archiPrefix)
    }

    /// Why the format cannot write to standard output with `view`, or `nil` when it can: several
    /// files (a format that writes a folder, `--view each`), or binary data when standard output is
    /// a terminal (`toTerminal`).
    public func standardOutputProblem(view: DOTRenderer.View, toTerminal: Bool) -> String? {
        if let files = folderFiles(prefix: "") {
            return "--to \(name) writes \(files.count) files (\(files.joined(separator: ", "))): name their folder with -o DIR"
        }
        if writesBinary, toTerminal {
            return "--to \(name) writes binary data, which a terminal cannot show: name the file with -o FILE (or redirect)"
        }
        if view == .each {
            return "--view each writes the landscape and a diagram per business process: name their folder with -o DIR"
        }
        return nil
    }

    /// Whether the format writes a folder of files rather than one file.
    public var writesFolder: Bool { folderFiles(prefix: "") != nil }

    /// The paths it writes for the output at `path`: `path` itself, or the files in the folder `path`.
    public func files(at path: String, prefix: String = "") -> [String] {
        folderFiles(prefix: prefix).map { names in names.map { path + "/" + $0 } } ?? [path]
    }
}
