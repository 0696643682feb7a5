// The libFuzzer target for cora: reader → mapping → model → validation → every renderer.
//
// Built by scripts/fuzz.sh with `swiftc -sanitize=fuzzer,address -parse-as-library`, together with
// the sources of CoraCSV and CoraKit (and Yams), not through SwiftPM. See Fuzz/README.md.
//
// The first byte of an input chooses what is done with the rest:
//
//   bits 0-1  the shipped mapping: canonical, excel-nl, niveaus, cora-wiki
//   bit 2     the mapping comes from the input: YAML, a line `%%`, then the CSV
//   bit 3     --keep-invalid
//   bit 4     --strict
//   bit 5     a 16-byte read chunk (every record crosses chunk boundaries)
//   bit 6     small limits: fields of at most 300 bytes, 24 fields per record, 40 records, depth 3
//   bit 7     read the CSV as the elements.csv of an Archi set (the other files empty); with bits
//             0-1 both set, read the rest as an ArchiMate exchange document instead
//
// Besides "no crash, no sanitizer report, no hang", each run checks what the converter promises:
//
//   - no row lost: every data row read is in the model or in the rejected rows (or was empty);
//   - canonical CSV → model → canonical CSV is byte-identical, and so is canonical → excel-csv → model → canonical;
//   - the Excel CSV has no cell, nor part of a cell after a , ; or line break, that starts a formula;
//   - the JSON parses;
//   - every Markdown table row has as many cells as its header;
//   - every DOT line has its quotes closed;
//   - the Archi export reads back without errors into the same processes;
//   - the ArchiMate exchange document of every model reads back with no finding of the reader
//     (well-formed, every identifier unique, every reference to something written).
//   - a payload that starts as a zip (`PK\3\4`) is read as a workbook (.xlsx), every sheet, within
//     small limits: a result or a WorkbookError, never a crash; every model written as a workbook
//     reads back to the same canonical CSV;
//   - `cora diff` of a model with itself finds nothing, and `cora coverage` of a model against
//     itself covers everything (ids unique); every report of both renders; the mapping YAML read
//     as a pairs file is read or refused.

import CoraCSV
import CoraKit
import CoraXLSX
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt8.self), count: size))
    FuzzRun(control: bytes[0], payload: Array(bytes[1...])).run()
    return 0
}

/// What one fuzz input asks for.
struct FuzzRun {
    static let shippedMappings = ["canonical", "excel-nl", "niveaus", "cora-wiki"]
    static let separator: [UInt8] = Array("\n%%\n".utf8)

    let control: UInt8
    let payload: [UInt8]

    var mappingFromInput: Bool { control & 0x04 != 0 }
    var keepInvalid: Bool { control & 0x08 != 0 }
    var strict: Bool { control & 0x10 != 0 }
    var smallChunks: Bool { control & 0x20 != 0 }
    var smallLimits: Bool { control & 0x40 != 0 }
    var archi: Bool { control & 0x80 != 0 }

    var readOptions: CSVReadOptions {
        CSVReadOptions(maxFieldBytes: smallLimits ? 300 : CSVReadOptions.defaultMaxFieldBytes,
                       maxFieldsPerRecord: smallLimits ? 24 : CSVReadOptions.defaultMaxFieldsPerRecord,
                       chunkSize: smallChunks ? 16 : 1 << 16,
                       maxRecords: smallLimits ? 40 : CSVReadOptions.defaultMaxRecords)
    }

