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

    private let container: ZipContainer
    private let sharedStrings: [String]
    private let styles: CellStyles

    /// Opens the workbook in `bytes`: the archive, its list of sheets, shared strings and styles.
    /// An encrypted or Excel 97-2003 file, a zip that is no workbook, and one over the limits throw.
    public init(bytes: [UInt8], limits: WorkbookLimits = WorkbookLimits()) throws(WorkbookError) {
        if Workbook.startsAsCompoundFile(bytes) {
            if Workbook.holdsEncryptedPackage(bytes) {
                throw WorkbookError(.encrypted, "the workbook is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook) and save it again")
            }
            throw WorkbookError(.legacyExcel, "the file is an Excel 97-2003 workbook (.xls); save it in Excel as .xlsx (Excel Workbook) or as CSV UTF-8")
        }
        guard Workbook.startsAsZip(bytes) || ZipContainer.endOfCentralDirectory(bytes) != nil else {
            throw WorkbookError(.notAWorkbook, "the file is not an .xlsx workbook (no zip archive)")
        }
        let container = try ZipContainer(bytes: bytes, limits: limits)
        let parts = try WorkbookParts(container)
        self.container = container
        self.limits = limits
        sheets = parts.sheets
        usesDate1904 = parts.usesDate1904
        if let part = parts.sharedStringsPart, let bytes = try container.part(part) {
            sharedStrings = try SharedStrings.read(bytes, part: part, limits: limits)
        } else {
            sharedStrings = []
        }
        if let part = parts.stylesPart, let bytes = try container.part(part) {
            styles = try CellStyles(bytes, part: part)
        } else {
            styles = CellStyles()
        }
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
        guard let bytes = try container.part(sheet.part) else {
            throw WorkbookError(.malformed, "the part \(sheet.part) of the sheet \(sheet.name) is missing from the archive", part: sheet.part)
        }
        let xml = try SheetXML(bytes: bytes, part: sheet.part, sharedStrings: sharedStrings, styles: styles,
                               date1904: usesDate1904, limits: limits)
        return SheetRowReader(sheet: sheet, xml: xml)
    }

    /// Whether a compound file holds the streams of an encrypted OOXML package (their names are
    /// UTF-16LE in its directory).
    static func holdsEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let names = ["EncryptionInfo", "EncryptedPackage"].map { name in name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        return names.contains { name in
            guard let first = name.first, bytes.count >= name.count else { return false }
            var index = 0
            while index <= bytes.count - name.count {
                if bytes[index] == first, bytes[index..<(index + name.count)].elementsEqual(name) { return true }
                index += 1
            }
            return false
        }
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
    /// The sheet's XML, read on demand.
    private let xml: SheetXML

    init(sheet: WorkbookSheet, xml: SheetXML) {
        self.sheet = sheet
        self.xml = xml
    }

    /// The next row with a value, or `nil` after the last.
    public mutating func next() throws(WorkbookError) -> SheetRow? {
        let row = try xml.next()
        if xml.warnings.count != warnings.count { warnings = xml.warnings }
        return row
    }
}
