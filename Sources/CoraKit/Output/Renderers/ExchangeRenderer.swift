/// Renders the model as one ArchiMate Open Exchange Format document (version 3.1 of the schemas,
/// `archimate3_Diagram.xsd`), for Archi's "Import → Open Exchange XML Model" and the other tools
/// that read the format.
///
/// The elements, relationships and properties are those of the Archi CSV export
/// (``ArchiExportRenderer``: processes as `BusinessProcess` or `BusinessInteraction`, functions,
/// services, events, applications, category groupings, the relationships of
/// ``ArchiProcessRelation``, the level and the other fields as properties); the exchange format
/// adds:
///
/// - **identifiers** that are `xs:ID` values: an id that is one stays as it is; any other (`1.2`,
///   `WP 3`) becomes one (`id-1.2`, `id-WP3-…`), and the element gets the property `cora-id` with
///   the id, by which reading the document back gives the process its id again;
/// - **property definitions**, one per key (those of a document read are kept with their identifiers);
/// - **organizations**: the folders of the document read, or else a folder per category and,
///   inside it, per level (Archi shows them in its model tree under "Business"), and a folder for
///   the views cora made;
/// - **views**: those of the document read (nodes and connections whose element or relationship is
///   no longer in the model are left out), and the views cora makes (``ExchangeViews``): the CORA
///   landscape and one per business process, identifiers starting with `cora-view-`;
/// - every relationship type checked against ArchiMate 3.1's table of allowed relationships
///   (``ArchiMateRelationships``): one it forbids between the two element types is written as an
///   Association (which it allows between any two), with the property `cora-type` naming the type.
public struct ExchangeRenderer: Sendable {
    /// The document language: the words of folders and generated views, and `xml:lang` of a model
    /// that was not read from an exchange document.
    public var language: DocumentLanguage
    /// The model's name, in place of the name read (`--title`).
    public var title: String?
    /// The model's name when none was given or read: "Procesmodel" and the input's name.
    public var defaultTitle: String?

    /// Creates a renderer.
    public init(language: DocumentLanguage = .nl, title: String? = nil, defaultTitle: String? = nil) {
        self.language = language
        self.title = title
        self.defaultTitle = defaultTitle
    }

    /// The document's bytes for `model`.
    public func render(_ model: ProcessModel) -> [UInt8] {
        ExchangeWriter().write(document(for: model))
    }

    /// The document for `model`.
    public func document(for model: ProcessModel) -> ExchangeDocument {
        // Read many times and in any order: the processes as values, made once from the columns.
        var build = ExchangeDocumentBuild(model: model.withProcessesAsValues, language: language, title: title,
                                          defaultTitle: defaultTitle ?? language.text(.processModel))
        return build.make()
    }
}
