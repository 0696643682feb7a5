import CoraCSV

/// Writes a ``ModelComparison`` (`cora diff`): as text for a terminal, coloured like a diff; as a
/// Markdown document; as CSV (one row per change); as JSON (an object with a `changes` array).
///
/// CSV and JSON carry the changes as ``ModelDiff`` makes them (ids and canonical values); text and
/// Markdown name the processes, and a parent by its name.
public struct DiffRenderer: Sendable {
    /// The format.
    public var format: ComparisonFormat
    /// The language of level names in text and of the Markdown document.
    public var language: DocumentLanguage
    /// Whether text is coloured with ANSI escapes (removed red, added green, changed yellow).
    public var colours: Bool
    /// The day an HTML page is dated.
    public var date: DocumentDate?

    /// A renderer.
    public init(format: ComparisonFormat, language: DocumentLanguage = .nl, colours: Bool = false, date: DocumentDate? = nil) {
        self.format = format
        self.language = language
        self.colours = colours
        self.date = date
    }

    /// The CSV header.
    public static let csvHeader = ["kind", "old", "new", "name", "field", "oldValue", "newValue", "match", "score"]

    /// `comparison` in the format.
    public func render(_ comparison: ModelComparison) -> [UInt8] {
        switch format {
        case .text: return Array(text(comparison).utf8)
        case .markdown: return Array(markdown(comparison).utf8)
        case .csv: return csv(comparison, options: CSVWriteOptions(formulaProtection: true))
        case .excelCSV: return csv(comparison, options: .excel)
        case .json: return Array(json(comparison).utf8)
        case .html: return Array(ComparisonHTMLRenderer(language: language, date: date).render(comparison).utf8)
        // A diff has no diagram: `cora diff` refuses these formats before it reads anything.
        case .dot, .svg, .png: return Array(text(comparison).utf8)
        }
    }

    // MARK: Text

    private func text(_ comparison: ModelComparison) -> String {
        let names = ProcessNames(comparison)
        func paint(_ text: String, _ colour: String) -> String { colours ? "\u{1B}[\(colour)m\(text)\u{1B}[0m" : text }
        func quoted(_ name: String) -> String { "\"" + TerminalText.oneLine(name) + "\"" }
        func about(_ process: CoraProcess) -> String {
            "\(language.level(process.level).lowercased()), id \(TerminalText.oneLine(process.id))"
        }
        var lines = [
            paint("--- \(TerminalText.oneLine(comparison.oldSource)) (\(comparison.old.processes.count) processes)", "1"),
            paint("+++ \(TerminalText.oneLine(comparison.newSource)) (\(comparison.new.processes.count) processes)", "1"),
        ]
        var heading: (String?, String?)?
        for change in comparison.changes {
            switch change.kind {
            case .removed:
                let process = names.old(change.old)
                lines.append(paint("- removed \(quoted(process?.name ?? ""))" + (process.map { " (\(about($0)))" } ?? ""), "31"))
            case .added:
                let process = names.new(change.new)
                lines.append(paint("+ added \(quoted(process?.name ?? ""))" + (process.map { " (\(about($0)))" } ?? ""), "32"))
            default:
                if heading == nil || heading! != (change.old, change.new) {
                    heading = (change.old, change.new)
                    let process = names.new(change.new)
                    let ids = change.old == change.new ? "id \(TerminalText.oneLine(change.new ?? ""))"
                        : "id \(TerminalText.oneLine(change.old ?? "")) → \(TerminalText.oneLine(change.new ?? ""))"
                    let how: String
                    switch change.match {
                    case .similarity?: how = "similarity \(DecimalText.score(change.score ?? 0))"
                    case .pinned?: how = "the pairs file"
                    default: how = "same \(change.match?.rawValue ?? "")"
                    }
                    let level = language.level(process?.level).lowercased()
                    lines.append(paint("~ \(quoted(process?.name ?? "")) (\(level), \(ids); paired by \(how))", "33"))
                }
                let field = TerminalText.oneLine(change.field ?? "")
                let (from, to) = names.values(change, in: language)
                lines.append("    " + change.kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) + " \(field): "
                    + paint(quoted(from), "31") + " → " + paint(quoted(to), "32"))
            }
        }
        for ambiguity in comparison.match.ambiguities {
            func listed(_ positions: [Int], _ model: ProcessModel) -> [String] {
                let shown = MatchAmbiguity.shown(positions)
                return shown.positions.map { "\(quoted(model.processes[$0].name)) (id \(TerminalText.oneLine(model.processes[$0].id)))" }
                    + (shown.more > 0 ? ["and \(shown.more) more"] : [])
            }
            let from = listed(ambiguity.old, comparison.old), to = listed(ambiguity.new, comparison.new)
            lines.append(paint("? ambiguous by \(ambiguity.method.rawValue): old \(from.joined(separator: ", ")); new \(to.joined(separator: ", ")): pair them with --pairs", "35"))
        }
        lines.append(summary(comparison))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The last line: the pairs by method, the changes by kind, the ambiguities.
    func summary(_ comparison: ModelComparison) -> String {
        let pairs = comparison.pairCounts.map { "\($0.count) by \($0.method == .pinned ? "the pairs file" : $0.method.rawValue)" }.joined(separator: ", ")
        let changes = comparison.counts.filter { $0.count > 0 }.map { "\($0.count) \($0.kind.rawValue)" }
        let ambiguities = comparison.match.ambiguities.count
        return "\(comparison.match.pairs.count) \(comparison.match.pairs.count == 1 ? "pair" : "pairs")"
            + (pairs.isEmpty ? "" : " (\(pairs))") + "; "
            + (changes.isEmpty ? "no differences" : changes.joined(separator: ", "))
            + (ambiguities == 0 ? "" : "; \(ambiguities) \(ambiguities == 1 ? "ambiguity" : "ambiguities")")
    }

