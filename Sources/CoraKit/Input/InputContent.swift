/// What the first bytes of an input say about it, before a CSV reader sees it: empty, text, or a
/// binary file that no mapping can make sense of (so that `cora batch` says "an Excel workbook"
/// instead of a list of columns that did not match).
public enum InputContent: Sendable, Equatable {
    /// No bytes at all.
    case empty
    /// Text in some encoding (UTF-8, Windows-1252, UTF-16 with or without a byte order mark, …).
    case text
    /// Not text; the associated value says what it looks like ("a ZIP archive (an Excel .xlsx workbook?)").
    case binary(String)

    /// How many leading bytes ``classify(_:)`` wants to see.
    public static let prefixLength = 8192

    private static let signatures: [([UInt8], String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (an Excel .xlsx workbook?); give its path, or read standard input with --mapping auto"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an Office document (an Excel .xls workbook, or a password-protected .xlsx?); give its path for a clear answer"),
        (Array("%PDF".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "an image (PNG)"),
        ([0xFF, 0xD8, 0xFF], "an image (JPEG)"),
        (Array("GIF8".utf8), "an image (GIF)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)"),
    ]

    /// Classifies an input by its first bytes (up to ``prefixLength``).
    ///
    /// Text may hold NUL bytes only as UTF-16: a byte order mark, or zeros in (nearly) every other
    /// position. Anything else with NUL bytes, or with many control characters, is binary.
    public static func classify(_ prefix: [UInt8]) -> InputContent {
        guard !prefix.isEmpty else { return .empty }
        for (signature, description) in signatures where prefix.starts(with: signature) {
            return .binary(description)
        }
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) || prefix.starts(with: [0xEF, 0xBB, 0xBF]) {
            return .text
        }
        var zerosEven = 0, zerosOdd = 0, controls = 0
        for (index, byte) in prefix.enumerated() {
            if byte == 0 {
                if index % 2 == 0 { zerosEven += 1 } else { zerosOdd += 1 }
            } else if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) || byte == 0x7F {
                controls += 1
            }
        }
        let pairs = max(1, prefix.count / 2)
        if zerosEven + zerosOdd > 0 {
            let looksLikeUTF16 = (zerosOdd * 10 >= pairs * 3 && zerosEven * 100 <= pairs)
                || (zerosEven * 10 >= pairs * 3 && zerosOdd * 100 <= pairs)
            if !looksLikeUTF16 { return .binary("binary data (NUL bytes), not text") }
        } else if controls * 20 > prefix.count {
            return .binary("binary data (control characters), not text")
        }
        return .text
    }
}
