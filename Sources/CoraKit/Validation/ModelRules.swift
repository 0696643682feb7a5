/// Checks that span processes once the hierarchy is known: nesting of levels, categories that
/// differ from the parent's, work processes without a responsible function.
///
/// | code | severity | what |
/// |---|---|---|
/// | `invalid-nesting` | error | a process under a parent whose level may not contain it (see ``allowedParents(of:)``) |
/// | `category-mismatch` | warning | a process whose category differs from its parent's (not under a steering scenario or process chain) |
/// | `missing-function` | warning, error with `strict` | a work process without a responsible business function, when the inventory records functions |
/// | `nesting-too-deep` | error | a process more than ``defaultMaxDepth`` (or the `maxDepth` given) levels below the top |
///
/// Each finding names the subject's row: its file, line and record, and the column of the field in
/// question (parent, category, function) with the field's value. A process made from a per-level
/// layout without a row of its own is named by its source line, without a column.
public enum ModelRules {
    /// One process as the rules see it.
    public struct Subject {
        /// The process (with its id, parent id, level and category settled).
        public var process: CoraProcess
        /// The position of its parent in the list of subjects, if it has one.
        public var parentIndex: Int?
        /// The row the process came from (for file, line and columns), `nil` for a process made
        /// from a per-level layout without a row of its own.
        public var row: RowTrace?

        /// Creates a subject.
        public init(process: CoraProcess, parentIndex: Int? = nil, row: RowTrace? = nil) {
            self.process = process
            self.parentIndex = parentIndex
            self.row = row
        }
    }

    /// A finding about the subject at `index`; an error keeps that process out of the model.
    public struct Finding {
        /// The position of the subject.
        public var index: Int
        /// What was found.
        public var diagnostic: Diagnostic
    }

    /// The levels a process of `level` may be part of (CORA.md §1). A steering scenario stands at
    /// the top; a process chain may be part of a steering scenario; a business process of a chain
    /// or a scenario; a work process only of a business process; a process step only of a work
    /// process.
    ///
    /// Only a parent of a wrong level is checked. A process at the top is never an error: an
    /// inventory may list work processes without their business processes.
    public static func allowedParents(of level: ProcessLevel) -> Set<ProcessLevel> {
        switch level {
        case .steeringScenario: return []
        case .processChain: return [.steeringScenario]
        case .businessProcess: return [.processChain, .steeringScenario]
        case .workProcess: return [.businessProcess]
        case .processStep: return [.workProcess]
        }
    }

    /// The deepest nesting accepted by default: a process 64 levels below the top. CORA has five
    /// levels; the limit keeps a parent chain of a million rows (a parent column pointing the wrong
    /// way, or a hostile file) from making every renderer walk it for every process.
    public static let defaultMaxDepth = 64

    /// What the rules look at, one entry per process: a few bytes each, so that a million
    /// processes are checked without a copy of each.
    struct Facts {
        var levels: [ProcessLevel?] = []
        var categories: [ProcessCategory?] = []
        /// The position of each process's parent, -1 at the top.
        var parents: [Int32] = []
        /// Whether each process has a (non-blank) function.
        var hasFunction: [Bool] = []

        init() {}

        init(_ subjects: [Subject]) {
            levels = subjects.map(\.process.level)
            categories = subjects.map(\.process.category)
            parents = subjects.map { subject in subject.parentIndex.flatMap { subjects.indices.contains($0) ? Int32($0) : nil } ?? -1 }
            hasFunction = subjects.map { !$0.process.function.trimmingWhitespace().isEmpty }
        }
    }

    /// The depth of each process: 1 at the top, its parent's depth + 1 below. Computed without
    /// recursion, each process once; a cycle (which the caller should have broken) counts as the top.
    static func depths(parents: [Int32]) -> [Int] {
        // 0: not yet known; -1: on the chain being walked (met again: a cycle).
        var depth = [Int](repeating: 0, count: parents.count)
        var chain: [Int] = []
        for start in parents.indices where depth[start] == 0 {
            chain.removeAll(keepingCapacity: true)
            var current = start
            while current >= 0, depth[current] == 0 {
                depth[current] = -1
                chain.append(current)
                current = Int(parents[current])
            }
            var base = current >= 0 ? max(depth[current], 0) : 0
            for node in chain.reversed() {
                base += 1
                depth[node] = base
            }
        }
        return depth
    }

