/// How many reference processes are covered, partly covered and missing, and how many inventory
/// processes match nothing: the numbers of one row of ``CoverageTotals``.
public struct CoverageCounts: Sendable, Equatable {
    /// Reference processes covered.
    public var covered = 0
    /// Reference processes covered in part.
    public var partial = 0
    /// Reference processes missing.
    public var missing = 0
    /// Inventory processes that match no reference process.
    public var unmatched = 0

    /// Counts.
    public init(covered: Int = 0, partial: Int = 0, missing: Int = 0, unmatched: Int = 0) {
        self.covered = covered
        self.partial = partial
        self.missing = missing
        self.unmatched = unmatched
    }

    /// The count of `status`.
    public subscript(status: CoverageStatus) -> Int {
        get {
            switch status {
            case .covered: return covered
            case .partial: return partial
            case .missing: return missing
            case .unmatched: return unmatched
            }
        }
        set {
            switch status {
            case .covered: covered = newValue
            case .partial: partial = newValue
            case .missing: missing = newValue
            case .unmatched: unmatched = newValue
            }
        }
    }
}

/// The totals of a ``CoverageReport``: all processes, per category and per level. Reference
/// processes count under their own category and level, unmatched inventory processes under
/// theirs; a process without a category or a level counts under `nil` ("no category", "no
/// level"). Rows follow ``ProcessCategory`` and ``ProcessLevel``'s order, `nil` last, and only
/// the categories and levels some process has are listed.
public struct CoverageTotals: Sendable, Equatable {
    /// One category's counts.
    public struct CategoryRow: Sendable, Equatable {
        /// The category, `nil` for processes without one.
        public var category: ProcessCategory?
        /// Its counts.
        public var counts: CoverageCounts
    }

    /// One level's counts.
    public struct LevelRow: Sendable, Equatable {
        /// The level, `nil` for processes without one.
        public var level: ProcessLevel?
        /// Its counts.
        public var counts: CoverageCounts
    }

    /// The counts of all processes.
    public var all = CoverageCounts()
    /// The counts per category.
    public var categories: [CategoryRow] = []
    /// The counts per level.
    public var levels: [LevelRow] = []

    /// The totals of processes with these categories, levels and statuses.
    init(_ processes: [(category: ProcessCategory?, level: ProcessLevel?, status: CoverageStatus)]) {
        var byCategory: [ProcessCategory?: CoverageCounts] = [:], byLevel: [ProcessLevel?: CoverageCounts] = [:]
        for process in processes {
            all[process.status] += 1
            byCategory[process.category, default: CoverageCounts()][process.status] += 1
            byLevel[process.level, default: CoverageCounts()][process.status] += 1
        }
        categories = (ProcessCategory.allCases.map(Optional.some) + [nil]).compactMap { category in
            byCategory[category].map { CategoryRow(category: category, counts: $0) }
        }
        levels = (ProcessLevel.allCases.map(Optional.some) + [nil]).compactMap { level in
            byLevel[level].map { LevelRow(level: level, counts: $0) }
        }
    }
}
