import Testing
import ZIPFoundation
@testable import CoraXLSX

/// Files that are no workbook, broken archives, zip bombs and XML entity tricks: each a clear
/// ``WorkbookError``, never a crash, a hang or a file read.
@Suite struct WorkbookSafetyTests {
    static let sheetPart = "xl/worksheets/sheet1.xml"
    static let oneRow = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"

    // MARK: Not a workbook

    @Test func notAZipArchive() {
        #expect(TestWorkbook.error(Array("Code;Naam\n1;Sturen\n".utf8)) == WorkbookError(.notAWorkbook, "the file is not an .xlsx workbook (no zip archive)"))
        #expect(TestWorkbook.error([]) == WorkbookError(.notAWorkbook, "the file is not an .xlsx workbook (no zip archive)"))
    }

    @Test func excel97AndPasswordProtectedWorkbooks() {
        let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let xls = magic + [UInt8](repeating: 0, count: 504) + "Workbook".utf16.flatMap { [UInt8($0), 0] }
        #expect(TestWorkbook.error(xls) == WorkbookError(.legacyExcel, "the file is an Excel 97-2003 workbook (.xls); save it in Excel as .xlsx (Excel Workbook) or as CSV UTF-8"))
        let encrypted = magic + [UInt8](repeating: 0, count: 504) + "EncryptionInfo".utf16.flatMap { [UInt8($0), 0] }
            + [UInt8](repeating: 0, count: 50) + "EncryptedPackage".utf16.flatMap { [UInt8($0), 0] }
        #expect(TestWorkbook.error(encrypted) == WorkbookError(.encrypted, "the workbook is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook) and save it again"))
    }

    @Test func otherZipArchivesSayWhatTheyAre() {
        let docx = TestWorkbook.zip([
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
        ])
        #expect(TestWorkbook.error(docx) == WorkbookError(.notAWorkbook, "the file is a Word document (.docx), not an .xlsx workbook"))
        let ods = TestWorkbook.zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>")], compression: .none)
        #expect(TestWorkbook.error(ods) == WorkbookError(.notAWorkbook, "the file is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx"))
        let plain = TestWorkbook.zip([("readme.txt", "hello")])
        #expect(TestWorkbook.error(plain) == WorkbookError(.notAWorkbook, "the file is a zip archive without a workbook (no xl/workbook.xml), not an .xlsx workbook"))
    }

    // MARK: Broken archives

    @Test func everyTruncationIsMalformedNeverACrash() {
        let bytes = TestWorkbook.sheet(Self.oneRow)
        for length in stride(from: 4, to: bytes.count, by: 7) {
            #expect(TestWorkbook.error(Array(bytes.prefix(length)))?.kind == .malformed, "cut at \(length)")
        }
        #expect(TestWorkbook.error(Array(bytes.prefix(bytes.count / 2))) == WorkbookError(.malformed, "the zip archive is damaged or truncated (its central directory is missing)"))
    }

