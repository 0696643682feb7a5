import CoraCSV

/// What can be done with a data row on its own, before it meets the rows before it in the
/// builder: the mapping (map) and the row rules (validate). It keeps no state shared with the
/// builder, so a table can be prepared on a thread of its own, ahead of the builder
/// (``PreparedRows``), with exactly the findings it would have on one thread.
struct RowPreparation {
    /// What became of one record. A struct with an optional row, not an enum: the builder takes
    /// the row out (`take()`), where matching an enum's case would copy a row of a few hundred bytes
    /// and a reference per field.
    struct Outcome {
        /// The row, mapped and checked; `nil` when there is nothing to build (every cell empty:
        /// the mapping said so).
        var row: MappedRow?
        /// Whether the mapping or a row rule reported an error in the row.
        var hasErrors = false
    }

    private var mapper: RowMapper
    private let validator: Validator
    /// Level words already read (a file uses a handful on every row).
    private var levelWords: [String: ProcessLevel?] = [:]

    /// Prepares rows with `mapper` (bound to the table's header) and checks them with `validator`.
    init(mapper: RowMapper, validator: Validator) {
        self.mapper = mapper
        self.validator = validator
    }

    /// Maps and checks `record`, reporting what it finds to `sink`.
    mutating func prepare(_ record: CSVRecord, sink: inout DiagnosticSink) -> Outcome {
        let errorsBefore = sink.errorCount
        // In place: a copy of the mapper per row would copy its state too.
        guard let row = mapper.map(record, sink: &sink) else { return Outcome(row: nil) }
        validator.check(row, level: level(of: row), sink: &sink)
        return Outcome(row: row, hasErrors: sink.errorCount > errorsBefore)
    }

    /// The level of `row` as its level cell (or its column in a per-level layout) says, read with
    /// CORA's own words: what the rules that depend on the level (the naming convention) see.
    private mutating func level(of row: MappedRow) -> ProcessLevel? {
        let text = row[.level]
        if text.isEmpty { return row.levelFromHierarchy }
        if let known = levelWords[text] { return known }
        var level: ProcessLevel?
        if case .found(let found) = Vocabulary.levels.lookUp(text) { level = found }
        if levelWords.count < 1024 { levelWords[text] = level }
        return level
    }
}
