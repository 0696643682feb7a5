/// What an Archi import keeps besides the processes, so that an export gives it back unchanged.
///
/// The processes of an Archi set become ``CoraProcess`` values; the elements, relations and
/// properties that the process model has no place for are kept here as they were read, in file
/// order. ``ArchiExportRenderer`` writes them back after the process model's own rows.
///
/// The rows that did become part of the process model are kept too (``identities`` and
/// ``mappedRelations``): an export reuses their ids, types, documentation and specializations, so
/// that an element or relation keeps its id through a round trip.
public struct ArchiRetained: Sendable, Equatable {
    /// The model row (Type `ArchimateModel`), if the set had one.
    public var modelRow: ArchiElement?
    /// The elements that are neither a process nor named by a process field, in file order.
    public var elements: [ArchiElement]
    /// The relations that are not a process field (parent, function, service, event, application,
    /// next, category), in file order.
    public var relations: [ArchiRelation]
    /// The properties of everything but the processes (the model row, kept elements and relations,
    /// functions, services, …), in file order.
    public var properties: [ArchiProperty]
    /// The rows of the processes and of the functions, services, events, applications and category
    /// groupings that process fields name, in file order.
    public var identities: [ArchiElement]
    /// The relations that became process fields, in file order.
    public var mappedRelations: [ArchiRelation]
    /// What an ArchiMate exchange document kept besides (views, organizations, …); `nil` for a CSV set.
    public var exchange: ExchangeRetained?

    /// Creates retained content.
    public init(modelRow: ArchiElement? = nil, elements: [ArchiElement] = [], relations: [ArchiRelation] = [],
                properties: [ArchiProperty] = [], identities: [ArchiElement] = [], mappedRelations: [ArchiRelation] = [],
                exchange: ExchangeRetained? = nil) {
        self.modelRow = modelRow
        self.elements = elements
        self.relations = relations
        self.properties = properties
        self.identities = identities
        self.mappedRelations = mappedRelations
        self.exchange = exchange
    }

    /// Adds what `other` retained after this: the first model row is kept.
    public mutating func append(contentsOf other: ArchiRetained) {
        if modelRow == nil { modelRow = other.modelRow }
        elements.append(contentsOf: other.elements)
        relations.append(contentsOf: other.relations)
        properties.append(contentsOf: other.properties)
        identities.append(contentsOf: other.identities)
        mappedRelations.append(contentsOf: other.mappedRelations)
        if let kept = other.exchange {
            if exchange == nil { exchange = kept } else { exchange?.append(contentsOf: kept) }
        }
    }

    /// A copy without source locations (for comparing what two reads kept).
    public var withoutLocations: ArchiRetained {
        var copy = self
        copy.modelRow?.location = nil
        for index in copy.elements.indices { copy.elements[index].location = nil }
        for index in copy.relations.indices { copy.relations[index].location = nil }
        for index in copy.properties.indices { copy.properties[index].location = nil }
        for index in copy.identities.indices { copy.identities[index].location = nil }
        for index in copy.mappedRelations.indices { copy.mappedRelations[index].location = nil }
        copy.exchange = exchange?.withoutLines
        return copy
    }
}
