import CoraCSV
import CoraXLSX

/// Decides how a run's inputs are read: as Archi CSV sets, or as tables through a mapping (the one
/// named, or for `auto` the one that fits the first input's header best), and finds the files of
/// an Archi set.
///
/// An Archi set is `elements.csv` with the optional `relations.csv` and `properties.csv` beside it,
/// all with the same file-name prefix if any; an input names any one of them, or their folder.
public struct InputDetector: Sendable {
    /// Where the inputs are.
    public let fileSystem: any FileSystem
    /// The mappings that can be named.
    public let library: MappingLibrary

    /// A detector over `library`'s file system.
    public init(library: MappingLibrary) {
        self.fileSystem = library.fileSystem
        self.library = library
    }

    /// How the inputs are read with `--mapping argument`: `archi`, or `auto` for a first input that
    /// is an Archi set (the folder of one, a file named like one with Archi's header, or a file with
    /// Archi's header) reads Archi sets; otherwise tables through the mapping. With `auto`,
    /// standard input (`-`) is read into memory to look at its header; its bytes are returned so
    /// that the run reads them from there.
    /// A workbook (.xlsx) is read one sheet at a time: `sheet` (`--sheet`), else with `auto` the
    /// first sheet whose header a mapping fits; the sheet chosen is returned.
    public func source(mapping argument: String, inputs: [String], readOptions: CSVReadOptions, sheet: String? = nil, skipRows: Int? = nil,
                       tell: (RunMessage) -> Void) throws(RunFailure) -> (source: Pipeline.Source, standardInput: [UInt8]?, sheet: String?) {
        if argument == MappingLibrary.archi { return (.archiSet, nil, sheet) }
        guard argument == MappingLibrary.auto, let first = inputs.first else {
            if let exchange = inputs.first(where: { $0 != "-" && Self.startsAsExchangeDocument($0, in: fileSystem) }) {
                throw RunFailure(.noMappingFits, "the file is an ArchiMate exchange document, which a mapping does not read", file: exchange,
                                 hint: "read it with --mapping ameff (or auto)")
            }
            return (.table(try library.mapping(argument, tell: tell)), nil, sheet)
        }
        try checkOneReader(inputs)
        if first != "-", let choice = archiChoice(first) {
            tell(.mappingChosen(MappingChoice(file: first, mapping: choice.reader, reason: choice.reason)))
            return (.archiSet, nil, sheet)
        }
        // An input that cannot be read says so, rather than that no mapping fits its header.
        if first != "-" { try fileSystem.openInput(first).close() }
        var standardInput: [UInt8]?
        if inputs.contains("-") {
            do {
                standardInput = try fileSystem.readStandardInput(limit: MappingLibrary.standardInputLimit)
            } catch {
                let tooLarge = error.reason.hasPrefix("the file is larger")
                throw RunFailure(.unreadableInput, tooLarge
                    ? "standard input is larger than \(MappingLibrary.standardInputLimit >> 20) MiB; --mapping auto holds it in memory: save it to a file, or name the mapping"
                    : "cannot read standard input: \(error.reason)", file: "-")
            }
        }
        // An exchange document on standard input (an Archi set is several files, never one stream).
        if first == "-", let bytes = standardInput, ExchangeReader.isExchangeDocument(prefix: Array(bytes.prefix(Self.exchangePrefixLength))) {
            tell(.mappingChosen(MappingChoice(file: first, mapping: MappingLibrary.exchange, reason: "it is an ArchiMate exchange document")))
            return (.archiSet, standardInput, sheet)
        }
        var messages: [RunMessage] = []
        let candidates = library.autoCandidates(messages: &messages)
        for message in messages { tell(message) }
        if first == "-" ? WorkbookInput.isWorkbook(prefix: standardInput ?? []) : WorkbookInput.isWorkbook(first, in: fileSystem) {
            let (mapping, chosen) = try workbookMapping(first, bytes: standardInput, sheet: sheet, skipRows: skipRows, candidates: candidates, tell: tell)
            return (.table(mapping), standardInput, chosen)
        }
        let selection = library.select(for: first, standardInput: standardInput, candidates: candidates.map(\.mapping), readOptions: readOptions,
                                       skipRows: skipRows)
        // No header to choose by (an empty or binary file, one that stops before its header ends): read with
        // the canonical mapping, so that the reading itself says what is wrong (empty-file, nul-byte, …).
        let notText: Bool
        if first != "-", let prefix = try? fileSystem.prefix(first, count: InputContent.prefixLength) {
            notText = InputContent.classify(prefix) != .text
        } else {
            notText = false
        }
        if selection.mapping == nil, !selection.scores.isEmpty, notText || selection.scores.allSatisfy({ $0.unreadable != nil }),
           let fallback = candidates.first(where: { $0.mapping.name == Self.fallbackMapping }) {
            tell(.mappingChosen(MappingChoice(file: first, mapping: fallback.mapping.name,
                                              origin: fallback.entry.isBuiltin ? nil : fallback.entry.origin,
                                              reason: "no header to choose by")))
            return (.table(fallback.mapping), standardInput, sheet)
        }
        guard let mapping = selection.mapping else {
            let name = first == "-" ? "standard input" : first
            throw RunFailure(.noMappingFits, "--mapping auto: no mapping fits the header of \(name): \(selection.fullReason)", file: first,
                             hint: "draft a mapping with `cora mapping init \(first) -o Mappings/NAME.yaml`, or name one with --mapping")
        }
        let local = candidates.first { $0.mapping.name == mapping.name && !$0.entry.isBuiltin }.map(\.entry.origin)
        let score = selection.scores[0]
        tell(.mappingChosen(MappingChoice(file: first, mapping: mapping.name, origin: local,
                                          reason: "\(score.matchedColumns.count) of \(score.expectedColumns) columns matched")))
        return (.table(mapping), standardInput, sheet)
    }

