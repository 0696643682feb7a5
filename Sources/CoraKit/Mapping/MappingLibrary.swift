import CoraCSV

/// The mappings a run can name: the shipped ones, and the YAML files in the local folders
/// (`./Mappings`, then `$CORA_MAPPINGS`); a local mapping with the name of a shipped one takes its
/// place. `--mapping` names one of them, gives the path of a YAML file, or says `auto` (the one
/// whose columns fit the input's header best) or `archi` (the Archi CSV set reader).
public struct MappingLibrary: Sendable {
    /// The argument that chooses the mapping from the input's header.
    public static let auto = "auto"
    /// The argument that reads Archi CSV sets.
    public static let archi = "archi"
    /// The reader name for ArchiMate exchange documents: the same reader as ``archi``, which reads
    /// an exchange document as well as a CSV set.
    public static let exchange = "ameff"

    /// The names `--mapping` takes besides the YAML mappings: the readers built into cora, with what
    /// they read (for `cora mapping list` and `show`).
    public static let readers: [(name: String, description: String)] = [
        (archi, "Archi's CSV export set (elements.csv, relations.csv, properties.csv; name a file of the set or its folder), read by cora itself, not by a YAML mapping"),
        (exchange, "An ArchiMate Open Exchange Format document (.xml, as Archi, BiZZdesign and Sparx EA export it), read by the archi reader"),
        (auto, "Chooses for the first input: archi for an Archi set or exchange document, else the mapping whose detect headers its header matches (the default)"),
    ]

    /// `argument` with ``exchange`` read as ``archi``: the one reader of Archi models.
    public static func readerName(_ argument: String) -> String {
        argument.lowercased() == exchange ? archi : argument
    }
    /// The environment variable naming a folder of local mappings.
    public static let environmentVariable = "CORA_MAPPINGS"
    /// The most standard input that `--mapping auto` holds in memory: 1 GiB.
    public static let standardInputLimit = 1 << 30

    /// The folders searched for local mappings, in order.
    public let folders: [String]
    /// Where the folders and mapping files are read.
    public let fileSystem: any FileSystem

    /// The library of `folders` in `fileSystem`.
    public init(folders: [String], fileSystem: any FileSystem) {
        self.folders = folders
        self.fileSystem = fileSystem
    }

    /// The local folders: `Mappings` in the working directory, then the folder the environment
    /// variable names (its value, if any).
    public static func localFolders(environmentValue: String?) -> [String] {
        var folders = ["Mappings"]
        if let folder = environmentValue, !folder.isEmpty, folder != "Mappings" { folders.append(folder) }
        return folders
    }

    /// One mapping the library knows by name.
    public struct Entry: Sendable {
        /// The mapping's name (its `name:`, else the file name without `.yaml`).
        public var name: String
        /// `builtin`, or the path of the YAML file.
        public var origin: String
        /// The YAML text.
        public var yaml: String
        /// The parsed mapping, or why it cannot be used.
        public var mapping: Result<Mapping, MappingError>

        /// Whether the mapping is compiled in.
        public var isBuiltin: Bool { origin == "builtin" }
    }

    /// Every known mapping: the shipped ones, then the local ones (`*.yaml` in ``folders``).
    public func entries() -> [Entry] {
        var result: [Entry] = MappingCatalog.builtin.sources.sorted { $0.name < $1.name }.map { source in
            let parsed: Result<Mapping, MappingError> = Result { () throws(MappingError) in try MappingCatalog.builtin.mapping(named: source.name) }
            return Entry(name: source.name, origin: "builtin", yaml: source.yaml, mapping: parsed)
        }
        var seenPaths = Set<String>()
        for folder in folders {
            for file in yamlFiles(in: folder) {
                let path = BatchPath.join(folder, file)
                guard seenPaths.insert(fileSystem.realPath(path) ?? path).inserted else { continue }
                let fallback = Self.baseName(of: path)
                let text: String
                do {
                    text = String(decoding: try fileSystem.read(path, limit: MappingParser.maxBytes), as: UTF8.self)
                } catch {
                    result.append(Entry(name: fallback, origin: path, yaml: "",
                                        mapping: .failure(MappingError(file: path, line: error.line, message: error.reason))))
                    continue
                }
                let parsed: Result<Mapping, MappingError> = Result { () throws(MappingError) in
                    try MappingParser.parse(text, file: path, fallbackName: fallback)
                }
                let name = (try? parsed.get())?.name ?? fallback
                // The source of a shipped mapping (running in the package folder) is that mapping, not another.
                if let builtin = MappingCatalog.builtin.yaml(named: name), builtin + "\n" == text || builtin == text { continue }
                result.append(Entry(name: name, origin: path, yaml: text, mapping: parsed))
            }
        }
        return result
    }

