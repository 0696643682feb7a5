import CoraCSV
import CoraKit
import Foundation
import Testing

/// ``OutputFormats``: the one list of formats, and everything that is derived from it.
@Suite("The list of output formats")
struct OutputFormatsTests {
    @Test("names are unique, lower case, and the file suffixes differ")
    func unique() {
        let names = OutputFormats.names
        #expect(names == ["csv", "excel-csv", "xlsx", "md", "html", "dot", "svg", "png", "json", "archi", "ameff"])
        #expect(Set(names).count == names.count)
        #expect(Set(OutputFormats.all.map(\.fileSuffix)).count == names.count)
        #expect(names.allSatisfy { $0 == $0.lowercased() && !$0.contains(",") })
    }

    @Test("a list of names: in the order of the list, without repeats; an unknown name is said")
    func list() throws {
        #expect(try OutputFormats.list("md, csv,md,ARCHI").get().map(\.name) == ["csv", "md", "archi"])
        #expect(throws: OutputFormats.UnknownFormat(name: "xls")) { try OutputFormats.list("csv,xls").get() }
        #expect(throws: OutputFormats.UnknownFormat(name: "")) { try OutputFormats.list("").get() }
        #expect(OutputFormats.UnknownFormat(name: "x").description.contains(OutputFormats.names.joined(separator: ", ")))
    }

    @Test("every format has a test file of its own, named after it")
    func testFilePerFormat() throws {
        let folder = packageRoot.appendingPathComponent("Tests/CoraKitTests/Output/Formats")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        for format in OutputFormats.all {
            let name = "\(type(of: format))Tests.swift"
            #expect(files.contains(name), "no \(name) in Tests/CoraKitTests/Output/Formats")
        }
    }

    @Test("the README's table of formats lists exactly these, in this order")
    func readme() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(readme.components(separatedBy: "Output formats (`--to`):").dropFirst().first)
        let rows = table.split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        let names = rows.compactMap { row in row.split(separator: "`").dropFirst().first.map(String.init) }
        #expect(names == OutputFormats.names)
    }
}

/// A model of two processes and a finding, for the format tests.
enum FormatFixture {
    static let model = ProcessModel(processes: [
        CoraProcess(id: "bp", code: "P1", name: "Verhuren eenheden", level: .businessProcess, category: .primary, order: 1,
                    services: ["Verhuurde eenheid"], properties: [Property(name: "Afdeling", value: "=Wonen")]),
        CoraProcess(id: "wp", code: "P1.1", name: "Verhuren eenheid", level: .workProcess, category: .primary, parent: "bp", order: 1,
                    function: "Vastgoedverhuur", description: "Van aanbieding\ntot sleutel"),
    ])
    static let diagnostics = [Diagnostic(.namingConvention, "a name", file: "in.csv", line: 3)]

    /// What `format` writes for the fixture with `options`.
    static func write(_ format: some OutputFormat, options: OutputOptions = OutputOptions()) throws -> CollectedOutput {
        var output = CollectedOutput()
        try format.write(model, diagnostics: diagnostics, options: options, to: &output)
        return output
    }
}
