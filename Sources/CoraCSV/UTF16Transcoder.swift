/// Turns a UTF-16 byte stream into UTF-8, one chunk at a time.
///
/// A code unit or a surrogate pair may be split across chunks; the transcoder keeps the pieces until
/// the next chunk arrives. Unpaired surrogates become U+FFFD and are counted.
struct UTF16Transcoder {
    let bigEndian: Bool
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?
    /// How many unpaired surrogates were replaced with U+FFFD so far.
    private(set) var replacements = 0

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// Transcodes `bytes`, appending UTF-8 to `output`. With `final`, anything left over is flushed.
    mutating func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], final: Bool) {
        output.reserveCapacity(output.count + bytes.count + bytes.count / 2)
        var index = 0
        if let first = pendingByte, bytes.count > 0 {
            pendingByte = nil
            handle(unit: makeUnit(first, bytes[0]), into: &output)
            index = 1
        }
        while index + 1 < bytes.count {
            handle(unit: makeUnit(bytes[index], bytes[index + 1]), into: &output)
            index += 2
        }
        if index < bytes.count { pendingByte = bytes[index] }
        if final {
            if pendingHighSurrogate != nil {
                pendingHighSurrogate = nil
                appendReplacement(to: &output)
            }
            if pendingByte != nil {
                pendingByte = nil
                appendReplacement(to: &output)
            }
        }
    }

    private func makeUnit(_ a: UInt8, _ b: UInt8) -> UInt16 {
        bigEndian ? UInt16(a) << 8 | UInt16(b) : UInt16(b) << 8 | UInt16(a)
    }

    private mutating func handle(unit: UInt16, into output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                appendScalar(scalar, to: &output)
                return
            }
            appendReplacement(to: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHighSurrogate = unit
        case 0xDC00...0xDFFF: appendReplacement(to: &output)
        default: appendScalar(UInt32(unit), to: &output)
        }
    }

    private mutating func appendReplacement(to output: inout [UInt8]) {
        replacements += 1
        appendScalar(0xFFFD, to: &output)
    }

    private func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
