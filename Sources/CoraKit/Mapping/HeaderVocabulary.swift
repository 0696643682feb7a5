/// The column headers people use in process inventories, per canonical field (CORA.md §3).
///
/// Headers are compared as ``TextNormalization/matchKey(_:)``: case-, whitespace- and
/// accent-insensitively, with `-`, `_` and `.` counting as spaces. `cora mapping init` uses this
/// vocabulary to recognise the columns of an export it has never seen.
///
/// ```swift
/// HeaderVocabulary.fields(forHeader: "Proces eigenaar")   // [.owner]
/// HeaderVocabulary.fields(forHeader: "ID")                // [.code, .id]
/// ```
public enum HeaderVocabulary {
    /// The known header names of each canonical field: the field's own name first, then the
    /// Dutch headers seen in spreadsheets (CORA.md §3), then a few English ones.
    public static let headers: [CanonicalField: [String]] = [
        .id: ["id", "Identifier", "ArchiMate id", "Archi id", "GUID", "UUID", "Object id"],
        .code: ["code", "Procescode", "Code", "Procesnummer", "Nr", "Nummer", "ID", "Kenmerk", "Referentie",
                "Proces nr", "Procesnr", "Nr.", "Number"],
        .name: ["name", "Proces", "Procesnaam", "Naam", "Naam proces", "Bedrijfsproces", "Werkproces", "Processtap",
                "Process", "Process name", "Titel", "Title", "Omschrijving proces", "Proces omschrijving"],
        .level: ["level", "Type", "Soort", "Niveau", "Procesniveau", "Element", "CORA-concepttype", "Elementtype",
                 "Concepttype", "Proceslevel", "Process level"],
        .category: ["category", "Categorie", "Procestype", "Type proces", "Soort proces", "Procesgroep", "Proceslaag",
                    "Procescategorie", "Process category", "Process type"],
        .parent: ["parent", "Bovenliggend proces", "Hoofdproces", "Onderdeel van", "Valt onder", "Bedrijfsproces",
                  "Procesketen", "Bovenliggend", "Parent process", "Part of", "Hoort bij", "Behoort tot", "Hoort onder",
                  "Hoofdprocescode", "Bovenliggende code"],
        .order: ["order", "Volgorde", "Volgnummer", "Volgnr", "Sortering", "Sequence"],
        .owner: ["owner", "Eigenaar", "Proceseigenaar", "Verantwoordelijke", "Afdeling", "Team", "Process owner",
                 "Verantwoordelijk", "Verantwoordelijk team", "Verantwoordelijke afdeling", "Verantwoordelijke team"],
        .function: ["function", "Bedrijfsfunctie", "Functie", "Hoofdbedrijfsfunctie", "Domein", "Bedrijfsfuncties",
                    "Business function"],
        .services: ["services", "Dienst", "Levert dienst", "Bedrijfsservice", "Levert bedrijfsservice(s)", "Resultaat",
                    "Output", "Diensten", "Levert diensten", "Bedrijfsservices", "Levert bedrijfsservice",
                    "Levert bedrijfsservices", "Service", "Business service"],
        .events: ["events", "Trigger", "Aanleiding", "Gebeurtenis", "Startmoment", "Triggers", "Gebeurtenissen", "Event"],
        .applications: ["applications", "Applicatie", "Applicaties", "Systeem", "Systemen", "Pakket", "Pakketten",
                        "Applicatieservice", "Applicatieservices", "Application"],
        .next: ["next", "Volgend proces", "Vervolgproces", "Volgende", "Volgende proces", "Next process"],
        .status: ["status", "Status", "Versie", "Vastgesteld", "Version"],
        .description: ["description", "Beschrijving", "Toelichting", "Omschrijving", "Doel", "Documentatie",
                       "Documentation"],
    ]

    /// The canonical fields a header may stand for, the likeliest first.
    ///
    /// A header that is a field's own name (`owner`) comes first for that field. `ID` is a code
    /// (CORA.md §3) unless the export also has a code column; `Bedrijfsproces` is a name, or the
    /// parent on a work-process row; the caller decides with the rest of the header in view.
    public static func fields(forHeader header: String) -> [CanonicalField] {
        let key = TextNormalization.matchKey(header)
        guard !key.isEmpty else { return [] }
        var result: [CanonicalField] = []
        for field in CanonicalField.allCases where TextNormalization.matchKey(field.rawValue) == key {
            result.append(field)
        }
        if key == "id" { return [.code, .id] }
        for field in CanonicalField.allCases where !result.contains(field) {
            if lookup[field]?.contains(key) == true { result.append(field) }
        }
        if result.isEmpty {
            // A header that is not in the list, but holds a telling word ("Naam van het proces",
            // "Gebruikte systemen", "Eigenaar (team)").
            let words = Set(key.split(separator: " ").map(String.init))
            for (word, field) in telltaleWords where words.contains(word) && !result.contains(field) { result.append(field) }
        }
        return result
    }

    /// Whether `header` is one of the known headers of `field`.
    public static func isHeader(_ header: String, of field: CanonicalField) -> Bool {
        lookup[field]?.contains(TextNormalization.matchKey(header)) == true
    }

    /// The level a header names when the export has one column per level: `Bedrijfsproces`,
    /// `Werkproces`, `Processtap`, … (`nil` for other headers).
    public static func level(ofLevelColumn header: String) -> ProcessLevel? {
        let key = TextNormalization.matchKey(header)
        guard key.count > 2, case .found(let level) = Vocabulary.levels.lookUp(key) else { return nil }
        return level
    }

    /// The number in a numbered level header: `Niveau 1` → 1, `Procesniveau 2` → 2, `Level3` → 3,
    /// `Laag 1` → 1 (`nil` for other headers).
    public static func levelNumber(ofHeader header: String) -> Int? {
        let key = TextNormalization.matchKey(header)
        let digits = key.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let number = Int(String(digits.reversed())) else { return nil }
        let word = String(key.dropLast(digits.count)).trimmingWhitespace()
        return numberedLevelWords.contains(word) ? number : nil
    }

    /// The words before the number in a numbered level header.
    static let numberedLevelWords: Set<String> = ["niveau", "procesniveau", "proces niveau", "level", "proces level",
                                                  "process level", "laag", "proceslaag", "lvl"]

    /// Words that give a column away when its header is not in ``headers``, in order of preference.
    static let telltaleWords: [(String, CanonicalField)] = [
        ("naam", .name), ("procesnaam", .name), ("eigenaar", .owner), ("verantwoordelijk", .owner), ("verantwoordelijke", .owner),
        ("systeem", .applications), ("systemen", .applications), ("applicatie", .applications), ("applicaties", .applications),
        ("bedrijfsfunctie", .function), ("functie", .function), ("dienst", .services), ("diensten", .services),
        ("gebeurtenis", .events), ("trigger", .events), ("toelichting", .description), ("beschrijving", .description),
        ("status", .status), ("volgorde", .order),
    ]

    private static let lookup: [CanonicalField: Set<String>] = headers.mapValues { Set($0.map(TextNormalization.matchKey)) }
}
