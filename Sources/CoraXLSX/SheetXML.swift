/// Reads the rows of one sheet's XML (`<sheetData><row><c>…`) with the pull reader, one `<row>`
/// at a time, into rows of cells as Excel shows them; fills merged ranges, and gives the rows
/// only a merged range fills.
final class SheetXML {
    private let reader: XMLPullReader
    private let part: String
    private let sharedStrings: [String]
    private let styles: CellStyles
    private let date1904: Bool
    private let limits: WorkbookLimits
    /// The merged ranges by first row, and the next one not yet reached.
    private let merges: [MergedRange]
    private var nextMerge = 0
    /// The merged ranges reached, with the value of their top-left cell.
    private var activeMerges: [(range: MergedRange, value: SheetCell)] = []
    /// Rows made ready, returned before reading on.
    private var ready: [SheetRow] = []
    private var readyIndex = 0
    /// The number of the last row read (rows without `r` follow it).
    private var lastRow = 0
    private var finished = false
    /// What was worth saying so far.
    private(set) var warnings: [SheetWarning] = []

    init(bytes: PartBytes, part: String, sharedStrings: [String], styles: CellStyles, date1904: Bool, limits: WorkbookLimits) throws(WorkbookError) {
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        self.limits = limits
        merges = try MergedCells.read(bytes, part: part).map { range in
            var range = range
            range.lastRow = min(range.lastRow, limits.maxRows)
            range.lastColumn = min(range.lastColumn, limits.maxColumns)
            return range
        }
        reader = try XMLPullReader(bytes: bytes, part: part)
    }

    /// The next row with a value, or `nil` after the last.
    func next() throws(WorkbookError) -> SheetRow? {
        while true {
            if readyIndex < ready.count {
                defer { readyIndex += 1; if readyIndex == ready.count { ready.removeAll(keepingCapacity: true); readyIndex = 0 } }
                return ready[readyIndex]
            }
            if finished { return nil }
            if let row = try readRow() {
                try fillMergedRows(before: row.number)
                try finish(row)
            } else {
                finished = true
                // A merged range fills no row past the last row of the sheet.
                try fillMergedRows(before: lastRow + 1)
            }
        }
    }

    // MARK: Rows

    /// The next `<row>` of the sheet data as read (empty cells and all), or `nil` at the end.
    private func readRow() throws(WorkbookError) -> SheetRow? {
        while try reader.read() {
            guard reader.kind == .element, reader.isNamed("row", in: OOXMLNamespace.spreadsheet) else { continue }
            var number: Int?
            var hidden = false
            try reader.forEachAttribute { name, value in
                if name[0] == 0x72, name[1] == 0 { number = Int(String(cString: value)) }  // r
                else if isNamed(name, "hidden") { hidden = value[0] == 0x31 || value[0] == 0x74 }  // 1, true
            }
            let rowNumber = number ?? lastRow + 1
            guard rowNumber >= 1 else {
                throw WorkbookError(.malformed, "a row has the number \(rowNumber)", part: part, line: reader.line)
            }
            if rowNumber > limits.maxRows {
                throw WorkbookError(.tooLarge, "the sheet has a row \(rowNumber) (cell A\(rowNumber)), over the limit of \(limits.maxRows) rows", part: part, line: reader.line)
            }
            lastRow = rowNumber
            var row = SheetRow(number: rowNumber, cells: [], isHidden: hidden)
            if reader.isEmptyElement { return row }
            let depth = reader.depth
            var column = 0
            while try reader.read() {
                if reader.kind == .endElement, reader.depth == depth { break }
                guard reader.kind == .element, reader.isNamed("c", in: OOXMLNamespace.spreadsheet) else { continue }
                column = try readCell(into: &row, after: column)
            }
            return row
        }
        return nil
    }

