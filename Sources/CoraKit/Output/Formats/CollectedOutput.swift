/// An ``OutputTarget`` that keeps what a format writes in memory, by file.
public struct CollectedOutput: OutputTarget, Sendable {
    /// The files written: `nil` names the file of a single-file format.
    public private(set) var files: [(name: String?, bytes: [UInt8])] = []

    /// An empty target.
    public init() {}

    public mutating func write(_ name: String?, _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        try produce { bytes.append(contentsOf: $0) }
        files.append((name, bytes))
    }

    /// The bytes of the file `name`.
    public func bytes(of name: String? = nil) -> [UInt8]? {
        files.first { $0.name == name }?.bytes
    }
}
