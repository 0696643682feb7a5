#if canImport(Glibc)
import Glibc
#endif
import CoraKit

/// Finds the inputs of `cora batch` from its arguments: files, folders (searched recursively for
/// `*.csv`, `*.txt` and `*.tsv`) and wildcard patterns the shell did not expand (`'data/*/*.csv'`,
/// `'data/**/*.csv'`), and gives each the relative path its outputs are named after.
///
/// - A folder: its files relative to it. Hidden files and folders are left out, links to folders
///   are not followed (no loops), links to files are (a link to nothing is an input that fails),
///   and the output folder is never searched when it lies inside an input folder.
/// - A pattern: the files it matches relative to its fixed part (`data` for `data/*/*.csv`); a
///   folder it matches is searched like a folder.
/// - Files named one by one: relative to the deepest folder they have in common, so that
///   `legacy/2019/a.csv legacy/2020/a.csv` (what the shell made of `legacy/*/a.csv`) keep their folders.
struct BatchInputScanner {
    /// The output folder, resolved: never searched, and never an input folder itself.
    let outputFolder: String

    /// What the arguments gave.
    struct Scan {
        /// The inputs with their sizes, in order of relative path.
        var inputs: [(input: BatchInput, size: Int)] = []
        /// Notes for standard error (a pattern that matched nothing, a link to a folder not followed).
        var notes: [String] = []
    }

    /// Scans `arguments`.
    func scan(_ arguments: [String]) throws -> Scan {
        var scan = Scan()
        var found: [(input: BatchInput, size: Int)] = []
        var plainFiles: [String] = []
        var outputStatus = stat()
        let outputID = stat(outputFolder, &outputStatus) == 0 ? (outputStatus.st_dev, outputStatus.st_ino) : nil

        func isOutputFolder(_ status: stat) -> Bool {
            guard let outputID else { return false }
            return status.st_dev == outputID.0 && status.st_ino == outputID.1
        }

        /// Adds the input files under `folder` (shown as `shown`), with relative paths under `prefix`.
        func walk(_ folder: String, prefix: String, depth: Int) {
            guard depth < 64, let directory = opendir(folder) else {
                if depth < 64 { scan.notes.append("\(folder): warning: cannot search the folder: \(BatchOutputFolder.systemError())") }
                return
            }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = BatchFile.name(of: entry)
                if !name.hasPrefix(".") { names.append(name) }
            }
            closedir(directory)
            for name in names.sorted() {
                let path = BatchPath.join(folder, name)
                let relative = BatchPath.join(prefix, name)
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    if !isOutputFolder(status) { walk(path, prefix: relative, depth: depth + 1) }
                case S_IFREG:
                    if BatchPath.hasInputExtension(name) { found.append((BatchInput(path: path, relativePath: relative), Int(status.st_size))) }
                case S_IFLNK:
                    var target = stat()
                    if stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR {
                        scan.notes.append("\(path): note: a link to a folder; not followed (name the folder itself to include it)")
                    } else if BatchPath.hasInputExtension(name) {
                        let size = stat(path, &target) == 0 ? Int(target.st_size) : 0
                        found.append((BatchInput(path: path, relativePath: relative), size))
                    }
                default:
                    continue
                }
            }
        }

        /// Adds what the pattern components `rest` match below `folder`.
        func expand(_ folder: String, _ rest: ArraySlice<String>, prefix: String, depth: Int) -> Int {
            guard depth < 64 else { return 0 }
            guard let head = rest.first else {
                var status = stat()
                guard stat(folder, &status) == 0 else {
                    // A link to nothing that the pattern named: an input that fails, as a file would.
                    found.append((BatchInput(path: folder, relativePath: prefix), 0))
                    return 1
                }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    if isOutputFolder(status) { return 0 }
                    let before = found.count
                    walk(folder, prefix: prefix, depth: depth)
                    return found.count - before
                }
                found.append((BatchInput(path: folder, relativePath: prefix), Int(status.st_size)))
                return 1
            }
            var matched = 0
            if head == "**" {
                matched += expand(folder, rest.dropFirst(), prefix: prefix, depth: depth)
                for name in entries(of: folder) where !name.hasPrefix(".") {
                    let path = BatchPath.join(folder, name)
                    var status = stat()
                    guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR, !isOutputFolder(status) else { continue }
                    matched += expand(path, rest, prefix: BatchPath.join(prefix, name), depth: depth + 1)
                }
            } else if GlobPattern.hasWildcards(head) {
                let pattern = GlobPattern(head)
                for name in entries(of: folder) where pattern.matches(name) {
                    matched += expand(BatchPath.join(folder, name), rest.dropFirst(), prefix: BatchPath.join(prefix, name), depth: depth + 1)
                }
            } else {
                let path = BatchPath.join(folder, head)
                var status = stat()
                if lstat(path, &status) == 0 {
                    matched += expand(path, rest.dropFirst(), prefix: BatchPath.join(prefix, head), depth: depth + 1)
                }
            }
            return matched
        }

        for argument in arguments {
            var status = stat()
            if lstat(argument, &status) == 0 {
                var target = stat()
                if stat(argument, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR {
                    if isOutputFolder(target) {
                        throw CLIFailure(message: "\(argument): error: the output folder is this input folder; choose another --out (a folder inside it is fine)")
                    }
                    walk(argument, prefix: "", depth: 0)
                } else {
                    plainFiles.append(argument)
                }
            } else if GlobPattern.hasWildcards(argument) {
                let (base, rest) = GlobPattern.split(argument)
                if expand(base, rest[...], prefix: "", depth: 0) == 0 {
                    scan.notes.append("\(argument): warning: matches no files")
                }
            } else {
                // Not there: an input that fails ("No such file or directory"), without stopping the others.
                plainFiles.append(argument)
            }
        }

        if !plainFiles.isEmpty {
            let workingDirectory = Self.workingDirectory()
            let absolute = plainFiles.map { BatchPath.normalize(BatchPath.join(workingDirectory, $0)) }
            let common = BatchPath.commonAncestor(absolute.map(BatchPath.parent))
            for (argument, path) in zip(plainFiles, absolute) {
                var status = stat()
                let size = stat(argument, &status) == 0 ? Int(status.st_size) : 0
                found.append((BatchInput(path: argument, relativePath: BatchPath.relative(path, to: common) ?? BatchPath.lastComponent(path)), size))
            }
        }

        // The same file reached twice (a folder and a pattern, or a link) is read once.
        var seen = Set<String>()
        for entry in found {
            let key = BatchOutputFolder.realPath(entry.input.path) ?? BatchPath.normalize(BatchPath.join(Self.workingDirectory(), entry.input.path))
            if seen.insert(key).inserted { scan.inputs.append(entry) }
        }
        scan.inputs.sort { ($0.input.relativePath, $0.input.path) < ($1.input.relativePath, $1.input.path) }
        // An Archi CSV set is one input: its elements.csv; relations.csv and properties.csv go with it.
        let elements = Set(scan.inputs.compactMap { entry -> String? in
            guard let set = ArchiFileSet(path: entry.input.path), set.table == .elements else { return nil }
            return set.prefix + "\u{1F}" + set.suffix
        })
        scan.inputs.removeAll { entry in
            guard let set = ArchiFileSet(path: entry.input.path), set.table != .elements else { return false }
            return elements.contains(set.prefix + "\u{1F}" + set.suffix)
        }
        return scan
    }

    /// The names in `folder`, sorted (none when it cannot be read).
    private func entries(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = BatchFile.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The working directory.
    static func workingDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }
}
