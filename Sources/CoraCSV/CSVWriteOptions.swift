/// How the writer lays out CSV.
public struct CSVWriteOptions: Sendable, Equatable {
    /// The field delimiter.
    public var delimiter: UInt8
    /// The line ending after every record.
    public var lineEnding: LineEnding
    /// Whether the output starts with a UTF-8 byte order mark (Excel needs one to read UTF-8).
    public var byteOrderMark: Bool
    /// Which fields are quoted.
    public var quoting: Quoting
    /// Whether the output is made safe for spreadsheets in either locale (``FormulaProtection``):
    /// a `'` before every part of a cell that a spreadsheet would run as a formula, and quotes
    /// around every cell that holds `,` or `;`, whatever the delimiter.
    public var formulaProtection: Bool
    /// Whether a value that a spreadsheet would turn into a number or a date (`1.1`, `2.10`,
    /// `01-05`, `0123`) is written as `="1.1"`, which it keeps as text (``TextProtection``).
    public var textProtection: Bool

    /// Line endings the writer can produce.
    public enum LineEnding: String, Sendable, Equatable {
        /// `\n`.
        case lf
        /// `\r\n`.
        case crlf

        var bytes: [UInt8] { self == .lf ? [0x0A] : [0x0D, 0x0A] }
    }

    /// Quoting styles.
    public enum Quoting: Sendable, Equatable {
        /// Quote only what needs it: the delimiter, a quote, CR, LF, or a leading or trailing space or tab.
        case minimal
        /// Quote every field (Archi's import files).
        case all
    }

    /// Creates options; the defaults are the canonical form: `,`, LF, no BOM, minimal quoting.
    public init(delimiter: UInt8 = UInt8(ascii: ","), lineEnding: LineEnding = .lf, byteOrderMark: Bool = false,
                quoting: Quoting = .minimal, formulaProtection: Bool = false, textProtection: Bool = false) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.byteOrderMark = byteOrderMark
        self.quoting = quoting
        self.formulaProtection = formulaProtection
        self.textProtection = textProtection
    }

    /// The canonical form: `,`, LF, UTF-8 without BOM, minimal quoting.
    public static let canonical = CSVWriteOptions()

    /// The Excel profile: `;` (Dutch Excel's list separator), UTF-8 with BOM, CRLF, and formula
    /// protection: every cell that starts with `=` `+` `-` `@`, tab or CR (also after blanks, in
    /// full-width form, or after a `,` `;` or line break in the cell) gets a `'` so that Excel shows
    /// it as text instead of running it as a formula (CSV injection, CWE-1236), and every cell
    /// holding `,` or `;` is quoted, so that an Excel with either list separator reads it safely.
    /// This changes values such as `-5` into `'-5`. A value that Excel would turn into a number or
    /// a date (`1.1`, `2.10`, `01-05`, `0123`) is written as `="1.1"`, which it keeps as text
    /// (``TextProtection``).
    public static let excel = CSVWriteOptions(
        delimiter: UInt8(ascii: ";"), lineEnding: .crlf, byteOrderMark: true, quoting: .minimal, formulaProtection: true,
        textProtection: true)
}
