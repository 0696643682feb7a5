/// Pairs the processes of two models (an old and a new version, an inventory and a reference), the
/// first step of `cora diff` and `cora coverage`: by pins given by hand, then by id, then by code,
/// then by name (``MatchName``), then by the similarity of name and position. Every pair says how it
/// was made and with what score. Where one process could be paired with two (two with one code or
/// one name on a side, two candidates of one score), the matcher pairs neither and reports the
/// ambiguity: it never chooses silently.
///
/// For `cora coverage` (``oneNewForManyOld``), several old processes (an inventory's) may pair with
/// one new process (a reference's): an inventory often splits what a reference model names once.
///
/// Similar names are found through an index of name words (a process is compared with the
/// processes that share a word with it, not with all), so two models of 100,000 processes are
/// matched without comparing every pair.
public struct ProcessMatcher: Sendable {
    /// The lowest similarity score that pairs two processes.
    public var threshold: Double
    /// A word found in more processes than this is too common to propose candidates (`beheren`
    /// in every other name); the other words of a name still do.
    public var commonWordLimit: Int
    /// Whether several old processes may pair with one new process (`cora coverage`: old is the
    /// inventory, new the reference; "Verhuren woningen" and "Verhuren bedrijfsruimten" both
    /// pair with "Verhuren eenheden"). Each old process still pairs with one new process at most.
    /// A new process stays a candidate after it is paired; what stays ambiguous is an old process
    /// with two candidates: a code or a name key that several new processes share, or two
    /// candidates of its best similarity. Several old processes with one new key, or one new best
    /// candidate, all pair; but a new process paired by pin, id, code or name takes no more by
    /// similarity. Off by default: one to one, as `cora diff` pairs.
    public var oneNewForManyOld: Bool

    /// A matcher; by default a pair needs a similarity of 0.65 and pairs one to one.
    public init(threshold: Double = 0.65, commonWordLimit: Int = 200, oneNewForManyOld: Bool = false) {
        self.threshold = threshold
        self.commonWordLimit = commonWordLimit
        self.oneNewForManyOld = oneNewForManyOld
    }

    /// The pairs of `old` and `new`'s processes, with `pinned` pairs (ids) made first.
    public func match(_ old: ProcessModel, _ new: ProcessModel, pinned: [(old: String, new: String)] = []) -> ModelMatch {
        var state = MatchState(old: old.processes, new: new.processes, manyOld: oneNewForManyOld)
        let oldByID = Self.positions(old.processes), newByID = Self.positions(new.processes)
        for pin in pinned {
            guard let from = oldByID[pin.old], let to = newByID[pin.new], state.isFree(old: from, new: to) else { continue }
            state.pair(from, to, .pinned, score: 1)
        }
        state.pairEqual(.id) { $0.id }
        state.pairEqual(.code) { $0.code.trimmingWhitespace() }
        state.pairEqual(.name) { MatchName.key($0.name) }
        pairSimilar(&state, oldByID: oldByID, newByID: newByID)
        return state.result
    }

