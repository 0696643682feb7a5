import CLibCSV

/// Reads CSV records from a byte source, streaming, with libcsv.
///
/// The reader first looks at the start of the input to settle the dialect (byte order mark, UTF-16,
/// Excel's `sep=` line, delimiter, line ending, UTF-8 or Windows-1252), then feeds the input to
/// libcsv one chunk at a time. Memory is bounded by the chunk size and the largest record.
///
/// ```swift
/// let reader = try CSVReader(source: MemoryByteSource(text: "a;b\n1;2\n"))
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
///
/// Malformed input (a quote never closed, a stray quote, a NUL byte, a field over the limit) ends
/// the read: ``next()`` first hands out every record before the problem, then throws a
/// ``CSVIssue`` naming the line. Warnings the reader worked around are in ``warnings``, and what
/// the problem left unread is in ``unreadRest(keepingBytes:)``: the reader keeps the bytes from the
/// start of the record being read, so that the rest of the input can be handed on as it was.
public final class CSVReader {
    /// The options the reader was created with.
    public let options: CSVReadOptions
    /// The dialect found at the start of the input (or given in the options).
    public private(set) var dialect: CSVDialect
    /// Problems the reader worked around (encoding fall-backs and the like), in the order found.
    public var warnings: [CSVIssue] { prefixWarnings + assembler.pointee.warnings }
    /// The number of physical lines read so far (the whole file once ``next()`` returned `nil`).
    public var linesRead: Int { assembler.pointee.firstLine - 1 + linesFed + (endsWithoutLineBreak ? 1 : 0) }

    private var source: any ByteSource
    private let parser: UnsafeMutablePointer<csv_parser>
    private let assembler: UnsafeMutablePointer<RecordAssembler>
    private var prefix: [UInt8]
    private var prefixOffset: Int
    private var prefixWarnings: [CSVIssue] = []
    private var transcoder: UTF16Transcoder?
    private var transcoded: [UInt8] = []
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var queueHead = 0
    private var linesFed = 0
    private var lastByteFed: UInt8 = 0x0A
    private var endsWithoutLineBreak = false
    private var phase = Phase.reading
    /// The bytes fed to libcsv from the start of line ``retainedLine`` on: the record not yet
    /// complete at the end of the previous chunk, and the chunk being parsed.
    private var retained: [UInt8] = []
    private var retainedLine = 1
    /// The line of the record the read stopped in.
    private var failedRecordLine = 0

    private enum Phase { case reading, finished, failed(CSVIssue) }

