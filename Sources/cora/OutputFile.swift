#if canImport(Glibc)
import Glibc
#endif

/// Writes an output file safely: to a temporary file beside it, then renamed into place, so an
/// interrupted run never leaves a half-written file. `-` or no path is standard output.
enum OutputFile {
    /// Writes `bytes` to `path` (standard output for `nil` or `-`).
    static func write(_ bytes: [UInt8], to path: String?) throws {
        try write(to: path) { (write: (UnsafeRawBufferPointer) throws -> Void) in
            try bytes.withUnsafeBytes { try write($0) }
        }
    }

    /// Writes what `produce` hands to its argument, piece by piece, to `path` (standard output for
    /// `nil` or `-`): a large output is never held whole in memory. A file is complete or not there.
    static func write(to path: String?, _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            try produce { try Terminal.writeStdout($0) }
            return
        }
        let temporary = path + ".cora-tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CLIFailure(message: "\(path): error: cannot write: \(String(cString: strerror(errno)))")
        }
        var failure: String?
        do {
            try produce { bytes in
                if let error = writeAll(bytes, to: descriptor) { throw WriteFailure(reason: error) }
            }
        } catch let error as WriteFailure {
            failure = error.reason
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if failure == nil && fsync(descriptor) != 0 && errno != EINVAL { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw CLIFailure(message: "\(path): error: cannot write: \(failure)")
        }
    }

    private struct WriteFailure: Error {
        var reason: String
    }

    /// Writes all of `bytes`; the reason when it could not.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
