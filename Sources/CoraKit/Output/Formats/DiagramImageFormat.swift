/// `svg` and `png`: the diagram of ``DOTFormat`` drawn by Graphviz `dot` (``OutputOptions/diagrams``);
/// with `--view each`, a folder of them, the landscape's boxes linking to the other files.
public struct DiagramImageFormat: OutputFormat {
    public let name: String
    public let summary: String
    public let fileSuffix: String
    public var drawsWithGraphviz: Bool { true }

    /// An SVG picture (scalable, for a wiki or a browser).
    public static let svg = DiagramImageFormat(name: "svg", summary: "the diagram drawn by Graphviz `dot` as SVG (apt-get install graphviz)")
    /// A PNG picture.
    public static let png = DiagramImageFormat(name: "png", summary: "the diagram drawn by Graphviz `dot` as PNG (apt-get install graphviz)")

    private init(name: String, summary: String) {
        self.name = name
        self.summary = summary
        self.fileSuffix = "." + name
    }

    public func notes(about model: ProcessModel, options: OutputOptions) -> [String] {
        DOTFormat.notes(about: model, options: options)
    }

    public func check(_ model: ProcessModel, options: OutputOptions) throws(RunFailure) {
        _ = try DOTFormat.diagrams(model, options: options, linkSuffix: fileSuffix)
        guard options.diagrams != nil else {
            throw RunFailure(
                .graphvizFailed, "Graphviz is not installed: cora needs its `dot` program to draw SVG and PNG",
                hint: "install it with `sudo apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` (macOS) or from https://graphviz.org/download/, or write DOT with --to dot and render it elsewhere")
        }
    }

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        guard let diagrams = options.diagrams else { try check(model, options: options); return }
        for diagram in try DOTFormat.diagrams(model, options: options, linkSuffix: fileSuffix) {
            try target.write(options.view == .each ? diagram.stem + fileSuffix : nil, bytes: try diagrams.draw(diagram.dot, as: name))
        }
    }
}
