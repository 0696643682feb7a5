/// Where a format's files go: standard output, a file, a folder, or memory.
public protocol OutputTarget {
    /// Writes one file: `name` is `nil` for the file of a format that writes one, else the name of
    /// a file in the format's folder. `produce` hands the bytes to its argument piece by piece.
    mutating func write(_ name: String?, _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws
}

extension OutputTarget {
    /// Writes `bytes` as the file `name` (see ``write(_:_:)``).
    public mutating func write(_ name: String?, bytes: [UInt8]) throws {
        try write(name) { write in try bytes.withUnsafeBytes { try write($0) } }
    }
}
