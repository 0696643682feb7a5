#if canImport(Glibc)
import Glibc
#endif
import CoraCSV
import CoraKit
import Synchronization

/// The output folder of `cora batch`: every write goes through here, to a temporary file renamed
/// into place, only inside the folder, and (unless forced) only when the bytes differ from what is
/// already there.
struct BatchOutputFolder: Sendable {
    /// The folder as named on the command line (for messages).
    let name: String
    /// The folder with every link resolved: outputs must resolve to paths inside it.
    let realPath: String

    /// Why an output was not written.
    enum WriteError: Error, CustomStringConvertible {
        /// The output would land outside the folder (a link inside it points out).
        case escapes(String)
        /// The system refused (no space, no permission, …): the run cannot go on.
        case failed(String)

        var description: String {
            switch self {
            case .escapes(let message), .failed(let message): return message
            }
        }
    }

    /// Creates the folder (and its parents) if needed and checks that it can be written.
    init(creating path: String) throws {
        name = path
        var status = stat()
        if stat(path, &status) != 0 {
            var built = path.hasPrefix("/") ? "/" : ""
            for part in BatchPath.components(path) {
                built = built.isEmpty || built == "/" ? built + part : built + "/" + part
                if mkdir(built, 0o755) != 0 && errno != EEXIST {
                    throw CLIFailure(message: "\(path): error: cannot create the output folder: \(Self.systemError())")
                }
            }
        }
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw CLIFailure(message: "\(path): error: --out must name a folder, and this is not one")
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw CLIFailure(message: "\(path): error: cannot write in the output folder: \(Self.systemError())")
        }
        guard let resolved = Self.realPath(path) else {
            throw CLIFailure(message: "\(path): error: cannot resolve the output folder: \(Self.systemError())")
        }
        realPath = resolved
    }

    /// The absolute path of `relative` inside the folder (links not resolved).
    func absolute(_ relative: String) -> String {
        BatchPath.join(realPath, relative)
    }

    /// Where writing `relative` would really put it: the folder part with its links resolved (as
    /// far as it exists), then the name. A link as the last component is not followed: renaming
    /// onto it replaces the link.
    func resolvedTarget(of relative: String) -> String {
        let path = absolute(relative)
        var existing = BatchPath.parent(path)
        var rest: [String] = [BatchPath.lastComponent(path)]
        while Self.realPath(existing) == nil && existing != "/" {
            rest.insert(BatchPath.lastComponent(existing), at: 0)
            existing = BatchPath.parent(existing)
        }
        return BatchPath.normalize(([Self.realPath(existing) ?? existing] + rest).joined(separator: "/"))
    }

    /// The size of the regular file (not a link) at `relative`, if there is one.
    func size(of relative: String) -> Int? {
        var status = stat()
        guard lstat(absolute(relative), &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Writes `bytes` to `relative`; returns whether the file was (re)written, `false` when it
    /// already held exactly these bytes (and `force` is off).
    @discardableResult
    func write(_ bytes: [UInt8], to relative: String, force: Bool) throws(WriteError) -> Bool {
        let path = absolute(relative)
        let parent = BatchPath.parent(path)
        try makeFolders(upTo: parent, for: relative)
        if !force, size(of: relative) == bytes.count, let existing = try? BatchFile.readAll(path), existing == bytes {
            return false
        }
        let temporary = BatchPath.join(parent, ".cora-tmp-\(getpid())-\(temporaryCounter.add(1, ordering: .relaxed).newValue)")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .failed("\(name)/\(relative): error: cannot write: \(Self.systemError())") }
        var failure: String?
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = Self.systemError()
                break
            }
            offset += written
        }
        if failure == nil && fsync(descriptor) != 0 && errno != EINVAL { failure = Self.systemError() }
        if close(descriptor) != 0 && failure == nil { failure = Self.systemError() }
        if failure == nil && rename(temporary, path) != 0 { failure = Self.systemError() }
        if let failure {
            unlink(temporary)
            throw .failed("\(name)/\(relative): error: cannot write: \(failure)")
        }
        return true
    }

    /// Removes the output `relative` (a file or a link, never a folder), if it is there.
    func remove(_ relative: String) {
        guard BatchPath.isSafeRelative(relative), BatchPath.isWithin(resolvedTarget(of: relative), realPath) else { return }
        var status = stat()
        let path = absolute(relative)
        if lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR { unlink(path) }
    }

    /// Removes the temporary files that an earlier run killed before it could rename them (their
    /// process is gone); returns how many.
    func sweepTemporaryFiles() -> Int {
        var removed = 0
        func sweep(_ folder: String, depth: Int) {
            guard depth < 64, let directory = opendir(folder) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = BatchFile.name(of: entry)
                if name == "." || name == ".." { continue }
                let path = BatchPath.join(folder, name)
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    sweep(path, depth: depth + 1)
                } else if name.hasPrefix(".cora-tmp-"), (status.st_mode & S_IFMT) == S_IFREG {
                    let pid = name.dropFirst(".cora-tmp-".count).split(separator: "-").first.flatMap { Int32($0) }
                    if let pid, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH, unlink(path) == 0 { removed += 1 }
                }
            }
        }
        sweep(realPath, depth: 0)
        return removed
    }

    /// Reads the file at `relative`, if it is a regular file.
    func read(_ relative: String) -> [UInt8]? {
        guard size(of: relative) != nil else { return nil }
        return try? BatchFile.readAll(absolute(relative))
    }

    /// Creates the folders of `folder` below the output folder, one by one, and checks that the
    /// result really is inside it.
    private func makeFolders(upTo folder: String, for relative: String) throws(WriteError) {
        guard BatchPath.isSafeRelative(relative) else {
            throw .escapes("\(name)/\(relative): error: not a path inside the output folder")
        }
        var current = realPath
        for part in BatchPath.components(BatchPath.relative(folder, to: realPath) ?? "") {
            current = BatchPath.join(current, part)
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw .failed("\(name)/\(relative): error: cannot create the folder: \(Self.systemError())")
            }
        }
        guard let resolved = Self.realPath(folder), BatchPath.isWithin(resolved, realPath) else {
            throw .escapes("\(name)/\(relative): error: the output would land outside the output folder (through a link to \(Self.realPath(folder) ?? folder)); nothing written")
        }
    }

    /// `path` with every link resolved, if it exists.
    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}