    @Test func aBadChecksum() throws {
        var bytes = TestWorkbook.workbook(sheets: [("S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")])
        bytes = TestWorkbook.zip(try Self.parts(of: bytes), compression: .none)
        let record = try #require(Self.centralRecord(of: Self.sheetPart, in: bytes))
        let location = try #require(ZipContainer.location(of: Self.sheetPart, in: bytes))
        #expect(record > 0)
        let text = Array("<v>1</v>".utf8)
        let at = try #require((location.dataStart..<(location.dataStart + location.size)).first { bytes[$0..<($0 + text.count)].elementsEqual(text) })
        bytes[at + 3] = UInt8(ascii: "2")
        let workbook = try Workbook(bytes: bytes)
        #expect(throws: WorkbookError(.malformed, "the zip archive is damaged: the checksum (CRC-32) of xl/worksheets/sheet1.xml does not match", part: Self.sheetPart)) {
            _ = try workbook.rows(of: workbook.sheets[0])
        }
    }

    @Test func aDamagedCentralDirectory() throws {
        var bytes = TestWorkbook.sheet(Self.oneRow)
        let record = try #require(Self.centralRecord(of: Self.sheetPart, in: bytes))
        bytes[record] = 0x00
        let error = try #require(TestWorkbook.error(bytes))
        #expect(error.kind == .malformed)
        #expect(error.reason.hasPrefix("the zip archive is damaged"))
    }

    @Test func corruptCompressedDataAndAStreamThatDoesNotEnd() throws {
        var bytes = TestWorkbook.sheet(String(repeating: Self.oneRow, count: 50))
        let location = try #require(ZipContainer.location(of: Self.sheetPart, in: bytes))
        // The compressed size cut in half: the stream runs out (ZIPFoundation's Linux inflater
        // would read on past it and loop at the end of the archive).
        var short = bytes
        let record = try #require(Self.centralRecord(of: Self.sheetPart, in: short))
        Self.put(UInt32(location.compressedSize / 2), at: record + 20, in: &short)
        let workbook = try Workbook(bytes: short)
        #expect(throws: WorkbookError(.malformed, "the zip archive is damaged: the compressed data of xl/worksheets/sheet1.xml ends too soon", part: Self.sheetPart)) {
            _ = try workbook.rows(of: workbook.sheets[0])
        }
        for offset in 0..<4 { bytes[location.dataStart + offset] = 0xFF }
        let corrupt = try Workbook(bytes: bytes)
        #expect(throws: WorkbookError(.malformed, "the zip archive is damaged: the compressed data of xl/worksheets/sheet1.xml is corrupt", part: Self.sheetPart)) {
            _ = try corrupt.rows(of: corrupt.sheets[0])
        }
    }

    @Test func aMissingSheetPart() throws {
        let parts = try Self.parts(of: TestWorkbook.sheet(Self.oneRow)).filter { $0.0 != Self.sheetPart }
        let workbook = try Workbook(bytes: TestWorkbook.zip(parts))
        #expect(throws: WorkbookError(.malformed, "the part xl/worksheets/sheet1.xml of the sheet Blad1 is missing from the archive", part: Self.sheetPart)) {
            _ = try workbook.rows(of: workbook.sheets[0])
        }
    }

    // MARK: Zip bombs and limits

    /// A workbook whose sheet is `rows` and then `padding` bytes of spaces (which deflate to almost nothing).
    static func paddedSheet(_ padding: Int) -> [UInt8] {
        TestWorkbook.sheet(oneRow + String(repeating: " ", count: padding))
    }

    @Test func aPartOverTheSizeLimit() {
        var limits = WorkbookLimits()
        limits.maxPartBytes = 1 << 20
        #expect(TestWorkbook.error(Self.paddedSheet(5 << 20), limits: limits) == WorkbookError(.tooLarge, "the part xl/worksheets/sheet1.xml inflates to 5 MiB, over the limit of 1 MiB (a zip bomb?)", part: Self.sheetPart))
    }

    @Test func aPartOverTheCompressionRatio() throws {
        var limits = WorkbookLimits()
        limits.ratioFloor = 1 << 16
        limits.maxCompressionRatio = 100
        let error = try #require(TestWorkbook.error(Self.paddedSheet(4 << 20), limits: limits))
        #expect(error.kind == .tooLarge)
        #expect(error.part == Self.sheetPart)
        #expect(error.reason.hasPrefix("the part xl/worksheets/sheet1.xml inflates "))
        #expect(error.reason.hasSuffix(" to 4 MiB), over the limit of 100 times (a zip bomb?)"))
        limits.ratioFloor = 8 << 20
        #expect(TestWorkbook.error(Self.paddedSheet(4 << 20), limits: limits) == nil)
    }

    @Test func aPartThatInflatesToMoreThanItDeclares() throws {
        var bytes = Self.paddedSheet(1 << 20)
        let record = try #require(Self.centralRecord(of: Self.sheetPart, in: bytes))
        let location = try #require(ZipContainer.location(of: Self.sheetPart, in: bytes))
        Self.put(UInt32(1000), at: record + 24, in: &bytes)
        Self.put(UInt32(1000), at: location.dataStart - 30 - Self.sheetPart.utf8.count + 22, in: &bytes)
        let workbook = try Workbook(bytes: bytes)
        #expect(throws: WorkbookError(.malformed, "the part xl/worksheets/sheet1.xml inflates to more than the 1000 bytes the archive declares for it (a zip bomb?)", part: Self.sheetPart)) {
            _ = try workbook.rows(of: workbook.sheets[0])
        }
    }

    @Test func theTotalFileAndEntryLimits() throws {
        let bytes = Self.paddedSheet(100_000)
        var limits = WorkbookLimits()
        limits.maxTotalBytes = 50_000
        let workbook = try Workbook(bytes: bytes, limits: limits)
        #expect(throws: WorkbookError(.tooLarge, "the parts read inflate to more than 48.8 KiB, over the limit (a zip bomb?)", part: Self.sheetPart)) {
            _ = try workbook.rows(of: workbook.sheets[0])
        }
        limits = WorkbookLimits()
        limits.maxFileBytes = 1000
        #expect(TestWorkbook.error(bytes, limits: limits) == WorkbookError(.tooLarge, "the workbook is \(ByteCount(bytes.count)), over the limit of 1000 bytes"))
        limits = WorkbookLimits()
        limits.maxEntries = 3
        #expect(TestWorkbook.error(bytes, limits: limits) == WorkbookError(.tooLarge, "the zip archive has 5 entries, over the limit of 3"))
    }

    @Test func rowsAndColumnsOverTheLimitsNameTheCell() {
        var limits = WorkbookLimits()
        limits.maxRows = 10
        limits.maxColumns = 3
        let rows = "<row r=\"10\"><c r=\"C10\"><v>1</v></c></row><row r=\"11\"><c r=\"A11\"><v>1</v></c></row>"
        #expect(TestWorkbook.error(TestWorkbook.sheet(rows), limits: limits) == WorkbookError(.tooLarge, "the sheet has a row 11 (cell A11), over the limit of 10 rows", part: Self.sheetPart, line: 2))
        #expect(TestWorkbook.error(TestWorkbook.sheet("<row r=\"2\"><c><v>1</v></c><c/><c/><c><v>4</v></c></row>"), limits: limits) == WorkbookError(.tooLarge, "the cell D2 is beyond column C, the last of 3 columns allowed", part: Self.sheetPart, line: 2))
        #expect(TestWorkbook.error(TestWorkbook.sheet("<row r=\"1048577\"><c><v>1</v></c></row>")) == WorkbookError(.tooLarge, "the sheet has a row 1048577 (cell A1048577), over the limit of 1048576 rows", part: Self.sheetPart, line: 2))
    }

    @Test func tooManySharedStrings() {
        var limits = WorkbookLimits()
        limits.maxSharedStrings = 2
        #expect(TestWorkbook.error(TestWorkbook.sheet(Self.oneRow, sharedStrings: ["<si><t>a</t></si>", "<si><t>b</t></si>", "<si><t>c</t></si>"]), limits: limits)
            == WorkbookError(.tooLarge, "the workbook has more than 2 shared strings, over the limit", part: "xl/sharedStrings.xml", line: 2))
    }

    // MARK: XML

    @Test func aDTDIsRefusedSoNoEntityExpands() {
        let laughs = """
            <!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">\
            <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">\
            <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
            <sst xmlns="\(TestWorkbook.main)"><si><t>&lol9;</t></si></sst>
            """
        var parts = (try? Self.parts(of: TestWorkbook.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", sharedStrings: []))) ?? []
        parts.removeAll { $0.0 == "xl/sharedStrings.xml" }
        parts.append(("xl/sharedStrings.xml", laughs))
        #expect(TestWorkbook.error(TestWorkbook.zip(parts)) == WorkbookError(.malformed, "a DTD is not allowed in a workbook part", part: "xl/sharedStrings.xml", line: 1))
    }

    @Test func anExternalEntityIsNeverRead() throws {
        let sheet = """
            <?xml version="1.0"?>
            <!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
            <worksheet xmlns="\(TestWorkbook.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>
            """
        var parts = try Self.parts(of: TestWorkbook.sheet(Self.oneRow))
        parts.removeAll { $0.0 == Self.sheetPart }
        parts.append((Self.sheetPart, sheet))
        #expect(TestWorkbook.error(TestWorkbook.zip(parts)) == WorkbookError(.malformed, "a DTD is not allowed in a workbook part", part: Self.sheetPart, line: 2))
    }

    @Test("a part in another encoding than UTF-8 is refused before the parser reads it: no DOCTYPE hides in UTF-16 or UTF-7")
    func onlyUTF8Parts() throws {
        let doctype = #"<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>"#
        let body = #"<worksheet xmlns="\#(TestWorkbook.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"#
        let utf16: [UInt8] = [0xFF, 0xFE] + Array(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + doctype + body).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf7: [UInt8] = Array(#"<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE worksheet+AD4-"#.utf8) + Array(body.utf8)
        let latin1: [UInt8] = Array(#"<?xml version="1.0" encoding='ISO-8859-1'?>"#.utf8) + Array(body.utf8)
        let cases: [([UInt8], String)] = [
            (utf16, "the part is not UTF-8 XML (it starts with the byte 0xFF); a workbook's parts are UTF-8"),
            (utf7, "the part declares the encoding \"UTF-7\"; a workbook's parts are UTF-8"),
            (latin1, "the part declares the encoding \"ISO-8859-1\"; a workbook's parts are UTF-8"),
        ]
        for (bytes, reason) in cases {
            var parts = try Self.parts(of: TestWorkbook.sheet(Self.oneRow)).map { ($0.0, Array($0.1.utf8)) }
            parts.removeAll { $0.0 == Self.sheetPart }
            parts.append((Self.sheetPart, bytes))
            #expect(throws: WorkbookError(.malformed, reason, part: Self.sheetPart, line: 1)) { _ = try TestWorkbook.rows(TestWorkbook.zipBytes(parts)) }
        }
        // UTF-8 declared in any spelling reads.
        var parts = try Self.parts(of: TestWorkbook.sheet(Self.oneRow))
        let sheet = try #require(parts.first { $0.0 == Self.sheetPart }).1
        parts.removeAll { $0.0 == Self.sheetPart }
        var rest = Substring(sheet)
        if rest.hasPrefix("<?xml"), let end = rest.firstRange(of: "?>") { rest = rest[end.upperBound...] }
        parts.append((Self.sheetPart, #"<?xml version="1.0" encoding="utf8" standalone="yes"?>"# + rest))
        #expect(TestWorkbook.error(TestWorkbook.zip(parts)) == nil)
    }

    @Test func xmlThatDoesNotParseSaysWhereAndWhy() throws {
        let error = try #require(TestWorkbook.error(TestWorkbook.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")))
        #expect(error.kind == .malformed)
        #expect(error.part == Self.sheetPart)
        #expect(error.line == 2)
        #expect(error.reason.hasPrefix("the XML of the part does not parse: "))
        #expect(error.reason.contains("mismatch"))
    }

    // MARK: Helpers

    /// The parts of a zip made by ``TestWorkbook``, as text.
    static func parts(of bytes: [UInt8]) throws -> [(String, String)] {
        let archive = try Archive(data: .init(bytes), accessMode: .read)
        return try archive.map { entry in
            var data: [UInt8] = []
            _ = try archive.extract(entry) { data += $0 }
            return (entry.path, String(decoding: data, as: UTF8.self))
        }
    }

    /// Where the central directory record of `path` starts.
    static func centralRecord(of path: String, in bytes: [UInt8]) -> Int? {
        let name = Array(path.utf8)
        for index in 0..<(bytes.count - 46) where bytes[index] == 0x50 && bytes[index + 1] == 0x4B && bytes[index + 2] == 1 && bytes[index + 3] == 2 {
            let length = Int(bytes[index + 28]) | Int(bytes[index + 29]) << 8
            if bytes[(index + 46)..<min(index + 46 + length, bytes.count)].elementsEqual(name) { return index }
        }
        return nil
    }

    static func put(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for byte in 0..<4 { bytes[offset + byte] = UInt8(truncatingIfNeeded: value >> (8 * byte)) }
    }
}