    /// Creates a reader and settles the dialect by reading the start of `source`.
    ///
    /// - Throws: ``ByteSourceError`` when the source cannot be read.
    public init(source: some ByteSource, options: CSVReadOptions = CSVReadOptions()) throws(ByteSourceError) {
        self.options = options
        self.source = source
        self.chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: options.chunkSize)
        self.parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        self.assembler = UnsafeMutablePointer<RecordAssembler>.allocate(capacity: 1)
        self.assembler.initialize(to: RecordAssembler())
        self.prefix = []
        self.prefixOffset = 0
        self.dialect = CSVDialect()
        csv_init(parser, UInt8(CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI))
        csv_set_space_func(parser, libcsvKeepSpaces)
        csv_set_blk_size(parser, 1 << 16)
        do {
            try readPrefix()
        } catch {
            release()
            throw error
        }
        settleDialect()
        retainedLine = assembler.pointee.firstLine
    }

    deinit { release() }

    private var released = false
    private func release() {
        guard !released else { return }
        released = true
        csv_free(parser)
        parser.deallocate()
        assembler.deinitialize(count: 1)
        assembler.deallocate()
        chunk.deallocate()
    }

    /// The next record, or `nil` at the end of the input.
    ///
    /// - Throws: ``CSVIssue`` for malformed input (after every record before it was returned), or
    ///   ``ByteSourceError`` when reading fails.
    public func next() throws -> CSVRecord? {
        while true {
            if queueHead < assembler.pointee.completed.count {
                let record = assembler.pointee.completed[queueHead]
                if record.number > options.maxRecords { throw failTooManyRecords(at: record) }
                queueHead += 1
                return record
            }
            if queueHead > 0 {
                assembler.pointee.completed.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            assembler.pointee.prepareForNextChunk()
            switch phase {
            case .finished: return nil
            case .failed(let issue): throw issue
            case .reading: try feedNextChunk()
            }
        }
    }

    /// Whether the records are read on one thread and used on another (see ``ReadAhead``): a
    /// chunk's storage is then never reused, since whether another thread still holds a record in
    /// it cannot be asked without a race.
    public var handsRecordsToOtherThreads: Bool {
        get { !assembler.pointee.reusesStorage }
        set { assembler.pointee.reusesStorage = !newValue }
    }

    /// Reads every remaining record, calling `body` for each.
    public func forEach(_ body: (CSVRecord) throws -> Void) throws {
        while let record = try next() { try body(record) }
    }

    // MARK: - Dialect

    private func readPrefix() throws(ByteSourceError) {
        let wanted = max(options.chunkSize, 1 << 16)
        prefix.reserveCapacity(wanted)
        while prefix.count < wanted {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(chunk))
            if count == 0 { break }
            prefix.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    private func settleDialect() {
        var encoding: CSVEncoding = .utf8
        var encodingSource: CSVDialect.Source = .default
        var hasBOM = false
        let bom = prefix.withUnsafeBufferPointer { DialectSniffer.byteOrderMark(in: $0) }
        if let bom, options.encoding == nil || options.encoding == bom.encoding {
            hasBOM = true
            prefixOffset = bom.length
            encoding = bom.encoding
            encodingSource = .byteOrderMark
        }
        if let forced = options.encoding {
            encoding = forced
            encodingSource = .option
        } else if !hasBOM, let utf16 = prefix.withUnsafeBufferPointer({ DialectSniffer.utf16WithoutByteOrderMark(in: $0) }) {
            encoding = utf16
            encodingSource = .detected
            prefixWarnings.append(CSVIssue(
                kind: .utf16WithoutBOM, line: 1,
                message: "the file looks like \(utf16.rawValue) without a byte order mark; it was read as such",
                hint: "pass --encoding to choose another encoding"))
        }

        // Bring the start of the input into the form libcsv parses: UTF-8, or single-byte text.
        if encoding.isTranscodedBeforeParsing {
            var utf16 = UTF16Transcoder(bigEndian: encoding == .utf16BE)
            var converted: [UInt8] = []
            prefix.withUnsafeBufferPointer { buffer in
                utf16.transcode(UnsafeBufferPointer(rebasing: buffer[prefixOffset...]), into: &converted, final: false)
            }
            transcoder = utf16
            prefix = converted
            prefixOffset = 0
            assembler.pointee.fieldEncoding = .fixed(encoding)
        } else if encoding == .utf8 && encodingSource != .option {
            let endOfInput = prefix.count < max(options.chunkSize, 1 << 16)
            let bad = prefix.withUnsafeBufferPointer { buffer in
                UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: buffer[prefixOffset...]), allowTruncatedEnd: !endOfInput)
            }
            if let bad {
                // Count lines by the byte that ends them in this file, as the parser does later:
                // CR in a file with old Mac line endings, LF otherwise.
                let lineByte: UInt8 = prefix.withUnsafeBufferPointer {
                    DialectSniffer.lineEnding(in: UnsafeBufferPointer(rebasing: $0[prefixOffset...]))
                } == .cr ? 0x0D : 0x0A
                let line = prefix.withUnsafeBufferPointer { buffer in
                    1 + ByteCounting.count(lineByte, in: UnsafeBufferPointer(rebasing: buffer[prefixOffset..<prefixOffset + bad]))
                }
                // One decision for the file: bytes that are not UTF-8 make all of it Windows-1252,
                // also the parts that happen to be valid UTF-8 (in a Windows-1252 file `Ã¶` is
                // itself mojibake, which then stays visible and is reported).
                encoding = .windows1252
                encodingSource = .fallback
                assembler.pointee.fieldEncoding = .fixed(.windows1252)
                assembler.pointee.suppressEncodingWarnings()
                prefixWarnings.append(CSVIssue(
                    kind: .encodingFallback, line: line,
                    message: "the file is not valid UTF-8 (first bad byte on line \(line)); it was read as Windows-1252",
                    hint: "save the file as \"CSV UTF-8\", or pass --encoding to choose the encoding"))
            } else {
                assembler.pointee.fieldEncoding = .utf8WithFallback
                if encodingSource == .default { encodingSource = .detected }
            }
        } else if encoding == .utf8 {
            assembler.pointee.fieldEncoding = .utf8Strict
        } else {
            assembler.pointee.fieldEncoding = .fixed(encoding)
        }

        var delimiter = options.delimiter ?? UInt8(ascii: ",")
        var delimiterSource: CSVDialect.Source = options.delimiter == nil ? .default : .option
        var hasSeparatorLine = false
        prefix.withUnsafeBufferPointer { whole in
            let buffer = UnsafeBufferPointer(rebasing: whole[prefixOffset...])
            if let line = DialectSniffer.separatorLine(in: buffer) {
                hasSeparatorLine = true
                prefixOffset += line.length
                assembler.pointee.firstLine = 2
                if options.delimiter == nil {
                    delimiter = line.delimiter
                    delimiterSource = .separatorLine
                }
            }
        }
        let lineEnding = prefix.withUnsafeBufferPointer { DialectSniffer.lineEnding(in: UnsafeBufferPointer(rebasing: $0[prefixOffset...])) }
        if delimiterSource == .default,
           let sniffed = prefix.withUnsafeBufferPointer({ DialectSniffer.delimiter(in: UnsafeBufferPointer(rebasing: $0[prefixOffset...])) }) {
            delimiter = sniffed
            delimiterSource = .detected
        }
        dialect = CSVDialect(
            delimiter: delimiter, encoding: encoding, hasByteOrderMark: hasBOM, hasSeparatorLine: hasSeparatorLine,
            lineEnding: lineEnding, delimiterSource: delimiterSource, encodingSource: encodingSource)
        csv_set_delim(parser, delimiter)
        assembler.pointee.lineByte = lineEnding == .cr ? 0x0D : 0x0A
        assembler.pointee.maxFieldBytes = options.maxFieldBytes
        assembler.pointee.maxFieldsPerRecord = options.maxFieldsPerRecord
    }

    // MARK: - Parsing

    private func feedNextChunk() throws {
        if prefixOffset < prefix.count {
            let start = prefixOffset
            prefixOffset = prefix.count
            try prefix.withUnsafeBufferPointer { buffer in
                try parse(UnsafeBufferPointer(rebasing: buffer[start...]))
            }
            prefix = []
            prefixOffset = 0
            return
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(chunk))
        if var utf16 = transcoder {
            transcoded.removeAll(keepingCapacity: true)
            utf16.transcode(UnsafeBufferPointer(rebasing: chunk[0..<count]),
                            into: &transcoded, final: count == 0)
            transcoder = utf16
            if !transcoded.isEmpty {
                try transcoded.withUnsafeBufferPointer { try parse($0) }
            }
            if count == 0 {
                if utf16.replacements > 0 {
                    prefixWarnings.append(CSVIssue(
                        kind: .invalidEncoding, line: 1,
                        message: "\(utf16.replacements) invalid UTF-16 code unit(s) were replaced with U+FFFD"))
                }
                finish()
            }
            return
        }
        if count == 0 {
            finish()
            return
        }
        try parse(UnsafeBufferPointer(rebasing: chunk[0..<count]))
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard case .reading = phase, let base = bytes.baseAddress, bytes.count > 0 else { return }
        retain(bytes)
        defer { if case .failed = phase, failedRecordLine == 0 { failedRecordLine = assembler.pointee.pendingRecordLine } }
        let nul = ByteCounting.firstIndex(of: 0, in: bytes)
        let length = nul ?? bytes.count
        let consumed = csv_parse(parser, base, length, libcsvFieldCallback, libcsvRecordCallback, assembler)
        let lineByte = assembler.pointee.lineByte
        func line(at offset: Int) -> Int {
            assembler.pointee.firstLine + linesFed + ByteCounting.count(lineByte, in: UnsafeBufferPointer(rebasing: bytes[0..<offset]))
        }
        if let failure = assembler.pointee.failure {
            phase = .failed(failure)
            return
        }
        if consumed < length {
            let error = csv_error(parser)
            let at = line(at: consumed)
            if error == CSV_ENOMEM || error == CSV_ETOOBIG {
                phase = .failed(CSVIssue(kind: .outOfMemory, line: at, record: assembler.pointee.recordCount + 1,
                                         message: "libcsv ran out of memory for a field"))
            } else {
                phase = .failed(CSVIssue(
                    kind: .strayQuote, line: at, record: assembler.pointee.recordCount + 1,
                    message: "a quote in the middle of a field, or text after a closing quote",
                    hint: "inside a quoted field write a quote as two quotes (\"\"); a field that holds a quote must be quoted as a whole"))
            }
            return
        }
        let pending = parser.pointee.entry_pos
        if pending > options.maxFieldBytes {
            phase = .failed(CSVIssue(
                kind: .fieldTooLarge, line: assembler.pointee.currentLine, record: assembler.pointee.recordCount + 1,
                message: "a field starting here is larger than the limit of \(options.maxFieldBytes) bytes",
                hint: parser.pointee.quoted != 0
                    ? "the field is quoted: a quote that was never closed makes one huge field; otherwise raise the limit with --max-field-size"
                    : "raise the limit with --max-field-size"))
            return
        }
        if let nul {
            phase = .failed(CSVIssue(
                kind: .nulByte, line: line(at: nul), record: assembler.pointee.recordCount + 1,
                message: "a NUL byte; this looks like a binary file, or UTF-16 read with the wrong encoding",
                hint: "pass --encoding utf-16le if the file is Excel \"Unicode text\""))
            return
        }
        linesFed += ByteCounting.count(lineByte, in: bytes)
        lastByteFed = bytes[bytes.count - 1]
    }

    /// Ends the read at `record`, one past the limit on records.
    @inline(never)
    private func failTooManyRecords(at record: CSVRecord) -> CSVIssue {
        let issue = CSVIssue(
            kind: .tooManyRecords, line: record.line, record: record.number,
            message: "the input has more than \(options.maxRecords) records (the header included)",
            hint: "split the file, or raise the limit with --max-rows")
        assembler.pointee.completed.removeAll()
        queueHead = 0
        phase = .failed(issue)
        failedRecordLine = record.line
        return issue
    }

    /// Keeps `bytes` (about to be parsed) after the lines of the record not yet complete, dropping
    /// the lines before it: every record that starts there was handed out before this chunk.
    private func retain(_ bytes: UnsafeBufferPointer<UInt8>) {
        dropRetainedLines(before: assembler.pointee.pendingRecordLine)
        retained.append(contentsOf: bytes)
    }

    /// Drops the retained lines before `line`.
    private func dropRetainedLines(before line: Int) {
        var skip = line - retainedLine
        guard skip > 0 else { return }
        let lineByte = assembler.pointee.lineByte
        let cut: Int = retained.withUnsafeBufferPointer { buffer in
            var offset = 0
            while skip > 0, offset < buffer.count,
                  let found = ByteCounting.firstIndex(of: lineByte, in: UnsafeBufferPointer(rebasing: buffer[offset...])) {
                offset += found + 1
                skip -= 1
            }
            return skip > 0 ? buffer.count : offset
        }
        retained.removeFirst(cut)
        retainedLine = line
    }

    /// What a problem left unread, once ``next()`` threw a ``CSVIssue`` for it (`nil` before that,
    /// or after a read to the end): the record it stopped in and the rest of the input, counted in
    /// physical lines, with their bytes when `keepingBytes` (the source is read to its end either way).
    ///
    /// - Throws: ``ByteSourceError`` when the rest of the source cannot be read.
    public func unreadRest(keepingBytes: Bool) throws(ByteSourceError) -> UnreadRest? {
        guard case .failed = phase, failedRecordLine > 0 else { return nil }
        dropRetainedLines(before: failedRecordLine)
        let lineByte = assembler.pointee.lineByte
        var lines = retained.withUnsafeBufferPointer { ByteCounting.count(lineByte, in: $0) }
        var last = retained.last
        var bytes = keepingBytes ? retained : []
        if !keepingBytes { retained = [] }
        func take(_ part: UnsafeBufferPointer<UInt8>) {
            guard !part.isEmpty else { return }
            lines += ByteCounting.count(lineByte, in: part)
            last = part[part.count - 1]
            if keepingBytes { bytes.append(contentsOf: part) }
        }
        if prefixOffset < prefix.count {
            prefix.withUnsafeBufferPointer { take(UnsafeBufferPointer(rebasing: $0[prefixOffset...])) }
        }
        while true {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(chunk))
            if var utf16 = transcoder {
                transcoded.removeAll(keepingCapacity: true)
                utf16.transcode(UnsafeBufferPointer(rebasing: chunk[0..<count]), into: &transcoded, final: count == 0)
                transcoder = utf16
                transcoded.withUnsafeBufferPointer { take($0) }
            } else {
                take(UnsafeBufferPointer(rebasing: chunk[0..<count]))
            }
            if count == 0 { break }
        }
        if let last, last != lineByte { lines += 1 }
        return UnreadRest(line: failedRecordLine, lineCount: lines, bytes: bytes)
    }

    private func finish() {
        guard case .reading = phase else { return }
        let openQuoteLine = assembler.pointee.currentLine
        let status = csv_fini(parser, libcsvFieldCallback, libcsvRecordCallback, assembler)
        endsWithoutLineBreak = lastByteFed != 0x0A && lastByteFed != 0x0D
        defer { if case .failed = phase { failedRecordLine = assembler.pointee.pendingRecordLine } }
        if let failure = assembler.pointee.failure {
            phase = .failed(failure)
        } else if status != 0 {
            phase = .failed(CSVIssue(
                kind: .unclosedQuote, line: openQuoteLine, record: assembler.pointee.recordCount + 1,
                message: "a quoted field that starts here is never closed",
                hint: "add the closing quote; a quote inside a quoted field is written as two quotes (\"\")"))
        } else {
            phase = .finished
        }
    }
}
