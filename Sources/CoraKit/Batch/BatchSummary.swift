import CoraCSV

/// The summary of a batch: one entry per input, totals, and how it was run. Rendered as
/// `summary.json`, `summary.md` and the table on screen; it holds nothing that changes from run to
/// run by itself (no times), so a second run over unchanged inputs produces the same bytes.
public struct BatchSummary: Sendable, Equatable {
    /// `cora 0.1.0`.
    public var tool: String
    /// The mapping asked for: a name, a path or `auto`.
    public var mapping: String
    /// The formats asked for.
    public var formats: [String]
    /// Whether the inputs were merged into one model.
    public var merge: Bool
    /// Whether the run was interrupted before every input was finished.
    public var interrupted: Bool
    /// One entry per input, sorted by relative path.
    public var files: [BatchFileSummary]
    /// With `--merge`: the merged model.
    public var merged: BatchMergedSummary?

    /// Creates a summary; `files` are sorted by relative path.
    public init(tool: String, mapping: String, formats: [String], merge: Bool, interrupted: Bool,
                files: [BatchFileSummary], merged: BatchMergedSummary? = nil) {
        self.tool = tool
        self.mapping = mapping
        self.formats = formats
        self.merge = merge
        self.interrupted = interrupted
        self.files = files.sorted { ($0.relativePath, $0.input) < ($1.relativePath, $1.input) }
        self.merged = merged
    }

    /// Files per status.
    public func count(_ status: BatchFileSummary.Status) -> Int { files.count { $0.status == status } }
    /// Data rows read from all files.
    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    /// Processes from all files.
    public var processes: Int { files.reduce(0) { $0 + $1.processes } }
    /// Rows rejected in all files.
    public var rejectedRows: Int { files.reduce(0) { $0 + $1.rejectedRows } }
    /// Lines that malformed input left unread, in all files.
    public var unreadLines: Int { files.reduce(0) { $0 + ($1.unreadLines ?? 0) } }
    /// Errors in all files (and across files with `--merge`).
    public var errors: Int { files.reduce(0) { $0 + $1.errors } }
    /// Warnings in all files.
    public var warnings: Int { files.reduce(0) { $0 + $1.warnings } }
    /// Whether any file had errors or failed: the run exits with status 1.
    public var hasErrors: Bool { files.contains { $0.errors > 0 || $0.status == .failed } || (merged?.crossFileErrors ?? 0) > 0 }

    /// `9 files: 3 ok, 2 with warnings, 1 with errors, 3 failed; 231 rows read, 232 processes, 2 rows rejected; 7 errors, 3 warnings`.
    public var totalsLine: String {
        var parts = ["\(count(.ok)) ok"]
        if count(.warnings) > 0 { parts.append("\(count(.warnings)) with warnings") }
        if count(.errors) > 0 { parts.append("\(count(.errors)) with errors") }
        if count(.failed) > 0 { parts.append("\(count(.failed)) failed") }
        if count(.interrupted) > 0 { parts.append("\(count(.interrupted)) not finished") }
        return "\(BatchText.count(files.count, "file")): \(parts.joined(separator: ", ")); "
            + "\(BatchText.count(rowsRead, "row")) read, \(BatchText.count(processes, "process")), \(BatchText.count(rejectedRows, "row")) rejected"
            + (unreadLines > 0 ? ", \(BatchText.count(unreadLines, "line")) not read; " : "; ")
            + "\(BatchText.count(errors, "error")), \(BatchText.count(warnings, "warning"))"
    }

    // MARK: JSON

