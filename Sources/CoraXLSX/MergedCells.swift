/// A cell reference such as `C14` split into its column and row (both 1-based).
enum CellReference {
    /// The column and row of `reference` (`$` signs allowed); `nil` when it is no reference. A
    /// reference of only letters (`C`) has row 0.
    static func parse(_ reference: UnsafePointer<CChar>) -> (column: Int, row: Int)? {
        var pointer = reference
        var column = 0, row = 0
        if pointer.pointee == 0x24 { pointer += 1 }
        while true {
            let byte = UInt8(bitPattern: pointer.pointee)
            let upper = byte & 0xDF
            guard upper >= 0x41 && upper <= 0x5A else { break }
            column = column * 26 + Int(upper - 0x40)
            if column > 1_000_000 { return nil }
            pointer += 1
        }
        if pointer.pointee == 0x24 { pointer += 1 }
        while true {
            let byte = UInt8(bitPattern: pointer.pointee)
            guard byte >= 0x30 && byte <= 0x39 else { break }
            row = row * 10 + Int(byte - 0x30)
            if row > 100_000_000 { return nil }
            pointer += 1
        }
        guard pointer.pointee == 0, column > 0 else { return nil }
        return (column, row)
    }

    static func parse(_ reference: String) -> (column: Int, row: Int)? {
        reference.withCString { parse($0) }
    }
}

/// One merged range of a sheet (`<mergeCell ref="A1:C3"/>`): every cell in it shows the value of
/// its top-left cell.
struct MergedRange: Equatable {
    var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

    init?(_ reference: String) {
        let ends = reference.split(separator: ":")
        guard ends.count == 1 || ends.count == 2,
              let first = CellReference.parse(String(ends[0])), first.row > 0,
              let last = CellReference.parse(String(ends[ends.count - 1])), last.row > 0 else { return nil }
        firstRow = min(first.row, last.row)
        lastRow = max(first.row, last.row)
        firstColumn = min(first.column, last.column)
        lastColumn = max(first.column, last.column)
    }
}

/// The merged ranges of a sheet. `<mergeCells>` comes after `<sheetData>`, so it is read first in
/// a quick pass that skips the sheet data unparsed into nodes.
enum MergedCells {
    /// The merged ranges of the sheet in `bytes`, by first row; none when the part never says
    /// `mergeCell`.
    static func read(_ bytes: PartBytes, part: String) throws(WorkbookError) -> [MergedRange] {
        guard bytes.contains("mergeCell") else { return [] }
        let reader = try XMLPullReader(bytes: bytes, part: part)
        var ranges: [MergedRange] = []
        var more = try reader.read()
        while more {
            if reader.kind == .element, reader.isNamed("sheetData", in: OOXMLNamespace.spreadsheet) {
                more = try reader.skipSubtree()
                continue
            }
            if reader.kind == .element, reader.isNamed("mergeCell", in: OOXMLNamespace.spreadsheet),
               let reference = try reader.attributes()["ref"], let range = MergedRange(reference),
               range.firstRow != range.lastRow || range.firstColumn != range.lastColumn {
                ranges.append(range)
            }
            more = try reader.read()
        }
        return ranges.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
    }
}
