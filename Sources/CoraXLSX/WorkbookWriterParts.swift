/// The parts of a workbook besides its sheets and shared strings: the package's content types and
/// relationships, the document properties (with fixed dates, so that the same content gives the
/// same bytes), the workbook with its sheets and autofilter names, and the styles.
enum WorkbookWriterParts {
    /// The XML declaration every part starts with.
    static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// The date written as created and modified: no clock, the same bytes every time.
    static let fixedDate = "1980-01-01T00:00:00Z"

    /// The part name of sheet `number` (1-based).
    static func sheetPart(_ number: Int) -> String { "xl/worksheets/sheet\(number).xml" }

    /// `[Content_Types].xml` for `sheetCount` sheets.
    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        xml.raw("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        xml.raw("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        xml.raw("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
        for offset in 0..<sheetCount {
            xml.raw("<Override PartName=\"/")
            xml.raw(sheetPart(offset + 1))
            xml.raw("\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
        }
        xml.raw("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
        xml.raw("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
        xml.raw("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
        xml.raw("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
        xml.raw("</Types>")
        return xml.bytes
    }

    /// `_rels/.rels`: the workbook and the document properties.
    static func packageRelationships() -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        xml.raw("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>")
        xml.raw("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>")
        xml.raw("<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>")
        xml.raw("</Relationships>")
        return xml.bytes
    }

    /// `docProps/core.xml`: title, creator, and the fixed dates.
    static func coreProperties(_ properties: WorkbookProperties) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        if let title = properties.title {
            xml.raw("<dc:title>")
            xml.text(title)
            xml.raw("</dc:title>")
        }
        xml.raw("<dc:creator>")
        xml.text(properties.creator)
        xml.raw("</dc:creator>")
        xml.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
        xml.raw(fixedDate)
        xml.raw("</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
        xml.raw(fixedDate)
        xml.raw("</dcterms:modified></cp:coreProperties>")
        return xml.bytes
    }

    /// `docProps/app.xml`: the application.
    static func appProperties(_ properties: WorkbookProperties) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>")
        xml.text(properties.creator)
        xml.raw("</Application></Properties>")
        return xml.bytes
    }

    /// `xl/workbook.xml`: the sheets in order (the first one shown), and each sheet's autofilter
    /// range as the hidden name `_xlnm._FilterDatabase` that Excel writes for it.
    static func workbook(names: [String], filterRanges: [String?]) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        xml.raw("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>")
        for (offset, name) in names.enumerated() {
            xml.raw("<sheet name=\"")
            xml.text(name)
            xml.raw("\" sheetId=\"")
            xml.decimal(offset + 1)
            xml.raw("\" r:id=\"rId")
            xml.decimal(offset + 1)
            xml.raw("\"/>")
        }
        xml.raw("</sheets>")
        if filterRanges.contains(where: { $0 != nil }) {
            xml.raw("<definedNames>")
            for (offset, range) in filterRanges.enumerated() {
                guard let range else { continue }
                xml.raw("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"")
                xml.decimal(offset)
                xml.raw("\" hidden=\"1\">")
                xml.text(range)
                xml.raw("</definedName>")
            }
            xml.raw("</definedNames>")
        }
        xml.raw("</workbook>")
        return xml.bytes
    }

    /// `xl/_rels/workbook.xml.rels`: the sheets (`rId1`…), then the styles and the shared strings.
    static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for number in stride(from: 1, through: sheetCount, by: 1) {
            xml.raw("<Relationship Id=\"rId")
            xml.decimal(number)
            xml.raw("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
            xml.decimal(number)
            xml.raw(".xml\"/>")
        }
        xml.raw("<Relationship Id=\"rId")
        xml.decimal(sheetCount + 1)
        xml.raw("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
        xml.raw("<Relationship Id=\"rId")
        xml.decimal(sheetCount + 2)
        xml.raw("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        xml.raw("</Relationships>")
        return xml.bytes
    }

    /// `xl/styles.xml`: cell format 0 the default, 1 the bold header in text format, 2 a text cell
    /// in text format (`@`, number format 49, so that an edit in Excel stays text), 3 a number in
    /// the general format.
    static func styles() -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        xml.raw("<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>")
        xml.raw("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>")
        xml.raw("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>")
        xml.raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        xml.raw("<cellXfs count=\"4\">")
        xml.raw("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
        xml.raw("<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>")
        xml.raw("<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>")
        xml.raw("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>")
        xml.raw("</cellXfs>")
        xml.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        xml.raw("</styleSheet>")
        return xml.bytes
    }
}
