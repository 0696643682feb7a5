#if canImport(Glibc)
import Glibc
#endif
import CoraCSV
import CoraKit

/// Finds the mapping named on the command line: a mapping by name (a local one in `./Mappings` or
/// `$CORA_MAPPINGS`, else a shipped one), a YAML file by path, or `auto`: the one that fits the
/// input's header best.
enum MappingResolver {
    /// The argument that chooses the mapping from the input's header.
    static let auto = "auto"

    /// The environment variable naming a folder of local mappings.
    static let environmentVariable = "CORA_MAPPINGS"

    /// One mapping the command line knows by name.
    struct Entry {
        /// The mapping's name (its `name:`, else the file name without `.yaml`).
        var name: String
        /// `builtin`, or the path of the YAML file.
        var origin: String
        /// The YAML text.
        var yaml: String
        /// The parsed mapping, or why it cannot be used.
        var mapping: Result<Mapping, MappingError>

        /// Whether the mapping is compiled in.
        var isBuiltin: Bool { origin == "builtin" }
    }

    /// The folders searched for local mappings: `Mappings` in the working directory, then `$CORA_MAPPINGS`.
    static var localFolders: [String] {
        var folders = ["Mappings"]
        if let value = getenv(environmentVariable), case let folder = String(cString: value), !folder.isEmpty, folder != "Mappings" {
            folders.append(folder)
        }
        return folders
    }

