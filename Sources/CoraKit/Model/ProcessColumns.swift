/// The processes of a model in columns: the text of every field in one byte arena, and the typed
/// fields (level, category, phase, order, where the process came from) in plain arrays.
///
/// This is how a model of a million rows fits in a little more memory than its input: a process
/// is a few dozen bytes of columns plus its text, with no string, array or reference count of its
/// own. A ``CoraProcess`` is made from the columns when one is asked for (``process(at:)``); the
/// canonical CSV is written straight from the arena (`CanonicalCSVRenderer+Columns.swift`).
///
/// The arena holds texts, each written as its length (a variable-length number, 7 bits a byte)
/// and then its UTF-8 bytes. A process's record there holds, in order: the code, name, owner,
/// function, status and description; the lists (services, events, applications, next,
/// requirements, steers, reports-to), each as its number of items and the items; its properties as
/// their number and, per property, the number of its name in ``propertyNames`` and its value. The
/// id and the parent are texts of their own, found by offset, so that deriving an id or resolving a
/// parent changes one number per process (a parent points at the text of its parent's id), and
/// offset 0 is the empty text.
struct ProcessColumns: Sendable {
    /// The single-valued texts kept in a process's record, in the order written.
    enum Text: Int, CaseIterable {
        case code, name, owner, function, status, description
    }

    /// The lists kept in a process's record, in the order written after the texts.
    enum List: Int, CaseIterable {
        case services, events, applications, next, requirements, steers, reportsTo
    }

    /// The bytes of every text; starts with the empty text.
    private(set) var arena: [UInt8] = [0]
    /// Per process: where its record starts in the arena.
    private(set) var records: [Int] = []
    /// Per process: where its id and its parent are in the arena.
    private(set) var ids: [Int] = []
    private(set) var parents: [Int] = []
    /// Per process: the typed fields, 0 for none (else the case's position + 1).
    private(set) var levels: [UInt8] = []
    private(set) var categories: [UInt8] = []
    private(set) var phases: [UInt8] = []
    /// Per process: the order, `Int.min` for none.
    private(set) var orders: [Int] = []
    /// Per process: the number of its file in ``files`` (-1: no source), its line and record.
    private var sourceFiles: [Int32] = []
    private var sourceLines: [UInt32] = []
    private var sourceRecords: [UInt32] = []
    /// Sources whose line or record does not fit in 32 bits, by position.
    private var wideSources: [Int: SourceLocation] = [:]
    /// The names of the inputs the processes came from.
    private(set) var files: [String] = []
    /// The names of the properties, by the number a record gives.
    private(set) var propertyNames: [String] = []
    private var propertyNumbers: [String: Int] = [:]
    /// The numbers of property names that `propertyNumbers` takes for an earlier one: a `String`
    /// key matches a canonically equivalent name (`Café` composed and decomposed), and the name
    /// must come back with its own bytes.
    private var propertyVariantNumbers: [[UInt8]: Int] = [:]
    /// The positions whose order is `Int.min` (which ``orders`` uses for none).
    private var minimumOrders: Set<Int> = []

    /// An empty store.
    init() {}

    /// The number of processes.
    var count: Int { records.count }

    /// The bytes a process takes in the arena beside the text of its fields: the length of each
    /// text and list (a byte each, mostly), the number of its properties, and the id cora makes
    /// for it once all rows are read (from its code, or from its name: a few dozen bytes).
    static let arenaBytesBesideText = 64

    /// Makes room for `count` more processes and `bytes` more bytes of text (the text of their
    /// fields; the arena makes room for what it writes beside it, ``arenaBytesBesideText`` a
    /// process). Reserved and not written, the room takes address space, not memory; too little,
    /// and the arena is copied whole into one twice its size once it is full (at 10,000,000 rows
    /// that copy was 1.3 GB on top of the peak).
    mutating func reserveCapacity(forMore count: Int, bytes: Int) {
        let total = records.count + max(0, count)
        records.reserveCapacity(total)
        ids.reserveCapacity(total)
        parents.reserveCapacity(total)
        orders.reserveCapacity(total)
        levels.reserveCapacity(total)
        categories.reserveCapacity(total)
        phases.reserveCapacity(total)
        sourceFiles.reserveCapacity(total)
        sourceLines.reserveCapacity(total)
        sourceRecords.reserveCapacity(total)
        // The rows are bounded by `--max-rows`, which a user may raise to any number; and the room
        // is at most the text's, so that an estimate far too high (the short first rows of a sparse
        // file) does not double what is asked for up front.
        let beside = min(min(max(0, count), Int.max / 4 / Self.arenaBytesBesideText) * Self.arenaBytesBesideText, max(0, bytes))
        arena.reserveCapacity(arena.count + max(0, bytes) + beside)
    }

