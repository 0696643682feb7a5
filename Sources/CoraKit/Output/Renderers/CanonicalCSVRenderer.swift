import CoraCSV
import Dispatch

/// Renders the model as the canonical CSV: the 19 canonical columns (layout 2,
/// ``CanonicalField/canonicalLayoutVersion``) in their fixed order, then one
/// column per property; multi-valued fields joined with `|`.
///
/// With ``CSVWriteOptions/canonical`` the output reads back into the same model and renders to the
/// same bytes. With ``CSVWriteOptions/excel`` it is ready for Excel (`;`, BOM, CRLF, formulas defused).
public struct CanonicalCSVRenderer: Sendable {
    /// The CSV layout.
    public var options: CSVWriteOptions

    /// Creates a renderer.
    public init(options: CSVWriteOptions = .canonical) {
        self.options = options
    }

    /// The header row: canonical field names, then the property names.
    ///
    /// Property names are written trimmed (a blank one as `column N`), as the reader names columns.
    /// A property whose name reads as a canonical column or as an earlier property (headers match
    /// ignoring case, accents and spaces: an unmapped source column `parent`, or `Afdeling` and
    /// `afdeling` from two inputs) is written as `NAME (2)`, `NAME (3)`, …, as a repeated header is
    /// named when read, so that the CSV reads back into the same columns.
    public func header(for model: ProcessModel) -> [String] {
        var used = Set(CanonicalField.canonicalHeader.map(TextNormalization.headerKey))
        let propertyKeys = Set(model.propertyNames.map(TextNormalization.headerKey))
        var names: [String] = []
        names.reserveCapacity(model.propertyNames.count)
        for (position, original) in model.propertyNames.enumerated() {
            // As the reader names columns: trimmed, and `column N` for a blank one (a property
            // named so in an Archi set or by a program would otherwise come back renamed).
            let trimmed = original.trimmingWhitespace()
            let name = trimmed.isEmpty ? "column \(CanonicalField.canonicalHeader.count + position + 1)" : trimmed
            var written = name
            if used.contains(TextNormalization.headerKey(name)) {
                var counter = 2
                while case let key = TextNormalization.headerKey("\(name) (\(counter))"), used.contains(key) || propertyKeys.contains(key) {
                    counter += 1
                }
                written = "\(name) (\(counter))"
            }
            used.insert(TextNormalization.headerKey(written))
            names.append(written)
        }
        return CanonicalField.canonicalHeader + names
    }

    /// The property cells of one process, in the order of `propertyNames`.
    private static func appendPropertyCells(of process: CoraProcess, propertyNames: [String], to cells: inout [String]) {
        if process.properties.count <= 8 {
            for name in propertyNames { cells.append(process.property(name) ?? "") }
        } else {
            // Looked up by name, not searched per column: a file of 10,000 columns would otherwise
            // take 10,000² comparisons per row. The first property of a name wins, as in `property(_:)`.
            var values: [String: String] = [:]
            values.reserveCapacity(process.properties.count)
            for property in process.properties where values[property.name] == nil { values[property.name] = property.value }
            for name in propertyNames { cells.append(values[name] ?? "") }
        }
    }

    /// The whole CSV document.
    ///
    /// When a header cell holds another delimiter that readers sniff for (a property named
    /// `Procescode;Procesnaam;Soort`), the header is written with every cell quoted: the delimiter is
    /// guessed from the delimiters outside quotes, and a short file could otherwise read back as
    /// `;`-separated.
    public func render(_ model: ProcessModel) -> [UInt8] {
        var output: [UInt8] = []
        render(model) { output.append(contentsOf: $0) }
        return output
    }

    /// The whole CSV document, handed to `write` in pieces (a block of processes each) as it is
    /// made, so that a large model is never held twice in memory (once as processes, once as bytes).
    ///
    /// With `threads` above 1, that many blocks are rendered at a time, each on a thread of its
    /// own, and handed to `write` in order: the same bytes, sooner on a machine with cores to
    /// spare. `write` is always called on the caller's thread.
    public func render<E: Error>(_ model: ProcessModel, threads: Int = 1,
                                 in write: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let header = header(for: model)
        let others = DialectSniffer.candidateDelimiters.filter { $0 != options.delimiter }
        var headerOptions = options
        if header.contains(where: { cell in cell.utf8.contains(where: others.contains) }) { headerOptions.quoting = .all }
        var headerWriter = CSVWriter(options: headerOptions)
        headerWriter.write(header)
        try headerWriter.drain(write)
        var rowOptions = options
        rowOptions.byteOrderMark = false  // written with the header
        let threads = max(1, min(threads, 16))
        var start = 0
        while start < model.processes.count {
            let blocks = (0..<threads).map { number in
                let from = min(start + number * Self.blockSize, model.processes.count)
                return from..<min(from + Self.blockSize, model.processes.count)
            }
            for var writer in renderBlocks(blocks, of: model, options: rowOptions) { try writer.drain(write) }
            start = blocks.last!.upperBound
        }
    }

