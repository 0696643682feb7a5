import CoraCSV

/// A byte source that stops with an error as soon as `stop` says so (Ctrl-C), so that a long
/// input in progress is abandoned instead of finished.
public struct StoppableByteSource<Base: ByteSource>: ByteSource {
    /// The source read.
    public var base: Base
    /// Whether to stop.
    public let stop: @Sendable () -> Bool

    /// A source reading `base` until `stop` says so.
    public init(base: Base, stop: @escaping @Sendable () -> Bool) {
        self.base = base
        self.stop = stop
    }

    /// The reason given when stopped.
    public static var interruptedReason: String { "interrupted" }

    public var expectedByteCount: Int? { base.expectedByteCount }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        if stop() { throw ByteSourceError(reason: Self.interruptedReason) }
        return try base.read(into: buffer)
    }
}