    /// The mapping `auto` reads the workbook at `path` with, and the sheet (see ``workbookChoice(_:sheet:candidates:)``);
    /// what it chose goes to `tell`.
    private func workbookMapping(_ path: String, bytes: [UInt8]?, sheet selector: String?, skipRows: Int?,
                                 candidates: [(mapping: Mapping, entry: MappingLibrary.Entry)],
                                 tell: (RunMessage) -> Void) throws(RunFailure) -> (Mapping, String?) {
        switch workbookChoice(path, bytes: bytes, sheet: selector, skipRows: skipRows, candidates: candidates.map(\.mapping)) {
        case .fits(let mapping, let sheet, let score):
            let local = candidates.first { $0.mapping.name == mapping.name && !$0.entry.isBuiltin }.map(\.entry.origin)
            tell(.mappingChosen(MappingChoice(file: path, mapping: mapping.name, origin: local,
                                              reason: "sheet \(sheet.name): \(score.matchedColumns.count) of \(score.expectedColumns) columns matched")))
            return (mapping, sheet.name)
        case .unreadable:
            guard let fallback = candidates.first(where: { $0.mapping.name == Self.fallbackMapping }) else {
                throw RunFailure(.noMappingFits, "--mapping auto: no mapping to read the workbook with", file: path)
            }
            tell(.mappingChosen(MappingChoice(file: path, mapping: fallback.mapping.name, reason: "no header to choose by")))
            return (fallback.mapping, selector)
        case .failure(let failure):
            throw failure
        }
    }

    /// What `auto` makes of a workbook: the mapping that fits a sheet, and which sheet.
    public enum WorkbookChoice: Sendable {
        /// `mapping` fits the header of `sheet`, as `score` says.
        case fits(Mapping, sheet: WorkbookSheet, score: MappingSelector.Score)
        /// The workbook cannot be read (nor its sheet found), as `error` says; `cora convert` reads it
        /// with the canonical mapping, so that the reading says so in its place.
        case unreadable(WorkbookError)
        /// No mapping fits any sheet (`no-mapping-fits`).
        case failure(RunFailure)
    }

