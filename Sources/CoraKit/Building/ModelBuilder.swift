import CoraCSV

/// Builds the process model from the processes of one run, whatever they were read from: table
/// rows through a mapping, the elements of an Archi set, or the models of several runs merged.
/// Ids, parents, cycles, levels and categories from the hierarchy, and leaving out what has errors
/// together with its descendants, happen here and nowhere else.
///
/// The stages, in the order ``Pipeline`` calls them:
/// 1. ``add(_:rowHasErrors:sink:)`` (a table row) or ``add(_:origin:parent:idWasGiven:levelFromParent:)``
///    (a process read otherwise) for every process, as the inputs are read;
/// 2. ``resolve(sink:)``: ids, parent references, cycles, levels and categories from the hierarchy;
/// 3. the ``Validator`` checks the model (``facts(maxDepth:strict:)``, ``leaveOut(factsPositions:sink:)``);
/// 4. ``finish(sink:)``: `next` references, and the model.
///
/// Every row ends up in the model or among the rejected rows, with at least one error saying why.
///
/// The storage is laid out for a million rows: the processes in columns (``ProcessColumns``: their
/// text in one byte arena, handed to the model at the end, not copied), per row a few bytes of trace (file and column layout by number), records
/// only when a rejects file is wanted, and ids and codes looked up through ``PositionIndex``.
public struct ModelBuilder: Sendable {
    /// How the builder reads rows and what it does with errors.
    public struct Settings: Sendable {
        /// Whether rows with errors are kept in the model anyway (`--keep-invalid`).
        public var keepInvalid = false
        /// How the hierarchy is written: the shape, levels by depth, category inheritance.
        public var hierarchy = Mapping.Hierarchy()
        /// What a `parent` reference names.
        public var parentMatch = Mapping.ReferenceMatch.any
        /// What a `next` reference names.
        public var nextMatch = Mapping.ReferenceMatch.any
        /// What `steers` and `reports-to` references name.
        public var steersMatch = Mapping.ReferenceMatch.any
        public var reportsToMatch = Mapping.ReferenceMatch.any
        /// The requirement tags understood: CORA's and the mapping's own.
        public var requirements = RequirementCatalog.cora
        /// The mapping's own requirement tags, which the model lists for its renderers.
        public var ownRequirementTags: [RequirementTag] = []
        /// The level words understood.
        public var levels = Vocabulary<ProcessLevel>.levels
        /// The category words understood.
        public var categories = Vocabulary<ProcessCategory>.categories
        /// Whether each row's record is kept whole (for a rejects file), or only its line and number.
        public var keepsRecords = true

        /// Settings with everything at its default.
        public init() {}

        /// Settings for the rows of `mapping`.
        public init(mapping: Mapping) {
            hierarchy = mapping.hierarchy
            parentMatch = mapping.fields[.parent]?.match ?? .any
            nextMatch = mapping.fields[.next]?.match ?? .any
            steersMatch = mapping.fields[.steers]?.match ?? .any
            reportsToMatch = mapping.fields[.reportsTo]?.match ?? .any
            ownRequirementTags = mapping.requirementTags
            requirements = mapping.requirementCatalog
            // A yes/no column whose requirement is no known tag was reported once, at the mapping
            // (RowMapper): its rows do not say it again.
            let unknownFlags = (mapping.fields[.requirements]?.flags ?? []).filter { requirements.lookUp($0.tag) == .unknown }
            if !unknownFlags.isEmpty { requirements.adding(unknownFlags.map { RequirementTag(tag: $0.tag) }) }
        }
    }

    /// Where a process came from, which decides how its findings point at it.
    public enum Origin: UInt8, Sendable, Equatable {
        /// A row of a table: findings name its columns.
        case tableRow
        /// An element of a model read otherwise (an Archi set): findings name its line; the row
        /// rules run once the hierarchy gives the element its level.
        case element
        /// A process of a model already built (`cora batch --merge`), at its source.
        case merged
        /// An ancestor named in a per-level layout that has no row of its own.
        case implicit
    }

