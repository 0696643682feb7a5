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
    /// Dutch headers seen in spreadsheets (CORA.md §3), then the English ones (``englishHeaders``).
    public static let headers: [CanonicalField: [String]] = dutchHeaders.merging(englishHeaders) { $0 + $1 }

    /// The field's own name and the Dutch headers of each field.
    static let dutchHeaders: [CanonicalField: [String]] = [
        .id: ["id", "ArchiMate id", "Archi id", "GUID", "UUID"],
        .code: ["code", "Procescode", "Code", "Procesnummer", "Nr", "Nummer", "ID", "Kenmerk", "Referentie",
                "Proces nr", "Procesnr", "Nr."],
        .name: ["name", "Proces", "Procesnaam", "Naam", "Naam proces", "Bedrijfsproces", "Werkproces", "Processtap",
                "Titel", "Omschrijving proces", "Proces omschrijving"],
        .level: ["level", "Type", "Soort", "Niveau", "Procesniveau", "Element", "CORA-concepttype", "Elementtype",
                 "Concepttype", "Proceslevel"],
        .category: ["category", "Categorie", "Procestype", "Type proces", "Soort proces", "Procesgroep", "Proceslaag",
                    "Procescategorie"],
        .parent: ["parent", "Bovenliggend proces", "Hoofdproces", "Onderdeel van", "Valt onder", "Bedrijfsproces",
                  "Procesketen", "Bovenliggend", "Hoort bij", "Behoort tot", "Hoort onder",
                  "Hoofdprocescode", "Bovenliggende code"],
        .order: ["order", "Volgorde", "Volgnummer", "Volgnr", "Sortering"],
        .owner: ["owner", "Eigenaar", "Proceseigenaar", "Verantwoordelijke", "Afdeling", "Team",
                 "Verantwoordelijk", "Verantwoordelijk team", "Verantwoordelijke afdeling", "Verantwoordelijke team"],
        .function: ["function", "Bedrijfsfunctie", "Functie", "Hoofdbedrijfsfunctie", "Domein", "Bedrijfsfuncties"],
        .services: ["services", "Dienst", "Levert dienst", "Bedrijfsservice", "Levert bedrijfsservice(s)", "Resultaat",
                    "Output", "Diensten", "Levert diensten", "Bedrijfsservices", "Levert bedrijfsservice",
                    "Levert bedrijfsservices"],
        .events: ["events", "Trigger", "Aanleiding", "Gebeurtenis", "Startmoment", "Triggers", "Gebeurtenissen"],
        .applications: ["applications", "Applicatie", "Applicaties", "Systeem", "Systemen", "Pakket", "Pakketten",
                        "Applicatieservice", "Applicatieservices"],
        .next: ["next", "Volgend proces", "Vervolgproces", "Volgende", "Volgende proces"],
        .status: ["status", "Status", "Versie", "Vastgesteld"],
        .description: ["description", "Beschrijving", "Toelichting", "Omschrijving", "Doel", "Documentatie"],
        .requirements: ["requirements", "Eisen", "Normen", "Compliance", "Eis", "Norm", "Wet- en regelgeving", "Regelgeving",
                        "Kaders", "Toetsingskader", "Eisen en normen"],
        .steers: ["steers", "Stuurt", "Sturing", "Stuurt op", "Stuurt processen", "Gestuurde processen", "Bestuurt"],
        .reportsTo: ["reports-to", "Rapporteert aan", "Verantwoording aan", "Legt verantwoording af aan", "Verantwoordt aan",
                     "Rapportage aan"],
        .pdcaPhase: ["pdca-phase", "PDCA", "PDCA-fase", "PDCA fase", "Fase PDCA", "Kwaliteitscirkel"],
    ]

    /// The English headers of each field ("Process ID", "Parent ID", "Process owner").
    static let englishHeaders: [CanonicalField: [String]] = [
        .id: ["Identifier", "Object id", "Unique id"],
        .code: ["Process ID", "Process code", "Process number", "Process no", "Number", "No", "No.", "Reference", "Ref"],
        .name: ["Process", "Process name", "Name of process", "Title", "Business process name"],
        .level: ["Process level", "Process type level", "Kind", "Element type", "Level of process"],
        .category: ["Process category", "Process type", "Process group", "Process class", "Process layer"],
        .parent: ["Parent process", "Part of", "Parent ID", "Parent code", "Parent process ID", "Parent process code",
                  "Parent name", "Belongs to", "Falls under", "Main process ID", "Main process code", "Child of"],
        .order: ["Sequence", "Sort order", "Sequence number"],
        .owner: ["Process owner", "Department", "Responsible", "Responsible team", "Responsible department",
                 "Accountable", "Owner team"],
        .function: ["Business function", "Business functions", "Domain", "Function area"],
        .services: ["Service", "Business service", "Business services", "Delivers service", "Delivers", "Outcome", "Result",
                    "Provides service"],
        .events: ["Event", "Triggered by", "Trigger event", "Start event", "Starts when"],
        .applications: ["Application", "System", "Systems", "Software", "Tool", "Tools", "Application services",
                        "IT systems", "Supporting systems"],
        .next: ["Next process", "Followed by", "Next step", "Successor", "Next processes"],
        .status: ["Version", "Approval status", "State"],
        .description: ["Documentation", "Purpose", "Explanation", "Process description", "Goal"],
        .requirements: ["Requirements", "Requirement", "Standards", "Norms", "Regulations", "Compliance requirements"],
        .steers: ["Steers", "Steered processes", "Governs", "Controls"],
        .reportsTo: ["Reports to", "Accountable to", "Reporting to"],
        .pdcaPhase: ["PDCA phase", "PDCA cycle phase", "Deming phase"],
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
        ("name", .name), ("owner", .owner), ("system", .applications), ("systems", .applications), ("application", .applications),
        ("applications", .applications), ("description", .description), ("parent", .parent), ("category", .category),
    ]

    /// The language a header is in, when only the Dutch or only the English headers have it (a
    /// field's own name, `Status` or `Type` says nothing).
    public static func language(ofHeader header: String) -> InventoryLanguage? {
        let key = TextNormalization.matchKey(header)
        guard !neutralKeys.contains(key) else { return nil }
        let dutch = dutchKeys.contains(key), english = englishKeys.contains(key)
        return dutch == english ? nil : dutch ? .nl : .en
    }

    /// Dutch headers that are English words as well.
    private static let neutralKeys: Set<String> = ["type", "status", "code", "id", "element", "output", "trigger", "triggers", "team"]
    private static let dutchKeys = Set(dutchHeaders.flatMap { field, names in
        names.dropFirst().map(TextNormalization.matchKey) }).union(Vocabulary<ProcessLevel>.dutchLevelWords.keys.map(TextNormalization.matchKey))
    private static let englishKeys = Set(englishHeaders.values.joined().map(TextNormalization.matchKey))
        .union(Vocabulary<ProcessLevel>.englishLevelWords.keys.map(TextNormalization.matchKey))
    private static let lookup: [CanonicalField: Set<String>] = headers.mapValues { Set($0.map(TextNormalization.matchKey)) }
}
