import CoraCSV
@testable import CoraKit
import Testing

/// ``ProcessColumns`` and ``ProcessList``: processes kept in a byte arena and typed columns come
/// back exactly as they went in, and the canonical CSV written from the arena is the one written
/// from the processes.
@Suite("The columnar model: processes in a byte arena")
struct ProcessColumnsTests {
    /// A random hostile model whose processes also carry what the escaping models leave out: PDCA
    /// relations and phases, requirements, sources, orders of every size, repeated properties.
    static func richModel(seed: UInt64) -> ProcessModel {
        var rng = SplitMix64(seed: seed)
        var model = EscapingPropertyTests.randomModel(&rng)
        for index in model.processes.indices {
            var process = model.processes[index]
            process.requirements = rng.chance(oneIn: 2) ? ["privacy", EscapingPropertyTests.hostile(&rng)] : []
            process.steers = rng.chance(oneIn: 3) ? [model.processes[0].id] : []
            process.reportsTo = rng.chance(oneIn: 3) ? ["x", "y|z"] : []
            process.pdcaPhase = rng.chance(oneIn: 2) ? rng.pick(PDCAPhase.allCases) : nil
            process.level = rng.chance(oneIn: 5) ? nil : process.level
            process.category = rng.chance(oneIn: 5) ? nil : process.category
            process.order = rng.pick([nil, 0, 7, Int.max, 1 << 40])
            process.source = rng.chance(oneIn: 4) ? nil
                : SourceLocation(file: rng.pick(["a.csv", "b/inventaris.xlsx"]), line: rng.within(1...100_000), record: rng.within(1...99_999))
            if rng.chance(oneIn: 3), let first = process.properties.first {
                process.properties.append(Property(name: first.name, value: "later"))
            }
            model.processes[index] = process
        }
        return model
    }

    static func columns(of processes: some Sequence<CoraProcess>) -> ProcessColumns {
        var columns = ProcessColumns()
        for process in processes { columns.append(process) }
        return columns
    }

    @Test("every process of 40 random hostile models comes back from the columns field for field", arguments: Array(UInt64(1)...40))
    func roundTrip(seed: UInt64) {
        let model = Self.richModel(seed: seed)
        let columns = Self.columns(of: model.processes)
        #expect(columns.count == model.processes.count)
        for (position, process) in model.processes.enumerated() {
            #expect(columns.process(at: position) == process, "seed \(seed), process \(position)")
            #expect(columns.id(at: position) == process.id)
            #expect(columns.id(at: position, is: process.id))
            #expect(!columns.id(at: position, is: process.id + "x"))
            #expect(columns.code(at: position) == process.code)
            #expect(columns.code(at: position, is: process.code))
            #expect(columns.name(at: position) == process.name)
            #expect(columns.parent(at: position) == process.parent)
            #expect(columns.list(.requirements, at: position) == process.requirements)
            #expect(columns.hasItems(in: .steers, at: position) == !process.steers.isEmpty)
            #expect(columns.level(at: position) == process.level)
            #expect(columns.category(at: position) == process.category)
            #expect(columns.phase(at: position) == process.pdcaPhase)
            #expect(columns.order(at: position) == process.order)
            #expect(columns.source(at: position) == process.source)
            #expect(columns.codeHash(at: position) == (process.code.isEmpty ? nil : PositionIndex.hash(process.code)))
            #expect(columns.idHash(at: position) == PositionIndex.hash(process.id))
        }
    }

    @Test("texts of every length (the length prefix takes 1 to 3 bytes), lines past 32 bits and an empty process")
    func lengthsAndWideSources() {
        let processes = [0, 1, 127, 128, 16_383, 16_384, 70_000].map { length in
            CoraProcess(id: "p\(length)", code: String(repeating: "é", count: length / 2), name: String(repeating: "n", count: length),
                        services: [String(repeating: "s", count: length), ""], description: String(repeating: "d", count: length),
                        source: SourceLocation(file: "x.csv", line: length == 70_000 ? Int(UInt32.max) + 5 : length, record: length))
        } + [CoraProcess(id: "", name: "")]
        let columns = Self.columns(of: processes)
        for (position, process) in processes.enumerated() {
            #expect(columns.process(at: position) == process, "process \(position)")
        }
        #expect(columns.source(at: 6)?.line == Int(UInt32.max) + 5)
        #expect(columns.hasID(at: 7) == false && columns.id(at: 7) == "")
    }