    // MARK: Markdown

    private func markdown(_ comparison: ModelComparison) -> String {
        let names = ProcessNames(comparison)
        let nl = language == .nl
        func cell(_ text: String) -> String { MarkdownText.cell(text) }
        func name(_ process: CoraProcess?) -> String { cell(process?.name ?? "") }
        var text = "# " + (nl ? "Verschillen tussen twee procesmodellen" : "Differences between two process models") + "\n\n"
        text += "| | \(nl ? "Bestand" : "File") | \(nl ? "Processen" : "Processes") |\n|---|---|---:|\n"
        text += "| \(nl ? "Oud" : "Old") | \(cell(comparison.oldSource)) | \(comparison.old.processes.count) |\n"
        text += "| \(nl ? "Nieuw" : "New") | \(cell(comparison.newSource)) | \(comparison.new.processes.count) |\n\n"
        text += "| \(nl ? "Soort" : "Kind") | \(nl ? "Aantal" : "Count") |\n|---|---:|\n"
        for (kind, count) in comparison.counts { text += "| \(word(kind)) | \(count) |\n" }
        text += "\n" + (nl ? "Gekoppeld" : "Paired") + ": \(comparison.match.pairs.count)"
        let methods = comparison.pairCounts.map { "\($0.count) \(nl ? "op" : "by") \(word($0.method))" }
        text += methods.isEmpty ? ".\n" : " (" + methods.joined(separator: ", ") + ").\n"
        let removed = comparison.changes.filter { $0.kind == .removed }
        let added = comparison.changes.filter { $0.kind == .added }
        let changed = comparison.changes.filter { $0.kind != .removed && $0.kind != .added }
        if comparison.isSame && comparison.match.ambiguities.isEmpty {
            text += "\n" + (nl ? "De modellen zijn gelijk." : "The models are the same.") + "\n"
        }
        func list(_ title: String, _ changes: [ProcessChange], process: (ProcessChange) -> CoraProcess?) {
            guard !changes.isEmpty else { return }
            text += "\n## \(title)\n\n| \(nl ? "Proces" : "Process") | \(nl ? "Niveau" : "Level") | Id |\n|---|---|---|\n"
            for change in changes {
                let found = process(change)
                text += "| \(name(found)) | \(language.level(found?.level).lowercased()) | \(cell(found?.id ?? "")) |\n"
            }
        }
        list(nl ? "Verwijderd" : "Removed", removed) { names.old($0.old) }
        if !changed.isEmpty {
            text += "\n## \(nl ? "Wijzigingen per proces" : "Changes per process")\n\n"
            text += "| \(nl ? "Proces" : "Process") | \(nl ? "Soort" : "Kind") | \(nl ? "Veld" : "Field") | \(nl ? "Oud" : "Old") | \(nl ? "Nieuw" : "New") | \(nl ? "Gekoppeld op" : "Paired by") |\n"
            text += "|---|---|---|---|---|---|\n"
            for change in changed {
                let (from, to) = names.values(change, in: language)
                let how = change.match.map(word) ?? ""
                let score = change.match == .similarity ? " " + DecimalText.score(change.score ?? 0, comma: nl) : ""
                text += "| \(name(names.new(change.new))) | \(word(change.kind)) | \(cell(change.field ?? "")) | \(cell(from)) | \(cell(to)) | \(how)\(score) |\n"
            }
        }
        list(nl ? "Toegevoegd" : "Added", added) { names.new($0.new) }
        if !comparison.match.ambiguities.isEmpty {
            text += "\n## \(nl ? "Twijfelgevallen" : "Ambiguities")\n\n"
            text += nl ? "Deze processen kunnen op meer dan één manier gekoppeld worden; cora koppelt ze niet. Leg de juiste koppeling vast met `--pairs`.\n\n"
                : "These processes can be paired in more than one way; cora pairs none of them. Pin the right pair with `--pairs`.\n\n"
            text += "| \(nl ? "Gevonden op" : "Found by") | \(nl ? "Oud" : "Old") | \(nl ? "Nieuw" : "New") |\n|---|---|---|\n"
            for ambiguity in comparison.match.ambiguities {
                func listed(_ positions: [Int], _ model: ProcessModel) -> [String] {
                    let shown = MatchAmbiguity.shown(positions)
                    return shown.positions.map { cell(model.processes[$0].name) + " (" + cell(model.processes[$0].id) + ")" }
                        + (shown.more > 0 ? [(nl ? "en nog \(shown.more)" : "and \(shown.more) more")] : [])
                }
                let from = listed(ambiguity.old, comparison.old), to = listed(ambiguity.new, comparison.new)
                text += "| \(word(ambiguity.method)) | \(from.joined(separator: "<br>")) | \(to.joined(separator: "<br>")) |\n"
            }
        }
        return text
    }