    /// The findings for `subjects`. With `strict`, a work process without a function is an error.
    /// A process nested more than `maxDepth` levels deep is an error (`nesting-too-deep`).
    ///
    /// A work process without a function is reported only when the inventory records functions:
    /// when at least one process has one, or with `strict`. An inventory without any function (a
    /// copy of CORA's own work process table, say) would otherwise get the same warning on every
    /// work process.
    public static func check(_ subjects: [Subject], strict: Bool, maxDepth: Int = defaultMaxDepth) -> [Finding] {
        check(Facts(subjects), strict: strict, maxDepth: maxDepth) { subjects[$0] }
    }

    /// The findings for the processes described by `facts`; `subject` gives the whole subject at a
    /// position, asked only for a process with a finding (and its parent).
    static func check(_ facts: Facts, strict: Bool, maxDepth: Int = defaultMaxDepth, subject: (Int) -> Subject) -> [Finding] {
        var findings: [Finding] = []
        let recordsFunctions = strict || facts.hasFunction.contains(true)
        let depths = depths(parents: facts.parents)
        for index in facts.levels.indices {
            func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ field: CanonicalField, _ message: String,
                        value: String?, hint: String) {
                findings.append(Finding(index: index, diagnostic: diagnostic(
                    severity, code, message, subject: subject(index), field: field, value: value, hint: hint)))
            }
            let level = facts.levels[index], category = facts.categories[index]
            let parentIndex = Int(facts.parents[index])
            if parentIndex >= 0 {
                let parentLevel = facts.levels[parentIndex], parentCategory = facts.categories[parentIndex]
                let levelFits = level.flatMap { level in parentLevel.map { allowedParents(of: level).contains($0) } } ?? true
                let categoryFits = category == nil || parentCategory == nil || category == parentCategory
                    || parentLevel == .steeringScenario || parentLevel == .processChain
                if !levelFits || !categoryFits {
                    let row = subject(index).row, parent = subject(parentIndex).process
                    let reference = row.map(\.parentText).flatMap { $0.isEmpty ? nil : $0 } ?? parent.name
                    let parentPlace = parent.source.map { " (line \($0.line))" } ?? ""
                    if let level, let parentLevel, !levelFits {
                        let allowed = allowedParents(of: level).sorted().map(\.dutchName)
                        report(.error, .invalidNesting, .parent,
                               "a \(level.dutchName) cannot be part of the \(parentLevel.dutchName) \"\(parent.name)\"\(parentPlace)",
                               value: reference,
                               hint: allowed.isEmpty
                                   ? "a \(level.dutchName) stands at the top; leave the parent empty or check the level"
                                   : "a \(level.dutchName) is part of a \(orList(allowed)); check the parent or the level of either row")
                    }
                    if let category, let parentCategory, !categoryFits {
                        report(.warning, .categoryMismatch, .category,
                               "the category \(category.rawValue) differs from \(parentCategory.rawValue), the category of the parent \"\(parent.name)\"\(parentPlace)",
                               value: row.map(\.categoryText).flatMap { $0.isEmpty ? nil : $0 } ?? category.rawValue,
                               hint: "a process has the category of the process it is part of; check the category of either row")
                    }
                }
            }
            if depths[index] > maxDepth {
                let row = subject(index).row
                let parent = parentIndex >= 0 ? subject(parentIndex).process : nil
                report(.error, .nestingTooDeep, .parent,
                       "the process is nested \(depths[index]) levels deep, more than the limit of \(maxDepth)",
                       value: row.map(\.parentText).flatMap { $0.isEmpty ? nil : $0 } ?? parent?.name,
                       hint: "CORA has five levels: a parent chain this long usually means the parent column points the wrong way; raise the limit with --max-depth")
            }
            if recordsFunctions, level == .workProcess, !facts.hasFunction[index] {
                let subject = subject(index)
                report(strict ? .error : .warning, .missingFunction, .function,
                       "the work process \"\(subject.process.name)\" has no responsible business function",
                       value: subject.row?.functionText,
                       hint: "CORA puts every work process under exactly one bedrijfsfunctie (such as Vastgoedverhuur or Incasso); fill in the function")
            }
        }
        return findings
    }

    /// A diagnostic at the subject's row and the column of `field`, or at its source line.
    private static func diagnostic(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, subject: Subject,
                                   field: CanonicalField, value: String?, hint: String) -> Diagnostic {
        if let row = subject.row {
            return Diagnostic(severity, code, message, file: row.location.file, line: row.location.line, record: row.location.record,
                              column: row.columns[field], value: value, hint: hint)
        }
        let source = subject.process.source
        return Diagnostic(severity, code, message, file: source?.file ?? "", line: source?.line, record: source?.record,
                          value: value, hint: hint)
    }

    private static func orList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
