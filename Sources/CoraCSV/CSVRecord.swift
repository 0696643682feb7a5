/// One record of a CSV file: its fields and where it came from.
///
/// The fields are kept as the bytes libcsv delivered and decoded on access, so reading a record
/// costs two allocations however many fields it has.
public struct CSVRecord: Sendable {
    /// The physical line (1-based) on which the record starts. A record whose quoted fields hold line
    /// breaks spans several lines; blank lines are skipped but counted.
    public let line: Int
    /// The record number (1-based; blank lines are not records, the header is record 1).
    public let number: Int
    /// The encoding the field bytes are decoded with.
    public let encoding: CSVEncoding
    /// How many fields the record has.
    public let count: Int
    private let storage: RecordStorage
    private let byteStart: Int
    private let endStart: Int

    /// Creates a record from decoded field values (used by tests and by code that builds tables).
    public init(fields: [String], line: Int = 0, number: Int = 0) {
        self.init(storage: RecordStorage(fields: fields), byteStart: 0, endStart: 0, count: fields.count,
                  line: line, number: number, encoding: .utf8)
    }

    /// A record without fields that only says where a record was: line `line`, record `number`.
    public static func locationOnly(line: Int, number: Int) -> CSVRecord {
        CSVRecord(storage: RecordStorage.empty, byteStart: 0, endStart: 0, count: 0, line: line, number: number, encoding: .utf8)
    }

    init(storage: RecordStorage, byteStart: Int, endStart: Int, count: Int, line: Int, number: Int, encoding: CSVEncoding) {
        self.storage = storage
        self.byteStart = byteStart
        self.endStart = endStart
        self.count = count
        self.line = line
        self.number = number
        self.encoding = encoding
    }

    /// The bytes of the field at `index`, valid while the record lives; an index outside the
    /// record reads as an empty field (a short row has no cell there), never outside the storage.
    private func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0 && index < count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let ends = storage.ends.base + endStart
        let start = index == 0 ? byteStart : ends[index - 1]
        return UnsafeBufferPointer(start: storage.bytes.base + start, count: ends[index] - start)
    }

    /// The field at `index`, decoded to a string; empty for an index outside the record.
    public subscript(index: Int) -> String {
        let slice = bytes(at: index)
        let text: String
        switch encoding {
        case .windows1252: text = SingleByteDecoding.decode(slice)
        case .latin1: text = SingleByteDecoding.decode(slice, latin1: true)
        default: text = String(decoding: slice, as: UTF8.self)
        }
        withExtendedLifetime(storage) {}
        return text
    }

    /// The field at `index`, or `nil` when the record is shorter.
    public func field(at index: Int) -> String? {
        index >= 0 && index < count ? self[index] : nil
    }

    /// The number of bytes in all the fields together, without decoding them.
    public var byteCount: Int {
        guard count > 0 else { return 0 }
        let total = storage.ends.base[endStart + count - 1] - byteStart
        withExtendedLifetime(storage) {}
        return total
    }

    /// The number of bytes in the field at `index`, without decoding it.
    public func byteCount(at index: Int) -> Int {
        bytes(at: index).count
    }

    /// Whether the field at `index` is empty, without decoding it.
    public func isEmpty(at index: Int) -> Bool { byteCount(at: index) == 0 }

    /// Calls `body` with the raw bytes of the field at `index` (in the record's ``encoding``).
    public func withFieldBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(bytes(at: index)) }
    }

    /// All fields, decoded.
    public var fields: [String] { (0..<count).map { self[$0] } }

    /// Whether every field is empty (a line of only delimiters).
    public var isBlank: Bool { (0..<count).allSatisfy { byteCount(at: $0) == 0 } }
}

extension CSVRecord: Equatable {
    /// Records are equal when their fields, line and number are.
    public static func == (lhs: CSVRecord, rhs: CSVRecord) -> Bool {
        lhs.line == rhs.line && lhs.number == rhs.number && lhs.fields == rhs.fields
    }
}

extension CSVRecord: CustomStringConvertible {
    public var description: String { "line \(line): \(fields)" }
}
