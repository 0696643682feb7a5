import CoraCSV

/// Writes rejected rows back exactly as they were read: the same delimiter, line ending, byte
/// order mark, `sep=` line and encoding as the input, the header first, then the rows in input
/// order, so they can be fixed and fed back. When malformed input ended the read, the lines it left
/// unread follow as they were, byte for byte: nothing of the input is lost.
///
/// For spreadsheets (``forSpreadsheets``) the cells are protected as `excel-csv`'s are
/// (``FormulaProtection``: a `'` before what a spreadsheet would run as a formula, quotes around
/// every `,` and `;`): asked for when the run writes `excel-csv`, and always for the rejects of an
/// `excel-csv` input, whose `'` were taken off when it was read. The unread lines, which could
/// not be parsed into cells, then get a `'` before every part of them that starts a formula.
/// The rejects of an `excel-csv` input (``keepsCodesAsText``) also get back the `="…"` around
/// codes that a spreadsheet would turn into numbers or dates (``TextProtection``).
public struct RejectsRenderer: Sendable {
    /// Whether the rows are protected for opening in a spreadsheet.
    public var forSpreadsheets: Bool
    /// Whether codes such as `1.1` are written as `="1.1"`, as `excel-csv` writes them: for the
    /// rejects of an `excel-csv` input, whose `="…"` were taken off when it was read.
    public var keepsCodesAsText: Bool

    /// Creates a renderer.
    public init(forSpreadsheets: Bool = false, keepsCodesAsText: Bool = false) {
        self.forSpreadsheets = forSpreadsheets
        self.keepsCodesAsText = keepsCodesAsText
    }

    /// The rejects file for one input: its header (none when the read stopped in the header), the
    /// rejected records, then the bytes of `unread`.
    public func render(header: [String]?, records: [CSVRecord], dialect: CSVDialect, unread: UnreadRest? = nil) -> [UInt8] {
        let options = CSVWriteOptions(
            delimiter: dialect.delimiter, lineEnding: dialect.lineEnding == .crlf ? .crlf : .lf,
            byteOrderMark: false, quoting: .minimal, formulaProtection: forSpreadsheets, textProtection: keepsCodesAsText)
        var writer = CSVWriter(options: options)
        var utf8: [UInt8] = []
        if dialect.hasSeparatorLine {
            utf8 += Array("sep=\(String(UnicodeScalar(dialect.delimiter)))".utf8) + (options.lineEnding == .crlf ? [0x0D, 0x0A] : [0x0A])
        }
        if let header { writer.write(header) }
        for record in records.sorted(by: { $0.line < $1.line }) { writer.write(record.fields) }
        utf8 += writer.takeOutput()
        // The unread lines are in the input's bytes already, except UTF-16, which the reader turned
        // into UTF-8 (and which the encoding below turns back).
        // For spreadsheets, they get the same protection, part by part, as they cannot be cells.
        let rest = unread.map { forSpreadsheets ? FormulaProtection.protect(bytes: $0.bytes) : $0.bytes }
        if let rest, dialect.encoding.isTranscodedBeforeParsing { utf8 += rest }
        let bom = dialect.hasByteOrderMark ? CSVTextEncoder.byteOrderMark(for: dialect.encoding) : []
        let encoded = bom + CSVTextEncoder.encode(utf8, as: dialect.encoding)
        if let rest, !dialect.encoding.isTranscodedBeforeParsing { return encoded + rest }
        return encoded
    }

    /// The rejects file of each of `inputs` when they share one `--rejects` path: with one input the
    /// path itself; with several, `rejects.csv` becomes `rejects-INPUTNAME.csv`, and a name that two
    /// inputs share (`a/inv.csv`, `b/inv.csv`) is numbered (`rejects-inv.csv`, `rejects-inv-2.csv`),
    /// so that no rejects file overwrites another.
    public static func paths(_ path: String, for inputs: [String]) -> [String] {
        guard inputs.count > 1 else { return inputs.map { _ in path } }
        var used = Set<[UInt8]>()
        return inputs.map { input in
            let base = input.split(separator: "/").last.map(String.init) ?? input
            let stem = base.contains(".") ? String(base[..<base.lastIndex(of: ".")!]) : base
            var candidate = Self.path(path, stem: stem)
            var number = 2
            while !used.insert(Array(candidate.lowercased().utf8)).inserted {
                candidate = Self.path(path, stem: "\(stem)-\(number)")
                number += 1
            }
            return candidate
        }
    }

    /// `path` with `-stem` before its extension.
    private static func path(_ path: String, stem: String) -> String {
        if let dot = path.lastIndex(of: "."), !path[dot...].contains("/") {
            return String(path[..<dot]) + "-" + stem + String(path[dot...])
        }
        return path + "-" + stem
    }
}
