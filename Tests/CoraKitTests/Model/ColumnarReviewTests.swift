import CoraCSV
@testable import CoraKit
import Testing

/// What the review of the columnar model (issue 21) found: processes kept in ``ProcessColumns``
/// must come back byte for byte as they went in, and the canonical CSV written from the arena must
/// be the one written from the processes.
@Suite("Columnar model review: what the columns changed")
struct ColumnarReviewTests {
    /// `Café` composed (U+00E9) and decomposed (e + U+0301): equal as `String`s, two names as bytes.
    static let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"

    static func columns(of processes: [CoraProcess]) -> ProcessColumns {
        var columns = ProcessColumns()
        for process in processes { columns.append(process) }
        return columns
    }

    static func csv(_ model: ProcessModel) -> String {
        String(decoding: CanonicalCSVRenderer().render(model), as: UTF8.self)
    }

    @Test("a property name only canonically equivalent to an earlier one keeps its own bytes")
    func propertyNameKeepsItsBytes() {
        let first = CoraProcess(id: "a", name: "A", properties: [Property(name: Self.composed, value: "1")])
        let second = CoraProcess(id: "b", name: "B", properties: [Property(name: Self.decomposed, value: "2")])
        let columns = Self.columns(of: [first, second])
        // Before the fix the second came back named with the first's bytes (`Café` composed):
        // `cora convert nfc.csv nfd.csv --to json` (and archi, html) wrote the other name.
        #expect(Array(columns.process(at: 0).properties[0].name.utf8) == Array(Self.composed.utf8))
        #expect(Array(columns.process(at: 1).properties[0].name.utf8) == Array(Self.decomposed.utf8))
        // And a third of the decomposed spelling shares the second's number.
        var more = columns
        more.append(CoraProcess(id: "c", name: "C", properties: [Property(name: Self.decomposed, value: "3")]))
        #expect(Array(more.process(at: 2).properties[0].name.utf8) == Array(Self.decomposed.utf8))
        #expect(more.propertyNames.count == 2)
    }

    @Test("a source file only canonically equivalent to an earlier one keeps its own bytes")
    func sourceFileKeepsItsBytes() {
        let nfc = "caf\u{E9}.csv", nfd = "cafe\u{301}.csv"
        let first = CoraProcess(id: "a", name: "A", source: SourceLocation(file: nfc, line: 2, record: 1))
        let second = CoraProcess(id: "b", name: "B", source: SourceLocation(file: nfd, line: 2, record: 1))
        let columns = Self.columns(of: [first, second])
        // Before the fix `cora convert café.csv café.csv --to json` (two files, the names composed
        // and decomposed) gave the second file's processes the first file's name.
        #expect(columns.source(at: 0).map { Array($0.file.utf8) } == Array(nfc.utf8))
        #expect(columns.source(at: 1).map { Array($0.file.utf8) } == Array(nfd.utf8))
    }

    @Test("an order of Int.min is an order, not none")
    func minimumOrder() {
        let process = CoraProcess(id: "a", name: "A", order: .min)
        var columns = Self.columns(of: [process, CoraProcess(id: "b", name: "B")])
        // `Int.min` is what the column holds for no order: the process came back without one.
        #expect(columns.order(at: 0) == .min)
        #expect(columns.order(at: 1) == nil)
        #expect(columns.process(at: 0) == process)
        columns.setList(.next, ["b"], at: 0)
        #expect(columns.order(at: 0) == .min)
        columns.replace(at: 0, with: CoraProcess(id: "a", name: "A"))
        #expect(columns.order(at: 0) == nil)
        let values = ProcessModel(processes: [process])
        let inColumns = ProcessModel(processes: ProcessList(columns: Self.columns(of: [process])), propertyNames: [])
        #expect(Self.csv(inColumns) == Self.csv(values))
    }

    @Test("a property name listed twice in the model has its value in both columns, as from processes")
    func repeatedPropertyName() {
        let process = CoraProcess(id: "a", name: "A", properties: [Property(name: "Afdeling", value: "Verhuur")])
        let names = ["Afdeling", "Afdeling"]
        let values = ProcessModel(processes: [process], propertyNames: names)
        let inColumns = ProcessModel(processes: ProcessList(columns: Self.columns(of: [process])), propertyNames: names)
        #expect(values.propertyNames == names)
        // From the arena the second `Afdeling` column stayed empty.
        #expect(Self.csv(inColumns) == Self.csv(values))
    }

    @Test("canonically equivalent property names render from the columns as from the processes")
    func equivalentPropertyNamesRender() {
        let first = CoraProcess(id: "a", name: "A", properties: [Property(name: Self.composed, value: "1")])
        let second = CoraProcess(id: "b", name: "B", properties: [Property(name: Self.decomposed, value: "2"),
                                                                   Property(name: Self.composed, value: "3")])
        for names in [[Self.composed], [Self.decomposed], [Self.composed, Self.decomposed]] {
            let values = ProcessModel(processes: [first, second], propertyNames: names)
            let inColumns = ProcessModel(processes: ProcessList(columns: Self.columns(of: [first, second])), propertyNames: names)
            #expect(Self.csv(inColumns) == Self.csv(values))
        }
    }