    /// The mapping among `candidates` that reads the workbook at `path`, and the sheet: the one
    /// named (`sheet`), else the first sheet (not hidden) whose header a mapping fits. `bytes` are the workbook's when already read
    /// (standard input), else the file at `path` is read.
    /// `skipRows` (`--skip-rows`) takes the place of what each mapping says.
    public func workbookChoice(_ path: String, bytes: [UInt8]? = nil, sheet selector: String?, skipRows: Int? = nil,
                               candidates: [Mapping]) -> WorkbookChoice {
        let deepest = skipRows ?? candidates.map(\.dialect.skipRows).max() ?? 0
        var fits: [(sheet: WorkbookSheet, selection: MappingSelector.Selection)] = []
        var firstSelection: MappingSelector.Selection?
        do throws(WorkbookError) {
            // A file that cannot be read gives an empty workbook: no workbook, read with the fallback.
            let workbook = try Workbook(bytes: bytes ?? (try? WorkbookInput.bytes(of: path, in: fileSystem)) ?? [])
            let sheets = try selector.map { name throws(WorkbookError) in [try WorkbookInput.sheet(name, of: workbook)] }
                ?? workbook.sheets.filter { !$0.isHidden }
            for sheet in sheets {
                let records = try WorkbookInput.firstRecords(of: sheet, in: workbook, count: deepest + 1).map(\.fields)
                let selection = MappingSelector(candidates: candidates).select { mapping in
                    let skip = skipRows ?? mapping.dialect.skipRows
                    guard skip < records.count else {
                        return .failure(MappingSelectorError(reason: skip == 0 ? "the sheet \(sheet.name) has no header"
                            : "the sheet \(sheet.name) has no row \(skip + 1) for its header (skip-rows: \(skip))"))
                    }
                    return .success(records[skip])
                }
                if firstSelection == nil { firstSelection = selection }
                if selection.mapping != nil { fits.append((sheet, selection)) }
            }
        } catch {
            return .unreadable(error)
        }
        // The first sheet a mapping fits, in the order of the tabs (the line that says so names it).
        guard let chosen = fits.first, let mapping = chosen.selection.mapping else {
            let which = selector.map { "the sheet \($0)" } ?? "any sheet"
            let option = selector.map { " --sheet \(Self.shellWord($0))" } ?? ""
            return .failure(RunFailure(.noMappingFits, "--mapping auto: no mapping fits the header of \(which) of \(path): \(firstSelection?.fullReason ?? "the workbook has no sheets")",
                                       file: path, hint: "draft a mapping with `cora mapping init \(path)\(option) -o Mappings/NAME.yaml`, or name one with --mapping"))
        }
        return .fits(mapping, sheet: chosen.sheet, score: chosen.selection.scores[0])
    }

    /// `word` as one word of a shell command: as it is when it has nothing the shell reads, else in single quotes.
    static func shellWord(_ word: String) -> String {
        word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) && !word.isEmpty
            ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Refuses inputs of which some are Archi models (an exchange document, an Archi set) and some
    /// tables when an exchange document is among them: `auto` chooses one reader for a run, by its
    /// first input, and an exchange document read as a table (or a table as an Archi set) says
    /// nothing useful.
    func checkOneReader(_ inputs: [String]) throws(RunFailure) {
        let files = inputs.filter { $0 != "-" }
        guard files.count > 1, let exchange = files.first(where: { Self.startsAsExchangeDocument($0, in: fileSystem) }) else { return }
        guard let table = files.first(where: { archiReason($0) == nil }) else { return }
        throw RunFailure(.noMappingFits, "the inputs need different readers: \(exchange) is an ArchiMate exchange document and \(table) is a table",
                         file: table, hint: "convert them one at a time, or into one model with `cora batch \(files.joined(separator: " ")) --merge --out DIR`")
    }

    /// The mapping `auto` reads a file with when no header can be read to choose by.
    static let fallbackMapping = "canonical"

    /// Why `path` is read as an Archi set under `--mapping auto`, or `nil` when it is not one: a
    /// folder holding a set (its files prefixed or not), or a file whose header is one of Archi's
    /// (named like a file of a set or not).
    public func archiReason(_ path: String) -> String? {
        archiChoice(path)?.reason
    }

