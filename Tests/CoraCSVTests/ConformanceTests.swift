import Foundation
import Testing
@testable import CoraCSV

/// The reader against public CSV test suites kept in `../shared/conformance`.
@Suite("Conformance")
struct ConformanceTests {
    // MARK: csv-spectrum

    /// One csv-spectrum case: its name and the physical line on which each record (header first)
    /// starts. The field values come from the suite's own `json/<name>.json`.
    struct SpectrumCase: CustomTestStringConvertible, Sendable {
        let name: String
        let lines: [Int]
        var testDescription: String { name }
    }

    static let spectrumCases: [SpectrumCase] = [
        SpectrumCase(name: "comma_in_quotes", lines: [1, 2]),
        SpectrumCase(name: "empty", lines: [1, 2, 3]),
        SpectrumCase(name: "empty_crlf", lines: [1, 2, 3]),
        SpectrumCase(name: "escaped_quotes", lines: [1, 2, 3]),
        SpectrumCase(name: "json", lines: [1, 2]),
        // "Once upon \na time" spans lines 3-4, so 7,8,9 is on line 5.
        SpectrumCase(name: "newlines", lines: [1, 2, 3, 5]),
        SpectrumCase(name: "newlines_crlf", lines: [1, 2, 3, 5]),
        // "ha \n""ha"" \nha" spans lines 2-4.
        SpectrumCase(name: "quotes_and_newlines", lines: [1, 2, 5]),
        SpectrumCase(name: "simple", lines: [1, 2]),
        SpectrumCase(name: "simple_crlf", lines: [1, 2]),
        SpectrumCase(name: "utf8", lines: [1, 2, 3]),
    ]

    static func spectrumDirectory() throws -> URL {
        try sharedDirectory().appendingPathComponent("conformance/csv-spectrum", isDirectory: true)
    }

