/// What `cora inspect` says about an ArchiMate exchange document: the model, and how many
/// elements, relationships, views, folders and property definitions of which types it holds.
public struct ExchangeSummary: Sendable {
    /// The document.
    public var document: ExchangeDocument

    /// A summary of `document`.
    public init(_ document: ExchangeDocument) {
        self.document = document
    }

    /// The summary as lines of text, the file named `file`.
    public func text(file: String) -> String {
        func counts(_ concepts: [ExchangeConcept]) -> String {
            var byType: [String: Int] = [:]
            for concept in concepts { byType[concept.type, default: 0] += 1 }
            let types = byType.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return "\(concepts.count)" + (types.isEmpty ? "" : ": " + types.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        var folders = 0
        for organizations in document.organizations {
            organizations.forEach { if $0.name == "item" && $0.child("label") != nil { folders += 1 } }
        }
        let generated = document.views.count { ($0[attribute: "identifier"] ?? "").hasPrefix(ExchangeRetained.generatedViewPrefix) }
        let lines = [
            ("file", file),
            ("kind", "ArchiMate exchange document (read with --mapping ameff, or auto)"),
            ("model", "\(TerminalText.oneLine(document.name)) (identifier \(TerminalText.oneLine(document.identifier)))"),
            ("language", document.language ?? "not given"),
            ("elements", counts(document.elements)),
            ("relationships", counts(document.relationships)),
            ("views", "\(document.views.count)" + (generated > 0 ? " (\(generated) made by cora, made anew on every write)" : "")),
            ("folders", folders == 0 ? "none" : "\(folders)"),
            ("properties", "\(document.propertyDefinitions.count) definitions"),
        ]
        return lines.map { "\($0.0):".padding(toLength: 15, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n") + "\n"
    }
}