    /// Reads the `<c>` the reader is on into `row`; returns its column.
    private func readCell(into row: inout SheetRow, after previous: Int) throws(WorkbookError) -> Int {
        var column: Int?
        var style = 0
        var type: CellType = .number
        var badReference: String?
        try reader.forEachAttribute { name, value in
            if name[0] == 0x72, name[1] == 0 {  // r
                if let reference = CellReference.parse(value) { column = reference.column } else { badReference = String(cString: value) }
            } else if name[0] == 0x73, name[1] == 0 {  // s
                style = Int(String(cString: value)) ?? 0
            } else if name[0] == 0x74, name[1] == 0 {  // t
                type = CellType(rawValue: String(cString: value)) ?? .number
            }
        }
        if let badReference {
            throw WorkbookError(.malformed, "a cell of row \(row.number) has the reference \"\(badReference)\", which is no cell", part: part, line: reader.line)
        }
        let columnNumber = column ?? previous + 1
        if columnNumber > limits.maxColumns {
            throw WorkbookError(.tooLarge, "the cell \(ColumnName.cell(column: columnNumber, row: row.number)) is beyond column \(ColumnName.letters(limits.maxColumns)), the last of \(limits.maxColumns) columns allowed", part: part, line: reader.line)
        }
        var value: String?
        var inline: String?
        var formula: String?
        if !reader.isEmptyElement {
            let depth = reader.depth
            while try reader.read() {
                if reader.kind == .endElement, reader.depth == depth { break }
                guard reader.kind == .element else { continue }
                if reader.isNamed("v", in: OOXMLNamespace.spreadsheet) {
                    value = try reader.elementText()
                } else if reader.isNamed("is", in: OOXMLNamespace.spreadsheet) {
                    inline = try SharedStrings.richText(reader)
                } else if reader.isNamed("f", in: OOXMLNamespace.spreadsheet) {
                    formula = try reader.elementText()
                }
            }
        }
        let cell = try self.cell(type: type, value: value, inline: inline, style: style, row: row.number, column: columnNumber)
        // openpyxl writes `<v/>` for a formula it could not compute; an empty text result
        // (`t="str"`) is a value.
        if let formula, type != .inlineString, value == nil || (value == "" && type != .formulaText) {
            let text = formula.isEmpty ? "(a shared formula)" : "=" + formula
            warnings.append(SheetWarning(row: row.number, column: columnNumber, message: "formula without a cached value: \(text)"))
        }
        if let cell { set(cell, at: columnNumber, in: &row) }
        return columnNumber
    }

    /// What `t` says a cell holds.
    private enum CellType: String {
        case number = "n", sharedString = "s", inlineString = "inlineStr", formulaText = "str"
        case boolean = "b", error = "e", date = "d"
    }

