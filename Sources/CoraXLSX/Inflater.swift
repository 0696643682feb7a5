internal import CLibXML2

/// Where one entry's data lies in the archive, as its central directory and local header say.
struct EntryLocation {
    /// 0 stored, 8 deflated.
    var method: Int
    /// The CRC-32 of the inflated bytes.
    var crc: UInt32
    /// The bytes of compressed data.
    var compressedSize: Int
    /// The bytes once inflated (as declared).
    var size: Int
    /// The offset of the compressed data.
    var dataStart: Int
}

/// Inflates one entry with zlib: only its own compressed bytes are read, never more bytes come out
/// than it declares, and the checksum must match.
enum Inflater {
    static func inflate(_ archive: [UInt8], _ location: EntryLocation, part: String) throws(WorkbookError) -> PartBytes {
        let end = location.dataStart + location.compressedSize
        guard location.dataStart >= 0, end <= archive.count else {
            throw WorkbookError(.malformed, "the zip archive is truncated: the data of \(part) runs past its end", part: part)
        }
        let output = PartBytes(capacity: location.size)
        switch location.method {
        case 0:
            guard location.compressedSize == location.size else {
                throw WorkbookError(.malformed, "the zip archive is damaged: the stored part \(part) has two different sizes", part: part)
            }
            output.append(archive[location.dataStart..<end])
        case 8:
            try archive.withUnsafeBufferPointer { (input) throws(WorkbookError) in
                try inflate(UnsafeBufferPointer(rebasing: input[location.dataStart..<end]), into: output, declared: location.size, part: part)
            }
        default:
            throw WorkbookError(.malformed, "the part \(part) is compressed with a method other than deflate (\(location.method))", part: part)
        }
        let crc = UInt32(truncatingIfNeeded: crc32(0, output.storage.baseAddress, uInt(output.count)))
        guard crc == location.crc else {
            throw WorkbookError(.malformed, "the zip archive is damaged: the checksum (CRC-32) of \(part) does not match", part: part)
        }
        return output
    }

    private static func inflate(_ input: UnsafeBufferPointer<UInt8>, into output: PartBytes, declared: Int, part: String) throws(WorkbookError) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw WorkbookError(.malformed, "the part \(part) cannot be inflated", part: part)
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        let chunkSize = 1 << 16
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        while true {
            stream.next_out = chunk
            stream.avail_out = uInt(chunkSize)
            let result = CLibXML2.inflate(&stream, Z_NO_FLUSH)
            let produced = chunkSize - Int(stream.avail_out)
            if output.count + produced > declared {
                throw WorkbookError(.malformed, "the part \(part) inflates to more than the \(ByteCount(declared)) the archive declares for it (a zip bomb?)", part: part)
            }
            output.append(UnsafeBufferPointer(start: chunk, count: produced))
            switch result {
            case Z_STREAM_END:
                guard output.count == declared else {
                    throw WorkbookError(.malformed, "the part \(part) inflates to \(ByteCount(output.count)), not the \(ByteCount(declared)) the archive declares", part: part)
                }
                return
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw WorkbookError(.malformed, "the zip archive is damaged: the compressed data of \(part) ends too soon", part: part)
            default:
                throw WorkbookError(.malformed, "the zip archive is damaged: the compressed data of \(part) is corrupt", part: part)
            }
        }
    }
}
