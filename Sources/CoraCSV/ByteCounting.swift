#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Counting and finding bytes with the C library's vectorised `memchr`.
enum ByteCounting {
    /// How often `byte` occurs in `buffer`.
    static func count(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        // Most fields are short: a plain loop beats the call into memchr there.
        if buffer.count < 32 {
            var total = 0
            for candidate in buffer where candidate == byte { total += 1 }
            return total
        }
        guard var cursor = buffer.baseAddress.map(UnsafeRawPointer.init), buffer.count > 0 else { return 0 }
        let end = cursor + buffer.count
        var total = 0
        while cursor < end, let hit = memchr(cursor, Int32(byte), end - cursor) {
            total += 1
            cursor = UnsafeRawPointer(hit) + 1
        }
        return total
    }

    /// The offset of the first `byte` in `buffer`, or `nil`.
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress, buffer.count > 0,
              let hit = memchr(base, Int32(byte), buffer.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
}
