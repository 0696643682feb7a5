/// How a process of one model was paired with one of another (``ProcessMatcher``).
public enum MatchMethod: String, Sendable, Codable, CaseIterable {
    /// Named as a pair by hand (`--pairs`).
    case pinned
    /// The same id.
    case id
    /// The same code.
    case code
    /// The same name, as ``MatchName`` compares names.
    case name
    /// Names with words in common and a similar place (parent, level), above the threshold.
    case similarity
}

/// A process of the old model paired with one of the new.
public struct ProcessPair: Sendable, Equatable {
    /// The old process's position in its model's processes.
    public var old: Int
    /// The new process's position in its model's processes.
    public var new: Int
    /// How the pair was made.
    public var method: MatchMethod
    /// 1 for pins, ids, codes and names; the similarity (0–1, three decimals) otherwise.
    public var score: Double

    /// A pair.
    public init(old: Int, new: Int, method: MatchMethod, score: Double) {
        self.old = old
        self.new = new
        self.method = method
        self.score = score
    }
}

/// Processes that could be paired in more than one way by one method, none of which was paired by
/// it: two processes with one code, or one name, on a side; two candidates of one similarity.
public struct MatchAmbiguity: Sendable, Equatable {
    /// The method that found them.
    public var method: MatchMethod
    /// The old processes' positions.
    public var old: [Int]
    /// The new processes' positions.
    public var new: [Int]

    /// An ambiguity.
    public init(method: MatchMethod, old: [Int], new: [Int]) {
        self.method = method
        self.old = old
        self.new = new
    }
}

extension MatchAmbiguity {
    /// The most processes of one side an ambiguity names in a report; the rest are counted.
    public static let shownLimit = 10

    /// `positions` as a report lists them: at most ``shownLimit``, and how many more there are.
    public static func shown(_ positions: [Int]) -> (positions: ArraySlice<Int>, more: Int) {
        (positions.prefix(shownLimit), max(0, positions.count - shownLimit))
    }
}

/// What ``ProcessMatcher`` made of two models: the pairs in the order they were made, the
/// ambiguities it did not resolve, and the processes of each side left without a partner.
public struct ModelMatch: Sendable, Equatable {
    /// The pairs.
    public var pairs: [ProcessPair]
    /// The ambiguities, in the order they were found.
    public var ambiguities: [MatchAmbiguity]
    /// The positions of the old processes without a partner.
    public var unmatchedOld: [Int]
    /// The positions of the new processes without a partner.
    public var unmatchedNew: [Int]

    /// A result.
    public init(pairs: [ProcessPair], ambiguities: [MatchAmbiguity], unmatchedOld: [Int], unmatchedNew: [Int]) {
        self.pairs = pairs
        self.ambiguities = ambiguities
        self.unmatchedOld = unmatchedOld
        self.unmatchedNew = unmatchedNew
    }
}