    /// The word for `kind` in the document language.
    func word(_ kind: ProcessChange.Kind) -> String {
        guard language == .nl else { return kind.rawValue }
        switch kind {
        case .added: return "toegevoegd"
        case .removed: return "verwijderd"
        case .renamed: return "hernoemd"
        case .moved: return "verplaatst"
        case .relevelled: return "ander niveau"
        case .recategorised: return "andere categorie"
        case .changed: return "gewijzigd"
        }
    }

    /// The word for `method` in the document language.
    func word(_ method: MatchMethod) -> String {
        guard language == .nl else { return method == .pinned ? "pairs file" : method.rawValue }
        switch method {
        case .pinned: return "koppelbestand"
        case .id: return "id"
        case .code: return "code"
        case .name: return "naam"
        case .similarity: return "gelijkenis"
        }
    }

    // MARK: CSV and JSON

    private func csv(_ comparison: ModelComparison, options: CSVWriteOptions) -> [UInt8] {
        // For spreadsheets: cells that would run as formulas get a ' (as in the diagnostics report).
        var writer = CSVWriter(options: options)
        writer.write(Self.csvHeader)
        let names = ProcessNames(comparison)
        for change in comparison.changes {
            let name = (change.kind == .removed ? names.old(change.old) : names.new(change.new))?.name ?? ""
            writer.write([change.kind.rawValue, change.old ?? "", change.new ?? "", name, change.field ?? "", change.oldValue ?? "",
                          change.newValue ?? "", change.match?.rawValue ?? "", change.score.map { DecimalText.score($0) } ?? ""])
        }
        for ambiguity in comparison.match.ambiguities {
            writer.write(["ambiguous", ambiguity.old.map { comparison.old.processes[$0].id }.joined(separator: "|"),
                          ambiguity.new.map { comparison.new.processes[$0].id }.joined(separator: "|"),
                          ambiguity.old.map { comparison.old.processes[$0].name }.joined(separator: "|"), "", "", "",
                          ambiguity.method.rawValue, ""])
        }
        return writer.takeOutput()
    }

