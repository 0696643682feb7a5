import CoraCSV
import CoraKit
import Testing

/// ``CanonicalCSVFormat``: `--to csv`.
@Suite("csv: the canonical CSV")
struct CanonicalCSVFormatTests {
    @Test("one file, .csv, the canonical renderer's bytes with one thread or two")
    func bytes() throws {
        let format = CanonicalCSVFormat()
        #expect(format.name == "csv" && format.fileSuffix == ".csv" && !format.writesFolder && !format.drawsWithGraphviz)
        let output = try FormatFixture.write(format)
        #expect(output.files.map(\.name) == [nil])
        #expect(output.bytes() == CanonicalCSVRenderer().render(FormatFixture.model))
        #expect(try FormatFixture.write(format, options: OutputOptions(renderThreads: 2)).bytes() == output.bytes())
        #expect(String(decoding: output.bytes() ?? [], as: UTF8.self) == """
            id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description,requirements,steers,reports-to,pdca-phase,Afdeling
            bp,P1,Verhuren eenheden,business-process,primary,,1,,,Verhuurde eenheid,,,,,,,,,,=Wonen
            wp,P1.1,Verhuren eenheid,work-process,primary,bp,1,,Vastgoedverhuur,,,,,,"Van aanbieding
            tot sleutel",,,,,

            """)
    }

    @Test("reads back into the same model")
    func roundTrip() throws {
        let bytes = try FormatFixture.write(CanonicalCSVFormat()).bytes() ?? []
        let back = try convert(String(decoding: bytes, as: UTF8.self))
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(withoutSources(back.model.processes) == FormatFixture.model.processes)
    }
}
