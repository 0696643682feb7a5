/// A text encoding the reader understands.
///
/// Spreadsheet exports in the Netherlands come as UTF-8 (with or without a byte order mark),
/// Windows-1252 ("ANSI" in Excel) or UTF-16 ("Unicode text"). Everything is turned into UTF-8
/// before it reaches the rest of the program.
public enum CSVEncoding: String, Sendable, CaseIterable, Equatable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16, little endian (Excel "Unicode text").
    case utf16LE = "utf-16le"
    /// UTF-16, big endian.
    case utf16BE = "utf-16be"
    /// Windows-1252, the encoding of Excel's plain "CSV" on Western European Windows.
    case windows1252 = "windows-1252"
    /// ISO-8859-1 (Latin-1); bytes 0x80-0x9F are control characters.
    case latin1 = "iso-8859-1"

    /// Reads an encoding name as users write it (`utf8`, `UTF-8`, `cp1252`, `ansi`, `latin1`, `utf-16`).
    ///
    /// Returns `nil` for a name that is not known.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8", "utf8bom", "utf8sig": self = .utf8
        case "utf16", "utf16le", "unicode", "ucs2", "ucs2le": self = .utf16LE
        case "utf16be", "ucs2be": self = .utf16BE
        case "windows1252", "cp1252", "win1252", "ansi", "1252": self = .windows1252
        case "iso88591", "latin1", "l1", "iso885915": self = .latin1
        default: return nil
        }
    }

    /// The names accepted by ``init(name:)``, for help texts and error messages.
    public static let acceptedNames = "utf-8, utf-16le, utf-16be, windows-1252 (cp1252), iso-8859-1 (latin1)"

    /// Whether the bytes of this encoding are transcoded to UTF-8 before parsing.
    public var isTranscodedBeforeParsing: Bool { self == .utf16LE || self == .utf16BE }
}
