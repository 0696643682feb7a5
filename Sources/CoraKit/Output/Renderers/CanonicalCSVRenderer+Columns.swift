import CoraCSV

/// The canonical CSV of a model kept in columns, written straight from its byte arena: every cell
/// is the bytes of its text, with no string made for it.
extension CanonicalCSVRenderer {
    /// Writes the rows of the processes at `block` (positions in the list) to `writer`, in the
    /// order of ``header(for:)``.
    static func appendRows(of columns: ProcessColumns, selection: [Int32]?, block: Range<Int>, propertyNames: [String],
                           to writer: inout CSVWriter) {
        // Where each of the store's property numbers goes among the model's property columns.
        var columnOfProperty = [Int](repeating: -1, count: columns.propertyNames.count)
        var numberOfName: [String: Int] = [:]
        for (position, name) in propertyNames.enumerated() where numberOfName[name] == nil { numberOfName[name] = position }
        for (number, name) in columns.propertyNames.enumerated() { columnOfProperty[number] = numberOfName[name] ?? -1 }
        var propertyCells = [Range<Int>?](repeating: nil, count: propertyNames.count)
        var joined: [UInt8] = []
        var digits: [UInt8] = []
        // Per row: where each text is, and where each list begins (its count).
        var texts = [Range<Int>](repeating: 0..<0, count: ProcessColumns.Text.allCases.count)
        var lists = [Int](repeating: 0, count: ProcessColumns.List.allCases.count)
        columns.arena.withUnsafeBufferPointer { arena in
            func cell(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: arena[range]) }
            func text(at offset: Int) -> Range<Int> {
                var reader = ProcessColumns.Reader(bytes: arena, offset: offset)
                let length = reader.number()
                return reader.offset..<(reader.offset + length)
            }
            func word(_ code: UInt8, _ words: [[UInt8]], to writer: inout CSVWriter) {
                words[Int(code)].withUnsafeBufferPointer { writer.appendField(utf8: $0) }
            }
            for index in block {
                let position = selection.map { Int($0[index]) } ?? index
                var reader = ProcessColumns.Reader(bytes: arena, offset: columns.records[position])
                for which in texts.indices {
                    let length = reader.number()
                    texts[which] = reader.offset..<(reader.offset + length)
                    reader.offset += length
                }
                for which in lists.indices {
                    lists[which] = reader.offset
                    reader.skipList()
                }
                func list(_ which: ProcessColumns.List, to writer: inout CSVWriter) {
                    var items = ProcessColumns.Reader(bytes: arena, offset: lists[which.rawValue])
                    let count = items.number()
                    if count == 1 {
                        writer.appendField(utf8: items.nextBytes())
                        return
                    }
                    joined.removeAll(keepingCapacity: true)
                    for item in 0..<count {
                        if item > 0 { joined.append(UInt8(ascii: "|")) }
                        joined.append(contentsOf: items.nextBytes())
                    }
                    joined.withUnsafeBufferPointer { writer.appendField(utf8: $0) }
                }
                writer.appendField(utf8: cell(text(at: columns.ids[position])))
                writer.appendField(utf8: cell(texts[ProcessColumns.Text.code.rawValue]))
                writer.appendField(utf8: cell(texts[ProcessColumns.Text.name.rawValue]))
                word(columns.levels[position], levelWords, to: &writer)
                word(columns.categories[position], categoryWords, to: &writer)
                writer.appendField(utf8: cell(text(at: columns.parents[position])))
                digits.removeAll(keepingCapacity: true)
                if let order = columns.order(at: position) { digits.append(contentsOf: String(order).utf8) }
                digits.withUnsafeBufferPointer { writer.appendField(utf8: $0) }
                writer.appendField(utf8: cell(texts[ProcessColumns.Text.owner.rawValue]))
                writer.appendField(utf8: cell(texts[ProcessColumns.Text.function.rawValue]))
                list(.services, to: &writer)
                list(.events, to: &writer)
                list(.applications, to: &writer)
                list(.next, to: &writer)
                writer.appendField(utf8: cell(texts[ProcessColumns.Text.status.rawValue]))
                writer.appendField(utf8: cell(texts[ProcessColumns.Text.description.rawValue]))
                list(.requirements, to: &writer)
                list(.steers, to: &writer)
                list(.reportsTo, to: &writer)
                word(columns.phases[position], phaseWords, to: &writer)
                if !propertyNames.isEmpty {
                    let count = reader.number()
                    var filled: [Int] = []
                    for _ in 0..<count {
                        let column = columnOfProperty[reader.number()]
                        let length = reader.number()
                        let value = reader.offset..<(reader.offset + length)
                        reader.offset += length
                        // The first property of a name wins, as in `CoraProcess.property(_:)`.
                        if column >= 0, propertyCells[column] == nil {
                            propertyCells[column] = value
                            filled.append(column)
                        }
                    }
                    for column in propertyCells.indices {
                        if let value = propertyCells[column] {
                            writer.appendField(utf8: cell(value))
                        } else {
                            writer.appendField(utf8: cell(0..<0))
                        }
                    }
                    for column in filled { propertyCells[column] = nil }
                }
                writer.endRecord()
            }
        }
    }

    /// The words of the typed columns by their code in ``ProcessColumns`` (0: none).
    private static let levelWords: [[UInt8]] = [[]] + ProcessLevel.allCases.map { Array($0.rawValue.utf8) }
    private static let categoryWords: [[UInt8]] = [[]] + ProcessCategory.allCases.map { Array($0.rawValue.utf8) }
    private static let phaseWords: [[UInt8]] = [[]] + PDCAPhase.allCases.map { Array($0.rawValue.utf8) }
}
