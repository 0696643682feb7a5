/// Finds the inputs of `cora batch` from its arguments: files, folders (searched recursively for
/// `*.csv`, `*.txt` and `*.tsv`, and ArchiMate exchange documents `*.xml` when Archi models are read) and wildcard patterns the shell did not expand (`'data/*/*.csv'`,
/// `'data/**/*.csv'`), and gives each the relative path its outputs are named after.
///
/// - A folder: its files relative to it. Hidden files and folders are left out, links to folders
///   are not followed (no loops), links to files are (a link to nothing is an input that fails),
///   and the output folder is never searched when it lies inside an input folder, nor is a folder
///   inside an input folder that holds the manifest of an earlier batch (its outputs).
/// - A pattern: the files it matches relative to its fixed part (`data` for `data/*/*.csv`); a
///   folder it matches is searched like a folder.
/// - Files named one by one: relative to the deepest folder they have in common, so that
///   `legacy/2019/a.csv legacy/2020/a.csv` (what the shell made of `legacy/*/a.csv`) keep their folders.
/// - An Archi CSV set is one input: its `elements.csv`; `relations.csv` and `properties.csv` go with
///   it, when the elements file really starts with Archi's header and Archi sets are read at all
///   (`--mapping auto` or `archi`). Spreadsheets that happen to be called so stay inputs of their own.
public struct BatchInputScanner: Sendable {
    /// Where the inputs are.
    public let fileSystem: any FileSystem
    /// The output folder: never searched, and never an input folder itself.
    public let outputFolder: String
    /// Whether Archi sets are read as sets (`--mapping auto` or `archi`).
    public let readsArchiSets: Bool

    /// A scanner that keeps out of `outputFolder`.
    public init(fileSystem: any FileSystem, outputFolder: String, readsArchiSets: Bool = true) {
        self.fileSystem = fileSystem
        self.outputFolder = outputFolder
        self.readsArchiSets = readsArchiSets
    }

    /// What the arguments gave.
    public struct Scan: Sendable {
        /// The inputs with their sizes, in order of relative path.
        public var inputs: [(input: BatchInput, size: Int)] = []
        /// What to tell the user (a pattern that matched nothing, a link to a folder not followed).
        public var messages: [RunMessage] = []
    }