    func run() {
        if Workbook.startsAsZip(payload) {
            runWorkbook(payload)
            return
        }
        if archi && control & 0x03 == 0x03 {
            runExchange(payload)
            return
        }
        if archi {
            runArchi(payload)
            return
        }
        var csv = payload
        let mapping: Mapping
        if mappingFromInput {
            let yamlBytes: [UInt8]
            if let cut = Self.find(Self.separator, in: payload) {
                yamlBytes = Array(payload[..<cut])
                csv = Array(payload[(cut + Self.separator.count)...])
            } else {
                yamlBytes = payload
                csv = []
            }
            // The same YAML as a pairs file of `cora diff --pairs`: refused or read, never a crash.
            _ = try? PairsFile.parse(String(decoding: yamlBytes, as: UTF8.self), file: "pairs.yaml")
            do {
                mapping = try MappingParser.parse(String(decoding: yamlBytes, as: UTF8.self), file: "fuzz.yaml")
            } catch {
                // A rejected mapping names what is wrong; the message must render.
                _ = error.description
                return
            }
        } else {
            mapping = try! MappingCatalog.builtin.mapping(named: Self.shippedMappings[Int(control & 0x03)])
        }

        // What `cora inspect` does.
        if let reader = try? CSVReader(source: MemoryByteSource(csv), options: readOptions) {
            var profile = TableProfile()
            var records: [CSVRecord] = []
            while let record = try? reader.next() {
                profile.add(record)
                if records.count < 50 { records.append(record) }
            }
            _ = profile.text(dialect: reader.dialect, lines: reader.linesRead, file: "fuzz.csv")
            expectJSON(profile.json(dialect: reader.dialect, lines: reader.linesRead, file: "fuzz.csv"), "inspect --json")
            // What `cora mapping init` does; its YAML must parse as a mapping.
            if !records.isEmpty {
                let draft = MappingDraft(file: "fuzz.csv", name: "fuzz", records: records)
                do {
                    _ = try MappingParser.parse(draft.yaml, file: "draft.yaml")
                } catch {
                    fail("mapping init wrote a mapping that does not parse: \(error)\n\(draft.yaml)")
                }
            }
        }

        let settings = ConversionSettings(readOptions: readOptions, keepInvalid: keepInvalid, policy: DiagnosticPolicy(strict: strict),
                                          maxDepth: smallLimits ? 3 : ConversionSettings.defaultMaxDepth)
        let result: ConversionResult
        do {
            result = try Pipeline.convert(MemoryByteSource(csv), file: "fuzz.csv", mapping: mapping, settings: settings)
        } catch {
            fail("a memory source failed to read: \(error)")
        }
        checkNothingLost(result, mapping: mapping)
        renderEverything(result)
        if !keepInvalid { checkCanonicalRoundTrip(result.model) }
        if !keepInvalid { checkArchiRoundTrip(result.model) }
    }

    // MARK: Checks

    /// Every data row is in the model or among the rejected rows, unless it was empty or the read stopped.
    func checkNothingLost(_ result: ConversionResult, mapping: Mapping) {
        // Per-level layouts make processes for ancestors that have no row of their own.
        guard mapping.hierarchy.shape != .levelColumns else { return }
        let skipped = result.diagnostics.count { $0.code == .emptyRow }
        let accounted = result.model.processes.count + result.rejectedRecords.count + skipped
        if accounted != result.rowsRead {
            fail("rows lost: \(result.rowsRead) read, \(result.model.processes.count) in the model, \(result.rejectedRecords.count) rejected, \(skipped) empty")
        }
    }

    func renderEverything(_ result: ConversionResult) {
        let model = result.model
        let excel = CanonicalCSVRenderer(options: .excel).render(model)
        checkExcel(excel)
        expectJSON(ModelJSONRenderer().render(model, diagnostics: result.diagnostics), "the model JSON")
        for format in DiagnosticReportRenderer.Format.allCases {
            let report = DiagnosticReportRenderer(format: format).render(result.diagnostics)
            if format == .json { expectJSON(String(decoding: report, as: UTF8.self), "the JSON report") }
        }
        _ = DiagnosticTextRenderer(colored: true).render(result.diagnostics)
        _ = RunSummary(result: result).line
        for language in DocumentLanguage.allCases {
            checkMarkdown(MarkdownRenderer(language: language, title: "T|<b>").render(model, diagnostics: result.diagnostics))
            checkHTML(HTMLRenderer(language: language, title: "T<script>\u{202E}").render(model, diagnostics: result.diagnostics))
        }
        var views: [DOTRenderer.View] = [.landscape, .full, .each]
        if let first = model.processes.first(where: { $0.level == .businessProcess }) ?? model.processes.first {
            views.append(.process(first.id))
        }
        for view in views {
            do {
                checkDOT(try DOTRenderer(title: "t\"\\").render(model, view: view))
            } catch {
                fail("the DOT view \(view) of a process in the model failed: \(error)")
            }
        }
        checkExchange(model)
        checkComparison(model)
        for input in result.inputs {
            guard let header = input.header else { continue }
            _ = RejectsRenderer().render(header: header.cells, records: result.rejectedRecords, dialect: input.dialect)
        }
    }

