import Foundation
internal import ZIPFoundation

/// The inflated bytes of one part, owned in one piece (the XML parser reads them in place).
final class PartBytes: @unchecked Sendable {
    /// The memory, `count` bytes of it in use.
    private(set) var storage: UnsafeMutableBufferPointer<UInt8>
    /// The bytes in use.
    private(set) var count = 0

    init(capacity: Int) {
        storage = .allocate(capacity: max(capacity, 1))
    }

    convenience init(_ bytes: some Collection<UInt8>) {
        self.init(capacity: bytes.count)
        append(bytes)
    }

    deinit { storage.deallocate() }

    func append(_ bytes: some Collection<UInt8>) {
        if count + bytes.count > storage.count {
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(storage.count * 2, count + bytes.count))
            _ = grown.initialize(from: storage[0..<count])
            storage.deallocate()
            storage = grown
        }
        _ = UnsafeMutableBufferPointer(rebasing: storage[count...]).initialize(from: bytes)
        count += bytes.count
    }

    /// Whether `needle` occurs in the bytes.
    func contains(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, count >= pattern.count else { return false }
        var index = 0
        let last = count - pattern.count
        while index <= last {
            guard let offset = UnsafeMutableBufferPointer(rebasing: storage[index...last]).firstIndex(of: first) else { return false }
            let found = index + offset
            if pattern.indices.allSatisfy({ storage[found + $0] == pattern[$0] }) { return true }
            index = found + 1
        }
        return false
    }

    /// The bytes as text (UTF-8).
    var text: String { String(decoding: UnsafeBufferPointer(rebasing: storage[0..<count]), as: UTF8.self) }
}

/// The zip archive of a workbook, opened in memory with ZIPFoundation (its entries by path), and
/// each part inflated within the ``WorkbookLimits``: checked against the sizes the archive
/// declares before inflating, and again on the bytes that come out. The inflating itself is
/// ``Inflater`` (zlib over the entry's compressed bytes only): ZIPFoundation 0.9.20's inflater on
/// Linux reads on past an entry's compressed size and loops for ever at the end of the archive
/// when a deflate stream does not end there.
final class ZipContainer {
    private let bytes: [UInt8]
    private let entries: [String: Entry]
    private let limits: WorkbookLimits
    private let lock = NSLock()
    private var inflatedTotal = 0

    /// The paths of the entries.
    var paths: Set<String> { Set(entries.keys) }

    /// Opens `bytes` (already known to start like a zip archive).
    init(bytes: [UInt8], limits: WorkbookLimits) throws(WorkbookError) {
        self.limits = limits
        guard bytes.count <= limits.maxFileBytes else {
            throw WorkbookError(.tooLarge, "the workbook is \(ByteCount(bytes.count)), over the limit of \(ByteCount(limits.maxFileBytes))")
        }
        guard let declared = ZipContainer.declaredEntryCount(bytes) else {
            throw WorkbookError(.malformed, "the zip archive is damaged or truncated (its central directory is missing)")
        }
        if let declared, declared > limits.maxEntries {
            throw WorkbookError(.tooLarge, "the zip archive has \(declared) entries, over the limit of \(limits.maxEntries)")
        }
        // Every entry's records within the file, before ZIPFoundation reads them: its reader traps on
        // a local header offset past the end of the file.
        if let problem = ZipContainer.centralDirectoryProblem(bytes) {
            throw WorkbookError(.malformed, "the zip archive is damaged: \(problem)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw WorkbookError(.malformed, "the zip archive is damaged or truncated (\(ZipContainer.describe(error)))")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                throw WorkbookError(.tooLarge, "the zip archive has more than \(limits.maxEntries) entries, over the limit")
            }
            if entries[entry.path] == nil { entries[entry.path] = entry }
        }
        if let declared, count != declared {
            throw WorkbookError(.malformed, "the zip archive is damaged: its central directory lists \(declared) entries, of which \(count) can be read")
        }
        self.bytes = bytes
        self.entries = entries
    }

    /// Whether the archive holds `path`.
    func has(_ path: String) -> Bool { entries[path] != nil }

    /// The inflated bytes of `path`, or `nil` when the archive has no such entry.
    func part(_ path: String) throws(WorkbookError) -> PartBytes? {
        guard let entry = entries[path] else { return nil }
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
        if declared > UInt64(limits.maxPartBytes) {
            throw WorkbookError(.tooLarge, "the part \(path) inflates to \(ByteCount(declared)), over the limit of \(ByteCount(limits.maxPartBytes)) (a zip bomb?)", part: path)
        }
        if declared > UInt64(limits.ratioFloor), declared / compressed > UInt64(limits.maxCompressionRatio) {
            throw WorkbookError(.tooLarge, "the part \(path) inflates \(declared / compressed) times (\(ByteCount(compressed)) to \(ByteCount(declared))), over the limit of \(limits.maxCompressionRatio) times (a zip bomb?)", part: path)
        }
        lock.lock()
        defer { lock.unlock() }
        if inflatedTotal + Int(declared) > limits.maxTotalBytes {
            throw WorkbookError(.tooLarge, "the parts read inflate to more than \(ByteCount(limits.maxTotalBytes)), over the limit (a zip bomb?)", part: path)
        }
        guard let location = ZipContainer.location(of: path, in: bytes) else {
            throw WorkbookError(.malformed, "the zip archive is damaged: the entry of \(path) cannot be found", part: path)
        }
        let part = try Inflater.inflate(bytes, location, part: path)
        inflatedTotal += part.count
        return part
    }

