extension UTF8Validation {
    /// Whether `bytes` hold at least one well-formed multi-byte UTF-8 sequence (a character beyond
    /// ASCII written as UTF-8).
    ///
    /// A file that has such sequences and also bytes that are not UTF-8 mixes the two encodings
    /// (rows pasted together from a UTF-8 and a Windows-1252 export): it is read record by record,
    /// so the UTF-8 rows do not turn into mojibake. In a real Windows-1252 file a valid sequence
    /// needs an accented capital followed by a symbol (`Ã©`, `â€`), which is itself mojibake.
    static func containsMultiByteSequence(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            guard lead >= 0xC2 && lead <= 0xF4 else { i += 1; continue }
            let length = lead <= 0xDF ? 2 : lead <= 0xEF ? 3 : 4
            if i + length <= count,
               firstInvalidOffset(in: UnsafeBufferPointer(rebasing: bytes[i..<i + length])) == nil {
                return true
            }
            i += 1
        }
        return false
    }
}
