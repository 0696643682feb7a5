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

    /// The methods used besides pins (`--match id` pairs by id alone: what the ids prove).
    public var methods: Set<MatchMethod>

    /// A matcher; by default a pair needs a similarity of 0.65, pairs one to one and uses every method.
    public init(threshold: Double = 0.65, commonWordLimit: Int = 200, oneNewForManyOld: Bool = false,
                methods: Set<MatchMethod> = Set(MatchMethod.allCases)) {
        self.threshold = threshold
        self.commonWordLimit = commonWordLimit
        self.oneNewForManyOld = oneNewForManyOld
        self.methods = methods
    }

    /// The pairs of `old` and `new`'s processes, with `pinned` pairs (ids) made first; a pin with
    /// one side nil keeps the other side's process from any pair.
    public func match(_ old: ProcessModel, _ new: ProcessModel, pinned: [PinnedPair] = []) -> ModelMatch {
        let oldProcesses = old.processes.array, newProcesses = new.processes.array
        var state = MatchState(old: oldProcesses, new: newProcesses, manyOld: oneNewForManyOld)
        let oldByID = Self.positions(oldProcesses), newByID = Self.positions(newProcesses)
        for pin in pinned {
            switch (pin.old.flatMap { oldByID[$0] }, pin.new.flatMap { newByID[$0] }) {
            case (let from?, nil) where pin.new == nil: state.closedOld[from] = true
            case (nil, let to?) where pin.old == nil: state.closedNew[to] = true
            default: break
            }
        }
        for pin in pinned {
            guard let from = pin.old.flatMap({ oldByID[$0] }), let to = pin.new.flatMap({ newByID[$0] }),
                  state.isFree(old: from, new: to) else { continue }
            state.pair(from, to, .pinned, score: 1)
        }
        if methods.contains(.id) {
            // An id cora made (no id column) is no id: the same one on two sides says only that
            // the rows came in the same order.
            let oldMade = old.derivedIDs, newMade = new.derivedIDs  // made into sets once
            let oldIDs = oldProcesses.map { oldMade.contains($0.id) ? "" : $0.id }
            let newIDs = newProcesses.map { newMade.contains($0.id) ? "" : $0.id }
            state.pairEqual(.id, report: true, old: { oldIDs[$0] }, new: { newIDs[$0] })
        }
        if methods.contains(.code) { state.pairEqual(.code) { $0.code.trimmingWhitespace() } }
        guard methods.contains(.name) || methods.contains(.similarity) else { return state.result }
        // A name is compared on its first 2,000 characters: no process is named by more, and a
        // megabyte of name would otherwise cost seconds per comparison.
        func key(_ process: CoraProcess) -> String { MatchName.key(process.name.count > 2_000 ? String(process.name.prefix(2_000)) : process.name) }
        let keys = NameKeys(old: oldProcesses.map(key), new: newProcesses.map(key),
                            oldParents: Self.parentPositions(oldProcesses, oldByID), newParents: Self.parentPositions(newProcesses, newByID))
        if methods.contains(.name) { state.pairNames(keys) }
        if methods.contains(.similarity) { pairSimilar(&state, keys: keys) }
        return state.result
    }

    /// The position of each process's parent: ``MatchState/top`` for a process at the top,
    /// ``MatchState/unknownParent`` for a parent the model lacks.
    static func parentPositions(_ processes: [CoraProcess], _ byID: [String: Int]) -> [Int] {
        processes.map { $0.parent.isEmpty ? MatchState.top : byID[$0.parent] ?? MatchState.unknownParent }
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
    private func pairSimilar(_ state: inout MatchState, keys: NameKeys) {
        // Words as numbers, each name's sorted without repeats: common words are counted by a merge.
        var vocabulary: [Substring: Int32] = [:]
        func words(_ key: String) -> [Int32] {
            var numbers = key.split(separator: " ").map { word in
                if let number = vocabulary[word] { return number }
                let number = Int32(vocabulary.count)
                vocabulary[word] = number
                return number
            }
            numbers.sort()
            var unique: [Int32] = []
            unique.reserveCapacity(numbers.count)
            for number in numbers where unique.last != number { unique.append(number) }
            return unique
        }
        let oldWords = keys.old.map(words), newWords = keys.new.map(words)
        var index = [[Int32]](repeating: [], count: vocabulary.count)
        // The open new processes under each new process, for the siblings of a paired parent.
        var children: [Int: [Int32]] = [:]
        for position in state.new.indices where state.isOpenToSimilar(new: position) {
            for word in newWords[position] { index[Int(word)].append(Int32(position)) }
            if keys.newParents[position] >= 0 { children[keys.newParents[position], default: []].append(Int32(position)) }
        }
        var newTrigrams: [Set<String>?] = Array(repeating: nil, count: state.new.count)
        var trigramIndex: [String: [Int]]?
        let old = state.old, new = state.new, oldPair = state.oldPair
        /// The score of the old process at `position` with the new at `other` whose names are `name` alike.
        func similarity(_ name: Double, _ position: Int, _ other: Int) -> Double {
            let from = keys.oldParents[position], to = keys.newParents[other]
            let parentsPaired = from == MatchState.top || to == MatchState.top ? from == to : from >= 0 && to >= 0 && oldPair[from] == to
            return ((0.8 * name + (parentsPaired ? 0.15 : 0) + (old[position].level == new[other].level ? 0.05 : 0)) * 1000).rounded() / 1000
        }
        /// How many numbers two sorted lists have in common.
        func common(_ left: [Int32], _ right: [Int32]) -> Int {
            var i = 0, j = 0, count = 0
            while i < left.count && j < right.count {
                if left[i] == right[j] { count += 1; i += 1; j += 1 } else if left[i] < right[j] { i += 1 } else { j += 1 }
            }
            return count
        }
        // Per old process its best few candidates: enough for the best-first pairing below when a
        // best one is taken, and a bound on the work however common a word is.
        var candidates: [(old: Int, new: Int, score: Double)] = []
        var reported = Set<Int>(), reportedNew = Set<Int>()
        var seen = [Int32](repeating: -1, count: new.count)
        var shared: [Int32] = []
        for (position, words) in oldWords.enumerated() where state.oldPair[position] == nil && !state.closedOld[position] && !words.isEmpty {
            // Candidates share a word that is not too common, or are the siblings under the
            // partner of the parent ("Intake" under a business process paired already); their
            // score counts every word.
            shared.removeAll(keepingCapacity: true)
            let stamp = Int32(position)
            for word in words {
                let list = index[Int(word)]
                guard list.count <= commonWordLimit else { continue }
                for other in list where seen[Int(other)] != stamp {
                    seen[Int(other)] = stamp
                    shared.append(other)
                }
            }
            let parent = keys.oldParents[position]
            if parent >= 0, let partner = oldPair[parent], let siblings = children[partner], siblings.count <= commonWordLimit {
                for other in siblings where seen[Int(other)] != stamp {
                    seen[Int(other)] = stamp
                    shared.append(other)
                }
            }
            var scored: [(new: Int, score: Double)] = []
            for other in shared.map(Int.init) {
                let score = similarity(2 * Double(common(words, newWords[other])) / Double(words.count + newWords[other].count), position, other)
                if score >= threshold { scored.append((other, score)) }
            }
            // No word in common that pairs: compounds written apart or together ("Klantbediening",
            // "Bediening klant") share their letters, so the names' letter triples are compared.
            if scored.isEmpty {
                if trigramIndex == nil {
                    var built: [String: [Int]] = [:]
                    for other in new.indices where state.isOpenToSimilar(new: other) {
                        let grams = MatchName.trigrams(of: keys.new[other])
                        newTrigrams[other] = grams
                        for gram in grams { built[gram, default: []].append(other) }
                    }
                    trigramIndex = built
                }
                let grams = MatchName.trigrams(of: keys.old[position])
                var near = Set<Int>()
                for gram in grams {
                    guard let list = trigramIndex?[gram], list.count <= commonWordLimit / 4 else { continue }
                    near.formUnion(list)
                }
                for other in near where !grams.isEmpty {
                    let theirs = newTrigrams[other] ?? []
                    let score = similarity(2 * Double(grams.intersection(theirs).count) / Double(grams.count + theirs.count), position, other)
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

/// The name key (``MatchName/key(_:)``) and the parent's position of every process on each side,
/// worked out once for the phases that use them.
private struct NameKeys {
    let old: [String]
    let new: [String]
    let oldParents: [Int]
    let newParents: [Int]
}

/// The processes of two models being paired.
private struct MatchState {
    let old: [CoraProcess]
    let new: [CoraProcess]
    var oldPair: [Int?]
    var newPair: [Int?]
    /// The processes a pairs file says have no partner.
    var closedOld: [Bool]
    var closedNew: [Bool]
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
        closedOld = Array(repeating: false, count: old.count)
        closedNew = Array(repeating: false, count: new.count)
    }

    func isFree(old position: Int, new other: Int) -> Bool { oldPair[position] == nil && !closedOld[position] && isOpen(new: other) }

    /// Whether the new process at `other` may still be paired: when it is not, or when one new
    /// process may have many old ones.
    func isOpen(new other: Int) -> Bool { !closedNew[other] && (manyOld || newPair[other] == nil) }

    /// Whether the new process at `other` may still be paired by similarity: when it is not
    /// paired, or when one new process may have many old ones and it is paired by similarity
    /// only. A new process an old one has by pin, id, code or name takes no more by similarity: a
    /// name that shares a word with it ("Leveren ICT-diensten" with "Leveren financiële diensten"
    /// beside "Leveren financiële diensten" itself) is no part of it.
    func isOpenToSimilar(new other: Int) -> Bool { !closedNew[other] && (newPair[other] == nil || (manyOld && exactlyPaired[other] == false)) }

    mutating func pair(_ position: Int, _ other: Int, _ method: MatchMethod, score: Double) {
        oldPair[position] = other
        newPair[other] = position
        if method != .similarity { exactlyPaired[other] = true }
        pairs.append(ProcessPair(old: position, new: other, method: method, score: score))
    }

    /// The parent position of a process at the top (``ProcessMatcher/parentPositions(_:_:)``).
    static let top = -1
    /// The parent position of a process whose parent the model lacks.
    static let unknownParent = -2

    /// Pairs the processes left by name (``MatchName/key(_:)``). A name that one process has on
    /// each side pairs them. A name that several have (`Intake` under every business process) is
    /// told apart by place: the name with the parent's partner (the parents paired already), then
    /// the name with the level, then both; each round of pairs lets children of the processes just
    /// paired pair in the next, until a round pairs nothing. What is still several on a side then
    /// is an ambiguity.
    mutating func pairNames(_ keys: NameKeys) {
        let oldKeys = keys.old, newKeys = keys.new, oldParents = keys.oldParents, newParents = keys.newParents
        let separator = "\u{1}"
        let oldLevels = old.indices.map { oldKeys[$0] + separator + (old[$0].level?.rawValue ?? "") }
        let newLevels = new.indices.map { newKeys[$0] + separator + (new[$0].level?.rawValue ?? "") }
        // A new process's place is its parent; an old one's the partner of its parent (none while
        // that is not paired); both at the top is one place.
        let newPlaces = newParents.map { $0 == Self.top ? "top" : $0 == Self.unknownParent ? nil : String($0) }
        var rounds = 0
        while true {
            let before = pairs.count
            let oldPlaces = oldParents.map { $0 == Self.top ? "top" : $0 == Self.unknownParent ? nil : oldPair[$0].map(String.init) }
            let oldPlaced = old.indices.map { position in oldPlaces[position].map { oldKeys[position] + separator + $0 } ?? "" }
            let newPlaced = new.indices.map { position in newPlaces[position].map { newKeys[position] + separator + $0 } ?? "" }
            pairEqual(.name, report: false, old: { oldKeys[$0] }, new: { newKeys[$0] })
            pairEqual(.name, report: false, old: { oldPlaced[$0] }, new: { newPlaced[$0] })
            pairEqual(.name, report: false, old: { oldLevels[$0] }, new: { newLevels[$0] })
            pairEqual(.name, report: false, old: { oldPlaced[$0].isEmpty ? "" : oldPlaced[$0] + separator + oldLevels[$0] },
                      new: { newPlaced[$0].isEmpty ? "" : newPlaced[$0] + separator + newLevels[$0] })
            rounds += 1
            if pairs.count == before || rounds > 64 { break }
        }
        pairEqual(.name, report: true, old: { oldKeys[$0] }, new: { newKeys[$0] })
    }

    /// Pairs the processes left whose `key` (not empty) is the same, where it is one process's on
    /// each side; a key of several on a side is an ambiguity and pairs none of them. Where one new
    /// process may have many old ones, every old process of a key that one new process has pairs
    /// with it; only a key of several new processes is an ambiguity.
    mutating func pairEqual(_ method: MatchMethod, key: (CoraProcess) -> String) {
        let old = self.old, new = self.new
        pairEqual(method, report: true, old: { key(old[$0]) }, new: { key(new[$0]) })
    }

    /// ``pairEqual(_:key:)`` with a key per position on each side; `report: false` leaves the
    /// ambiguities for a later round to tell apart.
    mutating func pairEqual(_ method: MatchMethod, report reports: Bool, old oldKey: (Int) -> String, new newKey: (Int) -> String) {
        var oldByKey: [String: [Int]] = [:], newByKey: [String: [Int]] = [:], order: [String] = []
        for position in old.indices where oldPair[position] == nil && !closedOld[position] {
            let value = oldKey(position)
            guard !value.isEmpty else { continue }
            if oldByKey[value] == nil { order.append(value) }
            oldByKey[value, default: []].append(position)
        }
        for position in new.indices where isOpen(new: position) {
            let value = newKey(position)
            if !value.isEmpty { newByKey[value, default: []].append(position) }
        }
        for value in order {
            guard let from = oldByKey[value], let to = newByKey[value] else { continue }
            if to.count == 1 && (from.count == 1 || manyOld) {
                for position in from { pair(position, to[0], method, score: 1) }
            } else if reports {
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
