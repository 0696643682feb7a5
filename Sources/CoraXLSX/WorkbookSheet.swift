/// One sheet of a workbook, as the workbook lists it.
public struct WorkbookSheet: Sendable, Equatable {
    /// The sheet's name, as on its tab.
    public var name: String
    /// Its position among the sheets (1-based), as the tabs are ordered.
    public var number: Int
    /// Whether the sheet is hidden (or very hidden).
    public var isHidden: Bool
    /// The part holding the sheet's XML, such as `xl/worksheets/sheet1.xml`.
    public var part: String

    /// Creates a sheet entry.
    public init(name: String, number: Int, isHidden: Bool = false, part: String) {
        self.name = name
        self.number = number
        self.isHidden = isHidden
        self.part = part
    }
}
