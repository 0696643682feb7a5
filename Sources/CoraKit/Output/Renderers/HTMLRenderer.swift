/// Renders the model as the process handbook: one self-contained HTML document that opens from a
/// mail attachment or a shared folder and works offline. A title page (title, source files, date,
/// counts, findings); a search box; the clickable landscape; a section per category with a folding
/// section per business process (its facts, description, work processes and steps, properties,
/// findings and diagram); the process chains, the other processes, the requirements, the PDCA
/// cycle; and the findings as a table linked both ways with the processes they concern.
///
/// Safe whatever the data holds: every value goes through ``HTMLText`` for its context (text,
/// attribute, link), ids and links are made from ``DiagramElementID`` (never from data), the
/// diagrams are rebuilt element by element (``InlineSVG``), and a Content Security Policy allows
/// nothing to load and only the document's own style and script (by their hashes) to apply and run.
/// The document reads whole without scripts; the script only searches and folds.
///
/// The renderer draws nothing: ``HTMLFormat`` draws the diagrams (with Graphviz) and hands them in
/// as ``HandbookFigures``.
public struct HTMLRenderer: Sendable {
    /// The language of the document.
    public var language: DocumentLanguage
    /// The title; "Procesmodel" ("Process model") when `nil`.
    public var title: String?
    /// The day the handbook was made, for its title page; none shown when `nil`.
    public var date: DocumentDate?
    /// How many findings the findings table lists one by one.
    public var findingsListed: Int
    /// Beyond this many processes, the business processes' sections start folded.
    public var foldBeyond: Int

    /// The most processes for which every section starts open.
    public static let defaultFoldBeyond = 300
    /// The most findings listed in the table by default (all are in `--report`).
    public static let defaultFindingsListed = 5_000

    /// Creates a renderer.
    public init(language: DocumentLanguage = .nl, title: String? = nil, date: DocumentDate? = nil,
                findingsListed: Int = HTMLRenderer.defaultFindingsListed, foldBeyond: Int = HTMLRenderer.defaultFoldBeyond) {
        self.language = language
        self.title = title
        self.date = date
        self.findingsListed = findingsListed
        self.foldBeyond = foldBeyond
    }

    /// The anchor (element id) of the section or row of the process with id `processID`.
    public static func anchor(of processID: String) -> String { DiagramElementID.of(processID) }

    /// The anchor of the landscape's section, to which each process diagram's title links back.
    public static let landscapeAnchor = "landschap"

    /// The HTML document, ending with a line break.
    public func render(_ model: ProcessModel, diagnostics: [Diagnostic] = [], figures: HandbookFigures = HandbookFigures()) -> String {
        // Read many times and in any order: the processes as values, made once from the columns.
        var page = HandbookPage(model: model.withProcessesAsValues, diagnostics: diagnostics, figures: figures, renderer: self)
        return page.document()
    }

    /// The handbook's words.
    var words: HandbookWords { HandbookWords(language: language) }
}

/// The diagrams of a handbook, drawn before it is written: the landscape, one per business
/// process and the PDCA cycle (each an `<svg>` element ready for the page, see ``InlineSVG``), or why there are none.
public struct HandbookFigures: Sendable {
    /// A figure: a picture, or what went wrong drawing it.
    public enum Figure: Sendable, Equatable {
        /// An `<svg>` element, safe to put in the page as it is.
        case picture(String)
        /// The message of a drawing that failed.
        case failed(String)
        /// Why there is no drawing (too large to read), said where it would be.
        case omitted(String)
    }

    /// The landscape, linking to the business processes' sections.
    public var landscape: Figure?
    /// The diagram of each business process, by process id.
    public var processes: [String: Figure]
    /// The Plan-Do-Check-Act cycle, when the model has one.
    public var pdca: Figure?
    /// Said on the title page when diagrams are missing (Graphviz not installed, too many).
    public var notes: [String]

    /// Figures; by default none.
    public init(landscape: Figure? = nil, processes: [String: Figure] = [:], pdca: Figure? = nil, notes: [String] = []) {
        self.landscape = landscape
        self.processes = processes
        self.pdca = pdca
        self.notes = notes
    }
}
