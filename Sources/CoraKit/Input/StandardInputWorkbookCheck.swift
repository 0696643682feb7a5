import CoraCSV

/// Standard input read through a named mapping is streamed as CSV; a workbook piped in would be read
/// as a binary table (a NUL byte on line 1). Its first bytes are looked at first: a workbook is
/// refused as `binary-input` with what to do, anything else is read on, those bytes included.
struct StandardInputWorkbookCheck: ByteSource {
    private var source: any ByteSource
    private var prefix: [UInt8]
    private var offset = 0

    /// Reads the first bytes of `source`; throws `binary-input` when they begin a workbook.
    init(_ source: any ByteSource) throws(RunFailure) {
        var input = source
        var prefix = [UInt8](repeating: 0, count: 8)
        var filled = 0
        do {
            while filled < prefix.count {
                let count = try prefix[filled...].withUnsafeMutableBytes { buffer throws(ByteSourceError) in try input.read(into: buffer) }
                if count == 0 { break }
                filled += count
            }
        } catch {
            throw RunFailure(.unreadableInput, "cannot read: \((error as? ByteSourceError)?.reason ?? "\(error)")", file: "-")
        }
        self.source = input
        self.prefix = Array(prefix[..<filled])
        if WorkbookInput.isWorkbook(prefix: self.prefix) {
            throw RunFailure(.binaryInput, "standard input is an Excel workbook (.xlsx), which a named mapping cannot read as CSV",
                             file: "-", hint: "pass the workbook's path instead of -, or read standard input with --mapping auto")
        }
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        guard offset < prefix.count else { return try source.read(into: buffer) }
        let count = min(buffer.count, prefix.count - offset)
        for index in 0..<count { buffer[index] = prefix[offset + index] }
        offset += count
        return count
    }

    var expectedByteCount: Int? { source.expectedByteCount }
}
