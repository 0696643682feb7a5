import CoraCSV

/// Reads the three files of one Archi CSV set (`elements.csv`, `relations.csv`, `properties.csv`)
/// into an ``ArchiModel``, with a diagnostic for everything Archi's importer would refuse.
///
/// The caller opens the files (CoraKit does no file I/O) and hands each one over as a byte source;
/// ``finish()`` then checks what spans the files: repeated ids, relation ends and property owners.
///
/// ```swift
/// var sink = DiagnosticSink()
/// var reader = ArchiCSVReader()
/// try reader.read(.elements, from: MemoryByteSource(text: elementsCSV), file: "elements.csv", sink: &sink)
/// try reader.read(.relations, from: MemoryByteSource(text: relationsCSV), file: "relations.csv", sink: &sink)
/// let reading = reader.finish(sink: &sink)
/// print(reading.model.elements.count, sink.diagnostics)
/// ```
///
/// What is read as Archi's importer (Apache Commons CSV) reads it: a UTF-8 byte order mark is
/// skipped; the delimiter is `,` `;` or tab; lines starting with `#` are comments; whitespace after a
/// closing quote is ignored; the first row of elements.csv and relations.csv must be the header, the
/// current one or the older one without Specialization (4 and 6 columns), and every row must have as
/// many fields as its header; properties.csv has 3 fields per row and its header is optional; names,
/// property keys and property values have line breaks and tabs turned into spaces (Archi's
/// "normalise"), documentation is kept as it is. An element or relation without an id is read with
/// an empty id (Archi gives it a new random id when it imports it).
///
/// Where cora differs: a row Archi would refuse (and with it the whole import) is left out with an
/// error and the rest is read; of two concepts with the same id the first is kept and the other is
/// an error (Archi keeps the last, silently); bytes that are not UTF-8 are read as Windows-1252 with
/// a warning (Archi would read them as replacement characters).
public struct ArchiCSVReader {
    /// Reader options: a delimiter, encoding or limit given here is used instead of what is detected.
    public var options: CSVReadOptions

    private var elements: [ArchiElement] = []
    private var relations: [ArchiRelation] = []
    private var properties: [ArchiProperty] = []
    private var inputs: [InputSummary] = []
    private var rejected: [(file: String, record: CSVRecord)] = []
    private var records: [SourceLocation: CSVRecord] = [:]
    private var headers: [String: [String]] = [:]
    /// The files read or noted missing, in that order (the order of the diagnostics).
    private var files: [String] = []

    /// Creates a reader.
    public init(options: CSVReadOptions = CSVReadOptions()) {
        self.options = options
    }

    /// Notes that a file of the set is not there: a warning for elements.csv (relations then miss
    /// their ends); nothing for the optional relations.csv and properties.csv.
    public mutating func noteMissing(_ table: ArchiTable, file: String, sink: inout DiagnosticSink) {
        guard table == .elements else { return }
        files.append(file)
        sink.report(Diagnostic(.archiMissingFile, "the set has no \(table.fileName) (\(file)); only its other files are read",
            file: file, hint: "point at a file of a complete set exported from Archi (File > Export > Model to CSV)"))
    }

