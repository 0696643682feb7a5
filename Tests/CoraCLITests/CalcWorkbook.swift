import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// LibreOffice Calc, headless, opening workbooks (.xlsx) and saving them as flat ODF spreadsheets
/// (.fods), in a profile of its own; every sheet is read with each cell's type as Calc holds it.
enum CalcWorkbook {
    /// A cell as Calc holds it (the typed cells of ``ExcelCodesAsTextTests/TypedCalc``).
    typealias Cell = ExcelCodesAsTextTests.TypedCalc.Cell

    /// A sheet: its name and rows (trailing empty cells and rows left out).
    struct Sheet {
        var name: String
        var rows: [[Cell]]
        var formulas: [String]
    }

    /// Opens `files` in one run of LibreOffice and returns each one's sheets in order.
    static func open(_ files: [URL], in scratch: Scratch, folder: String = "fods") throws -> [URL: [Sheet]] {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cora-soffice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let out = scratch.url.appendingPathComponent(folder)
        let run = try Tool.run("soffice", ["-env:UserInstallation=\(profile.absoluteString)", "--headless",
                                           "--convert-to", "fods", "--outdir", out.path] + files.map(\.path), input: [])
        var result: [URL: [Sheet]] = [:]
        for file in files {
            let fods = out.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".fods")
            guard let data = FileManager.default.contents(atPath: fods.path) else {
                Issue.record("LibreOffice wrote no \(fods.lastPathComponent) (exit \(run.status)): \(run.stderr)")
                continue
            }
            let reader = Reader()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            #expect(parser.parse(), "\(file.lastPathComponent): the .fods is not XML")
            result[file] = reader.sheets
        }
        return result
    }

    /// Reads every table of a .fods: each cell's `office:value-type` with its value, or for text
    /// its paragraphs (joined by line breaks; `text:s`, `text:tab` and `text:line-break` as the
    /// characters they stand for); annotations left out.
    final class Reader: NSObject, XMLParserDelegate {
        var sheets: [Sheet] = []
        private var row: [Cell]?
        private var rowRepeat = 1
        private var type: String?
        private var value = ""
        private var text: String?
        private var inParagraph = false
        private var annotation = 0
        private var repeated = 1

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if annotation > 0 || name == "office:annotation" { annotation += 1; return }
            switch name {
            case "table:table": sheets.append(Sheet(name: attributes["table:name"] ?? "", rows: [], formulas: []))
            case "table:table-row":
                row = []
                rowRepeat = min(Int(attributes["table:number-rows-repeated"] ?? "1") ?? 1, 100)
            case "table:table-cell", "table:covered-table-cell":
                guard row != nil else { return }
                type = attributes["office:value-type"] ?? ""
                value = attributes["office:value"] ?? attributes["office:date-value"] ?? attributes["office:boolean-value"] ?? ""
                text = nil
                repeated = min(Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1, 100)
                if let formula = attributes["table:formula"] { sheets[sheets.count - 1].formulas.append(formula) }
            case "text:p" where type != nil:
                text = (text.map { $0 + "\n" }) ?? ""
                inParagraph = true
            case "text:s" where inParagraph:
                text! += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1)
            case "text:tab" where inParagraph: text! += "\t"
            case "text:line-break" where inParagraph: text! += "\n"
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if annotation == 0, inParagraph, text != nil { text! += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if annotation > 0 { annotation -= 1; return }
            switch name {
            case "text:p": inParagraph = false
            case "table:table-cell", "table:covered-table-cell":
                guard let type else { return }
                let cell: Cell = switch type {
                case "": .empty
                case "string": .text(text ?? "")
                case "float": .number(value)
                case "date": .date(value)
                default: .other(type, value)
                }
                row?.append(contentsOf: Array(repeating: cell, count: repeated))
                self.type = nil
            case "table:table-row":
                guard var cells = row else { return }
                while cells.last == .empty { cells.removeLast() }
                for _ in 0..<(cells.isEmpty ? 1 : rowRepeat) { sheets[sheets.count - 1].rows.append(cells) }
                row = nil
            case "table:table":
                while sheets[sheets.count - 1].rows.last?.isEmpty == true { sheets[sheets.count - 1].rows.removeLast() }
            default: break
            }
        }
    }
}