    /// Where the data of `path` lies in `bytes`, from the central directory and the local header.
    static func location(of path: String, in bytes: [UInt8]) -> EntryLocation? {
        func uint16(_ at: Int) -> Int? { at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func uint32(_ at: Int) -> Int? {
            guard let low = uint16(at), let high = uint16(at + 2) else { return nil }
            return low | high << 16
        }
        guard let end = endOfCentralDirectory(bytes), let count = uint16(end + 10), var record = uint32(end + 16) else { return nil }
        let name = Array(path.utf8)
        for _ in 0..<count {
            guard uint32(record) == 0x0201_4B50, let method = uint16(record + 10), let crc = uint32(record + 16),
                  let compressed = uint32(record + 20), let inflated = uint32(record + 24),
                  let nameLength = uint16(record + 28), let extraLength = uint16(record + 30),
                  let commentLength = uint16(record + 32), let header = uint32(record + 42),
                  record + 46 + nameLength <= bytes.count else { return nil }
            if bytes[(record + 46)..<(record + 46 + nameLength)].elementsEqual(name) {
                guard uint32(header) == 0x0403_4B50, let localName = uint16(header + 26), let localExtra = uint16(header + 28) else { return nil }
                return EntryLocation(method: method, crc: UInt32(crc), compressedSize: compressed, size: inflated,
                                     dataStart: header + 30 + localName + localExtra)
            }
            record += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }

    /// What is wrong with the central directory of `bytes`: a record, a name or a local header (and
    /// the data after it) that lies outside the file, or a ZIP64 field; `nil` when every entry lies
    /// within the file.
    static func centralDirectoryProblem(_ bytes: [UInt8]) -> String? {
        func uint16(_ at: Int) -> Int? { at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func uint32(_ at: Int) -> Int? {
            guard let low = uint16(at), let high = uint16(at + 2) else { return nil }
            return low | high << 16
        }
        guard let end = endOfCentralDirectory(bytes), let count = uint16(end + 10), var record = uint32(end + 16) else {
            return "its central directory is missing"
        }
        for number in 1...max(count, 1) where count > 0 {
            guard uint32(record) == 0x0201_4B50, let compressed = uint32(record + 20), let inflated = uint32(record + 24),
                  let nameLength = uint16(record + 28), let extraLength = uint16(record + 30),
                  let commentLength = uint16(record + 32), let header = uint32(record + 42),
                  record + 46 + nameLength + extraLength + commentLength <= bytes.count else {
                return "entry \(number) of its central directory lies outside the file"
            }
            guard compressed != 0xFFFF_FFFF, inflated != 0xFFFF_FFFF, header != 0xFFFF_FFFF else {
                return "entry \(number) is a ZIP64 entry (over 4 GiB), which a workbook does not need"
            }
            guard uint32(header) == 0x0403_4B50, let localName = uint16(header + 26), let localExtra = uint16(header + 28),
                  header + 30 + localName + localExtra + compressed <= bytes.count else {
                return "the data of entry \(number) lies outside the file"
            }
            record += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }

    /// Where the end of central directory record starts.
    static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        let recordSize = 22
        guard bytes.count >= recordSize else { return nil }
        var index = bytes.count - recordSize
        let lowest = max(0, bytes.count - recordSize - 0xFFFF)
        while index >= lowest {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 { return index }
            index -= 1
        }
        return nil
    }

    /// The number of entries the end of central directory record declares; `.some(nil)` when it
    /// defers to ZIP64; `nil` when there is no such record.
    static func declaredEntryCount(_ bytes: [UInt8]) -> Int?? {
        guard let index = endOfCentralDirectory(bytes) else { return nil }
        let count = Int(bytes[index + 10]) | Int(bytes[index + 11]) << 8
        return count == 0xFFFF ? .some(nil) : .some(count)
    }

    /// A few words for a ZIPFoundation or zlib error.
    static func describe(_ error: any Error) -> String {
        switch error {
        case Archive.ArchiveError.invalidCRC32: return "its checksum (CRC-32) does not match"
        case Archive.ArchiveError.missingEndOfCentralDirectoryRecord: return "its central directory is missing"
        case Archive.ArchiveError.unreadableArchive: return "unreadable archive"
        case Archive.ArchiveError.invalidCompressionMethod: return "an unknown compression method"
        case let error as Archive.ArchiveError: return "\(error)"
        default: return "bad compressed data"
        }
    }
}

/// A number of bytes for people: `512 bytes`, `1.5 KiB`, `5 GiB`.
struct ByteCount: CustomStringConvertible {
    let bytes: UInt64

    init(_ bytes: some BinaryInteger) { self.bytes = UInt64(clamping: bytes) }

    var description: String {
        let units: [(String, UInt64)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        for (name, size) in units where bytes >= size {
            let tenths = (bytes * 10 + size / 2) / size
            return tenths % 10 == 0 ? "\(tenths / 10) \(name)" : "\(tenths / 10).\(tenths % 10) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
