import CoraCSV
import CoraKit
import Foundation
import Testing

/// Issue 13, item 2: malformed input that ends a read leaves no row unaccounted for. For random
/// inventories with a fatal problem on a random line (in random encodings, line endings and chunk
/// sizes, read ahead or not), the rows read and the lines left unread add up to the rows of the
/// file, and every row that is not in the model is in the rejects file: the rejected ones as
/// records, the unread ones byte for byte as they were.
@Suite("Every row in the model or the rejects after a fatal read error")
struct UnreadRestPropertyTests {
    /// A problem that ends the read, planted in one row.
    enum Problem: CaseIterable {
        case strayQuote, textAfterQuote, nulByte, unclosedQuote, fieldTooLarge, tooManyFields, tooManyRows
    }

    @Test("rows read + lines unread = rows in the file, and the rejects file holds every row not in the model",
          arguments: 0..<60)
    func accounting(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        let rowCount = Int.random(in: 2...120, using: &random)
        let broken = Int.random(in: 1...rowCount, using: &random)   // 1-based data row with the problem
        let problem = Problem.allCases.randomElement(using: &random)!
        let crlf = Bool.random(using: &random)
        let encoding: CSVEncoding = [.utf8, .windows1252, .utf16LE].randomElement(using: &random)!
        let lineBreak = crlf ? "\r\n" : "\n"

        // Every row one physical line, so that rows and lines can be compared; some rows before the
        // problem lack a name (rejected as records), and names carry letters outside ASCII.
        var rows: [String] = []
        var rejectedIDs = Set<String>()
        for index in 1...rowCount {
            let id = "p\(index)"
            var name = index % 7 == 3 ? "" : "Beheren bezit \(index) é"
            if name.isEmpty && index < broken { rejectedIDs.insert(id) }
            var extra = ""
            if index == broken {
                switch problem {
                case .strayQuote: name = "Beheren \"bezit"
                case .textAfterQuote: name = "\"Beheren\"x"
                case .nulByte: name = "Beheren\u{0}bezit"
                case .unclosedQuote: name = "\"Beheren bezit"
                case .fieldTooLarge: name = String(repeating: "x", count: 300)
                case .tooManyFields: extra = String(repeating: ",", count: 40)
                case .tooManyRows: break
                }
            }
            rows.append("\(id),\(id.uppercased()),\(name),business-process,steering,,\(index),,,,,,,,\(extra)")
        }
        let header = "id,code,name,level,category,parent,order,owner,function,services,events,applications,next,status,description"
        let text = ([header] + rows).map { $0 + lineBreak }.joined()
        let bytes: [UInt8] = switch encoding {
        case .utf16LE: [0xFF, 0xFE] + CSVTextEncoder.encode(Array(text.utf8), as: .utf16LE)
        default: CSVTextEncoder.encode(Array(text.utf8), as: encoding)
        }

        var options = CSVReadOptions(chunkSize: Int.random(in: 16...300, using: &random))
        options.maxFieldBytes = 200
        options.maxFieldsPerRecord = 20
        if problem == .tooManyRows { options.maxRecords = broken }   // the header is a record too
        if encoding != .utf16LE { options.encoding = encoding }
        var settings = ConversionSettings(readOptions: options)
        settings.readsAhead = Bool.random(using: &random)
        let result = try Pipeline.convert(MemoryByteSource(bytes), file: "in.csv",
                                          mapping: try MappingCatalog.builtin.mapping(named: "canonical"), settings: settings)
        let context = "seed \(seed): \(rowCount) rows, \(problem) in row \(broken), \(encoding), chunk \(options.chunkSize)"

        let input = try #require(result.inputs.first)
        let unread = try #require(input.unread, "\(context)")
        #expect(unread.line == broken + 1, "\(context)")
        #expect(result.rowsRead + unread.lineCount == rowCount, "\(context)")
        #expect(result.rowsRead == broken - 1, "\(context)")
        #expect(Set(result.model.processes.map(\.id)) == Set((1..<broken).map { "p\($0)" }).subtracting(rejectedIDs), "\(context)")

        let rejects = RejectsRenderer().render(header: input.header?.cells, records: result.rejectedRecords,
                                               dialect: input.dialect, unread: unread)
        var expected = [header] + rows.enumerated().filter { rejectedIDs.contains("p\($0.offset + 1)") }.map(\.element)
        expected += rows[(broken - 1)...]
        let expectedText = expected.map { $0 + lineBreak }.joined()
        let expectedBytes: [UInt8] = switch encoding {
        case .utf16LE: [0xFF, 0xFE] + CSVTextEncoder.encode(Array(expectedText.utf8), as: .utf16LE)
        default: CSVTextEncoder.encode(Array(expectedText.utf8), as: encoding)
        }
        #expect(rejects == expectedBytes, "\(context)")
    }

    @Test("the unread rest of a Windows-1252 file after a sep= line and a multi-line field keeps its own bytes")
    func windows1252AfterSeparatorLine() throws {
        // Line 1 sep=, line 2 header, lines 3-4 a row with a quoted line break, line 5 a stray quote.
        let text: [UInt8] = Array("sep=;\r\nid;code;name;level;category\r\na;A;\"Bepalen\r\nvisie\";business-process;steering\r\n".utf8)
            + Array("b;B;Be\"heren;business-process;steering\r\nc;C;Caf".utf8) + [0xE9] + Array(";business-process;steering".utf8)
        var options = CSVReadOptions(chunkSize: 16)
        options.encoding = .windows1252
        let result = try Pipeline.convert(MemoryByteSource(text), file: "in.csv", mapping: try MappingCatalog.builtin.mapping(named: "canonical"),
                                          settings: ConversionSettings(readOptions: options))
        let input = try #require(result.inputs.first)
        #expect(input.unread == UnreadRest(line: 5, lineCount: 2,
                                           bytes: Array("b;B;Be\"heren;business-process;steering\r\nc;C;Caf".utf8) + [0xE9] + Array(";business-process;steering".utf8)))
        #expect(result.diagnostics.map(\.message).contains("a quote in the middle of a field, or text after a closing quote; reading stopped here (lines 5–6, 2 lines, were not read)"))
        let rejects = RejectsRenderer().render(header: input.header?.cells, records: result.rejectedRecords, dialect: input.dialect, unread: input.unread)
        #expect(rejects == Array("sep=;\r\nid;code;name;level;category\r\n".utf8) + input.unread!.bytes)
    }
}
