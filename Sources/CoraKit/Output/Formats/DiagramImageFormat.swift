/// `svg` and `png`: the diagram of ``DOTFormat`` drawn by Graphviz `dot` (``OutputOptions/diagrams``);
/// with `--view each`, a folder of them, the landscape's boxes linking to the other files.
public struct DiagramImageFormat: OutputFormat {
    public let name: String
    public let summary: String
    public let fileSuffix: String
    public var drawsWithGraphviz: Bool { true }
    public var writesBinary: Bool { name == "png" }

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

    public func files(of model: ProcessModel, at path: String, options: OutputOptions) -> [String] {
        DOTFormat.files(of: model, at: path, options: options, suffix: fileSuffix)
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
        let all = try DOTFormat.diagrams(model, options: options, linkSuffix: fileSuffix)
        guard options.view == .each else {
            try target.write(nil, bytes: try diagrams.draw(all[0].dot, as: name))
            return
        }
        // --view each: a block of diagrams drawn at once (a `dot` each), then written in order.
        let threads = max(1, options.diagramThreads)
        for start in stride(from: 0, to: all.count, by: threads * 4) {
            let block = Array(all[start..<min(start + threads * 4, all.count)])
            let drawn = diagrams.drawEach(block.map(\.dot), as: name, threads: threads)
            for (diagram, picture) in zip(block, drawn) {
                try target.write(diagram.stem + fileSuffix, bytes: try picture.get())
            }
        }
    }
}