    /// How a process names its parent.
    public enum ParentLink: Sendable {
        /// At the top.
        case none
        /// By a reference to resolve (an id, code or name, as `match` says).
        case reference(String, match: Mapping.ReferenceMatch)
        /// The process added at `position`; `relation` is the row that says so when it is a row of
        /// its own (an Archi relation), so that a cycle is cut there instead of leaving processes out.
        case position(Int, relation: RelationTrace?)
    }

    /// The row of a relation that makes one process the parent of another (an Archi aggregation):
    /// where it is, the column and value to point at.
    public struct RelationTrace: Sendable, Equatable {
        /// The relation's row.
        public var location: SourceLocation
        /// The column that names the parent.
        public var column: Diagnostic.Column
        /// The value there.
        public var value: String

        /// Creates a relation trace.
        public init(location: SourceLocation, column: Diagnostic.Column, value: String) {
            self.location = location
            self.column = column
            self.value = value
        }
    }

    /// The settings.
    public let settings: Settings

    /// The processes on their way into the model, and what the builder needs to know about each
    /// (apart, so that the accepted processes become the model's array in place).
    var candidates: [Candidate] = []
    var processes = ProcessColumns()
    /// The inputs' names and the column layouts of the rows, shared by the candidates (a row keeps
    /// their numbers, not copies), and the rows' records when they are kept for rejects.
    var files: [String] = []
    var columnSets: [FieldColumns] = []
    var records: [CSVRecord] = []
    /// Once the parents are resolved: the position of each candidate's parent, -1 at the top.
    var parentPosition: [Int32] = []
    /// The relation rows that made parents (Archi), by position of the child.
    var relations: [Int: RelationTrace] = [:]
    /// Merged models: the targets of each process's `next` references by position (-1: kept as
    /// written), so that references stay within the model they were resolved in.
    var nextTargets: [Int: [Int32]] = [:]
    /// `next` references kept as written after the resolved ones (Archi properties naming no process).
    var keptNext: [Int: [String]] = [:]
    /// The relations cut to break a cycle: their rows are rejected.
    var cutRelations: [SourceLocation] = []
    /// Per-level layouts: the candidate for each path of names (ancestors and own name).
    var pathIndex: [String: Int] = [:]
    var propertyNames: [String] = []
    var seenPropertyNames = Set<String>()
    /// Whether a process was added otherwise than from a table row: the model then lists the
    /// properties of the processes it holds (a table lists every column, even an empty one).
    var hasOtherOrigins = false
    /// Level and category words already looked up (a file uses a handful on every row).
    var levelWords: [String: Vocabulary<ProcessLevel>.Lookup] = [:]
    var categoryWords: [String: Vocabulary<ProcessCategory>.Lookup] = [:]
    var requirementOutcomes: [String: (tag: String, hint: String?)] = [:]
    /// Requirement tags defined by the inputs (Archi sets) besides the mapping's.
    var definedRequirementTags: [RequirementTag] = []
    var definedRequirementTagNames = Set<String>()
    /// Once resolved: the positions `steers` and `reports-to` name, per process that has them
    /// (-1: kept as written). Few processes have them, so they are kept by position.
    var pdcaTargets: [Int: PDCATargets] = [:]
    /// Merged models: the targets resolved already, within the model each process came from.
    var givenPDCATargets: [Int: PDCATargets] = [:]

    /// The processes one process's `steers` and `reports-to` name, by position.
    struct PDCATargets: Sendable {
        var steers: [Int32] = []
        var reportsTo: [Int32] = []
    }

    /// What the builder knows of a process besides its fields: where its row is (in a few bytes:
    /// the full ``RowTrace`` is made only when a finding or a rejected row needs it), how its
    /// parent is named, and whether it is in or out.
    struct Candidate: Sendable {
        var file: Int32
        var columnSet: Int32
        var line: Int
        var record: Int
        /// The category and parent cells as the mapping left them (offsets of their texts in the
        /// processes' arena: no string per row).
        var categoryText: Int
        var parentText: Int
        /// What the parent reference says (in a dotted numbering: the code above); for a parent
        /// given by position, empty.
        var parentReference: Int
        var parentMatch: Mapping.ReferenceMatch
        /// The parent by position, when the input says so (per-level layouts, Archi relations, merges).
        var structuralParent: Int32
        var idWasGiven: Bool
        var origin: Origin
        /// Whether the level comes from the parent's when the process has none (Archi nesting).
        var levelFromParent: Bool
        var rejected: Bool
    }

