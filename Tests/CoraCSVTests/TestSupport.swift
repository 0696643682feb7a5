import Foundation
import Testing
@testable import CoraCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Helpers shared by the CoraCSV tests: reading a whole input into plain values, byte sources that
// deliver their bytes in awkward pieces, the shared conformance data, fixtures and a seeded RNG.

/// A record as plain values, so that a failing `#expect` prints line, number and fields.
struct Row: Equatable, CustomStringConvertible {
    var line: Int
    var number: Int
    var fields: [String]

    init(_ line: Int, _ number: Int, _ fields: [String]) {
        self.line = line
        self.number = number
        self.fields = fields
    }

    init(_ record: CSVRecord) {
        self.init(record.line, record.number, record.fields)
    }

    var description: String { "#\(number)@line \(line): \(fields.debugDescription)" }
}

/// Checks that `actual` equals `expected`, reporting only the first difference: for inputs of
/// thousands of records, where printing both arrays would bury the failure (and take long).
func expectRows(_ actual: [Row], _ expected: [Row], _ label: String = "",
                sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let index = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count)
    let wanted = index < expected.count ? "\(expected[index])" : "no more records"
    let got = index < actual.count ? "\(actual[index])" : "no more records"
    Issue.record("""
        \(label.isEmpty ? "" : label + ": ")records differ first at index \(index) \
        (\(expected.count) expected, \(actual.count) read)
        expected: \(wanted)
        read:     \(got)
        """, sourceLocation: sourceLocation)
}

/// Everything a reader produced for one input.
struct ReadOutcome {
    /// The records handed out before the end (or before the issue).
    var rows: [Row]
    /// The fatal issue that ended the read, or `nil` when the input was read to the end.
    var issue: CSVIssue?
    /// The dialect the reader settled on.
    var dialect: CSVDialect
    /// Warnings gathered by the end of the read.
    var warnings: [CSVIssue]
    /// `linesRead` at the end of the read.
    var linesRead: Int
    /// The encodings the records were decoded with, one per row.
    var encodings: [CSVEncoding]

    /// Only the fields, for comparisons that do not care about positions.
    var table: [[String]] { rows.map(\.fields) }
}

/// Reads `source` to the end (or to the first fatal issue) and collects the outcome.
///
/// A `CSVIssue` thrown by `next()` is captured in the outcome; any other error fails the test.
func readAll(_ source: some ByteSource, _ options: CSVReadOptions = CSVReadOptions()) throws -> ReadOutcome {
    let reader = try CSVReader(source: source, options: options)
    var rows: [Row] = []
    var encodings: [CSVEncoding] = []
    var issue: CSVIssue?
    do {
        while let record = try reader.next() {
            rows.append(Row(record))
            encodings.append(record.encoding)
        }
    } catch let thrown as CSVIssue {
        issue = thrown
        // Once failed, the reader keeps failing with the same issue and hands out nothing more.
        #expect(throws: thrown) { try reader.next() }
    }
    if issue == nil {
        // Once finished, the reader stays finished.
        #expect(try reader.next() == nil)
    }
    return ReadOutcome(rows: rows, issue: issue, dialect: reader.dialect, warnings: reader.warnings,
                       linesRead: reader.linesRead, encodings: encodings)
}

/// Reads `bytes` held in memory.
func readAll(_ bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) throws -> ReadOutcome {
    try readAll(MemoryByteSource(bytes), options)
}

