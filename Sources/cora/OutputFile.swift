#if canImport(Glibc)
import Glibc
#endif

/// Writes an output file safely: to a temporary file beside it, then renamed into place, so an
/// interrupted run never leaves a half-written file. `-` or no path is standard output.
enum OutputFile {
    /// Writes `bytes` to `path` (standard output for `nil` or `-`).
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            try Terminal.writeStdout(bytes)
            return
        }
        let temporary = path + ".cora-tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw RunFailure(message: "\(path): error: cannot write: \(String(cString: strerror(errno)))")
        }
        var offset = 0
        var failure: String?
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += written
        }
        if failure == nil && fsync(descriptor) != 0 && errno != EINVAL { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw RunFailure(message: "\(path): error: cannot write: \(failure)")
        }
    }
}