    /// A builder with `settings`.
    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Makes room for `count` more rows up front, so that the arrays of a large input are not
    /// copied as they grow.
    /// `textBytes` is about how many bytes of text they hold.
    public mutating func reserveCapacity(forMoreRows count: Int, textBytes: Int = 0) {
        let total = candidates.count + max(0, count)
        candidates.reserveCapacity(total)
        processes.reserveCapacity(forMore: max(0, count), bytes: textBytes)
        if settings.keepsRecords { records.reserveCapacity(total) }
    }

    /// Adds requirement tags of the model's own (read from an Archi set's Requirement elements),
    /// which the model lists for its renderers.
    public mutating func defineRequirementTags(_ tags: [RequirementTag]) {
        for tag in tags where definedRequirementTagNames.insert(tag.tag).inserted { definedRequirementTags.append(tag) }
    }

    /// Declares property columns up front, so the model lists them even when every cell is empty.
    public mutating func declareProperties(_ names: [String]) {
        for name in names where seenPropertyNames.insert(name).inserted { propertyNames.append(name) }
    }

    /// The number of processes added.
    public var count: Int { candidates.count }

    // MARK: Adding

    /// Adds a process read otherwise than from a table row (an Archi element, a process of a
    /// merged model), whose parent is given as a position among those added. `idWasGiven` says
    /// whether its id is the input's own (else one is derived, starting from the id it has, if any);
    /// `columns` are the columns of its row that findings may name; `next` the positions of the
    /// processes its `next` references name, when they are resolved already (-1: kept as written),
    /// and `keptNext` references kept as written after the others; `pdca` the same for its `steers`
    /// and `reports-to` references.
    public mutating func add(_ process: CoraProcess, origin: Origin, parent: ParentLink, idWasGiven: Bool, levelFromParent: Bool = false,
                             columns: FieldColumns = [:], next targets: [Int32]? = nil, keptNext: [String] = [],
                             pdca: (steers: [Int32], reportsTo: [Int32])? = nil) {
        let location = process.source ?? SourceLocation(file: "", line: 0, record: 0)
        var candidate = Candidate(
            file: fileNumber(location.file), columnSet: columnSetNumber(columns), line: location.line, record: location.record,
            categoryText: 0, parentText: 0, parentReference: 0, parentMatch: .any, structuralParent: -1,
            idWasGiven: idWasGiven, origin: origin, levelFromParent: levelFromParent, rejected: false)
        switch parent {
        case .none: break
        case .reference(let reference, let match):
            candidate.parentReference = processes.store(reference)
            candidate.parentText = candidate.parentReference
            candidate.parentMatch = match
        case .position(let position, let relation):
            candidate.structuralParent = Int32(position)
            if let relation { relations[candidates.count] = relation }
        }
        if let targets { nextTargets[candidates.count] = targets }
        if !keptNext.isEmpty { self.keptNext[candidates.count] = keptNext }
        if let pdca, !pdca.steers.isEmpty || !pdca.reportsTo.isEmpty {
            givenPDCATargets[candidates.count] = PDCATargets(steers: pdca.steers, reportsTo: pdca.reportsTo)
        }
        hasOtherOrigins = true
        append(candidate, process, record: CSVRecord.locationOnly(line: location.line, number: location.record))
    }

    /// Adds a candidate with its process (and its record, when records are kept).
    mutating func append(_ candidate: consuming Candidate, _ process: consuming CoraProcess, record: CSVRecord) {
        candidates.append(candidate)
        processes.append(process)
        if settings.keepsRecords { records.append(record) }
    }

