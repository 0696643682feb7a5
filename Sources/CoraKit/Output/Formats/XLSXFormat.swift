import CoraXLSX

/// `xlsx`: an Excel workbook (``WorkbookRenderer``): the canonical table with typed cells (codes and
/// ids text, the order a number), a bold, frozen header with an autofilter and fitted widths, and
/// sheets of the findings and the rejected rows; the same model gives the same bytes.
public struct XLSXFormat: OutputFormat {
    public let name = "xlsx"
    public let summary = "an Excel workbook: the canonical table on the sheet Processen with every cell typed as what it is (codes and ids always text, the order a number; a text cell is never a formula), a bold frozen header, an autofilter and fitted column widths; the findings on the sheet Bevindingen and the rejected rows on Afgewezen rijen. The same model gives the same bytes. Read back by cora like a CSV file"
    public let fileSuffix = ".xlsx"
    public let holdsRejectedRows = true
    public let writesBinary = true

    public init() {}

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        try write(ConversionResult(model: model, diagnostics: diagnostics),
                  options: options, to: &target)
    }

    public func write(_ result: ConversionResult, options: OutputOptions, to target: inout some OutputTarget) throws {
        // A value a workbook cannot hold (a text over 32,767 characters) throws, naming its cell.
        try target.write(nil, bytes: try WorkbookRenderer().render(result, title: options.sourceName))
    }
}