    /// The reader `auto` chooses for `path` among the Archi ones (``MappingLibrary/exchange`` or
    /// ``MappingLibrary/archi``) and why; `nil` when `path` is no Archi model. The file is looked
    /// at once.
    private func archiChoice(_ path: String) -> (reader: String, reason: String)? {
        if fileSystem.isRegularFile(path) {
            if Self.startsAsExchangeDocument(path, in: fileSystem) { return (MappingLibrary.exchange, "the file is an ArchiMate exchange document") }
            if Self.hasExchangeName(path) { return (MappingLibrary.exchange, "the file name ends in .xml") }
        }
        guard let reason = csvSetReason(path) else { return nil }
        return (MappingLibrary.archi, reason)
    }

    /// Why `path` is an Archi CSV set (a folder holding one, or a file with one of Archi's headers).
    private func csvSetReason(_ path: String) -> String? {
        if fileSystem.isDirectory(path) {
            let sets = archiSets(inFolder: path)
            guard let set = sets.first else { return nil }
            guard sets.count == 1 else { return "the folder holds \(sets.count) Archi CSV sets" }
            return "the folder holds the Archi CSV set \(Self.fileName(set.path(of: .elements)))"
        }
        // A name of an Archi set counts when the header agrees (a spreadsheet may be called properties.csv).
        guard let table = headerTable(of: path) else { return nil }
        if let set = ArchiFileSet(path: path) { return "the file name ends in \(set.table.fileName) and the header is Archi's" }
        return "the header is that of Archi's \(table.fileName)"
    }