    // MARK: Adding

    /// Adds `process` at the end.
    mutating func append(_ process: CoraProcess) {
        records.append(0)
        ids.append(0)
        parents.append(0)
        levels.append(0)
        categories.append(0)
        phases.append(0)
        orders.append(.min)
        sourceFiles.append(-1)
        sourceLines.append(0)
        sourceRecords.append(0)
        replace(at: records.count - 1, with: process)
    }

    /// Puts `process` in the place of the process at `position`. Its texts are written anew (the
    /// old ones stay in the arena, unused).
    mutating func replace(at position: Int, with process: CoraProcess) {
        writeRecord(of: process, at: position)
        setID(process.id, at: position)
        setParent(process.parent, at: position)
        levels[position] = Self.code(of: process.level, in: Self.levelCases)
        categories[position] = Self.code(of: process.category, in: Self.categoryCases)
        phases[position] = Self.code(of: process.pdcaPhase, in: Self.phaseCases)
        orders[position] = process.order ?? .min
        if process.order == .min {
            minimumOrders.insert(position)
        } else if !minimumOrders.isEmpty {
            minimumOrders.remove(position)
        }
        setSource(process.source, at: position)
    }

    /// Writes the record of `process` (its texts, lists and properties) as the one of the process
    /// at `position`; the id, parent and typed columns stay as they are.
    private mutating func writeRecord(of process: CoraProcess, at position: Int) {
        records[position] = arena.count
        // In the order of `Text` and `List`.
        write(process.code)
        write(process.name)
        write(process.owner)
        write(process.function)
        write(process.status)
        write(process.description)
        write(process.services)
        write(process.events)
        write(process.applications)
        write(process.next)
        write(process.requirements)
        write(process.steers)
        write(process.reportsTo)
        writeNumber(process.properties.count)
        for property in process.properties {
            writeNumber(propertyNumber(property.name))
            write(property.value)
        }
    }

    /// The number of the property `name`, given it one if it is new.
    private mutating func propertyNumber(_ name: String) -> Int {
        if let known = propertyNumbers[name] {
            if propertyNames[known].utf8.elementsEqual(name.utf8) { return known }
            // Only canonically equivalent to the earlier name: a name of its own, by its bytes.
            let bytes = Array(name.utf8)
            if let variant = propertyVariantNumbers[bytes] { return variant }
            propertyNames.append(name)
            propertyVariantNumbers[bytes] = propertyNames.count - 1
            return propertyNames.count - 1
        }
        propertyNames.append(name)
        propertyNumbers[name] = propertyNames.count - 1
        return propertyNames.count - 1
    }

    private mutating func setSource(_ source: SourceLocation?, at position: Int) {
        wideSources[position] = nil
        guard let source else {
            sourceFiles[position] = -1
            return
        }
        // By bytes: `==` holds for canonically equivalent names (`café.csv` composed and
        // decomposed), which are two files.
        if let last = files.last, last.utf8.elementsEqual(source.file.utf8) {
            sourceFiles[position] = Int32(files.count - 1)
        } else if let known = files.lastIndex(where: { $0.utf8.elementsEqual(source.file.utf8) }) {
            sourceFiles[position] = Int32(known)
        } else {
            files.append(source.file)
            sourceFiles[position] = Int32(files.count - 1)
        }
        if let line = UInt32(exactly: source.line), let record = UInt32(exactly: source.record) {
            sourceLines[position] = line
            sourceRecords[position] = record
        } else {
            wideSources[position] = source
        }
    }

    // MARK: Changing one field

    /// Gives the process at `position` the id `id`.
    mutating func setID(_ id: String, at position: Int) {
        ids[position] = id.isEmpty ? 0 : arena.count
        if !id.isEmpty { write(id) }
    }

    /// Gives the process at `position` the parent `parent` (an id, or empty at the top).
    mutating func setParent(_ parent: String, at position: Int) {
        parents[position] = parent.isEmpty ? 0 : arena.count
        if !parent.isEmpty { write(parent) }
    }

    /// Makes the process at `parent` the parent of the one at `position`: its parent is the text
    /// of the other's id, not a copy of it.
    mutating func setParent(toIDAt parent: Int, at position: Int) {
        parents[position] = ids[parent]
    }

