import Foundation
import Testing
@testable import CoraCSV

/// `ReadAhead` hands out exactly what the reader does, from another thread.
@Suite("Reading ahead on a thread")
struct ReadAheadTests {
    /// A large input with quoted line breaks, doubled quotes, a Windows-1252 byte now and then and
    /// a blank line here and there: chunk, batch and storage boundaries fall everywhere.
    static func inventory(records: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var bytes = Array("code;naam;omschrijving\r\n".utf8)
        for number in 1...records {
            bytes += Array("P\(number);".utf8)
            switch random.next() % 10 {
            case 0: bytes += Array("\"Verhuren\r\neenheid \"\"\(number)\"\"\";".utf8)
            case 1: bytes += Array("Caf".utf8) + [0xE9] + Array(";".utf8)  // é in Windows-1252
            default: bytes += Array("Beheren contract \(number);".utf8)
            }
            bytes += Array(String(repeating: "x", count: Int(random.next() % 200)).utf8)
            bytes += Array("\r\n".utf8)
            if random.next() % 50 == 0 { bytes += Array("\r\n".utf8) }
        }
        return bytes
    }

    /// Everything a read produces, with the records kept as `CSVRecord` values until the end, so
    /// that a storage reused under a record still held would show up as changed fields.
    static func outcome(_ bytes: [UInt8], readAhead: Bool, batchSize: Int = 7, depth: Int = 2)
        throws -> (rows: [Row], issue: CSVIssue?, warnings: [CSVIssue], lines: Int) {
        let reader = try CSVReader(source: MemoryByteSource(bytes), options: CSVReadOptions(chunkSize: 4096))
        let ahead = readAhead ? ReadAhead(reader, batchSize: batchSize, depth: depth) : nil
        func next() throws -> CSVRecord? {
            if let ahead { return try ahead.next() }
            return try reader.next()
        }
        var records: [CSVRecord] = []
        var issue: CSVIssue?
        do {
            while let record = try next() { records.append(record) }
        } catch let thrown as CSVIssue {
            issue = thrown
            if let ahead { #expect(throws: thrown) { try ahead.next() } }
        }
        ahead?.finish()
        return (records.map(Row.init), issue, reader.warnings, reader.linesRead)
    }

    @Test("20,000 records: the same records, warnings and line count as the reader alone", arguments: [(1, 1), (7, 2), (2048, 4)])
    func sameRecords(batchSize: Int, depth: Int) throws {
        let bytes = Self.inventory(records: 20_000, seed: 11)
        let direct = try Self.outcome(bytes, readAhead: false)
        let ahead = try Self.outcome(bytes, readAhead: true, batchSize: batchSize, depth: depth)
        #expect(direct.rows.count == 20_001)
        expectRows(ahead.rows, direct.rows)
        #expect(ahead.issue == nil && direct.issue == nil)
        #expect(ahead.warnings == direct.warnings)
        #expect(!direct.warnings.isEmpty)  // the Windows-1252 bytes
        #expect(ahead.lines == direct.lines)
    }

    @Test("malformed input: the records before the problem, then the same issue, again on the next call")
    func issueAfterRecords() throws {
        var bytes = Self.inventory(records: 5_000, seed: 12)
        bytes += Array("P5001;\"never closed\r\nand more\r\n".utf8)
        let direct = try Self.outcome(bytes, readAhead: false)
        let ahead = try Self.outcome(bytes, readAhead: true)
        expectRows(ahead.rows, direct.rows)
        #expect(direct.rows.count == 5_001)
        let issue = try #require(ahead.issue)
        #expect(issue == direct.issue)
        #expect(issue.kind == .unclosedQuote)
    }

    @Test("stopping early: nothing more is handed out, and the thread ends even with a full queue")
    func stopEarly() throws {
        let bytes = Self.inventory(records: 50_000, seed: 13)
        let reader = try CSVReader(source: MemoryByteSource(bytes))
        let ahead = ReadAhead(reader, batchSize: 16, depth: 1)
        var taken: [Row] = []
        for _ in 0..<10 { taken.append(Row(try #require(try ahead.next()))) }
        ahead.finish()
        #expect(try ahead.next() == nil)
        #expect(taken.map(\.number) == Array(1...10))
        #expect(taken[1].fields[0] == "P1")
    }

    @Test("dropped without finish(): its thread is stopped and joined, nothing hangs")
    func droppedWithoutFinish() throws {
        for seed in 20..<30 as Range<UInt64> {
            let reader = try CSVReader(source: MemoryByteSource(Self.inventory(records: 3_000, seed: seed)))
            var ahead: ReadAhead<CSVRecord>? = ReadAhead(reader, batchSize: 8, depth: 1)
            #expect(try ahead?.next()?.number == 1)
            ahead = nil
            #expect(ahead == nil)
        }
    }
}

/// `ReadAhead` over any producer: order, the end, and an error after the elements before it.
@Suite("Reading ahead: any producer")
struct ReadAheadProducerTests {
    struct Stop: Error, Equatable {}

    @Test("100,000 numbers in order, then the producer's error, again on the next call")
    func numbersThenError() throws {
        var produced = 0
        let ahead = ReadAhead<Int>(batchSize: 100, depth: 3) {
            produced += 1
            if produced > 100_000 { throw Stop() }
            return produced
        }
        var taken: [Int] = []
        #expect(throws: Stop()) { while let number = try ahead.next() { taken.append(number) } }
        #expect(taken == Array(1...100_000))
        #expect(throws: Stop()) { try ahead.next() }
        ahead.finish()
        #expect(try ahead.next() == nil)
    }

    /// A caller that stops early gets back what was produced and not taken, in order: with the
    /// producer's own next element, nothing is lost and nothing comes twice.
    @Test("finishTakingRest: the elements not taken, in order, and the producer goes on after them",
          arguments: [(1, 1), (7, 2), (100, 3)])
    func rest(batchSize: Int, depth: Int) throws {
        let counter = Counter()
        let ahead = ReadAhead<Int>(batchSize: batchSize, depth: depth) { counter.next() }
        var taken: [Int] = []
        for _ in 0..<250 { taken.append(try #require(try ahead.next())) }
        let rest = ahead.finishTakingRest()
        // The thread has ended: the counter is this thread's again.
        let after = (0..<5).map { _ in counter.next()! }
        #expect(taken + rest + after == Array(1...(250 + rest.count + 5)))
        #expect(try ahead.next() == nil)
        #expect(ahead.finishTakingRest().isEmpty)
    }

    /// Elements that weigh their batch's worth each are handed over one by one: the queue holds a
    /// few of them, not a batch of 1,000 (rows with cells of hundreds of kilobytes).
    @Test("a batch is handed over once it weighs batchWeight: what waits stays near depth × batchWeight")
    func weight() throws {
        for (weight, most) in [(1_000, 4), (0, 1_000)] {
            let counter = Counter()
            let ahead = ReadAhead<Int>(batchSize: 1_000, depth: 2, batchWeight: 1_000) { total in
                total += weight
                return counter.next()
            }
            _ = try ahead.next()
            // Long enough for the producer to fill what it may.
            var waited = 0
            while counter.peek() < most && waited < 2_000 {
                usleep(1_000)
                waited += 1
            }
            usleep(50_000)
            let rest = ahead.finishTakingRest()
            if weight > 0 {
                #expect(rest.count <= most, "\(rest.count) elements waited")
            } else {
                #expect(rest.count >= most - 1, "\(rest.count) elements waited")
            }
        }
    }

    /// A counter a producer thread counts with, read from the test's thread under a lock.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
        func peek() -> Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
