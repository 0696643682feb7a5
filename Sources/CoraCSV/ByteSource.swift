#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the reader gets its bytes: a file descriptor that the caller opened, or bytes in memory.
///
/// The reader pulls one chunk at a time, so memory stays bounded by the chunk size and the largest
/// record, never by the size of the input.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many were read; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int

    /// How many bytes the source holds in all, when it knows (a regular file, bytes in memory);
    /// `nil` for a pipe. Only a hint for sizing: reading goes on until ``read(into:)`` returns 0.
    var expectedByteCount: Int? { get }
}

extension ByteSource {
    /// Unknown, unless the source says.
    public var expectedByteCount: Int? { nil }
}

/// A failure to read bytes from a source (not a problem in the data).
public struct ByteSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system's description of what went wrong.
    public let reason: String

    /// Creates an error with the given reason.
    public init(reason: String) { self.reason = reason }

    public var description: String { reason }
}

/// Bytes that are already in memory.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    /// Creates a source that yields `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Creates a source that yields the UTF-8 bytes of `text`.
    public init(text: String) { self.bytes = Array(text.utf8) }

    public var expectedByteCount: Int? { bytes.count }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// An open file descriptor (a file, a pipe or standard input). The caller opens and closes it.
public struct FileDescriptorByteSource: ByteSource {
    /// The descriptor read from.
    public let descriptor: Int32

    /// Creates a source that reads from `descriptor`.
    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// The size of a regular file; `nil` for a pipe, a terminal or a socket.
    public var expectedByteCount: Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        while true {
            #if canImport(Glibc) || canImport(Musl)
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
            let count = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw ByteSourceError(reason: String(cString: strerror(errno)))
        }
    }
}
