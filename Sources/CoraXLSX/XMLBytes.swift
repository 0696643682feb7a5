/// The bytes of one XML part as it is built: text appended as UTF-8, with the escapes of XML and of
/// OOXML done here, once. A sheet of a million rows is one growing byte array, never a string
/// concatenated per cell.
struct XMLBytes {
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `markup` as it is (element names, attributes cora writes, no user text).
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends ASCII text cora made itself (cell references, numbers checked to be plain decimals).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends bytes cora made itself.
    mutating func raw(_ ascii: [UInt8]) {
        bytes.append(contentsOf: ascii)
    }

    /// Appends `value` in decimal.
    mutating func decimal(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            decimal(-value)
            return
        }
        if value < 10 {
            bytes.append(UInt8(48 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Appends `text` as XML character data or as an attribute value (quotes escaped too). The
    /// characters XML 1.0 cannot hold are left out: for element text that must keep them, use
    /// ``cellText(_:)``.
    mutating func text(_ text: String) {
        let start = bytes.count
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case UInt8(ascii: ">"): raw("&gt;")
            case UInt8(ascii: "\""): raw("&quot;")
            case 0x09, 0x0A: bytes.append(byte)
            case 0x0D: raw("&#13;")
            case ..<0x20: continue
            default: bytes.append(byte)
            }
        }
        removeNoncharacters(from: start)
    }

    /// Appends `text` as the content of a shared string's `<t>`, in the OOXML escapes that Excel
    /// reads back as the same text: a character XML 1.0 cannot hold (a control character other
    /// than tab and line feed, U+FFFE, U+FFFF) as `_xHHHH_`, a carriage return as `_x000D_` (an XML
    /// parser would turn a bare one into a line feed), and an underscore that starts what reads as
    /// such an escape as `_x005F_`.
    mutating func cellText(_ text: String) {
        var text = text
        text.withUTF8 { input in
            if !input.contains(where: Self.mayNeedEscape) {
                bytes.append(contentsOf: input)
                return
            }
            let count = input.count
            var index = 0
            while index < count {
                let byte = input[index]
                switch byte {
                case UInt8(ascii: "&"): raw("&amp;")
                case UInt8(ascii: "<"): raw("&lt;")
                case UInt8(ascii: ">"): raw("&gt;")
                case UInt8(ascii: "_"):
                    if Self.startsEscape(input, at: index) { raw("_x005F_") } else { bytes.append(byte) }
                case 0x09, 0x0A: bytes.append(byte)
                case ..<0x20: escape(UInt32(byte))
                case 0xEF where index + 2 < count && input[index + 1] == 0xBF && input[index + 2] >= 0xBE:
                    escape(input[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
    }

    /// Whether `byte` may need an escape in cell text (the slow path looks closer).
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "_") || byte == 0xEF
    }

    /// Appends `_xHHHH_` for `scalar`.
    private mutating func escape(_ scalar: UInt32) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        raw("_x")
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex[Int((scalar >> UInt32(shift)) & 0xF)])
        }
        bytes.append(UInt8(ascii: "_"))
    }

    /// Whether `_xHHHH_` (four hex digits, either case) starts at `index`.
    private static func startsEscape(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < input.count, input[index + 1] == UInt8(ascii: "x") || input[index + 1] == UInt8(ascii: "X"),
              input[index + 6] == UInt8(ascii: "_") else { return false }
        for offset in 2...5 {
            switch input[index + offset] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): continue
            default: return false
            }
        }
        return true
    }

    /// Removes U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF`) from the bytes from `start` on.
    private mutating func removeNoncharacters(from start: Int) {
        guard bytes[start...].contains(0xEF) else { return }
        var kept: [UInt8] = []
        var index = start
        while index < bytes.count {
            if bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                index += 3
                continue
            }
            kept.append(bytes[index])
            index += 1
        }
        bytes.replaceSubrange(start..., with: kept)
    }
}
