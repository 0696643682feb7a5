/// How much of a workbook is read before it is refused: a workbook is a zip archive, and a few
/// kilobytes of zip can hold gigabytes of XML (a zip bomb). Every limit is checked before the
/// bytes are inflated, from the sizes the archive declares, and again while inflating.
public struct WorkbookLimits: Sendable, Equatable {
    /// The largest workbook file.
    public var maxFileBytes = 1 << 30
    /// The most entries in the archive.
    public var maxEntries = 10_000
    /// The largest part once inflated (one sheet's XML).
    public var maxPartBytes = 1 << 30
    /// The most bytes inflated over all parts read.
    public var maxTotalBytes = 2 << 30
    /// The largest inflated-to-compressed ratio of a part larger than ``ratioFloor``.
    public var maxCompressionRatio = 1_000
    /// Parts up to this size are not held to ``maxCompressionRatio``.
    public var ratioFloor = 1 << 20
    /// The most rows of a sheet (Excel's own limit).
    public var maxRows = 1_048_576
    /// The most columns of a sheet (Excel's own limit, XFD).
    public var maxColumns = 16_384
    /// The most shared strings.
    public var maxSharedStrings = 10_000_000
    /// The most text in one cell, in bytes (Excel's own cells hold 32,767 characters).
    public var maxCellBytes = 1 << 20
    /// The most text in the cells of one sheet, merged ranges and shared strings counted each time
    /// they are used: a small file cannot become gigabytes of text that way.
    public var maxSheetTextBytes = 512 << 20
    /// The most cells that merged ranges fill in one sheet.
    public var maxMergedCells = 10_000_000

    /// The default limits.
    public init() {}
}