    @Test("changing a field writes it once: ids, parents as the text of another's id, lists and whole processes")
    func changes() {
        var columns = Self.columns(of: [
            CoraProcess(id: "a", code: "A", name: "Eerste", next: ["b"], requirements: ["privacy"]),
            CoraProcess(id: "", code: "B", name: "Tweede", parent: "iets", order: 2),
        ])
        columns.setID("b-2", at: 1)
        columns.setParent(toIDAt: 0, at: 1)
        columns.setList(.next, ["b-2", "c"], at: 0)
        columns.setLevel(.workProcess, at: 1)
        columns.setCategory(.supporting, at: 1)
        #expect(columns.process(at: 0) == CoraProcess(id: "a", code: "A", name: "Eerste", next: ["b-2", "c"], requirements: ["privacy"]))
        #expect(columns.process(at: 1) == CoraProcess(id: "b-2", code: "B", name: "Tweede", level: .workProcess, category: .supporting,
                                                      parent: "a", order: 2))
        #expect(columns.sameID(0, 0) && !columns.sameID(0, 1) && !columns.sameCode(0, 1))
        // The parent points at the text the other's id had (the builder settles ids before parents).
        columns.setID("a-1", at: 0)
        #expect(columns.parent(at: 1) == "a")
        #expect(columns.id(at: 0) == "a-1")
        columns.replace(at: 0, with: CoraProcess(id: "z", name: "Nieuw"))
        #expect(columns.process(at: 0) == CoraProcess(id: "z", name: "Nieuw"))
        columns.setParent("", at: 1)
        #expect(columns.parent(at: 1) == "")
    }

    @Test("a list in columns reads, compares and changes as an array of its processes (a selection leaves some out)")
    func list() {
        let model = Self.richModel(seed: 7)
        let all = model.processes.array
        let columns = Self.columns(of: all)
        let kept = all.indices.filter { $0 % 3 != 1 }
        var list = ProcessList(columns: columns, selection: kept.map { Int32($0) })
        #expect(list.count == kept.count)
        #expect(list == kept.map { all[$0] })
        #expect(ProcessList(columns: columns) == ProcessList(all))
        #expect(list.columns != nil)
        list[0].name = "Anders"
        #expect(list.columns == nil, "a change turns the list into processes")
        #expect(list[0].name == "Anders" && Array(list.dropFirst()) == kept.dropFirst().map { all[$0] })
        list.append(CoraProcess(id: "extra", name: "Extra"))
        #expect(list.last?.id == "extra" && list.count == kept.count + 1)
    }

    @Test("the canonical CSV written from the arena is byte for byte the one written from the processes", arguments: Array(UInt64(1)...30))
    func canonicalCSV(seed: UInt64) {
        let model = Self.richModel(seed: seed)
        let all = model.processes.array
        let kept = all.indices.filter { ($0 + Int(seed)) % 4 != 0 }
        let columns = Self.columns(of: all)
        for options in [CSVWriteOptions.canonical, .excel, CSVWriteOptions(delimiter: UInt8(ascii: ";"), quoting: .all)] {
            let renderer = CanonicalCSVRenderer(options: options)
            let fromValues = ProcessModel(processes: ProcessList(kept.map { all[$0] }), propertyNames: model.propertyNames)
            let fromColumns = ProcessModel(processes: ProcessList(columns: columns, selection: kept.map { Int32($0) }),
                                           propertyNames: model.propertyNames)
            #expect(fromColumns.processes.columns != nil)
            let expected = renderer.render(fromValues)
            #expect(renderer.render(fromColumns) == expected, "seed \(seed)")
            // In blocks on threads as well (more processes than one block).
            var many = ProcessColumns()
            for _ in 0..<(CanonicalCSVRenderer.blockSize / max(1, all.count) + 2) { for process in all { many.append(process) } }
            let big = ProcessModel(processes: ProcessList(columns: many), propertyNames: model.propertyNames)
            var threaded: [UInt8] = []
            renderer.render(big, threads: 3) { threaded.append(contentsOf: $0) }
            #expect(threaded == renderer.render(ProcessModel(processes: ProcessList(big.processes.array), propertyNames: model.propertyNames)),
                    "seed \(seed): threads")
        }
    }
}
