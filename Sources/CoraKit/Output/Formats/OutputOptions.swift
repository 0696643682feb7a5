import CoraCSV

/// How a model is written, beyond its format: the language and title of documents, the view of a
/// diagram, the Archi files' prefix and delimiter, and the means to draw.
public struct OutputOptions: Sendable {
    /// The language of documents and diagrams (`--lang`).
    public var language: DocumentLanguage
    /// The title of a document or diagram, or the name of a new Archi model row (`--title`).
    public var title: String?
    /// What a diagram shows (`--view`).
    public var view: DOTRenderer.View
    /// Put before the name of each file of an Archi set (`--prefix`).
    public var archiPrefix: String
    /// The delimiter of an Archi set (`--archi-delimiter`).
    public var archiDelimiter: UInt8
    /// Threads for rendering a large canonical CSV.
    public var renderThreads: Int
    /// Diagrams drawn at once (`--view each`: one `dot` each).
    public var diagramThreads: Int
    /// Draws diagrams as SVG or PNG; `nil` where Graphviz is not at hand.
    public var diagrams: (any DiagramDrawing)?
    /// The day documents are made, for the handbook's title page (the library reads no clock).
    public var date: DocumentDate?
    /// The name of what the model was read from (the input's file name without its extension),
    /// for a diagram's default title.
    public var sourceName: String?

    /// Options; the defaults write Dutch documents without a title, the landscape, a `,` Archi set.
    public init(language: DocumentLanguage = .nl, title: String? = nil, view: DOTRenderer.View = .landscape, archiPrefix: String = "",
                archiDelimiter: UInt8 = UInt8(ascii: ","), renderThreads: Int = 1, diagrams: (any DiagramDrawing)? = nil,
                sourceName: String? = nil, diagramThreads: Int = 1, date: DocumentDate? = nil) {
        self.language = language
        self.title = title
        self.view = view
        self.archiPrefix = archiPrefix
        self.archiDelimiter = archiDelimiter
        self.renderThreads = renderThreads
        self.diagrams = diagrams
        self.sourceName = sourceName
        self.diagramThreads = diagramThreads
        self.date = date
    }

    /// The name of the file at `path` without its folder and extension (`inventaris` for
    /// `in/inventaris.csv`); `nil` for standard input.
    public static func sourceName(of path: String) -> String? {
        guard path != "-", !path.isEmpty else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The title to write `model` under: `--title`, else the name of the Archi model row the model
    /// was read with (an Archi set names its model), else none (the renderer's own).
    public func title(of model: ProcessModel) -> String? {
        if let title { return title }
        guard let name = model.archi?.modelRow?.name, !name.trimmingWhitespace().isEmpty else { return nil }
        return name
    }
}

extension OutputOptions {
    /// The delimiter of an Archi set named `name` (`comma`, `;`, `tab`, …), among those Archi reads
    /// (comma, semicolon, tab); `nil` for any other (`--archi-delimiter`).
    public static func archiDelimiter(named name: String) -> UInt8? {
        guard let byte = CSVDialect.delimiter(named: name), [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].contains(byte) else { return nil }
        return byte
    }
}