    /// `cora diff` of the model with itself finds no change when its ids are unique, and with a
    /// version whose names and parents are changed every change is one of the model's processes;
    /// `cora coverage` of the model against itself covers every process (unique ids); every
    /// report of both renders, its JSON parses, its Markdown tables are whole, its HTML has only
    /// cora's elements.
    func checkComparison(_ model: ProcessModel) {
        // Ids cora made from row order never pair (issue 19), so namesakes without ids of their
        // own can be ambiguities even against themselves (Fuzz/FINDINGS.md, N2).
        let uniqueIDs = Set(model.processes.map(\.id)).count == model.processes.count && model.derivedIDs.isEmpty
        let same = ModelComparison(old: model, new: model, oldSource: "a|<b>", newSource: "b\u{1B}")
        if uniqueIDs && !same.changes.isEmpty { fail("a model differs from itself: \(same.changes.prefix(3))") }
        var changed = model
        for index in changed.processes.indices where index % 3 == 0 {
            changed.processes[index].name = String(changed.processes[index].name.reversed())
            changed.processes[index].id += "x"
        }
        let comparison = ModelComparison(old: model, new: changed, oldSource: "a", newSource: "b")
        let ids = Set(model.processes.map(\.id)), newIDs = Set(changed.processes.map(\.id))
        for change in comparison.changes where !(change.old.map(ids.contains) ?? true) || !(change.new.map(newIDs.contains) ?? true) {
            fail("a change names a process neither model has: \(change)")
        }
        for format in [ComparisonFormat.text, .markdown, .csv, .json, .html] {
            let bytes = DiffRenderer(format: format, colours: true).render(comparison)
            let text = String(decoding: bytes, as: UTF8.self)
            if format == .json { expectJSON(text, "the diff JSON") }
            if format == .markdown { checkMarkdown(text) }
        }
        _ = PairsFile.render(comparison.match, old: model, new: changed)
        let coverage = CoverageReport(reference: model, inventory: model)
        if uniqueIDs, let uncovered = coverage.entries.first(where: { $0.status != .covered }) {
            fail("a model does not cover itself: \(model.processes[uncovered.reference].id) is \(uncovered.status)")
        }
        let other = CoverageReport(reference: model, inventory: changed)
        expectJSON(CoverageJSONRenderer().render(other), "the coverage JSON")
        checkMarkdown(CoverageMarkdownRenderer(inventory: "i|", reference: "r").render(other))
        _ = CoverageTextRenderer(colours: true).render(other)
        _ = CoverageCSVRenderer().render(other)
        checkDOT(CoverageHeatMap.dot(other, language: .nl, title: "t\"\\"))
        _ = ComparisonHTMLRenderer().render(other, inventory: "i", reference: "r", note: nil, heatMap: nil)
    }