    /// The Archi sets in `folder`, by their file names: `elements.csv`, `relations.csv`,
    /// `properties.csv` with the same prefix (none, or one such as `test1-`), sorted by prefix. A
    /// prefixed set counts when one of its files has the header of Archi's table of its name (a
    /// folder of exports may hold a `team-properties.csv` that is a spreadsheet).
    public func archiSets(inFolder folder: String) -> [ArchiFileSet] {
        guard let names = try? fileSystem.contents(ofDirectory: folder) else { return [] }
        let plain = ArchiFileSet(folder: folder)
        var sets: [String: ArchiFileSet] = [:]
        var confirmed = Set<String>()
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = plain.prefix + name
            guard var set = ArchiFileSet(path: path), set.suffix == plain.suffix, fileSystem.isRegularFile(path) else { continue }
            let table = set.table
            set.table = .elements
            if sets[set.prefix] == nil { sets[set.prefix] = set }
            if set.prefix == plain.prefix || headerTable(of: path) == table { confirmed.insert(set.prefix) }
        }
        return confirmed.sorted().compactMap { sets[$0] }
    }

    /// The last part of `path`.
    private static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// Whether `path` is read as an ArchiMate exchange document: a file that starts like one (its
    /// root element `model` in the exchange format's namespace), or whose name ends in `.xml` (the
    /// exchange reader then says what the file is instead; no Archi CSV file is XML).
    public func isExchangeDocument(_ path: String) -> Bool {
        Self.isExchangeDocument(path, in: fileSystem)
    }

    /// ``isExchangeDocument(_:)`` in `fileSystem` (for jobs that have no detector).
    public static func isExchangeDocument(_ path: String, in fileSystem: any FileSystem) -> Bool {
        guard fileSystem.isRegularFile(path) else { return false }
        return hasExchangeName(path) || startsAsExchangeDocument(path, in: fileSystem)
    }

    /// Whether the file at `path` starts like an exchange document (its first 4 KB).
    static func startsAsExchangeDocument(_ path: String, in fileSystem: any FileSystem) -> Bool {
        guard let prefix = try? fileSystem.prefix(path, count: exchangePrefixLength) else { return false }
        return ExchangeReader.isExchangeDocument(prefix: prefix)
    }

    /// Whether `path` is named like an XML file (`*.xml`, any case).
    private static func hasExchangeName(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".xml")
    }

    /// How much of a file is looked at to recognise an exchange document.
    static let exchangePrefixLength = 4096

    /// Whether the batch input at `path` is the elements file of an Archi set (by its name and header).
    public func isArchiSetInput(_ path: String) -> Bool {
        guard let set = ArchiFileSet(path: path), set.table == .elements else { return false }
        return headerTable(of: path) == .elements
    }

    /// The files of the set that `input` names, in the order elements, relations, properties; `nil`
    /// for a file of the set that is not there. The file named must exist.
    public func archiFiles(of input: String) throws(RunFailure) -> [(table: ArchiTable, path: String?)] {
        if isExchangeDocument(input) { return [(.elements, input)] }
        if fileSystem.isDirectory(input) {
            let set = try archiSet(inFolder: input)
            return ArchiTable.allCases.map { table in (table, fileSystem.isRegularFile(set.path(of: table)) ? set.path(of: table) : nil) }
        }
        guard fileSystem.isRegularFile(input) else {
            do {
                try fileSystem.open(input).close()
            } catch {
                throw RunFailure(.unreadableInput, "cannot open: \(error.reason)", file: input)
            }
            throw RunFailure(.unreadableInput, "not a file", file: input)
        }
        guard let set = ArchiFileSet(path: input) else {
            // A file named otherwise: read alone, as the table its header shows (elements by default).
            return [(headerTable(of: input) ?? .elements, input)]
        }
        return ArchiTable.allCases.map { table in
            let path = set.path(of: table)
            return (table, table == set.table || fileSystem.isRegularFile(path) ? path : nil)
        }
    }

    /// The one Archi set in `folder`; a folder with none, or with several, is refused.
    func archiSet(inFolder folder: String) throws(RunFailure) -> ArchiFileSet {
        let sets = archiSets(inFolder: folder)
        guard let set = sets.first else {
            throw RunFailure(.unreadableInput, "the folder holds no Archi CSV set (elements.csv, relations.csv, properties.csv, "
                                + "or such files with the same prefix, as test1-elements.csv)", file: folder)
        }
        guard sets.count == 1 else {
            let names = sets.map { Self.fileName($0.path(of: .elements)) }
            let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
            throw RunFailure(.unreadableInput, "the folder holds \(sets.count) Archi CSV sets (\(shown)); one input is one set",
                             file: folder, hint: "name the elements file of each set to read, e.g. \(sets[0].path(of: .elements))")
        }
        return set
    }

    /// The files of the set that `input` names, opened for ``Pipeline/read(archiSet:)``; close them
    /// when read.
    public func openArchiSet(_ input: String) throws(RunFailure) -> [Pipeline.ArchiFile] {
        if isExchangeDocument(input) {
            return [Pipeline.ArchiFile(exchange: input, source: try fileSystem.openInput(input))]
        }
        var files: [Pipeline.ArchiFile] = []
        do {
            for (table, path) in try archiFiles(of: input) {
                guard let path else {
                    let set = fileSystem.isDirectory(input) ? try archiSet(inFolder: input) : ArchiFileSet(path: input)
                    files.append(Pipeline.ArchiFile(table: table, file: set?.path(of: table) ?? input, source: nil))
                    continue
                }
                files.append(Pipeline.ArchiFile(table: table, file: path, source: try fileSystem.openInput(path)))
            }
        } catch {
            Pipeline.ArchiFile.close(files)
            throw error
        }
        return files
    }

    /// The bytes of every file of the set that `path` names, for a content hash.
    public func contents(ofArchiSetAt path: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for (_, file) in (try? archiFiles(of: path)) ?? [] {
            guard let file, let content = try? fileSystem.read(file, limit: 1 << 30) else { continue }
            bytes += Array(file.utf8) + [0] + content + [0]
        }
        return bytes
    }

    /// The Archi table whose header the file at `path` starts with.
    public func headerTable(of path: String) -> ArchiTable? {
        guard let bytes = try? fileSystem.prefix(path, count: 1 << 16), !bytes.isEmpty else { return nil }
        return ArchiCSVReader.table(ofHeaderIn: bytes)
    }
}
