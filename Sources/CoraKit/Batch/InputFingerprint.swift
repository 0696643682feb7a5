import CoraCSV

/// What reading a whole input once gives `cora batch`: its SHA-256 (to skip it next time when
/// unchanged), its first bytes (to tell a binary file) and its size.
public struct InputFingerprint: Sendable {
    /// The SHA-256 of the content, in hex.
    public var hash: String
    /// The first bytes (up to ``InputContent/prefixLength``).
    public var prefix: [UInt8]
    /// The size in bytes.
    public var size: Int

    /// Reads `path` once; stops with `interrupted` when `stop` says so.
    public static func of(_ path: String, in fileSystem: any FileSystem, stop: () -> Bool) -> Result<InputFingerprint, FileSystemError> {
        let file: any OpenedFile
        do {
            file = try fileSystem.open(path)
        } catch {
            return .failure(error)
        }
        defer { file.close() }
        var source = file
        var hash = SHA256()
        var prefix: [UInt8] = []
        var size = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if stop() { return .failure(FileSystemError(path: path, reason: "interrupted")) }
            let result: Result<Int, ByteSourceError> = buffer.withUnsafeMutableBytes { pointer in
                Result { () throws(ByteSourceError) in try source.read(into: pointer) }
            }
            let count: Int
            switch result {
            case .success(let read): count = read
            case .failure(let error): return .failure(FileSystemError(path: path, reason: error.reason))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            if prefix.count < InputContent.prefixLength {
                prefix.append(contentsOf: buffer[0..<min(count, InputContent.prefixLength - prefix.count)])
            }
            size += count
        }
        return .success(InputFingerprint(hash: hash.hexDigest(), prefix: prefix, size: size))
    }
}
