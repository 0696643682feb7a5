/// Which relationships ArchiMate 3.1 allows from an element of one type to an element of another:
/// the standard's Appendix B, "Relationships (Normative)", for every pair of the exchange format's
/// element types (`ElementTypeEnum` of `archimate3_Model.xsd`) and its eleven relationship types.
///
/// The facts are those of the machine-readable table that Archi ships for ArchiMate 3.1
/// (`com.archimatetool.model/model/relationships.xml`, `version="3.1"`, unchanged from Archi 4.6.0 to
/// 4.10.0; read at tag `release_4.10.0`, commit 9ba0559c2 of 2019-09-22 "[Archimate 3.1] Updated
/// relationship table"), written down here in a form of our own: ``rows``. Appendix B lists the
/// relationships the standard allows directly and those that follow from its derivation rules;
/// the table holds both.
///
/// What the table says beyond the plain rules:
/// - Association is allowed between any two elements, in both directions.
/// - Specialization is allowed between two elements of the same type, and also where the standard
///   makes one type a kind of another (Contract and Business Object; Constraint and Requirement;
///   Node, Device, System Software, Equipment and Facility) and to and from a Grouping, which may
///   have any relationship the elements it groups may have.
/// - A junction (`AndJunction` and `OrJunction` alike) joins relationships of one type. The table
///   allows through a junction the dynamic (Triggering, Flow) and dependency (Serving, Access,
///   Influence, Association) relationships and also Assignment and Realization, never
///   Specialization, and Composition and Aggregation only from a Grouping, a Location or a Plateau;
///   each side only with the types its element may have at all (a Business Process may have no
///   Assignment to a junction, one from a junction may be assigned). Whether the elements at both
///   ends of a junction may be joined so is not a question of this table: check each end's pair.
/// - ArchiMate 3.2 (Archi 5's table) allows every relationship type from an element to a junction and
///   changes 150 other pairs, most of them from Technology and physical elements (none that cora
///   writes); this is the 3.1 table, the one the 3.1 exchange format goes with.
/// - A relationship to or from a relationship (an Aggregation or Association whose end is a
///   relationship) is not covered: ``allows(_:from:to:)`` answers `false` for it, as for any name
///   that is not an element type or relationship type of the exchange format.
///
/// One table, built once; a look-up is two dictionary finds and a bit test.
public enum ArchiMateRelationships {
    /// The relationship types of the exchange format (`RelationshipTypeEnum`), in the order
    /// ``allowedTypes(from:to:)`` lists them.
    public static let relationshipTypes = [
        "Composition", "Aggregation", "Assignment", "Realization", "Serving", "Access",
        "Influence", "Triggering", "Flow", "Specialization", "Association",
    ]

    /// The element types of the exchange format (`ElementTypeEnum`), in the schema's order.
    public static let elementTypes: [String] = rows.map(\.source).filter { $0 != "Junction" } + ["AndJunction", "OrJunction"]

    /// Whether ArchiMate 3.1 allows a relationship of `type` (exchange name, e.g. "Aggregation")
    /// from an element of type `source` to one of type `target` (exchange names, e.g.
    /// "BusinessProcess"). `false` for a name the exchange format does not have.
    public static func allows(_ type: String, from source: String, to target: String) -> Bool {
        guard let bit = table.bits[type] else { return false }
        return table.mask(from: source, to: target) & bit != 0
    }

    /// The allowed relationship types for the pair, in the order of ``relationshipTypes``; empty
    /// for a name the exchange format does not have.
    public static func allowedTypes(from source: String, to target: String) -> [String] {
        let mask = table.mask(from: source, to: target)
        return relationshipTypes.filter { mask & (table.bits[$0] ?? 0) != 0 }
    }

    // MARK: The table

    /// The letter of each relationship type in ``rows`` (the letters Archi's table uses).
    static let letters: [Character: String] = [
        "c": "Composition", "g": "Aggregation", "i": "Assignment", "r": "Realization", "v": "Serving",
        "a": "Access", "n": "Influence", "t": "Triggering", "f": "Flow", "s": "Specialization",
        "o": "Association",
    ]