/// Numbers the temporary files of this process.
private let temporaryCounter = Atomic<Int>(0)

/// Reading inputs for `cora batch`.
enum BatchFile {
    /// Why an input cannot be read.
    struct ReadError: Error, Sendable, CustomStringConvertible {
        let reason: String
        init(_ reason: String) { self.reason = reason }
        var description: String { reason }
    }

    /// What reading a whole input gave: its SHA-256, its first bytes and its size.
    struct Fingerprint: Sendable {
        var hash: String
        var prefix: [UInt8]
        var size: Int
    }

    /// Opens `path` for reading: only a regular file (a link to one is fine), so that a FIFO or a
    /// device never blocks the batch; the message says why not.
    static func open(_ path: String) -> Result<Int32, ReadError> {
        var status = stat()
        guard stat(path, &status) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK { return .failure(ReadError("a link to nothing (\(BatchOutputFolder.systemError()))")) }
            return .failure(ReadError(BatchOutputFolder.systemError()))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(ReadError("a folder, not a file"))
        default: return .failure(ReadError("not a regular file"))
        }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadError(BatchOutputFolder.systemError())) }
        return .success(descriptor)
    }

    /// Reads `path` once: its hash, its first bytes (for ``InputContent``) and its size.
    static func fingerprint(_ path: String, stop: () -> Bool) -> Result<Fingerprint, ReadError> {
        let descriptor: Int32
        switch open(path) {
        case .success(let opened): descriptor = opened
        case .failure(let reason): return .failure(reason)
        }
        defer { close(descriptor) }
        var hash = SHA256()
        var prefix: [UInt8] = []
        var size = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if stop() { return .failure(ReadError("interrupted")) }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(BatchOutputFolder.systemError()))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            if prefix.count < InputContent.prefixLength {
                prefix.append(contentsOf: buffer[0..<min(count, InputContent.prefixLength - prefix.count)])
            }
            size += count
        }
        return .success(Fingerprint(hash: hash.hexDigest(), prefix: prefix, size: size))
    }

    /// The whole file.
    static func readAll(_ path: String) throws -> [UInt8] {
        let descriptor: Int32
        switch open(path) {
        case .success(let opened): descriptor = opened
        case .failure(let reason): throw CLIFailure(message: "\(path): error: cannot read: \(reason)")
        }
        defer { close(descriptor) }
        var source = FileDescriptorByteSource(descriptor: descriptor)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// The name of a directory entry.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
        }
    }
}

/// A byte source that stops with an error as soon as `stop` says so (Ctrl-C), so that a long
/// input in progress is abandoned instead of finished.
struct StoppableByteSource<Base: ByteSource>: ByteSource {
    var base: Base
    let stop: @Sendable () -> Bool

    /// The reason given when stopped.
    static var interruptedReason: String { "interrupted" }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        if stop() { throw ByteSourceError(reason: Self.interruptedReason) }
        return try base.read(into: buffer)
    }
}
