/// The 64-bit FNV-1a hash of a text's UTF-8 bytes: the same on every run and machine, for names
/// that must stay apart when they are shortened or cleaned (diagram ids, XML ids, DOT ids).
enum StableHash {
    /// The hash of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The hash of `text` as 16 hexadecimal digits.
    static func hex(_ text: String) -> String {
        let digits = String(fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
