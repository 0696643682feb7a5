import CoraCSV
import CoraKit
import Testing

/// Rendering the canonical CSV on several threads gives the bytes of rendering it on one.
@Suite("Canonical CSV rendered on several threads")
struct ParallelRenderTests {
    @Test("30,000 processes, canonical and Excel: the same bytes with 1, 2, 3 and 16 threads, in the same pieces order",
          arguments: [CSVWriteOptions.canonical, .excel])
    func sameBytes(options: CSVWriteOptions) throws {
        let result = try convert(String(decoding: ReadAheadConversionTests.inventory(), as: UTF8.self), mapping: "excel-nl",
                                 keepInvalid: true)
        #expect(result.model.processes.count == 30_000)
        let renderer = CanonicalCSVRenderer(options: options)
        let single = renderer.render(result.model)
        for threads in [2, 3, 16] {
            var pieces: [[UInt8]] = []
            renderer.render(result.model, threads: threads) { pieces.append(Array($0)) }
            #expect(pieces.flatMap { $0 } == single, "\(threads) threads")
            #expect(pieces.count > 2)
        }
    }

    @Test("a model too small for blocks is rendered on the caller's thread, with the same bytes")
    func smallModel() throws {
        let result = try convertSample("Samples/woonstad-waterland.csv", mapping: "canonical")
        var pieces: [[UInt8]] = []
        CanonicalCSVRenderer().render(result.model, threads: 2) { pieces.append(Array($0)) }
        #expect(pieces.flatMap { $0 } == CanonicalCSVRenderer().render(result.model))
    }

    @Test("an error thrown by the writer ends the rendering and comes out of it")
    func writerError() throws {
        struct Full: Error {}
        let result = try convert(String(decoding: ReadAheadConversionTests.inventory(), as: UTF8.self), mapping: "excel-nl",
                                 keepInvalid: true)
        var calls = 0
        #expect(throws: Full.self) {
            try CanonicalCSVRenderer().render(result.model, threads: 2) { _ throws(Full) in
                calls += 1
                if calls == 2 { throw Full() }
            }
        }
        #expect(calls == 2)
    }
}
