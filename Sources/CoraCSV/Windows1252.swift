/// Decoding of single-byte Western encodings (Windows-1252 and ISO-8859-1) to UTF-8.
enum SingleByteDecoding {
    /// Unicode scalars for the bytes 0x80-0x9F in Windows-1252. The five bytes that Windows-1252
    /// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as
    /// browsers do.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes `bytes` as Windows-1252 (or, with `latin1`, as ISO-8859-1) into a string.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, latin1: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value: UInt32
            if byte >= 0x80 && byte <= 0x9F && !latin1 {
                value = windows1252High[Int(byte) - 0x80]
            } else {
                value = UInt32(byte)
            }
            // Every value in the table and below 0x100 is a valid scalar.
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
