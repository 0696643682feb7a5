/// The requirement tags a model's `requirements` field is read with: CORA's sixteen (CORA.md §5)
/// and a corporation's own, each found by its tag, its labels and its synonyms.
///
/// ```swift
/// RequirementCatalog.cora.lookUp("AVG")      // .found("privacy")
/// RequirementCatalog.cora.lookUp("BIO")      // .found("informatiebeveiliging")
/// ```
public struct RequirementCatalog: Sendable {
    /// The tags, CORA's first, then the own ones in the order they were defined.
    public private(set) var tags: [RequirementTag]
    private var byTag: [String: Int]
    private var words: Vocabulary<String>

    /// A catalog of `tags`.
    public init(tags: [RequirementTag]) {
        self.tags = []
        byTag = [:]
        words = Vocabulary(words: [:])
        adding(tags)
    }

    /// Adds `own` tags (a mapping's): a tag already known takes the new labels and synonyms.
    public mutating func adding(_ own: [RequirementTag]) {
        for tag in own {
            if let known = byTag[tag.tag] {
                tags[known] = tag
            } else {
                byTag[tag.tag] = tags.count
                tags.append(tag)
            }
            // Assigned one by one: a label may be the tag itself, a synonym a label.
            var entries: [String: String] = [:]
            for word in [tag.tag, tag.dutchLabel, tag.englishLabel] + tag.synonyms { entries[word] = tag.tag }
            words.define(entries)
        }
    }

    /// This catalog with `own` tags added.
    public func with(_ own: [RequirementTag]) -> RequirementCatalog {
        var copy = self
        copy.adding(own)
        return copy
    }

    /// The tag a word of an inventory stands for (case, accents, `-`, `_` and `.` ignored).
    public func lookUp(_ word: String) -> Vocabulary<String>.Lookup { words.lookUp(word) }

    /// The tag `tag`, when the catalog has it.
    public func tag(_ tag: String) -> RequirementTag? { byTag[tag].map { tags[$0] } }

    /// Every word the catalog knows, for "did you mean".
    public var knownWords: [String] { words.knownWords }

    /// CORA's requirements, in the five groups of its process model page.
    public static let cora = RequirementCatalog(tags: [
        RequirementTag(tag: "arbo", group: .legislator, dutchLabel: "Arbo", englishLabel: "Working conditions",
                       synonyms: ["Arbowet", "Arbeidsomstandigheden", "Arbeidsomstandighedenwet", "Health and safety",
                                  "Occupational health and safety"]),
        RequirementTag(tag: "milieu", group: .legislator, dutchLabel: "Milieu", englishLabel: "Environment",
                       synonyms: ["Milieuwetgeving", "Omgevingswet", "Environmental law"]),
        RequirementTag(tag: "privacy", group: .legislator, dutchLabel: "Privacy (AVG)", englishLabel: "Privacy (GDPR)",
                       synonyms: ["AVG", "GDPR", "Persoonsgegevens", "Personal data", "Gegevensbescherming", "Data protection",
                                  "Wbp", "Privacywetgeving"]),
        RequirementTag(tag: "verantwoording", group: .legislator, dutchLabel: "Verantwoording", englishLabel: "Accountability",
                       synonyms: ["Externe verantwoording", "Visitatie", "Visitaties", "Verantwoordingsplicht", "dVi",
                                  "External accountability", "Rapportage toezichthouder"]),
        RequirementTag(tag: "ao-ic", group: .internalAccountability, dutchLabel: "AO/IC", englishLabel: "Internal control",
                       synonyms: ["AO/IC", "AOIC", "AO IC", "Administratieve organisatie", "Interne controle",
                                  "Administratieve organisatie en interne controle", "Internal control"]),
        RequirementTag(tag: "interne-rapportage", group: .internalAccountability, dutchLabel: "Interne rapportage",
                       englishLabel: "Internal reporting",
                       synonyms: ["Managementrapportage", "Managementinformatie", "Management reporting", "Interne verantwoording"]),
        RequirementTag(tag: "flexibiliteit", group: .strategy, dutchLabel: "Flexibiliteit", englishLabel: "Flexibility",
                       synonyms: ["Wendbaarheid", "Agility"]),
        RequirementTag(tag: "risicomanagement", group: .strategy, dutchLabel: "Risicomanagement", englishLabel: "Risk management",
                       synonyms: ["Risicobeheer", "Risicobeheersing", "Risico's"]),
        RequirementTag(tag: "procuratie", group: .strategy, dutchLabel: "Procuratie", englishLabel: "Procuration",
                       synonyms: ["Procuratieregeling", "Mandaat", "Mandaatregeling", "Tekenbevoegdheid", "Signing authority"]),
        RequirementTag(tag: "procesefficientie", group: .strategy, dutchLabel: "Procesefficiëntie", englishLabel: "Process efficiency",
                       synonyms: ["Efficiëntie", "Efficiency", "Doelmatigheid"]),
        RequirementTag(tag: "kwh", group: .quality, dutchLabel: "KWH", englishLabel: "KWH quality mark",
                       synonyms: ["KWH-label", "KWH Huurlabel", "Huurlabel", "Kwaliteitslabel", "Quality mark"]),
        RequirementTag(tag: "energielabel", group: .quality, dutchLabel: "Energielabel", englishLabel: "Energy label",
                       synonyms: ["Energielabels", "Energy labels", "Energieprestatie", "EPA"]),
        RequirementTag(tag: "informatiebeveiliging", group: .quality, dutchLabel: "Informatiebeveiliging",
                       englishLabel: "Information security",
                       synonyms: ["BIV", "BIO", "ISO 27001", "ISO27001", "Beveiliging", "Security", "Infosec"]),
        RequirementTag(tag: "veiligheidscontrole", group: .quality, dutchLabel: "Veiligheidscontrole", englishLabel: "Safety inspection",
                       synonyms: ["Veiligheidscontroles", "Veiligheidsinspectie", "Veiligheidskeuring", "Keuring", "Safety inspections"]),
        RequirementTag(tag: "logistiek", group: .suppliers, dutchLabel: "Logistiek", englishLabel: "Logistics",
                       synonyms: ["Logistieke eisen", "Logistics requirements"]),
        RequirementTag(tag: "gegevensuitwisseling", group: .suppliers, dutchLabel: "Gegevensuitwisseling", englishLabel: "Data exchange",
                       synonyms: ["Berichtenverkeer", "Koppelingen", "Data-uitwisseling", "Ketenintegratie"]),
    ])
}
