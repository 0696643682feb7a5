import CoraCSV
import CoraXLSX

/// What cora needs of an Excel workbook (.xlsx) as an input: whether a file is one, which sheet
/// to read, its first rows (to choose or draft a mapping by), and its problems as diagnostics.
public enum WorkbookInput {
    /// Whether a file whose first bytes are `prefix` is read as a workbook: a zip archive (an .xlsx,
    /// or a zip that the workbook reader then says is none), or an OLE compound file (an Excel
    /// 97-2003 workbook, a password-protected one), which the reader refuses with a clear message.
    public static func isWorkbook(prefix: some Collection<UInt8>) -> Bool {
        Workbook.startsAsZip(prefix) || Workbook.startsAsCompoundFile(prefix)
    }

    /// Whether the file at `path` is read as a workbook (its first bytes; an empty file named
    /// `.xlsx` too, so that it is refused as no workbook rather than read as an empty CSV file).
    public static func isWorkbook(_ path: String, in fileSystem: any FileSystem) -> Bool {
        guard path != "-", fileSystem.isRegularFile(path), let prefix = try? fileSystem.prefix(path, count: 8) else { return false }
        return isWorkbook(prefix: prefix) || (prefix.isEmpty && path.lowercased().hasSuffix(".xlsx"))
    }

    /// The sheet `selector` names (its name, any case, or its number); with none, the first sheet
    /// (not hidden) whose header `mapping` fits below `skipRows` rows, else the first that looks
    /// like a table (``tableSheet(of:)``).
    public static func sheet(_ selector: String?, of workbook: Workbook, fitting mapping: Mapping? = nil,
                             skipRows: Int = 0) throws(WorkbookError) -> WorkbookSheet {
        guard let selector else {
            guard let first = mapping.flatMap({ firstSheet(fitting: $0, skipRows: skipRows, in: workbook) }) ?? tableSheet(of: workbook) else {
                throw WorkbookError(.noSuchSheet, "the workbook has no sheets")
            }
            return first
        }
        guard let sheet = workbook.sheet(selector) else {
            throw WorkbookError(.noSuchSheet, "the workbook has no sheet \(quoted(selector)); its sheets: \(list(workbook.sheets))")
        }
        return sheet
    }

    /// The sheet to read when none is named and no mapping chooses: the first one (not hidden)
    /// that looks like a table (a row of two or more cells among its first rows), else the first
    /// sheet (not hidden). A sheet of prose before the table (`Toelichting`) is passed over.
    public static func tableSheet(of workbook: Workbook) -> WorkbookSheet? {
        let visible = workbook.sheets.filter { !$0.isHidden }
        for sheet in visible {
            guard let records = try? firstRecords(of: sheet, in: workbook, count: 10) else { continue }
            if records.contains(where: { record in (0..<record.count).count { !record.isEmpty(at: $0) } >= 2 }) { return sheet }
        }
        return visible.first ?? workbook.sheets.first
    }

    /// The first sheet (not hidden) whose header, below `skipRows` rows, `mapping` fits.
    static func firstSheet(fitting mapping: Mapping, skipRows: Int, in workbook: Workbook) -> WorkbookSheet? {
        workbook.sheets.first { sheet in
            guard !sheet.isHidden, let records = try? firstRecords(of: sheet, in: workbook, count: skipRows + 1),
                  records.count > skipRows else { return false }
            return MappingSelector.score(mapping, header: records[skipRows].fields).isEligible
        }
    }

    /// The sheets as a user reads them: `1 Processen, 2 Toelichting (hidden)`.
    static func list(_ sheets: [WorkbookSheet]) -> String {
        sheets.isEmpty ? "none" : sheets.map { "\($0.number) \(quoted($0.name))\($0.isHidden ? " (hidden)" : "")" }.joined(separator: ", ")
    }

    private static func quoted(_ name: String) -> String { "\"\(name)\"" }

    /// The first `count` rows of `sheet` with a value, as records (the row's number as line).
    public static func firstRecords(of sheet: WorkbookSheet, in workbook: Workbook, count: Int) throws(WorkbookError) -> [CSVRecord] {
        var rows = try workbook.rows(of: sheet)
        var records: [CSVRecord] = []
        while records.count < count, let row = try rows.next() {
            records.append(CSVRecord(fields: row.cells.map { $0?.text ?? "" }, line: row.number, number: records.count + 1))
        }
        return records
    }

    /// A problem with the workbook at `file` as the finding of its input: `no-such-sheet` for a sheet
    /// that is not there, `unreadable-workbook` for the rest, with what to do.
    public static func diagnostic(_ error: WorkbookError, file: String) -> Diagnostic {
        var where_ = ""
        if let part = error.part { where_ = " (in \(part)\(error.line.map { ", line \($0)" } ?? ""))" }
        switch error.kind {
        case .noSuchSheet:
            return Diagnostic(.noSuchSheet, error.reason, file: file, hint: "name the sheet with --sheet NAME or --sheet NUMBER")
        case .encrypted, .legacyExcel, .notAWorkbook:
            return Diagnostic(.unreadableWorkbook, error.reason + where_, file: file)
        case .tooLarge:
            return Diagnostic(.unreadableWorkbook, error.reason + where_, file: file,
                              hint: "a workbook this large is better saved as CSV UTF-8 and read as CSV")
        case .malformed, .unwritable:
            let reason = error.reason.contains("damaged") ? error.reason : "the workbook is damaged: " + error.reason
            return Diagnostic(.unreadableWorkbook, reason + where_, file: file,
                              hint: "open it in Excel or LibreOffice and save it again")
        }
    }

    /// The bytes of the workbook at `path`, within `limits` (its size).
    public static func bytes(of path: String, in fileSystem: any FileSystem, limits: WorkbookLimits = WorkbookLimits()) throws(RunFailure) -> [UInt8] {
        do {
            return try fileSystem.read(path, limit: limits.maxFileBytes)
        } catch {
            throw RunFailure(.unreadableInput, "cannot read: \(error.reason)", file: path)
        }
    }
}
