/// The names Archi uses for ArchiMate concept types in its CSV files.
///
/// The lists are those of ArchiMate 3.1/3.2 as Archi implements them (its model package and
/// `relationships.xml`): every type Archi's importer accepts in the Type column.
public enum ArchiConceptType {
    /// The Type of the model row.
    public static let model = "ArchimateModel"

    // MARK: Types the process model uses

    /// A process at the levels business process, work process and process step.
    public static let businessProcess = "BusinessProcess"
    /// A process chain or steering scenario.
    public static let businessInteraction = "BusinessInteraction"
    /// A business function (bedrijfsfunctie).
    public static let businessFunction = "BusinessFunction"
    /// A service (dienst, bedrijfsservice).
    public static let businessService = "BusinessService"
    /// An event (gebeurtenis).
    public static let businessEvent = "BusinessEvent"
    /// An application.
    public static let applicationComponent = "ApplicationComponent"
    /// An application service (accepted as an application on import).
    public static let applicationService = "ApplicationService"
    /// A grouping; one per category holds the processes of that category.
    public static let grouping = "Grouping"
    /// A requirement; one per requirement tag a process meets (CORA.md §5).
    public static let requirement = "Requirement"

    /// Composition.
    public static let composition = "CompositionRelationship"
    /// Aggregation.
    public static let aggregation = "AggregationRelationship"
    /// Assignment.
    public static let assignment = "AssignmentRelationship"
    /// Realization.
    public static let realization = "RealizationRelationship"
    /// Serving.
    public static let serving = "ServingRelationship"
    /// Triggering.
    public static let triggering = "TriggeringRelationship"
    /// Flow.
    public static let flow = "FlowRelationship"
    /// Association.
    public static let association = "AssociationRelationship"

    /// The element types that become processes.
    public static let processTypes: Set<String> = [businessProcess, businessInteraction]

    /// Every element type Archi's importer accepts, by layer.
    public static let elementTypes: Set<String> = [
        // Strategy
        "Resource", "Capability", "ValueStream", "CourseOfAction",
        // Business
        "BusinessActor", "BusinessRole", "BusinessCollaboration", "BusinessInterface", "BusinessProcess",
        "BusinessFunction", "BusinessInteraction", "BusinessEvent", "BusinessService", "BusinessObject", "Contract",
        "Representation", "Product",
        // Application
        "ApplicationComponent", "ApplicationCollaboration", "ApplicationInterface", "ApplicationFunction",
        "ApplicationInteraction", "ApplicationProcess", "ApplicationEvent", "ApplicationService", "DataObject",
        // Technology and physical
        "Node", "Device", "SystemSoftware", "TechnologyCollaboration", "TechnologyInterface", "Path",
        "CommunicationNetwork", "TechnologyFunction", "TechnologyProcess", "TechnologyInteraction", "TechnologyEvent",
        "TechnologyService", "Artifact", "Equipment", "Facility", "DistributionNetwork", "Material",
        // Motivation
        "Stakeholder", "Driver", "Assessment", "Goal", "Outcome", "Principle", "Requirement", "Constraint", "Meaning", "Value",
        // Implementation and migration
        "WorkPackage", "Deliverable", "ImplementationEvent", "Plateau", "Gap",
        // Other
        "Grouping", "Location", "Junction",
    ]

    /// Every relationship type Archi's importer accepts.
    public static let relationshipTypes: Set<String> = [
        "AccessRelationship", "AggregationRelationship", "AssignmentRelationship", "AssociationRelationship",
        "CompositionRelationship", "FlowRelationship", "InfluenceRelationship", "RealizationRelationship",
        "ServingRelationship", "SpecializationRelationship", "TriggeringRelationship",
    ]

    /// Whether `id` is an id Archi's importer accepts: not empty, only ASCII letters, digits, `.`, `_`, `-`.
    public static func isValidID(_ id: String) -> Bool { ProcessIdentifier.isValid(id) }
}
