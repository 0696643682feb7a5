/// Finds the dialect of a file from its first bytes: byte order mark, UTF-16 without one, Excel's
/// `sep=` line, the line ending and the delimiter.
public enum DialectSniffer {
    /// The delimiters the sniffer chooses among, in order of preference when the evidence is equal.
    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// How many lines the delimiter sniffer looks at.
    public static let sniffedLines = 50

    /// The encoding announced by a byte order mark at the start of `bytes`, and the mark's length.
    public static func byteOrderMark(in bytes: UnsafeBufferPointer<UInt8>) -> (encoding: CSVEncoding, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LE, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    /// UTF-16 recognised by its zero bytes when a file has no byte order mark: text in Western
    /// languages has a zero in every other byte.
    public static func utf16WithoutByteOrderMark(in bytes: UnsafeBufferPointer<UInt8>) -> CSVEncoding? {
        let pairs = min(bytes.count, 4096) / 2
        guard pairs >= 2 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for pair in 0..<pairs {
            if bytes[2 * pair] == 0 { evenZeros += 1 }
            if bytes[2 * pair + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros * 10 >= pairs * 4 && evenZeros * 20 < pairs { return .utf16LE }
        if evenZeros * 10 >= pairs * 4 && oddZeros * 20 < pairs { return .utf16BE }
        return nil
    }

    /// Excel's `sep=X` first line (also written `"sep=X"`): the delimiter it names and the number of
    /// bytes of the line, including its line ending.
    public static func separatorLine(in bytes: UnsafeBufferPointer<UInt8>) -> (delimiter: UInt8, length: Int)? {
        var index = 0
        let quoted = bytes.count > 0 && bytes[0] == UInt8(ascii: "\"")
        if quoted { index = 1 }
        let word: [UInt8] = Array("sep=".utf8)
        guard bytes.count >= index + word.count + 1 else { return nil }
        for (offset, expected) in word.enumerated() {
            var byte = bytes[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != expected { return nil }
        }
        index += word.count
        let delimiter = bytes[index]
        guard delimiter != 0x0A, delimiter != 0x0D, delimiter != UInt8(ascii: "\"") else { return nil }
        index += 1
        if quoted {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
        }
        if index == bytes.count { return (delimiter, index) }
        switch bytes[index] {
        case 0x0D:
            index += 1
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        case 0x0A:
            index += 1
        default:
            return nil
        }
        return (delimiter, index)
    }

    /// The line ending that occurs most often in `bytes` (CRLF, LF or CR), or `.none` for none.
    ///
    /// Line breaks inside quoted fields are data, not line endings, so only those outside quotes
    /// count: otherwise a CRLF file whose cells hold lone CRs would be taken for an old Mac file and
    /// every line number after them would be wrong. Only when there is no line break outside quotes
    /// at all (one long quoted field, say) are the ones inside counted.
    public static func lineEnding(in bytes: UnsafeBufferPointer<UInt8>) -> CSVDialect.LineEnding {
        let outside = countLineEndings(in: bytes, outsideQuotesOnly: true)
        let counts = outside.crlf + outside.lf + outside.cr > 0 ? outside : countLineEndings(in: bytes, outsideQuotesOnly: false)
        let (crlf, lf, cr) = counts
        if crlf == 0 && lf == 0 && cr == 0 { return .none }
        if crlf >= lf && crlf >= cr { return .crlf }
        return lf >= cr ? .lf : .cr
    }

    /// Counts CRLF pairs, lone LFs and lone CRs; with `outsideQuotesOnly`, skips those inside quotes
    /// (a quote toggles, so a doubled quote inside a quoted field leaves it quoted).
    private static func countLineEndings(in bytes: UnsafeBufferPointer<UInt8>, outsideQuotesOnly: Bool) -> (crlf: Int, lf: Int, cr: Int) {
        var crlf = 0, lf = 0, cr = 0
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") && outsideQuotesOnly {
                inQuotes.toggle()
            } else if inQuotes {
                // Data inside a quoted field.
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    crlf += 1
                    index += 1
                } else {
                    cr += 1
                }
            } else if byte == 0x0A {
                lf += 1
            }
            index += 1
        }
        return (crlf, lf, cr)
    }

    /// The delimiter that splits the first lines of `bytes` most consistently, counting only outside
    /// quotes; `nil` when no candidate occurs at all.
    ///
    /// For each candidate the sniffer counts its occurrences per line and takes the most common count
    /// (the mode). A candidate scores by how many lines share that mode, and only when the mode is at
    /// least one. The highest score wins; on a tie, the larger mode, then the order of
    /// ``candidateDelimiters``.
    public static func delimiter(in bytes: UnsafeBufferPointer<UInt8>, candidates: [UInt8] = candidateDelimiters) -> UInt8? {
        var countsPerLine: [[Int]] = []
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lineHasContent = false
        var index = 0
        while index < bytes.count && countsPerLine.count < sniffedLines {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                lineHasContent = true
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                if lineHasContent { countsPerLine.append(current) }
                current = [Int](repeating: 0, count: candidates.count)
                lineHasContent = false
            } else {
                lineHasContent = true
                if !inQuotes, let position = candidates.firstIndex(of: byte) {
                    current[position] += 1
                }
            }
            index += 1
        }
        // The last line counts only when the input ended there (not cut off by the prefix).
        if lineHasContent && !inQuotes && (countsPerLine.isEmpty || index == bytes.count) {
            countsPerLine.append(current)
        }
        guard !countsPerLine.isEmpty else { return nil }

        var best: (candidate: UInt8, score: Int, mode: Int)?
        for (position, candidate) in candidates.enumerated() {
            var frequency: [Int: Int] = [:]
            for line in countsPerLine { frequency[line[position], default: 0] += 1 }
            // The mode among non-zero counts: a header line plus data lines agree on it.
            guard let (mode, lines) = frequency.filter({ $0.key > 0 }).max(by: { a, b in
                a.value != b.value ? a.value < b.value : a.key < b.key
            }) else { continue }
            if let current = best, lines < current.score || (lines == current.score && mode <= current.mode) {
                continue
            }
            best = (candidate, lines, mode)
        }
        return best?.candidate
    }
}