    /// Canonical CSV → model → canonical CSV gives the same bytes.
    /// `knownGaps`: error codes that the second read may find and the first did not check (the
    /// Archi import does not run the cell rules, nor ask for a name: Fuzz/FINDINGS.md, K2 and K5).
    func checkCanonicalRoundTrip(_ model: ProcessModel, knownGaps: Set<DiagnosticCode> = []) {
        let first = CanonicalCSVRenderer().render(model)
        let canonical = try! MappingCatalog.builtin.mapping(named: "canonical")
        guard let again = try? Pipeline.convert(MemoryByteSource(first), file: "canonical.csv", mapping: canonical) else {
            fail("the canonical CSV could not be read back")
        }
        if again.diagnostics.contains(where: { $0.severity == .error && knownGaps.contains($0.code) }) { return }
        let second = CanonicalCSVRenderer().render(again.model)
        if second != first {
            fail("canonical CSV → model → canonical CSV differs:\n--- first\n\(String(decoding: first, as: UTF8.self))\n--- second\n\(String(decoding: second, as: UTF8.self))\n--- diagnostics\n\(DiagnosticTextRenderer().render(again.diagnostics))")
        }
        // The excel-csv reads back too: its ' come off again.
        let excel = CanonicalCSVRenderer(options: .excel).render(model)
        guard let fromExcel = try? Pipeline.convert(MemoryByteSource(excel), file: "model.excel.csv", mapping: canonical) else {
            fail("the excel-csv could not be read back")
        }
        let third = CanonicalCSVRenderer().render(fromExcel.model)
        if third != first {
            fail("canonical CSV → excel-csv → model → canonical CSV differs:\n--- first\n\(String(decoding: first, as: UTF8.self))\n--- from excel-csv\n\(String(decoding: third, as: UTF8.self))")
        }
        // The workbook reads back too (a model too large for a cell is refused, not written).
        guard let workbook = try? WorkbookRenderer().render(ConversionResult(model: model)) else { return }
        var pipeline = Pipeline(.table(canonical))
        pipeline.read(workbook: workbook, file: "model.xlsx")
        let fromWorkbook = CanonicalCSVRenderer().render(pipeline.finish().model)
        if fromWorkbook != first {
            fail("canonical CSV → xlsx → model → canonical CSV differs:\n--- first\n\(String(decoding: first, as: UTF8.self))\n--- from xlsx\n\(String(decoding: fromWorkbook, as: UTF8.self))")
        }
    }

    /// The Archi export reads back without errors, into the same processes (names and property
    /// values with line breaks made spaces, as Archi does).
    func checkArchiRoundTrip(_ model: ProcessModel) {
        // Known (Fuzz/FINDINGS.md): a process without a level is written as a BusinessProcess, so
        // a process step under it comes back as invalid nesting.
        let parents = Set(model.processes.map(\.parent))
        if model.processes.contains(where: { $0.level == nil && parents.contains($0.id) }) { return }
        // Known: a property named like a key Archi uses for a field (Status, Code, Niveau, …) fills
        // that field when the set is read back.
        if model.propertyNames.contains(where: { ArchiPropertyKey.field(forKey: $0) != nil }) { return }
        let export = ArchiExportRenderer().render(model)
        var pipeline = Pipeline(.archiSet)
        try! pipeline.read(archiSet: ArchiTable.allCases.map { Pipeline.ArchiFile(table: $0, file: $0.fileName, source: MemoryByteSource(export.bytes(of: $0))) })
        let back = pipeline.finish()
        // A model without processes is an Archi set without elements, which reads back as no-processes.
        if model.processes.isEmpty {
            if back.diagnostics.map(\.code) != [.noProcesses] { fail("an empty model's Archi export reads back as \(back.diagnostics.map(\.code))") }
            return
        }
        if back.errorCount > 0 {
            fail("the Archi export of a model reads back with errors:\n\(DiagnosticTextRenderer().render(back.diagnostics))")
        }
        var expected = model.processes.map { process -> CoraProcess in
            var copy = process
            copy.source = nil
            // Names and property values (code, owner, status, order are properties in Archi) have
            // their line breaks and tabs made spaces, as Archi's importer does.
            copy.name = ArchiCSVReader.normalise(copy.name)
            copy.code = ArchiCSVReader.normalise(copy.code)
            copy.owner = ArchiCSVReader.normalise(copy.owner)
            copy.status = ArchiCSVReader.normalise(copy.status)
            copy.function = ArchiCSVReader.normalise(copy.function)
            copy.services = copy.services.map(ArchiCSVReader.normalise)
            copy.events = copy.events.map(ArchiCSVReader.normalise)
            copy.applications = copy.applications.map(ArchiCSVReader.normalise)
            copy.properties = copy.properties.map { Property(name: ArchiCSVReader.normalise($0.name), value: ArchiCSVReader.normalise($0.value)) }
            return copy
        }
        let actual = back.model.processes.map { process -> CoraProcess in
            var copy = process
            copy.source = nil
            return copy
        }
        // A `next` that names no process in the model goes out as a property and comes back after
        // the ones that are relations (K1 in Fuzz/FINDINGS.md).
        let ids = Set(model.processes.map(\.id))
        for index in expected.indices {
            expected[index].next = expected[index].next.filter(ids.contains) + expected[index].next.filter { !ids.contains($0) }
        }
        if actual != expected {
            let first = zip(expected, actual).first { $0 != $1 }
            var fields = ""
            if let (was, now) = first {
                for (a, b) in zip(Mirror(reflecting: was).children, Mirror(reflecting: now).children)
                where String(describing: a.value) != String(describing: b.value) {
                    fields += "\n  \(a.label ?? "?"): \(String(reflecting: a.value)) → \(String(reflecting: b.value))"
                }
            }
            fail("Archi export → import changed the processes (\(expected.count) → \(actual.count)); first difference, process \(first?.0.id ?? "-"):\(fields)")
        }
    }