    /// The number of the input `file` in ``files``.
    mutating func fileNumber(_ file: String) -> Int32 {
        if let last = files.last, last == file { return Int32(files.count - 1) }
        if let known = files.firstIndex(of: file) { return Int32(known) }
        files.append(file)
        return Int32(files.count - 1)
    }

    /// The number of `columns` in ``columnSets`` (rows of one table share one; a per-level layout
    /// has one per level column).
    mutating func columnSetNumber(_ columns: FieldColumns) -> Int32 {
        if let known = columnSets.lastIndex(of: columns) { return Int32(known) }
        columnSets.append(columns)
        return Int32(columnSets.count - 1)
    }

    /// Whether a property of this name was seen before: a look through the few names an inventory
    /// has, a hash only for many.
    func knowsProperty(_ name: String) -> Bool {
        propertyNames.count <= 16 ? propertyNames.contains(name) : seenPropertyNames.contains(name)
    }

    // MARK: Where a candidate came from

    /// Where the row of the candidate at `index` is.
    func location(of index: Int) -> SourceLocation {
        let candidate = candidates[index]
        return SourceLocation(file: files[Int(candidate.file)], line: candidate.line, record: candidate.record)
    }

    /// The columns the fields of the candidate at `index` came from.
    func columns(of index: Int) -> FieldColumns {
        columnSets[Int(candidates[index].columnSet)]
    }

    /// What the builder kept of the row of the candidate at `index`.
    func row(of index: Int) -> RowTrace {
        let candidate = candidates[index]
        let location = location(of: index)
        return RowTrace(location: location,
                        record: settings.keepsRecords ? records[index] : CSVRecord.locationOnly(line: location.line, number: location.record),
                        columns: columns(of: index), categoryText: processes.string(at: candidate.categoryText),
                        functionText: processes.text(.function, at: index), parentText: processes.string(at: candidate.parentText))
    }

    /// The parent of the candidate at `position` while it is in the model: `nil` at the top, or
    /// when the parent was left out.
    func liveParent(of position: Int) -> Int? {
        let parent = Int(parentPosition[position])
        return parent >= 0 && !candidates[parent].rejected ? parent : nil
    }

    // MARK: The stages after reading

    /// Settles what spans rows: assigns missing ids, checks that codes are unique per file,
    /// resolves parent references, breaks cycles,
    /// and fills in the levels and categories the hierarchy implies. Call it once, after the last
    /// process is added.
    public mutating func resolve(sink: inout DiagnosticSink) {
        assignIDs(sink: &sink)
        checkCodes(sink: &sink)
        resolveParents(sink: &sink)
        breakCycles(sink: &sink)
        completeFromAncestors()
        resolvePDCA(sink: &sink)
    }

    /// What the model rules see of the processes still in the model.
    func facts(maxDepth: Int, strict: Bool) -> ModelFacts {
        var living: [Int] = []
        living.reserveCapacity(candidates.count)
        var factIndex = [Int32](repeating: -1, count: candidates.count)
        for position in candidates.indices where !candidates[position].rejected {
            factIndex[position] = Int32(living.count)
            living.append(position)
        }
        let positions = living, processes = self.processes, candidates = self.candidates
        let parents = positions.map { position in liveParent(of: position).map { factIndex[$0] } ?? -1 }
        let builder = self
        return ModelFacts(
            levels: positions.map { processes.level(at: $0) }, categories: positions.map { processes.category(at: $0) },
            parents: parents, hasFunction: positions.map { !processes.text(.function, at: $0).trimmingWhitespace().isEmpty },
            pdca: pdcaFacts(factIndex: factIndex), maxDepth: maxDepth, strict: strict,
            lookUp: { index in
                let position = positions[index]
                let hasRow = candidates[position].origin == .tableRow
                return (processes.process(at: position), hasRow ? builder.row(of: position) : nil)
            })
    }

