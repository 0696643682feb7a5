/// A fast check whether bytes are well-formed UTF-8, without building a string.
enum UTF8Validation {
    /// Returns the offset of the first byte that starts an ill-formed sequence, or `nil` when all of
    /// `bytes` is valid UTF-8. With `allowTruncatedEnd`, a sequence cut off by the end of the buffer
    /// counts as valid (the rest may arrive in the next chunk).
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var i = 0
        while i < count {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= count { break }
            let lead = base[i]
            if lead < 0x80 { i += 1; continue }
            // Lengths and second-byte ranges from the Unicode standard's table of well-formed UTF-8.
            var length = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            if lead >= 0xC2 && lead <= 0xDF {
                length = 2
            } else if lead >= 0xE0 && lead <= 0xEF {
                length = 3
                if lead == 0xE0 { low = 0xA0 } else if lead == 0xED { high = 0x9F }
            } else if lead >= 0xF0 && lead <= 0xF4 {
                length = 4
                if lead == 0xF0 { low = 0x90 } else if lead == 0xF4 { high = 0x8F }
            } else {
                return i
            }
            if i + length > count {
                return allowTruncatedEnd && tailIsPrefix(base + i, count - i, low: low, high: high) ? nil : i
            }
            let second = base[i + 1]
            if second < low || second > high { return i }
            if length >= 3 && base[i + 2] & 0xC0 != 0x80 { return i }
            if length == 4 && base[i + 3] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Whether the `available` bytes at `start` can begin a valid sequence that was cut off.
    private static func tailIsPrefix(_ start: UnsafePointer<UInt8>, _ available: Int, low: UInt8, high: UInt8) -> Bool {
        if available >= 2 && (start[1] < low || start[1] > high) { return false }
        if available >= 3 && start[2] & 0xC0 != 0x80 { return false }
        return true
    }

    /// Whether all of `bytes` is valid UTF-8.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidOffset(in: bytes) == nil
    }
}
