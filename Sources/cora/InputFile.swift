#if canImport(Glibc)
import Glibc
#endif
import CoraCSV

/// An input named on the command line: a file, or `-` for standard input.
struct InputFile {
    /// The name as given (used in diagnostics).
    let name: String
    /// The open descriptor.
    let descriptor: Int32

    /// Opens `path`; `-` is standard input.
    init(path: String) throws {
        name = path
        if path == "-" {
            descriptor = 0
            return
        }
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            throw CLIFailure(message: "\(path): error: is a directory, not a CSV file [unreadable-input]")
        }
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            throw CLIFailure(message: "\(path): error: cannot open: \(String(cString: strerror(errno))) [unreadable-input]")
        }
        descriptor = opened
    }

    /// A byte source reading the file.
    var source: FileDescriptorByteSource { FileDescriptorByteSource(descriptor: descriptor) }

    /// Closes the file (not standard input).
    func close() {
        if descriptor != 0 { _ = Glibc.close(descriptor) }
    }

    /// Reads the whole file as text (for mapping files).
    static func readText(path: String, limit: Int) throws -> String {
        let input = try InputFile(path: path)
        defer { input.close() }
        var source = input.source
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit {
                // Name the line where the limit is passed, as for every other problem in a mapping.
                let line = 1 + bytes[..<limit].count { $0 == 0x0A }
                throw CLIFailure(message: "\(path):\(line): error: the file is larger than \(limit) bytes; the limit is passed on line \(line)")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
