/// The bytes of one Archi CSV file, prepared so that the CSV reader sees what Archi's importer sees.
///
/// Archi reads its files with Apache Commons CSV (`CSVFormat.DEFAULT` with `#` as comment marker
/// since Archi 5.8), which differs from RFC 4180 in two ways that real files rely on:
///
/// - a line that starts with `#` (outside a quoted field) is a comment and is skipped;
/// - whitespace between a closing quote and the next delimiter or line end is ignored
///   (`"This has an Identifier" ,""` is the two fields `This has an Identifier` and empty).
///
/// The preparation removes comment text (keeping the line break, so that every line number stays
/// the one an editor shows) and that whitespace, and strips a UTF-8 byte order mark. It also finds
/// the delimiter the way the file's header shows it: the character after the first field, one of
/// `,` `;` or tab (Archi tries `,` first, then `;`, then tab).
struct ArchiCSVText {
    /// The prepared bytes.
    var bytes: [UInt8]
    /// The delimiter found (or given).
    var delimiter: UInt8
    /// Whether the file started with a UTF-8 byte order mark.
    var hadByteOrderMark: Bool
    /// The number of comment lines removed.
    var commentLines: Int

    private static let quote = UInt8(ascii: "\"")
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A
    private static let hash = UInt8(ascii: "#")
    static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]

    /// Prepares `input`; `delimiter` overrides the one found in the header.
    init(_ input: [UInt8], delimiter given: UInt8? = nil) {
        var start = 0
        hadByteOrderMark = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        if hadByteOrderMark { start = 3 }
        // UTF-16 (a byte order mark FF FE or FE FF): left to the reader, which transcodes it.
        if input.count >= 2 && ((input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF)) {
            bytes = input
            delimiter = given ?? Self.candidateDelimiters[0]
            commentLines = 0
            return
        }
        let delimiter = given ?? Self.headerDelimiter(in: input, from: start)
        self.delimiter = delimiter
        var output: [UInt8] = []
        output.reserveCapacity(input.count - start)
        var comments = 0
        var index = start
        var inQuotes = false
        var atLineStart = true
        var atFieldStart = true
        let count = input.count
        while index < count {
            let byte = input[index]
            if inQuotes {
                output.append(byte)
                index += 1
                guard byte == Self.quote else { continue }
                if index < count && input[index] == Self.quote {
                    output.append(Self.quote)
                    index += 1
                    continue
                }
                inQuotes = false
                atFieldStart = false
                // Whitespace after the closing quote, up to a delimiter or the end of the line, is dropped.
                var next = index
                while next < count, Self.isIgnorableSpace(input[next], delimiter: delimiter) { next += 1 }
                if next == count || input[next] == delimiter || input[next] == Self.cr || input[next] == Self.lf {
                    index = next
                }
                continue
            }
            if atLineStart && byte == Self.hash {
                while index < count && input[index] != Self.cr && input[index] != Self.lf { index += 1 }
                comments += 1
                continue
            }
            output.append(byte)
            index += 1
            if byte == Self.cr || byte == Self.lf {
                atLineStart = true
                atFieldStart = true
            } else if byte == delimiter {
                atLineStart = false
                atFieldStart = true
            } else {
                if byte == Self.quote && atFieldStart { inQuotes = true }
                atLineStart = false
                atFieldStart = false
            }
        }
        bytes = output
        commentLines = comments
    }

    /// Space, form feed, vertical tab, and tab unless tab is the delimiter.
    private static func isIgnorableSpace(_ byte: UInt8, delimiter: UInt8) -> Bool {
        byte != delimiter && (byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C)
    }

    /// The delimiter after the first field of the first line that is neither blank nor a comment;
    /// `,` when there is none.
    static func headerDelimiter(in input: [UInt8], from start: Int) -> UInt8 {
        var index = start
        let count = input.count
        // Skip blank lines and comment lines.
        while index < count {
            if input[index] == cr || input[index] == lf {
                index += 1
            } else if input[index] == hash {
                while index < count && input[index] != cr && input[index] != lf { index += 1 }
            } else {
                break
            }
        }
        guard index < count else { return candidateDelimiters[0] }
        if input[index] == quote {
            index += 1
            while index < count {
                if input[index] == quote {
                    if index + 1 < count && input[index + 1] == quote {
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                index += 1
            }
            while index < count && (input[index] == 0x20 || input[index] == 0x0B || input[index] == 0x0C) { index += 1 }
            if index < count && candidateDelimiters.contains(input[index]) { return input[index] }
            return candidateDelimiters[0]
        }
        while index < count && input[index] != cr && input[index] != lf {
            if candidateDelimiters.contains(input[index]) { return input[index] }
            index += 1
        }
        return candidateDelimiters[0]
    }
}
