import CoraCSV
// TEMPORARY stub until the reader lands.
public struct ExchangeReader: Sendable {
    public struct Limits: Sendable, Equatable { public var maxBytes = 256 << 20; public init() {} }
    public init(limits: Limits = Limits()) {}
    public func read(_ source: some ByteSource, file: String, sink: inout DiagnosticSink) throws(ByteSourceError) -> ExchangeDocument? { nil }
    public static func isExchangeDocument(prefix bytes: [UInt8]) -> Bool { false }
}
