/// Something the reader noticed about the bytes: a warning it worked around, or the error that
/// ended the read.
///
/// The core library turns these into diagnostics with the file name attached.
public struct CSVIssue: Sendable, Equatable, Error, CustomStringConvertible {
    /// What kind of problem this is; its raw value is the stable diagnostic code.
    public var kind: Kind
    /// The physical line (1-based) where the problem is.
    public var line: Int
    /// The record number (1-based, the header is record 1) when the problem belongs to a record.
    public var record: Int?
    /// A sentence for people.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?

    /// Creates an issue.
    public init(kind: Kind, line: Int, record: Int? = nil, message: String, hint: String? = nil) {
        self.kind = kind
        self.line = line
        self.record = record
        self.message = message
        self.hint = hint
    }

    /// Whether the read ended because of this issue.
    public var isFatal: Bool { kind.isFatal }

    public var description: String { "line \(line): \(message) [\(kind.rawValue)]" }

    /// The kinds of problems the reader reports. Raw values are stable codes.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A quoted field that is still open at the end of the input.
        case unclosedQuote = "unclosed-quote"
        /// A quote inside an unquoted field, or text right after a closing quote.
        case strayQuote = "stray-quote"
        /// A NUL byte, which no text file holds.
        case nulByte = "nul-byte"
        /// A field over the size limit.
        case fieldTooLarge = "field-too-large"
        /// A record with more fields than the limit.
        case tooManyFields = "too-many-fields"
        /// libcsv could not get memory.
        case outOfMemory = "out-of-memory"
        /// More records than the limit (`CSVReadOptions.maxRecords`).
        case tooManyRecords = "too-many-rows"
        /// Bytes that are not valid UTF-8 were read as Windows-1252.
        case encodingFallback = "encoding-fallback"
        /// Bytes that are not valid in the forced encoding were replaced with U+FFFD.
        case invalidEncoding = "invalid-encoding"
        /// UTF-16 found without a byte order mark.
        case utf16WithoutBOM = "utf16-without-bom"

        /// Whether this kind ends the read.
        public var isFatal: Bool {
            switch self {
            case .encodingFallback, .invalidEncoding, .utf16WithoutBOM: return false
            default: return true
            }
        }
    }
}