    /// Every known mapping: the shipped ones, then the local ones (`*.yaml` in ``localFolders``).
    /// A local mapping with the name of a shipped one takes its place when looked up by name.
    static func entries() -> [Entry] {
        var result: [Entry] = MappingCatalog.builtin.sources.sorted { $0.name < $1.name }.map { source in
            let parsed: Result<Mapping, MappingError> = Result { () throws(MappingError) in try MappingCatalog.builtin.mapping(named: source.name) }
            return Entry(name: source.name, origin: "builtin", yaml: source.yaml, mapping: parsed)
        }
        var seenPaths = Set<String>()
        for folder in localFolders {
            for file in yamlFiles(in: folder) {
                let path = folder.hasSuffix("/") ? folder + file : folder + "/" + file
                guard seenPaths.insert(realPath(path)).inserted else { continue }
                let fallback = baseName(of: path)
                let text: String
                do {
                    text = try InputFile.readText(path: path, limit: MappingParser.maxBytes)
                } catch {
                    result.append(Entry(name: fallback, origin: path, yaml: "", mapping: .failure(MappingError(file: path, message: "\(error)"))))
                    continue
                }
                let parsed: Result<Mapping, MappingError> = Result { () throws(MappingError) in try MappingParser.parse(text, file: path, fallbackName: fallback) }
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
    static func entry(_ argument: String) throws -> Entry {
        if looksLikePath(argument) {
            let text: String
            do {
                text = try InputFile.readText(path: argument, limit: MappingParser.maxBytes)
            } catch let failure as CLIFailure {
                throw CLIFailure(message: "\(failure.message) (the mapping file)")
            }
            let parsed: Result<Mapping, MappingError> = Result { () throws(MappingError) in
                try MappingParser.parse(text, file: argument, fallbackName: baseName(of: argument))
            }
            return Entry(name: (try? parsed.get())?.name ?? baseName(of: argument), origin: argument, yaml: text, mapping: parsed)
        }
        let all = entries()
        let local = all.filter { !$0.isBuiltin && ($0.name == argument || baseName(of: $0.origin) == argument) }
        if let found = local.first ?? all.first(where: { $0.isBuiltin && $0.name == argument }) { return found }
        let names = Array(Set(all.map(\.name))).sorted()
        let suggestion = Suggestion.closest(to: argument, in: names + [auto])
        throw CLIFailure(message: MappingError(
            file: argument, message: "no mapping named \"\(argument)\"",
            hint: (suggestion.map { "did you mean \"\($0)\"? " } ?? "")
                + "known mappings: \(names.joined(separator: ", ")) (cora mapping list); or give the path of a .yaml file, or auto").description)
    }

    /// The mapping for `argument` (a name or a path; not `auto`, which needs the input).
    static func resolve(_ argument: String) throws -> Mapping {
        if argument == auto {
            throw CLIFailure(message: "error: --mapping auto needs an input to look at; name a mapping (cora mapping list)")
        }
        do {
            return try entry(argument).mapping.get()
        } catch let error as MappingError {
            throw CLIFailure(message: error.description)
        }
    }

    /// The mapping for `argument`, choosing from the first of `inputs` when it is `auto`.
    ///
    /// With `auto`, standard input (`-`) is read into memory to look at its header; the bytes are
    /// returned so that the conversion reads them from there (`bufferedStandardInput`). The choice
    /// and why are printed on standard error: `FILE: note: mapping auto chose NAME: REASON`.
    static func resolve(_ argument: String, inputs: [String], readOptions: CSVReadOptions) throws
        -> (mapping: Mapping, bufferedStandardInput: [UInt8]?) {
        guard argument == auto, let first = inputs.first else { return (try resolve(argument), nil) }
        var standardInput: [UInt8]?
        if inputs.contains("-") { standardInput = try readStandardInput() }

        let selection = select(for: first, standardInput: standardInput, candidates: autoCandidates().map(\.mapping), readOptions: readOptions)
        guard let mapping = selection.mapping else {
            let name = first == "-" ? "standard input" : first
            throw CLIFailure(message: """
                \(first): error: --mapping auto: no mapping fits the header of \(name): \(selection.fullReason)
                \(first): note: draft a mapping with `cora mapping init \(first) -o Mappings/NAME.yaml`, or name one with --mapping
                """)
        }
        Terminal.writeStderr("\(first): note: mapping auto chose \(mapping.name): \(selection.reason)\n")
        return (mapping, standardInput)
    }

    /// The mappings `--mapping auto` chooses among, with their entries: the shipped ones and the
    /// local ones, a local mapping replacing a shipped one of the same name. Local mappings that
    /// cannot be used are left out with a warning on standard error.
    static func autoCandidates() -> [(mapping: Mapping, entry: Entry)] {
        var candidates: [(mapping: Mapping, entry: Entry)] = []
        var byName: [String: Int] = [:]
        for entry in entries() {
            switch entry.mapping {
            case .success(let mapping):
                // A local mapping replaces a shipped one of the same name.
                if let index = byName[mapping.name] {
                    candidates[index] = (mapping, entry)
                } else {
                    byName[mapping.name] = candidates.count
                    candidates.append((mapping, entry))
                }
            case .failure(let error):
                Terminal.writeStderr("\(entry.origin): warning: left out of --mapping auto: \(error.message)\n")
            }
        }
        return candidates
    }

    /// Chooses among `candidates` the mapping that fits the header of `path` (or of the buffered
    /// standard input) best, reading the first records once per dialect that a candidate asks for.
    static func select(for path: String, standardInput: [UInt8]?, candidates: [Mapping], readOptions: CSVReadOptions)
        -> MappingSelector.Selection {
        var cache: [String: Result<[[String]], MappingSelectorError>] = [:]
        let deepest = candidates.map(\.dialect.skipRows).max() ?? 0
        return MappingSelector(candidates: candidates).select { mapping in
            var options = readOptions
            if options.delimiter == nil { options.delimiter = mapping.dialect.delimiter }
            if options.encoding == nil { options.encoding = mapping.dialect.encoding }
            let key = "\(options.delimiter.map(String.init) ?? "-")/\(options.encoding?.rawValue ?? "-")"
            let records = cache[key] ?? firstRecords(of: path, standardInput: standardInput, options: options, count: deepest + 1)
            cache[key] = records
            return records.flatMap { records in
                let skip = mapping.dialect.skipRows
                guard skip < records.count else {
                    return .failure(MappingSelectorError(reason: skip == 0 ? "the file has no header" : "the file has no record \(skip + 1) for its header (skip-rows: \(skip))"))
                }
                return .success(records[skip])
            }
        }
    }

    /// The first `count` records of `path` (or of the buffered standard input), read with `options`.
    private static func firstRecords(of path: String, standardInput: [UInt8]?, options: CSVReadOptions, count: Int)
        -> Result<[[String]], MappingSelectorError> {
        do {
            if path == "-" {
                return .success(try firstRecords(MemoryByteSource(standardInput ?? []), options: options, count: count))
            }
            let input = try InputFile(path: path)
            defer { input.close() }
            return .success(try firstRecords(input.source, options: options, count: count))
        } catch let failure as CLIFailure {
            return .failure(MappingSelectorError(reason: failure.message))
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

    /// The most standard input that `--mapping auto` holds in memory: 1 GiB.
    static let standardInputLimit = 1 << 30

    /// Reads all of standard input into memory (at most ``standardInputLimit`` bytes).
    static func readStandardInput() throws -> [UInt8] {
        var source = FileDescriptorByteSource(descriptor: 0)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            } catch {
                throw CLIFailure(message: "-: error: cannot read standard input: \(error) [unreadable-input]")
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > standardInputLimit {
                throw CLIFailure(message: "-: error: standard input is larger than \(standardInputLimit >> 20) MiB; --mapping auto holds it in memory: save it to a file, or name the mapping [unreadable-input]")
            }
        }
        return bytes
    }

    // MARK: Files

    static func looksLikePath(_ argument: String) -> Bool {
        argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/")
    }

    /// The file name without its folder and without `.yaml`/`.yml`.
    static func baseName(of path: String) -> String {
        var name = String(path.split(separator: "/").last ?? Substring(path))
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }

    /// The names of the `*.yaml` and `*.yml` files in `folder`, sorted; none when it does not exist.
    private static func yamlFiles(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !name.hasPrefix(".") else { continue }
            var status = stat()
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            names.append(name)
        }
        return names.sorted()
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
