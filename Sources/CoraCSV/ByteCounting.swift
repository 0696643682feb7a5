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
        // Most fields are short and hold no line break: check eight bytes at a time (a word with
        // no `byte` in it is skipped at once) and count byte by byte only in words that may hold one.
        if buffer.count < 64, let base = buffer.baseAddress {
            let pattern = 0x0101_0101_0101_0101 &* UInt64(byte)
            var total = 0
            var index = 0
            while index + 8 <= buffer.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ pattern
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 {
                    for offset in index..<index + 8 where base[offset] == byte { total += 1 }
                }
                index += 8
            }
            while index < buffer.count {
                if base[index] == byte { total += 1 }
                index += 1
            }
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
