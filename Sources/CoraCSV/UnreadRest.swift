/// What a read that malformed input ended left unread: the record it stopped in and every line
/// after it, so that the rows can be counted and written out as they were (``CSVReader/unreadRest(keepingBytes:)``).
public struct UnreadRest: Sendable, Equatable {
    /// The physical line the unread part starts on (the first line of the record the read stopped in).
    public var line: Int
    /// The physical lines from there to the end of the input (a last line without a line break
    /// counted too).
    public var lineCount: Int
    /// The bytes of those lines as the parser saw them: the input's own bytes, except that UTF-16
    /// was turned into UTF-8 (empty when they were not asked for).
    public var bytes: [UInt8]

    /// Creates the description of an unread rest.
    public init(line: Int, lineCount: Int, bytes: [UInt8]) {
        self.line = line
        self.lineCount = lineCount
        self.bytes = bytes
    }
}
