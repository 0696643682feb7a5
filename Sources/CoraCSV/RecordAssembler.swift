import CLibCSV

/// The state that libcsv's callbacks build records in.
///
/// It lives behind a pointer handed to libcsv as its `void *` context, so the callbacks mutate it
/// without Swift's dynamic exclusivity checks (which cost about a quarter of the parse time on a
/// class). Only ``CSVReader`` touches it.
struct RecordAssembler {
    /// Where the fields of the records of the current chunk go.
    private var storage = RecordStorage()
    /// Where the record being built starts in ``storage``: its first byte and its first end offset.
    private var recordByteStart = 0
    private var recordEndStart = 0
    /// The number of fields of the record being built.
    private var fieldCount = 0
    /// The line on which the record being built starts.
    var recordLine = 0
    /// Line breaks seen so far by the callbacks: record terminators, and breaks inside the fields of
    /// completed records (counted once per record, which is cheaper than once per field).
    var lineBreaks = 0
    /// The number of the first line fed to libcsv (2 when a `sep=` line was skipped).
    var firstLine = 1
    /// The byte that ends a line: LF, or CR in files with old Mac line endings.
    var lineByte: UInt8 = 0x0A
    /// Records completed so far.
    var recordCount = 0
    /// Records completed in the current chunk, waiting to be handed out.
    var completed: [CSVRecord] = []
    /// Whether a storage no record refers to any more is used again for the next chunk. Off when
    /// records are handed to another thread: whether it still holds one cannot be asked safely.
    var reusesStorage = true
    /// Limits from the options.
    var maxFieldBytes = CSVReadOptions.defaultMaxFieldBytes
    var maxFieldsPerRecord = CSVReadOptions.defaultMaxFieldsPerRecord
    /// How field bytes are to be decoded.
    var fieldEncoding: FieldEncoding = .utf8WithFallback
    /// The first problem that ends the read; once set, the callbacks ignore everything.
    var failure: CSVIssue? {
        didSet { failed = failure != nil }
    }
    /// Whether ``failure`` is set (checked on every field, so kept as a plain flag).
    private(set) var failed = false
    /// Warnings about the encoding of single records.
    var warnings: [CSVIssue] = []
    private var encodingWarningGiven = false

    /// How the bytes of a record become text.
    enum FieldEncoding {
        /// UTF-8; a record that is not valid UTF-8 is read as Windows-1252, with a warning.
        case utf8WithFallback
        /// UTF-8 by request; invalid bytes become U+FFFD, with a warning.
        case utf8Strict
        /// A single-byte encoding, or UTF-16 already transcoded to UTF-8.
        case fixed(CSVEncoding)
    }

    /// The line on which the record not completed yet starts (the next line when none has begun).
    var pendingRecordLine: Int { fieldCount > 0 ? recordLine : firstLine + lineBreaks }

    /// The line a field starting now would be on: after the completed records and the fields of the
    /// record being built. Used for messages only, so it may count.
    var currentLine: Int {
        firstLine + lineBreaks + ByteCounting.count(lineByte, in: UnsafeBufferPointer(rebasing: storage.bytes.buffer[recordByteStart...]))
    }

    /// Called by libcsv for every field: the hot path, kept small (the rare failures are out of line).
    mutating func addField(_ pointer: UnsafeMutableRawPointer?, _ length: Int) {
        guard !failed else { return }
        if fieldCount == 0 { recordLine = firstLine + lineBreaks }
        if length > maxFieldBytes || fieldCount >= maxFieldsPerRecord {
            failLimit(fieldLength: length)
            return
        }
        if length > 0, let pointer {
            storage.bytes.appendBytes(pointer.assumingMemoryBound(to: UInt8.self), count: length)
        }
        storage.ends.append(storage.bytes.count)
        fieldCount += 1
    }