/// Reads the UTF-8 bytes of `text`.
func readAll(text: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> ReadOutcome {
    try readAll(MemoryByteSource(text: text), options)
}

/// Reads a file through a `FileDescriptorByteSource`, as the command-line tool does.
func readAll(file url: URL, _ options: CSVReadOptions = CSVReadOptions()) throws -> ReadOutcome {
    let descriptor = open(url.path, O_RDONLY)
    try #require(descriptor >= 0, "cannot open \(url.path)")
    defer { close(descriptor) }
    return try readAll(FileDescriptorByteSource(descriptor: descriptor), options)
}

/// A source that hands out its bytes a few at a time, cycling through `pieceSizes`, so that records,
/// multi-byte characters and CRLF pairs land across read boundaries.
struct TricklingByteSource: ByteSource {
    private let bytes: [UInt8]
    private let pieceSizes: [Int]
    private var offset = 0
    private var piece = 0

    init(_ bytes: [UInt8], pieceSizes: [Int]) {
        precondition(!pieceSizes.isEmpty && pieceSizes.allSatisfy { $0 > 0 })
        self.bytes = bytes
        self.pieceSizes = pieceSizes
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let wanted = pieceSizes[piece % pieceSizes.count]
        piece += 1
        let count = min(wanted, buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// How many bytes a ``CountingByteSource`` handed out; a class, because the reader keeps its own
/// copy of the source.
final class ByteCounter: @unchecked Sendable {
    var delivered = 0
}

/// A source that produces `head` followed by `fillerLength` bytes of `filler` (repeated) without
/// holding them in memory, and counts what it delivers.
struct CountingByteSource: ByteSource {
    let head: [UInt8]
    let filler: [UInt8]
    let total: Int
    let counter: ByteCounter

    init(head: [UInt8], filler: [UInt8], fillerLength: Int, counter: ByteCounter) {
        self.head = head
        self.filler = filler
        self.total = head.count + fillerLength
        self.counter = counter
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let start = counter.delivered
        let count = min(buffer.count, total - start)
        guard count > 0 else { return 0 }
        for index in 0..<count {
            let position = start + index
            buffer[index] = position < head.count ? head[position] : filler[(position - head.count) % filler.count]
        }
        counter.delivered += count
        return count
    }
}

/// A source that fails on its second read.
struct FailingByteSource: ByteSource {
    let first: [UInt8]
    private var reads = 0

    init(first: [UInt8]) { self.first = first }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        reads += 1
        if reads == 1 {
            let count = min(buffer.count, first.count)
            first.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            return count
        }
        throw ByteSourceError(reason: "disk on fire")
    }
}

// MARK: - Bytes

extension String {
    /// The UTF-16 little-endian bytes of the string, without a byte order mark.
    var utf16LEBytes: [UInt8] { utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    /// The UTF-16 big-endian bytes of the string, without a byte order mark.
    var utf16BEBytes: [UInt8] { utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
    /// The UTF-8 bytes of the string.
    var bytes: [UInt8] { Array(utf8) }
}

/// The UTF-8 byte order mark.
let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

// MARK: - Shared conformance data and fixtures

/// The project's shared folder (`../shared` beside the package root), found from this source file.
///
/// Fails the calling test with a clear message when the folder is missing (CI always has it).
func sharedDirectory(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
    // Tests/CoraCSVTests/TestSupport.swift → Tests/CoraCSVTests → Tests → package root → ../shared
    let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: shared.path, isDirectory: &isDirectory)
    try #require(exists && isDirectory.boolValue,
                 "the shared test data folder is missing: expected \(shared.standardizedFileURL.path) (../shared beside the package root)",
                 sourceLocation: sourceLocation)
    return shared.standardizedFileURL
}

/// The URL of a file in `Tests/CoraCSVTests/Fixtures`, copied into the test bundle.
func fixtureURL(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
    let url = try #require(Bundle.module.resourceURL, sourceLocation: sourceLocation)
        .appendingPathComponent("Fixtures", isDirectory: true).appendingPathComponent(name)
    try #require(FileManager.default.fileExists(atPath: url.path), "fixture \(name) is missing", sourceLocation: sourceLocation)
    return url
}

/// The bytes of a fixture.
func fixtureBytes(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: fixtureURL(name, sourceLocation: sourceLocation)))
}

// MARK: - Deterministic randomness

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator whose sequence depends only on the
/// seed, so a failing property case can be replayed from the seed it prints.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; written out here (not `Int.random(in:using:)`) so the sequence
    /// cannot change with the standard library.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next() % UInt64(bound))
    }

    /// A number in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// An element of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// `true` with probability `1 / oneIn`.
    mutating func chance(oneIn: Int) -> Bool { below(oneIn) == 0 }
}