    /// No cell of the Excel CSV starts with a formula character.
    func checkExcel(_ bytes: [UInt8]) {
        guard let reader = try? CSVReader(source: MemoryByteSource(bytes)) else { fail("the Excel CSV cannot be read") }
        do {
            while let record = try reader.next() {
                for field in record.fields {
                    // `="1.1"`: the one formula excel-csv writes on purpose, a text constant that keeps
                    // a code from becoming a number or a date (TextProtection); its inside is checked.
                    if let inner = TextProtection.wrapped(field) {
                        if FormulaProtection.startsFormula(inner) { fail("a protected Excel cell holds a formula: \(field.debugDescription)") }
                        continue
                    }
                    // The cell, and every part of it a spreadsheet with the other separator would see.
                    let parts = field.split(omittingEmptySubsequences: false) { ",;\n\r".contains($0) }
                    for part in parts where FormulaProtection.startsFormula(String(part)) {
                        fail("an Excel cell starts a formula: \(field.debugDescription), in its part \(part.debugDescription)")
                    }
                }
            }
        } catch {
            fail("the Excel CSV does not read back: \(error)")
        }
    }

    /// Every row of a Markdown table has as many cells as the table's header.
    func checkMarkdown(_ text: String) {
        var columns: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                columns = nil
                continue
            }
            let cells = Self.unescapedPipes(in: line)
            if let columns, cells != columns {
                fail("a Markdown table row has \(cells - 1) cells instead of \(columns - 1):\n\(line)")
            }
            columns = columns ?? cells
        }
    }

    /// The handbook's markup is its own: every tag is one the renderer writes, with one style and
    /// one script, and no link from the data but to http(s) or mail addresses.
    func checkHTML(_ text: String) {
        let known: Set<Substring> = [
            "!DOCTYPE", "html", "head", "meta", "link", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "dl", "dt",
            "dd", "br", "div", "label", "input", "output", "button", "main", "nav", "ul", "li", "section", "figure", "details",
            "summary", "span", "bdi", "table", "thead", "tbody", "tr", "th", "td", "code", "time", "footer", "script", "a",
        ]
        var scripts = 0, styles = 0
        for piece in text.split(separator: "<", omittingEmptySubsequences: true).dropFirst() {
            let body = piece.hasPrefix("/") ? piece.dropFirst() : piece[...]
            let tag = body.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            guard known.contains(tag) else { fail("the handbook has a tag cora does not write: <\(piece.prefix(60))") }
            if piece.hasPrefix("script") { scripts += 1 }
            if piece.hasPrefix("style") { styles += 1 }
            if piece.hasPrefix("a "), let range = piece.range(of: "href=\""),
               !["#", "http://", "https://", "mailto:"].contains(where: { piece[range.upperBound...].lowercased().hasPrefix($0) }) {
                fail("the handbook links to something other than an anchor or a web or mail address: <\(piece.prefix(80))")
            }
        }
        if scripts != 1 || styles != 1 { fail("the handbook has \(scripts) scripts and \(styles) style sheets instead of one each") }
    }

    /// Every line of the DOT text has its quoted strings closed.
    func checkDOT(_ text: String) {
        for line in text.split(separator: "\n") {
            var inQuotes = false
            var escaped = false
            for byte in line.utf8 {
                if escaped { escaped = false; continue }
                if byte == UInt8(ascii: "\\") && inQuotes { escaped = true; continue }
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            }
            if inQuotes { fail("a DOT line leaves a quote open:\n\(line)") }
        }
    }

    func expectJSON(_ text: String, _ what: String) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            fail("\(what) is not valid JSON: \(error)\n\(text.prefix(2000))")
        }
    }

    // MARK: Archi

    /// A workbook: every sheet read within small limits, then converted with the canonical mapping
    /// and rendered; a result or a WorkbookError, never a crash or a hang.
    func runWorkbook(_ bytes: [UInt8]) {
        var limits = WorkbookLimits()
        limits.maxPartBytes = 16 << 20
        limits.maxTotalBytes = 64 << 20
        limits.maxRows = 5_000
        limits.maxColumns = 200
        guard let workbook = try? Workbook(bytes: bytes, limits: limits) else { return }
        for sheet in workbook.sheets {
            guard var rows = try? workbook.rows(of: sheet) else { continue }
            while let row = try? rows.next() { _ = row.cells.count }
        }
        var pipeline = Pipeline(.table(try! MappingCatalog.builtin.mapping(named: Self.shippedMappings[Int(control & 0x03)])))
        pipeline.read(workbook: bytes, file: "fuzz.xlsx", limits: limits)
        let result = pipeline.finish()
        checkNothingLost(result, mapping: try! MappingCatalog.builtin.mapping(named: Self.shippedMappings[Int(control & 0x03)]))
        renderEverything(result)
    }

    func runArchi(_ bytes: [UInt8]) {
        let parts = Self.split(bytes, by: Self.separator, limit: 3)
        var pipeline = Pipeline(.archiSet, settings: ConversionSettings(readOptions: readOptions, keepInvalid: keepInvalid,
                                                                      policy: DiagnosticPolicy(strict: strict)))
        try! pipeline.read(archiSet: zip(ArchiTable.allCases, parts).map { Pipeline.ArchiFile(table: $0, file: $0.fileName, source: MemoryByteSource($1)) })
        let result = pipeline.finish()
        renderEverything(result)
        _ = ArchiExportRenderer().render(result.model)
        if !keepInvalid { checkCanonicalRoundTrip(result.model, knownGaps: [.mojibake, .excelDamage, .missingName]) }
    }

    func runExchange(_ bytes: [UInt8]) {
        var settings = ConversionSettings(readOptions: readOptions, keepInvalid: keepInvalid, policy: DiagnosticPolicy(strict: strict))
        if smallLimits { settings.exchangeLimits = ExchangeReader.Limits(maxBytes: 4_000, maxDepth: 12, maxElements: 300) }
        var pipeline = Pipeline(.archiSet, settings: settings)
        try! pipeline.read(exchange: MemoryByteSource(bytes), file: "fuzz.xml")
        renderEverything(pipeline.finish())
    }

    /// The exchange document of `model` reads back with no finding of the reader.
    func checkExchange(_ model: ProcessModel) {
        let document = ExchangeRenderer(title: "t<&>").render(model)
        var sink = DiagnosticSink()
        let back = ExchangeReader().read(bytes: document, file: "written.xml", sink: &sink)
        let findings = sink.sorted()
        if back == nil || !findings.isEmpty {
            fail("the exchange document cora wrote does not read back cleanly: \(findings.prefix(3).map(\.message))")
        }
    }

    // MARK: Helpers

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
    }

    static func split(_ bytes: [UInt8], by separator: [UInt8], limit: Int) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var rest = bytes[...]
        while parts.count < limit - 1, let cut = find(separator, in: Array(rest)) {
            parts.append(Array(rest.prefix(cut)))
            rest = rest.dropFirst(cut + separator.count)
        }
        parts.append(Array(rest))
        return parts
    }

    static func unescapedPipes(in line: Substring) -> Int {
        var count = 0
        var backslashes = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "\\") {
                backslashes += 1
                continue
            }
            if byte == UInt8(ascii: "|") && backslashes % 2 == 0 { count += 1 }
            backslashes = 0
        }
        return count
    }
}

/// Stops the fuzzer with a finding: libFuzzer saves the input as a crash.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("FUZZ FINDING: " + message + "\n").utf8))
    abort()
}