    /// The table, one row per source type. The columns are the target types in the same order as
    /// the rows (the schema's order, the two junctions as one `Junction`), in groups by layer:
    /// Business | Application | Technology and physical | Motivation | Strategy | Implementation and
    /// migration | Grouping, Location, Junction. A cell lists the letters of the allowed types
    /// (``letters``: c Composition, g Aggregation, i Assignment, r Realization, v Serving, a Access,
    /// n Influence, t Triggering, f Flow, s Specialization, o Association); `-` allows none.
    static let rows: [(source: String, cells: String)] = [
        // Business
        ("BusinessActor",            "cfgostv fiotv fotv cfgiotv fiotv fiotv fiotv fiotv fiortv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | ino no no nor nor nor nor nor no no | or or or or | io o io o o | acfginorstv fotv afinortv"),
        ("BusinessRole",             "fotv cfgostv fotv cfgotv fiotv fiotv fiotv fiotv fiortv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | ino no no nor nor nor nor nor no no | or or or or | io o io o o | acfginorstv fotv afinortv"),
        ("BusinessCollaboration",    "fgotv fgiotv cfgostv cfgiotv fiotv fiotv fiotv fiotv fiortv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | ino no no nor nor nor nor nor no no | or or or or | io o io o o | acfginorstv fotv afinortv"),
        ("BusinessInterface",        "fotv fotv fotv cfgostv fotv fotv fotv fotv fiotv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("BusinessProcess",          "fotv fotv fotv fotv cfgostv cfgotv cfgotv fotv fortv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("BusinessFunction",         "fotv fotv fotv fotv cfgotv cfgostv cfgotv fotv fortv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("BusinessInteraction",      "fotv fotv fotv fotv cfgotv cfgotv cfgostv fotv fortv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("BusinessEvent",            "fotv fotv fotv fotv fotv fotv fotv cfgostv fotv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o o o o | o o o o o | acfgnorstv fotv afnortv"),
        ("BusinessService",          "fotv fotv fotv fotv fotv fotv fotv fotv cfgostv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("BusinessObject",           "o o o o o o o o o cgos cgos o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor nor nor no no | or or or or | o o o o o | cgnors o nor"),
        ("Contract",                 "o o o o o o o o o cgos cgos o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor nor nor no no | or or or or | o o o o o | cgnors o nor"),
        ("Representation",           "o o o o o o o o o or or cgos o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor nor nor no no | or or or or | o o o o o | cgnors o nor"),
        ("Product",                  "fortv fortv fortv fortv fortv fortv fortv fortv cfgortv acgo acgo acgo cfgostv | fortv fortv fortv fortv fortv fortv fortv cfgortv acgo | fortv fortv fortv fotv fortv fotv fotv fortv fortv fortv fortv cfgortv acgo fortv fortv fotv acgo | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfgnorstv fotv afnortv"),
        // Application
        ("ApplicationComponent",     "fotv fotv fotv fortv fortv fortv fortv fortv fortv ao ao ao fotv | cfgorstv fotv cfgortv fiortv fiortv fiortv fiortv fiortv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("ApplicationCollaboration", "fotv fotv fotv fortv fortv fortv fortv fortv fortv ao ao ao fotv | fgortv cfgostv cfgortv fiortv fiortv fiortv fiortv fiortv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("ApplicationInterface",     "fotv fotv fotv fortv fotv fotv fotv fotv fortv ao ao ao fotv | fotv fotv cfgostv fotv fotv fotv fotv fiotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("ApplicationFunction",      "fotv fotv fotv fotv fortv fortv fortv fotv fortv ao ao ao fotv | fotv fotv fotv cfgostv cfgotv cfgotv fotv fortv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("ApplicationInteraction",   "fotv fotv fotv fotv fortv fortv fortv fotv fortv ao ao ao fotv | fotv fotv fotv cfgotv cfgostv cfgotv fotv fortv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("ApplicationProcess",       "fotv fotv fotv fotv fortv fortv fortv fotv fortv ao ao ao fotv | fotv fotv fotv cfgotv cfgotv cfgostv fotv fortv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("ApplicationEvent",         "fotv fotv fotv fotv fotv fotv fotv fortv fotv ao ao ao fotv | fotv fotv fotv fotv fotv fotv cfgostv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o o o o | o o o o o | acfgnorstv fotv afnortv"),
        ("ApplicationService",       "fotv fotv fotv fotv fotv fotv fotv fotv fortv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv cfgostv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("DataObject",               "o o o o o o o o o or or o o | o o o o o o o o cgos | o o o o o o o o o o o o o o o o o | no no no nor nor nor nor nor no no | or or or or | o o o o o | cgnors o nor"),
        // Technology and physical
        ("Node",                     "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | cfgiorstv cfgiorstv cfgiorstv fotv cfgiortv fotv fotv fiortv fiortv fiortv fiortv fiortv aio cfgiorstv cfgiorstv fotv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("Device",                   "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | cfgiorstv cfgiorstv cfgiorstv fotv cfgiortv fotv fotv fiortv fiortv fiortv fiortv fiortv aio cfgiorstv cfgiorstv fotv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("SystemSoftware",           "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | cfgiorstv cfgiorstv cfgiorstv fotv cfgiortv fotv fotv fiortv fiortv fiortv fiortv fiortv aio cfgiorstv cfgiorstv fotv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("TechnologyCollaboration",  "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | fgiortv fgiortv fgiortv cfgostv cfgiortv fotv fotv fiortv fiortv fiortv fiortv fiortv aio fgiortv fgiortv fotv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("TechnologyInterface",      "fotv fotv fotv fortv fotv fotv fotv fotv fortv ao ao ao fotv | fotv fotv fortv fotv fotv fotv fotv fortv ao | fotv fotv fotv fotv cfgostv fotv fotv fotv fotv fotv fotv fiotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("Path",                     "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | fgiortv fgiortv fgiortv fgotv fgiortv cfgostv fotv fiortv fiortv fiortv fiortv fiortv aio fgiortv fgiortv fotv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("CommunicationNetwork",     "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | fgiortv fgiortv fgiortv fortv fgiortv fortv cfgostv fiortv fiortv fiortv fiortv fiortv aio fgiortv fgiortv fotv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("TechnologyFunction",       "fotv fotv fotv fotv fortv fortv fortv fotv fortv ao ao ao fotv | fotv fotv fotv fortv fortv fortv fotv fortv ao | fotv fotv fotv fotv fotv fotv fotv cfgostv cfgotv cfgotv fotv fortv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("TechnologyProcess",        "fotv fotv fotv fotv fortv fortv fortv fotv fortv ao ao ao fotv | fotv fotv fotv fortv fortv fortv fotv fortv ao | fotv fotv fotv fotv fotv fotv fotv cfgotv cfgostv cfgotv fotv fortv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("TechnologyInteraction",    "fotv fotv fotv fotv fortv fortv fortv fotv fortv ao ao ao fotv | fotv fotv fotv fortv fortv fortv fotv fortv ao | fotv fotv fotv fotv fotv fotv fotv cfgotv cfgotv cfgostv fotv fortv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("TechnologyEvent",          "fotv fotv fotv fotv fotv fotv fotv fortv fotv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fortv fotv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv cfgostv fotv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o o o o | o o o o o | acfgnorstv fotv afnortv"),
        ("TechnologyService",        "fotv fotv fotv fotv fotv fotv fotv fotv fortv ao ao ao fotv | fotv fotv fotv fotv fotv fotv fotv fortv ao | fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv fotv cfgostv ao fotv fotv fotv ao | no no no nor nor nor nor nor no no | o or or or | o o o o o | acfgnorstv fotv afnortv"),
        ("Artifact",                 "or or or or or or or or or or or o o | or or or or or or or or or | or or or o or o o or or or or or cgos or or o o | nor no no nor nor nor nor nor no no | or or or or | o o o o o | cgnors o nor"),
        ("Equipment",                "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | cfgiorstv cfgiorstv cfgiorstv fotv cfgiortv fotv fotv fiortv fiortv fiortv fiortv fiortv aio cfgiorstv cfgiorstv fotv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("Facility",                 "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | cfgiorstv cfgiorstv cfgiorstv fotv cfgiortv fotv fotv fiortv fiortv fiortv fiortv fiortv aio cfgiorstv cfgiorstv fotv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("DistributionNetwork",      "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv ao ao ao fotv | fortv fortv fortv fortv fortv fortv fortv fortv ao | fgiortv fgiortv fgiortv fortv fgiortv fortv fotv fiortv fiortv fiortv fiortv fiortv aio fgiortv fgiortv cfgostv aio | nor no no nor nor nor nor nor no no | or or or or | o o o o o | acfginorstv fotv afinortv"),
        ("Material",                 "o o o o o o o o o or or o o | o o o o o o o o o | o o o o o o o o o o o o o o o o cgos | no no no nor nor nor nor nor no no | or or or or | o o o o o | cgnors o nor"),
        // Motivation
        ("Stakeholder",              "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | cgnos no no no no no no no no no | o o o o | o o o o o | cgnos o no"),
        ("Driver",                   "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no cgnos no no no no no no no no | o o o o | o o o o o | cgnos o no"),
        ("Assessment",               "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no cgnos no no no no no no no | o o o o | o o o o o | cgnos o no"),
        ("Goal",                     "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no cgnos no no no no no no | o o o o | o o o o o | cgnos o no"),
        ("Outcome",                  "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor cgnos no no no no no | o o o o | o o o o o | cgnors o nor"),
        ("Principle",                "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor cgnos no no no no | o o o o | o o o o o | cgnors o nor"),
        ("Requirement",              "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor cgnos cgnos no no | o o o o | o o o o o | cgnors o nor"),
        ("Constraint",               "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor cgnos cgnos no no | o o o o | o o o o o | cgnors o nor"),
        ("Meaning",                  "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no no no no no no cgnos no | o o o o | o o o o o | cgnos o no"),
        ("Value",                    "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no no no no no no no cgnos | o o o o | o o o o o | cgnos o no"),
        // Strategy
        ("Resource",                 "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor nor nor no no | cfgostv fiotv fortv fiotv | o o o o o | cfginorstv o finortv"),
        ("Capability",               "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor nor nor no no | fotv cfgostv fortv fotv | o o o o o | cfgnorstv o fnortv"),
        ("CourseOfAction",           "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor nor nor no no | fotv fotv cfgostv fotv | o o o o o | cfgnorstv o fnortv"),
        ("ValueStream",              "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no nor nor nor nor nor no no | fotv fotv fortv cfgostv | o o o o o | cfgnorstv o fnortv"),
        // Implementation and migration
        ("WorkPackage",              "or or or or or or or or or or or or or | or or or or or or or or or | or or or or or or or or or or or or or or or or or | no no no nor nor nor nor nor no no | or or or or | cfgost aor fot fort o | acfgnorst or afnort"),
        ("Deliverable",              "or or or or or or or or or or or or or | or or or or or or or or or | or or or or or or or or or or or or or or or or or | no no no nor nor nor nor nor no no | or or or or | o cgos o or o | cgnors or nor"),
        ("ImplementationEvent",      "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | no no no no no no no no no no | o o o o | fot ao cfgost fot o | acfgnost o afnot"),
        ("Plateau",                  "cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor | cgor cgor cgor cgor cgor cgor cgor cgor cgor | cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor cgor | no no no cgnor nor nor cgnor cgnor no no | cgor cgor cgor cgor | fot ao fot cfgost o | acfgnorst cgor acfgnort"),
        ("Gap",                      "o o o o o o o o o o o o o | o o o o o o o o o | o o o o o o o o o o o o o o o o o | o o o o o o o o o o | o o o o | o o o o cgos | cgos o o"),
        // Other
        ("Grouping",                 "cfgiorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv acgors acgors acgors cfgorstv | cfgorstv cfgorstv cfgorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv acgors | cfgiorstv cfgiorstv cfgiorstv cfgorstv cfgiorstv cfgorstv cfgorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv cfgiorstv acgiors cfgiorstv cfgiorstv cfgorstv acgiors | cginors cgnos cgnos cgnors cgnors cgnors cgnors cgnors cgnos cgnos | cfgorstv cfgiorstv cfgorstv cfgiorstv | cfgiost acgors cfgiost cfgorst cgos | acfginorstv cfgorstv acfginortv"),
        ("Location",                 "cfgiortv cfgiortv cfgiortv cfgiortv cfgiortv cfgiortv cfgiortv cfgiortv cfgiortv acgo acgo acgo cfgotv | cfgortv cfgortv cfgortv cfgiortv cfgiortv cfgiortv cfgiortv cfgiortv acgo | cfgiortv cfgiortv cfgiortv cfgortv cfgiortv cfgortv cfgotv cfgiortv cfgiortv cfgiortv cfgiortv cfgiortv acgio cfgiortv cfgiortv cfgotv acgio | cgnor cgno cgno cgnor cgnor cgnor cgnor cgnor cgno cgno | cgor cgor cgor cgor | cgo cgo cgo cgo cgo | acfginorstv cfgostv acfginortv"),
        ("Junction",                 "fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv fiortv aor aor aor fortv | fortv fortv fortv fiortv fiortv fiortv fiortv fiortv aor | fiortv fiortv fiortv fortv fiortv fortv fortv fiortv fiortv fiortv fiortv fiortv aior fiortv fiortv fortv aior | inor no no nor nor nor nor nor no no | fortv fiortv fortv fiortv | fiot aor fiot fort o | afinortv fortv afinortv"),
    ]

    private static let table = Table()

    /// What is wrong with the constant table (a row of another length, an unknown letter); empty.
    static var tableProblems: [String] { table.problems }

    /// ``rows`` as bit masks: one per (source, target), indexed by the types' numbers.
    private struct Table: Sendable {
        /// The number of each element type; both junctions have the one `Junction` number.
        let numbers: [String: Int]
        /// The bit of each relationship type.
        let bits: [String: UInt16]
        /// `masks[source * width + target]`.
        let masks: [UInt16]
        let width: Int
        /// What is wrong with ``rows`` (nothing: ArchiMateRelationshipsTests checks it).
        let problems: [String]

        init() {
            var bits: [String: UInt16] = [:]
            for (index, type) in ArchiMateRelationships.relationshipTypes.enumerated() { bits[type] = 1 << UInt16(index) }
            let rows = ArchiMateRelationships.rows
            var numbers: [String: Int] = [:]
            for (index, row) in rows.enumerated() { numbers[row.source] = index }
            numbers["AndJunction"] = numbers["Junction"]
            numbers["OrJunction"] = numbers["Junction"]
            numbers["Junction"] = nil
            var masks: [UInt16] = []
            masks.reserveCapacity(rows.count * rows.count)
            // The table is this file's constant, never input: what is wrong with it (a row of
            // another length, a letter no relationship has) is collected in ``problems``, which a
            // test requires empty, and read as "nothing allowed" rather than ending the program.
            var problems: [String] = []
            for row in rows {
                let cells = row.cells.split(separator: " ").filter { $0 != "|" }
                if cells.count != rows.count {
                    problems.append("the row of \(row.source) has \(cells.count) cells, not \(rows.count)")
                }
                for column in 0..<rows.count {
                    var mask: UInt16 = 0
                    for letter in column < cells.count ? cells[column] : "" where letter != "-" {
                        if let type = ArchiMateRelationships.letters[letter], let bit = bits[type] {
                            mask |= bit
                        } else {
                            problems.append("unknown letter \(letter) in the row of \(row.source)")
                        }
                    }
                    masks.append(mask)
                }
            }
            self.problems = problems
            self.numbers = numbers
            self.bits = bits
            self.masks = masks
            self.width = rows.count
        }

        /// The allowed types of the pair as a mask; 0 for an unknown name.
        func mask(from source: String, to target: String) -> UInt16 {
            guard let from = numbers[source], let to = numbers[target] else { return 0 }
            return masks[from * width + to]
        }
    }
}
