#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CoraCSV
import CoraKit
import Synchronization

/// A file open for reading by its descriptor.
struct DescriptorFile: OpenedFile {
    var source: FileDescriptorByteSource

    var expectedByteCount: Int? { source.expectedByteCount }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        try source.read(into: buffer)
    }

    func close() {
        if source.descriptor != 0 { _ = Glibc.close(source.descriptor) }
    }
}