    /// The cell shown for a value of `type`; `nil` for an empty one.
    private func cell(type: CellType, value: String?, inline: String?, style: Int, row: Int, column: Int) throws(WorkbookError) -> SheetCell? {
        switch type {
        case .inlineString:
            guard let inline, !inline.isEmpty else { return nil }
            return SheetCell(inline)
        case .sharedString:
            guard let value, !value.isEmpty else { return nil }
            guard let index = Int(value.trimmingWhitespace()), index >= 0, index < sharedStrings.count else {
                throw WorkbookError(.malformed, "the cell \(ColumnName.cell(column: column, row: row)) refers to shared string \(value), but the workbook has \(sharedStrings.count)", part: part, line: reader.line)
            }
            let text = sharedStrings[index]
            return text.isEmpty ? nil : SheetCell(text)
        case .formulaText:
            guard let value, !value.isEmpty else { return nil }
            return SheetCell(OOXMLEscapes.decode(value))
        case .boolean:
            guard let value = value?.trimmingWhitespace(), !value.isEmpty else { return nil }
            return SheetCell(value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE", .boolean)
        case .error:
            guard let value, !value.isEmpty else { return nil }
            return SheetCell(value, .error)
        case .date:
            guard let value = value?.trimmingWhitespace(), !value.isEmpty else { return nil }
            if let cell = CellText.isoDate(Substring(value)) { return cell }
            warnings.append(SheetWarning(row: row, column: column, message: "a date cell holds \"\(value)\", which is no ISO 8601 date; read as text"))
            return SheetCell(value)
        case .number:
            guard let value = value?.trimmingWhitespace(), !value.isEmpty else { return nil }
            if let cell = CellText.number(Substring(value), display: styles.display(style), date1904: date1904) { return cell }
            warnings.append(SheetWarning(row: row, column: column, message: "a number cell holds \"\(value)\", which is no number; read as text"))
            return SheetCell(value)
        }
    }

    private func set(_ cell: SheetCell, at column: Int, in row: inout SheetRow) {
        if row.cells.count < column { row.cells.append(contentsOf: repeatElement(nil, count: column - row.cells.count)) }
        row.cells[column - 1] = cell
    }

    // MARK: Merged ranges

    /// Makes ready the rows between the last one finished and `number` that only merged ranges
    /// fill.
    private var lastFinished = 0
    /// The cells merged ranges filled, and the text of the cells made ready, so far.
    private var mergedCells = 0
    private var textBytes = 0

    private func fillMergedRows(before number: Int) throws(WorkbookError) {
        guard !activeMerges.isEmpty else { return }
        var rowNumber = lastFinished + 1
        while rowNumber < number, !activeMerges.isEmpty {
            try finish(SheetRow(number: rowNumber, cells: []))
            rowNumber += 1
        }
    }

    /// Gives `row` the values of the merged ranges over it, and makes it ready when it has a value.
    private func finish(_ row: SheetRow) throws(WorkbookError) {
        var row = row
        // Ranges that start above this row but whose top-left row was never read have no value.
        while nextMerge < merges.count, merges[nextMerge].firstRow <= row.number {
            let range = merges[nextMerge]
            if range.firstRow == row.number, range.firstColumn <= row.cells.count, let value = row.cells[range.firstColumn - 1] {
                activeMerges.append((range, value))
            }
            nextMerge += 1
        }
        if !activeMerges.isEmpty {
            for (range, value) in activeMerges where range.firstRow <= row.number && range.lastRow >= row.number {
                mergedCells += range.lastColumn - range.firstColumn + 1
                if mergedCells > limits.maxMergedCells {
                    throw WorkbookError(.tooLarge, "the merged ranges fill more than \(limits.maxMergedCells) cells (row \(row.number)), over the limit", part: part)
                }
                for column in range.firstColumn...range.lastColumn { set(value, at: column, in: &row) }
            }
            activeMerges.removeAll { $0.range.lastRow <= row.number }
        }
        lastFinished = max(lastFinished, row.number)
        while let last = row.cells.last, last == nil { row.cells.removeLast() }
        for (index, cell) in row.cells.enumerated() {
            guard let cell else { continue }
            let size = cell.text.utf8.count
            if size > limits.maxCellBytes {
                throw WorkbookError(.tooLarge, "the cell \(ColumnName.cell(column: index + 1, row: row.number)) holds \(ByteCount(size)) of text, over the limit of \(ByteCount(limits.maxCellBytes)) (a cell of Excel holds 32,767 characters)", part: part)
            }
            textBytes += size
        }
        if textBytes > limits.maxSheetTextBytes {
            throw WorkbookError(.tooLarge, "the cells up to row \(row.number) hold more than \(ByteCount(limits.maxSheetTextBytes)) of text, over the limit (shared strings or merged ranges used many times: a zip bomb?)", part: part)
        }
        if !row.cells.isEmpty { ready.append(row) }
    }
}

/// Whether the C string `name` is `expected`.
private func isNamed(_ name: UnsafePointer<CChar>, _ expected: StaticString) -> Bool {
    var index = 0
    let count = expected.utf8CodeUnitCount
    while index < count {
        if UInt8(bitPattern: name[index]) != expected.utf8Start[index] { return false }
        index += 1
    }
    return name[count] == 0
}
