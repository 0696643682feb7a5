/// The organizations cora writes for a model that did not come with its own: the folders Archi
/// shows in its model tree.
///
/// ```
/// Business
///   Primaire processen
///     Procesketens
///     Bedrijfsprocessen
///     Werkprocessen
///     Processtappen
///   Sturende processen …
/// Views
///   CORA (gemaakt door cora)
/// ```
///
/// A folder per category in CORA's order (and one for processes without a category), inside it a
/// folder per level in CORA's order (and one for processes without a level), each process in the
/// folder of its category and level. Archi puts a folder item under its own top folder when the
/// top item's label is the name of one ("Business", "Views"); the functions, services, events,
/// applications, groupings and relationships are left to Archi's default folders.
struct ExchangeFolders {
    let language: DocumentLanguage
    /// The `xml:lang` of the labels.
    let xmlLanguage: String?

    /// The `<organizations>` element.
    func organizations(model: ProcessModel, processElements: [String: String], views: [XMLTree]) -> XMLTree {
        var byPlace: [String: [String]] = [:]
        var written = Set<String>()
        for process in model.processes {
            guard let identifier = processElements[process.id], written.insert(identifier).inserted else { continue }
            byPlace[Self.key(process.category, process.level), default: []].append(identifier)
        }
        var categories: [XMLTree] = []
        for category in ProcessCategory.allCases.map(Optional.some) + [nil] {
            var levels: [XMLTree] = []
            for level in ProcessLevel.allCases.map(Optional.some) + [nil] {
                guard let members = byPlace[Self.key(category, level)] else { continue }
                let name = level.map { plural in
                    let word = language.levelPlural(plural)
                    return word.prefix(1).uppercased() + word.dropFirst()
                } ?? (language == .nl ? "Niveau onbekend" : "Level unknown")
                levels.append(folder(name, members.map { XMLTree("item", attributes: [XMLAttribute("identifierRef", $0)]) }))
            }
            if !levels.isEmpty { categories.append(folder(language.section(category), levels)) }
        }
        var top: [XMLTree] = []
        if !categories.isEmpty { top.append(folder("Business", categories)) }
        let viewItems = views.compactMap { $0[attribute: "identifier"] }.map { XMLTree("item", attributes: [XMLAttribute("identifierRef", $0)]) }
        if !viewItems.isEmpty {
            let name = language == .nl ? "CORA (gemaakt door cora)" : "CORA (made by cora)"
            top.append(folder("Views", [folder(name, viewItems)]))
        }
        return XMLTree("organizations", children: top)
    }

    private func folder(_ label: String, _ children: [XMLTree]) -> XMLTree {
        let lang = xmlLanguage.map { [XMLAttribute("xml:lang", $0)] } ?? []
        return XMLTree("item", children: [XMLTree("label", attributes: lang, text: label)] + children)
    }

    private static func key(_ category: ProcessCategory?, _ level: ProcessLevel?) -> String {
        (category?.rawValue ?? "-") + "/" + (level?.rawValue ?? "-")
    }
}