    /// Processes per block: about a megabyte of CSV.
    static let blockSize = 8192

    /// The rows of each block of `model`'s processes, in a writer each; several blocks at the same
    /// time, one thread per block.
    private func renderBlocks(_ blocks: [Range<Int>], of model: ProcessModel, options: CSVWriteOptions) -> [CSVWriter] {
        let hasRepeatedPropertyName = Set(model.propertyNames).count != model.propertyNames.count
        @Sendable func render(_ block: Range<Int>) -> CSVWriter {
            var writer = CSVWriter(options: options)
            // Straight from the arena, unless a property name is listed twice (each of its
            // columns then has the value, as `property(_:)` finds it).
            if let (columns, selection) = model.processes.columns, !hasRepeatedPropertyName {
                Self.appendRows(of: columns, selection: selection, block: block, propertyNames: model.propertyNames, to: &writer)
                return writer
            }
            var properties: [String] = []
            for index in block {
                appendCells(of: model.processes[index], propertyNames: model.propertyNames, to: &writer, scratch: &properties)
                writer.endRecord()
            }
            return writer
        }
        let busy = blocks.filter { !$0.isEmpty }
        guard busy.count > 1 else { return busy.map(render) }
        var rendered = [CSVWriter?](repeating: nil, count: busy.count)
        rendered.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results  // each thread writes its own element only
            DispatchQueue.concurrentPerform(iterations: busy.count) { number in results[number] = render(busy[number]) }
        }
        return rendered.map { $0! }
    }

    /// Writes the cells of one process, in the order of ``header(for:)``: the canonical fields
    /// (multi-valued ones joined with `|`), then the properties.
    private func appendCells(of process: CoraProcess, propertyNames: [String], to writer: inout CSVWriter, scratch: inout [String]) {
        Self.appendCells(of: process, propertyNames: propertyNames, to: &writer, scratch: &scratch)
    }

    /// The cells of one process, in the order of ``header(for:)``: the canonical fields (multi-valued
    /// ones joined with `|`), then the properties; for a renderer that types them (a workbook).
    public static func cells(of process: CoraProcess, propertyNames: [String]) -> [String] {
        var cells: [String] = []
        cells.reserveCapacity(CanonicalField.canonicalHeader.count + propertyNames.count)
        var scratch: [String] = []
        appendCells(of: process, propertyNames: propertyNames, to: &cells, scratch: &scratch)
        return cells
    }

    /// The position of the `order` column among the cells (the one number of the table).
    public static let orderColumn = CanonicalField.canonicalHeader.firstIndex(of: CanonicalField.order.rawValue) ?? 6

    /// Appends the cells of one process to `sink`, in the order of ``header(for:)``.
    private static func appendCells(of process: CoraProcess, propertyNames: [String], to sink: inout some CanonicalCellSink, scratch: inout [String]) {
        sink.appendField(process.id)
        sink.appendField(process.code)
        sink.appendField(process.name)
        sink.appendField(process.level?.rawValue ?? "")
        sink.appendField(process.category?.rawValue ?? "")
        sink.appendField(process.parent)
        sink.appendField(process.order.map(String.init) ?? "")
        sink.appendField(process.owner)
        sink.appendField(process.function)
        func appendList(_ list: [String]) {
            switch list.count {
            case 0: sink.appendField("")
            case 1: sink.appendField(list[0])
            default: sink.appendField(list.joined(separator: CanonicalField.valueSeparator))
            }
        }
        appendList(process.services)
        appendList(process.events)
        appendList(process.applications)
        appendList(process.next)
        sink.appendField(process.status)
        sink.appendField(process.description)
        appendList(process.requirements)
        appendList(process.steers)
        appendList(process.reportsTo)
        sink.appendField(process.pdcaPhase?.rawValue ?? "")
        guard !propertyNames.isEmpty else { return }
        if process.properties.isEmpty {
            for _ in propertyNames { sink.appendField("") }
            return
        }
        scratch.removeAll(keepingCapacity: true)
        appendPropertyCells(of: process, propertyNames: propertyNames, to: &scratch)
        for cell in scratch { sink.appendField(cell) }
    }
}

/// Where the canonical cells of a process go: a CSV writer, or a list of cells.
protocol CanonicalCellSink {
    mutating func appendField(_ field: String)
}

extension CSVWriter: CanonicalCellSink {}

extension Array: CanonicalCellSink where Element == String {
    mutating func appendField(_ field: String) { append(field) }
}