    private func json(_ comparison: ModelComparison) -> String {
        var json = JSONWriter()
        let names = ProcessNames(comparison)
        json.beginObject()
        for (key, source, model) in [("old", comparison.oldSource, comparison.old), ("new", comparison.newSource, comparison.new)] {
            json.beginObject(key)
            json.string("source", source)
            json.number("processes", model.processes.count)
            json.endObject()
        }
        json.bool("same", comparison.isSame)
        json.beginObject("summary")
        for (kind, count) in comparison.counts { json.number(kind.rawValue, count) }
        json.number("pairs", comparison.match.pairs.count)
        json.number("ambiguities", comparison.match.ambiguities.count)
        json.endObject()
        json.beginArray("changes")
        for change in comparison.changes {
            json.beginObject()
            json.string("kind", change.kind.rawValue)
            json.optionalString("old", change.old)
            json.optionalString("new", change.new)
            json.string("name", (change.kind == .removed ? names.old(change.old) : names.new(change.new))?.name ?? "")
            json.optionalString("field", change.field)
            json.optionalString("oldValue", change.oldValue)
            json.optionalString("newValue", change.newValue)
            json.optionalString("match", change.match?.rawValue)
            json.score("score", change.score)
            json.endObject()
        }
        json.endArray()
        json.beginArray("ambiguities")
        for ambiguity in comparison.match.ambiguities {
            json.beginObject()
            json.string("method", ambiguity.method.rawValue)
            json.strings("old", ambiguity.old.map { comparison.old.processes[$0].id })
            json.strings("new", ambiguity.new.map { comparison.new.processes[$0].id })
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }
}

/// The processes of a comparison by id, for naming them and their parents (the diff in text,
/// Markdown and HTML).
struct ProcessNames {
    let oldByID: [String: CoraProcess]
    let newByID: [String: CoraProcess]

    init(_ comparison: ModelComparison) {
        oldByID = Dictionary(comparison.old.processes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        newByID = Dictionary(comparison.new.processes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func old(_ id: String?) -> CoraProcess? { id.flatMap { oldByID[$0] } }
    func new(_ id: String?) -> CoraProcess? { id.flatMap { newByID[$0] } }

    /// The old and new value of `change` for people: a level or category in `language`, the processes a parent, next, steers or
    /// reports-to names by their names (an id the model lacks as it is), other fields as they are.
    func values(_ change: ProcessChange, in language: DocumentLanguage) -> (String, String) {
        let from = change.oldValue ?? "", to = change.newValue ?? ""
        switch change.kind {
        case .relevelled:
            func level(_ value: String) -> String { ProcessLevel(rawValue: value).map { language.level($0).lowercased() } ?? value }
            return (level(from), level(to))
        case .recategorised:
            func category(_ value: String) -> String {
                guard let category = ProcessCategory(rawValue: value) else { return value }
                return language == .nl ? category.dutchName : category.rawValue
            }
            return (category(from), category(to))
        default: break
        }
        guard let field = change.field.flatMap(CanonicalField.init(rawValue:)), field.isReference else { return (from, to) }
        func names(_ value: String, _ processes: [String: CoraProcess]) -> String {
            value.split(separator: "|", omittingEmptySubsequences: false).map { processes[String($0)]?.name ?? String($0) }.joined(separator: " | ")
        }
        return (from.isEmpty ? "" : names(from, oldByID), to.isEmpty ? "" : names(to, newByID))
    }
}