    /// `summary.json`.
    public func json() -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.string("tool", tool)
        json.string("mapping", mapping)
        json.strings("formats", formats)
        json.bool("merge", merge)
        json.bool("interrupted", interrupted)
        json.beginObject("totals")
        json.number("files", files.count)
        json.beginObject("statuses")
        for status in BatchFileSummary.Status.allCases { json.number(status.rawValue, count(status)) }
        json.endObject()
        json.number("rowsRead", rowsRead)
        json.number("processes", processes)
        json.number("rejectedRows", rejectedRows)
        json.number("unreadLines", unreadLines)
        json.number("errors", errors)
        json.number("warnings", warnings)
        json.endObject()
        json.beginArray("files")
        for file in files {
            json.beginObject()
            json.string("input", file.input)
            json.string("path", file.relativePath)
            json.string("status", file.status.rawValue)
            json.optionalString("reason", file.reason)
            if let note = file.note { json.string("note", note) }
            json.optionalString("mapping", file.mapping)
            json.optionalString("encoding", file.encoding)
            json.optionalString("delimiter", file.delimiter)
            json.number("rowsRead", file.rowsRead)
            json.number("processes", file.processes)
            json.number("rejectedRows", file.rejectedRows)
            json.number("unreadLines", file.unreadLines ?? 0)
            json.number("errors", file.errors)
            json.number("warnings", file.warnings)
            json.beginObject("codes")
            for count in file.codes {
                json.beginObject(count.code)
                json.number("errors", count.errors)
                json.number("warnings", count.warnings)
                json.endObject()
            }
            json.endObject()
            json.strings("outputs", file.outputs)
            json.endObject()
        }
        json.endArray()
        if let merged {
            json.beginObject("merged")
            json.number("processes", merged.processes)
            json.strings("mappings", merged.mappings)
            json.number("crossFileErrors", merged.crossFileErrors)
            json.number("crossFileWarnings", merged.crossFileWarnings)
            json.strings("outputs", merged.outputs)
            json.endObject()
        }
        json.endObject()
        return Array((json.text + "\n").utf8)
    }

    // MARK: Markdown

    /// `summary.md`: the totals, a table with a row per file, and why files failed.
    /// File names and reasons are shown with their control characters escaped, as on a terminal:
    /// the summary is read with `cat` as often as in a viewer.
    public func markdown() -> String {
        var out = "# Batch summary\n\n"
        out += MarkdownText.inline(totalsLine) + ".\n\n"
        out += "Mapping: `\(mapping.replacingOccurrences(of: "`", with: "'"))`; formats: \(formats.joined(separator: ", "))"
        out += merge ? "; merged into one model" : ""
        out += interrupted ? ". **The run was interrupted**: files marked interrupted were not finished.\n\n" : ".\n\n"
        out += "| File | Status | Mapping | Encoding | Delimiter | Rows | Processes | Rejected | Errors | Warnings | Findings per code | Outputs |\n"
        out += "|---|---|---|---|---|--:|--:|--:|--:|--:|---|---|\n"
        for file in files {
            let cells: [String] = [
                MarkdownText.cell(TerminalText.oneLine(file.relativePath)), file.status.rawValue, MarkdownText.cell(file.mapping ?? ""),
                MarkdownText.cell(file.encoding ?? ""), MarkdownText.cell(file.delimiter ?? ""),
                String(file.rowsRead), String(file.processes), String(file.rejectedRows), String(file.errors), String(file.warnings),
                file.codes.map { MarkdownText.cell($0.text) }.joined(separator: "<br>"),
                file.outputs.map { MarkdownText.cell(TerminalText.oneLine($0)) }.joined(separator: "<br>"),
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        let failed = files.filter { $0.reason != nil }
        if !failed.isEmpty {
            out += "\n## Not converted\n\n"
            for file in failed {
                out += "- \(MarkdownText.inline(TerminalText.oneLine(file.relativePath))) (\(file.status.rawValue)): \(MarkdownText.inline(TerminalText.oneLine(file.reason ?? "")))\n"
            }
        }
        let noted = files.filter { $0.note != nil }
        if !noted.isEmpty {
            out += "\n## Notes\n\n"
            for file in noted { out += "- \(MarkdownText.inline(TerminalText.oneLine(file.relativePath))): \(MarkdownText.inline(TerminalText.oneLine(file.note ?? "")))\n" }
        }
        if let merged {
            out += "\n## Merged model\n\n"
            out += "\(BatchText.count(merged.processes, "process")) from \(BatchText.count(files.count { $0.processes > 0 }, "file"))"
            out += " (mappings: \(merged.mappings.map(MarkdownText.inline).joined(separator: ", "))); "
            out += "across files: \(BatchText.count(merged.crossFileErrors, "error")), \(BatchText.count(merged.crossFileWarnings, "warning")). "
            out += "Outputs: \(merged.outputs.map(MarkdownText.inline).joined(separator: ", ")).\n"
        }
        return out
    }

    // MARK: Screen

    /// The table on screen: a row per file (`unchanged` marks the inputs this run skipped), the
    /// reasons of failed files, and the totals. With more than `maxRows` files, the files that are
    /// `ok` or were not finished are left out of the table (and counted below it).
    public func table(unchanged: Set<String> = [], maxRows: Int = .max) -> String {
        let header = ["file", "status", "mapping", "encoding", "delim", "rows", "processes", "errors", "warnings"]
        var rows: [[String]] = [header]
        let shown = files.count > maxRows ? files.filter { $0.status != .ok && $0.status != .interrupted } : files
        for file in shown {
            var status = file.status.rawValue
            if unchanged.contains(file.relativePath) { status += " (unchanged)" }
            rows.append([
                BatchText.oneLine(file.relativePath), status, file.mapping ?? "-", file.encoding ?? "-", file.delimiter ?? "-",
                String(file.rowsRead), String(file.processes), String(file.errors), String(file.warnings),
            ])
        }
        let numeric: Set<Int> = [5, 6, 7, 8]
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return numeric.contains(index) ? pad + cell : cell + pad
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        if shown.count < files.count {
            out += "(\(BatchText.count(files.count - shown.count, "file")) ok or not finished, not shown; summary.md lists every file)\n"
        }
        for file in files where file.reason != nil && file.status != .interrupted {
            out += "\(BatchText.oneLine(file.relativePath)): \(file.status.rawValue): \(BatchText.oneLine(file.reason ?? ""))\n"
        }
        if let merged {
            out += "merged: \(BatchText.count(merged.processes, "process")) in \(merged.outputs.joined(separator: ", "))"
            out += "; across files \(BatchText.count(merged.crossFileErrors, "error")), \(BatchText.count(merged.crossFileWarnings, "warning"))\n"
        }
        out += totalsLine + (interrupted ? " (interrupted)" : "") + "\n"
        return out
    }
}
