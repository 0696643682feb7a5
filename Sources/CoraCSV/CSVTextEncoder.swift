/// Turns UTF-8 text back into the encoding a file came in, so that rows written back (rejects)
/// are in the same encoding as the input.
public enum CSVTextEncoder {
    /// `utf8` re-encoded as `encoding`. Characters that the encoding cannot hold (which never come
    /// from a file read in that encoding) become `?`.
    public static func encode(_ utf8: [UInt8], as encoding: CSVEncoding) -> [UInt8] {
        switch encoding {
        case .utf8:
            return utf8
        case .utf16LE, .utf16BE:
            var output: [UInt8] = []
            output.reserveCapacity(utf8.count * 2)
            for unit in String(decoding: utf8, as: UTF8.self).utf16 {
                if encoding == .utf16LE {
                    output.append(UInt8(unit & 0xFF)); output.append(UInt8(unit >> 8))
                } else {
                    output.append(UInt8(unit >> 8)); output.append(UInt8(unit & 0xFF))
                }
            }
            return output
        case .windows1252, .latin1:
            var output: [UInt8] = []
            output.reserveCapacity(utf8.count)
            for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
                output.append(singleByte(for: scalar, latin1: encoding == .latin1) ?? UInt8(ascii: "?"))
            }
            return output
        }
    }

    /// The byte order mark of `encoding`.
    public static func byteOrderMark(for encoding: CSVEncoding) -> [UInt8] {
        switch encoding {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .windows1252, .latin1: return []
        }
    }

    private static func singleByte(for scalar: Unicode.Scalar, latin1: Bool) -> UInt8? {
        let value = scalar.value
        if value < 0x80 { return UInt8(value) }
        if !latin1, let index = SingleByteDecoding.windows1252High.firstIndex(of: value) { return UInt8(0x80 + index) }
        if value <= 0xFF && (latin1 || value >= 0xA0) { return UInt8(value) }
        return nil
    }
}
