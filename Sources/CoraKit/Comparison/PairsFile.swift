import Yams

/// A pair of processes named by hand: which process of one model is which of the other, where
/// ``ProcessMatcher`` cannot tell or tells wrongly (`cora diff --pairs FILE`, `cora coverage
/// --pairs FILE`); or a process that has no partner at all (one side `nil`), where the matcher
/// would pair it wrongly by id, code or name.
public struct PinnedPair: Sendable, Equatable {
    /// The id of the process in the old model (the inventory, for coverage); nil: the new
    /// process has no partner.
    public var old: String?
    /// The id of the process in the new model (the reference, for coverage); nil: the old
    /// process has no partner.
    public var new: String?
    /// The line of the pair in its file.
    public var line: Int?

    /// A pair (or, with one side nil, a process without a partner).
    public init(old: String?, new: String?, line: Int? = nil) {
        self.old = old
        self.new = new
        self.line = line
    }
}

/// The pairs file: a short YAML file, like a mapping, that a person writes or confirms.
///
/// ```yaml
/// pairs:
///   - old: id-4f2a          # "Woonruimteverdelen"
///     new: id-9c31          # "Matchen eenheden"
///   - old: id-77b0          # no partner, whatever its name says
///     new: ~
/// ```
///
/// `cora` writes the pairs it proposes in this form (``render(_:old:new:sides:)``): the pairs it
/// guessed by similarity, with their scores, as entries for a person to confirm or delete; the
/// pairs by id, code and name (which cora makes again by itself) as comments; then the processes
/// it could not pair and the ambiguities as comments. For `cora coverage` the keys `inventory`
/// and `reference` say the same as `old` and `new`.
public enum PairsFile {
    /// The largest pairs file read, in bytes (100,000 pairs with their comments fit many times).
    public static let maxBytes = 64 << 20
    /// The most YAML nodes read: guards against alias bombs.
    static let maxNodes = 3_000_000

    /// The names of the two sides in a file: `old`/`new` for `cora diff`, `inventory`/`reference`
    /// for `cora coverage`.
    public enum Sides: Sendable {
        /// `old` and `new`.
        case versions
        /// `inventory` and `reference`.
        case coverage

        var keys: (old: String, new: String) {
            switch self {
            case .versions: return ("old", "new")
            case .coverage: return ("inventory", "reference")
            }
        }
    }