    /// Scans `arguments`; an argument that is the output folder itself is refused.
    public func scan(_ arguments: [String]) throws(RunFailure) -> Scan {
        var scan = Scan()
        var found: [(input: BatchInput, size: Int)] = []
        var plainFiles: [String] = []
        let outputID = fileSystem.status(of: outputFolder)?.identity

        func isOutputFolder(_ status: FileStatus) -> Bool { status.identity == outputID }
        /// A table by its extension; with Archi models read, an ArchiMate exchange document (`*.xml`) by its start.
        func isInput(_ name: String, _ path: String) -> Bool {
            if BatchPath.hasInputExtension(name) { return true }
            guard readsArchiSets, name.lowercased().hasSuffix(".xml") else { return false }
            if InputDetector.startsAsExchangeDocument(path, in: fileSystem) { return true }
            scan.messages.append(.note(Note(file: path, message: "an XML file, but no ArchiMate exchange document (no <model> of the exchange format in its first 4 KB); not an input (name it to read it anyway)")))
            return false
        }

        /// Adds the input files under `folder`, with relative paths under `prefix`.
        func walk(_ folder: String, prefix: String, depth: Int) {
            guard depth < 64 else { return }
            let names: [String]
            do {
                names = try fileSystem.contents(ofDirectory: folder)
            } catch {
                scan.messages.append(.warning(Diagnostic(.unreadableInput, "cannot search the folder: \(error.reason)", severity: .warning,
                                                         file: folder)))
                return
            }
            for name in names.filter({ !$0.hasPrefix(".") }).sorted() {
                let path = BatchPath.join(folder, name)
                let relative = BatchPath.join(prefix, name)
                guard let status = fileSystem.linkStatus(of: path) else { continue }
                switch status.kind {
                case .directory:
                    if isOutputFolder(status) { continue }
                    // The output folder of an earlier batch (it holds a manifest): its outputs are not inputs.
                    if fileSystem.linkStatus(of: BatchPath.join(path, BatchPlan.manifest))?.kind == .regularFile {
                        scan.messages.append(.note(Note(file: path, message: "the output folder of an earlier cora batch (it holds \(BatchPlan.manifest)); not searched")))
                        continue
                    }
                    walk(path, prefix: relative, depth: depth + 1)
                case .regularFile:
                    if isInput(name, path) { found.append((BatchInput(path: path, relativePath: relative), status.size)) }
                case .link:
                    let target = fileSystem.status(of: path)
                    if target?.kind == .directory {
                        scan.messages.append(.note(Note(file: path, message: "a link to a folder; not followed (name the folder itself to include it)")))
                    } else if isInput(name, path) {
                        found.append((BatchInput(path: path, relativePath: relative), target?.size ?? 0))
                    }
                case .other:
                    continue
                }
            }
        }

        /// Adds what the pattern components `rest` match below `folder`.
        func expand(_ folder: String, _ rest: ArraySlice<String>, prefix: String, depth: Int) -> Int {
            guard depth < 64 else { return 0 }
            guard let head = rest.first else {
                guard let status = fileSystem.status(of: folder) else {
                    // A link to nothing that the pattern named: an input that fails, as a file would.
                    found.append((BatchInput(path: folder, relativePath: prefix), 0))
                    return 1
                }
                if status.kind == .directory {
                    if isOutputFolder(status) { return 0 }
                    let before = found.count
                    walk(folder, prefix: prefix, depth: depth)
                    return found.count - before
                }
                found.append((BatchInput(path: folder, relativePath: prefix), status.size))
                return 1
            }
            var matched = 0
            if head == "**" {
                matched += expand(folder, rest.dropFirst(), prefix: prefix, depth: depth)
                for name in entries(of: folder) where !name.hasPrefix(".") {
                    let path = BatchPath.join(folder, name)
                    guard let status = fileSystem.linkStatus(of: path), status.kind == .directory, !isOutputFolder(status) else { continue }
                    matched += expand(path, rest, prefix: BatchPath.join(prefix, name), depth: depth + 1)
                }
            } else if GlobPattern.hasWildcards(head) {
                let pattern = GlobPattern(head)
                for name in entries(of: folder) where pattern.matches(name) {
                    matched += expand(BatchPath.join(folder, name), rest.dropFirst(), prefix: BatchPath.join(prefix, name), depth: depth + 1)
                }
            } else {
                let path = BatchPath.join(folder, head)
                if fileSystem.linkStatus(of: path) != nil {
                    matched += expand(path, rest.dropFirst(), prefix: BatchPath.join(prefix, head), depth: depth + 1)
                }
            }
            return matched
        }

        for argument in arguments {
            if fileSystem.linkStatus(of: argument) != nil {
                if let target = fileSystem.status(of: argument), target.kind == .directory {
                    if isOutputFolder(target) {
                        throw RunFailure(.outputOverInput, "the output folder is this input folder; choose another --out (a folder inside it is fine)",
                                         file: argument)
                    }
                    walk(argument, prefix: "", depth: 0)
                } else {
                    plainFiles.append(argument)
                }
            } else if GlobPattern.hasWildcards(argument) {
                let (base, rest) = GlobPattern.split(argument)
                if expand(base, rest[...], prefix: "", depth: 0) == 0 {
                    scan.messages.append(.warning(Diagnostic(.noInputs, "matches no files", severity: .warning, file: argument)))
                }
            } else {
                // Not there: an input that fails ("No such file or directory"), without stopping the others.
                plainFiles.append(argument)
            }
        }

        if !plainFiles.isEmpty {
            let workingDirectory = fileSystem.workingDirectory
            let absolute = plainFiles.map { BatchPath.normalize(BatchPath.join(workingDirectory, $0)) }
            let common = BatchPath.commonAncestor(absolute.map(BatchPath.parent))
            for (argument, path) in zip(plainFiles, absolute) {
                found.append((BatchInput(path: argument, relativePath: BatchPath.relative(path, to: common) ?? BatchPath.lastComponent(path)),
                              fileSystem.status(of: argument)?.size ?? 0))
            }
        }

        // The same file reached twice (a folder and a pattern, or a link) is read once. Paths are
        // compared as bytes: `café.csv` in NFC and in NFD are two files (Swift's == would say one).
        var seen = Set<[UInt8]>()
        let workingDirectory = fileSystem.workingDirectory
        for entry in found {
            let key = fileSystem.realPath(entry.input.path) ?? BatchPath.normalize(BatchPath.join(workingDirectory, entry.input.path))
            if seen.insert(Array(key.utf8)).inserted { scan.inputs.append(entry) }
        }
        scan.inputs.sort { ($0.input.relativePath, $0.input.path) < ($1.input.relativePath, $1.input.path) }
        // An Archi CSV set is one input: its elements.csv; relations.csv and properties.csv go with it.
        guard readsArchiSets else { return scan }
        let elements = Set(scan.inputs.compactMap { entry -> [UInt8]? in
            guard let set = ArchiFileSet(path: entry.input.path), set.table == .elements,
                  let bytes = try? fileSystem.prefix(entry.input.path, count: 1 << 16),
                  ArchiCSVReader.table(ofHeaderIn: bytes) == .elements else { return nil }
            return Array((set.prefix + "\u{1F}" + set.suffix).utf8)
        })
        scan.inputs.removeAll { entry in
            guard let set = ArchiFileSet(path: entry.input.path), set.table != .elements else { return false }
            return elements.contains(Array((set.prefix + "\u{1F}" + set.suffix).utf8))
        }
        return scan
    }

    /// The names in `folder`, sorted (none when it cannot be read).
    private func entries(of folder: String) -> [String] {
        ((try? fileSystem.contents(ofDirectory: folder)) ?? []).sorted()
    }
}
