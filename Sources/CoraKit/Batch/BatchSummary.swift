import CoraCSV

/// How many errors and warnings one diagnostic code had.
public struct BatchCodeCount: Sendable, Equatable, Codable {
    /// The code, such as `unknown-parent`.
    public var code: String
    /// Its errors.
    public var errors: Int
    /// Its warnings.
    public var warnings: Int

    /// Creates a count.
    public init(code: String, errors: Int, warnings: Int) {
        self.code = code
        self.errors = errors
        self.warnings = warnings
    }

    /// The counts of `diagnostics`, one per code, sorted by code.
    public static func counts(of diagnostics: [Diagnostic]) -> [BatchCodeCount] {
        var counts: [DiagnosticCode: BatchCodeCount] = [:]
        for diagnostic in diagnostics {
            var count = counts[diagnostic.code] ?? BatchCodeCount(code: diagnostic.code.rawValue, errors: 0, warnings: 0)
            if diagnostic.severity == .error { count.errors += 1 } else { count.warnings += 1 }
            counts[diagnostic.code] = count
        }
        return counts.keys.sorted().map { counts[$0]! }
    }

    /// `unknown-parent: 2 errors, 1 warning`.
    public var text: String {
        var parts: [String] = []
        if errors > 0 { parts.append(BatchText.count(errors, "error")) }
        if warnings > 0 { parts.append(BatchText.count(warnings, "warning")) }
        return "\(code): \(parts.joined(separator: ", "))"
    }
}

/// What happened to one input of a batch: the line of the summary.
public struct BatchFileSummary: Sendable, Equatable, Codable {
    /// How an input came through.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Converted without findings.
        case ok
        /// Converted; warnings only.
        case warnings
        /// Converted, but some rows had errors and are not in the model (see the rejects file).
        case errors
        /// Nothing usable: unreadable, empty, binary, no mapping fits, or every row invalid.
        case failed
        /// Not finished: the run was interrupted first.
        case interrupted
    }

    /// The input as named (``BatchInput/path``).
    public var input: String
    /// Its path inside the output folder (``BatchInput/relativePath``).
    public var relativePath: String
    /// How it came through.
    public var status: Status
    /// Why it failed (``Status/failed`` and ``Status/interrupted`` only).
    public var reason: String?
    /// The mapping used (its name), if one was.
    public var mapping: String?
    /// The encoding it was read in (`utf-8`, `windows-1252`, …), if it was read.
    public var encoding: String?
    /// The delimiter it was read with (`,`, `;`, `tab`, `|`), if it was read.
    public var delimiter: String?
    /// Data rows read.
    public var rowsRead: Int
    /// Processes it contributed to the model.
    public var processes: Int
    /// Rows left out because of errors (they are in the rejects file).
    public var rejectedRows: Int
    /// Errors found.
    public var errors: Int
    /// Warnings found.
    public var warnings: Int
    /// Errors and warnings per code.
    public var codes: [BatchCodeCount]
    /// What was written for it, relative to the output folder, sorted.
    public var outputs: [String]

    /// Creates the summary of an input from what reading it produced (`read` is `nil` when it was
    /// never read: unreadable, empty, binary, no mapping) and its diagnostics.
    ///
    /// The status is ``Status/failed`` when the input gave no processes and had errors, was never
    /// read, or its outputs could not be written safely (`output-conflict`, `unsafe-output`); else
    /// ``Status/errors``, ``Status/warnings`` or ``Status/ok`` by its worst finding.
    public init(input: BatchInput, mapping: String?, read: InputSummary?, processes: Int, rejectedRows: Int,
                diagnostics: [Diagnostic], outputs: [String]) {
        self.input = input.path
        self.relativePath = input.relativePath
        self.mapping = mapping
        self.encoding = read.map { $0.dialect.encoding.rawValue }
        self.delimiter = read.map { CSVDialect.name(ofDelimiter: $0.dialect.delimiter) }
        self.rowsRead = read?.rowsRead ?? 0
        self.processes = processes
        self.rejectedRows = rejectedRows
        self.errors = diagnostics.count { $0.severity == .error }
        self.warnings = diagnostics.count { $0.severity == .warning }
        self.codes = BatchCodeCount.counts(of: diagnostics)
        self.outputs = outputs.sorted()
        let unwritten = diagnostics.contains { $0.code == .outputConflict || $0.code == .unsafeOutput }
        if read == nil || (processes == 0 && errors > 0) || unwritten {
            status = .failed
            reason = Self.failureReason(rowsRead: rowsRead, diagnostics: diagnostics)
        } else {
            status = errors > 0 ? .errors : warnings > 0 ? .warnings : .ok
            reason = nil
        }
    }

    /// The summary of an input the run did not finish.
    public static func interrupted(_ input: BatchInput, mapping: String? = nil) -> BatchFileSummary {
        var summary = BatchFileSummary(input: input, mapping: mapping, read: nil, processes: 0, rejectedRows: 0, diagnostics: [], outputs: [])
        summary.status = .interrupted
        summary.reason = "the run was interrupted before this file was finished"
        return summary
    }

    /// Why an input gave nothing: the first error that says it, in words.
    static func failureReason(rowsRead: Int, diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        if let first = errors.first(where: { [.unreadableInput, .emptyFile, .binaryInput, .noMappingFits, .outputConflict, .unsafeOutput].contains($0.code) }) {
            switch first.code {
            case .emptyFile: return "empty file"
            default: return first.message
            }
        }
        if rowsRead > 0, errors.contains(where: { $0.code == .missingColumn }) {
            return "the header lacks a column the mapping requires"
        }
        if let fatal = errors.first(where: { $0.message.hasSuffix("; reading stopped here") }), rowsRead == 0 {
            return "unreadable: " + fatal.message
        }
        if rowsRead > 0 { return "every row was rejected (\(BatchText.count(rowsRead, "row")) with errors)" }
        return errors.first.map { "\($0.message) [\($0.code.rawValue)]" } ?? "nothing could be read"
    }
}