    @Test("csv-spectrum holds exactly the 11 cases tested here")
    func spectrumInventory() throws {
        let directory = try Self.spectrumDirectory()
        let csvs = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("csvs").path).sorted()
        let jsons = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("json").path).sorted()
        #expect(csvs == Self.spectrumCases.map { $0.name + ".csv" })
        #expect(jsons == Self.spectrumCases.map { $0.name + ".json" })
    }

    @Test("csv-spectrum file gives exactly the records of its JSON", arguments: spectrumCases)
    func spectrum(_ spectrumCase: SpectrumCase) throws {
        let directory = try Self.spectrumDirectory()
        let csv = directory.appendingPathComponent("csvs/\(spectrumCase.name).csv")
        let json = directory.appendingPathComponent("json/\(spectrumCase.name).json")

        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: json))
        let objects = try #require(parsed as? [[String: String]], "\(json.lastPathComponent) is not an array of string objects")

        let outcome = try readAll(file: csv)
        #expect(outcome.issue == nil)
        #expect(outcome.dialect.delimiter == UInt8(ascii: ","))
        #expect(outcome.rows.count == objects.count + 1)
        let header = try #require(outcome.rows.first).fields

        // JSON objects lose their key order; the CSV header gives it back. Every object must have
        // exactly the header's keys.
        var expected = [Row(spectrumCase.lines[0], 1, header)]
        for (index, object) in objects.enumerated() {
            #expect(Set(object.keys) == Set(header), "object \(index) keys")
            expected.append(Row(spectrumCase.lines[index + 1], index + 2, header.map { object[$0] ?? "<missing>" }))
        }
        #expect(outcome.rows == expected)

        // The same through a source that hands out three bytes at a time.
        let bytes = [UInt8](try Data(contentsOf: csv))
        #expect(try readAll(TricklingByteSource(bytes, pieceSizes: [3])).rows == expected)
    }

    // MARK: CSVW robustness

    /// The CSVW inputs and what Python's csv module (strict mode) reads from them, from
    /// `Fixtures/csvw-reference.tsv`: record count and a fingerprint of every field.
    static func csvwReference() throws -> [String: (records: Int, fingerprint: UInt64)] {
        let text = String(decoding: try fixtureBytes("csvw-reference.tsv"), as: UTF8.self)
        var reference: [String: (Int, UInt64)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count == 3, let count = Int(parts[1]), let hash = UInt64(parts[2], radix: 16) else {
                Issue.record("bad line in csvw-reference.tsv: \(line)")
                continue
            }
            reference[String(parts[0])] = (count, hash)
        }
        return reference
    }

    /// FNV-1a 64 over the fields: each field's UTF-8 bytes then 0x1F, each record then 0x1E.
    static func fingerprint(_ table: [[String]]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        for record in table {
            for field in record {
                field.utf8.forEach(mix)
                mix(0x1F)
            }
            mix(0x1E)
        }
        return hash
    }

    @Test("every CSVW input reads to the end or stops with an issue on a line, records in line order")
    func csvwRobustness() throws {
        let directory = try sharedDirectory().appendingPathComponent("conformance/csvw/tests", isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") }.sorted()
        #expect(names.count == 178, "the suite has 177 .csv files and 1 .tsv file")
        let reference = try Self.csvwReference()
        #expect(Set(reference.keys) == Set(names))

        for name in names {
            let url = directory.appendingPathComponent(name)
            let outcome = try readAll(file: url)
            if let issue = outcome.issue {
                #expect(issue.line >= 1, "\(name): \(issue)")
                #expect(issue.isFatal, "\(name): \(issue)")
                if let last = outcome.rows.last { #expect(issue.line >= last.line, "\(name): \(issue)") }
            }
            // Lines strictly increase; numbers count 1, 2, 3, … .
            for (previous, next) in zip(outcome.rows, outcome.rows.dropFirst()) {
                #expect(previous.line < next.line, "\(name): \(previous) then \(next)")
            }
            #expect(outcome.rows.map(\.number) == (0..<outcome.rows.count).map { $0 + 1 }, "\(name): record numbers")
            if let first = outcome.rows.first { #expect(first.line >= 1, "\(name)") }
            if let last = outcome.rows.last { #expect(last.line <= outcome.linesRead, "\(name)") }
            #expect(outcome.dialect.delimiter == (name.hasSuffix(".tsv") ? 0x09 : UInt8(ascii: ",")), "\(name): delimiter")

            // An independent reader (Python's csv module) agrees field for field.
            if let expected = reference[name] {
                #expect(outcome.issue == nil, "\(name): Python reads it to the end")
                #expect(outcome.rows.count == expected.records, "\(name): record count")
                #expect(Self.fingerprint(outcome.table) == expected.fingerprint, "\(name): fields differ from Python's csv module")
            }

            // Small chunks and a trickling source give the same outcome.
            let bytes = [UInt8](try Data(contentsOf: url))
            let chunked = try readAll(TricklingByteSource(bytes, pieceSizes: [7, 1, 13]), CSVReadOptions(chunkSize: 16))
            expectRows(chunked.rows, outcome.rows, "\(name): trickled")
            #expect(chunked.issue == outcome.issue, "\(name): trickled")
        }
    }

    @Test("CSVW manifest.csv: old Mac CR line endings, 302 records on lines 1-302")
    func csvwManifestWithCRLineEndings() throws {
        let url = try sharedDirectory().appendingPathComponent("conformance/csvw/tests/manifest.csv")
        let outcome = try readAll(file: url)
        #expect(outcome.issue == nil)
        #expect(outcome.dialect.lineEnding == .cr)
        #expect(outcome.rows.map(\.line) == Array(1...302))
        #expect(outcome.rows.map(\.number) == Array(1...302))
        #expect(outcome.rows.first?.fields == [
            "test", "name", "comment", "approval", "rdf", "json", "validate", "action-metadata",
            "user-metadata", "link-metadata", "extra",
        ])
        #expect(outcome.rows[1].fields.prefix(2) == ["test001", "Simple table"])
    }

    @Test("CSVW tree-ops.tsv: tab delimiter detected, exact records")
    func csvwTreeOpsTSV() throws {
        let url = try sharedDirectory().appendingPathComponent("conformance/csvw/tests/tree-ops.tsv")
        let outcome = try readAll(file: url)
        #expect(outcome.issue == nil)
        #expect(outcome.dialect.delimiter == 0x09)
        #expect(outcome.dialect.delimiterSource == .detected)
        #expect(outcome.rows == [
            Row(1, 1, ["GID", "On Street", "Species", "Trim Cycle", "Inventory Date"]),
            Row(2, 2, ["1", "ADDISON AV", "Celtis australis", "Large Tree Routine Prune", "10/18/2010"]),
            Row(3, 3, ["2", "EMERSON ST", "Liquidambar styraciflua", "Large Tree Routine Prune", "6/2/2010"]),
        ])
        #expect(outcome.linesRead == 3)
    }

    @Test("CSVW test055.csv: a trailing blank line is counted but is not a record")
    func csvwTrailingBlankLine() throws {
        let url = try sharedDirectory().appendingPathComponent("conformance/csvw/tests/test055.csv")
        let outcome = try readAll(file: url)
        #expect(outcome.issue == nil)
        #expect(outcome.rows.map(\.line) == [1, 2, 3, 4, 5])
        #expect(outcome.linesRead == 6)
    }
}
