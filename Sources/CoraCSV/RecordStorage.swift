/// The field bytes and field end offsets of the records read from one chunk, shared by those
/// records.
///
/// Sharing one storage per chunk instead of two arrays per record removes almost every allocation
/// from the read loop; when the caller keeps no record of the chunk, the reader reuses the storage
/// for the next one. Once a record is handed out, the part of the storage it refers to never
/// changes.
final class RecordStorage: @unchecked Sendable {
    // Mutated only by the reader's callbacks, through unchecked access: the reader guarantees that
    // no record refers to bytes that are being written.
    @exclusivity(unchecked) var bytes = FieldBuffer<UInt8>(capacity: 1 << 16)
    @exclusivity(unchecked) var ends = FieldBuffer<Int>(capacity: 4096)

    init() {}

    /// A storage without fields, shared by every record that keeps only its location.
    static let empty = RecordStorage(fields: [])

    /// A storage holding exactly `fields`, for records made in memory.
    init(fields: [String]) {
        // The properties' default buffers are already allocated: free them before replacing them
        // with buffers of the right size, or every record made in memory leaks 96 KiB.
        bytes.release()
        ends.release()
        bytes = FieldBuffer<UInt8>(capacity: max(16, fields.reduce(0) { $0 + $1.utf8.count }))
        ends = FieldBuffer<Int>(capacity: max(1, fields.count))
        for field in fields {
            var field = field
            field.withUTF8 { bytes.append($0) }
            ends.append(bytes.count)
        }
    }

    deinit {
        bytes.release()
        ends.release()
    }

    /// Moves the unfinished record (bytes from `byteStart`, ends from `endStart`) to the front.
    func keepOnly(fromByte byteStart: Int, fromEnd endStart: Int) {
        bytes.removeFirst(byteStart)
        ends.removeFirst(endStart, adjustingBy: -byteStart)
    }

    /// A new storage holding the unfinished record of `other`.
    init(unfinishedRecordOf other: RecordStorage, fromByte byteStart: Int, fromEnd endStart: Int) {
        bytes.append(UnsafeBufferPointer(rebasing: other.bytes.buffer[byteStart...]))
        for end in other.ends.buffer[endStart...] { ends.append(end - byteStart) }
    }
}
