// TEMPORARY stub until the views land.
struct ExchangeViews {
    init(model: ProcessModel, language: String?, documentLanguage: DocumentLanguage) {}
    func views(for document: ExchangeDocument, processElements: [String: String], identifiers: inout ExchangeIdentifiers) -> [XMLTree] { [] }
}
