/// The parts that say where things are: the package's relationships and content types (which
/// part is the workbook), the workbook's relationships (which part is each sheet, the shared
/// strings, the styles) and `workbook.xml` (the sheets in tab order, the date system).
struct WorkbookParts {
    /// The workbook part, such as `xl/workbook.xml`.
    var workbookPart: String
    /// The sheets in tab order.
    var sheets: [WorkbookSheet]
    /// Whether dates count from 1904.
    var usesDate1904: Bool
    /// The shared strings part, when there is one.
    var sharedStringsPart: String?
    /// The styles part, when there is one.
    var stylesPart: String?

    private static let officeDocumentType = "/officeDocument"

    /// Reads the parts of `container`; a zip archive that holds no workbook throws
    /// ``WorkbookError/Kind/notAWorkbook`` naming what it looks like.
    init(_ container: ZipContainer) throws(WorkbookError) {
        guard let workbookPart = try WorkbookParts.findWorkbookPart(container) else {
            throw WorkbookError(.notAWorkbook, WorkbookParts.lookalike(container))
        }
        self.workbookPart = workbookPart
        let relations = try WorkbookParts.relationships(of: workbookPart, in: container)
        sharedStringsPart = relations.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? (container.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
        stylesPart = relations.first { $0.type.hasSuffix("/styles") }?.target
            ?? (container.has("xl/styles.xml") ? "xl/styles.xml" : nil)
        guard let bytes = try container.part(workbookPart) else {
            throw WorkbookError(.notAWorkbook, "the zip archive holds no workbook part (\(workbookPart))")
        }
        let reader = try XMLPullReader(bytes: bytes, part: workbookPart)
        var sheets: [WorkbookSheet] = []
        var date1904 = false
        let targets = Dictionary(relations.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
        while try reader.read() {
            guard reader.kind == .element else { continue }
            if reader.isNamed("workbookPr", in: OOXMLNamespace.spreadsheet) {
                let value = try reader.attributes()["date1904"]
                date1904 = value == "1" || value == "true"
            } else if reader.isNamed("sheet", in: OOXMLNamespace.spreadsheet) {
                let attributes = try reader.attributes()
                let name = attributes["name"] ?? "Sheet\(sheets.count + 1)"
                guard let id = try reader.attribute("id", in: OOXMLNamespace.relationships), let target = targets[id] else {
                    throw WorkbookError(.malformed, "the sheet \(name) has no part in the workbook's relationships", part: workbookPart, line: reader.line)
                }
                let state = attributes["state"]
                sheets.append(WorkbookSheet(name: name, number: sheets.count + 1,
                                            isHidden: state == "hidden" || state == "veryHidden", part: target))
            }
        }
        self.sheets = sheets
        usesDate1904 = date1904
    }

    /// One relationship: its id, type and target part (resolved to a path in the archive).
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of `part` (from `dir/_rels/name.rels`), external ones left out.
    static func relationships(of part: String, in container: ZipContainer) throws(WorkbookError) -> [Relationship] {
        let directory = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
        guard let bytes = try container.part(relsPart) else { return [] }
        let reader = try XMLPullReader(bytes: bytes, part: relsPart)
        var result: [Relationship] = []
        while try reader.read() {
            guard reader.kind == .element, reader.isNamed("Relationship", in: OOXMLNamespace.packageRelationships) else { continue }
            let attributes = try reader.attributes()
            guard attributes["TargetMode"] != "External", let id = attributes["Id"], let target = attributes["Target"] else { continue }
            result.append(Relationship(id: id, type: attributes["Type"] ?? "", target: resolve(target, from: directory)))
        }
        return result
    }

    /// `target` as a path in the archive: absolute (`/xl/…`) or relative to `directory`.
    static func resolve(_ target: String, from directory: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// The workbook part: the package's officeDocument relationship, else the content type of a
    /// workbook, else `xl/workbook.xml`.
    private static func findWorkbookPart(_ container: ZipContainer) throws(WorkbookError) -> String? {
        let spreadsheetTypes = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
                                "application/vnd.ms-excel.template.macroEnabled.main+xml"]
        var fromContentTypes: String?
        if let bytes = try container.part("[Content_Types].xml") {
            let reader = try XMLPullReader(bytes: bytes, part: "[Content_Types].xml")
            while try reader.read() {
                guard reader.kind == .element, reader.isNamed("Override", in: OOXMLNamespace.contentTypes) else { continue }
                let attributes = try reader.attributes()
                if let type = attributes["ContentType"], spreadsheetTypes.contains(type), let name = attributes["PartName"] {
                    fromContentTypes = resolve(name, from: "")
                    break
                }
            }
        }
        let office = try relationships(of: "", in: container).first { $0.type.hasSuffix(officeDocumentType) }?.target
        for candidate in [office, fromContentTypes, "xl/workbook.xml"] {
            if let candidate, candidate.hasSuffix(".xml"), container.has(candidate),
               candidate == fromContentTypes || candidate.hasSuffix("workbook.xml") { return candidate }
        }
        return nil
    }

    /// What a zip archive without a workbook looks like, as a sentence.
    private static func lookalike(_ container: ZipContainer) -> String {
        if container.has("xl/workbook.bin") {
            return "the file is an Excel binary workbook (.xlsb), not an .xlsx workbook; save it in Excel as .xlsx (Excel Workbook)"
        }
        if container.has("word/document.xml") {
            return "the file is a Word document (.docx), not an .xlsx workbook"
        }
        if container.has("ppt/presentation.xml") {
            return "the file is a PowerPoint presentation (.pptx), not an .xlsx workbook"
        }
        if let mimetype = try? container.part("mimetype"), mimetype.count < 200 {
            let type = mimetype.text.trimmingWhitespace()
            if type == "application/vnd.oasis.opendocument.spreadsheet" {
                return "the file is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx"
            }
            if type.hasPrefix("application/vnd.oasis.opendocument.") {
                return "the file is an OpenDocument file (\(type)), not an .xlsx workbook"
            }
        }
        return "the file is a zip archive without a workbook (no xl/workbook.xml), not an .xlsx workbook"
    }
}
