/// What the model rules see of the requirements and the PDCA relations (CORA.md §5): few
/// processes have them, so they are kept per position that has them.
public struct PDCAFacts: Sendable {
    /// The processes each process steers (positions of the model's facts; only those in the model).
    public var steers: [Int: [Int]] = [:]
    /// The steering processes each process reports to.
    public var reportsTo: [Int: [Int]] = [:]
    /// The PDCA phase of each process that has one.
    public var phases: [Int: PDCAPhase] = [:]
    /// The requirement tags of each process that has them.
    public var requirements: [Int: [String]] = [:]
    /// Whether any process of the model names a `steers` or `reports-to` relation (resolved or not).
    public var usesRelations = false

    /// Facts without any requirement or relation.
    public init() {}

    /// Whether the model uses the PDCA fields at all: a relation or a phase. The PDCA rules stay
    /// quiet otherwise, so that an inventory without PDCA data gets no finding from them.
    public var usesPDCA: Bool { usesRelations || !phases.isEmpty }

    /// The processes that steer each process (the reverse of ``steers``).
    public func steeredBy() -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        for (steering, targets) in steers.sorted(by: { $0.key < $1.key }) {
            for target in targets { result[target, default: []].append(steering) }
        }
        return result
    }
}
