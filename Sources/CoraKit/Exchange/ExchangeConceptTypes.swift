extension ExchangeReader {
    /// The element types of the exchange format (`ElementTypeEnum`, `CompositeTypeEnum` and
    /// `RelationshipConnectorEnum` of `archimate3_Model.xsd`, version 3.1), as `xsi:type` names them.
    public static let elementTypes: Set<String> = [
        // Business
        "BusinessActor", "BusinessRole", "BusinessCollaboration", "BusinessInterface", "BusinessProcess", "BusinessFunction",
        "BusinessInteraction", "BusinessEvent", "BusinessService", "BusinessObject", "Contract", "Representation", "Product",
        // Application
        "ApplicationComponent", "ApplicationCollaboration", "ApplicationInterface", "ApplicationFunction", "ApplicationInteraction",
        "ApplicationProcess", "ApplicationEvent", "ApplicationService", "DataObject",
        // Technology and physical
        "Node", "Device", "SystemSoftware", "TechnologyCollaboration", "TechnologyInterface", "Path", "CommunicationNetwork",
        "TechnologyFunction", "TechnologyProcess", "TechnologyInteraction", "TechnologyEvent", "TechnologyService", "Artifact",
        "Equipment", "Facility", "DistributionNetwork", "Material",
        // Motivation
        "Stakeholder", "Driver", "Assessment", "Goal", "Outcome", "Principle", "Requirement", "Constraint", "Meaning", "Value",
        // Strategy
        "Resource", "Capability", "CourseOfAction", "ValueStream",
        // Implementation and migration
        "WorkPackage", "Deliverable", "ImplementationEvent", "Plateau", "Gap",
        // Composites and connectors
        "Grouping", "Location", "AndJunction", "OrJunction",
    ]

    /// The relationship types of the exchange format (`RelationshipTypeEnum` of `archimate3_Model.xsd`),
    /// as `xsi:type` names them: without `Relationship`.
    public static let relationshipTypes: Set<String> = [
        "Composition", "Aggregation", "Assignment", "Realization", "Serving", "Access", "Influence", "Triggering", "Flow",
        "Specialization", "Association",
    ]
}
