/// Why a workbook cannot be read (or written): a sentence for people, what kind of problem it is,
/// and where in the archive.
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: String, Sendable, Equatable {
        /// Not a zip archive, or a zip archive that is no spreadsheet (a .docx, a plain .zip).
        case notAWorkbook
        /// A password-protected workbook (an encrypted OLE container).
        case encrypted
        /// An Excel 97-2003 workbook (.xls, binary).
        case legacyExcel
        /// Over one of the ``WorkbookLimits`` (a zip bomb, a sheet over Excel's size).
        case tooLarge
        /// A broken archive or part: bad zip data, XML that does not parse, a DTD.
        case malformed
        /// The sheet asked for is not in the workbook.
        case noSuchSheet
        /// A value that a workbook cannot hold (writing: a text over 32,767 characters, a bad sheet name).
        case unwritable
    }

    /// What kind of problem.
    public var kind: Kind
    /// A sentence for people, without the file name ("the sheet XML does not parse: …").
    public var reason: String
    /// The part of the archive, such as `xl/worksheets/sheet1.xml`, when the problem is in one.
    public var part: String?
    /// The line in that part, when the XML parser names one.
    public var line: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ reason: String, part: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.reason = reason
        self.part = part
        self.line = line
    }

    public var description: String { reason }
}
