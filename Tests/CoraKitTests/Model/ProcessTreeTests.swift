import CoraKit
import Testing

/// ``ProcessTree``: walks of the hierarchy that stay linear however deep it is.
@Suite("The process tree: walks down the hierarchy")
struct ProcessTreeTests {
    /// a (business process) > x (no level) > b (business process) > y (no level); c (chain) > d (business process).
    static let model = ProcessModel(processes: [
        CoraProcess(id: "a", name: "A", level: .businessProcess, order: 1),
        CoraProcess(id: "x", name: "X", parent: "a", order: 1),
        CoraProcess(id: "b", name: "B", level: .businessProcess, parent: "x", order: 1),
        CoraProcess(id: "y", name: "Y", parent: "b", order: 1),
        CoraProcess(id: "c", name: "C", level: .processChain, order: 2),
        CoraProcess(id: "d", name: "D", level: .businessProcess, parent: "c", order: 1),
    ])

    @Test("nearestAncestors: per process the nearest ancestor that matches, as ancestors(of:) finds it")
    func nearestAncestors() {
        let tree = ProcessTree(Self.model)
        let nearest = tree.nearestAncestors(where: { $0.level == .businessProcess }).mapValues(\.id)
        #expect(nearest == ["x": "a", "b": "a", "y": "b"])
        for process in Self.model.processes {
            #expect(nearest[process.id] == tree.ancestors(of: process.id).first { $0.level == .businessProcess }?.id)
        }
        #expect(tree.nearestAncestors(where: { $0.level == .processChain }).mapValues(\.id) == ["d": "c"])
    }

    @Test("descendants(of:stoppingBelow:): the process that stops the walk is listed, what is below it is not")
    func descendantsStoppingBelow() {
        let tree = ProcessTree(Self.model)
        let all = tree.descendants(of: "a").map { "\($0.process.id)\($0.depth)" }
        #expect(all == ["x1", "b2", "y3"])
        let stopped = tree.descendants(of: "a", stoppingBelow: { $0.level == .businessProcess }).map { "\($0.process.id)\($0.depth)" }
        #expect(stopped == ["x1", "b2"])
    }

    @Test("a 100,000-deep chain: every process's nearest business process in one walk", .hangGuard)
    func deepChain() {
        let count = 100_000
        let processes = (1...count).map { index in
            CoraProcess(id: "p\(index)", name: "Stap \(index)", level: index == 1 ? .businessProcess : nil, parent: index == 1 ? "" : "p\(index - 1)")
        }
        let nearest = ProcessTree(ProcessModel(processes: processes)).nearestAncestors(where: { $0.level == .businessProcess })
        #expect(nearest.count == count - 1)
        #expect(nearest["p\(count)"]?.id == "p1")
    }
}
