/// How a CSV file is written: the facts the reader found (or was told) before parsing.
public struct CSVDialect: Sendable, Equatable {
    /// The field delimiter: `,`, `;`, tab or `|` in practice.
    public var delimiter: UInt8
    /// The encoding the bytes were read in.
    public var encoding: CSVEncoding
    /// Whether the file started with a byte order mark.
    public var hasByteOrderMark: Bool
    /// Whether the first line was Excel's `sep=X` line (it is skipped and not part of the data).
    public var hasSeparatorLine: Bool
    /// The line ending that occurs most in the first lines of the file.
    public var lineEnding: LineEnding
    /// How the delimiter was chosen.
    public var delimiterSource: Source
    /// How the encoding was chosen.
    public var encodingSource: Source

    /// Creates a dialect.
    public init(
        delimiter: UInt8 = UInt8(ascii: ","), encoding: CSVEncoding = .utf8, hasByteOrderMark: Bool = false,
        hasSeparatorLine: Bool = false, lineEnding: LineEnding = .lf,
        delimiterSource: Source = .default, encodingSource: Source = .default
    ) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
        self.hasSeparatorLine = hasSeparatorLine
        self.lineEnding = lineEnding
        self.delimiterSource = delimiterSource
        self.encodingSource = encodingSource
    }

    /// A line ending style.
    public enum LineEnding: String, Sendable, Equatable {
        /// `\n` (Unix).
        case lf = "LF"
        /// `\r\n` (Windows, Excel).
        case crlf = "CRLF"
        /// `\r` alone (old Mac).
        case cr = "CR"
        /// The file has a single line without an ending.
        case none = "none"
    }

    /// Why the reader settled on a delimiter or an encoding.
    public enum Source: String, Sendable, Equatable {
        /// Given by the caller (an option or a mapping).
        case option
        /// Read from a byte order mark.
        case byteOrderMark = "byte order mark"
        /// Read from Excel's `sep=` line.
        case separatorLine = "sep= line"
        /// Found by looking at the first lines of the file.
        case detected
        /// Chosen because the bytes were not valid in the expected encoding.
        case fallback
        /// Nothing better was known.
        case `default`
    }

    /// A printable name for a delimiter byte (`,`, `;`, `tab`, `|`).
    public static func name(ofDelimiter byte: UInt8) -> String {
        switch byte {
        case 0x09: return "tab"
        case 0x20: return "space"
        default: return String(UnicodeScalar(byte))
        }
    }

    /// Reads a delimiter as users write it: one character, or `tab`, `\t`, `comma`, `semicolon`, `pipe`.
    ///
    /// Returns `nil` for anything else, including characters that cannot delimit (quotes, line breaks,
    /// letters outside ASCII).
    public static func delimiter(named name: String) -> UInt8? {
        switch name.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        default:
            let bytes = Array(name.utf8)
            guard bytes.count == 1, let byte = bytes.first, byte >= 0x20, byte < 0x7F,
                  byte != UInt8(ascii: "\"") else { return nil }
            return byte
        }
    }
}
