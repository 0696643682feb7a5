/// The ids cora made for processes whose input gave none (``ProcessModel/derivedIDs``), kept as
/// the builder left them: the positions of those processes in the columns the model was built in,
/// made into a set of ids only when asked (by `cora diff`). A model of a million rows otherwise
/// pays for a million-string set that only a comparison reads.
struct MadeIDs: Sendable {
    /// The ids, once given as a set (a model made otherwise than by the builder, or assigned).
    private var given: Set<String> = []
    /// The columns the builder filled and the positions in them of the processes whose id it made.
    /// The columns are the model's as built (shared, not copied): later edits of the model's
    /// processes do not change which ids were made.
    private var columns: ProcessColumns?
    private var positions: [Int32] = []

    /// No made ids.
    init() {}

    /// The ids of `ids`.
    init(_ ids: Set<String>) { given = ids }

    /// The ids at `positions` of `columns`.
    init(positions: [Int32], in columns: ProcessColumns) {
        self.columns = positions.isEmpty ? nil : columns
        self.positions = positions
    }

    /// The made ids as a set.
    var ids: Set<String> {
        guard let columns else { return given }
        var ids = Set<String>(minimumCapacity: positions.count)
        for position in positions { ids.insert(columns.id(at: Int(position))) }
        return ids
    }
}