    /// Reads one file of the set. Problems in the data become diagnostics; only a source that cannot
    /// be read throws.
    public mutating func read(_ table: ArchiTable, from source: some ByteSource, file: String,
                              sink: inout DiagnosticSink) throws(ByteSourceError) {
        var source = source
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let result: Result<Int, ByteSourceError> = buffer.withUnsafeMutableBytes { pointer in
                Result { () throws(ByteSourceError) in try source.read(into: pointer) }
            }
            let count = try result.get()
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        files.append(file)
        let text = ArchiCSVText(bytes, delimiter: options.delimiter)
        var readOptions = options
        readOptions.delimiter = text.delimiter
        let reader = try CSVReader(source: MemoryByteSource(text.bytes), options: readOptions)
        var header: TableHeader?
        var headerCells: [String]?
        var headerBad = false
        var rowsRead = 0
        var fatal: CSVIssue?
        var stoppedAtLimit = false
        do {
            while let record = try reader.next() {
                if sink.stopsBefore(line: record.line, record: record.number, of: file) {
                    stoppedAtLimit = true
                    break
                }
                if headerCells == nil && !headerBad {
                    let fields = record.fields
                    if table.isHeader(fields) {
                        headerCells = fields
                        header = TableHeader(record: record, file: file, sink: &sink)
                        headers[file] = fields
                        continue
                    }
                    if table == .properties {
                        // Archi's properties header is optional: the first row is data.
                        headerCells = table.header
                        headers[file] = table.header
                    } else {
                        headerBad = true
                        let other = ArchiTable.table(withHeader: fields).map { " (it is the header of \($0.fileName))" } ?? ""
                        sink.report(Diagnostic(.archiHeader, "the first row is not the header of Archi's \(table.fileName)\(other); the file is not read",
                            file: file, line: record.line, record: record.number, value: fields.joined(separator: ","),
                            hint: "Archi expects \(table.header.map { "\"\($0)\"" }.joined(separator: ",")) (or without \"Specialization\")"))
                        rejected.append((file, record))
                        continue
                    }
                }
                rowsRead += 1
                if headerBad {
                    rejected.append((file, record))
                    continue
                }
                let expected = headerCells?.count ?? table.header.count
                if record.count != expected {
                    sink.report(Diagnostic(.archiRecordSize, "the row has \(record.count) field\(record.count == 1 ? "" : "s") where the header has \(expected); Archi refuses the file",
                        file: file, line: record.line, record: record.number, value: record.fields.joined(separator: ","),
                        hint: "every row of \(table.fileName) has one field per header column; check for a missing or extra delimiter"))
                    rejected.append((file, record))
                    continue
                }
                records[SourceLocation(file: file, line: record.line, record: record.number)] = record
                if !add(record, of: table, file: file, sink: &sink) {
                    rejected.append((file, record))
                }
            }
        } catch let issue as CSVIssue {
            fatal = issue
        } catch {
            throw ByteSourceError(reason: "\(error)")
        }
        for warning in reader.warnings { sink.report(Diagnostic(warning, file: file)) }
        // As for a table: what the problem left unread is counted and kept for the rejects file.
        let unread = fatal == nil ? nil : try reader.unreadRest(keepingBytes: true)
        if let fatal { sink.report(Diagnostic(fatal, file: file, unread: unread)) }
        if headerCells == nil && !headerBad && fatal == nil && !stoppedAtLimit {
            if table == .properties {
                // An empty properties file holds no properties: nothing to say.
            } else {
                sink.report(Diagnostic(.emptyFile, "the file holds no rows, not even Archi's header", file: file, line: 1))
            }
        }
        var dialect = reader.dialect
        dialect.hasByteOrderMark = text.hadByteOrderMark
        if options.delimiter == nil { dialect.delimiterSource = .detected }
        inputs.append(InputSummary(
            file: file, dialect: dialect, header: header, rowsRead: rowsRead, linesRead: reader.linesRead,
            stoppedEarly: fatal != nil || stoppedAtLimit, unread: unread, unmappedRecords: []))
    }

    /// Adds one data row; `false` when it has an error and is left out.
    private mutating func add(_ record: CSVRecord, of table: ArchiTable, file: String, sink: inout DiagnosticSink) -> Bool {
        let fields = record.fields
        let location = SourceLocation(file: file, line: record.line, record: record.number)
        let names = headers[file] ?? table.header
        func report(_ code: DiagnosticCode, _ message: String, column: Int, hint: String? = nil) {
            sink.report(Diagnostic(
                code, message, file: file, line: record.line, record: record.number,
                column: .init(name: names[column], index: column + 1), value: fields[column], hint: hint))
        }
        func checkID(_ id: String) -> Bool {
            guard !id.isEmpty, !ArchiConceptType.isValidID(id) else { return true }
            let suggestion = ProcessIdentifier.slug(id)
            report(.invalidID, "the id \"\(id)\" has characters that Archi refuses (allowed: letters, digits, . _ -)",
                   column: 0, hint: suggestion.isEmpty ? nil : "for example \"\(suggestion)\"")
            return false
        }
        switch table {
        case .elements:
            let element = ArchiElement(
                id: fields[0], type: fields[1], name: Self.normalise(fields[2]), documentation: fields[3],
                specialization: fields.count > 4 ? fields[4] : nil, location: location)
            if element.isModel {
                if let first = elements.first(where: \.isModel) {
                    report(.archiModelRow, "a second model row; the one on line \(first.location?.line ?? 0) is kept",
                           column: 1, hint: "an Archi export has one row of Type ArchimateModel, the model itself")
                    return true
                }
                elements.append(element)
                return true
            }
            guard checkID(element.id) else { return false }
            guard ArchiConceptType.elementTypes.contains(element.type) else {
                let suggestion = Suggestion.closest(to: element.type, in: Array(ArchiConceptType.elementTypes))
                let hint = ArchiConceptType.relationshipTypes.contains(element.type)
                    ? "relationships belong in relations.csv"
                    : (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "Archi accepts the ArchiMate element types, such as BusinessProcess, BusinessFunction, Grouping"
                report(.archiUnknownType, "\"\(element.type)\" is not an ArchiMate element type", column: 1, hint: hint)
                return false
            }
            elements.append(element)
        case .relations:
            let relation = ArchiRelation(
                id: fields[0], type: fields[1], name: Self.normalise(fields[2]), documentation: fields[3],
                source: fields[4], target: fields[5], specialization: fields.count > 6 ? fields[6] : nil, location: location)
            guard checkID(relation.id) else { return false }
            guard ArchiConceptType.relationshipTypes.contains(relation.type) else {
                let suggestion = Suggestion.closest(to: relation.type, in: Array(ArchiConceptType.relationshipTypes))
                report(.archiUnknownType, "\"\(relation.type)\" is not an ArchiMate relationship type", column: 1,
                       hint: (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "Archi accepts AggregationRelationship, TriggeringRelationship, …")
                return false
            }
            relations.append(relation)
        case .properties:
            let property = ArchiProperty(id: fields[0], key: Self.normalise(fields[1]), value: Self.normalise(fields[2]), location: location)
            if property.id.isEmpty {
                report(.archiUnknownOwner, "the property \"\(property.key)\" has no id; Archi refuses it", column: 0,
                       hint: "a property names the id of its element, relation or model row")
                return false
            }
            guard checkID(property.id) else { return false }
            properties.append(property)
        }
        return true
    }

    /// The Archi table whose header starts `bytes` (the first record that is not a comment), if any:
    /// how `--mapping auto` recognises a file of an Archi set whatever its name.
    public static func table(ofHeaderIn bytes: [UInt8]) -> ArchiTable? {
        let text = ArchiCSVText(bytes)
        guard let reader = try? CSVReader(source: MemoryByteSource(text.bytes), options: CSVReadOptions(delimiter: text.delimiter)),
              let record = try? reader.next() else { return nil }
        return ArchiTable.table(withHeader: record.fields)
    }

    /// Archi's normalisation of names and properties: CR LF, CR, LF and tab each become one space.
    public static func normalise(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x09 }) else { return text }
        var result = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                result.append(" ")
                previousCR = true
                continue
            case "\n":
                if !previousCR { result.append(" ") }
            case "\t":
                result.append(" ")
            default:
                result.unicodeScalars.append(scalar)
            }
            previousCR = false
        }
        return result
    }

    /// Checks what spans the files (repeated ids, relation ends, property owners) and returns the set.
    public mutating func finish(sink: inout DiagnosticSink) -> ArchiReading {
        var refused: [SourceLocation] = []
        // Repeated ids: elements and relations share one namespace in Archi.
        var firstLine: [String: SourceLocation] = [:]
        func isRepeated(_ id: String, _ location: SourceLocation?) -> Bool {
            guard !id.isEmpty, let location else { return false }
            guard let first = firstLine[id] else {
                firstLine[id] = location
                return false
            }
            let place = first.file == location.file ? "line \(first.line)" : "\(first.file), line \(first.line)"
            sink.report(Diagnostic(.duplicateID, "the id \"\(id)\" is also used on \(place)",
                file: location.file, line: location.line, record: location.record,
                column: .init(name: "ID", index: 1), value: id,
                hint: "ids must be unique across elements and relations; \(place) keeps it (Archi would keep the last)"))
            refused.append(location)
            return true
        }
        let readElements = elements
        let keptElements = readElements.filter { $0.isModel || !isRepeated($0.id, $0.location) }
        let readRelations = relations
        var keptRelations = readRelations.filter { !isRepeated($0.id, $0.location) }

        // Relation ends: an element or a relation of the set; a relation left out takes those on it along.
        var known = Set(keptElements.filter { !$0.isModel && !$0.id.isEmpty }.map(\.id))
        known.formUnion(keptRelations.map(\.id).filter { !$0.isEmpty })
        let leftOut = RelationEnds.leftOut(keptRelations.map { ($0.id, $0.source, $0.target) }, known: &known) { index, end, id in
            guard let location = keptRelations[index].location else { return }
            let name = end == .source ? "Source" : "Target"
            sink.report(Diagnostic(.archiMissingEnd, id.isEmpty ? "the relation has no \(end.rawValue)"
                    : "the \(end.rawValue) \"\(id)\" is no element or relation of this set",
                file: location.file, line: location.line, record: location.record,
                column: .init(name: name, index: end == .source ? 5 : 6), value: id,
                hint: "Archi refuses a relation whose end it cannot find (it also looks in the model you import into)"))
        }
        refused += keptRelations.indices.filter { leftOut[$0] }.compactMap { keptRelations[$0].location }
        keptRelations = keptRelations.indices.filter { !leftOut[$0] }.map { keptRelations[$0] }

        // Property owners: a concept of the set, or the model row.
        let modelID = keptElements.first(where: \.isModel)?.id ?? ""
        var keptProperties: [ArchiProperty] = []
        for property in properties {
            if known.contains(property.id) || (!modelID.isEmpty && property.id == modelID) {
                keptProperties.append(property)
                continue
            }
            guard let location = property.location else { continue }
            sink.report(Diagnostic(.archiUnknownOwner, "the id \"\(property.id)\" of the property \"\(property.key)\" is no element, relation or model row of this set",
                file: location.file, line: location.line, record: location.record,
                column: .init(name: "ID", index: 1), value: property.id,
                hint: "Archi refuses a property for a concept it cannot find"))
            refused.append(location)
        }
        elements = keptElements
        relations = keptRelations
        properties = keptProperties
        for location in refused {
            if let record = records[location] { rejected.append((location.file, record)) }
        }
        return ArchiReading(
            model: ArchiModel(elements: elements, relations: relations, properties: properties),
            inputs: inputs, rejectedRecords: rejected.map(\.record),
            rejectedFiles: rejected.map(\.file), records: records, files: files)
    }
}