/// The merged model of `--merge`, in the summary.
public struct BatchMergedSummary: Sendable, Equatable, Codable {
    /// Processes in the merged model.
    public var processes: Int
    /// The mappings used, in the order of first use.
    public var mappings: [String]
    /// Findings across files (`conflicting-code`, ids used in two layouts).
    public var crossFileErrors: Int
    /// Warnings across files.
    public var crossFileWarnings: Int
    /// The merged outputs (`merged.csv`, …).
    public var outputs: [String]

    /// Creates a merged summary.
    public init(processes: Int, mappings: [String], crossFileErrors: Int, crossFileWarnings: Int, outputs: [String]) {
        self.processes = processes
        self.mappings = mappings
        self.crossFileErrors = crossFileErrors
        self.crossFileWarnings = crossFileWarnings
        self.outputs = outputs.sorted()
    }
}

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
    /// Errors in all files (and across files with `--merge`).
    public var errors: Int { files.reduce(0) { $0 + $1.errors } }
    /// Warnings in all files.
    public var warnings: Int { files.reduce(0) { $0 + $1.warnings } }
    /// Whether any file had errors or failed: the run exits with status 1.
    public var hasErrors: Bool { files.contains { $0.errors > 0 || $0.status == .failed } }

    /// `9 files: 3 ok, 2 with warnings, 1 with errors, 3 failed; 231 rows read, 232 processes, 2 rows rejected; 7 errors, 3 warnings`.
    public var totalsLine: String {
        var parts = ["\(count(.ok)) ok"]
        if count(.warnings) > 0 { parts.append("\(count(.warnings)) with warnings") }
        if count(.errors) > 0 { parts.append("\(count(.errors)) with errors") }
        if count(.failed) > 0 { parts.append("\(count(.failed)) failed") }
        if count(.interrupted) > 0 { parts.append("\(count(.interrupted)) not finished") }
        return "\(BatchText.count(files.count, "file")): \(parts.joined(separator: ", ")); "
            + "\(BatchText.count(rowsRead, "row")) read, \(BatchText.count(processes, "process")), \(BatchText.count(rejectedRows, "row")) rejected; "
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
            json.optionalString("mapping", file.mapping)
            json.optionalString("encoding", file.encoding)
            json.optionalString("delimiter", file.delimiter)
            json.number("rowsRead", file.rowsRead)
            json.number("processes", file.processes)
            json.number("rejectedRows", file.rejectedRows)
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
                MarkdownText.cell(file.relativePath), file.status.rawValue, MarkdownText.cell(file.mapping ?? ""),
                MarkdownText.cell(file.encoding ?? ""), MarkdownText.cell(file.delimiter ?? ""),
                String(file.rowsRead), String(file.processes), String(file.rejectedRows), String(file.errors), String(file.warnings),
                file.codes.map { MarkdownText.cell($0.text) }.joined(separator: "<br>"),
                file.outputs.map { MarkdownText.cell($0) }.joined(separator: "<br>"),
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        let failed = files.filter { $0.reason != nil }
        if !failed.isEmpty {
            out += "\n## Not converted\n\n"
            for file in failed {
                out += "- \(MarkdownText.inline(file.relativePath)) (\(file.status.rawValue)): \(MarkdownText.inline(file.reason ?? ""))\n"
            }
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

/// Small text helpers for batch messages.
public enum BatchText {
    /// `1 file`, `2 files`, `1 process`, `3 processes`.
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : (noun.hasSuffix("s") ? "es" : "s"))"
    }

    /// `text` on one line: line breaks and other control characters shown as `?`, so a file name
    /// cannot break a table or move the cursor.
    public static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
