import CoraCSV
import CoraKit
import Testing

/// Issue 14, point 7: a file that is not valid UTF-8 is read as Windows-1252 throughout, `inspect`
/// says so, and mojibake in it (`CoÃ¶rdineren`, whose bytes C3 B6 happen to be valid UTF-8) stays
/// visible and is reported, as it is in every other encoding.
@Suite("the encoding reported is the one used; mojibake found in every encoding")
struct EncodingReportTests {
    /// A canonical table with mojibake on line 2 and a Windows-1252 `ë` on line 3.
    static let text = canonicalCSV(
        "a,P1,CoÃ¶rdineren huur,business-process,steering,,1,,,,,,,,",
        "b,P2,Beëindigen contract,business-process,steering,,2,,,,,,,,")

    /// `text` in Windows-1252 (every character of it is below U+0100).
    static var windows1252: [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

    @Test("inspect on a Windows-1252 file whose mojibake is valid UTF-8: \"windows-1252 (fallback)\", the value as written in the file, one encoding-fallback warning")
    func inspectSaysWindows1252() throws {
        let fileSystem = MemoryFileSystem(files: ["/work/vera.csv": Self.windows1252])
        let result = try InspectionJob(input: "vera.csv").run(fileSystem: fileSystem)
        #expect(result.dialect.encoding == .windows1252)
        #expect(result.dialect.encodingSource == .fallback)
        let text = result.profile.text(dialect: result.dialect, lines: result.linesRead, file: "vera.csv")
        #expect(text.contains("\nencoding:    windows-1252 (fallback)\n"), "\(text)")
        #expect(text.contains("  CoÃ¶rdineren huur\n"), "\(text)")
        #expect(result.diagnostics.map(summary) == ["encoding-fallback@3"])
        #expect(result.diagnostics.first?.message == "the file is not valid UTF-8 (first bad byte on line 3); it was read as Windows-1252")
    }

    @Test("convert of that file: the mojibake on line 2 is reported with its repair, the Windows-1252 ë on line 3 is read right")
    func convertReportsTheMojibake() throws {
        let mapping = try MappingCatalog.builtin.mapping(named: "canonical")
        let result = try Pipeline.convert(MemoryByteSource(Self.windows1252), file: "vera.csv", mapping: mapping, settings: ConversionSettings())
        #expect(result.diagnostics.map(summary) == ["mojibake@2:3", "encoding-fallback@3"])
        let mojibake = try #require(result.diagnostics.first { $0.code == .mojibake })
        #expect(mojibake.value == "CoÃ¶rdineren huur")
        #expect(mojibake.hint?.hasPrefix("probably \"Coördineren huur\"; ") == true, "\(mojibake)")
        #expect(result.model.processes.map(\.name) == ["Beëindigen contract"])
        #expect(result.inputs.first?.dialect.encoding == .windows1252)
    }

    @Test("the same mojibake is found in UTF-8, UTF-8 with BOM, UTF-16 LE and BE, Windows-1252 detected and Windows-1252 asked for", arguments: [
        "utf-8", "utf-8 bom", "utf-16le", "utf-16be", "windows-1252", "windows-1252 asked",
    ])
    func mojibakeInEveryEncoding(_ encoding: String) throws {
        let bytes: [UInt8]
        var options = CSVReadOptions()
        switch encoding {
        case "utf-8": bytes = Array(Self.text.utf8)
        case "utf-8 bom": bytes = [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)
        case "utf-16le": bytes = [0xFF, 0xFE] + Self.text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf-16be": bytes = [0xFE, 0xFF] + Self.text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "windows-1252": bytes = Self.windows1252
        default:
            bytes = Self.windows1252
            options.encoding = .windows1252
        }
        let mapping = try MappingCatalog.builtin.mapping(named: "canonical")
        let result = try Pipeline.convert(MemoryByteSource(bytes), file: "vera.csv", mapping: mapping,
                                          settings: ConversionSettings(readOptions: options))
        #expect(result.diagnostics.filter { $0.code == .mojibake }.map(summary) == ["mojibake@2:3"], "\(encoding)")
        #expect(result.diagnostics.first { $0.code == .mojibake }?.value == "CoÃ¶rdineren huur", "\(encoding)")
        #expect(result.model.processes.map(\.name) == ["Beëindigen contract"], "\(encoding)")
    }
}
