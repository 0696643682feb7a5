/// The XML of one sheet (`xl/worksheets/sheetN.xml`): the header row bold and frozen, an
/// autofilter over the header and rows, columns fitted to their content, and every cell with its
/// reference. Texts go to the workbook's shared strings.
enum WorksheetXML {
    /// The most characters (UTF-16 code units, as Excel counts) of a cell's text.
    static let maxTextLength = 32_767
    /// The most rows of a sheet.
    static let maxRows = 1_048_576
    /// The most columns of a sheet.
    static let maxColumns = 16_384

    /// The cell formats of `xl/styles.xml` (`s=` of a cell).
    enum Style {
        /// The header: bold, text format.
        static let header: StaticString = "1"
        /// A text cell: text format (`@`), so that an edit in Excel stays text.
        static let text: StaticString = "2"
        /// A number cell: general number format.
        static let number: StaticString = "3"
    }

    /// The last column (1-based) and row of `sheet`, after checking them against Excel's limits.
    static func extent(of sheet: WorksheetContent) throws(WorkbookError) -> (columns: Int, rows: Int) {
        let rows = sheet.rows.count + 1
        if rows > maxRows {
            throw WorkbookError(.unwritable, "the sheet \(sheet.name) has \(Thousands.format(rows)) rows with its header; a sheet holds at most \(Thousands.format(maxRows))")
        }
        let columns = sheet.rows.reduce(sheet.header.count) { max($0, $1.count) }
        if columns > maxColumns {
            throw WorkbookError(.unwritable, "the sheet \(sheet.name) has \(Thousands.format(columns)) columns; a sheet holds at most \(Thousands.format(maxColumns))")
        }
        return (columns, rows)
    }

    /// The sheet's XML; `selected` makes it the tab shown when the workbook opens.
    static func xml(of sheet: WorksheetContent, selected: Bool, strings: inout SharedStringTable) throws(WorkbookError) -> [UInt8] {
        let (columns, lastRow) = try extent(of: sheet)
        let letters = (0..<max(columns, 1)).map { Array(ColumnName.letters($0 + 1).utf8) }
        var widths = ColumnWidths(columns: columns)
        let cells = sheet.rows.reduce(sheet.header.count) { $0 + $1.count }
        var data = XMLBytes(capacity: 64 + sheet.rows.count * 16 + cells * 24)

        // Row 1: the header.
        if sheet.header.contains(where: { !$0.isEmpty }) {
            data.raw("<row r=\"1\">")
            for (column, title) in sheet.header.enumerated() where !title.isEmpty {
                try checkLength(title, sheet: sheet.name, column: column, row: 1)
                widths.measure(title, column: column, extra: ColumnWidths.filterButton)
                cell(&data, letters[column], row: 1, style: Style.header, type: "s", value: strings.index(of: title))
            }
            data.raw("</row>")
        }
        // The rows.
        for (offset, values) in sheet.rows.enumerated() {
            let row = offset + 2
            var opened = false
            for (column, value) in values.enumerated() {
                switch value {
                case .empty:
                    continue
                case .text(let text):
                    if text.isEmpty { continue }
                    if !opened { openRow(&data, row); opened = true }
                    try checkLength(text, sheet: sheet.name, column: column, row: row)
                    widths.measure(text, column: column)
                    cell(&data, letters[column], row: row, style: Style.text, type: "s", value: strings.index(of: text))
                case .number(let text):
                    if text.isEmpty { continue }
                    if !opened { openRow(&data, row); opened = true }
                    if NumberText.isExact(text) {
                        widths.measure(text, column: column)
                        data.raw("<c r=\"")
                        data.raw(letters[column])
                        data.decimal(row)
                        data.raw("\" s=\"")
                        data.raw(Style.number)
                        data.raw("\"><v>")
                        data.raw(text)
                        data.raw("</v></c>")
                    } else {
                        try checkLength(text, sheet: sheet.name, column: column, row: row)
                        widths.measure(text, column: column)
                        cell(&data, letters[column], row: row, style: Style.text, type: "s", value: strings.index(of: text))
                    }
                case .boolean(let truth):
                    if !opened { openRow(&data, row); opened = true }
                    widths.measure(truth ? "TRUE" : "FALSE", column: column)
                    data.raw("<c r=\"")
                    data.raw(letters[column])
                    data.decimal(row)
                    data.raw(truth ? "\" t=\"b\"><v>1</v></c>" : "\" t=\"b\"><v>0</v></c>")
                }
            }
            if opened { data.raw("</row>") }
        }

        let lastCell = ColumnName.letters(max(columns, 1)) + String(lastRow)
        let range = lastCell == "A1" ? "A1" : "A1:" + lastCell
        var xml = XMLBytes(capacity: data.bytes.count + 1024 + columns * 64)
        xml.raw(WorkbookWriterParts.declaration)
        xml.raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        xml.raw("<dimension ref=\"")
        xml.raw(range)
        xml.raw(selected ? "\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">" : "\"/><sheetViews><sheetView workbookViewId=\"0\">")
        xml.raw("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
        xml.raw("<sheetFormatPr defaultRowHeight=\"15\"/>")
        if columns > 0 {
            xml.raw("<cols>")
            for (offset, width) in widths.widths.enumerated() {
                xml.raw("<col min=\"")
                xml.decimal(offset + 1)
                xml.raw("\" max=\"")
                xml.decimal(offset + 1)
                xml.raw("\" width=\"")
                xml.decimal(width)
                xml.raw("\" customWidth=\"1\"/>")
            }
            xml.raw("</cols>")
        }
        xml.raw("<sheetData>")
        xml.raw(data.bytes)
        xml.raw("</sheetData>")
        if columns > 0 {
            xml.raw("<autoFilter ref=\"")
            xml.raw(range)
            xml.raw("\"/>")
        }
        xml.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>")
        return xml.bytes
    }

    /// The autofilter's range as a defined name refers to it (`'Processen'!$A$1:$F$101`), or `nil`
    /// for a sheet without columns.
    static func filterRange(of sheet: WorksheetContent) throws(WorkbookError) -> String? {
        let (columns, rows) = try extent(of: sheet)
        guard columns > 0 else { return nil }
        let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
        return "\(quoted)!$A$1:$\(ColumnName.letters(columns))$\(rows)"
    }

    private static func openRow(_ data: inout XMLBytes, _ row: Int) {
        data.raw("<row r=\"")
        data.decimal(row)
        data.raw("\">")
    }

    private static func cell(_ data: inout XMLBytes, _ letters: [UInt8], row: Int, style: StaticString, type: StaticString, value: Int) {
        data.raw("<c r=\"")
        data.raw(letters)
        data.decimal(row)
        data.raw("\" s=\"")
        data.raw(style)
        data.raw("\" t=\"")
        data.raw(type)
        data.raw("\"><v>")
        data.decimal(value)
        data.raw("</v></c>")
    }

    /// Throws when `text` is longer than a cell holds.
    private static func checkLength(_ text: String, sheet: String, column: Int, row: Int) throws(WorkbookError) {
        guard text.utf8.count > maxTextLength else { return }
        let length = text.utf16.count
        if length > maxTextLength {
            throw WorkbookError(.unwritable, "the text in \(sheet)!\(ColumnName.cell(column: column + 1, row: row)) has \(Thousands.format(length)) characters; a cell holds at most \(Thousands.format(maxTextLength))")
        }
    }
}