    /// Gives the process at `position` the list `items` in place of its `list`.
    mutating func setList(_ list: List, _ items: [String], at position: Int) {
        var process = process(at: position)
        switch list {
        case .services: process.services = items
        case .events: process.events = items
        case .applications: process.applications = items
        case .next: process.next = items
        case .requirements: process.requirements = items
        case .steers: process.steers = items
        case .reportsTo: process.reportsTo = items
        }
        writeRecord(of: process, at: position)
    }

    /// Gives the process at `position` the level `level`.
    mutating func setLevel(_ level: ProcessLevel?, at position: Int) { levels[position] = Self.code(of: level, in: Self.levelCases) }

    /// Gives the process at `position` the category `category`.
    mutating func setCategory(_ category: ProcessCategory?, at position: Int) {
        categories[position] = Self.code(of: category, in: Self.categoryCases)
    }

    // MARK: Reading

    /// The process at `position`, made from its columns.
    func process(at position: Int) -> CoraProcess {
        var process = CoraProcess(id: id(at: position), name: "")
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: records[position])
            // In the order of `Text` and `List`.
            process.code = reader.text()
            process.name = reader.text()
            process.owner = reader.text()
            process.function = reader.text()
            process.status = reader.text()
            process.description = reader.text()
            process.services = reader.list()
            process.events = reader.list()
            process.applications = reader.list()
            process.next = reader.list()
            process.requirements = reader.list()
            process.steers = reader.list()
            process.reportsTo = reader.list()
            let properties = reader.number()
            if properties > 0 {
                process.properties.reserveCapacity(properties)
                for _ in 0..<properties {
                    let name = propertyNames[reader.number()]
                    process.properties.append(Property(name: name, value: reader.text()))
                }
            }
        }
        process.parent = parent(at: position)
        process.level = level(at: position)
        process.category = category(at: position)
        process.pdcaPhase = phase(at: position)
        process.order = order(at: position)
        process.source = source(at: position)
        return process
    }

    /// The id of the process at `position`.
    func id(at position: Int) -> String { string(at: ids[position]) }

    /// The parent of the process at `position` (empty at the top).
    func parent(at position: Int) -> String { string(at: parents[position]) }

    /// Whether the id of the process at `position` is `text` (without making a string).
    func id(at position: Int, is text: String) -> Bool { equals(at: ids[position], text) }

    /// The text `text` of the process at `position`.
    func text(_ text: Text, at position: Int) -> String {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: records[position])
            reader.skipTexts(text.rawValue)
            return reader.text()
        }
    }

    /// Whether the text `text` of the process at `position` is `value` (without making a string).
    func text(_ text: Text, at position: Int, is value: String) -> Bool {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: records[position])
            reader.skipTexts(text.rawValue)
            return reader.equalsText(value)
        }
    }

    /// The items of the list `list` of the process at `position`.
    func list(_ list: List, at position: Int) -> [String] {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: records[position])
            reader.skipTexts(Text.allCases.count)
            for _ in 0..<list.rawValue { reader.skipList() }
            return reader.list()
        }
    }

    /// Whether the list `list` of the process at `position` has items.
    func hasItems(in list: List, at position: Int) -> Bool {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: records[position])
            reader.skipTexts(Text.allCases.count)
            for _ in 0..<list.rawValue { reader.skipList() }
            return reader.number() > 0
        }
    }

    /// The level of the process at `position`.
    func level(at position: Int) -> ProcessLevel? { Self.value(levels[position], in: Self.levelCases) }

    /// The category of the process at `position`.
    func category(at position: Int) -> ProcessCategory? { Self.value(categories[position], in: Self.categoryCases) }

    /// The phase of the process at `position`.
    func phase(at position: Int) -> PDCAPhase? { Self.value(phases[position], in: Self.phaseCases) }

    /// The order of the process at `position`.
    func order(at position: Int) -> Int? {
        orders[position] != .min ? orders[position] : minimumOrders.contains(position) ? .min : nil
    }

    /// Where the process at `position` came from.
    func source(at position: Int) -> SourceLocation? {
        let file = sourceFiles[position]
        guard file >= 0 else { return nil }
        if let wide = wideSources[position] { return wide }
        return SourceLocation(file: files[Int(file)], line: Int(sourceLines[position]), record: Int(sourceRecords[position]))
    }

    /// Reads texts and numbers from the arena.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int

        /// The next number.
        mutating func number() -> Int {
            var value = 0, shift = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        /// The next text's bytes.
        mutating func nextBytes() -> UnsafeBufferPointer<UInt8> {
            let length = number()
            defer { offset += length }
            return UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)])
        }

        /// The next text.
        mutating func text() -> String {
            let length = number()
            guard length > 0 else { return "" }
            defer { offset += length }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
        }

        /// Whether the next text is `value`; reads past it.
        mutating func equalsText(_ value: String) -> Bool {
            let text = nextBytes()
            var value = value
            return value.withUTF8 { $0.elementsEqual(text) }
        }

        /// The next list's items.
        mutating func list() -> [String] {
            let count = number()
            guard count > 0 else { return [] }
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(text()) }
            return items
        }

        /// Reads past `count` texts.
        mutating func skipTexts(_ count: Int) {
            for _ in 0..<count { offset += number() }
        }

        /// Reads past a list.
        mutating func skipList() {
            skipTexts(number())
        }
    }

    // MARK: The arena

    private mutating func writeNumber(_ value: Int) {
        var rest = UInt(value)
        while rest >= 0x80 {
            arena.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        arena.append(UInt8(rest))
    }

    private mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            writeNumber(bytes.count)
            arena.append(contentsOf: bytes)
        }
    }

    private mutating func write(_ list: [String]) {
        writeNumber(list.count)
        for item in list { write(item) }
    }

    /// Writes `text` into the arena for a caller that keeps its offset (the builder's texts of a
    /// row besides its fields); 0, the empty text, for an empty one.
    mutating func store(_ text: String) -> Int {
        guard !text.isEmpty else { return 0 }
        let offset = arena.count
        write(text)
        return offset
    }

    /// The text at `offset` in the arena (written by ``store(_:)``, or a field's).
    func string(at offset: Int) -> String {
        guard offset != 0 else { return "" }
        return arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: offset)
            return reader.text()
        }
    }

    private func equals(at offset: Int, _ text: String) -> Bool {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: offset)
            return reader.equalsText(text)
        }
    }


    /// The cases of the typed columns, in the order of their codes (made once: `allCases` makes
    /// an array each time).
    static let levelCases = ProcessLevel.allCases
    static let categoryCases = ProcessCategory.allCases
    static let phaseCases = PDCAPhase.allCases

    private static func code<Value: Equatable>(of value: Value?, in cases: [Value]) -> UInt8 {
        guard let value, let index = cases.firstIndex(of: value) else { return 0 }
        return UInt8(index + 1)
    }

    private static func value<Value>(_ code: UInt8, in cases: [Value]) -> Value? {
        code > 0 ? cases[Int(code) - 1] : nil
    }
}

