#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CoraCSV
import CoraKit
import Synchronization

/// The machine's own files, through POSIX: the ``FileSystem`` the command line hands the library.
///
/// Writing is the one atomic writer of `cora`: a new temporary file `.cora-tmp-<pid>-<n>-<random>`
/// beside the target (`O_EXCL | O_NOFOLLOW`, so never through a link), given the permissions of
/// the file it replaces, written, `fsync`ed, closed and renamed into place; on any failure it is
/// removed and the target is as it was, and a SIGINT or SIGTERM removes it too (see
/// ``InterruptSignal``).
public struct LocalFileSystem: FileSystem {
    /// The file system of this process.
    public init() {}

    public func status(of path: String) -> FileStatus? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Self.fileStatus(status)
    }

    public func linkStatus(of path: String) -> FileStatus? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return Self.fileStatus(status)
    }

    private static func fileStatus(_ status: stat) -> FileStatus {
        let kind: FileStatus.Kind
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regularFile
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        return FileStatus(kind: kind, size: Int(status.st_size),
                          identity: FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
    }

    public func contents(ofDirectory path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else { throw FileSystemError(path: path, reason: Self.systemError()) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            // The name where it is in the entry, up to its NUL: a copy of the whole `d_name` field
            // (256 bytes) would read past the end of an entry with a short name.
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 0
            let name = String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public var workingDirectory: String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }

    public func open(_ path: String) throws(FileSystemError) -> any OpenedFile {
        var status = stat()
        guard stat(path, &status) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                throw FileSystemError(path: path, reason: "a link to nothing (\(Self.systemError()))")
            }
            throw FileSystemError(path: path, reason: Self.systemError())
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileSystemError(path: path, reason: "a folder, not a file")
        default: throw FileSystemError(path: path, reason: "not a regular file")
        }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(path: path, reason: Self.systemError()) }
        return DescriptorFile(source: FileDescriptorByteSource(descriptor: descriptor))
    }

    public func standardInput() -> any OpenedFile {
        DescriptorFile(source: FileDescriptorByteSource(descriptor: 0))
    }

    public func write(_ path: String, _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        // A device, a FIFO or a socket (`-o /dev/null`, a named pipe) is written into as it is: a
        // rename would replace it with a file.
        // A link is written through, not replaced by a file: one into /proc or under /dev
        // (`-o /dev/stdout`, which leads to /proc/self/fd/1, whatever that is) as it is, in place;
        // any other into the file it leads to, replaced whole as a file named directly is.
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
            if path.hasPrefix("/dev/") || Self.linkTarget(path)?.hasPrefix("/proc/") == true { return try writeInPlace(path, produce) }
            if let target = realPath(path), target != path { return try write(target, produce) }
        }
        var existing = stat()
        if stat(path, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw FileSystemError(path: path, reason: "a folder, not a file")
            default: return try writeInPlace(path, produce)
            }
        }
        let folder = BatchPath.parent(path)
        let (temporary, descriptor, slot) = try Self.createTemporaryFile(in: folder.isEmpty ? "." : folder, prefix: temporaryPrefix, for: path)
        defer { TemporaryFileRegistry.unregister(slot) }
        // The file replaced keeps its permissions: a private (0600) inventory stays private.
        if existing.st_mode & S_IFMT == S_IFREG, fchmod(descriptor, existing.st_mode & 0o777) != 0 {
            let reason = Self.systemError()
            close(descriptor)
            unlink(temporary)
            throw FileSystemError(path: path, reason: reason)
        }
        var failure: String?
        do {
            try produce { bytes in
                if let error = Self.writeAll(bytes, to: descriptor) { throw FileSystemError(path: path, reason: error) }
            }
        } catch let error as FileSystemError where error.path == path {
            failure = error.reason
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if failure == nil && fsync(descriptor) != 0 && errno != EINVAL { failure = Self.systemError() }
        if close(descriptor) != 0 && failure == nil { failure = Self.systemError() }
        if failure == nil && rename(temporary, path) != 0 { failure = Self.systemError() }
        if let failure {
            unlink(temporary)
            throw FileSystemError(path: path, reason: failure)
        }
    }

    /// Creates a new temporary file in `folder` for writing `path`: its name is the prefix, a
    /// number and a random part, and it is created exclusively and never through a link (`O_EXCL |
    /// O_NOFOLLOW`), like `mkstemp`: a file or a link planted under a name `cora` might use is never
    /// written through, only passed by. Permissions are those of a new file (0666 less the umask).
    /// The name is registered for removal on a signal and the file made as one step (see
    /// ``TemporaryFileRegistry``), so that no signal can come between the two and no file is
    /// made once the process is ending.
    private static func createTemporaryFile(in folder: String, prefix: String, for path: String) throws(FileSystemError) -> (String, Int32, Int?) {
        for _ in 0..<16 {
            let number = temporaryCounter.add(1, ordering: .relaxed).newValue
            let random = String(UInt64.random(in: 0 ... .max) & 0xFFFF_FFFF_FFFF, radix: 16)
            let temporary = BatchPath.join(folder, prefix + "\(number)-\(random)")
            guard let (descriptor, slot) = TemporaryFileRegistry.create(temporary, {
                Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            }) else {
                throw FileSystemError(path: path, reason: "cora is ending")
            }
            if descriptor >= 0 { return (temporary, descriptor, slot) }
            let failure = errno
            if failure != EEXIST {
                errno = failure
                break
            }
        }
        throw FileSystemError(path: path, reason: systemError())
    }

    /// Writes into the special file at `path` (a device, a FIFO) without replacing it.
    /// What the link at `path` holds, as written (not resolved).
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func writeInPlace(_ path: String, _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let descriptor = Glibc.open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(path: path, reason: Self.systemError()) }
        defer { close(descriptor) }
        try produce { bytes in
            if let error = Self.writeAll(bytes, to: descriptor) { throw FileSystemError(path: path, reason: error) }
        }
    }

    public func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) throws(FileSystemError) {
        if let error = Self.writeAll(bytes, to: 1) { throw FileSystemError(path: "-", reason: error) }
    }

    public func createDirectory(_ path: String) throws(FileSystemError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileSystemError(path: path, reason: Self.systemError()) }
    }

    public func removeFile(_ path: String) {
        unlink(path)
    }

    public func isWritableDirectory(_ path: String) -> Bool {
        isDirectory(path) && access(path, W_OK | X_OK) == 0
    }

    public var temporaryPrefix: String { ".cora-tmp-\(getpid())-" }

    public func isAbandonedTemporaryFile(_ name: String) -> Bool {
        guard name.hasPrefix(".cora-tmp-") else { return false }
        // `.cora-tmp-<pid>-<n>-<random>` (or `.cora-tmp-<pid>-<n>` from earlier versions), nothing else.
        let parts = name.dropFirst(".cora-tmp-".count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 2 || parts[2].allSatisfy(\.isHexDigit) else { return false }
        let pid = Int32(parts[0])
        guard let pid, pid > 0, pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Writes all of `bytes`; the reason when it could not.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return systemError()
            }
            offset += written
        }
        return nil
    }

    /// The text of `errno`.
    static func systemError() -> String { String(cString: strerror(errno)) }
}

/// Numbers the temporary files of this process.
private let temporaryCounter = Atomic<Int>(0)
