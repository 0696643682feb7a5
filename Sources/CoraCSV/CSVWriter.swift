import CLibCSV

/// Writes records as CSV bytes, quoting fields through libcsv.
///
/// The writer collects bytes in memory; the caller takes them with ``takeOutput()`` (and writes
/// them wherever it wants) as often as it likes, so output can stream.
///
/// ```swift
/// var writer = CSVWriter(options: .excel)
/// writer.write(["Procescode", "Procesnaam"])
/// let bytes = writer.takeOutput()
/// ```
public struct CSVWriter {
    /// The options the writer was created with.
    public let options: CSVWriteOptions
    private var output: [UInt8] = []
    private var scratch: [UInt8] = []
    private var wroteByteOrderMark = false
    private var fieldsInRecord = 0
    private var recordStart = 0
    /// How many records were written so far.
    public private(set) var recordCount = 0

    /// Creates a writer.
    public init(options: CSVWriteOptions = .canonical) {
        self.options = options
    }

    /// Appends one record.
    public mutating func write<S: Sequence>(_ fields: S) where S.Element == String {
        for field in fields { appendField(field) }
        endRecord()
    }

    /// Appends one field to the record being written (a delimiter before it when it is not the
    /// first). ``endRecord()`` ends the record. For writing cells one by one, without an array per row.
    public mutating func appendField(_ field: String) {
        beginField()
        append(field: field)
    }

    /// The delimiter before a field that is not the first of its record.
    private mutating func beginField() {
        writeByteOrderMarkOnce()
        if fieldsInRecord == 0 {
            recordStart = output.count
        } else {
            output.append(options.delimiter)
        }
        fieldsInRecord += 1
    }

    /// Appends one field given as UTF-8 bytes, as ``appendField(_:)`` does a string: for writing
    /// from a buffer without making a string per cell. Options that rewrite cells (formula and
    /// text protection) take the string path.
    public mutating func appendField(utf8 field: UnsafeBufferPointer<UInt8>) {
        if options.formulaProtection || options.textProtection {
            appendField(String(decoding: field, as: UTF8.self))
            return
        }
        beginField()
        guard options.quoting == .all || Self.needsQuotes(field, delimiter: options.delimiter) else {
            output.append(contentsOf: field)
            return
        }
        appendQuoted(field)
    }

    /// Appends `field` quoted by libcsv (its quotes doubled).
    private mutating func appendQuoted(_ field: UnsafeBufferPointer<UInt8>) {
        let needed = 2 * field.count + 2
        if scratch.count < needed { scratch = [UInt8](repeating: 0, count: needed) }
        let written = scratch.withUnsafeMutableBytes { destination in
            csv_write2(destination.baseAddress, needed, field.baseAddress, field.count, UInt8(ascii: "\""))
        }
        output.append(contentsOf: scratch[0..<written])
    }

    /// Ends the record begun with ``appendField(_:)``: the line ending.
    public mutating func endRecord() {
        writeByteOrderMarkOnce()
        // A record of one empty field would be an empty line, which readers (this one included)
        // skip as a blank line: the row would be lost. Write it as "" so that it reads back.
        if fieldsInRecord == 1 && output.count == recordStart {
            output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")])
        }
        output.append(contentsOf: options.lineEnding.bytes)
        fieldsInRecord = 0
        recordCount += 1
    }

    /// The byte order mark, before the first record, when the options ask for one.
    private mutating func writeByteOrderMarkOnce() {
        guard !wroteByteOrderMark else { return }
        if options.byteOrderMark { output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        wroteByteOrderMark = true
    }

    /// The number of bytes written and not yet taken.
    public var pendingByteCount: Int { output.count }

    /// Hands the bytes written so far to `body`, then forgets them (keeping the buffer): for
    /// writing a large document in pieces.
    public mutating func drain<E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        defer { output.removeAll(keepingCapacity: true) }
        // `withUnsafeBytes` rethrows untyped errors: the typed one is carried out in a Result.
        let outcome: Result<Void, E> = output.withUnsafeBytes { bytes in
            do throws(E) { try body(bytes); return .success(()) } catch { return .failure(error) }
        }
        try outcome.get()
    }

    public mutating func takeOutput() -> [UInt8] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// All bytes written so far, as a string (for tests and small outputs).
    public var text: String { String(decoding: output, as: UTF8.self) }

    /// Whether a cell would be taken as a formula by a spreadsheet from its start (see
    /// ``FormulaProtection``, which also looks after every `,` `;` and line break in it).
    public static func looksLikeFormula(_ field: String) -> Bool {
        FormulaProtection.startsFormula(field)
    }

    /// Whether `field` must be quoted so that a reader gives back exactly the same text.
    public static func needsQuotes(_ field: String, delimiter: UInt8) -> Bool {
        if let answer = field.utf8.withContiguousStorageIfAvailable({ needsQuotes($0, delimiter: delimiter) }) { return answer }
        return Array(field.utf8).withUnsafeBufferPointer { needsQuotes($0, delimiter: delimiter) }
    }

    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
        for byte in bytes where byte == delimiter || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            return true
        }
        return false
    }

    private mutating func append(field original: String) {
        var field = original
        var quote = options.quoting == .all
        if options.formulaProtection {
            field = FormulaProtection.protect(field)
            // Quoted when it holds either locale's list separator, whatever the delimiter.
            quote = quote || FormulaProtection.holdsSeparator(field)
        }
        // After the formula protection: a value it changed starts with ' and is text already.
        if options.textProtection { field = TextProtection.protect(field) }
        quote = quote || Self.needsQuotes(field, delimiter: options.delimiter)
        guard quote else {
            output.append(contentsOf: field.utf8)
            return
        }
        var copy = field
        copy.withUTF8 { appendQuoted($0) }
    }
}
