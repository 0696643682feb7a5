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
public enum WorkbookWriter {
    /// The workbook of `sheets` with `properties`. A value that a workbook cannot hold (a text over
    /// Excel's 32,767 characters, more rows than a sheet has) throws ``WorkbookError/Kind/unwritable``.
    public static func write(_ sheets: [WorksheetContent], properties: WorkbookProperties = WorkbookProperties()) throws(WorkbookError) -> [UInt8] {
        throw WorkbookError(.unwritable, "writing workbooks is not built yet")
    }
}
