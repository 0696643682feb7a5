import CoraCSV
import Synchronization

/// A ``FileSystem`` in memory, for tests: files and folders under absolute paths, with a working
/// directory; links are not modelled.
public final class MemoryFileSystem: FileSystem {
    private let state = Mutex<State>(State())
    private struct State {
        var files: [String: [UInt8]] = [:]
        var folders: Set<String> = ["/"]
        var standardOutput: [UInt8] = []
    }

    public let workingDirectory: String
    /// What standard input holds.
    public let standardInputBytes: [UInt8]

    /// A file system with `files` (relative paths are under `workingDirectory`); their folders exist.
    public init(files: [String: [UInt8]] = [:], workingDirectory: String = "/work", standardInput: [UInt8] = []) {
        self.workingDirectory = workingDirectory
        self.standardInputBytes = standardInput
        _ = state.withLock { $0.folders.insert(workingDirectory) }
        for (path, bytes) in files { add(path, bytes) }
    }

    /// Adds (or replaces) the file at `path`, with its folders.
    public func add(_ path: String, _ bytes: [UInt8]) {
        let absolute = self.absolute(path)
        state.withLock { state in
            var folder = BatchPath.parent(absolute)
            while folder != "/" && !folder.isEmpty {
                state.folders.insert(folder)
                folder = BatchPath.parent(folder)
            }
            state.files[absolute] = bytes
        }
    }

    /// The file at `path`, if there is one.
    public func file(_ path: String) -> [UInt8]? {
        state.withLock { $0.files[absolute(path)] }
    }

    /// What was written to standard output.
    public var standardOutput: [UInt8] { state.withLock { $0.standardOutput } }

    private func absolute(_ path: String) -> String {
        BatchPath.normalize(path.hasPrefix("/") ? path : BatchPath.join(workingDirectory, path))
    }

    public func status(of path: String) -> FileStatus? {
        let absolute = self.absolute(path)
        return state.withLock { state in
            if let bytes = state.files[absolute] {
                return FileStatus(kind: .regularFile, size: bytes.count, identity: Self.identity(absolute))
            }
            return state.folders.contains(absolute) ? FileStatus(kind: .directory, identity: Self.identity(absolute)) : nil
        }
    }

    public func linkStatus(of path: String) -> FileStatus? { status(of: path) }

    public func contents(ofDirectory path: String) throws(FileSystemError) -> [String] {
        let absolute = self.absolute(path)
        let names: [String]? = state.withLock { state in
            guard state.folders.contains(absolute) else { return nil }
            let children = (Array(state.files.keys) + Array(state.folders)).filter { $0 != absolute && BatchPath.parent($0) == absolute }
            return children.map(BatchPath.lastComponent)
        }
        guard let names else { throw FileSystemError(path: path, reason: "No such file or directory") }
        return names
    }

    public func realPath(_ path: String) -> String? {
        status(of: path) == nil ? nil : absolute(path)
    }

    public func open(_ path: String) throws(FileSystemError) -> any OpenedFile {
        guard let status = status(of: path) else { throw FileSystemError(path: path, reason: "No such file or directory") }
        guard status.kind == .regularFile, let bytes = file(path) else { throw FileSystemError(path: path, reason: "Is a directory") }
        return MemoryFile(source: MemoryByteSource(bytes))
    }

    public func standardInput() -> any OpenedFile { MemoryFile(source: MemoryByteSource(standardInputBytes)) }

    public func write(_ path: String, _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard isDirectory(BatchPath.parent(absolute(path))) else { throw FileSystemError(path: path, reason: "No such file or directory") }
        var bytes: [UInt8] = []
        try produce { bytes.append(contentsOf: $0) }
        add(path, bytes)
    }

    public func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) throws(FileSystemError) {
        state.withLock { $0.standardOutput.append(contentsOf: bytes) }
    }

    public func createDirectory(_ path: String) throws(FileSystemError) {
        let absolute = self.absolute(path)
        try state.withLock { state throws(FileSystemError) in
            guard state.folders.contains(BatchPath.parent(absolute)) else { throw FileSystemError(path: path, reason: "No such file or directory") }
            guard state.files[absolute] == nil else { throw FileSystemError(path: path, reason: "File exists") }
            state.folders.insert(absolute)
        }
    }

    public func removeFile(_ path: String) {
        let absolute = self.absolute(path)
        _ = state.withLock { $0.files.removeValue(forKey: absolute) }
    }

    public func isWritableDirectory(_ path: String) -> Bool { isDirectory(path) }

    public let temporaryPrefix = ".cora-tmp-0-"

    public func isAbandonedTemporaryFile(_ name: String) -> Bool { name.hasPrefix(".cora-tmp-") }

    private static func identity(_ path: String) -> FileIdentity {
        FileIdentity(device: 1, inode: StableHash.fnv1a(path))
    }

    /// A file read from memory.
    private struct MemoryFile: OpenedFile {
        var source: MemoryByteSource
        var expectedByteCount: Int? { source.expectedByteCount }
        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int { try source.read(into: buffer) }
        func close() {}
    }
}