    /// The position of the first process with each id.
    static func positions(_ processes: [CoraProcess]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, process) in processes.enumerated() where positions[process.id] == nil { positions[process.id] = index }
        return positions
    }

    /// Pairs the processes left by their similarity: 0.8 × the share of name words (stems) they have
    /// in common (Dice) — or, for a process no word pairs, of the letter triples of their names
    /// (compounds written together or apart) —, 0.15 when their parents are paired with each
    /// other (or both are at the top), 0.05 when their levels are the same: names that share half
    /// their words do not pair on their place alone. Best scores first; a process whose two best
    /// candidates score the same is ambiguous.
    private func pairSimilar(_ state: inout MatchState, oldByID: [String: Int], newByID: [String: Int]) {
        let oldWords = state.old.map { Set(MatchName.key($0.name).split(separator: " ").map(String.init)) }
        let newWords = state.new.map { Set(MatchName.key($0.name).split(separator: " ").map(String.init)) }
        var index: [String: [Int]] = [:]
        for (position, words) in newWords.enumerated() where state.isOpenToSimilar(new: position) {
            for word in words { index[word, default: []].append(position) }
        }
        let oldTrigrams = state.old.map { MatchName.trigrams(of: MatchName.key($0.name)) }
        let newTrigrams = state.new.map { MatchName.trigrams(of: MatchName.key($0.name)) }
        var trigramIndex: [String: [Int]]?
        let old = state.old, new = state.new, oldPair = state.oldPair
        /// The score of the old process at `position` with the new at `other` whose names are `name` alike.
        func similarity(_ name: Double, _ position: Int, _ other: Int) -> Double {
            let oldProcess = old[position], newProcess = new[other]
            let parentsPaired: Bool
            if oldProcess.parent.isEmpty || newProcess.parent.isEmpty {
                parentsPaired = oldProcess.parent.isEmpty && newProcess.parent.isEmpty
            } else if let from = oldByID[oldProcess.parent], let to = newByID[newProcess.parent] {
                parentsPaired = oldPair[from] == to
            } else {
                parentsPaired = false
            }
            return ((0.8 * name + (parentsPaired ? 0.15 : 0) + (oldProcess.level == newProcess.level ? 0.05 : 0)) * 1000).rounded() / 1000
        }
        // Per old process its best few candidates: enough for the best-first pairing below when a
        // best one is taken, and a bound on the work however common a word is.
        var candidates: [(old: Int, new: Int, score: Double)] = []
        var reported = Set<Int>(), reportedNew = Set<Int>()
        for (position, words) in oldWords.enumerated() where state.oldPair[position] == nil && !words.isEmpty {
            // Candidates share a word that is not too common; their score counts every word.
            var shared = Set<Int>()
            for word in words {
                guard let list = index[word], list.count <= commonWordLimit else { continue }
                shared.formUnion(list)
            }
            var scored: [(new: Int, score: Double)] = []
            for other in shared {
                let common = words.intersection(newWords[other]).count
                let score = similarity(2 * Double(common) / Double(words.count + newWords[other].count), position, other)
                if score >= threshold { scored.append((other, score)) }
            }
            // No word in common that pairs: compounds written apart or together ("Klantbediening",
            // "Bediening klant") share their letters, so the names' letter triples are compared.
            if scored.isEmpty {
                if trigramIndex == nil {
                    var built: [String: [Int]] = [:]
                    for (other, grams) in newTrigrams.enumerated() where state.isOpenToSimilar(new: other) {
                        for gram in grams { built[gram, default: []].append(other) }
                    }
                    trigramIndex = built
                }
                let grams = oldTrigrams[position]
                var near = Set<Int>()
                for gram in grams {
                    guard let list = trigramIndex?[gram], list.count <= commonWordLimit / 4 else { continue }
                    near.formUnion(list)
                }
                for other in near where !grams.isEmpty {
                    let common = grams.intersection(newTrigrams[other]).count
                    let score = similarity(2 * Double(common) / Double(grams.count + newTrigrams[other].count), position, other)
                    if score >= threshold { scored.append((other, score)) }
                }
            }
            scored.sort { ($0.score, -$0.new) > ($1.score, -$1.new) }
            // A tie for its best candidate is an ambiguity, not a coin toss.
            if scored.count > 1, scored[0].score == scored[1].score {
                reported.insert(position)
                let tied = scored.filter { $0.score == scored[0].score }.map(\.new).sorted()
                state.report(MatchAmbiguity(method: .similarity, old: [position], new: tied))
                continue
            }
            candidates += scored.prefix(3).map { (position, $0.new, $0.score) }
        }
        if oneNewForManyOld {
            // Every new process stays open: each old process takes its best candidate.
            var paired = Set<Int>()
            for candidate in candidates where paired.insert(candidate.old).inserted {
                state.pair(candidate.old, candidate.new, .similarity, score: candidate.score)
            }
            return
        }
        // The same for a new process with two old ones of its best score.
        var bestNew: [Int: (score: Double, old: [Int])] = [:]
        for candidate in candidates {
            if let best = bestNew[candidate.new], best.score >= candidate.score {
                if best.score == candidate.score { bestNew[candidate.new]!.old.append(candidate.old) }
            } else {
                bestNew[candidate.new] = (candidate.score, [candidate.old])
            }
        }
        for (other, best) in bestNew.sorted(by: { $0.key < $1.key }) where best.old.count > 1 {
            reportedNew.insert(other)
            state.report(MatchAmbiguity(method: .similarity, old: best.old.sorted(), new: [other]))
        }
        let order = candidates.sorted { ($0.score, -$0.old, -$0.new) > ($1.score, -$1.old, -$1.new) }
        for candidate in order where !reported.contains(candidate.old) && !reportedNew.contains(candidate.new)
            && state.isFree(old: candidate.old, new: candidate.new) {
            state.pair(candidate.old, candidate.new, .similarity, score: candidate.score)
        }
    }
}