    /// The entry that `argument` names: a path (ends in `.yaml`/`.yml` or holds `/`), else a name,
    /// local mappings first.
    public func entry(_ argument: String) throws(RunFailure) -> Entry {
        if Self.looksLikePath(argument) {
            let text: String
            do {
                text = String(decoding: try fileSystem.read(argument, limit: MappingParser.maxBytes), as: UTF8.self)
            } catch {
                throw RunFailure(.invalidMapping, error.line == nil ? "cannot read the mapping file: \(error.reason)" : error.reason,
                                 file: argument, line: error.line)
            }
            let parsed: Result<Mapping, MappingError> = Result { () throws(MappingError) in
                try MappingParser.parse(text, file: argument, fallbackName: Self.baseName(of: argument))
            }
            return Entry(name: (try? parsed.get())?.name ?? Self.baseName(of: argument), origin: argument, yaml: text, mapping: parsed)
        }
        let all = entries()
        let local = all.filter { !$0.isBuiltin && ($0.name == argument || Self.baseName(of: $0.origin) == argument) }
        if let found = local.first ?? all.first(where: { $0.isBuiltin && $0.name == argument }) { return found }
        let names = Array(Set(all.map(\.name))).sorted()
        let suggestion = Suggestion.closest(to: argument, in: names + [Self.auto])
        throw RunFailure([MappingError(
            file: argument, message: "no mapping named \"\(argument)\"",
            hint: (suggestion.map { "did you mean \"\($0)\"? " } ?? "")
                + "known mappings: \(names.joined(separator: ", ")) (cora mapping list); or give the path of a .yaml file, or auto").diagnostic])
    }

    /// The note that a local mapping takes the place of the shipped mapping of its name (a
    /// `Mappings/canonical.yaml` unpacked with someone's exports), naming its file; `nil` for any
    /// other entry.
    public func shadowingNote(_ entry: Entry) -> Note? {
        guard !entry.isBuiltin else { return nil }
        // A local file is found by its name: as well as by the name inside it (entry(_:)).
        let fileName = Self.baseName(of: entry.origin)
        guard let shadowed = [entry.name, fileName].first(where: { MappingCatalog.builtin.yaml(named: $0) != nil }) else { return nil }
        if shadowed != entry.name {
            return Note(file: entry.origin, message: "this local mapping (name: \(entry.name)) takes the place of the built-in mapping \"\(shadowed)\" by its file name; "
                            + "rename the file to keep both")
        }
        return Note(file: entry.origin, message: "this local mapping takes the place of the built-in mapping \"\(entry.name)\"; "
                        + "rename it (name: in the file) to keep both")
    }

    /// The mapping `argument` names (a name or a path; not `auto`, which needs an input); `tell`
    /// hears when a local mapping takes the place of a built-in one.
    public func mapping(_ argument: String, tell: (RunMessage) -> Void = { _ in }) throws(RunFailure) -> Mapping {
        if argument == Self.auto {
            throw RunFailure(.invalidMapping, "--mapping auto needs an input to look at; name a mapping (cora mapping list)")
        }
        let entry = try entry(argument)
        if let note = shadowingNote(entry) { tell(.note(note)) }
        switch entry.mapping {
        case .success(let mapping): return mapping
        case .failure(let error): throw RunFailure(error.diagnostics)
        }
    }

