/// What the caller tells the reader; everything left `nil` is detected from the file.
public struct CSVReadOptions: Sendable, Equatable {
    /// The delimiter to use instead of detecting one.
    public var delimiter: UInt8?
    /// The encoding to use instead of detecting one.
    public var encoding: CSVEncoding?
    /// The largest field accepted, in bytes (default 1 MiB). A larger field, often the sign of a quote
    /// that was never closed, ends the read with a `field-too-large` error.
    public var maxFieldBytes: Int
    /// The most fields accepted in one record (default 10,000).
    public var maxFieldsPerRecord: Int
    /// The most records read from one input, the header included (default 10,000,000); the next
    /// one ends the read with a `too-many-rows` error instead of memory running out.
    public var maxRecords: Int
    /// How many bytes are read from the source at a time.
    public var chunkSize: Int

    /// The default field size limit: 1 MiB.
    public static let defaultMaxFieldBytes = 1 << 20
    /// The default limit on fields per record.
    public static let defaultMaxFieldsPerRecord = 10_000
    /// The default limit on records per input.
    public static let defaultMaxRecords = 10_000_000

    /// Creates options; the defaults detect everything.
    public init(
        delimiter: UInt8? = nil, encoding: CSVEncoding? = nil,
        maxFieldBytes: Int = CSVReadOptions.defaultMaxFieldBytes,
        maxFieldsPerRecord: Int = CSVReadOptions.defaultMaxFieldsPerRecord,
        chunkSize: Int = 1 << 16,
        maxRecords: Int = CSVReadOptions.defaultMaxRecords
    ) {
        self.maxRecords = maxRecords
        self.delimiter = delimiter
        self.encoding = encoding
        self.maxFieldBytes = maxFieldBytes
        self.maxFieldsPerRecord = maxFieldsPerRecord
        self.chunkSize = max(chunkSize, 16)
    }
}