    /// Records that a field broke the size limit or the record has too many fields.
    @inline(never)
    private mutating func failLimit(fieldLength length: Int) {
        if length > maxFieldBytes {
            failure = CSVIssue(
                kind: .fieldTooLarge, line: currentLine, record: recordCount + 1,
                message: "a field of \(length) bytes is larger than the limit of \(maxFieldBytes) bytes",
                hint: "a quote that was never closed makes one huge field; otherwise raise the limit with --max-field-size")
        } else {
            failure = CSVIssue(
                kind: .tooManyFields, line: recordLine, record: recordCount + 1,
                message: "the record has more than \(maxFieldsPerRecord) fields",
                hint: "check the delimiter, or raise the limit with --max-fields")
        }
    }

    mutating func endRecord(_ terminator: Int32) {
        guard !failed else { return }
        if terminator == Int32(lineByte) { lineBreaks += 1 }
        // A terminator without fields is a blank line (or the LF of a CRLF): counted, not a record.
        guard fieldCount > 0 else { return }
        recordCount += 1
        // Line breaks inside the record's (quoted) fields, all at once.
        lineBreaks += ByteCounting.count(lineByte, in: UnsafeBufferPointer(rebasing: storage.bytes.buffer[recordByteStart...]))
        let encoding = encodingOfCurrentRecord()
        completed.append(CSVRecord(
            storage: storage, byteStart: recordByteStart, endStart: recordEndStart, count: fieldCount,
            line: recordLine, number: recordCount, encoding: encoding))
        recordByteStart = storage.bytes.count
        recordEndStart = storage.ends.count
        fieldCount = 0
    }

    /// Gets the storage ready for the next chunk, once every completed record was handed out: reuses
    /// it when no record refers to it any more, and otherwise starts a new one. The unfinished
    /// record moves along.
    mutating func prepareForNextChunk() {
        guard recordEndStart > 0 || recordByteStart > 0 else { return }
        if reusesStorage && isKnownUniquelyReferenced(&storage) {
            storage.keepOnly(fromByte: recordByteStart, fromEnd: recordEndStart)
        } else {
            storage = RecordStorage(unfinishedRecordOf: storage, fromByte: recordByteStart, fromEnd: recordEndStart)
        }
        recordByteStart = 0
        recordEndStart = 0
    }

    private mutating func encodingOfCurrentRecord() -> CSVEncoding {
        switch fieldEncoding {
        case .fixed(let encoding):
            return encoding.isTranscodedBeforeParsing ? .utf8 : encoding
        case .utf8WithFallback, .utf8Strict:
            let valid = UTF8Validation.isValid(UnsafeBufferPointer(rebasing: storage.bytes.buffer[recordByteStart...]))
            if valid { return .utf8 }
            if case .utf8Strict = fieldEncoding {
                noteEncodingProblem(kind: .invalidEncoding,
                                    message: "bytes that are not valid UTF-8; they were replaced with U+FFFD",
                                    hint: "leave out --encoding to read such bytes as Windows-1252")
                return .utf8
            }
            noteEncodingProblem(kind: .encodingFallback,
                                message: "bytes that are not valid UTF-8; this record was read as Windows-1252",
                                hint: "save the file as \"CSV UTF-8\", or pass --encoding windows-1252")
            return .windows1252
        }
    }

    private mutating func noteEncodingProblem(kind: CSVIssue.Kind, message: String, hint: String) {
        guard !encodingWarningGiven else { return }
        encodingWarningGiven = true
        warnings.append(CSVIssue(kind: kind, line: recordLine, record: recordCount, message: message, hint: hint))
    }

    /// Marks that an encoding warning was already given for the file as a whole.
    mutating func suppressEncodingWarnings() { encodingWarningGiven = true }
}

/// libcsv's field callback (`cb1`): a C function pointer cannot capture, so the state comes in
/// through the context pointer.
func libcsvFieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context?.assumingMemoryBound(to: RecordAssembler.self).pointee.addField(field, length)
}

/// libcsv's end-of-record callback (`cb2`); `terminator` is CR, LF, or -1 at the end of the input.
func libcsvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context?.assumingMemoryBound(to: RecordAssembler.self).pointee.endRecord(terminator)
}

/// libcsv's space test: nothing counts as a space, so whitespace inside fields is kept (RFC 4180).
func libcsvKeepSpaces(_ byte: UInt8) -> Int32 { 0 }
