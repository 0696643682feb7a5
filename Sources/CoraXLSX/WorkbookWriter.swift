/// A value of a cell that cora writes.
public enum WorkbookValue: Sendable, Equatable {
    /// No value.
    case empty
    /// Text; always a text cell, never a formula, whatever it starts with.
    case text(String)
    /// A number, as its decimal text (`3`, `-1.25`).
    case number(String)
    /// A logical value.
    case boolean(Bool)
}

/// One sheet that cora writes: a header row (bold, frozen, with an autofilter) and rows of typed cells.
public struct WorksheetContent: Sendable {
    /// The tab's name (at most 31 characters, none of `[]:*?/\`).
    public var name: String
    /// The header cells.
    public var header: [String]
    /// The rows, each as long as the header or shorter.
    public var rows: [[WorkbookValue]]

    /// Creates a sheet.
    public init(name: String, header: [String], rows: [[WorkbookValue]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

/// The document properties written into a workbook; the dates are fixed so that the same content
/// gives the same bytes.
public struct WorkbookProperties: Sendable, Equatable {
    /// The title.
    public var title: String?
    /// The application named as creator.
    public var creator = "cora"

    /// Creates properties.
    public init(title: String? = nil, creator: String = "cora") {
        self.title = title
        self.creator = creator
    }
}

/// Writes sheets of typed cells as an .xlsx workbook, byte for byte the same for the same content.
///
/// Each sheet has its header in row 1, bold, frozen and with an autofilter over the header and the
/// rows; its columns are as wide as their longest value (8 to 60 characters). A ``WorkbookValue/text(_:)``
/// is always a text cell in text format, whatever it starts with (`=1+1`, `0012`, `01.10` stay
/// text, also after an edit in Excel); a ``WorkbookValue/number(_:)`` is a number only when it is
/// a plain decimal Excel holds exactly (`-1.25`), else text; empty texts and ``WorkbookValue/empty``
/// are no cell.
public enum WorkbookWriter {
    /// The workbook of `sheets` with `properties`. A value that a workbook cannot hold (a text over
    /// Excel's 32,767 characters, more rows than a sheet has) throws ``WorkbookError/Kind/unwritable``.
    public static func write(_ sheets: [WorksheetContent], properties: WorkbookProperties = WorkbookProperties()) throws(WorkbookError) -> [UInt8] {
        try ZipArchiveWriter.archive(parts(sheets, properties: properties))
    }

    /// The parts of the workbook, in the order they are zipped.
    static func parts(_ sheets: [WorksheetContent], properties: WorkbookProperties) throws(WorkbookError) -> [(path: String, bytes: [UInt8])] {
        try SheetNameRules.check(sheets.map(\.name))
        var strings = SharedStringTable()
        var sheetParts: [(path: String, bytes: [UInt8])] = []
        var filterRanges: [String?] = []
        for (offset, sheet) in sheets.enumerated() {
            sheetParts.append((WorkbookWriterParts.sheetPart(offset + 1), try WorksheetXML.xml(of: sheet, selected: offset == 0, strings: &strings)))
            filterRanges.append(try WorksheetXML.filterRange(of: sheet))
        }
        return [
            ("[Content_Types].xml", WorkbookWriterParts.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", WorkbookWriterParts.packageRelationships()),
            ("docProps/core.xml", WorkbookWriterParts.coreProperties(properties)),
            ("docProps/app.xml", WorkbookWriterParts.appProperties(properties)),
            ("xl/workbook.xml", WorkbookWriterParts.workbook(names: sheets.map(\.name), filterRanges: filterRanges)),
            ("xl/_rels/workbook.xml.rels", WorkbookWriterParts.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", WorkbookWriterParts.styles()),
            ("xl/sharedStrings.xml", strings.xml()),
        ] + sheetParts
    }
}
