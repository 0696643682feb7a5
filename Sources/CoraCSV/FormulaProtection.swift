/// Keeps spreadsheets from running CSV cells as formulas (CSV injection, CWE-1236), and undoes it.
///
/// A spreadsheet splits a line at its list separator, `;` in Dutch Excel and `,` in English, and
/// does not know which one a file was written for: a `;` file opened where the separator is `,`
/// is cut at every comma, quoted or not, and the piece after a comma becomes a cell of its own. So
/// a cell is looked at in **parts**: the cell itself and what follows each `,` `;` or line break
/// in it. A part is a formula when, after blanks (spaces, tabs and other controls, no-break and
/// other Unicode spaces, zero-width and direction marks) and double quotes, it starts with `=` `+`
/// `-` `@`, a full-width or small form of them (`＝` `＋` `－` `＠`, `﹦` `﹢` `﹣` `﹫`) or `−`
/// (U+2212); a part that starts with a tab or a carriage return counts too. ``protect(_:)`` puts a
/// `'` before every such part, so that a spreadsheet shows it as text in either locale:
/// `=SUM(A1)` → `'=SUM(A1)`, `a, =1+1` → `a,' =1+1`, `-5` → `'-5`.
///
/// ``unprotect(_:)`` takes exactly those `'` off again, and nothing else:
/// `unprotect(protect(s)) == s` for every string. For that, a part that starts with `'` followed
/// by what would be protected (a run of `'` before a formula) gets a `'` too: `'=1` → `''=1`.
public enum FormulaProtection {
    /// Whether a spreadsheet could take `text`, from its start, as a formula (the first part of a
    /// cell; ``protect(_:)`` also looks after every `,` `;` and line break).
    public static func startsFormula(_ text: String) -> Bool {
        withBytes(text) { bytes in isFormula(bytes, at: 0) }
    }

    /// `field` with a `'` before each part that a spreadsheet would run as a formula (and before a
    /// part that is a run of `'` in front of one); unchanged when there is none.
    public static func protect(_ field: String) -> String {
        withBytes(field) { bytes in marked(bytes).map { String(decoding: $0, as: UTF8.self) } ?? field }
    }

    /// Raw text (UTF-8, or an encoding that shares ASCII with it, such as Windows-1252) with a `'`
    /// before each part that a spreadsheet would run as a formula, as ``protect(_:)`` does for a
    /// cell: for lines that could not be parsed into cells (what a malformed file left unread),
    /// written to a file meant for spreadsheets.
    public static func protect(bytes raw: [UInt8]) -> [UInt8] {
        raw.withUnsafeBufferPointer { marked($0) } ?? raw
    }

    /// `bytes` with a `'` before each part that needs one, `nil` when none does.
    private static func marked(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var marks: [Int] = []
        forEachPartStart(in: bytes) { start in
            if needsMark(bytes, at: start) { marks.append(start) }
        }
        guard !marks.isEmpty else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + marks.count)
        var from = 0
        for mark in marks {
            output.append(contentsOf: bytes[from..<mark])
            output.append(apostrophe)
            from = mark
        }
        output.append(contentsOf: bytes[from...])
        return output
    }

    /// `field` without the `'` that ``protect(_:)`` put in: a `'` at the start of a part, followed
    /// by what ``protect(_:)`` marks. Any other `'` is data and stays.
    public static func unprotect(_ field: String) -> String {
        withBytes(field) { bytes in
            var marks: [Int] = []
            forEachPartStart(in: bytes) { start in
                if start < bytes.count, bytes[start] == apostrophe, needsMark(bytes, at: start + 1) { marks.append(start) }
            }
            guard !marks.isEmpty else { return field }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var from = 0
            for mark in marks {
                output.append(contentsOf: bytes[from..<mark])
                from = mark + 1
            }
            output.append(contentsOf: bytes[from...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether `field` holds a list separator of either locale, `,` or `;`: a spreadsheet cell that
    /// must be quoted whatever the delimiter of the file.
    public static func holdsSeparator(_ field: String) -> Bool {
        field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") }
    }

    // MARK: Parts

    private static let apostrophe = UInt8(ascii: "'")

    /// Calls `body` with the offset of every part: 0, and the offset after each `,` `;` LF or CR.
    private static func forEachPartStart(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        body(0)
        for index in bytes.indices where isPartEnd(bytes[index]) { body(index + 1) }
    }

    private static func isPartEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == 0x0A || byte == 0x0D
    }

    /// Whether the part at `start` gets a `'`: after a run of `'`, a formula.
    private static func needsMark(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start
        while index < bytes.count && bytes[index] == apostrophe { index += 1 }
        return isFormula(bytes, at: index)
    }

    /// Whether the part at `start` is a formula: a tab or CR first, or a formula sign after blanks
    /// and quotes (which do not go past the end of the part).
    private static func isFormula(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start < bytes.count else { return false }
        // The common case, a letter or a digit, is settled by its first byte.
        let first = bytes[start]
        if first == 0x09 || first == 0x0D { return true }
        if (0x30...0x39).contains(first) || (0x61...0x7A).contains(first | 0x20) { return false }
        var index = start
        while index < bytes.count, !isPartEnd(bytes[index]) {
            let (scalar, length) = decode(bytes, at: index)
            if isFormulaSign(scalar) { return true }
            guard isBlank(scalar) else { return false }
            index += length
        }
        return false
    }

    /// `=` `+` `-` `@`, their full-width and small forms, and the minus sign.
    private static func isFormulaSign(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3D, 0x2B, 0x2D, 0x40: return true                 // = + - @
        case 0xFF1D, 0xFF0B, 0xFF0D, 0xFF20: return true         // ＝ ＋ － ＠
        case 0xFE66, 0xFE62, 0xFE63, 0xFE6B: return true         // ﹦ ﹢ ﹣ ﹫
        case 0x2212: return true                                 // − MINUS SIGN
        default: return false
        }
    }

    /// What a spreadsheet may skip or not show before a formula: controls (not LF and CR, which
    /// end a part), spaces, invisible and direction marks, and the double quote.
    private static func isBlank(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00...0x09, 0x0B, 0x0C, 0x0E...0x20, 0x22, 0x7F...0xA0, 0xAD: return true
        case 0x1680, 0x180E, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x206F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        func next(_ offset: Int) -> UInt32 { index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0 }
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | next(1), 2)
        case ..<0xF0: return ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
        default: return ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
        }
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