    /// The mappings `--mapping auto` chooses among, with their entries: the shipped ones and the
    /// local ones, a local mapping replacing a shipped one of the same name (with a note in
    /// `messages` naming its file). A local mapping that cannot be used is left out with a warning
    /// in `messages`.
    public func autoCandidates(messages: inout [RunMessage]) -> [(mapping: Mapping, entry: Entry)] {
        var candidates: [(mapping: Mapping, entry: Entry)] = []
        var byName: [String: Int] = [:]
        for entry in entries() {
            switch entry.mapping {
            case .success(let mapping):
                if let index = byName[mapping.name] {
                    if candidates[index].entry.isBuiltin, let note = shadowingNote(entry) { messages.append(.note(note)) }
                    candidates[index] = (mapping, entry)
                } else {
                    byName[mapping.name] = candidates.count
                    candidates.append((mapping, entry))
                }
            case .failure(let error):
                messages.append(.warning(Diagnostic(.invalidMapping, "left out of --mapping auto: \(error.message)", severity: .warning,
                                                    file: entry.origin, line: error.line)))
            }
        }
        return candidates
    }

    /// Chooses among `candidates` the mapping that fits the header of `path` (or of the buffered
    /// standard input) best, reading the first records once per dialect that a candidate asks for;
    /// `skipRows` (`--skip-rows`) takes the place of what each mapping says.
    public func select(for path: String, standardInput: [UInt8]?, candidates: [Mapping], readOptions: CSVReadOptions,
                       skipRows: Int? = nil) -> MappingSelector.Selection {
        var cache: [String: Result<[[String]], MappingSelectorError>] = [:]
        let deepest = skipRows ?? candidates.map(\.dialect.skipRows).max() ?? 0
        return MappingSelector(candidates: candidates).select { mapping in
            var options = readOptions
            if options.delimiter == nil { options.delimiter = mapping.dialect.delimiter }
            if options.encoding == nil { options.encoding = mapping.dialect.encoding }
            let key = "\(options.delimiter.map(String.init) ?? "-")/\(options.encoding?.rawValue ?? "-")"
            let records = cache[key] ?? firstRecords(of: path, standardInput: standardInput, options: options, count: deepest + 1)
            cache[key] = records
            return records.flatMap { records in
                let skip = skipRows ?? mapping.dialect.skipRows
                guard skip < records.count else {
                    return .failure(MappingSelectorError(reason: skip == 0 ? "the file has no header" : "the file has no record \(skip + 1) for its header (skip-rows: \(skip))"))
                }
                return .success(records[skip])
            }
        }
    }

    /// The first `count` records of `path` (or of the buffered standard input), read with `options`.
    private func firstRecords(of path: String, standardInput: [UInt8]?, options: CSVReadOptions, count: Int)
        -> Result<[[String]], MappingSelectorError> {
        do {
            if path == "-" {
                return .success(try Self.firstRecords(MemoryByteSource(standardInput ?? []), options: options, count: count))
            }
            guard !fileSystem.isDirectory(path) else {
                return .failure(MappingSelectorError(reason: "\(path): error: is a directory, not a CSV file [unreadable-input]"))
            }
            let file = try fileSystem.open(path)
            defer { file.close() }
            return .success(try Self.firstRecords(file, options: options, count: count))
        } catch let error as FileSystemError {
            return .failure(MappingSelectorError(reason: "\(path): error: cannot open: \(error.reason) [unreadable-input]"))
        } catch {
            return .failure(MappingSelectorError(reason: "cannot read the header: \(error)"))
        }
    }

    private static func firstRecords(_ source: some ByteSource, options: CSVReadOptions, count: Int) throws -> [[String]] {
        let reader = try CSVReader(source: source, options: options)
        var records: [[String]] = []
        while records.count < count, let record = try reader.next() { records.append(record.fields) }
        return records
    }

    // MARK: Files

    /// Whether `argument` names a file rather than a mapping: it ends in `.yaml`/`.yml` or holds `/`.
    public static func looksLikePath(_ argument: String) -> Bool {
        argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/")
    }

    /// The file name without its folder and without `.yaml`/`.yml`.
    public static func baseName(of path: String) -> String {
        var name = String(path.split(separator: "/").last ?? Substring(path))
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }

    /// The names of the `*.yaml` and `*.yml` files in `folder`, sorted; none when it does not exist.
    private func yamlFiles(in folder: String) -> [String] {
        guard let names = try? fileSystem.contents(ofDirectory: folder) else { return [] }
        return names.filter { name in
            (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") && fileSystem.isRegularFile(BatchPath.join(folder, name))
        }.sorted()
    }
}
