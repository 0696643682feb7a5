/// The relationships that carry a field of the process model, with the ArchiMate types accepted on
/// import and the one written on export.
///
/// | kind | from → to | import accepts | export writes |
/// |---|---|---|---|
/// | ``parent`` | parent process → process | Aggregation, Composition | Aggregation |
/// | ``category`` | category Grouping → process | Aggregation, Composition | Aggregation |
/// | ``function`` | BusinessFunction → process | Aggregation, Composition, Assignment | Aggregation |
/// | ``service`` | process → BusinessService | Realization | Realization |
/// | ``event`` | BusinessEvent → process | Triggering | Triggering |
/// | ``application`` | ApplicationComponent or ApplicationService → process | Serving | Serving |
/// | ``next`` | process → next process | Triggering, Flow | Triggering |
/// | ``requirement`` | process → Requirement | Realization | Realization |
/// | ``steers`` | steering process → process | Flow named `stuurt` | Flow named `stuurt` |
/// | ``reportsTo`` | process → steering process | Flow named `rapporteert aan` | Flow named `rapporteert aan` |
///
/// A Flow between processes is `steers` or `reports-to` by its name (``kind(ofFlowNamed:)``), else `next`.
///
/// The export writes Aggregation for parent → child because CORA itself models the parts of a
/// process with aggregation (a work process may be used in more than one business process, which
/// composition forbids). Assignment from a function to a process is accepted on import because
/// some models use it, but ArchiMate 3.1/3.2 does not allow it between these types, so an export
/// writes Aggregation instead. A relation read on import keeps its own type on export when that
/// type is also allowed (``reusableTypes``).
public enum ArchiProcessRelation: String, Sendable, CaseIterable {
    /// A process is part of its parent.
    case parent
    /// A grouping named for a category holds the process.
    case category
    /// A business function is responsible for the process.
    case function
    /// The process realizes a service.
    case service
    /// An event triggers the process.
    case event
    /// An application serves the process.
    case application
    /// The process triggers the next one.
    case next
    /// The process realizes a requirement (CORA.md §5).
    case requirement
    /// A steering process steers the process.
    case steers
    /// The process reports to a steering process (its accountability information flows there).
    case reportsTo

    /// The relationship types accepted on import.
    public var acceptedTypes: Set<String> {
        switch self {
        case .parent, .category: return [ArchiConceptType.aggregation, ArchiConceptType.composition]
        case .function: return [ArchiConceptType.aggregation, ArchiConceptType.composition, ArchiConceptType.assignment]
        case .service: return [ArchiConceptType.realization]
        case .event: return [ArchiConceptType.triggering]
        case .application: return [ArchiConceptType.serving]
        case .next: return [ArchiConceptType.triggering, ArchiConceptType.flow]
        case .requirement: return [ArchiConceptType.realization]
        case .steers, .reportsTo: return [ArchiConceptType.flow]
        }
    }

    /// The accepted types that ArchiMate allows between these element types, kept as they are on export.
    public var reusableTypes: Set<String> {
        self == .function ? [ArchiConceptType.aggregation, ArchiConceptType.composition] : acceptedTypes
    }

    /// The type an export writes for a new relation.
    public var exportType: String {
        switch self {
        case .parent, .category, .function: return ArchiConceptType.aggregation
        case .service: return ArchiConceptType.realization
        case .event, .next: return ArchiConceptType.triggering
        case .application: return ArchiConceptType.serving
        case .requirement: return ArchiConceptType.realization
        case .steers, .reportsTo: return ArchiConceptType.flow
        }
    }

    /// The name an export gives a new relation of this kind: the PDCA flows say what they are,
    /// which is how an import tells them from `next`.
    public var exportName: String {
        switch self {
        case .steers: return "stuurt"
        case .reportsTo: return "rapporteert aan"
        default: return ""
        }
    }

    /// What a Flow between two processes carries, by its name: `steers` ("stuurt", "steers"),
    /// `reports-to` ("rapporteert aan", "reports to", "verantwoording"), else `next`.
    public static func kind(ofFlowNamed name: String) -> ArchiProcessRelation {
        let key = TextNormalization.matchKey(name)
        if steersNames.contains(key) { return .steers }
        if reportsToNames.contains(key) { return .reportsTo }
        return .next
    }

    private static let steersNames: Set<String> = ["stuurt", "steers", "sturing", "stuurt op", "governs"]
    private static let reportsToNames: Set<String> = ["rapporteert aan", "reports to", "verantwoording", "verantwoordt aan",
                                                      "legt verantwoording af aan", "rapportage", "accountability"]
}