    // MARK: What held

    /// A canonical CSV of `rows` processes under one business process; every seventh row has an
    /// unknown level (rejected, so the model keeps a selection), every third a property of its own.
    static func inventory(rows: Int) -> String {
        var text = "id,code,name,level,category,parent,order,Afdeling,Alleen afgewezen\n"
        text += "bp,BP,Verhuren eenheden,bedrijfsproces,primair,,,,\n"
        for row in 1...rows {
            let level = row % 7 == 0 ? "onzin" : "werkproces"
            let onlyRejected = row % 7 == 0 ? "x" : ""
            let name = row % 5 == 0 ? String(repeating: "é", count: 70 + row % 9000) : "Afsluiten contract \(row)"
            text += ",P\(row),\"\(name)\",\(level),primair,bp,\(row % 4),\(row % 3 == 0 ? "Verhuur" : ""),\(onlyRejected)\n"
        }
        return text
    }

    static func converted(rows: Int) throws -> ProcessModel {
        try Pipeline.convert(MemoryByteSource(text: inventory(rows: rows)), file: "in.csv",
                             mapping: MappingCatalog.builtin.mapping(named: "canonical")).model
    }

    @Test("a built model in columns with a selection: the same model, CSV and edits as from its processes")
    func builtModelHolds() throws {
        let model = try Self.converted(rows: 9_000)
        let columns = try #require(model.processes.columns)
        #expect(columns.selection != nil)
        let values = ProcessModel(processes: model.processes.array, propertyNames: model.propertyNames)
        #expect(values.processes.columns == nil)
        #expect(values == model && model == values)
        #expect(model.propertyNames == values.propertyNames)
        let csv = CanonicalCSVRenderer().render(model)
        #expect(csv == CanonicalCSVRenderer().render(values))
        var threaded: [UInt8] = []
        CanonicalCSVRenderer().render(model, threads: 4) { threaded.append(contentsOf: $0) }
        #expect(threaded == csv)
        #expect(model.withProcessesAsValues == model)
        #expect(ProcessTree(model).depthFirst == ProcessTree(values).depthFirst)

        // Edits work as on an array and leave the original alone.
        var edited = model
        edited.processes[1].name = "Anders"
        #expect(edited.processes[1].name == "Anders" && model.processes[1].name != "Anders")
        #expect(edited.processes.count == model.processes.count && edited.derivedIDs == model.derivedIDs)
        edited.processes.removeAll { $0.level == .workProcess && $0.order == 3 }
        #expect(Array(edited.processes) == Array(values.processes.array.enumerated().compactMap { offset, process -> CoraProcess? in
            if offset == 1 { var renamed = process; renamed.name = "Anders"; return renamed }
            return process.level == .workProcess && process.order == 3 ? nil : process
        }))
        var merged = model
        merged.append(contentsOf: model)
        #expect(merged.processes == values.processes.array + values.processes.array)
        #expect(model.processes.columns != nil)
    }

    /// Bytes in memory that claim to be `claimed` bytes: ``ByteSource/expectedByteCount`` is only
    /// a hint for sizing.
    struct ClaimingByteSource: ByteSource {
        var base: MemoryByteSource
        let claimed: Int
        var expectedByteCount: Int? { claimed }
        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int { try base.read(into: buffer) }
    }

    @Test("a source whose size is only a hint (Int.max, or far more than --max-rows reads) sizes the arena by the rows",
          arguments: [Int.max, 1 << 46])
    func arenaReservationIsBounded(claimed: Int) throws {
        // Before the fix the arena reserved 1.05 × the claimed size: `Int(Double(Int.max) * 1.05)`
        // traps, and 1 << 46 bytes is more memory than there is (`cora convert` of a 40 GB file
        // with --max-rows 1050: "Fatal error: failed to allocate", exit 134).
        var settings = ConversionSettings()
        settings.readOptions.maxRecords = 3_000
        let text = Self.inventory(rows: 1_500)
        let result = try Pipeline.convert(ClaimingByteSource(base: MemoryByteSource(text: text), claimed: claimed), file: "in.csv",
                                          mapping: MappingCatalog.builtin.mapping(named: "canonical"), settings: settings)
        let expected = try Pipeline.convert(MemoryByteSource(text: text), file: "in.csv",
                                            mapping: MappingCatalog.builtin.mapping(named: "canonical"), settings: settings)
        #expect(result.model == expected.model)
        #expect(result.model.processes.count > 1_000)
    }
}

