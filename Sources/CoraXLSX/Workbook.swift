/// An .xlsx workbook read from its bytes: the sheets it lists, and each sheet's rows one at a time.
///
/// ```swift
/// let workbook = try Workbook(bytes: bytes)
/// var rows = try workbook.rows(of: workbook.sheets[0])
/// while let row = try rows.next() { print(row.number, row.cells.map { $0?.text ?? "" }) }
/// ```
public final class Workbook: @unchecked Sendable {
    /// The sheets, in the order of their tabs.
    public let sheets: [WorkbookSheet]
    /// Whether dates count from 1904 (old Mac workbooks) instead of 1900.
    public let usesDate1904: Bool
    /// The limits the workbook is read within.
    public let limits: WorkbookLimits

    /// Opens the workbook in `bytes`: the archive, its list of sheets, shared strings and styles.
    /// An encrypted or Excel 97-2003 file, a zip that is no workbook, and one over the limits throw.
    public init(bytes: [UInt8], limits: WorkbookLimits = WorkbookLimits()) throws(WorkbookError) {
        throw WorkbookError(.malformed, "reading workbooks is not built yet")
    }

    /// The sheet that `selector` names: its name (any case), or its number (`2`).
    public func sheet(_ selector: String) -> WorkbookSheet? {
        if let exact = sheets.first(where: { $0.name == selector }) { return exact }
        if let named = sheets.first(where: { $0.name.lowercased() == selector.lowercased() }) { return named }
        if let number = Int(selector), number >= 1, number <= sheets.count { return sheets[number - 1] }
        return nil
    }

    /// The rows of `sheet`, read one at a time.
    public func rows(of sheet: WorkbookSheet) throws(WorkbookError) -> SheetRowReader {
        throw WorkbookError(.malformed, "reading workbooks is not built yet")
    }

    /// Whether `prefix` (a file's first bytes) starts like a zip archive (`PK\u{3}\u{4}`).
    public static func startsAsZip(_ prefix: some Collection<UInt8>) -> Bool {
        prefix.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// Whether `prefix` starts like an OLE compound file: an Excel 97-2003 workbook, or a
    /// password-protected .xlsx (which Office wraps in one).
    public static func startsAsCompoundFile(_ prefix: some Collection<UInt8>) -> Bool {
        prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }
}

/// The rows of one sheet, read one at a time from its XML (a pull parser: a sheet of a million
/// rows is never a tree in memory).
public struct SheetRowReader {
    /// The sheet read.
    public let sheet: WorkbookSheet
    /// What was worth saying about cells read so far.
    public private(set) var warnings: [SheetWarning] = []

    /// The next row with a value, or `nil` after the last.
    public mutating func next() throws(WorkbookError) -> SheetRow? {
        nil
    }
}
