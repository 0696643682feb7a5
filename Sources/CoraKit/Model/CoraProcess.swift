/// One process of the canonical CORA process model.
///
/// Every field is text as the source had it (after the mapping's clean-up); the level and the
/// category are typed. Source columns that no field took are kept in ``properties``.
public struct CoraProcess: Sendable, Equatable {
    /// The stable identifier, matching `[A-Za-z0-9._-]+` (see ``ProcessIdentifier``).
    public var id: String
    /// The corporation's own code, such as `P03.01`.
    public var code: String
    /// The name, such as "Verhuren eenheid".
    public var name: String
    /// The level, when known.
    public var level: ProcessLevel?
    /// The category, when known.
    public var category: ProcessCategory?
    /// The id of the parent process, or empty at the top.
    public var parent: String
    /// The position among its siblings, when given.
    public var order: Int?
    /// The owner (proceseigenaar).
    public var owner: String
    /// The responsible business function (bedrijfsfunctie).
    public var function: String
    /// The services (diensten, bedrijfsservices) the process delivers.
    public var services: [String]
    /// The events (gebeurtenissen) that start it.
    public var events: [String]
    /// The applications that serve it.
    public var applications: [String]
    /// The ids of the processes that follow it.
    public var next: [String]
    /// The status, such as "Vastgesteld".
    public var status: String
    /// A description.
    public var description: String
    /// The requirements the process must meet: tags of the requirements vocabulary
    /// (``RequirementCatalog``), or the source's own words where no tag matched.
    public var requirements: [String]
    /// The ids of the processes this (steering) process steers.
    public var steers: [String]
    /// The ids of the steering processes that receive this process's accountability information.
    public var reportsTo: [String]
    /// The phase of the Plan-Do-Check-Act cycle this steering process stands for, when given.
    public var pdcaPhase: PDCAPhase?
    /// Unmapped source columns, in the order of the source.
    public var properties: [Property]
    /// Where the process came from.
    public var source: SourceLocation?

    /// Creates a process; everything but the id and the name may be left out.
    public init(
        id: String, code: String = "", name: String, level: ProcessLevel? = nil, category: ProcessCategory? = nil,
        parent: String = "", order: Int? = nil, owner: String = "", function: String = "",
        services: [String] = [], events: [String] = [], applications: [String] = [], next: [String] = [],
        status: String = "", description: String = "", requirements: [String] = [], steers: [String] = [],
        reportsTo: [String] = [], pdcaPhase: PDCAPhase? = nil, properties: [Property] = [], source: SourceLocation? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.level = level
        self.category = category
        self.parent = parent
        self.order = order
        self.owner = owner
        self.function = function
        self.services = services
        self.events = events
        self.applications = applications
        self.next = next
        self.status = status
        self.description = description
        self.requirements = requirements
        self.steers = steers
        self.reportsTo = reportsTo
        self.pdcaPhase = pdcaPhase
        self.properties = properties
        self.source = source
    }

    /// The value of the property named `name`, if the process has it.
    public func property(_ name: String) -> String? {
        properties.first { $0.name == name }?.value
    }
}
