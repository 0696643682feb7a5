/// What the hierarchy implies: levels and categories that a process does not give itself.
extension ModelBuilder {
    /// Fills in, for every process in the model, what its ancestors imply:
    /// - a level from its depth, when the mapping lists levels by depth (`levels-by-depth`);
    /// - a level from its parent's, for a process whose input says so (an Archi `BusinessProcess`:
    ///   under a business process a work process, under a work process or step a step, else a
    ///   business process);
    /// - the category of the nearest ancestor that has one, when the hierarchy inherits categories.
    mutating func completeFromAncestors() {
        var depth = [Int?](repeating: nil, count: candidates.count)
        var inherited = [ProcessCategory??](repeating: nil, count: candidates.count)
        var fromParent = [ProcessLevel??](repeating: nil, count: candidates.count)
        let levelsByDepth = settings.hierarchy.levelsByDepth
        func depthOf(_ start: Int) -> Int {
            var chain: [Int] = []
            var current: Int? = start
            while let node = current, depth[node] == nil, chain.count <= candidates.count {
                chain.append(node)
                current = liveParent(of: node)
            }
            var base = current.flatMap { depth[$0] } ?? 0
            for node in chain.reversed() {
                base += 1
                depth[node] = base
            }
            return depth[start] ?? 1
        }
        func categoryOf(_ start: Int) -> ProcessCategory? {
            var chain: [Int] = []
            var current: Int? = start
            var found: ProcessCategory?
            while let node = current, chain.count <= candidates.count {
                if let known = inherited[node] { found = known; break }
                if let own = processes.category(at: node) { found = own; inherited[node] = own; break }
                chain.append(node)
                current = liveParent(of: node)
            }
            for node in chain { inherited[node] = .some(found) }
            return found
        }
        func levelUnder(_ start: Int) -> ProcessLevel? {
            // Up to the first ancestor whose level is settled, then down again.
            var chain: [Int] = []
            var current: Int? = start
            var level: ProcessLevel?
            while let node = current, chain.count <= candidates.count {
                if let known = fromParent[node] { level = known; break }
                if !candidates[node].levelFromParent || processes.level(at: node) != nil {
                    level = processes.level(at: node)
                    break
                }
                chain.append(node)
                current = liveParent(of: node)
            }
            for node in chain.reversed() {
                switch level {
                case .businessProcess: level = .workProcess
                case .workProcess, .processStep: level = .processStep
                case .steeringScenario, .processChain, nil: level = .businessProcess
                }
                fromParent[node] = .some(level)
            }
            return level
        }
        for position in candidates.indices where !candidates[position].rejected {
            if processes.level(at: position) == nil {
                if candidates[position].levelFromParent {
                    processes.setLevel(levelUnder(position), at: position)
                } else if !levelsByDepth.isEmpty {
                    let level = depthOf(position)
                    if level <= levelsByDepth.count { processes.setLevel(levelsByDepth[level - 1], at: position) }
                }
            }
            if processes.category(at: position) == nil, settings.hierarchy.inheritCategory {
                processes.setCategory(categoryOf(position), at: position)
            }
        }
    }
}
