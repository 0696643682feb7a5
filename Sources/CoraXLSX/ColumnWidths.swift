/// The widths of a sheet's columns, fitted to their longest value (header included): one unit per
/// character, two for a wide East Asian one, and room for the header's filter button; at least
/// ``minimum``, at most ``maximum``. The same values give the same widths.
struct ColumnWidths {
    /// The narrowest column.
    static let minimum = 8
    /// The widest column.
    static let maximum = 60
    /// The room a header's filter button takes.
    static let filterButton = 3
    /// The padding besides the text.
    static let padding = 1

    /// The width of the longest value so far, per column (0-based).
    private(set) var longest: [Int]

    init(columns: Int) {
        longest = Array(repeating: 0, count: columns)
    }

    /// Counts `text` in column `column` (0-based), plus `extra`.
    mutating func measure(_ text: String, column: Int, extra: Int = 0) {
        let limit = Self.maximum
        let current = longest[column]
        // A text can be no wider than its UTF-8 bytes: most never need a closer look.
        if current >= limit || text.utf8.count + extra <= current { return }
        let width = min(Self.width(of: text) + extra, limit)
        if width > current { longest[column] = width }
    }

    /// The width of each column, padded and bounded.
    var widths: [Int] {
        longest.map { min(max($0 + Self.padding, Self.minimum), Self.maximum) }
    }

    /// The characters of `text`, a wide East Asian one counted twice, a combining mark not at all.
    static func width(of text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 {
                width += 1
            } else if (0x300...0x36F).contains(value) || value == 0x200D || (0xFE00...0xFE0F).contains(value) {
                continue
            } else if isWide(value) {
                width += 2
            } else {
                width += 1
            }
        }
        return width
    }

    /// Whether `value` is a wide (or full-width) East Asian character, by the main blocks of
    /// Unicode's East Asian Width property.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