    /// Leaves out the processes at `factsPositions` (positions in ``facts(maxDepth:strict:)``) and
    /// their descendants, unless invalid processes are kept.
    mutating func leaveOut(factsPositions: [Int], sink: inout DiagnosticSink) {
        guard !settings.keepInvalid, !factsPositions.isEmpty else { return }
        let living = candidates.indices.filter { !candidates[$0].rejected }
        let positions = factsPositions.map { living[$0] }
        for position in positions { candidates[position].rejected = true }
        rejectDescendants(of: positions, sink: &sink)
    }

    /// Runs the row rules on the processes read otherwise than from a table (Archi elements), now
    /// that the hierarchy has given them their levels; one with an error is left out with its
    /// descendants.
    public mutating func checkElements(with validator: Validator, sink: inout DiagnosticSink) {
        var withErrors: [Int] = []
        for position in candidates.indices where candidates[position].origin == .element && !candidates[position].rejected {
            let process = processes.process(at: position)
            var row = MappedRow(values: [:], lists: [:], properties: process.properties, location: location(of: position),
                                record: CSVRecord.locationOnly(line: candidates[position].line, number: candidates[position].record),
                                columns: columns(of: position))
            let texts: [(CanonicalField, String)] = [
                (.id, process.id), (.code, process.code), (.name, process.name), (.parent, process.parent), (.owner, process.owner),
                (.function, process.function), (.status, process.status), (.description, process.description),
            ]
            for (field, value) in texts { row.values[field] = value }
            row.lists[.services] = process.services
            row.lists[.events] = process.events
            row.lists[.applications] = process.applications
            row.lists[.next] = process.next + (keptNext[position] ?? [])
            row.lists[.requirements] = process.requirements
            row.lists[.steers] = process.steers
            row.lists[.reportsTo] = process.reportsTo
            row.values[.pdcaPhase] = process.pdcaPhase?.rawValue ?? ""
            if validator.check(row, level: process.level, sink: &sink) { withErrors.append(position) }
        }
        guard !settings.keepInvalid, !withErrors.isEmpty else { return }
        for position in withErrors { candidates[position].rejected = true }
        rejectDescendants(of: withErrors, sink: &sink)
    }

    /// What building made: the model, the rows left out, and the relations cut to break cycles.
    public struct Result {
        /// The processes that made it into the model.
        public var model: ProcessModel
        /// The rows left out for errors, as they were read.
        public var rejected: [RowTrace]
        /// The rows of relations left out to break a cycle (Archi).
        public var cutRelations: [SourceLocation]
    }

    /// Resolves the `next` references and hands over the model. The processes move into it: the
    /// builder is empty afterwards.
    public mutating func finish(sink: inout DiagnosticSink) -> Result {
        resolveNext(sink: &sink)
        finishPDCA(sink: &sink)
        let rejected = candidates.indices.filter { candidates[$0].rejected && candidates[$0].origin != .implicit }.map(row(of:))
        // The ids cora made (from a code or a name, numbered): no input gave them, so comparing
        // two models does not trust them as ids.
        let made = candidates.indices.filter { !candidates[$0].rejected && !candidates[$0].idWasGiven }.map { Int32($0) }
        let madeIDs = MadeIDs(positions: made, in: processes)
        // The columns become the model's, with the positions of the accepted processes when some were left out.
        var selection: [Int32]?
        if candidates.contains(where: \.rejected) {
            selection = candidates.indices.filter { !candidates[$0].rejected }.map { Int32($0) }
        }
        let accepted = ProcessList(columns: processes, selection: selection)
        processes = ProcessColumns()
        candidates = []
        records = []
        var model = hasOtherOrigins ? ProcessModel(processes: accepted, propertyNames: propertyNames)
            : ProcessModel(processes: accepted, listedPropertyNames: propertyNames)
        model.ownRequirementTags = settings.ownRequirementTags
        model.madeIDs = madeIDs
        var known = Set(model.ownRequirementTags.map(\.tag))
        for tag in definedRequirementTags where known.insert(tag.tag).inserted { model.ownRequirementTags.append(tag) }
        return Result(model: model, rejected: rejected, cutRelations: cutRelations)
    }
}