extension ProcessColumns {
    /// The FNV-1a hash (``PositionIndex/hash(_:)``) of the id of the process at `position`.
    func idHash(at position: Int) -> UInt64 {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: ids[position])
            return PositionIndex.hash(reader.nextBytes())
        }
    }

    /// The hash of the code of the process at `position`, or `nil` when it has none.
    func codeHash(at position: Int) -> UInt64? {
        arena.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, offset: records[position])
            let code = reader.nextBytes()
            return code.isEmpty ? nil : PositionIndex.hash(code)
        }
    }

    /// Whether the processes at `a` and `b` have the same id.
    func sameID(_ a: Int, _ b: Int) -> Bool {
        arena.withUnsafeBufferPointer { bytes in
            var first = Reader(bytes: bytes, offset: ids[a]), second = Reader(bytes: bytes, offset: ids[b])
            return first.nextBytes().elementsEqual(second.nextBytes())
        }
    }

    /// Whether the processes at `a` and `b` have the same code.
    func sameCode(_ a: Int, _ b: Int) -> Bool {
        arena.withUnsafeBufferPointer { bytes in
            var first = Reader(bytes: bytes, offset: records[a]), second = Reader(bytes: bytes, offset: records[b])
            return first.nextBytes().elementsEqual(second.nextBytes())
        }
    }

    /// Whether the process at `position` has an id.
    func hasID(at position: Int) -> Bool { ids[position] != 0 }

    /// The code of the process at `position`.
    func code(at position: Int) -> String { text(.code, at: position) }

    /// The name of the process at `position`.
    func name(at position: Int) -> String { text(.name, at: position) }

    /// Whether the code of the process at `position` is `code` (without making a string).
    func code(at position: Int, is code: String) -> Bool { text(.code, at: position, is: code) }
}