    /// The pairs in `text` (the file `file`). Anything but a mapping with one key `pairs` holding a
    /// list of `{old, new}` (or `{inventory, reference}`) ids is refused with the line it is on.
    public static func parse(_ text: String, file: String) throws(RunFailure) -> [PinnedPair] {
        func failure(_ message: String, _ node: Node?) -> RunFailure {
            RunFailure(.invalidPairs, message, file: file, line: node?.mark?.line,
                       hint: "a pairs file is a list under pairs: of old: ID and new: ID (cora diff --write-pairs FILE writes one to start from)")
        }
        guard text.utf8.count <= maxBytes else { throw failure("the pairs file is larger than \(maxBytes >> 20) MiB", nil) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, problem) = Self.lineAndProblem(of: error)
            throw RunFailure(.invalidPairs, "not valid YAML: \(Self.shortened(problem.onOneLine))", file: file, line: line,
                             hint: "a pairs file is a list under pairs: of old: ID and new: ID (cora diff --write-pairs FILE writes one to start from)")
        } catch {
            throw failure("not valid YAML: \(Self.shortened("\(error)".onOneLine))", nil)
        }
        guard let root else { return [] }
        guard let top = root.mapping else { throw failure("the pairs file must be a mapping with the key pairs", root) }
        var pairs: [PinnedPair] = []
        var nodes = 0
        for (key, value) in top {
            guard key.string == "pairs" else {
                throw failure("unknown key \"\(shortened(key.string ?? "?"))\"; the pairs file has one key, pairs", key)
            }
            if case .scalar(let scalar) = value, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { continue }
            guard let list = value.sequence else { throw failure("pairs must be a list", value) }
            for item in list {
                guard let entry = item.mapping else { throw failure("each pair must be a mapping of old: ID and new: ID", item) }
                // Each side: an id, or null (`~`) for "no partner"; nil while not given.
                var old: String??, new: String??
                for (key, value) in entry {
                    nodes += 2
                    guard nodes <= maxNodes else { throw failure("the pairs file has more than \(maxNodes) values", item) }
                    guard let scalar = value.scalar else {
                        throw failure("the value of \(shortened(key.string ?? "a key")) must be a process id, or ~ for none", value)
                    }
                    let id: String? = scalar.style == .plain && ["~", "null", "Null", "NULL", ""].contains(scalar.string) ? nil : scalar.string
                    if id?.isEmpty == true { throw failure("the value of \(shortened(key.string ?? "a key")) must be a process id, or ~ for none", value) }
                    switch key.string {
                    case "old", "inventory":
                        guard old == nil else { throw failure("the pair has two old ids (old and inventory)", key) }
                        old = .some(id)
                    case "new", "reference":
                        guard new == nil else { throw failure("the pair has two new ids (new and reference)", key) }
                        new = .some(id)
                    default:
                        throw failure("unknown key \"\(shortened(key.string ?? "?"))\" in a pair; use old and new (or inventory and reference)", key)
                    }
                }
                guard let old, let new else {
                    throw failure("the pair lacks \(old == nil ? "old (or inventory)" : "new (or reference)"); write ~ for a process that has no partner", item)
                }
                guard old != nil || new != nil else { throw failure("the pair has neither an old nor a new id", item) }
                pairs.append(PinnedPair(old: old, new: new, line: item.mark?.line))
            }
        }
        return pairs
    }

    /// `text` cut to 200 characters (`…` after them): an id or a key quoted in a message.
    static func shortened(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }

    /// The line a YAML error is on, and what is wrong, without the position Yams puts before it.
    static func lineAndProblem(of error: YamlError) -> (Int?, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (mark.line, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, "the key \(duplicates.map(\.description).joined(separator: ", ")) appears twice")
        default:
            return (nil, "\(error)")
        }
    }

    /// The pairs in the file at `path`.
    public static func read(_ path: String, in fileSystem: any FileSystem) throws(RunFailure) -> [PinnedPair] {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(path, limit: maxBytes + 1)
        } catch {
            throw RunFailure(.invalidPairs, "cannot read the pairs file: \(error.reason)", file: path)
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Refuses pairs that name a process neither model has, or one process twice.
    public static func check(_ pairs: [PinnedPair], old: ProcessModel, new: ProcessModel, file: String, sides: Sides = .versions) throws(RunFailure) {
        let oldIDs = Set(old.processes.map(\.id)), newIDs = Set(new.processes.map(\.id))
        var oldSeen: [String: Int?] = [:], newSeen: [String: Int?] = [:]
        // The new processes said to have no partner: for coverage the only new ones that may not
        // come twice (several inventory processes may cover one reference process).
        var newAlone = Set<String>()
        let keys = sides.keys
        let hint = "the ids are those of cora convert --to csv (its id column)"
        for pair in pairs {
            if let id = pair.old, !oldIDs.contains(id) {
                throw RunFailure(.invalidPairs, "the \(keys.old) model has no process with the id \"\(shortened(id.onOneLine))\"", file: file, line: pair.line, hint: hint)
            }
            if let id = pair.new, !newIDs.contains(id) {
                throw RunFailure(.invalidPairs, "the \(keys.new) model has no process with the id \"\(shortened(id.onOneLine))\"", file: file, line: pair.line, hint: hint)
            }
            if let id = pair.old, let earlier = oldSeen[id] {
                throw RunFailure(.invalidPairs, "the \(keys.old) process \"\(shortened(id.onOneLine))\" is paired twice (also on line \(earlier.map(String.init) ?? "?"))",
                                 file: file, line: pair.line)
            }
            if let id = pair.new, let earlier = newSeen[id], sides == .versions || pair.old == nil || newAlone.contains(id) {
                throw RunFailure(.invalidPairs, "the \(keys.new) process \"\(shortened(id.onOneLine))\" is paired twice (also on line \(earlier.map(String.init) ?? "?"))",
                                 file: file, line: pair.line)
            }
            if let id = pair.old { oldSeen[id] = pair.line }
            if let id = pair.new {
                newSeen[id] = pair.line
                if pair.old == nil { newAlone.insert(id) }
            }
        }
    }

    /// The pairs of `match` as a pairs file for a person to confirm: each pair with how it was made
    /// (and the names, in comments), then the processes left without a partner and the
    /// ambiguities, as comments.
    public static func render(_ match: ModelMatch, old: ProcessModel, new: ProcessModel, sides: Sides = .versions) -> String {
        let keys = sides.keys
        func describe(_ process: CoraProcess) -> String {
            "\"" + YAMLText.oneLine(process.name) + "\"" + (process.level.map { " (\($0.dutchName))" } ?? "")
        }
        var text = """
            # Pairs for cora \(sides == .versions ? "diff" : "coverage"): which process of the \(keys.old) model is which of the \(keys.new).
            # Proposed by cora: the pairs below are guesses by similarity (with their score). Check each:
            # delete a wrong one, add a missing one (the processes left without a partner are listed at
            # the end), write ~ for a process that has no partner; then read it back with --pairs FILE.
            pairs:

            """
        let sorted = match.pairs.sorted(by: { ($0.old, $0.new) < ($1.old, $1.new) })
        let guessed = sorted.filter { $0.method == .similarity || $0.method == .pinned }
        for pair in guessed {
            let from = old.processes[pair.old], to = new.processes[pair.new]
            let how = pair.method == .similarity ? "similarity \(DecimalText.score(pair.score))" : "pinned"
            text += "  - \(keys.old): \(YAMLText.scalar(from.id))    # \(how): \(describe(from))\n"
            text += "    \(keys.new): \(YAMLText.scalar(to.id))    # \(describe(to))\n"
        }
        let certain = sorted.filter { $0.method != .similarity && $0.method != .pinned }
        if !certain.isEmpty {
            text += "\n# Paired by the same id, code or name: cora pairs these again by itself. Where one is wrong,\n"
            text += "# say that a process has no partner (- \(keys.old): ID and \(keys.new): ~) or pin its right partner above.\n"
            for pair in certain {
                let from = old.processes[pair.old], to = new.processes[pair.new]
                text += "#  - \(keys.old): \(YAMLText.scalar(from.id))    # same \(pair.method.rawValue): \(describe(from))\n"
                text += "#    \(keys.new): \(YAMLText.scalar(to.id))    # \(describe(to))\n"
            }
        }
        if !match.unmatchedOld.isEmpty {
            text += "\n# Not paired in the \(keys.old) model:\n"
            for position in match.unmatchedOld { text += "#   \(keys.old): \(YAMLText.scalar(old.processes[position].id))    # \(describe(old.processes[position]))\n" }
        }
        if !match.unmatchedNew.isEmpty {
            text += "\n# Not paired in the \(keys.new) model:\n"
            for position in match.unmatchedNew { text += "#   \(keys.new): \(YAMLText.scalar(new.processes[position].id))    # \(describe(new.processes[position]))\n" }
        }
        if !match.ambiguities.isEmpty {
            text += "\n# Ambiguous (pair one by hand if they are the same process):\n"
            for ambiguity in match.ambiguities {
                func listed(_ positions: [Int], _ model: ProcessModel) -> [String] {
                    let shown = MatchAmbiguity.shown(positions)
                    return shown.positions.map { YAMLText.oneLine("\(YAMLText.scalar(model.processes[$0].id)) \(describe(model.processes[$0]))") }
                        + (shown.more > 0 ? ["and \(shown.more) more"] : [])
                }
                let from = listed(ambiguity.old, old), to = listed(ambiguity.new, new)
                text += "#   by \(ambiguity.method.rawValue): \(keys.old) \(from.joined(separator: " or ")) — \(keys.new) \(to.joined(separator: " or "))\n"
            }
        }
        return text
    }
}