/// The processes of two models being paired.
private struct MatchState {
    let old: [CoraProcess]
    let new: [CoraProcess]
    var oldPair: [Int?]
    var newPair: [Int?]
    /// Whether each new process is paired by pin, id, code or name.
    var exactlyPaired: [Bool]
    /// Whether a new process stays open to more old ones once paired (``ProcessMatcher/oneNewForManyOld``).
    let manyOld: Bool
    var pairs: [ProcessPair] = []
    var ambiguities: [MatchAmbiguity] = []

    init(old: [CoraProcess], new: [CoraProcess], manyOld: Bool = false) {
        self.old = old
        self.new = new
        self.manyOld = manyOld
        oldPair = Array(repeating: nil, count: old.count)
        newPair = Array(repeating: nil, count: new.count)
        exactlyPaired = Array(repeating: false, count: new.count)
    }

    func isFree(old position: Int, new other: Int) -> Bool { oldPair[position] == nil && isOpen(new: other) }

    /// Whether the new process at `other` may still be paired: when it is not, or when one new
    /// process may have many old ones.
    func isOpen(new other: Int) -> Bool { manyOld || newPair[other] == nil }

    /// Whether the new process at `other` may still be paired by similarity: when it is not
    /// paired, or when one new process may have many old ones and it is paired by similarity
    /// only. A new process an old one has by pin, id, code or name takes no more by similarity: a
    /// name that shares a word with it ("Leveren ICT-diensten" with "Leveren financiële diensten"
    /// beside "Leveren financiële diensten" itself) is no part of it.
    func isOpenToSimilar(new other: Int) -> Bool { newPair[other] == nil || (manyOld && exactlyPaired[other] == false) }

    mutating func pair(_ position: Int, _ other: Int, _ method: MatchMethod, score: Double) {
        oldPair[position] = other
        newPair[other] = position
        if method != .similarity { exactlyPaired[other] = true }
        pairs.append(ProcessPair(old: position, new: other, method: method, score: score))
    }

    /// Pairs the processes left whose `key` (not empty) is the same, where it is one process's on
    /// each side; a key of several on a side is an ambiguity and pairs none of them. Where one new
    /// process may have many old ones, every old process of a key that one new process has pairs
    /// with it; only a key of several new processes is an ambiguity.
    mutating func pairEqual(_ method: MatchMethod, key: (CoraProcess) -> String) {
        var oldByKey: [String: [Int]] = [:], newByKey: [String: [Int]] = [:], order: [String] = []
        for (position, process) in old.enumerated() where oldPair[position] == nil {
            let value = key(process)
            guard !value.isEmpty else { continue }
            if oldByKey[value] == nil { order.append(value) }
            oldByKey[value, default: []].append(position)
        }
        for (position, process) in new.enumerated() where isOpen(new: position) {
            let value = key(process)
            if !value.isEmpty { newByKey[value, default: []].append(position) }
        }
        for value in order {
            guard let from = oldByKey[value], let to = newByKey[value] else { continue }
            if to.count == 1 && (from.count == 1 || manyOld) {
                for position in from { pair(position, to[0], method, score: 1) }
            } else {
                report(MatchAmbiguity(method: method, old: from, new: to))
            }
        }
    }

    /// Reports `ambiguity`, unless the same processes were reported already (by an earlier method).
    mutating func report(_ ambiguity: MatchAmbiguity) {
        guard !ambiguities.contains(where: { $0.old == ambiguity.old && $0.new == ambiguity.new }) else { return }
        ambiguities.append(ambiguity)
    }

    var result: ModelMatch {
        ModelMatch(pairs: pairs, ambiguities: ambiguities,
                   unmatchedOld: oldPair.indices.filter { oldPair[$0] == nil }, unmatchedNew: newPair.indices.filter { newPair[$0] == nil })
    }
}
