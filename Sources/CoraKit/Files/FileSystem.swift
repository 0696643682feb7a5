import CoraCSV

/// What the library needs of the machine's files, and nothing else: the command line hands it a
/// ``FileSystem`` (`LocalFileSystem` in CoraSystem), tests an in-memory one (``MemoryFileSystem``).
///
/// Paths are as the user wrote them (relative to ``workingDirectory``, or absolute). Every write is
/// atomic: the bytes go to a temporary file beside the target, which is renamed into place, so an
/// interrupted run never leaves half a file.
public protocol FileSystem: Sendable {
    /// What is at `path`, following links; `nil` when nothing is.
    func status(of path: String) -> FileStatus?
    /// What is at `path` itself: a link is ``FileStatus/Kind/link``.
    func linkStatus(of path: String) -> FileStatus?
    /// The names in the folder at `path` (without `.` and `..`), in no particular order.
    func contents(ofDirectory path: String) throws(FileSystemError) -> [String]
    /// `path` with every link resolved, if it exists.
    func realPath(_ path: String) -> String?
    /// The folder relative paths start from.
    var workingDirectory: String { get }

    /// Opens the regular file at `path` for reading (a FIFO or a device is refused, so that it
    /// never blocks a run).
    func open(_ path: String) throws(FileSystemError) -> any OpenedFile
    /// Standard input.
    func standardInput() -> any OpenedFile

    /// Writes the file at `path` atomically with what `produce` hands to its argument: to a new
    /// temporary file beside it (never through a link), synced, then renamed into place. A failure
    /// of the system is a ``FileSystemError``; what `produce` throws is passed on.
    func write(_ path: String, _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws
    /// Writes to standard output.
    func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) throws(FileSystemError)
    /// Makes the folder at `path` (its parent must exist); a folder already there is fine.
    func createDirectory(_ path: String) throws(FileSystemError)
    /// Removes the file at `path`, if it can.
    func removeFile(_ path: String)
    /// Whether the folder at `path` can be written in.
    func isWritableDirectory(_ path: String) -> Bool

    /// The temporary files that writes of this process use start with this, in the folder of the
    /// file written: `.cora-tmp-<process id>-` (then a number and a random part).
    var temporaryPrefix: String { get }
    /// Whether a temporary file named `name` was left by a process that no longer runs.
    func isAbandonedTemporaryFile(_ name: String) -> Bool
}

extension FileSystem {
    /// Whether `path` is a folder (following links).
    public func isDirectory(_ path: String) -> Bool { status(of: path)?.kind == .directory }

    /// Whether `path` is a regular file (following links).
    public func isRegularFile(_ path: String) -> Bool { status(of: path)?.kind == .regularFile }

    /// The whole file at `path`; a file larger than `limit` is refused, naming the line where the
    /// limit is passed.
    public func read(_ path: String, limit: Int = .max) throws(FileSystemError) -> [UInt8] {
        var file = try open(path)
        defer { file.close() }
        return try Self.readAll(&file, path: path, limit: limit)
    }

    /// Opens the input at `path` (`-`: standard input), saying why it cannot be as a run's failure.
    public func openInput(_ path: String) throws(RunFailure) -> any OpenedFile {
        if path == "-" { return standardInput() }
        if isDirectory(path) { throw RunFailure(.unreadableInput, "is a directory, not a CSV file", file: path) }
        do {
            return try open(path)
        } catch {
            throw RunFailure(.unreadableInput, "cannot open: \(error.reason)", file: path)
        }
    }

    /// A key that two paths share when they name the same file: its device and inode when it
    /// exists, else its folder with links resolved and its name (compared as bytes, and ignoring
    /// case, since a file system may).
    public func sameFileKey(_ path: String) -> String {
        if let status = status(of: path) { return "file \(status.identity.device):\(status.identity.inode)" }
        let absolute = BatchPath.normalize(path.hasPrefix("/") ? path : BatchPath.join(workingDirectory, path))
        let folder = realPath(BatchPath.parent(absolute)) ?? BatchPath.parent(absolute)
        return "path " + BatchPath.join(folder, BatchPath.lastComponent(absolute)).lowercased()
    }

    /// Removes, from the folders that `paths` are written into, the temporary files that an earlier
    /// run of `cora` left when it was killed before it could rename them (their process is gone;
    /// only regular files with `cora`'s own temporary names); returns how many.
    @discardableResult
    public func removeAbandonedTemporaryFiles(besides paths: [String]) -> Int {
        var removed = 0
        var folders = Set<[UInt8]>()
        for path in paths where path != "-" {
            let folder = BatchPath.parent(path).nonEmpty ?? "."
            guard folders.insert(Array(folder.utf8)).inserted, let names = try? contents(ofDirectory: folder) else { continue }
            for name in names where isAbandonedTemporaryFile(name) {
                let file = BatchPath.join(folder, name)
                guard linkStatus(of: file)?.kind == .regularFile else { continue }
                removeFile(file)
                if linkStatus(of: file) == nil { removed += 1 }
            }
        }
        return removed
    }

    /// The first `count` bytes of the file at `path` (fewer if it is shorter).
    public func prefix(_ path: String, count: Int) throws(FileSystemError) -> [UInt8] {
        var file = try open(path)
        defer { file.close() }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let result: Result<Int, ByteSourceError> = bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(ByteSourceError) in try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])) }
            }
            let read: Int
            switch result {
            case .success(let count): read = count
            case .failure(let error): throw FileSystemError(path: path, reason: error.reason)
            }
            if read == 0 { break }
            filled += read
        }
        return Array(bytes[..<filled])
    }

    /// Everything `file` holds; more than `limit` bytes is refused, naming the line where the
    /// limit is passed.
    static func readAll(_ file: inout some OpenedFile, path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let result: Result<Int, ByteSourceError> = buffer.withUnsafeMutableBytes { pointer in
                Result { () throws(ByteSourceError) in try file.read(into: pointer) }
            }
            let count: Int
            switch result {
            case .success(let read): count = read
            case .failure(let error): throw FileSystemError(path: path, reason: error.reason)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit {
                let line = 1 + bytes[..<limit].count { $0 == 0x0A }
                throw FileSystemError(path: path, reason: "the file is larger than \(limit) bytes; the limit is passed on line \(line)", line: line)
            }
        }
        return bytes
    }

    /// All of standard input (at most `limit` bytes).
    public func readStandardInput(limit: Int) throws(FileSystemError) -> [UInt8] {
        var input = standardInput()
        return try Self.readAll(&input, path: "-", limit: limit)
    }
}
